/**
 * Shape check for a `CandidateProfile` arriving from outside (gateway input, stored JSON).
 *
 * It checks types, enumerations, real calendar dates, ranges and date order, and returns a clean
 * copy: `null` is read as "absent" (GraphQL sends null for unset optional fields) and dropped,
 * unknown fields are rejected (they are usually typos such as `birthDate` for `declaredBirthDate`).
 *
 * It does not judge eligibility: an expired passport or a low score is valid data and becomes a
 * rule outcome. Given `asOf`, dates of past events (birth, tests, examinations, issue dates) must
 * not be after it; given a parameter snapshot, scores must not exceed the test's maximum.
 *
 * Birth dates, given `asOf`, must also be plausible: not after `asOf`, and giving an age of at most
 * `identity.birthDate.maxAgeYears` (a dated data-quality parameter, 99: beyond it the NIK's two-digit
 * birth year cannot agree) on `asOf` — so 0001-01-01 or 1900-01-01 are refused
 * (`PROFILE.BIRTH_DATE_IMPLAUSIBLE`). The bound comes from `options.params` when given, else from the
 * parameters in force on `asOf`; before that parameter's coverage no bound applies.
 *
 * Codes (each issue carries the field path):
 * `PROFILE.NOT_AN_OBJECT`, `PROFILE.UNKNOWN_FIELD`, `PROFILE.INVALID_TYPE`, `PROFILE.INVALID_VALUE`,
 * `PROFILE.INVALID_DATE`, `PROFILE.BIRTH_DATE_IN_FUTURE`, `PROFILE.BIRTH_DATE_IMPLAUSIBLE`, `PROFILE.DATE_IN_FUTURE`,
 * `PROFILE.DATE_ORDER`, `PROFILE.NOT_INTEGER`, `PROFILE.NEGATIVE_VALUE`, `PROFILE.OUT_OF_RANGE`,
 * `PROFILE.REQUIRED`, `PROFILE.TOO_LONG`, `PROFILE.TOO_MANY_ITEMS`, `PROFILE.INVALID_BPJS_NUMBER`, and the `NIK.*` codes
 * of identity/nik.ts. Messages never contain the submitted values.
 */
import { DomainError, err, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import { textErrorData, textRef, type Text } from '../shared/text';
import { renderTexts } from '../messages/render';
import { ageOn, compareDates, isIsoDate, parseIsoDate, type IsoDate } from '../shared/local-date';
import { isOneOf, OCCUPATIONS, SEXES } from '../shared/vocabulary';
import { EDUCATION_LEVELS, parameterSnapshot, TOPIK_TESTS, type ParameterSnapshot, type ParameterValues, type TopikTest } from '../parameters';
import { leanCheckNikStructure, leanParseNik } from '../identity/nik';
import { ADDRESS_SOURCES } from '../identity/residential-address';
import {
  CANDIDATE_PROFILE_FIELDS,
  CONSENT_GIVERS,
  DOCUMENT_KINDS,
  MEDICAL_CONDITIONS,
  SKILL_CERTIFIERS,
  type CandidateProfile,
} from './candidate-profile';

/** Sanity caps against oversized input (not policy figures). */
export const PROFILE_MAX_STRING_LENGTH = 200;
export const PROFILE_MAX_LIST_LENGTH = 100;

export interface ValidateCandidateProfileOptions {
  /** When given, past events (birth, tests, examinations, issue dates) must be on or before it. */
  readonly asOf?: IsoDate;
  /** When given, scores are checked against the test maxima in force (eps.topikMaxScore, topik.levels). */
  readonly params?: ParameterSnapshot;
  /**
   * `FULL` (default): the NIK must be a valid NIK (identity/nik.ts codes). `TYPE_ONLY`: the NIK only
   * has to be a text; eligibility uses this so that a mistyped NIK becomes a fixable rule failure
   * ("check your NIK") instead of an error.
   */
  readonly nikCheck?: 'FULL' | 'TYPE_ONLY';
}

type Path = readonly string[];
type Obj = Record<string, unknown>;

// Compile-time guard: CANDIDATE_PROFILE_FIELDS lists every field of CandidateProfile.
type MissingField = Exclude<keyof CandidateProfile, (typeof CANDIDATE_PROFILE_FIELDS)[number]>;
const allFieldsListed: [MissingField] extends [never] ? true : never = true;
void allFieldsListed;

class Checker {
  /** Texts by reference (issue 14), but the NIK's (identity/nik.ts). */
  readonly issues: DomainErrorData<Text>[] = [];
  constructor(
    readonly asOf: IsoDate | undefined,
    readonly params: ParameterSnapshot | undefined,
    readonly nikCheck: 'FULL' | 'TYPE_ONLY',
  ) {}

  add(code: string, text: Text, path: Path, details?: DomainErrorData['details']): void {
    this.issues.push(textErrorData(code, text, { path, ...(details ? { details } : {}) }));
  }

  object(v: unknown, path: Path, fields: readonly string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.add('PROFILE.NOT_AN_OBJECT', textRef('PROFILE.NOT_AN_OBJECT'), path);
      return undefined;
    }
    const o = v as Obj;
    for (const key of Object.keys(o)) {
      if (!fields.includes(key)) {
        this.add('PROFILE.UNKNOWN_FIELD', textRef('PROFILE.UNKNOWN_FIELD'), [...path, key], {
          allowed: fields.join(','),
        });
      }
    }
    return o;
  }

  string(v: unknown, path: Path): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      this.add('PROFILE.INVALID_TYPE', textRef('PROFILE.INVALID_TYPE.text'), path);
      return undefined;
    }
    if (v.length > PROFILE_MAX_STRING_LENGTH) {
      this.add('PROFILE.TOO_LONG', textRef('PROFILE.TOO_LONG'), path, {
        maxLength: PROFILE_MAX_STRING_LENGTH,
      });
      return undefined;
    }
    return v;
  }

  boolean(v: unknown, path: Path): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.add('PROFILE.INVALID_TYPE', textRef('PROFILE.INVALID_TYPE.boolean'), path);
      return undefined;
    }
    return v;
  }

  enumValue<T extends string>(values: readonly T[], v: unknown, path: Path): T | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isOneOf(values, v)) {
      this.add('PROFILE.INVALID_VALUE', textRef('PROFILE.INVALID_VALUE'), path, {
        allowed: values.join(','),
      });
      return undefined;
    }
    return v;
  }

  /** A whole number ≥ `min` (and ≤ `max` when given). */
  integer(v: unknown, path: Path, min: number, max?: number): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add('PROFILE.INVALID_TYPE', textRef('PROFILE.INVALID_TYPE.number'), path);
      return undefined;
    }
    if (!Number.isInteger(v)) {
      this.add('PROFILE.NOT_INTEGER', textRef('PROFILE.NOT_INTEGER'), path);
      return undefined;
    }
    if (v < 0 && min >= 0) {
      this.add('PROFILE.NEGATIVE_VALUE', textRef('PROFILE.NEGATIVE_VALUE'), path);
      return undefined;
    }
    if (v < min || (max !== undefined && v > max)) {
      this.add('PROFILE.OUT_OF_RANGE', textRef('PROFILE.OUT_OF_RANGE'), path, {
        min,
        max: max ?? null,
      });
      return undefined;
    }
    return v;
  }

  /** A real ISO date; `pastEvent` dates must not be after `asOf` when it is known. */
  date(v: unknown, path: Path, kind: 'birth' | 'pastEvent' | 'any'): IsoDate | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isIsoDate(v)) {
      this.add('PROFILE.INVALID_DATE', textRef('PROFILE.INVALID_DATE'), path);
      return undefined;
    }
    if (this.asOf !== undefined && kind !== 'any' && compareDates(v, this.asOf) > 0) {
      if (kind === 'birth') {
        this.add('PROFILE.BIRTH_DATE_IN_FUTURE', textRef('PROFILE.BIRTH_DATE_IN_FUTURE'), path);
      } else {
        this.add('PROFILE.DATE_IN_FUTURE', textRef('PROFILE.DATE_IN_FUTURE'), path);
      }
      return undefined;
    }
    if (kind === 'birth' && this.asOf !== undefined) {
      const maxAge = this.maxAgeYears();
      if (maxAge !== undefined && ageOn(v, this.asOf) > maxAge) {
        this.add('PROFILE.BIRTH_DATE_IMPLAUSIBLE', textRef('PROFILE.BIRTH_DATE_IMPLAUSIBLE', maxAge), path, { maxAgeYears: maxAge });
        return undefined;
      }
    }
    return v;
  }

  /** identity.birthDate.maxAgeYears on `asOf` (from the snapshot given, else the parameters in force). */
  maxAgeYears(): number | undefined {
    if (this.asOf === undefined) return undefined;
    return getParam(this.params ?? parameterSnapshot(this.asOf), 'identity.birthDate.maxAgeYears');
  }

  order(earlier: IsoDate | undefined, later: IsoDate | undefined, path: Path): void {
    if (earlier !== undefined && later !== undefined && compareDates(later, earlier) < 0) {
      this.add('PROFILE.DATE_ORDER', textRef('PROFILE.DATE_ORDER'), path);
    }
  }

  list(v: unknown, path: Path): unknown[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.add('PROFILE.INVALID_TYPE', textRef('PROFILE.INVALID_TYPE.list'), path);
      return undefined;
    }
    if (v.length > PROFILE_MAX_LIST_LENGTH) {
      this.add('PROFILE.TOO_MANY_ITEMS', textRef('PROFILE.TOO_MANY_ITEMS'), path, {
        maxItems: PROFILE_MAX_LIST_LENGTH,
      });
      return undefined;
    }
    return v;
  }

  /** Each item is checked by `item`; items that fail are dropped from the clean copy. */
  items<T>(v: unknown, path: Path, item: (o: Obj, p: Path) => T | undefined, fields: readonly string[]): T[] | undefined {
    const l = this.list(v, path);
    if (l === undefined) return undefined;
    const out: T[] = [];
    l.forEach((x, i) => {
      const p = [...path, String(i)];
      const o = this.object(x, p, fields);
      if (o === undefined) return;
      const r = item(o, p);
      if (r !== undefined) out.push(r);
    });
    return out;
  }

  required(o: Obj, key: string, path: Path): boolean {
    if (o[key] === undefined || o[key] === null) {
      this.add('PROFILE.REQUIRED', textRef('PROFILE.REQUIRED'), [...path, key]);
      return false;
    }
    return true;
  }

  /** A parameter value, or undefined when no snapshot was given or the parameter is not in force on its date. */
  param<K extends 'eps.topikMaxScore' | 'topik.levels'>(id: K): ParameterValues[K] | undefined {
    return getParam(this.params, id);
  }

  topikMax(test: TopikTest): number | undefined {
    const bands = (this.param('topik.levels') ?? []).filter((b) => b.test === test);
    return bands.length === 0 ? undefined : Math.max(...bands.map((b) => b.max));
  }

  topikMaxLevel(): number | undefined {
    const levels = (this.param('topik.levels') ?? []).map((b) => b.level);
    return levels.length === 0 ? undefined : Math.max(...levels);
  }
}

function getParam<K extends 'eps.topikMaxScore' | 'topik.levels' | 'identity.birthDate.maxAgeYears'>(params: ParameterSnapshot | undefined, id: K): ParameterValues[K] | undefined {
  if (params === undefined) return undefined;
  try {
    return params.get(id);
  } catch (e) {
    if (e instanceof DomainError && e.code.startsWith('PARAMETER.')) return undefined;
    throw e;
  }
}

/** Set `key` on `target` only when `value` is defined (keeps the clean copy free of undefined). */
function put(target: Obj, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** NIK, declared birth date and sex. */
function checkIdentity(root: Obj, c: Checker, out: Obj): void {
  // identity
  if (c.nikCheck === 'TYPE_ONLY') {
    put(out, 'nik', c.string(root['nik'], ['nik']));
  } else if (root['nik'] !== undefined && root['nik'] !== null) {
    const r = c.asOf !== undefined ? leanParseNik(root['nik'], c.asOf) : leanCheckNikStructure(root['nik']);
    if (r.ok) put(out, 'nik', r.value.nik);
    else c.issues.push(r.error);
  }
  put(out, 'declaredBirthDate', c.date(root['declaredBirthDate'], ['declaredBirthDate'], 'birth'));
  put(out, 'declaredSex', c.enumValue(SEXES, root['declaredSex'], ['declaredSex']));
}

/** The residential address (the city code as 4 digits). */
function checkAddress(root: Obj, c: Checker, out: Obj): void {
  // address
  if (root['address'] !== undefined && root['address'] !== null) {
    const p = ['address'];
    const a = c.object(root['address'], p, ['kecamatan', 'kelurahan', 'city', 'cityCode', 'source']);
    if (a) {
      const addr: Obj = {};
      put(addr, 'kecamatan', c.string(a['kecamatan'], [...p, 'kecamatan']));
      put(addr, 'kelurahan', c.string(a['kelurahan'], [...p, 'kelurahan']));
      put(addr, 'city', c.string(a['city'], [...p, 'city']));
      const code = c.string(a['cityCode'], [...p, 'cityCode']);
      if (code !== undefined) {
        const digits = code.replace(/[\s.]/g, '');
        if (!/^\d{4}$/.test(digits) || digits.slice(2) === '00') {
          c.add('PROFILE.INVALID_VALUE', textRef('PROFILE.INVALID_VALUE.regencyCode'), [...p, 'cityCode']);
        } else put(addr, 'cityCode', digits);
      }
      put(addr, 'source', c.enumValue(ADDRESS_SOURCES, a['source'], [...p, 'source']));
      out['address'] = addr;
    }
  }
}

/** EPS-TOPIK, TOPIK and pilot Korean test results (score ranges from the parameters). */
function checkKoreanTests(root: Obj, c: Checker, out: Obj): void {
  // Korean tests
  const epsMax = root['epsTopikResults'] ? c.param('eps.topikMaxScore') : undefined;
  put(
    out,
    'epsTopikResults',
    c.items(
      root['epsTopikResults'],
      ['epsTopikResults'],
      (o, p) => {
        const okReq = c.required(o, 'takenOn', p) && c.required(o, 'score', p);
        const takenOn = c.date(o['takenOn'], [...p, 'takenOn'], 'pastEvent');
        const score = c.integer(o['score'], [...p, 'score'], 0, epsMax);
        const round = c.string(o['round'], [...p, 'round']);
        if (!okReq || takenOn === undefined || score === undefined) return undefined;
        return { takenOn, score, ...(round !== undefined ? { round } : {}) };
      },
      ['takenOn', 'score', 'round'],
    ),
  );
  put(
    out,
    'topikResults',
    c.items(
      root['topikResults'],
      ['topikResults'],
      (o, p) => {
        const okReq = c.required(o, 'test', p) && c.required(o, 'takenOn', p) && c.required(o, 'score', p);
        const test = c.enumValue(TOPIK_TESTS, o['test'], [...p, 'test']);
        const takenOn = c.date(o['takenOn'], [...p, 'takenOn'], 'pastEvent');
        const score = c.integer(o['score'], [...p, 'score'], 0, test ? c.topikMax(test) : undefined);
        if (!okReq || test === undefined || takenOn === undefined || score === undefined) return undefined;
        return { test, takenOn, score };
      },
      ['test', 'takenOn', 'score'],
    ),
  );
  put(
    out,
    'pilotKoreanTests',
    c.items(
      root['pilotKoreanTests'],
      ['pilotKoreanTests'],
      (o, p) => {
        const okReq = c.required(o, 'takenOn', p) && c.required(o, 'level', p) && c.required(o, 'speakingPassed', p);
        const takenOn = c.date(o['takenOn'], [...p, 'takenOn'], 'pastEvent');
        const level = c.integer(o['level'], [...p, 'level'], 0, c.topikMaxLevel());
        const speakingPassed = c.boolean(o['speakingPassed'], [...p, 'speakingPassed']);
        if (!okReq || takenOn === undefined || level === undefined || speakingPassed === undefined) return undefined;
        return { takenOn, level, speakingPassed };
      },
      ['takenOn', 'level', 'speakingPassed'],
    ),
  );
}

/** Skill verifications (competence). */
function checkSkillVerifications(root: Obj, c: Checker, out: Obj): void {
  // competence
  put(
    out,
    'skillVerifications',
    c.items(
      root['skillVerifications'],
      ['skillVerifications'],
      (o, p) => {
        const okReq =
          c.required(o, 'occupation', p) && c.required(o, 'certifier', p) && c.required(o, 'testedOn', p) && c.required(o, 'passed', p);
        const occupation = c.enumValue(OCCUPATIONS, o['occupation'], [...p, 'occupation']);
        const certifier = c.enumValue(SKILL_CERTIFIERS, o['certifier'], [...p, 'certifier']);
        const qualification = c.string(o['qualification'], [...p, 'qualification']);
        const testedOn = c.date(o['testedOn'], [...p, 'testedOn'], 'pastEvent');
        const passed = c.boolean(o['passed'], [...p, 'passed']);
        const expiresOn = c.date(o['expiresOn'], [...p, 'expiresOn'], 'any');
        c.order(testedOn, expiresOn, [...p, 'expiresOn']);
        if (!okReq || !occupation || !certifier || !testedOn || passed === undefined) return undefined;
        const v: Obj = { occupation, certifier, testedOn, passed };
        put(v, 'qualification', qualification);
        put(v, 'expiresOn', expiresOn);
        return v;
      },
      ['occupation', 'certifier', 'qualification', 'testedOn', 'passed', 'expiresOn'],
    ),
  );
}

/** The medical examination and its conditions. */
function checkMedical(root: Obj, c: Checker, out: Obj): void {
  // medical
  if (root['medical'] !== undefined && root['medical'] !== null) {
    const p = ['medical'];
    const m = c.object(root['medical'], p, ['examinedOn', 'physicallyFit', 'psychologicallyFit', 'colourBlind', 'completeFingers', 'conditions']);
    if (m) {
      const med: Obj = {};
      put(med, 'examinedOn', c.date(m['examinedOn'], [...p, 'examinedOn'], 'pastEvent'));
      for (const k of ['physicallyFit', 'psychologicallyFit', 'colourBlind', 'completeFingers']) put(med, k, c.boolean(m[k], [...p, k]));
      if (m['conditions'] !== undefined && m['conditions'] !== null) {
        const cp = [...p, 'conditions'];
        const co = c.object(m['conditions'], cp, MEDICAL_CONDITIONS);
        if (co) {
          const conds: Obj = {};
          for (const k of MEDICAL_CONDITIONS) put(conds, k, c.boolean(co[k], [...cp, k]));
          med['conditions'] = conds;
        }
      }
      out['medical'] = med;
    }
  }
}

/** Criminal record and history in Korea. */
function checkRecords(root: Obj, c: Checker, out: Obj): void {
  if (root['criminalRecord'] !== undefined && root['criminalRecord'] !== null) {
    const cr = c.object(root['criminalRecord'], ['criminalRecord'], ['everImprisoned']);
    if (cr) {
      const rec: Obj = {};
      put(rec, 'everImprisoned', c.boolean(cr['everImprisoned'], ['criminalRecord', 'everImprisoned']));
      out['criminalRecord'] = rec;
    }
  }

  if (root['koreaHistory'] !== undefined && root['koreaHistory'] !== null) {
    const p = ['koreaHistory'];
    const k = c.object(root['koreaHistory'], p, ['deported', 'entryBanned', 'priorMonthsE9', 'priorMonthsE10']);
    if (k) {
      const h: Obj = {};
      put(h, 'deported', c.boolean(k['deported'], [...p, 'deported']));
      put(h, 'entryBanned', c.boolean(k['entryBanned'], [...p, 'entryBanned']));
      put(h, 'priorMonthsE9', c.integer(k['priorMonthsE9'], [...p, 'priorMonthsE9'], 0));
      put(h, 'priorMonthsE10', c.integer(k['priorMonthsE10'], [...p, 'priorMonthsE10'], 0));
      out['koreaHistory'] = h;
    }
  }
}

/** The BPJS Ketenagakerjaan number and the family consent. */
function checkSocialSecurityAndConsent(root: Obj, c: Checker, out: Obj): void {
  const bpjs = c.string(root['bpjsNumber'], ['bpjsNumber']);
  if (bpjs !== undefined) {
    const digits = bpjs.replace(/[\s.\-]/g, '');
    if (!/^\d+$/.test(digits)) {
      c.add('PROFILE.INVALID_BPJS_NUMBER', textRef('PROFILE.INVALID_BPJS_NUMBER'), ['bpjsNumber']);
    } else out['bpjsNumber'] = digits;
  }

  if (root['familyConsent'] !== undefined && root['familyConsent'] !== null) {
    const p = ['familyConsent'];
    const f = c.object(root['familyConsent'], p, ['givenBy', 'givenOn', 'acknowledgedByVillageHead']);
    if (f) {
      const okReq = c.required(f, 'givenBy', p) && c.required(f, 'acknowledgedByVillageHead', p);
      const givenBy = c.enumValue(CONSENT_GIVERS, f['givenBy'], [...p, 'givenBy']);
      const givenOn = c.date(f['givenOn'], [...p, 'givenOn'], 'pastEvent');
      const ack = c.boolean(f['acknowledgedByVillageHead'], [...p, 'acknowledgedByVillageHead']);
      if (okReq && givenBy && ack !== undefined) {
        out['familyConsent'] = { givenBy, acknowledgedByVillageHead: ack, ...(givenOn ? { givenOn } : {}) };
      }
    }
  }
}

/** Documents held (kind, dates, verification). */
function checkDocuments(root: Obj, c: Checker, out: Obj): void {
  put(
    out,
    'documents',
    c.items(
      root['documents'],
      ['documents'],
      (o, p) => {
        const okReq = c.required(o, 'kind', p);
        const kind = c.enumValue(DOCUMENT_KINDS, o['kind'], [...p, 'kind']);
        const issuedOn = c.date(o['issuedOn'], [...p, 'issuedOn'], 'pastEvent');
        const expiresOn = c.date(o['expiresOn'], [...p, 'expiresOn'], 'any');
        c.order(issuedOn, expiresOn, [...p, 'expiresOn']);
        const verified = c.boolean(o['verified'], [...p, 'verified']);
        const reference = c.string(o['reference'], [...p, 'reference']);
        if (!okReq || !kind) return undefined;
        const d: Obj = { kind };
        put(d, 'issuedOn', issuedOn);
        put(d, 'expiresOn', expiresOn);
        put(d, 'verified', verified);
        put(d, 'reference', reference);
        return d;
      },
      ['kind', 'issuedOn', 'expiresOn', 'verified', 'reference'],
    ),
  );
}

function checkProfile(input: unknown, c: Checker): CandidateProfile | undefined {
  const root = c.object(input, [], CANDIDATE_PROFILE_FIELDS);
  if (root === undefined) return undefined;
  const out: Obj = {};
  // in field order, so that issues come in field order
  checkIdentity(root, c, out);
  checkAddress(root, c, out);
  put(out, 'education', c.enumValue(EDUCATION_LEVELS, root['education'], ['education']));
  checkKoreanTests(root, c, out);
  checkSkillVerifications(root, c, out);
  checkMedical(root, c, out);
  checkRecords(root, c, out);
  checkSocialSecurityAndConsent(root, c, out);
  checkDocuments(root, c, out);
  put(out, 'plannedDeparture', c.date(root['plannedDeparture'], ['plannedDeparture'], 'any'));
  return out as CandidateProfile;
}

/** Every shape problem of `input`, in field order (empty when the profile is valid). */
export function listCandidateProfileIssues(input: unknown, options: ValidateCandidateProfileOptions = {}): DomainErrorData[] {
  return renderTexts(leanListCandidateProfileIssues(input, options));
}

/** `listCandidateProfileIssues` with the issues' texts by reference (`TextRef`, issue 14). */
export function leanListCandidateProfileIssues(input: unknown, options: ValidateCandidateProfileOptions = {}): DomainErrorData<Text>[] {
  if (options.asOf !== undefined) parseIsoDate(options.asOf, ['asOf']);
  const c = new Checker(options.asOf, options.params, options.nikCheck ?? 'FULL');
  checkProfile(input, c);
  return c.issues;
}

/**
 * Validate a candidate profile and return a clean copy, or the first issue (with the total number
 * of issues in `details.issueCount`; `listCandidateProfileIssues` gives all of them).
 * An invalid `options.asOf` throws `DATE.INVALID`.
 */
export function validateCandidateProfile(input: unknown, options: ValidateCandidateProfileOptions = {}): Result<CandidateProfile> {
  return renderTexts(leanValidateCandidateProfile(input, options));
}

/** `validateCandidateProfile` with the issue's text by reference (`TextRef`, issue 14). */
export function leanValidateCandidateProfile(input: unknown, options: ValidateCandidateProfileOptions = {}): Result<CandidateProfile, DomainErrorData<Text>> {
  if (options.asOf !== undefined) parseIsoDate(options.asOf, ['asOf']);
  const c = new Checker(options.asOf, options.params, options.nikCheck ?? 'FULL');
  const profile = checkProfile(input, c);
  const first = c.issues[0];
  if (first !== undefined) {
    return err({ ...first, details: { ...(first.details ?? {}), issueCount: c.issues.length } });
  }
  return ok(profile ?? {});
}
