/**
 * Verdict-only twins of the eligibility rules (rules/*.ts), for `compileEligibility`: each answers
 * only the outcome class of its rule (pass, missing, fixable fail, final fail) — no code, no text,
 * no details — with every threshold read from the parameters once, at compile time. Each must agree
 * exactly with its rule's `evaluate`; the fast-check property in compile-eligibility.test.ts holds
 * them to it. A rule without a twin here is run through its full `evaluate` (correct, only slower).
 *
 * The profile is assumed valid (`validateCandidateProfile` accepts it, nulls dropped): dates are
 * ISO `YYYY-MM-DD` strings, so comparing them as strings compares the dates.
 */
import { daysInMonth, type IsoDate } from '../shared/local-date';
import type { Occupation } from '../shared/vocabulary';
import { educationRank, type EducationLevel, type ParameterSnapshot, type TopikLevelBand } from '../parameters';
import { isIndonesianProvinceCode } from '../identity/province-codes';
import { leanParseNik } from '../identity/nik';
import { leanCheckNikAgainstDeclared } from '../identity/nik-consistency';
import { leanDecideKotaSerangResidency } from '../identity/residency';
import { renderError } from '../messages/render';
import { MEDICAL_CONDITIONS, SKILL_CERTIFIERS, type CandidateProfile, type DocumentKind, type SkillCertifier } from './candidate-profile';
import { bestKoreanLevel } from './korean-tests';
import type { EligibilityOpening } from './rule';
import type { EligibilityRouteDefinition } from './rule-sets';

/** The outcome class of a rule: what the verdict needs. */
export const VerdictOutcome = { PASS: 0, MISSING: 1, FIXABLE_FAIL: 2, FINAL_FAIL: 3 } as const;
export type VerdictOutcome = (typeof VerdictOutcome)[keyof typeof VerdictOutcome];

/** What the twins may read that does not depend on the profile. */
export interface VerdictCompileContext {
  readonly asOf: IsoDate;
  readonly params: ParameterSnapshot;
  readonly routeDefinition: EligibilityRouteDefinition;
  readonly opening?: EligibilityOpening;
  readonly passportMarginMonths: number;
}

/** Per-profile values several twins share, each computed at most once per profile. */
export class VerdictScratch {
  profile: CandidateProfile = {};
  private birthDone = false;
  private birth: IsoDate | undefined;
  private docsDone = false;
  /** Best document judgement per kind (index in DOC_INDEX): -1 none, else the RANK of document.rule.ts. */
  readonly docRank = new Int8Array(DOC_KINDS_COUNT);
  private epsDone = false;
  private eps = -1;

  constructor(
    private readonly asOf: IsoDate,
    private readonly asOfParts: DateNumbers,
    private readonly epsValidityMonths: number,
    private readonly docsNeeded: (p: CandidateProfile) => { readonly other: IsoDate; readonly passport: IsoDate },
  ) {}

  reset(profile: CandidateProfile): void {
    this.profile = profile;
    this.birthDone = false;
    this.docsDone = false;
    this.epsDone = false;
  }

  /** The birth date the age rules use (rules/birth-date.ts): the declared one, else a valid NIK's. */
  birthDate(): IsoDate | undefined {
    if (!this.birthDone) {
      const p = this.profile;
      this.birth = p.declaredBirthDate !== undefined ? p.declaredBirthDate : p.nik !== undefined ? nikBirthDate(p.nik, this.asOf, this.asOfParts) : undefined;
      this.birthDone = true;
    }
    return this.birth;
  }

  /** The highest EPS-TOPIK score valid on asOf (korean-tests.ts), -1 when none is. */
  bestEpsScore(): number {
    if (!this.epsDone) {
      let best = -1;
      for (const r of this.profile.epsTopikResults ?? []) {
        if (r.score > best && r.takenOn <= this.asOf && epsStillValid(r.takenOn, this.epsValidityMonths, this.asOfParts)) best = r.score;
      }
      this.eps = best;
      this.epsDone = true;
    }
    return this.eps;
  }

  /** The best judgement of each document kind (document.rule.ts `judge` / `better`), one pass over the documents. */
  documents(): Int8Array {
    if (!this.docsDone) {
      const rank = this.docRank;
      rank.fill(-1);
      const docs = this.profile.documents;
      if (docs !== undefined && docs.length > 0) {
        const needed = this.docsNeeded(this.profile);
        for (const d of docs) {
          const i = DOC_INDEX[d.kind];
          const passport = d.kind === 'PASSPORT';
          const e = d.expiresOn;
          const r =
            e !== undefined && e < this.asOf ? 3 : e !== undefined && e < (passport ? needed.passport : needed.other) ? 2 : e === undefined && passport ? 4 : d.verified !== true ? 1 : 0;
          if (rank[i] === -1 || r < rank[i]!) rank[i] = r;
        }
      }
      this.docsDone = true;
    }
    return this.docRank;
  }
}

export type VerdictClassifier = (s: VerdictScratch) => VerdictOutcome;

export interface DateNumbers {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export const DOC_KIND_ORDER: readonly DocumentKind[] = [
  'MARITAL_STATUS_CERTIFICATE',
  'FAMILY_CONSENT',
  'COMPETENCY_CERTIFICATE',
  'MEDICAL_PSYCHOLOGICAL_CERTIFICATE',
  'PASSPORT',
  'WORK_VISA',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_CONTRACT',
  'KTP',
  'KK',
  'SKCK',
  'AK1_CARD',
];
const DOC_KINDS_COUNT = 12;
export const DOC_INDEX = Object.fromEntries(DOC_KIND_ORDER.map((k, i) => [k, i])) as Record<DocumentKind, number>;

export function dateNumbers(d: IsoDate): DateNumbers {
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** `asOf < addMonths(takenOn, months)` (korean-tests.ts), without building the date. */
function epsStillValid(takenOn: IsoDate, months: number, a: DateNumbers): boolean {
  const total = (digit(takenOn, 0) * 1000 + digit(takenOn, 1) * 100 + two(takenOn, 2)) * 12 + (two(takenOn, 5) - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(two(takenOn, 8), daysInMonth(y, m));
  return y !== a.y ? y > a.y : m !== a.m ? m > a.m : d > a.d;
}

export function validDay(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const isSixteenDigits = (s: string): boolean => s.length === 16 && /^\d{16}$/.test(s);

/** identity/nik.ts `checkNikStructure` for a 16-digit text: undefined when invalid, else its date and sex fields. */
export function nikStructure(nik: string): { day: number; month: number; yy: number; female: boolean } | undefined {
  if (!isIndonesianProvinceCode(nik.slice(0, 2)) || (nik[2] === '0' && nik[3] === '0') || (nik[4] === '0' && nik[5] === '0')) return undefined;
  const rawDay = two(nik, 6);
  const month = two(nik, 8);
  const yy = two(nik, 10);
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const exists = rawDay >= 1 && rawDay <= 71 && !(rawDay > 31 && rawDay <= 40) && (validDay(2000 + yy, month, day) || validDay(1900 + yy, month, day));
  if (!exists || nik.endsWith('0000')) return undefined;
  return { day, month, yy, female };
}

const isoOf = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** identity/nik.ts `leanParseNik(nik, asOf)`: the birth date with its century, undefined when the NIK is invalid. */
export function nikBirthDate(nik: string, asOf: IsoDate, a: DateNumbers): IsoDate | undefined {
  if (!isSixteenDigits(nik)) {
    const parsed = leanParseNik(nik, asOf);
    return parsed.ok ? parsed.value.birthDate : undefined;
  }
  const s = nikStructure(nik);
  if (s === undefined) return undefined;
  const century = Math.floor(a.y / 100) * 100;
  for (const c of [century, century - 100]) {
    if (!validDay(c + s.yy, s.month, s.day)) continue;
    const birth = isoOf(c + s.yy, s.month, s.day);
    if (birth <= asOf) return birth;
  }
  return undefined;
}

/** `nikBirthDate(...) !== undefined` for a valid structure, on whole numbers (no date text built). */
function nikBirthExists(s: { readonly day: number; readonly month: number; readonly yy: number }, a: DateNumbers): boolean {
  const asOfKey = a.y * 10000 + a.m * 100 + a.d;
  const century = Math.floor(a.y / 100) * 100;
  for (const c of [century, century - 100]) {
    if (validDay(c + s.yy, s.month, s.day) && (c + s.yy) * 10000 + s.month * 100 + s.day <= asOfKey) return true;
  }
  return false;
}

/** rules/nik.rule.ts. */
export function nikOutcome(p: CandidateProfile, asOf: IsoDate, a: DateNumbers): VerdictOutcome {
  const nik = p.nik;
  if (nik === undefined) return VerdictOutcome.MISSING;
  if (!isSixteenDigits(nik)) {
    if (!leanParseNik(nik, asOf).ok) return VerdictOutcome.FIXABLE_FAIL;
    const declared = { ...(p.declaredBirthDate !== undefined ? { birthDate: p.declaredBirthDate } : {}), ...(p.declaredSex !== undefined ? { sex: p.declaredSex } : {}) };
    return leanChecked(leanCheckNikAgainstDeclared, nik, declared).ok ? VerdictOutcome.PASS : VerdictOutcome.FIXABLE_FAIL;
  }
  const s = nikStructure(nik);
  if (s === undefined || !nikBirthExists(s, a)) return VerdictOutcome.FIXABLE_FAIL;
  const b = p.declaredBirthDate;
  if (b !== undefined && (two(b, 8) !== s.day || two(b, 5) !== s.month || two(b, 2) !== s.yy)) return VerdictOutcome.FIXABLE_FAIL;
  if (p.declaredSex !== undefined && p.declaredSex !== (s.female ? 'F' : 'M')) return VerdictOutcome.FIXABLE_FAIL;
  return VerdictOutcome.PASS;
}

/**
 * The latest birth date with an age of at least `years` on asOf (shared/local-date.ts `ageOn`
 * compares (month, day) pairs, so this is asOf's month and day `years` earlier, as text): age ≥ years
 * ⇔ birthDate ≤ the cut. '' when no birth date reaches it, '~' when every one does.
 */
function ageCut(asOf: IsoDate, a: DateNumbers, years: number): string {
  const y = a.y - years;
  if (y < 0) return '';
  if (y > 9999) return '~';
  return `${String(y).padStart(4, '0')}${asOf.slice(4)}`;
}

/** rules/residency.rule.ts, memoised per address (a pure function of its four fields). */
export function residencyClassifier(): VerdictClassifier {
  // kecamatan → city → city code → outcome (no key text built per profile)
  const cache = new Map<string | undefined, Map<string | undefined, Map<string | undefined, VerdictOutcome>>>();
  let size = 0;
  return (s) => {
    const a = s.profile.address;
    if (a === undefined) return VerdictOutcome.MISSING;
    let byCity = cache.get(a.kecamatan);
    if (byCity === undefined) cache.set(a.kecamatan, (byCity = new Map()));
    let byCode = byCity.get(a.city);
    if (byCode === undefined) byCity.set(a.city, (byCode = new Map()));
    let o = byCode.get(a.cityCode);
    if (o === undefined) {
      const code = leanChecked(leanDecideKotaSerangResidency, a).code;
      o =
        code === 'RESIDENCY.KOTA_SERANG'
          ? VerdictOutcome.PASS
          : code === 'RESIDENCY.OUTSIDE_KOTA_SERANG'
            ? VerdictOutcome.FINAL_FAIL
            : code === 'RESIDENCY.KECAMATAN_NOT_IN_CITY' || code === 'RESIDENCY.CITY_CONFLICT'
              ? VerdictOutcome.FIXABLE_FAIL
              : VerdictOutcome.MISSING;
      if (size < 10_000) {
        byCode.set(a.cityCode, o);
        size++;
      }
    }
    return o;
  };
}

/** rules/document.rule.ts: judgement rank → outcome (OK pass; not verified, too soon, expired: fixable; expiry missing or no record: missing). */
function documentClassifier(kind: DocumentKind): VerdictClassifier {
  const i = DOC_INDEX[kind];
  return (s) => {
    const r = s.documents()[i]!;
    return r === 0 ? VerdictOutcome.PASS : r === -1 || r === 4 ? VerdictOutcome.MISSING : VerdictOutcome.FIXABLE_FAIL;
  };
}

/** rules/competence.rule.ts `evaluateVerification`. */
function verificationClassifier(occupations: readonly Occupation[], certifiers: readonly SkillCertifier[], asOf: IsoDate): VerdictClassifier {
  return (s) => {
    let expired = false;
    let notPassed = false;
    for (const v of s.profile.skillVerifications ?? []) {
      if (!occupations.includes(v.occupation) || !certifiers.includes(v.certifier) || v.testedOn > asOf) continue;
      if (!v.passed) notPassed = true;
      else if (v.expiresOn !== undefined && v.expiresOn < asOf) expired = true;
      else return VerdictOutcome.PASS;
    }
    return expired || notPassed ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
  };
}

export const normalizeQualification = (q: string): string => q.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** rules/opening.rule.ts `openingSkillQualificationRule`. */
function qualificationClassifier(occupation: Occupation, required: string, asOf: IsoDate): VerdictClassifier {
  const wanted = normalizeQualification(required);
  return (s) => {
    let any = false;
    for (const v of s.profile.skillVerifications ?? []) {
      if (v.occupation !== occupation) continue;
      any = true;
      if (!SKILL_CERTIFIERS.includes(v.certifier) || v.testedOn > asOf || !v.passed || (v.expiresOn !== undefined && v.expiresOn < asOf)) continue;
      if (v.qualification !== undefined && wanted !== '' && normalizeQualification(v.qualification).includes(wanted)) return VerdictOutcome.PASS;
    }
    return any ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
  };
}

function educationClassifier(min: EducationLevel): VerdictClassifier {
  const minRank = educationRank(min);
  return (s) => {
    const level = s.profile.education;
    if (level === undefined) return VerdictOutcome.MISSING;
    return educationRank(level) < minRank ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS;
  };
}

function pilotKoreanClassifier(min: number, bands: readonly TopikLevelBand[]): VerdictClassifier {
  return (s) => {
    const p = s.profile;
    const pilot = p.pilotKoreanTests ?? [];
    const writtenOk = bestKoreanLevel(p, bands) >= min;
    if (writtenOk && pilot.some((t) => t.speakingPassed)) return VerdictOutcome.PASS;
    if (pilot.length === 0 && (p.topikResults ?? []).length === 0) return VerdictOutcome.MISSING;
    if (!writtenOk) return VerdictOutcome.FIXABLE_FAIL;
    return pilot.length === 0 ? VerdictOutcome.MISSING : VerdictOutcome.FIXABLE_FAIL;
  };
}

/**
 * Age band: below `min` fixable (wait), above `max` final; `min`/`max` undefined = not checked.
 * `maxFirst`: the opening's rule checks the maximum first, the E-9 band the minimum first.
 */
function ageClassifier(cut: (years: number) => string, min: number | undefined, max: number | undefined, maxFirst = false): VerdictClassifier {
  const reachesMin = min === undefined ? '~' : cut(min);
  const aboveMax = max === undefined ? '' : cut(max + 1);
  return (s) => {
    const b = s.birthDate();
    if (b === undefined) return VerdictOutcome.MISSING;
    if (maxFirst && b <= aboveMax) return VerdictOutcome.FINAL_FAIL;
    if (b > reachesMin) return VerdictOutcome.FIXABLE_FAIL;
    return b <= aboveMax ? VerdictOutcome.FINAL_FAIL : VerdictOutcome.PASS;
  };
}

/** The profile-only twins: rules that read no parameter and no opening (prepared-profiles.ts decides them once per profile). */
export const SIMPLE: Readonly<Record<string, VerdictClassifier>> = {
  'law.health': ({ profile: { medical: m } }) =>
    m?.physicallyFit === false || m?.psychologicallyFit === false
      ? VerdictOutcome.FINAL_FAIL
      : m?.physicallyFit !== true || m.psychologicallyFit !== true
        ? VerdictOutcome.MISSING
        : VerdictOutcome.PASS,
  'eps.colourVision': ({ profile: { medical: m } }) =>
    m?.colourBlind === undefined ? VerdictOutcome.MISSING : m.colourBlind ? VerdictOutcome.FINAL_FAIL : VerdictOutcome.PASS,
  'eps.completeFingers': ({ profile: { medical: m } }) =>
    m?.completeFingers === undefined ? VerdictOutcome.MISSING : m.completeFingers ? VerdictOutcome.PASS : VerdictOutcome.FINAL_FAIL,
  'eps.excludedDiseases': ({ profile: { medical: m } }) => {
    const c = m?.conditions;
    if (c === undefined) return VerdictOutcome.MISSING;
    let open = false;
    for (const k of MEDICAL_CONDITIONS) {
      if (c[k] === true) return VerdictOutcome.FINAL_FAIL;
      if (c[k] !== false) open = true;
    }
    return open ? VerdictOutcome.MISSING : VerdictOutcome.PASS;
  },
  'eps.criminalRecord': ({ profile: { criminalRecord: r } }) =>
    r?.everImprisoned === undefined ? VerdictOutcome.MISSING : r.everImprisoned ? VerdictOutcome.FINAL_FAIL : VerdictOutcome.PASS,
  'eps.noDeportation': ({ profile: { koreaHistory: h } }) =>
    h?.deported === true || h?.entryBanned === true
      ? VerdictOutcome.FINAL_FAIL
      : h?.deported !== false || h.entryBanned !== false
        ? VerdictOutcome.MISSING
        : VerdictOutcome.PASS,
  'korea.noEntryBan': ({ profile: { koreaHistory: h } }) =>
    h?.entryBanned === undefined ? VerdictOutcome.MISSING : h.entryBanned ? VerdictOutcome.FINAL_FAIL : VerdictOutcome.PASS,
  'law.socialSecurity': ({ profile: { bpjsNumber: n } }) => (n === undefined || n === '' ? VerdictOutcome.MISSING : VerdictOutcome.PASS),
};

/** Twins that need compile-time values (parameters, opening, dates). */
function contextual(c: VerdictCompileContext): Readonly<Record<string, () => VerdictClassifier>> {
  const { asOf, params, opening } = c;
  const a = dateNumbers(asOf);
  const cut = (years: number) => ageCut(asOf, a, years);
  const x = opening?.extraRequirements;
  return {
    'identity.nik': () => (s) => nikOutcome(s.profile, asOf, a),
    'city.residency': residencyClassifier,
    'law.minimumAge': () => ageClassifier(cut, params.get('law.minimumAge'), undefined),
    'eps.ageBand': () => {
      const band = params.get('eps.ageBand');
      return ageClassifier(cut, band.min, band.max);
    },
    'opening.ageRange': () => ageClassifier(cut, x?.minAge, x?.maxAge, true),
    'eps.education': () => educationClassifier(params.get('eps.minEducation')),
    'opening.minEducation': () => educationClassifier(x!.minEducation!),
    'eps.koreanTest': () => {
      const min = params.get('eps.topikMinScore');
      return (s) => ((s.profile.epsTopikResults ?? []).length === 0 ? VerdictOutcome.MISSING : s.bestEpsScore() < 0 || s.bestEpsScore() < min ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS);
    },
    'opening.minEpsTopikScore': () => {
      const min = x!.minEpsTopikScore!;
      return (s) => ((s.profile.epsTopikResults ?? []).length === 0 ? VerdictOutcome.MISSING : s.bestEpsScore() < 0 || s.bestEpsScore() < min ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS);
    },
    'opening.minTopikLevel': () => {
      const min = x!.minTopikLevel!;
      const bands = params.get('topik.levels');
      return ({ profile: p }) =>
        (p.topikResults ?? []).length === 0 && (p.pilotKoreanTests ?? []).length === 0
          ? VerdictOutcome.MISSING
          : bestKoreanLevel(p, bands) < min
            ? VerdictOutcome.FIXABLE_FAIL
            : VerdictOutcome.PASS;
    },
    'pilot.koreanTest': () => pilotKoreanClassifier(params.get('e73pilot.minTopikLevel'), params.get('topik.levels')),
    'law.competence': () => verificationClassifier(opening ? [opening.occupation] : c.routeDefinition.sectors, c.routeDefinition.competenceCertifiers, asOf),
    'e73.skillVerification': () => verificationClassifier(opening ? [opening.occupation] : c.routeDefinition.sectors, ['KOSHIPA'], asOf),
    'opening.skillQualification': () => qualificationClassifier(opening!.occupation, x!.skillQualification!, asOf),
    'eps.priorStay': () => {
      const max = params.get('eps.maxPriorMonthsInKorea');
      return ({ profile: { koreaHistory: h } }) =>
        (h?.priorMonthsE9 ?? 0) + (h?.priorMonthsE10 ?? 0) > max
          ? VerdictOutcome.FINAL_FAIL
          : h?.priorMonthsE9 === undefined || h.priorMonthsE10 === undefined
            ? VerdictOutcome.MISSING
            : VerdictOutcome.PASS;
    },
    'law.familyConsent': () => ({ profile: p }) => {
      const consent = p.familyConsent;
      if (consent?.acknowledgedByVillageHead === true) return VerdictOutcome.PASS;
      for (const d of p.documents ?? []) {
        if (d.kind === 'FAMILY_CONSENT' && d.verified === true && (d.expiresOn === undefined || d.expiresOn >= asOf)) return VerdictOutcome.PASS;
      }
      return consent !== undefined ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
    },
  };
}

/** The document rules and the kind each one checks (documentRule). */
export const DOCUMENT_RULE_KINDS: Readonly<Record<string, DocumentKind>> = Object.freeze({
  'docs.maritalStatus': 'MARITAL_STATUS_CERTIFICATE',
  'docs.competencyCertificate': 'COMPETENCY_CERTIFICATE',
  'docs.medicalCertificate': 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE',
  'docs.passport': 'PASSPORT',
  'docs.workVisa': 'WORK_VISA',
  'docs.placementAgreement': 'PLACEMENT_AGREEMENT',
  'docs.employmentContract': 'EMPLOYMENT_CONTRACT',
  'docs.ktp': 'KTP',
  'docs.kk': 'KK',
  'docs.skck': 'SKCK',
  'docs.ak1': 'AK1_CARD',
});

/** The twin of each rule id that has one (the others run their full `evaluate`). */
export function verdictClassifiers(c: VerdictCompileContext): (ruleId: string) => VerdictClassifier | undefined {
  const ctxTwins = contextual(c);
  return (ruleId) => {
    const simple = SIMPLE[ruleId];
    if (simple !== undefined) return simple;
    const kind = DOCUMENT_RULE_KINDS[ruleId];
    if (kind !== undefined) return documentClassifier(kind);
    return ctxTwins[ruleId]?.();
  };
}

/**
 * A lean identity check (issue 14: only its `ok` or `code` is read here, so its text is not rendered);
 * an error it throws is rendered, as the main entry's check would throw it.
 */
function leanChecked<A extends unknown[], R>(check: (...args: A) => R, ...args: A): R {
  try {
    return check(...args);
  } catch (e) {
    throw renderError(e);
  }
}
