import { ageOn, dateOfAge } from '../../shared/local-date';
import type { EligibilityRule, RuleContext, RuleMissingOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { BIRTH_DATE_ACTION_KEY, candidateBirthDate } from './birth-date';
import { textRef, type Text } from '../../shared/text';

export function birthDateMissing(): RuleMissingOutcome<Text> {
  return missing(
    'AGE.BIRTH_DATE_MISSING',
    textRef('AGE.BIRTH_DATE_MISSING'),
    action('PROVIDE', textRef('AGE.BIRTH_DATE_MISSING.action'), { key: BIRTH_DATE_ACTION_KEY }),
  );
}

/**
 * UU 18/2017 Pasal 5 huruf a: a migrant worker is at least `law.minimumAge` (18) years old on the
 * as-of date. Being too young is fixable by waiting; the action says from when (`notBefore`).
 * Messages do not repeat the birth date.
 */
export const minimumAgeRule: EligibilityRule<Text> = {
  id: 'law.minimumAge',
  clause: 'UU-18-2017/5a',
  title: textRef('law.minimumAge.title'),
  inputs: ['declaredBirthDate', 'nik'],
  parameters: ['law.minimumAge'],
  evaluate(ctx: RuleContext) {
    const min = ctx.params.get('law.minimumAge');
    const b = candidateBirthDate(ctx);
    if (b === undefined) return birthDateMissing();
    const age = ageOn(b.birthDate, ctx.asOf);
    if (age < min) {
      const from = dateOfAge(b.birthDate, min);
      return fixableFail(
        'AGE.BELOW_MINIMUM',
        textRef('AGE.BELOW_MINIMUM', min),
        action('WAIT', textRef('AGE.BELOW_MINIMUM.action', min, from), {
          notBefore: from,
          key: 'age.wait',
        }),
        { minimumAge: min, birthDateSource: b.source },
      );
    }
    return passed('AGE.OK', textRef('AGE.OK', min), { minimumAge: min, birthDateSource: b.source });
  },
};
