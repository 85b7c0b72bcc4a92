import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';

/** Shared key: one medical check-up answers every medical rule. */
export const MEDICAL_ACTION_KEY = 'medical.checkup';

/** The one action every medical rule asks for (identical, so the checklist shows it once). */
export const MEDICAL_CHECKUP_ACTION = action(
  'OBTAIN',
  'Jalani pemeriksaan kesehatan dan psikologi lengkap di sarana kesehatan yang ditunjuk (untuk E-9 termasuk tes buta warna, pemeriksaan fisik dan skrining TBC, hepatitis, sifilis, HIV).',
  'Have the full medical and psychological check-up at a designated clinic (for E-9 it includes colour vision, a physical examination and TB, hepatitis, syphilis and HIV screening).',
  { key: MEDICAL_ACTION_KEY },
);

/**
 * UU 18/2017 Pasal 5 huruf c: physically and mentally healthy, from the medical and psychological
 * examination. An unfit finding is final for this evaluation (a new examination is a new record).
 */
export const healthRule: EligibilityRule = {
  id: 'law.health',
  clause: 'UU-18-2017/5c',
  title: { id: 'Sehat jasmani dan rohani (UU 18/2017 Pasal 5c)', en: 'Physically and mentally healthy (UU 18/2017 Article 5c)' },
  inputs: ['medical.physicallyFit', 'medical.psychologicallyFit'],
  parameters: [],
  evaluate(ctx) {
    const m = ctx.profile.medical;
    if (m?.physicallyFit === false || m?.psychologicallyFit === false) {
      return finalFail(
        'HEALTH.UNFIT',
        'Hasil pemeriksaan menyatakan belum memenuhi syarat sehat jasmani/rohani.',
        'The examination found the candidate not fit (physically or mentally).',
      );
    }
    if (m?.physicallyFit !== true || m.psychologicallyFit !== true) {
      return missing(
        'HEALTH.EXAMINATION_MISSING',
        'Hasil pemeriksaan kesehatan dan psikologi belum ada.',
        'No medical and psychological examination result yet.',
        MEDICAL_CHECKUP_ACTION,
      );
    }
    return passed('HEALTH.FIT', 'Sehat jasmani dan rohani.', 'Physically and mentally fit.');
  },
};
