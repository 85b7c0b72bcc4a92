import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** E-9: never sentenced to imprisonment. */
export const epsCriminalRecordRule: EligibilityRule<Text> = {
  id: 'eps.criminalRecord',
  clause: 'HRD-KOREA-EPS-2025/criminal-record',
  title: textRef('eps.criminalRecord.title'),
  inputs: ['criminalRecord.everImprisoned'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.criminalRecord?.everImprisoned;
    if (v === undefined) {
      return missing('CRIMINAL_RECORD.MISSING', textRef('CRIMINAL_RECORD.MISSING'), action('PROVIDE', textRef('CRIMINAL_RECORD.MISSING.action')));
    }
    if (v) return finalFail('CRIMINAL_RECORD.IMPRISONED', textRef('CRIMINAL_RECORD.IMPRISONED'));
    return passed('CRIMINAL_RECORD.CLEAR', textRef('CRIMINAL_RECORD.CLEAR'));
  },
};
