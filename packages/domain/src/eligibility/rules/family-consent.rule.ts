import { compareDates } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

/**
 * UU 18/2017 Pasal 13 huruf b: consent of the spouse, parent or guardian, acknowledged by the lurah /
 * kepala desa. Satisfied by an acknowledged consent record, or by a verified, unexpired
 * FAMILY_CONSENT document.
 */
export const familyConsentRule: EligibilityRule<Text> = {
  id: 'law.familyConsent',
  clause: 'UU-18-2017/13b',
  title: textRef('law.familyConsent.title'),
  inputs: ['familyConsent', 'documents'],
  parameters: [],
  evaluate(ctx) {
    const consent = ctx.profile.familyConsent;
    const doc = (ctx.profile.documents ?? []).some(
      (d) => d.kind === 'FAMILY_CONSENT' && d.verified === true && (d.expiresOn === undefined || compareDates(d.expiresOn, ctx.asOf) >= 0),
    );
    if (consent?.acknowledgedByVillageHead === true || doc) {
      return passed('CONSENT.OK', textRef('CONSENT.OK'));
    }
    if (consent !== undefined) {
      return fixableFail('CONSENT.NOT_ACKNOWLEDGED', textRef('CONSENT.NOT_ACKNOWLEDGED'), action('VERIFY', textRef('CONSENT.NOT_ACKNOWLEDGED.action')));
    }
    return missing(
      'CONSENT.MISSING',
      textRef('CONSENT.MISSING'),
      action('OBTAIN', textRef('CONSENT.MISSING.action')),
    );
  },
};
