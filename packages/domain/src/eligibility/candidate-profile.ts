/**
 * The candidate profile: what the program knows about a job seeker (CPMI), as plain data.
 *
 * Every field is optional. An absent field means "not known yet": eligibility reports it as
 * `missing` with an action on the checklist, never as a `fail`. Entities and the gateway store
 * and pass this object as is; `validateCandidateProfile` checks its shape before use.
 *
 * Dates are ISO `YYYY-MM-DD`. Scores are whole points. No field holds free text that the domain
 * interprets except the address (kecamatan / city, see identity/residency.ts) and the
 * qualification label of a skill verification.
 */
import type { IsoDate } from '../shared/local-date';
import type { Occupation, Sex } from '../shared/vocabulary';
import type { EducationLevel, TopikTest } from '../parameters';
import type { ResidentialAddress } from '../identity/residential-address';

export type { ResidentialAddress } from '../identity/residential-address';

/**
 * Documents a candidate gathers. The first eight are UU 18/2017 Pasal 13 (a)–(h), in order;
 * the last four are the supporting cards and certificates of the local process.
 */
export const DOCUMENT_KINDS = [
  'MARITAL_STATUS_CERTIFICATE', // Pasal 13a: surat keterangan status perkawinan
  'FAMILY_CONSENT', // Pasal 13b: izin suami/istri, orang tua atau wali, diketahui kepala desa/lurah
  'COMPETENCY_CERTIFICATE', // Pasal 13c: sertifikat kompetensi kerja
  'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', // Pasal 13d: surat keterangan sehat (kesehatan dan psikologi)
  'PASSPORT', // Pasal 13e
  'WORK_VISA', // Pasal 13f
  'PLACEMENT_AGREEMENT', // Pasal 13g: Perjanjian Penempatan PMI
  'EMPLOYMENT_CONTRACT', // Pasal 13h: Perjanjian Kerja
  'KTP', // kartu tanda penduduk (identity card)
  'KK', // kartu keluarga (family card)
  'SKCK', // surat keterangan catatan kepolisian (police certificate)
  'AK1_CARD', // kartu pencari kerja AK/1 (job-seeker card, Disnaker)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The Pasal 13 documents, (a)–(h). */
export const PASAL_13_DOCUMENT_KINDS = DOCUMENT_KINDS.slice(0, 8) as readonly DocumentKind[];

export interface DocumentRecord {
  readonly kind: DocumentKind;
  readonly issuedOn?: IsoDate;
  /** Absent = the document carries no expiry date (e.g. an e-KTP). A passport always has one. */
  readonly expiresOn?: IsoDate;
  /** Checked by an officer (original seen, or verified against the issuing system). */
  readonly verified?: boolean;
  /** Reference in the issuing or storing system (never interpreted by the domain). */
  readonly reference?: string;
}

/** An EPS-TOPIK result (HRD Korea). Valid for `eps.topikValidityMonths` from the test date. */
export interface EpsTopikResult {
  readonly takenOn: IsoDate;
  /** Whole points out of `eps.topikMaxScore` (200). */
  readonly score: number;
  /** Round label, e.g. "2025 manufacturing (Indonesia)". */
  readonly round?: string;
}

/** A TOPIK result (NIIED). The level is derived from the score with the `topik.levels` parameter. */
export interface TopikResult {
  readonly test: TopikTest;
  readonly takenOn: IsoDate;
  /** Whole points: TOPIK I out of 200, TOPIK II out of 300. */
  readonly score: number;
}

/** The Gyeongsangnam-do pilot's Korean test: a written level (TOPIK scale) plus a speaking test. */
export interface PilotKoreanTestResult {
  readonly takenOn: IsoDate;
  /** Level reached on the TOPIK scale (1–6). */
  readonly level: number;
  readonly speakingPassed: boolean;
}

export type KoreanTestResult = EpsTopikResult | TopikResult | PilotKoreanTestResult;

export const SKILL_CERTIFIERS = ['KOSHIPA', 'BNSP_LSP', 'HRD_KOREA', 'OTHER'] as const;
export type SkillCertifier = (typeof SKILL_CERTIFIERS)[number];

/** A skill test or competency certification for one occupation. */
export interface SkillVerification {
  readonly occupation: Occupation;
  /** KOSHIPA (Korea Offshore & Shipbuilding Association), an LSP licensed by BNSP, HRD Korea's skills test, … */
  readonly certifier: SkillCertifier;
  /** e.g. "FCAW 3G (X-ray)" for a shipbuilding welder. */
  readonly qualification?: string;
  readonly testedOn: IsoDate;
  readonly passed: boolean;
  /** Absent = no expiry stated on the certificate. */
  readonly expiresOn?: IsoDate;
}

export const MEDICAL_CONDITIONS = ['TUBERCULOSIS', 'HEPATITIS', 'SYPHILIS', 'HIV'] as const;
export type MedicalCondition = (typeof MEDICAL_CONDITIONS)[number];

/** Results of the medical and psychological examination (only what the rules need). */
export interface MedicalRecord {
  readonly examinedOn?: IsoDate;
  /** Physically fit for work (UU 18/2017 Pasal 5c). */
  readonly physicallyFit?: boolean;
  /** Psychologically / mentally fit (UU 18/2017 Pasal 5c). */
  readonly psychologicallyFit?: boolean;
  readonly colourBlind?: boolean;
  readonly completeFingers?: boolean;
  /**
   * Screening result for each condition the E-9 round lists: `true` = found, `false` = screened
   * and not found, absent = not screened.
   */
  readonly conditions?: { readonly [K in MedicalCondition]?: boolean };
}

export interface CriminalRecord {
  /** Ever sentenced to imprisonment (E-9 excludes it). */
  readonly everImprisoned?: boolean;
}

export interface KoreaHistory {
  readonly deported?: boolean;
  readonly entryBanned?: boolean;
  /** Whole months worked in Korea on an E-9 visa (0 if never). */
  readonly priorMonthsE9?: number;
  /** Whole months worked in Korea on an E-10 visa (0 if never). */
  readonly priorMonthsE10?: number;
}

export const CONSENT_GIVERS = ['SPOUSE', 'PARENT', 'GUARDIAN'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** Family consent (UU 18/2017 Pasal 13b): given by spouse, parent or guardian, acknowledged by the lurah / kepala desa. */
export interface FamilyConsent {
  readonly givenBy: ConsentGiver;
  readonly givenOn?: IsoDate;
  readonly acknowledgedByVillageHead: boolean;
}

export interface CandidateProfile {
  // identity
  readonly nik?: string;
  readonly declaredBirthDate?: IsoDate;
  readonly declaredSex?: Sex;
  // address on the KTP/KK (residency)
  readonly address?: ResidentialAddress;
  // education
  readonly education?: EducationLevel;
  // Korean
  readonly epsTopikResults?: readonly EpsTopikResult[];
  readonly topikResults?: readonly TopikResult[];
  readonly pilotKoreanTests?: readonly PilotKoreanTestResult[];
  // competence
  readonly skillVerifications?: readonly SkillVerification[];
  // health
  readonly medical?: MedicalRecord;
  // record
  readonly criminalRecord?: CriminalRecord;
  readonly koreaHistory?: KoreaHistory;
  /** BPJS Ketenagakerjaan membership number (UU 18/2017 Pasal 5d). */
  readonly bpjsNumber?: string;
  readonly familyConsent?: FamilyConsent;
  readonly documents?: readonly DocumentRecord[];
  /** Planned departure date, when one is set. */
  readonly plannedDeparture?: IsoDate;
}

/** The top-level field names of a profile, in a stable order (used by the validator and tests). */
export const CANDIDATE_PROFILE_FIELDS = [
  'nik',
  'declaredBirthDate',
  'declaredSex',
  'address',
  'education',
  'epsTopikResults',
  'topikResults',
  'pilotKoreanTests',
  'skillVerifications',
  'medical',
  'criminalRecord',
  'koreaHistory',
  'bpjsNumber',
  'familyConsent',
  'documents',
  'plannedDeparture',
] as const satisfies readonly (keyof CandidateProfile)[];
