import { EDUCATION_LEVEL_LABELS, educationRank } from '../../parameters';
import type { EligibilityRule, RuleMissingOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** The education level is not given (shared with the opening's minimum-education rule). */
export function educationMissing(): RuleMissingOutcome<Text> {
  return missing(
    'EDUCATION.MISSING',
    textRef('EDUCATION.MISSING'),
    action('PROVIDE', textRef('EDUCATION.MISSING.action'), {
      key: 'education.provide',
    }),
  );
}

/** E-9: education at least `eps.minEducation` (SLTP, junior secondary). An equivalency (Kejar Paket) fixes it. */
export const epsEducationRule: EligibilityRule<Text> = {
  id: 'eps.education',
  clause: 'HRD-KOREA-EPS-2025/education',
  title: textRef('eps.education.title'),
  inputs: ['education'],
  parameters: ['eps.minEducation'],
  evaluate(ctx) {
    const min = ctx.params.get('eps.minEducation');
    const label = EDUCATION_LEVEL_LABELS[min];
    const level = ctx.profile.education;
    if (level === undefined) return educationMissing();
    if (educationRank(level) < educationRank(min)) {
      return fixableFail(
        'EDUCATION.BELOW_MINIMUM',
        textRef('EDUCATION.BELOW_MINIMUM', label),
        action('OBTAIN', textRef('EDUCATION.BELOW_MINIMUM.action', label), { key: 'education.obtain' }),
        { minEducation: min },
      );
    }
    return passed('EDUCATION.OK', textRef('EDUCATION.OK', label), { minEducation: min });
  },
};
