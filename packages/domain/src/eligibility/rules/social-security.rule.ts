import type { EligibilityRule } from '../rule';
import { action, missing, passed } from '../rule-outcome';

/** UU 18/2017 Pasal 5 huruf d: registered with BPJS Ketenagakerjaan, with a membership number. */
export const socialSecurityRule: EligibilityRule = {
  id: 'law.socialSecurity',
  clause: 'UU-18-2017/5d',
  title: { id: 'Terdaftar BPJS Ketenagakerjaan (UU 18/2017 Pasal 5d)', en: 'Registered with BPJS Ketenagakerjaan (UU 18/2017 Article 5d)' },
  inputs: ['bpjsNumber'],
  parameters: [],
  evaluate(ctx) {
    if (ctx.profile.bpjsNumber === undefined || ctx.profile.bpjsNumber === '') {
      return missing(
        'SOCIAL_SECURITY.MISSING',
        'Belum ada nomor kepesertaan BPJS Ketenagakerjaan.',
        'No BPJS Ketenagakerjaan membership number yet.',
        action(
          'OBTAIN',
          'Daftar BPJS Ketenagakerjaan sebagai PMI (iuran sebelum bekerja) dan catat nomor kepesertaannya.',
          'Register with BPJS Ketenagakerjaan as a migrant worker (pre-work contribution) and record the membership number.',
        ),
      );
    }
    return passed('SOCIAL_SECURITY.REGISTERED', 'Terdaftar BPJS Ketenagakerjaan.', 'Registered with BPJS Ketenagakerjaan.');
  },
};
