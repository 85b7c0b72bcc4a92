import { ageOn, dateOfAge } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, finalFail, fixableFail, passed } from '../rule-outcome';
import { candidateBirthDate } from './birth-date';
import { birthDateMissing } from './minimum-age.rule';
import { textRef, type Text } from '../../shared/text';

/**
 * E-9 (HRD Korea, 2025 Indonesian manufacturing round): age within `eps.ageBand` (18–39; an older
 * page says 18–40) on the as-of date. Above the band is final; below it is fixable by waiting.
 */
export const epsAgeBandRule: EligibilityRule<Text> = {
  id: 'eps.ageBand',
  clause: 'HRD-KOREA-EPS-2025/age',
  title: textRef('eps.ageBand.title'),
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
        textRef('AGE.BELOW_ROUTE_MINIMUM', band.min, band.max),
        action('WAIT', textRef('AGE.BELOW_ROUTE_MINIMUM.action', band.min, from), {
          notBefore: from,
          key: 'age.wait',
        }),
        details,
      );
    }
    if (age > band.max) {
      return finalFail('AGE.ABOVE_ROUTE_MAXIMUM', textRef('AGE.ABOVE_ROUTE_MAXIMUM', band.min, band.max), details);
    }
    return passed('AGE.WITHIN_ROUTE_BAND', textRef('AGE.WITHIN_ROUTE_BAND', band.min, band.max), details);
  },
};
