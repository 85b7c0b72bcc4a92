import { checkNikAgainstDeclared } from '../../identity/nik-consistency';
import { parseNik } from '../../identity/nik';
import type { EligibilityRule } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';

/**
 * A valid NIK whose birth date and sex agree with the declared ones (DOMAIN.md §4). Invalid or
 * inconsistent data is a fixable fail: the candidate corrects it against the KTP.
 */
export const nikRule: EligibilityRule = {
  id: 'identity.nik',
  clause: 'ADMINDUK/NIK',
  title: { id: 'NIK valid dan sesuai data diri', en: 'NIK valid and consistent with the declared data' },
  inputs: ['nik', 'declaredBirthDate', 'declaredSex'],
  parameters: [],
  evaluate(ctx) {
    const { nik, declaredBirthDate, declaredSex } = ctx.profile;
    if (nik === undefined) {
      return missing(
        'IDENTITY.NIK_MISSING',
        'NIK belum diisi.',
        'The NIK has not been provided.',
        action('PROVIDE', 'Isi NIK (16 angka) sesuai KTP.', 'Enter the 16-digit NIK shown on your KTP.'),
      );
    }
    const parsed = parseNik(nik, ctx.asOf);
    if (!parsed.ok) {
      return fixableFail(
        parsed.error.code,
        parsed.error.message.id,
        parsed.error.message.en,
        action('CORRECT', 'Periksa kembali NIK dengan KTP atau KK Anda.', 'Check the NIK against your KTP or KK.'),
      );
    }
    const check = checkNikAgainstDeclared(nik, {
      ...(declaredBirthDate !== undefined ? { birthDate: declaredBirthDate } : {}),
      ...(declaredSex !== undefined ? { sex: declaredSex } : {}),
    });
    if (!check.ok) {
      return fixableFail(
        check.error.code,
        check.error.message.id,
        check.error.message.en,
        action(
          'CORRECT',
          'Samakan tanggal lahir dan jenis kelamin dengan KTP; jika KTP yang salah, perbaiki di Disdukcapil.',
          'Make the birth date and sex match your KTP; if the KTP itself is wrong, have it corrected at Disdukcapil.',
        ),
      );
    }
    return passed('IDENTITY.NIK_OK', 'NIK valid dan sesuai dengan data yang dinyatakan.', 'The NIK is valid and agrees with the declared data.');
  },
};
