import { leanDecideKotaSerangResidency } from '../../identity/residency';
import type { EligibilityRule } from '../rule';
import { action, finalFail, fixableFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/**
 * The city's program is for residents of Kota Serang, decided from the KTP/KK address
 * (identity/residency.ts), never from the NIK prefix.
 */
export const residencyRule: EligibilityRule<Text> = {
  id: 'city.residency',
  clause: 'PEMKOT-SERANG/MOU-APJATI-2025',
  title: textRef('city.residency.title'),
  inputs: ['address'],
  parameters: [],
  evaluate(ctx) {
    const d = leanDecideKotaSerangResidency(ctx.profile.address);
    const details = { residency: d.code, kecamatan: d.kecamatan ?? null };
    switch (d.code) {
      case 'RESIDENCY.KOTA_SERANG':
        return passed(d.code, d.message, details);
      case 'RESIDENCY.OUTSIDE_KOTA_SERANG':
        return finalFail(d.code, textRef('city.residency.OUTSIDE_KOTA_SERANG', d.message), details);
      case 'RESIDENCY.KECAMATAN_NOT_IN_CITY':
      case 'RESIDENCY.CITY_CONFLICT':
        return fixableFail(d.code, d.message, action('CORRECT', textRef('residency.correct.action')), details);
      default:
        return missing(d.code, d.message, action('PROVIDE', textRef('residency.provide.action')), details);
    }
  },
};
