/**
 * Bulk verdicts over prepared profiles (prepared-profiles.ts), for `compiled.evaluatePrepared`.
 *
 * The compiled plan runs rule by rule over the whole pool (one tight loop per rule over the typed
 * columns, every threshold a whole number fixed at compile time: ages as `yyyymmdd` birth-date cuts,
 * the EPS-TOPIK validity as the earliest valid test date, the date each document must still be valid
 * on), and folds each rule's outcome class into per-candidate bit sets (rule i of `ruleIds` = bit i)
 * and statuses. Nothing is allocated per candidate; `PreparedVerdicts.verdict(i)` builds the
 * `EligibilityQuickVerdict` of one candidate when asked (shared, frozen objects per distinct
 * outcome). Each rule's loop mirrors its verdict-only twin (verdict-rules.ts), which mirrors the
 * rule; the fast-check properties in compile-eligibility.test.ts hold both to `evaluateEligibility`.
 * A rule without a bulk twin (none today) runs its profile-object twin per candidate.
 */
import { addMonths, daysInMonth, type IsoDate } from '../shared/local-date';
import { OCCUPATIONS, type Occupation } from '../shared/vocabulary';
import type { TopikLevelBand } from '../parameters';
import { SKILL_CERTIFIERS, type SkillCertifier } from './candidate-profile';
import type { EligibilityDepartureStatus, EligibilitySelectionStatus } from './evaluate-eligibility';
import { DATE_KEY_FOREVER, isoDateKey, NikKind, PROFILE_ONLY_RULE_IDS, UNKNOWN_INDEX, type PreparedCandidateProfiles, type PreparedColumns } from './prepared-profiles';
import {
  DOC_INDEX,
  DOCUMENT_RULE_KINDS,
  nikBirthDate,
  nikOutcome,
  normalizeQualification,
  validDay,
  VerdictOutcome,
  type DateNumbers,
  type VerdictClassifier,
  type VerdictCompileContext,
  VerdictScratch,
} from './verdict-rules';
import { educationRank } from '../parameters';
import type { DocumentKind } from './candidate-profile';

/** The quick verdict's fields: `EligibilityQuickVerdict` in compile-eligibility.ts is this interface. */
export interface QuickVerdictFields {
  readonly selection: EligibilitySelectionStatus;
  readonly departure: EligibilityDepartureStatus;
  readonly eligibleToBeSelected: boolean;
  readonly readyToDepart: boolean;
  /** Ids of the rules that did not pass (`fail` or `missing`), in rule-set order (the order of `results`). */
  readonly failing: readonly string[];
  /** Ids of the rules that fail and cannot be fixed (`verdict.finalFailures`). */
  readonly finalFailures: readonly string[];
  /** DEPARTURE rules evaluated (not skipped) and, of them, passed: the ranking's readiness share. */
  readonly departureEvaluated: number;
  readonly departurePassed: number;
}

/** Codes of the status columns. */
export const PREPARED_SELECTION_STATUSES: readonly EligibilitySelectionStatus[] = Object.freeze(['ELIGIBLE', 'ACTION_NEEDED', 'INELIGIBLE']);
export const PREPARED_DEPARTURE_STATUSES: readonly EligibilityDepartureStatus[] = Object.freeze(['READY', 'ACTION_NEEDED', 'INELIGIBLE']);

/** The verdicts of a prepared pool for one compiled route, date and opening (row i = profile i). */
export interface PreparedVerdicts {
  readonly length: number;
  /** The rules evaluated, in order; rule r is bit r of a candidate's bit sets. */
  readonly ruleIds: readonly string[];
  /** Per candidate: index into PREPARED_SELECTION_STATUSES (0 ELIGIBLE, 1 ACTION_NEEDED, 2 INELIGIBLE). */
  readonly selection: Uint8Array;
  /** Per candidate: index into PREPARED_DEPARTURE_STATUSES (0 READY, 1 ACTION_NEEDED, 2 INELIGIBLE). */
  readonly departure: Uint8Array;
  /** Per candidate: DEPARTURE rules passed. */
  readonly departurePassed: Uint16Array;
  /** DEPARTURE rules evaluated (the same for every candidate: skipped rules are decided at compile time). */
  readonly departureEvaluated: number;
  /** 32-bit words per candidate in `failing` / `finalFailing`. */
  readonly words: number;
  /** Rules not passed (`fail` or `missing`): bit r of candidate i is bit (r % 32) of word `i * words + r / 32`. */
  readonly failing: Uint32Array;
  /** Rules failed for good (`verdict.finalFailures`), same layout. */
  readonly finalFailing: Uint32Array;
  /** The selection status of candidate i. */
  selectionOf(i: number): EligibilitySelectionStatus;
  /** The verdict of candidate i, as the compiled function gives it for that profile (a shared, frozen object). */
  verdict(i: number): QuickVerdictFields;
  /** Per candidate: the highest EPS-TOPIK score valid on asOf (korean-tests.ts `bestValidEpsTopik`), -1 when none is. */
  bestValidEpsScores(): Float64Array;
  /** Per candidate: the highest TOPIK-scale level (korean-tests.ts `bestKoreanLevel`) with the snapshot's bands. */
  bestKoreanLevels(): Float64Array;
}

/** Per-rule bulk evaluator: fills (or returns) the outcome class of every candidate. */
type BulkRule = (b: Batch, out: Uint8Array) => Uint8Array;

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** addMonths on a date key (local-date.ts; throws where it throws: out of years 1–9999). */
function addMonthsKey(key: number, months: number): number {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (ny < 1 || ny > 9999) return isoDateKey(addMonths(keyToIso(key), months));
  return ny * 10000 + nm * 100 + Math.min(d, daysInMonth(ny, nm));
}
const keyToIso = (key: number): IsoDate =>
  `${String(Math.floor(key / 10000)).padStart(4, '0')}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`;

/** The day after a date key. */
function nextDayKey(key: number): number {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  if (d < daysInMonth(y, m)) return key + 1;
  return m < 12 ? y * 10000 + (m + 1) * 100 + 1 : (y + 1) * 10000 + 101;
}

/**
 * The earliest test date still valid on asOf: `asOf < addMonths(takenOn, months)` ⇔ takenOn ≥ this
 * (addMonths never decreases with its date, so the valid test dates are an up-set; found by walking
 * from a date known to be too early).
 */
function epsValidFrom(asOfKey: number, months: number): number {
  let t = addMonthsKey(asOfKey, -months - 1);
  for (let guard = 0; guard < 400; guard++) {
    if (addMonthsKey(t, months) > asOfKey) return t;
    t = nextDayKey(t);
  }
  return DATE_KEY_FOREVER; // not reached for whole months
}

/** The per-call state of one bulk evaluation: columns, compile-time values, shared derived columns. */
class Batch {
  readonly n: number;
  private birthCol: Int32Array | undefined;
  private epsCol: Float64Array | undefined;
  private levelCol: Float64Array | undefined;
  private neededCols: { other: Int32Array; passport: Int32Array } | undefined;

  constructor(
    readonly c: PreparedColumns,
    readonly prepared: PreparedCandidateProfiles,
    readonly k: CompiledKeys,
  ) {
    this.n = c.n;
  }

  /** The birth date (key, 0 none) from a 16-digit NIK's fields (verdict-rules.ts `nikBirthDate`). */
  nikBirth(i: number): number {
    const f = this.c.nikFields[i]!;
    const yy = Math.floor(f / 10000);
    const m = Math.floor(f / 100) % 100;
    const d = f % 100;
    const { century, asOf } = this.k;
    let y = century + yy;
    if (validDay(y, m, d)) {
      const key = y * 10000 + m * 100 + d;
      if (key <= asOf) return key;
    }
    y -= 100;
    if (validDay(y, m, d)) {
      const key = y * 10000 + m * 100 + d;
      if (key <= asOf) return key;
    }
    return 0;
  }

  /** The birth date the age rules use (rules/birth-date.ts), key, 0 when none. */
  birth(): Int32Array {
    if (this.birthCol === undefined) {
      const { n, c } = this;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const declared = c.declaredBirth[i]!;
        if (declared !== 0) out[i] = declared;
        else {
          const kind = c.nikKind[i]!;
          if (kind === NikKind.VALID || kind === NikKind.VALID_CONTRADICTED) out[i] = this.nikBirth(i);
          else if (kind === NikKind.IRREGULAR) {
            const b = nikBirthDate(this.prepared.profiles[i]!.nik!, this.k.asOfIso, this.k.asOfParts);
            out[i] = b === undefined ? 0 : isoDateKey(b);
          }
        }
      }
      this.birthCol = out;
    }
    return this.birthCol;
  }

  /** The highest EPS-TOPIK score valid on asOf, -1 when none is. */
  bestEps(): Float64Array {
    if (this.epsCol === undefined) {
      const { n, c } = this;
      const { epsValidFrom: from, asOf } = this.k;
      const out = new Float64Array(n);
      const start = c.epsStart;
      for (let i = 0; i < n; i++) {
        let best = -1;
        for (let j = start[i]!, end = start[i + 1]!; j < end; j++) {
          const t = c.epsTakenOn[j]!;
          const s = c.epsScore[j]!;
          if (s > best && t <= asOf && t >= from) best = s;
        }
        out[i] = best;
      }
      this.epsCol = out;
    }
    return this.epsCol;
  }

  /** korean-tests.ts `bestKoreanLevel` with the compiled bands. */
  koreanLevel(): Float64Array {
    if (this.levelCol === undefined) {
      const { n, c } = this;
      const levelOf = this.k.topikLevelOf;
      const out = new Float64Array(n);
      const start = c.topikStart;
      for (let i = 0; i < n; i++) {
        let level = 0;
        for (let j = start[i]!, end = start[i + 1]!; j < end; j++) level = Math.max(level, levelOf(c.topikTest[j]!, c.topikScore[j]!));
        out[i] = Math.max(level, c.pilotLevel[i]!);
      }
      this.levelCol = out;
    }
    return this.levelCol;
  }

  /** The dates documents must be valid on (document.rule.ts `documentNeededOn`), per candidate. */
  needed(): { other: Int32Array; passport: Int32Array } {
    if (this.neededCols === undefined) {
      const { n, c } = this;
      const { asOf, margin, fixedDeparture } = this.k;
      const other = new Int32Array(n);
      const passport = new Int32Array(n);
      const memo = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const planned = fixedDeparture !== 0 ? fixedDeparture : c.plannedDeparture[i]!;
        const departure = planned > asOf ? planned : asOf;
        other[i] = departure;
        if (margin === 0) passport[i] = departure;
        else {
          let p = memo.get(departure);
          if (p === undefined) memo.set(departure, (p = addMonthsKey(departure, margin)));
          passport[i] = p;
        }
      }
      this.neededCols = { other, passport };
    }
    return this.neededCols;
  }

  /** Run a profile-object twin for every candidate (rules without a bulk twin). */
  objectRule(classifier: VerdictClassifier, out: Uint8Array): Uint8Array {
    const scratch = this.k.objectScratch();
    for (let i = 0; i < this.n; i++) {
      scratch.reset(this.prepared.profiles[i]!);
      out[i] = classifier(scratch);
    }
    return out;
  }
}

/** What the bulk rules read that is fixed at compile time. */
interface CompiledKeys {
  readonly asOf: number;
  readonly asOfIso: IsoDate;
  readonly asOfParts: DateNumbers;
  readonly century: number;
  readonly epsValidFrom: number;
  readonly margin: number;
  /** The opening's planned departure (key), 0 when the profile's applies. */
  readonly fixedDeparture: number;
  readonly topikLevelOf: (test: number, score: number) => number;
  readonly objectScratch: () => VerdictScratch;
}

/** korean-tests.ts `topikLevelOf`, by test index (prepared-profiles.ts TOPIK_TEST_INDEX), with a table for whole scores. */
function topikLevels(bands: readonly TopikLevelBand[]): (test: number, score: number) => number {
  const tests = ['TOPIK_I', 'TOPIK_II'] as const;
  const slow = (test: number, score: number): number => {
    let level = 0;
    for (const b of bands) if (b.test === tests[test] && score >= b.min && score <= b.max && b.level > level) level = b.level;
    return level;
  };
  const SIZE = 1024;
  const tables = tests.map((_, t) => {
    const table = new Float64Array(SIZE);
    for (let s = 0; s < SIZE; s++) table[s] = slow(t, s);
    return table;
  });
  return (test, score) => {
    if (test === UNKNOWN_INDEX) return 0;
    return Number.isInteger(score) && score >= 0 && score < SIZE ? tables[test]![score]! : slow(test, score);
  };
}

const ageCutKey = (a: DateNumbers, years: number): number => {
  const y = a.y - years;
  if (y < 0) return -Infinity; // '' in verdict-rules.ts: no birth date reaches it
  if (y > 9999) return Infinity; // '~': every birth date does
  return y * 10000 + a.m * 100 + a.d;
};

function ageRule(a: DateNumbers, min: number | undefined, max: number | undefined, maxFirst = false): BulkRule {
  const reachesMin = min === undefined ? Infinity : ageCutKey(a, min);
  const aboveMax = max === undefined ? -Infinity : ageCutKey(a, max + 1);
  return (b, out) => {
    const birth = b.birth();
    for (let i = 0, n = b.n; i < n; i++) {
      const x = birth[i]!;
      out[i] =
        x === 0
          ? VerdictOutcome.MISSING
          : maxFirst && x <= aboveMax
            ? VerdictOutcome.FINAL_FAIL
            : x > reachesMin
              ? VerdictOutcome.FIXABLE_FAIL
              : x <= aboveMax
                ? VerdictOutcome.FINAL_FAIL
                : VerdictOutcome.PASS;
    }
    return out;
  };
}

function educationRule(min: Parameters<typeof educationRank>[0]): BulkRule {
  const minRank = educationRank(min);
  return (b, out) => {
    const e = b.c.education;
    for (let i = 0, n = b.n; i < n; i++) {
      const r = e[i]!;
      out[i] = r < 0 ? VerdictOutcome.MISSING : r < minRank ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS;
    }
    return out;
  };
}

function epsScoreRule(min: number): BulkRule {
  return (b, out) => {
    const best = b.bestEps();
    const start = b.c.epsStart;
    for (let i = 0, n = b.n; i < n; i++) {
      const s = best[i]!;
      out[i] = start[i + 1] === start[i] ? VerdictOutcome.MISSING : s < 0 || s < min ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS;
    }
    return out;
  };
}

function documentRule(kind: DocumentKind): BulkRule {
  const k = DOC_INDEX[kind];
  const passport = kind === 'PASSPORT';
  return (b, out) => {
    const { n, c } = b;
    const needed = passport ? b.needed().passport : b.needed().other;
    const base = k * n;
    const anyCol = c.docAny;
    const verifiedCol = c.docVerified;
    for (let i = 0; i < n; i++) {
      const any = anyCol[base + i]!;
      out[i] = any === 0 ? VerdictOutcome.MISSING : verifiedCol[base + i]! >= needed[i]! ? VerdictOutcome.PASS : VerdictOutcome.FIXABLE_FAIL;
    }
    return out;
  };
}

const indexMask = <T extends string>(all: readonly T[], chosen: readonly T[]): Uint8Array => {
  const m = new Uint8Array(256);
  all.forEach((x, i) => (m[i] = chosen.includes(x) ? 1 : 0));
  return m;
};

/** PASS / FIXABLE_FAIL / MISSING of rules/competence.rule.ts for candidate i (also the ranking's "valid verification"). */
function verificationOutcome(c: PreparedColumns, i: number, occ: Uint8Array, cert: Uint8Array, asOf: number): VerdictOutcome {
  let relevant = false;
  for (let j = c.skillStart[i]!, end = c.skillStart[i + 1]!; j < end; j++) {
    if (occ[c.skillOccupation[j]!] !== 1 || cert[c.skillCertifier[j]!] !== 1 || c.skillTestedOn[j]! > asOf) continue;
    if (c.skillPassed[j] === 1 && c.skillExpiresOn[j]! >= asOf) return VerdictOutcome.PASS;
    relevant = true;
  }
  return relevant ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
}

/** A compiled scorer's view of verifications (rank-candidates-quick.ts). */
export function preparedVerificationValid(
  prepared: PreparedCandidateProfiles,
  occupations: readonly Occupation[],
  certifiers: readonly SkillCertifier[],
  asOf: IsoDate,
): (i: number) => boolean {
  const occ = indexMask(OCCUPATIONS, occupations);
  const cert = indexMask(SKILL_CERTIFIERS, certifiers);
  const key = isoDateKey(asOf);
  return (i) => verificationOutcome(prepared.columns, i, occ, cert, key) === VerdictOutcome.PASS;
}

function verificationRule(occupations: readonly Occupation[], certifiers: readonly SkillCertifier[]): BulkRule {
  const occ = indexMask(OCCUPATIONS, occupations);
  const cert = indexMask(SKILL_CERTIFIERS, certifiers);
  return (b, out) => {
    const asOf = b.k.asOf;
    for (let i = 0, n = b.n; i < n; i++) out[i] = verificationOutcome(b.c, i, occ, cert, asOf);
    return out;
  };
}

function qualificationRule(occupation: Occupation, required: string): BulkRule {
  const wanted = normalizeQualification(required);
  const occIndex = OCCUPATIONS.indexOf(occupation);
  return (b, out) => {
    const { c } = b;
    const asOf = b.k.asOf;
    for (let i = 0, n = b.n; i < n; i++) {
      let any = false;
      let o: VerdictOutcome = VerdictOutcome.MISSING;
      for (let j = c.skillStart[i]!, end = c.skillStart[i + 1]!; j < end; j++) {
        if (c.skillOccupation[j] !== occIndex) continue;
        any = true;
        if (c.skillCertifier[j] === UNKNOWN_INDEX || c.skillTestedOn[j]! > asOf || c.skillPassed[j] !== 1 || c.skillExpiresOn[j]! < asOf) continue;
        const q = c.skillQualification[j];
        if (q !== undefined && wanted !== '' && q.includes(wanted)) {
          o = VerdictOutcome.PASS;
          break;
        }
      }
      out[i] = o === VerdictOutcome.PASS ? o : any ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
    }
    return out;
  };
}

/** identity.nik: the NIK column, and the profile object for a NIK that is not 16 digits. */
function nikRule(a: DateNumbers): BulkRule {
  return (b, out) => {
    const kinds = b.c.nikKind;
    for (let i = 0, n = b.n; i < n; i++) {
      const kind = kinds[i]!;
      out[i] =
        kind === NikKind.NONE
          ? VerdictOutcome.MISSING
          : kind === NikKind.INVALID || kind === NikKind.VALID_CONTRADICTED
            ? VerdictOutcome.FIXABLE_FAIL
            : kind === NikKind.VALID
              ? b.nikBirth(i) === 0
                ? VerdictOutcome.FIXABLE_FAIL
                : VerdictOutcome.PASS
              : nikOutcome(b.prepared.profiles[i]!, b.k.asOfIso, a);
    }
    return out;
  };
}

/** opening.minTopikLevel: the best Korean level against the opening's minimum. */
function minTopikLevelRule(min: number): BulkRule {
  return (b, out) => {
    const level = b.koreanLevel();
    const { c } = b;
    for (let i = 0, n = b.n; i < n; i++) {
      out[i] =
        c.topikStart[i + 1] === c.topikStart[i] && c.pilotCount[i] === 0 ? VerdictOutcome.MISSING : level[i]! < min ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.PASS;
    }
    return out;
  };
}

/** pilot.koreanTest: the written level and a passed speaking test of the pilot. */
function pilotKoreanRule(min: number): BulkRule {
  return (b, out) => {
    const level = b.koreanLevel();
    const { c } = b;
    for (let i = 0, n = b.n; i < n; i++) {
      const writtenOk = level[i]! >= min;
      const pilots = c.pilotCount[i]!;
      out[i] =
        writtenOk && c.pilotSpeaking[i] === 1
          ? VerdictOutcome.PASS
          : pilots === 0 && c.topikStart[i + 1] === c.topikStart[i]
            ? VerdictOutcome.MISSING
            : !writtenOk
              ? VerdictOutcome.FIXABLE_FAIL
              : pilots === 0
                ? VerdictOutcome.MISSING
                : VerdictOutcome.FIXABLE_FAIL;
    }
    return out;
  };
}

/** eps.priorStay: the months already spent in Korea against the maximum. */
function priorStayRule(max: number): BulkRule {
  return (b, out) => {
    const { c } = b;
    for (let i = 0, n = b.n; i < n; i++) {
      out[i] = c.priorMonths[i]! > max ? VerdictOutcome.FINAL_FAIL : c.priorKnown[i] !== 1 ? VerdictOutcome.MISSING : VerdictOutcome.PASS;
    }
    return out;
  };
}

/** law.familyConsent: the consent acknowledged, or a verified family-consent document valid on the date. */
function familyConsentRule(): BulkRule {
  const k = DOC_INDEX.FAMILY_CONSENT;
  return (b, out) => {
    const { c, n } = b;
    const asOf = b.k.asOf;
    for (let i = 0; i < n; i++) {
      const consent = c.consent[i]!;
      out[i] = consent === 2 || c.docVerified[k * n + i]! >= asOf ? VerdictOutcome.PASS : consent === 1 ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.MISSING;
    }
    return out;
  };
}


/** The bulk twins of the contextual rules (verdict-rules.ts `contextual`), each built only when the plan asks for it. */
function contextualBulkRules(ctx: VerdictCompileContext, a: DateNumbers): Readonly<Record<string, () => BulkRule>> {
  const { params, opening } = ctx;
  const x = opening?.extraRequirements;
  const sectors = opening ? [opening.occupation] : ctx.routeDefinition.sectors;
  return {
    'identity.nik': () => nikRule(a),
    'law.minimumAge': () => ageRule(a, params.get('law.minimumAge'), undefined),
    'eps.ageBand': () => {
      const band = params.get('eps.ageBand');
      return ageRule(a, band.min, band.max);
    },
    'opening.ageRange': () => ageRule(a, x?.minAge, x?.maxAge, true),
    'eps.education': () => educationRule(params.get('eps.minEducation')),
    'opening.minEducation': () => educationRule(x!.minEducation!),
    'eps.koreanTest': () => epsScoreRule(params.get('eps.topikMinScore')),
    'opening.minEpsTopikScore': () => epsScoreRule(x!.minEpsTopikScore!),
    'opening.minTopikLevel': () => minTopikLevelRule(x!.minTopikLevel!),
    'pilot.koreanTest': () => pilotKoreanRule(params.get('e73pilot.minTopikLevel')),
    'law.competence': () => verificationRule(sectors, ctx.routeDefinition.competenceCertifiers),
    'e73.skillVerification': () => verificationRule(sectors, ['KOSHIPA']),
    'opening.skillQualification': () => qualificationRule(opening!.occupation, x!.skillQualification!),
    'eps.priorStay': () => priorStayRule(params.get('eps.maxPriorMonthsInKorea')),
    'law.familyConsent': () => familyConsentRule(),
  };
}

/** The bulk twins of the rules (verdict-rules.ts `contextual` / `SIMPLE` / documents). */
function bulkRules(ctx: VerdictCompileContext, a: DateNumbers): (ruleId: string) => BulkRule | undefined {
  const table = contextualBulkRules(ctx, a);
  return (ruleId) => {
    const kind = DOCUMENT_RULE_KINDS[ruleId];
    if (kind !== undefined) return documentRule(kind);
    const make = table[ruleId];
    if (make !== undefined) return make();
    // decided at preparation (prepared-profiles.ts PROFILE_ONLY_RULE_IDS)
    return (b, out) => b.c.fixed[ruleId] ?? out.fill(VerdictOutcome.MISSING);
  };
}

export interface PreparedPlanInput {
  readonly ctx: VerdictCompileContext;
  readonly ids: readonly string[];
  /** Per rule of `ids`: a SELECTION rule (else DEPARTURE). */
  readonly selection: readonly boolean[];
  /** The profile-object twins (or full evaluations) of `ids`, for rules without a bulk twin. */
  readonly classifiers: readonly VerdictClassifier[];
  /** Rules (by index in `ids`) whose outcome is the same for every profile (route open, occupation): their outcome. */
  readonly constant: ReadonlyMap<number, VerdictOutcome>;
  /** A fresh scratch for the profile-object twins. */
  readonly objectScratch: () => VerdictScratch;
}

/** The rules a bulk twin exists for (the rest run their profile-object twin per candidate). */
export const BULK_RULE_IDS: ReadonlySet<string> = new Set([
  'identity.nik',
  'law.minimumAge',
  'eps.ageBand',
  'opening.ageRange',
  'eps.education',
  'opening.minEducation',
  'eps.koreanTest',
  'opening.minEpsTopikScore',
  'opening.minTopikLevel',
  'pilot.koreanTest',
  'law.competence',
  'e73.skillVerification',
  'opening.skillQualification',
  'eps.priorStay',
  'law.familyConsent',
  'docs.maritalStatus',
  'docs.competencyCertificate',
  'docs.medicalCertificate',
  'docs.passport',
  'docs.workVisa',
  'docs.placementAgreement',
  'docs.employmentContract',
  'docs.ktp',
  'docs.kk',
  'docs.skck',
  'docs.ak1',
]);

/** Build `evaluatePrepared` for one compiled plan. */
export function preparedPlan(input: PreparedPlanInput): (prepared: PreparedCandidateProfiles) => PreparedVerdicts {
  const { ctx, ids, selection, classifiers, constant, objectScratch } = input;
  const profileOnly = new Set(PROFILE_ONLY_RULE_IDS);
  const asOfIso = ctx.asOf;
  const a: DateNumbers = { y: digit(asOfIso, 0) * 1000 + digit(asOfIso, 1) * 100 + digit(asOfIso, 2) * 10 + digit(asOfIso, 3), m: digit(asOfIso, 5) * 10 + digit(asOfIso, 6), d: digit(asOfIso, 8) * 10 + digit(asOfIso, 9) };
  const asOf = isoDateKey(asOfIso);
  const keys: CompiledKeys = {
    asOf,
    asOfIso,
    asOfParts: a,
    century: Math.floor(a.y / 100) * 100,
    epsValidFrom: epsValidFrom(asOf, ctx.params.get('eps.topikValidityMonths')),
    margin: ctx.passportMarginMonths,
    fixedDeparture: ctx.opening?.plannedDeparture !== undefined ? isoDateKey(ctx.opening.plannedDeparture) : 0,
    topikLevelOf: topikLevels(ctx.params.get('topik.levels')),
    objectScratch,
  };
  const twins = bulkRules(ctx, a);
  const rules: BulkRule[] = ids.map((id, r) => {
    const known = constant.get(r);
    if (known !== undefined) return (_b, out) => out.fill(known);
    if (BULK_RULE_IDS.has(id) || profileOnly.has(id)) return twins(id)!;
    const classifier = classifiers[r]!;
    return (b, out) => b.objectRule(classifier, out);
  });
  const count = ids.length;
  const words = Math.max(1, Math.ceil(count / 32));
  const departureEvaluated = selection.filter((s) => !s).length;
  const frozenIds = Object.freeze([...ids]);

  return (prepared) => {
    const c = prepared.columns;
    const n = c.n;
    const b = new Batch(c, prepared, keys);
    const failing = new Uint32Array(n * words);
    const finalFailing = new Uint32Array(n * words);
    const selOpen = new Uint8Array(n);
    const depPassed = new Uint16Array(n);
    const scratch = new Uint8Array(n);
    for (let r = 0; r < count; r++) {
      const out = rules[r]!(b, scratch);
      const sel = selection[r]!;
      const w = r >>> 5;
      const bit = (1 << (r & 31)) >>> 0;
      if (sel) {
        for (let i = 0; i < n; i++) {
          const o = out[i]!;
          if (o === VerdictOutcome.PASS) continue;
          selOpen[i] = 1;
          failing[i * words + w]! |= bit;
          if (o === VerdictOutcome.FINAL_FAIL) finalFailing[i * words + w]! |= bit;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const o = out[i]!;
          if (o === VerdictOutcome.PASS) {
            depPassed[i]!++;
            continue;
          }
          failing[i * words + w]! |= bit;
          if (o === VerdictOutcome.FINAL_FAIL) finalFailing[i * words + w]! |= bit;
        }
      }
    }
    const selectionCol = new Uint8Array(n);
    const departureCol = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let anyFinal = 0;
      let anyFail = 0;
      for (let w = 0; w < words; w++) {
        anyFinal |= finalFailing[i * words + w]!;
        anyFail |= failing[i * words + w]!;
      }
      const s = anyFinal !== 0 ? 2 : selOpen[i] === 1 ? 1 : 0;
      selectionCol[i] = s;
      departureCol[i] = s === 2 ? 2 : anyFail === 0 ? 0 : 1;
    }
    return new Verdicts(b, frozenIds, words, departureEvaluated, selectionCol, departureCol, depPassed, failing, finalFailing);
  };
}

const EMPTY: readonly string[] = Object.freeze([]);

class Verdicts implements PreparedVerdicts {
  readonly length: number;
  private readonly memo = new Map<string, QuickVerdictFields>();
  private readonly byKey = new Map<number, QuickVerdictFields>();
  private readonly byFail = new Map<number, { f1: number; x0: number; x1: number; v: QuickVerdictFields }[]>();
  constructor(
    private readonly batch: Batch,
    readonly ruleIds: readonly string[],
    readonly words: number,
    readonly departureEvaluated: number,
    readonly selection: Uint8Array,
    readonly departure: Uint8Array,
    readonly departurePassed: Uint16Array,
    readonly failing: Uint32Array,
    readonly finalFailing: Uint32Array,
  ) {
    this.length = selection.length;
  }

  bestValidEpsScores(): Float64Array {
    return this.batch.bestEps();
  }

  bestKoreanLevels(): Float64Array {
    return this.batch.koreanLevel();
  }

  selectionOf(i: number): EligibilitySelectionStatus {
    return PREPARED_SELECTION_STATUSES[this.selection[i]!]!;
  }

  verdict(i: number): QuickVerdictFields {
    const { words } = this;
    if (this.ruleIds.length <= 26) {
      // one word each, final ⊆ failing: failing × 2^26 + final is exact
      const key = this.failing[i]! * 67_108_864 + this.finalFailing[i]!;
      let v = this.byKey.get(key);
      if (v === undefined) this.byKey.set(key, (v = this.build(i)));
      return v;
    }
    if (words <= 2) {
      // the verdict is a function of the bit sets: one frozen object per distinct combination
      const f0 = this.failing[i * words]!;
      const f1 = words === 2 ? this.failing[i * words + 1]! : 0;
      const x0 = this.finalFailing[i * words]!;
      const x1 = words === 2 ? this.finalFailing[i * words + 1]! : 0;
      const bucket = this.byFail.get(f0);
      if (bucket !== undefined) {
        for (let k = 0; k < bucket.length; k++) {
          const e = bucket[k]!;
          if (e.f1 === f1 && e.x0 === x0 && e.x1 === x1) return e.v;
        }
      }
      const v = this.build(i);
      if (bucket === undefined) this.byFail.set(f0, [{ f1, x0, x1, v }]);
      else bucket.push({ f1, x0, x1, v });
      return v;
    }
    let key = '';
    for (let w = 0; w < words; w++) key += `${this.failing[i * words + w]},${this.finalFailing[i * words + w]},`;
    let v = this.memo.get(key);
    if (v === undefined) {
      v = this.build(i);
      this.memo.set(key, v);
    }
    return v;
  }

  private build(i: number): QuickVerdictFields {
    const { words } = this;
    const failing: string[] = [];
    const final: string[] = [];
    for (let r = 0; r < this.ruleIds.length; r++) {
      const at = i * words + (r >>> 5);
      const bit = (1 << (r & 31)) >>> 0;
      if ((this.failing[at]! & bit) !== 0) failing.push(this.ruleIds[r]!);
      if ((this.finalFailing[at]! & bit) !== 0) final.push(this.ruleIds[r]!);
    }
    const selection = PREPARED_SELECTION_STATUSES[this.selection[i]!]!;
    const departure = PREPARED_DEPARTURE_STATUSES[this.departure[i]!]!;
    return Object.freeze({
      selection,
      departure,
      eligibleToBeSelected: selection === 'ELIGIBLE',
      readyToDepart: departure === 'READY',
      failing: failing.length === 0 ? EMPTY : Object.freeze(failing),
      finalFailures: final.length === 0 ? EMPTY : Object.freeze(final),
      departureEvaluated: this.departureEvaluated,
      departurePassed: this.departurePassed[i]!,
    });
  }
}
