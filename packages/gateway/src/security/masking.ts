/**
 * The ANALYST view of personal data (issue 5): NIK as `3673********0001`, birth date as an age band,
 * health and criminal fields removed. Pure functions, no clock: the as-of date is passed in.
 *
 * Legal frame: UU 27/2022 (Pelindungan Data Pribadi) Pasal 4 ayat (2) lists health data and criminal
 * records among "data pribadi yang bersifat spesifik"; analysts need neither for aggregates, so they
 * are removed rather than masked. The NIK keeps its region prefix (province + regency/city, 4 digits)
 * and its last 4 digits (registration sequence), enough to tell records apart in a sample, not enough
 * to recover the number (the 8 hidden digits are district + date of birth/sex).
 */
import { ageOn, isIsoDate, type CandidateProfile, type IsoDate } from '@jembatan/domain';

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

/** Document kinds whose existence itself is health or criminal data. */
const SENSITIVE_DOCUMENT_KINDS = new Set(['MEDICAL_PSYCHOLOGICAL_CERTIFICATE', 'SKCK']);

export type AnalystDocument = Omit<NonNullable<CandidateProfile['documents']>[number], 'reference'>;

/**
 * The profile an ANALYST sees. Removed: `declaredBirthDate` (→ `ageBand`), `medical`,
 * `criminalRecord`, the medical and SKCK documents, every document `reference` (passport and card
 * numbers), `address.kelurahan`, the family-consent date. Masked: `nik`, `bpjsNumber`.
 */
export type AnalystProfile = Omit<
  CandidateProfile,
  'nik' | 'declaredBirthDate' | 'medical' | 'criminalRecord' | 'documents' | 'bpjsNumber' | 'address' | 'familyConsent'
> & {
  readonly nik?: string;
  readonly ageBand?: AgeBand;
  readonly bpjsNumber?: string;
  readonly address?: Omit<NonNullable<CandidateProfile['address']>, 'kelurahan'>;
  readonly familyConsent?: Omit<NonNullable<CandidateProfile['familyConsent']>, 'givenOn'>;
  readonly documents?: readonly AnalystDocument[];
};

export function maskProfileForAnalyst(profile: CandidateProfile, asOf: IsoDate): AnalystProfile {
  const {
    nik,
    declaredBirthDate,
    medical: _medical,
    criminalRecord: _criminal,
    documents,
    bpjsNumber,
    address,
    familyConsent,
    ...rest
  } = profile;
  const out: Record<string, unknown> = { ...rest };
  if (nik !== undefined) out.nik = maskNik(nik);
  if (declaredBirthDate !== undefined) {
    const band = ageBandOf(declaredBirthDate, asOf);
    if (band) out.ageBand = band;
  }
  if (bpjsNumber !== undefined) out.bpjsNumber = maskTail(bpjsNumber);
  if (address !== undefined) {
    const { kelurahan: _kelurahan, ...addressRest } = address;
    out.address = addressRest;
  }
  if (familyConsent !== undefined) {
    const { givenOn: _givenOn, ...consentRest } = familyConsent;
    out.familyConsent = consentRest;
  }
  if (documents !== undefined) {
    out.documents = documents
      .filter((d) => !SENSITIVE_DOCUMENT_KINDS.has(d.kind))
      .map(({ reference: _reference, ...d }) => d);
  }
  return out as AnalystProfile;
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

/**
 * The analyst view of any plain record (e.g. a candidate DTO): NIK masked, birth dates → `ageBand`,
 * health and criminal keys removed, document numbers removed; recursively.
 */
export function maskRecordForAnalyst<T>(value: T, asOf: IsoDate): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 32) return undefined;
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1)).filter((item) => item !== undefined);
    if (!v || typeof v !== 'object' || v instanceof Date) return v;
    if (seen.has(v)) return undefined;
    seen.add(v);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      const kind = personalKeyKind(key);
      if (kind === 'HEALTH' || kind === 'CRIMINAL' || kind === 'DOCUMENT_NUMBER') continue;
      if (kind === 'NIK') {
        if (typeof item === 'string') out[key] = maskNik(item);
        continue;
      }
      if (kind === 'BIRTH_DATE') {
        if (typeof item === 'string') {
          const band = ageBandOf(item.slice(0, 10), asOf);
          if (band) out.ageBand = band;
        }
        continue;
      }
      if (key === 'kind' && typeof item === 'string' && SENSITIVE_DOCUMENT_KINDS.has(item)) return undefined;
      out[key] = walk(item, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}
