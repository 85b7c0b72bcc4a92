/**
 * The texts of the candidate profile's validation issues (issue 14), by code (and, where one code
 * has several texts, by what was expected). `leanValidateCandidateProfile` refers to them;
 * `validateCandidateProfile`, `listCandidateProfileIssues` and `evaluateEligibility` give them rendered.
 */
import type { Messages } from '../shared/domain-error';
import type { TextValue } from './text-value';

export const PROFILE_TEXTS = {
  'PROFILE.NOT_AN_OBJECT': { id: 'Data harus berupa objek.', en: 'The value must be an object.' },
  'PROFILE.UNKNOWN_FIELD': { id: 'Kolom tidak dikenal.', en: 'Unknown field.' },
  'PROFILE.INVALID_TYPE.text': { id: 'Nilai harus berupa teks.', en: 'The value must be a text.' },
  'PROFILE.TOO_LONG': { id: 'Teks terlalu panjang.', en: 'The text is too long.' },
  'PROFILE.INVALID_TYPE.boolean': { id: 'Nilai harus ya/tidak (boolean).', en: 'The value must be a boolean.' },
  'PROFILE.INVALID_VALUE': { id: 'Nilai tidak termasuk pilihan yang diizinkan.', en: 'The value is not one of the allowed values.' },
  'PROFILE.INVALID_TYPE.number': { id: 'Nilai harus berupa angka.', en: 'The value must be a number.' },
  'PROFILE.NOT_INTEGER': { id: 'Nilai harus bilangan bulat.', en: 'The value must be a whole number.' },
  'PROFILE.NEGATIVE_VALUE': { id: 'Nilai tidak boleh negatif.', en: 'The value cannot be negative.' },
  'PROFILE.OUT_OF_RANGE': { id: 'Nilai di luar rentang yang diizinkan.', en: 'The value is outside the allowed range.' },
  'PROFILE.INVALID_DATE': { id: 'Tanggal tidak valid; gunakan format TTTT-BB-HH.', en: 'Invalid date; use the YYYY-MM-DD format.' },
  'PROFILE.BIRTH_DATE_IN_FUTURE': { id: 'Tanggal lahir tidak boleh setelah tanggal acuan.', en: 'The birth date cannot be after the as-of date.' },
  'PROFILE.DATE_IN_FUTURE': { id: 'Tanggal kejadian ini tidak boleh setelah tanggal acuan.', en: 'The date of this event cannot be after the as-of date.' },
  'PROFILE.BIRTH_DATE_IMPLAUSIBLE': (maxAge: TextValue): Messages => ({
    id: `Tanggal lahir tidak masuk akal: usia pada tanggal acuan lebih dari ${maxAge} tahun. Periksa tahun lahir (bukan tahun pengganti seperti 1900 atau 0001).`,
    en: `The birth date is not plausible: the age on the as-of date would be over ${maxAge} years. Check the year of birth (not a placeholder year such as 1900 or 0001).`,
  }),
  'PROFILE.DATE_ORDER': { id: 'Tanggal berakhir tidak boleh sebelum tanggal terbit/ujian.', en: 'The expiry date cannot be before the issue/test date.' },
  'PROFILE.INVALID_TYPE.list': { id: 'Nilai harus berupa daftar.', en: 'The value must be a list.' },
  'PROFILE.TOO_MANY_ITEMS': { id: 'Daftar terlalu panjang.', en: 'The list has too many items.' },
  'PROFILE.REQUIRED': { id: 'Kolom ini wajib diisi.', en: 'This field is required.' },
  'PROFILE.INVALID_VALUE.regencyCode': { id: 'Kode kabupaten/kota harus 4 angka, mis. 36.73.', en: 'The regency/city code must be 4 digits, e.g. 36.73.' },
  'PROFILE.INVALID_BPJS_NUMBER': { id: 'Nomor BPJS Ketenagakerjaan hanya boleh berisi angka.', en: 'The BPJS Ketenagakerjaan number may contain digits only.' },
} as const;
