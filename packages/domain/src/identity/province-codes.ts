/**
 * Kemendagri province codes: the first two digits of a NIK.
 *
 * The 38 provinces, 11–96. Source: Kemendagri area codes (kode wilayah administrasi pemerintahan),
 * including the Papua provinces formed in 2022 (UU 14, 15, 16 of 2022: Papua Selatan, Papua Tengah,
 * Papua Pegunungan; UU 29/2022: Papua Barat Daya). The 2022 re-coding moved Papua to 91 and
 * Papua Barat to 92; NIKs issued before keep their old prefixes (Papua 94, Papua Barat 91), and
 * both are in this set, so no NIK that was ever valid is rejected for its province.
 *
 * Regency/city and kecamatan codes are not listed here: there are more than 500 regencies and
 * 7,000 kecamatan, they change by regulation, and DOMAIN.md gives no list. The NIK check only
 * validates their structure (two digits, 01–99, not 00). See nik.ts.
 */
export const INDONESIAN_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua (Papua Barat before 2022)',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah (Papua before 2022)',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
});

export function isIndonesianProvinceCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(INDONESIAN_PROVINCE_CODES, code);
}
