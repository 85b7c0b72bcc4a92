/**
 * Candidate profiles prepared for the verdict-only path in bulk (issue 11).
 *
 * `prepareCandidateProfiles(profiles)` reads each profile once and keeps, in typed arrays (one
 * column per fact, one row per profile), what the eligibility rules compare: dates as whole
 * numbers (`yyyymmdd`, which order exactly as the ISO strings do), scores, ranks, document expiry
 * per kind, and the outcome of the rules that read nothing but the profile (health, record, Korea
 * history, BPJS, residency). Nothing in it depends on a route, a date, an opening or the parameters,
 * so one preparation serves every `compileEligibility(...)` (every opening, route and as-of date):
 * `compiled.evaluatePrepared(prepared)` then judges the whole pool with integer comparisons, without
 * touching the profile objects and without allocating per candidate.
 *
 * The profiles must be valid (`validateCandidateProfile` accepts them, as the gateway stores them)
 * and must not change after preparation (the prepared form is a copy of what it read). The layout of
 * `columns` is internal to the domain and may change; read verdicts through `PreparedVerdicts`.
 */
import { isEducationLevel, educationRank } from '../parameters';
import { OCCUPATIONS } from '../shared/vocabulary';
import { DOCUMENT_KINDS, SKILL_CERTIFIERS, type CandidateProfile } from './candidate-profile';
import { dateNumbers, DOC_INDEX, isSixteenDigits, nikStructure, normalizeQualification, residencyClassifier, SIMPLE, VerdictScratch } from './verdict-rules';
import type { IsoDate } from '../shared/local-date';

/** `yyyymmdd` of an ISO date (`YYYY-MM-DD`), without parsing: order-preserving. */
export function isoDateKey(d: IsoDate): number {
  const c = (i: number) => d.charCodeAt(i) - 48;
  return (c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3)) * 10000 + (c(5) * 10 + c(6)) * 100 + c(8) * 10 + c(9);
}

/** A date key later than every date (a document without an expiry date stays valid). */
export const DATE_KEY_FOREVER = 100_000_000;

/** The rules whose outcome depends on the profile alone: decided once, at preparation. */
export const PROFILE_ONLY_RULE_IDS: readonly string[] = Object.freeze([...Object.keys(SIMPLE), 'city.residency']);

/** NIK column codes. */
export const NikKind = {
  /** no NIK */
  NONE: 0,
  /** 16 digits, structure invalid (province, region codes, date or sequence) */
  INVALID: 1,
  /** 16 digits, structure valid, consistent with the declared birth date and sex */
  VALID: 2,
  /** 16 digits, structure valid, contradicts the declared birth date or sex */
  VALID_CONTRADICTED: 3,
  /** not 16 digits: judged on the profile object (identity/nik.ts) */
  IRREGULAR: 4,
} as const;

// Maps, not objects: looked up with a different string key per row
const OCCUPATION_INDEX: ReadonlyMap<string, number> = new Map(OCCUPATIONS.map((o, i) => [o, i]));
const CERTIFIER_INDEX: ReadonlyMap<string, number> = new Map(SKILL_CERTIFIERS.map((c, i) => [c, i]));
const TOPIK_TEST_INDEX: ReadonlyMap<string, number> = new Map([
  ['TOPIK_I', 0],
  ['TOPIK_II', 1],
]);
const DOC_KIND_INDEX: ReadonlyMap<string, number> = new Map(Object.entries(DOC_INDEX));
/** Unknown occupation / certifier / test in an index column. */
export const UNKNOWN_INDEX = 255;
const PASSPORT = DOC_INDEX.PASSPORT;
const DOC_KIND_COUNT = DOCUMENT_KINDS.length;

/** The columns (internal layout). `n` rows; per-kind document columns are `[kind * n + row]`; lists are CSR (`start[row]..start[row + 1]`). */
export interface PreparedColumns {
  readonly n: number;
  /** Outcome class (VerdictOutcome) per profile-only rule id. */
  readonly fixed: Readonly<Record<string, Uint8Array>>;
  readonly nikKind: Uint8Array;
  /** yy * 10000 + month * 100 + day of a structurally valid 16-digit NIK. */
  readonly nikFields: Int32Array;
  /** Date keys, 0 when absent. */
  readonly declaredBirth: Int32Array;
  readonly plannedDeparture: Int32Array;
  /** educationRank, -1 when absent. */
  readonly education: Int16Array;
  /** Per kind: the latest expiry (DATE_KEY_FOREVER without one, except for the passport) of a verified record; 0 none. */
  readonly docVerified: Int32Array;
  /** Per kind: the latest expiry of any record (the passport's records without an expiry left out); 0 none. */
  readonly docAny: Int32Array;
  /** Family consent: 0 none, 1 given but not acknowledged by the village head, 2 acknowledged. */
  readonly consent: Uint8Array;
  /** priorMonthsE9 + priorMonthsE10 (absent = 0) and whether both are known. */
  readonly priorMonths: Float64Array;
  readonly priorKnown: Uint8Array;
  readonly epsStart: Int32Array;
  readonly epsTakenOn: Int32Array;
  readonly epsScore: Float64Array;
  readonly topikStart: Int32Array;
  readonly topikTest: Uint8Array;
  readonly topikScore: Float64Array;
  readonly pilotCount: Int32Array;
  /** max(0, pilot levels). */
  readonly pilotLevel: Float64Array;
  readonly pilotSpeaking: Uint8Array;
  readonly skillStart: Int32Array;
  readonly skillOccupation: Uint8Array;
  readonly skillCertifier: Uint8Array;
  readonly skillTestedOn: Int32Array;
  readonly skillPassed: Uint8Array;
  /** DATE_KEY_FOREVER without an expiry. */
  readonly skillExpiresOn: Int32Array;
  /** The qualification label normalised (normalizeQualification), undefined without one. */
  readonly skillQualification: readonly (string | undefined)[];
}

/** A pool of valid profiles read once for bulk verdicts (see the top of this file). */
export interface PreparedCandidateProfiles {
  readonly length: number;
  /** The profiles, in the order prepared (row i is profiles[i]). */
  readonly profiles: readonly CandidateProfile[];
  /** Internal layout (may change between versions). */
  readonly columns: PreparedColumns;
  /**
   * Set by `prepareRankingCandidates` (rank-candidates-quick.ts): the candidates' ids and
   * registration dates, checked once, so that ranking the same list again skips those checks.
   */
  readonly ranking?: PreparedRankingFields;
}

/** The ranking list's fields, checked at preparation (`prepareRankingCandidates`). */
export interface PreparedRankingFields {
  readonly ids: readonly string[];
  readonly registeredOn: readonly (IsoDate | undefined)[];
  /** isoDateKey of registeredOn, DATE_KEY_FOREVER without one. */
  readonly registeredKeys: Int32Array;
  /** Position of each row's id in code-unit order (the ranking's last tie-breaker). */
  readonly idRank: Int32Array;
  /** The rows in code-unit order of their ids (idOrder[idRank[i]] === i). */
  readonly idOrder: Int32Array;
}

const two = (t: string, k: number): number => (t.charCodeAt(k) - 48) * 10 + t.charCodeAt(k + 1) - 48;

/** The outcome class of every profile-only rule (PROFILE_ONLY_RULE_IDS), one column per rule. */
function fixedColumns(profiles: readonly CandidateProfile[]): Record<string, Uint8Array> {
  const n = profiles.length;
  const scratch = new VerdictScratch('2000-01-01', dateNumbers('2000-01-01'), 0, () => ({ other: '2000-01-01', passport: '2000-01-01' }));
  const fixedIds = PROFILE_ONLY_RULE_IDS;
  const classifiers = fixedIds.map((id) => (id === 'city.residency' ? residencyClassifier() : SIMPLE[id]!));
  const fixedCols = fixedIds.map(() => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    scratch.reset(profiles[i]!);
    for (let r = 0; r < classifiers.length; r++) fixedCols[r]![i] = classifiers[r]!(scratch);
  }
  const fixed: Record<string, Uint8Array> = {};
  fixedIds.forEach((id, r) => (fixed[id] = fixedCols[r]!));
  return fixed;
}

/** The NIK code of each row (NikKind) and, for a structurally valid NIK, its date fields. */
function nikColumn(profiles: readonly CandidateProfile[]): Pick<PreparedColumns, 'nikKind' | 'nikFields'> {
  const n = profiles.length;
  const nikKind = new Uint8Array(n);
  const nikFields = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = profiles[i]!;
    const nik = p.nik;
    if (nik === undefined) nikKind[i] = NikKind.NONE;
    else if (!isSixteenDigits(nik)) nikKind[i] = NikKind.IRREGULAR;
    else {
      const s = nikStructure(nik);
      if (s === undefined) nikKind[i] = NikKind.INVALID;
      else {
        nikFields[i] = s.yy * 10000 + s.month * 100 + s.day;
        const b = p.declaredBirthDate;
        const contradicted =
          (b !== undefined && (two(b, 8) !== s.day || two(b, 5) !== s.month || two(b, 2) !== s.yy)) || (p.declaredSex !== undefined && p.declaredSex !== (s.female ? 'F' : 'M'));
        nikKind[i] = contradicted ? NikKind.VALID_CONTRADICTED : NikKind.VALID;
      }
    }
  }
  return { nikKind, nikFields };
}

type PersonalColumns = Pick<PreparedColumns, 'declaredBirth' | 'plannedDeparture' | 'education' | 'consent' | 'priorMonths' | 'priorKnown'>;

/** The profile's own scalar facts: dates, education, family consent, prior stay in Korea. */
function personalColumns(profiles: readonly CandidateProfile[]): PersonalColumns {
  const n = profiles.length;
  const declaredBirth = new Int32Array(n);
  const plannedDeparture = new Int32Array(n);
  const education = new Int16Array(n);
  const consent = new Uint8Array(n);
  const priorMonths = new Float64Array(n);
  const priorKnown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = profiles[i]!;
    declaredBirth[i] = p.declaredBirthDate !== undefined ? isoDateKey(p.declaredBirthDate) : 0;
    plannedDeparture[i] = p.plannedDeparture !== undefined ? isoDateKey(p.plannedDeparture) : 0;
    education[i] = p.education === undefined ? -1 : isEducationLevel(p.education) ? educationRank(p.education) : -1;
    const fc = p.familyConsent;
    consent[i] = fc === undefined ? 0 : fc.acknowledgedByVillageHead === true ? 2 : 1;
    const h = p.koreaHistory;
    priorMonths[i] = (h?.priorMonthsE9 ?? 0) + (h?.priorMonthsE10 ?? 0);
    priorKnown[i] = h?.priorMonthsE9 !== undefined && h.priorMonthsE10 !== undefined ? 1 : 0;
  }
  return { declaredBirth, plannedDeparture, education, consent, priorMonths, priorKnown };
}

/** Per document kind, the latest expiry of a verified record and of any record (`[kind * n + row]`). */
function documentColumns(profiles: readonly CandidateProfile[]): Pick<PreparedColumns, 'docVerified' | 'docAny'> {
  const n = profiles.length;
  const docVerified = new Int32Array(n * DOC_KIND_COUNT);
  const docAny = new Int32Array(n * DOC_KIND_COUNT);
  for (let i = 0; i < n; i++) {
    for (const d of profiles[i]!.documents ?? []) {
      const k = DOC_KIND_INDEX.get(d.kind);
      if (k === undefined) continue;
      const e = d.expiresOn === undefined ? (k === PASSPORT ? 0 : DATE_KEY_FOREVER) : isoDateKey(d.expiresOn);
      if (e === 0) continue; // a passport without an expiry date: `missing` whatever else it is
      const at = k * n + i;
      if (e > docAny[at]!) docAny[at] = e;
      if (d.verified === true && e > docVerified[at]!) docVerified[at] = e;
    }
  }
  return { docVerified, docAny };
}

type KoreanColumns = Pick<PreparedColumns, 'epsStart' | 'epsTakenOn' | 'epsScore' | 'topikStart' | 'topikTest' | 'topikScore' | 'pilotCount' | 'pilotLevel' | 'pilotSpeaking'>;

/** The Korean tests: EPS-TOPIK and TOPIK results (CSR lists), the pilot tests summed up per row. */
function koreanColumns(profiles: readonly CandidateProfile[]): KoreanColumns {
  const n = profiles.length;
  const epsStart = new Int32Array(n + 1);
  const epsTakenOn: number[] = [];
  const epsScore: number[] = [];
  const topikStart = new Int32Array(n + 1);
  const topikTest: number[] = [];
  const topikScore: number[] = [];
  const pilotCount = new Int32Array(n);
  const pilotLevel = new Float64Array(n);
  const pilotSpeaking = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = profiles[i]!;
    for (const r of p.epsTopikResults ?? []) {
      epsTakenOn.push(isoDateKey(r.takenOn));
      epsScore.push(r.score);
    }
    epsStart[i + 1] = epsTakenOn.length;
    for (const r of p.topikResults ?? []) {
      topikTest.push(TOPIK_TEST_INDEX.get(r.test) ?? UNKNOWN_INDEX);
      topikScore.push(r.score);
    }
    topikStart[i + 1] = topikTest.length;
    const pilot = p.pilotKoreanTests ?? [];
    pilotCount[i] = pilot.length;
    let level = 0;
    let speaking = 0;
    for (const t of pilot) {
      level = Math.max(level, t.level);
      if (t.speakingPassed) speaking = 1;
    }
    pilotLevel[i] = level;
    pilotSpeaking[i] = speaking;
  }
  return {
    epsStart,
    epsTakenOn: Int32Array.from(epsTakenOn),
    epsScore: Float64Array.from(epsScore),
    topikStart,
    topikTest: Uint8Array.from(topikTest),
    topikScore: Float64Array.from(topikScore),
    pilotCount,
    pilotLevel,
    pilotSpeaking,
  };
}

type SkillColumns = Pick<
  PreparedColumns,
  'skillStart' | 'skillOccupation' | 'skillCertifier' | 'skillTestedOn' | 'skillPassed' | 'skillExpiresOn' | 'skillQualification'
>;

/** The skill verifications (CSR lists), each qualification label normalised once per distinct label. */
function skillColumns(profiles: readonly CandidateProfile[]): SkillColumns {
  const n = profiles.length;
  const skillStart = new Int32Array(n + 1);
  const skillOccupation: number[] = [];
  const skillCertifier: number[] = [];
  const skillTestedOn: number[] = [];
  const skillPassed: number[] = [];
  const skillExpiresOn: number[] = [];
  const skillQualification: (string | undefined)[] = [];
  const normalized = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    for (const v of profiles[i]!.skillVerifications ?? []) {
      skillOccupation.push(OCCUPATION_INDEX.get(v.occupation) ?? UNKNOWN_INDEX);
      skillCertifier.push(CERTIFIER_INDEX.get(v.certifier) ?? UNKNOWN_INDEX);
      skillTestedOn.push(isoDateKey(v.testedOn));
      skillPassed.push(v.passed ? 1 : 0);
      skillExpiresOn.push(v.expiresOn === undefined ? DATE_KEY_FOREVER : isoDateKey(v.expiresOn));
      const q = v.qualification;
      let normal = q === undefined ? undefined : normalized.get(q);
      if (q !== undefined && normal === undefined) {
        normal = normalizeQualification(q);
        if (normalized.size < 10_000) normalized.set(q, normal);
      }
      skillQualification.push(normal);
    }
    skillStart[i + 1] = skillOccupation.length;
  }
  return {
    skillStart,
    skillOccupation: Uint8Array.from(skillOccupation),
    skillCertifier: Uint8Array.from(skillCertifier),
    skillTestedOn: Int32Array.from(skillTestedOn),
    skillPassed: Uint8Array.from(skillPassed),
    skillExpiresOn: Int32Array.from(skillExpiresOn),
    skillQualification,
  };
}

/**
 * Prepare valid profiles for `compiled.evaluatePrepared` (see the top of this file). Pure: reads the
 * profiles, changes nothing. One pass over the pool per column group; the columns object keeps the
 * PreparedColumns field order (one object shape for every pool).
 */
export function prepareCandidateProfiles(profiles: readonly CandidateProfile[]): PreparedCandidateProfiles {
  const n = profiles.length;
  const fixed = fixedColumns(profiles);
  const nik = nikColumn(profiles);
  const own = personalColumns(profiles);
  const docs = documentColumns(profiles);
  const korean = koreanColumns(profiles);
  const skill = skillColumns(profiles);
  const columns: PreparedColumns = {
    n,
    fixed,
    nikKind: nik.nikKind,
    nikFields: nik.nikFields,
    declaredBirth: own.declaredBirth,
    plannedDeparture: own.plannedDeparture,
    education: own.education,
    docVerified: docs.docVerified,
    docAny: docs.docAny,
    consent: own.consent,
    priorMonths: own.priorMonths,
    priorKnown: own.priorKnown,
    epsStart: korean.epsStart,
    epsTakenOn: korean.epsTakenOn,
    epsScore: korean.epsScore,
    topikStart: korean.topikStart,
    topikTest: korean.topikTest,
    topikScore: korean.topikScore,
    pilotCount: korean.pilotCount,
    pilotLevel: korean.pilotLevel,
    pilotSpeaking: korean.pilotSpeaking,
    skillStart: skill.skillStart,
    skillOccupation: skill.skillOccupation,
    skillCertifier: skill.skillCertifier,
    skillTestedOn: skill.skillTestedOn,
    skillPassed: skill.skillPassed,
    skillExpiresOn: skill.skillExpiresOn,
    skillQualification: skill.skillQualification,
  };
  return Object.freeze({ length: n, profiles: Object.freeze([...profiles]), columns: Object.freeze(columns) });
}
