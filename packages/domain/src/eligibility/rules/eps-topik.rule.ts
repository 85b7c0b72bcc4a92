import { toParts } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { bestValidEpsTopik, latestExpiredEpsTopik } from '../korean-tests';

/**
 * E-9: a valid EPS-TOPIK result (valid `eps.topikValidityMonths` = 24 months from the test date,
 * see korean-tests.ts) with at least `eps.topikMinScore` of `eps.topikMaxScore`. Selection is by
 * ranking within the quota; the floor is a parameter per round. An expired or low result is
 * fixable by taking the test again.
 */
export const epsTopikRule: EligibilityRule = {
  id: 'eps.koreanTest',
  clause: 'HRD-KOREA-EPS-2025/korean',
  title: { id: 'EPS-TOPIK berlaku dan memenuhi nilai minimal', en: 'Valid EPS-TOPIK result at or above the floor' },
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
        'Belum ada hasil EPS-TOPIK.',
        'No EPS-TOPIK result yet.',
        action(
          'OBTAIN',
          `Daftar dan ikuti EPS-TOPIK melalui SISKOP2MI; nilai minimal ${min} dari ${max}, hasil berlaku ${validity} bulan.`,
          `Register for and take EPS-TOPIK through SISKOP2MI; the floor is ${min} of ${max} and results are valid for ${validity} months.`,
          { key: 'korean.epsTopik' },
        ),
      );
    }
    const best = bestValidEpsTopik(ctx.profile, ctx.asOf, validity);
    if (best === undefined) {
      const last = latestExpiredEpsTopik(ctx.profile, ctx.asOf, validity);
      const year = last ? toParts(last.result.takenOn).year : undefined;
      const expired = last?.expiresOn;
      return fixableFail(
        'EPS_TOPIK.EXPIRED',
        `Hasil EPS-TOPIK sudah tidak berlaku (berlaku ${validity} bulan).`,
        `The EPS-TOPIK result is no longer valid (results are valid for ${validity} months).`,
        action(
          'RETAKE',
          `Ikuti EPS-TOPIK lagi: hasil tahun ${year} Anda kedaluwarsa pada ${expired}.`,
          `Take EPS-TOPIK again: your ${year} result expired on ${expired}.`,
          { key: 'korean.epsTopik' },
        ),
        { validityMonths: validity, expiredOn: expired ?? null },
      );
    }
    const details = { score: best.result.score, minScore: min, maxScore: max, validUntilExcluding: best.expiresOn };
    if (best.result.score < min) {
      return fixableFail(
        'EPS_TOPIK.BELOW_MINIMUM',
        `Nilai EPS-TOPIK terbaik yang berlaku ${best.result.score} dari ${max}, di bawah nilai minimal ${min}.`,
        `The best valid EPS-TOPIK score is ${best.result.score} of ${max}, below the floor of ${min}.`,
        action(
          'RETAKE',
          `Ikuti EPS-TOPIK lagi dan raih minimal ${min} dari ${max}.`,
          `Take EPS-TOPIK again and score at least ${min} of ${max}.`,
          { key: 'korean.epsTopik' },
        ),
        details,
      );
    }
    return passed(
      'EPS_TOPIK.OK',
      `EPS-TOPIK ${best.result.score} dari ${max}, berlaku sampai sebelum ${best.expiresOn}.`,
      `EPS-TOPIK ${best.result.score} of ${max}, valid until (not including) ${best.expiresOn}.`,
      details,
    );
  },
};
