import { toParts } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { bestValidEpsTopik, latestExpiredEpsTopik } from '../korean-tests';
import { textRef, type Text } from '../../shared/text';

/**
 * E-9: a valid EPS-TOPIK result (valid `eps.topikValidityMonths` = 24 months from the test date,
 * see korean-tests.ts) with at least `eps.topikMinScore` of `eps.topikMaxScore`. Selection is by
 * ranking within the quota; the floor is a parameter per round. An expired or low result is
 * fixable by taking the test again.
 */
export const epsTopikRule: EligibilityRule<Text> = {
  id: 'eps.koreanTest',
  clause: 'HRD-KOREA-EPS-2025/korean',
  title: textRef('eps.koreanTest.title'),
  inputs: ['epsTopikResults'],
  parameters: ['eps.topikValidityMonths', 'eps.topikMinScore', 'eps.topikMaxScore'],
  evaluate(ctx) {
    const validity = ctx.params.get('eps.topikValidityMonths');
    const min = ctx.params.get('eps.topikMinScore');
    const max = ctx.params.get('eps.topikMaxScore');
    const results = ctx.profile.epsTopikResults ?? [];
    if (results.length === 0) {
      return missing(
        'EPS_TOPIK.MISSING',
        textRef('EPS_TOPIK.MISSING'),
        action('OBTAIN', textRef('EPS_TOPIK.MISSING.action', min, max, validity), { key: 'korean.epsTopik' }),
      );
    }
    const best = bestValidEpsTopik(ctx.profile, ctx.asOf, validity);
    if (best === undefined) {
      const last = latestExpiredEpsTopik(ctx.profile, ctx.asOf, validity);
      const year = last ? toParts(last.result.takenOn).year : undefined;
      const expired = last?.expiresOn;
      return fixableFail(
        'EPS_TOPIK.EXPIRED',
        textRef('EPS_TOPIK.EXPIRED', validity),
        action('RETAKE', textRef('EPS_TOPIK.EXPIRED.action', year, expired), { key: 'korean.epsTopik' }),
        { validityMonths: validity, expiredOn: expired ?? null },
      );
    }
    const details = { score: best.result.score, minScore: min, maxScore: max, validUntilExcluding: best.expiresOn };
    if (best.result.score < min) {
      return fixableFail(
        'EPS_TOPIK.BELOW_MINIMUM',
        textRef('EPS_TOPIK.BELOW_MINIMUM', best.result.score, max, min),
        action('RETAKE', textRef('EPS_TOPIK.BELOW_MINIMUM.action', min, max), { key: 'korean.epsTopik' }),
        details,
      );
    }
    return passed('EPS_TOPIK.OK', textRef('EPS_TOPIK.OK', best.result.score, max, best.expiresOn), details);
  },
};
