import { OCCUPATION_LABELS } from '../../shared/vocabulary';
import type { EligibilityRule } from '../rule';
import { occupationNotInSectorsMessages } from '../rule-sets';
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
    if (ctx.routeDefinition.sectors.includes(occupation)) {
      return passed('ROUTE.OCCUPATION_OK', `${label.id} termasuk sektor jalur ini.`, `${label.en} is within this route's sectors.`, { occupation });
    }
    const m = occupationNotInSectorsMessages(occupation, ctx.routeDefinition.sectors);
    return finalFail('ROUTE.OCCUPATION_NOT_IN_SECTORS', m.id, m.en, { occupation });
  },
};
