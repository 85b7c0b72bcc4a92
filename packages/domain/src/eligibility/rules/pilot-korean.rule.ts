import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { bestKoreanLevel } from '../korean-tests';

/**
 * E-7-3 provincial pilot (Gyeongsangnam-do 2025–26): a Korean test at TOPIK level
 * `e73pilot.minTopikLevel` (1) or above, plus a speaking test. The written level may come from the
 * pilot's own test or from a TOPIK result; the speaking part from a pilot test.
 */
export const pilotKoreanRule: EligibilityRule = {
  id: 'pilot.koreanTest',
  clause: 'GYEONGNAM-PILOT-2025/korean',
  title: { id: 'Tes bahasa Korea program percontohan (tertulis + lisan)', en: 'Pilot Korean test (written level + speaking)' },
  inputs: ['pilotKoreanTests', 'topikResults'],
  parameters: ['e73pilot.minTopikLevel', 'topik.levels'],
  evaluate(ctx) {
    const min = ctx.params.get('e73pilot.minTopikLevel');
    const bands = ctx.params.get('topik.levels');
    const pilot = ctx.profile.pilotKoreanTests ?? [];
    const topik = ctx.profile.topikResults ?? [];
    const level = bestKoreanLevel(ctx.profile, bands);
    const writtenOk = level >= min;
    const speakingPassed = pilot.some((t) => t.speakingPassed);
    const details = { level, minLevel: min, speakingPassed };
    if (writtenOk && speakingPassed) {
      return passed(
        'PILOT_KOREAN.OK',
        `Bahasa Korea level ${level} (minimal ${min}) dan lulus tes lisan.`,
        `Korean at level ${level} (minimum ${min}) and the speaking test passed.`,
        details,
      );
    }
    const key = { key: 'korean.pilot' };
    if (pilot.length === 0 && topik.length === 0) {
      return missing(
        'PILOT_KOREAN.MISSING',
        'Belum ada hasil tes bahasa Korea.',
        'No Korean test result yet.',
        action(
          'OBTAIN',
          `Ikuti tes bahasa Korea program percontohan: minimal setara TOPIK level ${min} ditambah tes lisan.`,
          `Take the pilot's Korean test: at least TOPIK level ${min} plus a speaking test.`,
          key,
        ),
        details,
      );
    }
    if (!writtenOk) {
      return fixableFail(
        'PILOT_KOREAN.LEVEL_BELOW_MINIMUM',
        `Level bahasa Korea tertinggi ${level}, di bawah minimal level ${min}.`,
        `The highest Korean level is ${level}, below the minimum of level ${min}.`,
        action('RETAKE', `Ikuti tes lagi dan capai minimal TOPIK level ${min}.`, `Take the test again and reach at least TOPIK level ${min}.`, key),
        details,
      );
    }
    if (pilot.length === 0) {
      return missing(
        'PILOT_KOREAN.SPEAKING_MISSING',
        'Level tertulis terpenuhi, tetapi belum ada tes lisan.',
        'The written level is met, but there is no speaking test yet.',
        action('OBTAIN', 'Ikuti tes lisan (speaking) program percontohan.', "Take the pilot's speaking test.", key),
        details,
      );
    }
    return fixableFail(
      'PILOT_KOREAN.SPEAKING_NOT_PASSED',
      'Tes lisan bahasa Korea belum lulus.',
      'The Korean speaking test has not been passed.',
      action('RETAKE', 'Ikuti tes lisan (speaking) lagi.', 'Take the speaking test again.', key),
      details,
    );
  },
};
