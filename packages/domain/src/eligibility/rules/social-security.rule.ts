import type { EligibilityRule } from '../rule';
import { action, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/** UU 18/2017 Pasal 5 huruf d: registered with BPJS Ketenagakerjaan, with a membership number. */
export const socialSecurityRule: EligibilityRule<Text> = {
  id: 'law.socialSecurity',
  clause: 'UU-18-2017/5d',
  title: textRef('law.socialSecurity.title'),
  inputs: ['bpjsNumber'],
  parameters: [],
  evaluate(ctx) {
    if (ctx.profile.bpjsNumber === undefined || ctx.profile.bpjsNumber === '') {
      return missing(
        'SOCIAL_SECURITY.MISSING',
        textRef('SOCIAL_SECURITY.MISSING'),
        action('OBTAIN', textRef('SOCIAL_SECURITY.MISSING.action')),
      );
    }
    return passed('SOCIAL_SECURITY.REGISTERED', textRef('SOCIAL_SECURITY.REGISTERED'));
  },
};
