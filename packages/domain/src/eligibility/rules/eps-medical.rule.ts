import { MEDICAL_CONDITIONS } from '../candidate-profile';
import type { EligibilityRule } from '../rule';
import { finalFail, missing, passed } from '../rule-outcome';
import { MEDICAL_CHECKUP_ACTION } from './health.rule';

/** E-9: no colour blindness. */
export const epsColourVisionRule: EligibilityRule = {
  id: 'eps.colourVision',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: { id: 'Tidak buta warna (E-9)', en: 'No colour blindness (E-9)' },
  inputs: ['medical.colourBlind'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.medical?.colourBlind;
    if (v === undefined) {
      return missing('MEDICAL.COLOUR_VISION_MISSING', 'Tes buta warna belum ada.', 'No colour-vision test yet.', MEDICAL_CHECKUP_ACTION);
    }
    if (v) return finalFail('MEDICAL.COLOUR_BLIND', 'Jalur E-9 mensyaratkan tidak buta warna.', 'The E-9 route requires no colour blindness.');
    return passed('MEDICAL.COLOUR_VISION_OK', 'Tidak buta warna.', 'No colour blindness.');
  },
};

/** E-9: complete fingers. */
export const epsCompleteFingersRule: EligibilityRule = {
  id: 'eps.completeFingers',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: { id: 'Jari tangan lengkap (E-9)', en: 'Complete fingers (E-9)' },
  inputs: ['medical.completeFingers'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.medical?.completeFingers;
    if (v === undefined) {
      return missing('MEDICAL.FINGERS_MISSING', 'Pemeriksaan fisik (jari tangan) belum ada.', 'No physical examination (fingers) yet.', MEDICAL_CHECKUP_ACTION);
    }
    if (!v) return finalFail('MEDICAL.INCOMPLETE_FINGERS', 'Jalur E-9 mensyaratkan jari tangan lengkap.', 'The E-9 route requires complete fingers.');
    return passed('MEDICAL.FINGERS_OK', 'Jari tangan lengkap.', 'Complete fingers.');
  },
};

/**
 * E-9: none of tuberculosis, hepatitis, syphilis, HIV. Every condition must have been screened;
 * the message does not say which condition was found (health data stays out of messages).
 */
export const epsExcludedDiseasesRule: EligibilityRule = {
  id: 'eps.excludedDiseases',
  clause: 'HRD-KOREA-EPS-2025/medical',
  title: { id: 'Bebas TBC, hepatitis, sifilis, HIV (E-9)', en: 'Free of TB, hepatitis, syphilis, HIV (E-9)' },
  inputs: ['medical.conditions'],
  parameters: [],
  evaluate(ctx) {
    const c = ctx.profile.medical?.conditions ?? {};
    if (MEDICAL_CONDITIONS.some((k) => c[k] === true)) {
      return finalFail(
        'MEDICAL.EXCLUDED_CONDITION',
        'Pemeriksaan menemukan penyakit yang dikecualikan jalur E-9 (TBC, hepatitis, sifilis, HIV).',
        'The examination found a condition the E-9 route excludes (TB, hepatitis, syphilis, HIV).',
      );
    }
    const notScreened = MEDICAL_CONDITIONS.filter((k) => c[k] !== false).length;
    if (notScreened > 0) {
      return missing(
        'MEDICAL.SCREENING_MISSING',
        'Skrining TBC, hepatitis, sifilis dan HIV belum lengkap.',
        'Screening for TB, hepatitis, syphilis and HIV is incomplete.',
        MEDICAL_CHECKUP_ACTION,
        { notScreened },
      );
    }
    return passed('MEDICAL.SCREENING_OK', 'Bebas TBC, hepatitis, sifilis dan HIV.', 'Free of TB, hepatitis, syphilis and HIV.');
  },
};
