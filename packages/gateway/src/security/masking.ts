/**
 * Masking helpers for personal data: the display NIK (`3673********0001`, `Candidate.nikMasked`),
 * card-number tails, age bands (`CandidateProfileGql.ageBand`, the bands of the aggregates), and the
 * key rules that the audit and log redaction share (`personalKeyKind`). Pure functions, no clock: the
 * as-of date is passed in.
 *
 * There is no analyst record view any more (issue 8): a masked record still carried stage,
 * kecamatan, sex, occupation, an exact age band and `stageSince`, the very dimensions of the protected
 * aggregates, so analysts read only the aggregates (graphql/access.ts). The NIK mask keeps the region
 * prefix (4 digits) and the registration sequence (last 4); the 8 hidden digits are district + date of
 * birth/sex.
 */
import { ageOn, isIsoDate, type IsoDate } from '@jembatan/domain';

/** `3673********0001` for a 16-digit NIK; 16 asterisks for anything else (never echo a malformed value). */
export function maskNik(nik: string): string {
  const digits = typeof nik === 'string' ? nik.trim() : '';
  if (!/^\d{16}$/.test(digits)) return '*'.repeat(16);
  return `${digits.slice(0, 4)}${'*'.repeat(8)}${digits.slice(12)}`;
}

/** Last 4 characters visible, the rest masked (BPJS and other card numbers). */
export function maskTail(value: string, visible = 4): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length <= visible) return '*'.repeat(Math.max(v.length, 4));
  return '*'.repeat(v.length - visible) + v.slice(-visible);
}

export const AGE_BANDS = [
  { code: 'UNDER_18', label: '<18', min: 0, max: 17 },
  { code: 'AGE_18_24', label: '18–24', min: 18, max: 24 },
  { code: 'AGE_25_29', label: '25–29', min: 25, max: 29 },
  { code: 'AGE_30_34', label: '30–34', min: 30, max: 34 },
  { code: 'AGE_35_39', label: '35–39', min: 35, max: 39 },
  { code: 'AGE_40_PLUS', label: '40+', min: 40, max: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

/** The age band of a birth date on `asOf` (whole years, birthday rule of the domain's `ageOn`). */
export function ageBandOf(birthDate: IsoDate, asOf: IsoDate): AgeBand | undefined {
  if (!isIsoDate(birthDate) || !isIsoDate(asOf)) return undefined;
  const age = ageOn(birthDate, asOf);
  if (age < 0) return undefined; // born after asOf: no honest band
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.code;
}

export function ageBandLabel(code: AgeBand): string {
  return AGE_BANDS.find((b) => b.code === code)?.label ?? code;
}

// ---------------------------------------------------------------------------------------------------
// Key-based rules shared with the audit redaction (for records that are not a CandidateProfile).

const norm = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

const NIK_KEYS = new Set(['nik', 'nomorindukkependudukan']);
const BIRTH_DATE_KEYS = new Set(['birthdate', 'declaredbirthdate', 'dateofbirth', 'dob', 'tanggallahir']);
const HEALTH_KEYS = new Set([
  'medical', 'medicalrecord', 'health', 'healthresult', 'conditions', 'tuberculosis', 'hepatitis', 'syphilis', 'hiv',
  'physicallyfit', 'psychologicallyfit', 'colourblind', 'colorblind', 'completefingers', 'medicalcheckup', 'mcu',
]);
const CRIMINAL_KEYS = new Set(['criminalrecord', 'criminal', 'everimprisoned', 'skck', 'convictions', 'imprisoned']);
const DOCUMENT_NUMBER_KEYS = new Set(['passportnumber', 'passportno', 'nomorpaspor', 'passport', 'reference', 'documentnumber', 'bpjsnumber']);

export type PersonalKeyKind = 'NIK' | 'BIRTH_DATE' | 'HEALTH' | 'CRIMINAL' | 'DOCUMENT_NUMBER';

/** Whether an object key names personal data, and which kind. */
export function personalKeyKind(key: string): PersonalKeyKind | undefined {
  const k = norm(key);
  if (NIK_KEYS.has(k)) return 'NIK';
  if (BIRTH_DATE_KEYS.has(k)) return 'BIRTH_DATE';
  if (HEALTH_KEYS.has(k) || k.startsWith('medical') || k.startsWith('health')) return 'HEALTH';
  if (CRIMINAL_KEYS.has(k) || k.startsWith('criminal')) return 'CRIMINAL';
  if (DOCUMENT_NUMBER_KEYS.has(k) || k.startsWith('passportnumber')) return 'DOCUMENT_NUMBER';
  return undefined;
}
