/**
 * The texts of the identity checks (issue 14): the NIK's structure and its agreement with the declared
 * birth date and sex, and the residency decision from the KTP/KK address, by code. The lean checks
 * (`leanParseNik`, `leanCheckNikAgainstDeclared`, `leanDecideKotaSerangResidency`, which the
 * eligibility rules use) refer to them; the main entry's checks return them rendered.
 */

export const IDENTITY_TEXTS = {
  'NIK.NOT_A_STRING': { id: 'NIK harus berupa teks 16 angka.', en: 'The NIK must be a text of 16 digits.' },
  'NIK.NOT_DIGITS': { id: 'NIK hanya boleh berisi angka.', en: 'The NIK may contain digits only.' },
  'NIK.INVALID_LENGTH': { id: 'NIK harus terdiri dari 16 angka.', en: 'The NIK must have exactly 16 digits.' },
  'NIK.INVALID_PROVINCE': {
    id: 'Dua angka pertama NIK bukan kode provinsi yang dikenal.',
    en: 'The first two digits of the NIK are not a known province code.',
  },
  'NIK.INVALID_REGENCY': {
    id: 'Kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00.',
    en: 'The regency/city code of the NIK (digits 3–4) cannot be 00.',
  },
  'NIK.INVALID_KECAMATAN': {
    id: 'Kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00.',
    en: 'The kecamatan code of the NIK (digits 5–6) cannot be 00.',
  },
  'NIK.INVALID_BIRTH_DATE': {
    id: 'Tanggal lahir pada NIK (angka ke-7 s.d. ke-12, tanggal +40 untuk perempuan) tidak valid.',
    en: 'The birth date in the NIK (digits 7–12, day + 40 for women) is not a valid date.',
  },
  'NIK.INVALID_SEQUENCE': {
    id: 'Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.',
    en: 'The sequence number of the NIK (last 4 digits) cannot be 0000.',
  },
  'NIK.INVALID_BIRTH_DATE.afterAsOf': {
    id: 'Tanggal lahir pada NIK jatuh setelah tanggal acuan.',
    en: 'The birth date in the NIK falls after the as-of date.',
  },
  'IDENTITY.INVALID_SEX': { id: "Jenis kelamin harus 'M' atau 'F'.", en: "Sex must be 'M' or 'F'." },
  'NIK.BIRTH_DATE_AND_SEX_MISMATCH': {
    id: 'Tanggal lahir dan jenis kelamin pada NIK tidak sesuai dengan data yang dinyatakan.',
    en: 'The birth date and sex encoded in the NIK do not match the declared ones.',
  },
  'NIK.BIRTH_DATE_MISMATCH': {
    id: 'Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang dinyatakan.',
    en: 'The birth date encoded in the NIK does not match the declared birth date.',
  },
  'NIK.SEX_MISMATCH': {
    id: 'Jenis kelamin pada NIK (tanggal +40 untuk perempuan) tidak sesuai dengan yang dinyatakan.',
    en: 'The sex encoded in the NIK (day + 40 for women) does not match the declared sex.',
  },
  'RESIDENCY.INVALID_CITY_CODE': {
    id: 'Kode kabupaten/kota alamat harus 4 angka, mis. 36.73.',
    en: "The address's regency/city code must be 4 digits, e.g. 36.73.",
  },
  'RESIDENCY.ADDRESS_MISSING': { id: 'Alamat KTP/KK belum diisi.', en: 'The KTP/KK address has not been provided.' },
  'RESIDENCY.CITY_CONFLICT': { id: 'Nama kota dan kode kota pada alamat tidak cocok.', en: "The address's city name and city code do not agree." },
  'RESIDENCY.OUTSIDE_KOTA_SERANG': { id: 'Alamat KTP/KK berada di luar Kota Serang.', en: 'The KTP/KK address is outside Kota Serang.' },
  'RESIDENCY.KECAMATAN_MISSING': { id: 'Kecamatan pada alamat KTP/KK belum diisi.', en: 'The kecamatan of the KTP/KK address has not been provided.' },
  'RESIDENCY.OUTSIDE_KOTA_SERANG.kecamatan': {
    id: 'Kecamatan pada alamat KTP/KK bukan kecamatan di Kota Serang.',
    en: 'The kecamatan of the KTP/KK address is not a kecamatan of Kota Serang.',
  },
  'RESIDENCY.CITY_MISSING': {
    id: 'Kabupaten/kota pada alamat KTP/KK belum diisi (nama kecamatan saja belum cukup).',
    en: 'The regency/city of the KTP/KK address has not been provided (a kecamatan name alone is not enough).',
  },
  'RESIDENCY.KECAMATAN_NOT_IN_CITY': {
    id: 'Kecamatan pada alamat tidak dikenali sebagai kecamatan Kota Serang (Serang, Cipocok Jaya, Curug, Kasemen, Taktakan, Walantaka); periksa penulisannya.',
    en: 'The kecamatan of the address is not recognised as one of Kota Serang (Serang, Cipocok Jaya, Curug, Kasemen, Taktakan, Walantaka); check the spelling.',
  },
  'RESIDENCY.KOTA_SERANG': { id: 'Alamat KTP/KK berada di Kota Serang.', en: 'The KTP/KK address is in Kota Serang.' },
} as const;
