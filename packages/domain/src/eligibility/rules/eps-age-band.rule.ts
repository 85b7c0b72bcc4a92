import { ageOn, dateOfAge } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, finalFail, fixableFail, passed } from '../rule-outcome';
import { candidateBirthDate } from './birth-date';
import { birthDateMissing } from './minimum-age.rule';

/**
 * E-9 (HRD Korea, 2025 Indonesian manufacturing round): age within `eps.ageBand` (18–39; an older
 * page says 18–40) on the as-of date. Above the band is final; below it is fixable by waiting.
 */
export const epsAgeBandRule: EligibilityRule = {
  id: 'eps.ageBand',
  clause: 'HRD-KOREA-EPS-2025/age',
  title: { id: 'Rentang usia E-9', en: 'E-9 age band' },
  inputs: ['declaredBirthDate', 'nik'],
  parameters: ['eps.ageBand'],
  evaluate(ctx) {
    const band = ctx.params.get('eps.ageBand');
    const b = candidateBirthDate(ctx);
    if (b === undefined) return birthDateMissing();
    const age = ageOn(b.birthDate, ctx.asOf);
    const details = { min: band.min, max: band.max, birthDateSource: b.source };
    if (age < band.min) {
      const from = dateOfAge(b.birthDate, band.min);
      return fixableFail(
        'AGE.BELOW_ROUTE_MINIMUM',
        `Jalur E-9 mensyaratkan usia ${band.min}–${band.max} tahun.`,
        `The E-9 route requires an age of ${band.min}–${band.max}.`,
        action('WAIT', `Daftar kembali setelah berusia ${band.min} tahun (mulai ${from}).`, `Register again once you are ${band.min} (from ${from}).`, {
          notBefore: from,
          key: 'age.wait',
        }),
        details,
      );
    }
    if (age > band.max) {
      return finalFail(
        'AGE.ABOVE_ROUTE_MAXIMUM',
        `Jalur E-9 mensyaratkan usia ${band.min}–${band.max} tahun; usia sudah melewati batas atas.`,
        `The E-9 route requires an age of ${band.min}–${band.max}; the age is above the upper limit.`,
        details,
      );
    }
    return passed('AGE.WITHIN_ROUTE_BAND', `Usia dalam rentang E-9 (${band.min}–${band.max} tahun).`, `Age within the E-9 band (${band.min}–${band.max}).`, details);
  },
};
