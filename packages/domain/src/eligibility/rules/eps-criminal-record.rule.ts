import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';

/** E-9: never sentenced to imprisonment. */
export const epsCriminalRecordRule: EligibilityRule = {
  id: 'eps.criminalRecord',
  clause: 'HRD-KOREA-EPS-2025/criminal-record',
  title: { id: 'Tidak pernah dipenjara (E-9)', en: 'Never imprisoned (E-9)' },
  inputs: ['criminalRecord.everImprisoned'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.criminalRecord?.everImprisoned;
    if (v === undefined) {
      return missing(
        'CRIMINAL_RECORD.MISSING',
        'Riwayat pidana belum dinyatakan.',
        'The criminal record has not been declared.',
        action('PROVIDE', 'Nyatakan apakah pernah menjalani hukuman penjara (dibuktikan dengan SKCK).', 'Declare whether you have ever been imprisoned (backed by an SKCK).'),
      );
    }
    if (v) return finalFail('CRIMINAL_RECORD.IMPRISONED', 'Jalur E-9 mensyaratkan tidak pernah dipenjara.', 'The E-9 route requires never having been imprisoned.');
    return passed('CRIMINAL_RECORD.CLEAR', 'Tidak pernah dipenjara.', 'Never imprisoned.');
  },
};
