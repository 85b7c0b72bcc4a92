import { OCCUPATION_LABELS } from '../../shared/vocabulary';
import type { EligibilityRule } from '../rule';
import { finalFail, passed } from '../rule-outcome';

/** The opening's occupation must belong to the route's sectors (DOMAIN.md §3). */
export const routeOccupationRule: EligibilityRule = {
  id: 'route.occupation',
  clause: 'ROUTES/sectors',
  title: { id: 'Jabatan sesuai sektor jalur', en: "Occupation fits the route's sectors" },
  inputs: ['opening.occupation'],
  parameters: [],
  notApplicable: (ctx) =>
    ctx.opening === undefined
      ? { id: 'Tidak ada lowongan yang dinilai; jabatan diperiksa saat seleksi untuk lowongan.', en: 'No opening given; the occupation is checked when selecting for an opening.' }
      : undefined,
  evaluate(ctx) {
    const occupation = ctx.opening!.occupation;
    const label = OCCUPATION_LABELS[occupation];
    const sectorsId = ctx.routeDefinition.sectors.map((o) => OCCUPATION_LABELS[o].id).join(', ');
    const sectorsEn = ctx.routeDefinition.sectors.map((o) => OCCUPATION_LABELS[o].en).join(', ');
    if (ctx.routeDefinition.sectors.includes(occupation)) {
      return passed('ROUTE.OCCUPATION_OK', `${label.id} termasuk sektor jalur ini.`, `${label.en} is within this route's sectors.`, { occupation });
    }
    return finalFail(
      'ROUTE.OCCUPATION_NOT_IN_SECTORS',
      `${label.id} tidak termasuk sektor jalur ini (${sectorsId}).`,
      `${label.en} is not within this route's sectors (${sectorsEn}).`,
      { occupation },
    );
  },
};
