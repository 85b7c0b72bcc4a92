import { compareDates } from '../../shared/local-date';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';

/**
 * UU 18/2017 Pasal 13 huruf b: consent of the spouse, parent or guardian, acknowledged by the lurah /
 * kepala desa. Satisfied by an acknowledged consent record, or by a verified, unexpired
 * FAMILY_CONSENT document.
 */
export const familyConsentRule: EligibilityRule = {
  id: 'law.familyConsent',
  clause: 'UU-18-2017/13b',
  title: { id: 'Izin keluarga diketahui lurah/kepala desa (Pasal 13b)', en: 'Family consent acknowledged by the village head (Article 13b)' },
  inputs: ['familyConsent', 'documents'],
  parameters: [],
  evaluate(ctx) {
    const consent = ctx.profile.familyConsent;
    const doc = (ctx.profile.documents ?? []).some(
      (d) => d.kind === 'FAMILY_CONSENT' && d.verified === true && (d.expiresOn === undefined || compareDates(d.expiresOn, ctx.asOf) >= 0),
    );
    if (consent?.acknowledgedByVillageHead === true || doc) {
      return passed('CONSENT.OK', 'Izin keluarga ada dan diketahui lurah/kepala desa.', 'Family consent is given and acknowledged by the village head.');
    }
    if (consent !== undefined) {
      return fixableFail(
        'CONSENT.NOT_ACKNOWLEDGED',
        'Surat izin keluarga belum diketahui lurah/kepala desa.',
        'The family consent letter has not been acknowledged by the lurah / village head.',
        action('VERIFY', 'Mintakan tanda "mengetahui" lurah/kepala desa pada surat izin keluarga.', 'Have the lurah / village head acknowledge the family consent letter.'),
      );
    }
    return missing(
      'CONSENT.MISSING',
      'Belum ada izin suami/istri, orang tua atau wali.',
      'No consent from spouse, parent or guardian yet.',
      action(
        'OBTAIN',
        'Buat surat izin dari suami/istri, orang tua atau wali, dan mintakan tanda "mengetahui" lurah/kepala desa.',
        'Get a consent letter from your spouse, parent or guardian, acknowledged by the lurah / village head.',
      ),
    );
  },
};
