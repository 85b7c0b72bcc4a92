import { decideKotaSerangResidency } from '../../identity/residency';
import type { EligibilityRule } from '../rule';
import { action, finalFail, fixableFail, missing, passed } from '../rule-outcome';

/**
 * The city's program is for residents of Kota Serang, decided from the KTP/KK address
 * (identity/residency.ts), never from the NIK prefix.
 */
export const residencyRule: EligibilityRule = {
  id: 'city.residency',
  clause: 'PEMKOT-SERANG/MOU-APJATI-2025',
  title: { id: 'Warga Kota Serang (alamat KTP/KK)', en: 'Resident of Kota Serang (KTP/KK address)' },
  inputs: ['address'],
  parameters: [],
  evaluate(ctx) {
    const d = decideKotaSerangResidency(ctx.profile.address);
    const details = { residency: d.code, kecamatan: d.kecamatan ?? null };
    switch (d.code) {
      case 'RESIDENCY.KOTA_SERANG':
        return passed(d.code, d.message.id, d.message.en, details);
      case 'RESIDENCY.OUTSIDE_KOTA_SERANG':
        return finalFail(
          d.code,
          `${d.message.id} Program ini untuk warga Kota Serang.`,
          `${d.message.en} This program is for residents of Kota Serang.`,
          details,
        );
      case 'RESIDENCY.KECAMATAN_NOT_IN_CITY':
      case 'RESIDENCY.CITY_CONFLICT':
        return fixableFail(
          d.code,
          d.message.id,
          d.message.en,
          action('CORRECT', 'Periksa alamat (kecamatan dan kota) sesuai KTP atau KK.', 'Check the address (kecamatan and city) against your KTP or KK.'),
          details,
        );
      default:
        return missing(
          d.code,
          d.message.id,
          d.message.en,
          action('PROVIDE', 'Isi alamat sesuai KTP/KK: kecamatan dan kabupaten/kota.', 'Enter the address on your KTP/KK: kecamatan and regency/city.'),
          details,
        );
    }
  },
};
