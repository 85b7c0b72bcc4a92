import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { bestKoreanLevel } from '../korean-tests';
import { textRef, type Text } from '../../shared/text';

/**
 * E-7-3 provincial pilot (Gyeongsangnam-do 2025–26): a Korean test at TOPIK level
 * `e73pilot.minTopikLevel` (1) or above, plus a speaking test. The written level may come from the
 * pilot's own test or from a TOPIK result; the speaking part from a pilot test.
 */
export const pilotKoreanRule: EligibilityRule<Text> = {
  id: 'pilot.koreanTest',
  clause: 'GYEONGNAM-PILOT-2025/korean',
  title: textRef('pilot.koreanTest.title'),
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
      return passed('PILOT_KOREAN.OK', textRef('PILOT_KOREAN.OK', level, min), details);
    }
    const key = { key: 'korean.pilot' };
    if (pilot.length === 0 && topik.length === 0) {
      return missing(
        'PILOT_KOREAN.MISSING',
        textRef('PILOT_KOREAN.MISSING'),
        action('OBTAIN', textRef('PILOT_KOREAN.MISSING.action', min), key),
        details,
      );
    }
    if (!writtenOk) {
      return fixableFail(
        'PILOT_KOREAN.LEVEL_BELOW_MINIMUM',
        textRef('PILOT_KOREAN.LEVEL_BELOW_MINIMUM', level, min),
        action('RETAKE', textRef('PILOT_KOREAN.LEVEL_BELOW_MINIMUM.action', min), key),
        details,
      );
    }
    if (pilot.length === 0) {
      return missing(
        'PILOT_KOREAN.SPEAKING_MISSING',
        textRef('PILOT_KOREAN.SPEAKING_MISSING'),
        action('OBTAIN', textRef('PILOT_KOREAN.SPEAKING_MISSING.action'), key),
        details,
      );
    }
    return fixableFail(
      'PILOT_KOREAN.SPEAKING_NOT_PASSED',
      textRef('PILOT_KOREAN.SPEAKING_NOT_PASSED'),
      action('RETAKE', textRef('PILOT_KOREAN.SPEAKING_NOT_PASSED.action'), key),
      details,
    );
  },
};
