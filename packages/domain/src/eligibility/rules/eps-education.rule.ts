import { EDUCATION_LEVEL_LABELS, educationRank } from '../../parameters';
import type { EligibilityRule, RuleMissingOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';

/** The education level is not given (shared with the opening's minimum-education rule). */
export function educationMissing(): RuleMissingOutcome {
  return missing(
    'EDUCATION.MISSING',
    'Pendidikan terakhir belum diisi.',
    'The highest education level has not been provided.',
    action('PROVIDE', 'Isi pendidikan terakhir dan siapkan ijazahnya.', 'Enter your highest education level and have the certificate ready.', {
      key: 'education.provide',
    }),
  );
}

/** E-9: education at least `eps.minEducation` (SLTP, junior secondary). An equivalency (Kejar Paket) fixes it. */
export const epsEducationRule: EligibilityRule = {
  id: 'eps.education',
  clause: 'HRD-KOREA-EPS-2025/education',
  title: { id: 'Pendidikan minimal E-9', en: 'E-9 minimum education' },
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
        `Jalur E-9 mensyaratkan pendidikan minimal ${label.id}.`,
        `The E-9 route requires at least ${label.en}.`,
        action(
          'OBTAIN',
          `Selesaikan ${label.id} atau program kesetaraan (Kejar Paket) yang setara.`,
          `Complete ${label.en} or the equivalent equivalency programme (Kejar Paket).`,
          { key: 'education.obtain' },
        ),
        { minEducation: min },
      );
    }
    return passed('EDUCATION.OK', `Pendidikan memenuhi minimal ${label.id}.`, `Education meets the minimum of ${label.en}.`, { minEducation: min });
  },
};
