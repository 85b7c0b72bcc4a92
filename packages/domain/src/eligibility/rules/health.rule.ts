import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** Shared key: one medical check-up answers every medical rule. */
export const MEDICAL_ACTION_KEY = 'medical.checkup';

/** The one action every medical rule asks for (identical, so the checklist shows it once). */
export const MEDICAL_CHECKUP_ACTION = action('OBTAIN', textRef('health.checkup.action'), { key: MEDICAL_ACTION_KEY });

/**
 * UU 18/2017 Pasal 5 huruf c: physically and mentally healthy, from the medical and psychological
 * examination. An unfit finding is final for this evaluation (a new examination is a new record).
 */
export const healthRule: EligibilityRule<Text> = {
  id: 'law.health',
  clause: 'UU-18-2017/5c',
  title: textRef('law.health.title'),
  inputs: ['medical.physicallyFit', 'medical.psychologicallyFit'],
  parameters: [],
  evaluate(ctx) {
    const m = ctx.profile.medical;
    if (m?.physicallyFit === false || m?.psychologicallyFit === false) {
      return finalFail('HEALTH.UNFIT', textRef('HEALTH.UNFIT'));
    }
    if (m?.physicallyFit !== true || m.psychologicallyFit !== true) {
      return missing('HEALTH.EXAMINATION_MISSING', textRef('HEALTH.EXAMINATION_MISSING'), MEDICAL_CHECKUP_ACTION);
    }
    return passed('HEALTH.FIT', textRef('HEALTH.FIT'));
  },
};
