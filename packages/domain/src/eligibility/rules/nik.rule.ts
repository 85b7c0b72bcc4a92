import { leanCheckNikAgainstDeclared } from '../../identity/nik-consistency';
import { leanParseNik } from '../../identity/nik';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/**
 * A valid NIK whose birth date and sex agree with the declared ones (DOMAIN.md §4). Invalid or
 * inconsistent data is a fixable fail: the candidate corrects it against the KTP.
 */
export const nikRule: EligibilityRule<Text> = {
  id: 'identity.nik',
  clause: 'ADMINDUK/NIK',
  title: textRef('identity.nik.title'),
  inputs: ['nik', 'declaredBirthDate', 'declaredSex'],
  parameters: [],
  evaluate(ctx) {
    const { nik, declaredBirthDate, declaredSex } = ctx.profile;
    if (nik === undefined) {
      return missing('IDENTITY.NIK_MISSING', textRef('IDENTITY.NIK_MISSING'), action('PROVIDE', textRef('IDENTITY.NIK_MISSING.action')));
    }
    const parsed = leanParseNik(nik, ctx.asOf);
    if (!parsed.ok) {
      return fixableFail(parsed.error.code, parsed.error.message, action('CORRECT', textRef('identity.nik.invalid.action')));
    }
    const check = leanCheckNikAgainstDeclared(nik, {
      ...(declaredBirthDate !== undefined ? { birthDate: declaredBirthDate } : {}),
      ...(declaredSex !== undefined ? { sex: declaredSex } : {}),
    });
    if (!check.ok) {
      return fixableFail(
        check.error.code,
        check.error.message,
        action('CORRECT', textRef('identity.nik.mismatch.action')),
      );
    }
    return passed('IDENTITY.NIK_OK', textRef('IDENTITY.NIK_OK'));
  },
};
