import { ageOn, dateOfAge } from '../../shared/local-date';
import type { EligibilityRule, RuleContext, RuleMissingOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { BIRTH_DATE_ACTION_KEY, candidateBirthDate } from './birth-date';

export function birthDateMissing(): RuleMissingOutcome {
  return missing(
    'AGE.BIRTH_DATE_MISSING',
    'Tanggal lahir belum diketahui (isi tanggal lahir atau NIK yang valid).',
    'The birth date is not known (enter the birth date or a valid NIK).',
    action('PROVIDE', 'Isi tanggal lahir sesuai KTP.', 'Enter your birth date as shown on your KTP.', { key: BIRTH_DATE_ACTION_KEY }),
  );
}

/**
 * UU 18/2017 Pasal 5 huruf a: a migrant worker is at least `law.minimumAge` (18) years old on the
 * as-of date. Being too young is fixable by waiting; the action says from when (`notBefore`).
 * Messages do not repeat the birth date.
 */
export const minimumAgeRule: EligibilityRule = {
  id: 'law.minimumAge',
  clause: 'UU-18-2017/5a',
  title: { id: 'Usia minimal (UU 18/2017 Pasal 5a)', en: 'Minimum age (UU 18/2017 Article 5a)' },
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
        `Usia minimal pekerja migran adalah ${min} tahun.`,
        `Migrant workers must be at least ${min} years old.`,
        action('WAIT', `Daftar kembali setelah berusia ${min} tahun (mulai ${from}).`, `Register again once you are ${min} (from ${from}).`, {
          notBefore: from,
          key: 'age.wait',
        }),
        { minimumAge: min, birthDateSource: b.source },
      );
    }
    return passed('AGE.OK', `Memenuhi usia minimal ${min} tahun.`, `Meets the minimum age of ${min}.`, { minimumAge: min, birthDateSource: b.source });
  },
};
