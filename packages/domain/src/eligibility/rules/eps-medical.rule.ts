import { MEDICAL_CONDITIONS } from '../candidate-profile';
import type { EligibilityRule } from '../rule';
import { finalFail, missing, passed } from '../rule-outcome';
import { MEDICAL_CHECKUP_ACTION } from './health.rule';
import { textRef, type Text } from '../../shared/text';

/** E-9: no colour blindness. */
export const epsColourVisionRule: EligibilityRule<Text> = {
  id: 'eps.colourVision',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: textRef('eps.colourVision.title'),
  inputs: ['medical.colourBlind'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.medical?.colourBlind;
    if (v === undefined) {
      return missing('MEDICAL.COLOUR_VISION_MISSING', textRef('MEDICAL.COLOUR_VISION_MISSING'), MEDICAL_CHECKUP_ACTION);
    }
    if (v) return finalFail('MEDICAL.COLOUR_BLIND', textRef('MEDICAL.COLOUR_BLIND'));
    return passed('MEDICAL.COLOUR_VISION_OK', textRef('MEDICAL.COLOUR_VISION_OK'));
  },
};

/** E-9: complete fingers. */
export const epsCompleteFingersRule: EligibilityRule<Text> = {
  id: 'eps.completeFingers',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: textRef('eps.completeFingers.title'),
  inputs: ['medical.completeFingers'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.medical?.completeFingers;
    if (v === undefined) {
      return missing('MEDICAL.FINGERS_MISSING', textRef('MEDICAL.FINGERS_MISSING'), MEDICAL_CHECKUP_ACTION);
    }
    if (!v) return finalFail('MEDICAL.INCOMPLETE_FINGERS', textRef('MEDICAL.INCOMPLETE_FINGERS'));
    return passed('MEDICAL.FINGERS_OK', textRef('MEDICAL.FINGERS_OK'));
  },
};

/**
 * E-9: none of tuberculosis, hepatitis, syphilis, HIV. Every condition must have been screened;
 * the message does not say which condition was found (health data stays out of messages).
 */
export const epsExcludedDiseasesRule: EligibilityRule<Text> = {
  id: 'eps.excludedDiseases',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: textRef('eps.excludedDiseases.title'),
  inputs: ['medical.conditions'],
  parameters: [],
  evaluate(ctx) {
    const c = ctx.profile.medical?.conditions ?? {};
    if (MEDICAL_CONDITIONS.some((k) => c[k] === true)) {
      return finalFail('MEDICAL.EXCLUDED_CONDITION', textRef('MEDICAL.EXCLUDED_CONDITION'));
    }
    const notScreened = MEDICAL_CONDITIONS.filter((k) => c[k] !== false).length;
    if (notScreened > 0) {
      return missing('MEDICAL.SCREENING_MISSING', textRef('MEDICAL.SCREENING_MISSING'), MEDICAL_CHECKUP_ACTION, { notScreened });
    }
    return passed('MEDICAL.SCREENING_OK', textRef('MEDICAL.SCREENING_OK'));
  },
};
