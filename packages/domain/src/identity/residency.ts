/**
 * Is the candidate a resident of Kota Serang ("warga Kota Serang")?
 *
 * Decided from the address on the KTP/KK: the city/regency must be Kota Serang (by name, or by
 * the address's Kemendagri code 36.73) and the kecamatan one of its six kecamatan (DOMAIN.md §4;
 * `KOTA_SERANG_KECAMATAN`). **Never from the NIK prefix**: the NIK records the place of first
 * registration and never changes, so residents registered before Kota Serang was split from
 * Kabupaten Serang (2007) carry 3604, and people who moved away still carry 3673. This function
 * does not even take a NIK.
 *
 * Both the city and the kecamatan are needed: "Curug" is also a kecamatan of Kabupaten Tangerang,
 * so a kecamatan name alone is not proof. Spellings are normalised: case, spaces, dots and hyphens
 * are ignored and "Kec."/"Kecamatan", "Kota"/"Kodya"/"Kotamadya" and a trailing "Banten" are
 * understood ("Kec. Cipocok Jaya", "CIPOCOKJAYA", "cipocok-jaya"; "Kota Serang, Banten", "Serang").
 * "Kab. Serang" / "Kabupaten Serang" is a different regency.
 */
import type { Messages } from '../shared/domain-error';
import { invalidText, textRef, type Text } from '../shared/text';
import { rendered } from '../messages/render';
import { KOTA_SERANG_KECAMATAN, type KotaSerangKecamatan } from '../shared/vocabulary';
import type { ResidentialAddress } from './residential-address';

/** Kemendagri code of Kota Serang (DOMAIN.md §1: 36.73). */
export const KOTA_SERANG_CODE = '3673';

export type ResidencyStatus = 'RESIDENT' | 'NOT_RESIDENT' | 'UNKNOWN';

export type ResidencyCode =
  | 'RESIDENCY.KOTA_SERANG'
  | 'RESIDENCY.OUTSIDE_KOTA_SERANG'
  | 'RESIDENCY.ADDRESS_MISSING'
  | 'RESIDENCY.KECAMATAN_MISSING'
  | 'RESIDENCY.CITY_MISSING'
  | 'RESIDENCY.KECAMATAN_NOT_IN_CITY'
  | 'RESIDENCY.CITY_CONFLICT';

/** `M`: `Text` (by reference) in what `leanDecideKotaSerangResidency` returns (issue 14). */
export interface ResidencyDecision<M extends Text = Messages> {
  readonly status: ResidencyStatus;
  readonly code: ResidencyCode;
  readonly message: M;
  /** The recognised Kota Serang kecamatan, when the address names one. */
  readonly kecamatan?: KotaSerangKecamatan;
}

function lettersOnly(s: string): string {
  return s.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Map a written kecamatan name to one of Kota Serang's six, or `undefined`. */
export function normalizeKotaSerangKecamatan(name: string): KotaSerangKecamatan | undefined {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 0 && (words[0] === 'KEC' || words[0] === 'KECAMATAN')) words.shift();
  const key = words.join('');
  return KOTA_SERANG_KECAMATAN.find((k) => k.replace(/_/g, '') === key);
}

type CityClass = 'KOTA_SERANG' | 'OTHER';

const KOTA_SERANG_NAMES = new Set(['SERANG', 'KOTASERANG', 'KODYASERANG', 'KOTAMADYASERANG', 'SERANGKOTA']);

/** Classify a written regency/city name. Trailing "Banten" / "Provinsi Banten" is ignored. */
export function classifyCityName(name: string): CityClass {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 0 && ['BANTEN', 'PROVINSI', 'PROV'].includes(words[words.length - 1]!)) words.pop();
  return KOTA_SERANG_NAMES.has(lettersOnly(words.join(''))) ? 'KOTA_SERANG' : 'OTHER';
}

function classifyCityCode(code: string): CityClass {
  const digits = code.replace(/[\s.]/g, '');
  if (!/^\d{4}$/.test(digits) || digits.slice(2) === '00') {
    invalidText('RESIDENCY.INVALID_CITY_CODE', textRef('RESIDENCY.INVALID_CITY_CODE'), { path: ['address', 'cityCode'] });
  }
  return digits === KOTA_SERANG_CODE ? 'KOTA_SERANG' : 'OTHER';
}

function decision(status: ResidencyStatus, code: ResidencyCode, message: Text, kecamatan?: KotaSerangKecamatan): ResidencyDecision<Text> {
  return { status, code, message, ...(kecamatan ? { kecamatan } : {}) };
}

function nonEmpty(s: string | undefined): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/** Decide residency in Kota Serang from a KTP/KK address (see the rules above). */
export function decideKotaSerangResidency(address: ResidentialAddress | undefined): ResidencyDecision {
  return rendered(leanDecideKotaSerangResidency, address);
}

/** `decideKotaSerangResidency` with the decision's text by reference (`TextRef`, issue 14; a thrown RESIDENCY.INVALID_CITY_CODE too). */
export function leanDecideKotaSerangResidency(address: ResidentialAddress | undefined): ResidencyDecision<Text> {
  if (address === undefined) {
    return decision('UNKNOWN', 'RESIDENCY.ADDRESS_MISSING', textRef('RESIDENCY.ADDRESS_MISSING'));
  }
  const byName = nonEmpty(address.city) ? classifyCityName(address.city) : undefined;
  const byCode = nonEmpty(address.cityCode) ? classifyCityCode(address.cityCode) : undefined;
  if (byName !== undefined && byCode !== undefined && byName !== byCode) {
    return decision('UNKNOWN', 'RESIDENCY.CITY_CONFLICT', textRef('RESIDENCY.CITY_CONFLICT'));
  }
  const city = byName ?? byCode;
  if (city === 'OTHER') {
    return decision('NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG', textRef('RESIDENCY.OUTSIDE_KOTA_SERANG'));
  }
  if (!nonEmpty(address.kecamatan)) {
    return decision('UNKNOWN', 'RESIDENCY.KECAMATAN_MISSING', textRef('RESIDENCY.KECAMATAN_MISSING'));
  }
  const kecamatan = normalizeKotaSerangKecamatan(address.kecamatan);
  if (city === undefined) {
    if (kecamatan === undefined) {
      return decision('NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG', textRef('RESIDENCY.OUTSIDE_KOTA_SERANG.kecamatan'));
    }
    return decision('UNKNOWN', 'RESIDENCY.CITY_MISSING', textRef('RESIDENCY.CITY_MISSING'), kecamatan);
  }
  if (kecamatan === undefined) {
    return decision('UNKNOWN', 'RESIDENCY.KECAMATAN_NOT_IN_CITY', textRef('RESIDENCY.KECAMATAN_NOT_IN_CITY'));
  }
  return decision('RESIDENT', 'RESIDENCY.KOTA_SERANG', textRef('RESIDENCY.KOTA_SERANG'), kecamatan);
}
