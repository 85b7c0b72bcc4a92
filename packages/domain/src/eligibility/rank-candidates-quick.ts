/**
 * `rankCandidates` on the verdict-only path (issue 11): the same order, selection and score, with
 * no evaluation attached. The eligibility of every candidate comes from one `compileEligibility`
 * (one rule set, snapshot and opening), the readiness share from its DEPARTURE counts, and the
 * Korean and skill parts as `rankingScore` computes them. For large pools of stored (valid)
 * profiles: the profiles are not validated (see compile-eligibility.ts); ask `rankCandidates` or
 * `evaluateEligibility` for the explanation of a candidate.
 */
import { invalid } from '../shared/domain-error';
import { daysInMonth } from '../shared/local-date';
import { SKILL_CERTIFIERS } from './candidate-profile';
import { compileEligibility, type CompiledEligibility, type EligibilityQuickVerdict } from './compile-eligibility';
import { maxTopikLevel } from './korean-tests';
import type { RankCandidatesInput, RankingCandidate, RankingScore } from './rank-candidates';
import { eligibilityRuleSetAsOf } from './rule-sets';
import { DATE_KEY_FOREVER, isoDateKey, prepareCandidateProfiles, type PreparedCandidateProfiles, type PreparedRankingFields } from './prepared-profiles';
import { preparedVerificationValid, type PreparedVerdicts } from './prepared-verdicts';
import type { EligibilitySelectionStatus } from './evaluate-eligibility';
import type { IsoDate } from '../shared/local-date';

export interface QuickRankedCandidate {
  readonly rank: number;
  readonly id: string;
  readonly registeredOn?: IsoDate;
  readonly selection: EligibilitySelectionStatus;
  readonly eligibleToBeSelected: boolean;
  readonly score: RankingScore;
  readonly verdict: EligibilityQuickVerdict;
}

/** The checks of `rankCandidates` on the list (same codes). */
function checkCandidates(input: Pick<RankCandidatesInput, 'candidates'>): void {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.candidates)) {
    invalid('RANKING.INVALID_INPUT', 'Daftar kandidat harus berupa larik.', 'The candidates must be a list.', { path: ['candidates'] });
  }
  const seen = new Set<string>();
  const list = input.candidates;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || c.id.trim() === '') {
      invalid('RANKING.INVALID_ID', 'Setiap kandidat harus punya id yang tidak kosong.', 'Every candidate needs a non-empty id.', { path: ['candidates', String(i), 'id'] });
    }
    const size = seen.size;
    seen.add(c.id);
    if (seen.size === size) invalid('RANKING.DUPLICATE_ID', 'Id kandidat harus unik.', 'Candidate ids must be unique.', { path: ['candidates', String(i), 'id'] });
    if (c.registeredOn !== undefined && !isIsoDateQuick(c.registeredOn)) {
      invalid('RANKING.INVALID_DATE', 'Tanggal pendaftaran tidak valid (TTTT-BB-HH).', 'Invalid registration date (YYYY-MM-DD).', { path: ['candidates', String(i), 'registeredOn'] });
    }
  }
}

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9];

/** local-date.ts `isIsoDate` without the regular expression: `YYYY-MM-DD` in ASCII digits, a real date. */
function isIsoDateQuick(s: unknown): boolean {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let k = 0; k < DIGIT_AT.length; k++) {
    const d = s.charCodeAt(DIGIT_AT[k]!) - 48;
    if (d < 0 || d > 9) return false;
  }
  const key = isoDateKey(s);
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The input of `rankCandidatesQuick`: that of `rankCandidates`, and two optional fields. */
export interface RankCandidatesQuickInput extends RankCandidatesInput {
  /**
   * The candidates' profiles prepared once (`prepareCandidateProfiles(candidates.map((c) => c.profile))`),
   * reused for every opening, route and date: row i must be `candidates[i].profile` (the same
   * object), else `RANKING.PREPARED_MISMATCH`. Without it the profiles are prepared here.
   */
  readonly prepared?: PreparedCandidateProfiles;
  /**
   * Only the first `limit` ranks (a page from the top): the same entries as the full ranking's first
   * `limit`, found without sorting the rest. A whole number ≥ 1 (`RANKING.INVALID_LIMIT`); absent = all.
   */
  readonly limit?: number;
}

/**
 * A ranking pool: the candidates checked as `rankCandidates` checks them (same errors) and their
 * profiles prepared (`prepareCandidateProfiles`), built once and given as `prepared` to every
 * `rankCandidatesQuick` of the same list (any opening, route, date). Ranking that list again skips
 * the list's checks (unique ids, registration dates) when every candidate still has the same
 * profile object, id and registration date as when prepared; otherwise they are checked again.
 */
export function prepareRankingCandidates(candidates: readonly RankingCandidate[]): PreparedCandidateProfiles & { readonly ranking: PreparedRankingFields } {
  checkCandidates({ candidates });
  const n = candidates.length;
  const ids = new Array<string>(n);
  const registeredOn = new Array<IsoDate | undefined>(n);
  const registeredKeys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    ids[i] = c.id;
    registeredOn[i] = c.registeredOn;
    registeredKeys[i] = c.registeredOn === undefined ? DATE_KEY_FOREVER : isoDateKey(c.registeredOn);
  }
  // the default sort of strings is code-unit order (the `<` of compareRankedCandidates); ids are unique
  const rowOf = new Map<string, number>();
  for (let i = 0; i < n; i++) rowOf.set(ids[i]!, i);
  const sortedIds = [...ids].sort();
  const idOrder = new Int32Array(n);
  for (let r = 0; r < n; r++) idOrder[r] = rowOf.get(sortedIds[r]!)!;
  const idRank = new Int32Array(n);
  for (let r = 0; r < n; r++) idRank[idOrder[r]!] = r;
  const prepared = prepareCandidateProfiles(candidates.map((c) => c.profile));
  return Object.freeze({ ...prepared, ranking: Object.freeze({ ids: Object.freeze(ids), registeredOn: Object.freeze(registeredOn), registeredKeys, idRank, idOrder }) });
}

/** Whether `candidates` is, row by row, the list a ranking pool was prepared from (same profile objects, ids, dates). */
function samePool(prepared: PreparedCandidateProfiles, candidates: readonly RankingCandidate[]): boolean {
  const r = prepared.ranking;
  if (r === undefined || !Array.isArray(candidates) || candidates.length !== prepared.length) return false;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (typeof c !== 'object' || c === null || c.profile !== prepared.profiles[i] || c.id !== r.ids[i] || c.registeredOn !== r.registeredOn[i]) return false;
  }
  return true;
}

function checkQuickOptions(input: RankCandidatesQuickInput): void {
  const { prepared, limit } = input;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
    invalid('RANKING.INVALID_LIMIT', 'Batas (limit) harus bilangan bulat ≥ 1.', 'The limit must be a whole number ≥ 1.', { path: ['limit'] });
  }
  if (prepared === undefined) return;
  const ok =
    typeof prepared === 'object' &&
    prepared !== null &&
    prepared.length === input.candidates.length &&
    input.candidates.every((c, i) => prepared.profiles[i] === c.profile);
  if (!ok) {
    invalid(
      'RANKING.PREPARED_MISMATCH',
      'Profil yang disiapkan (prepared) tidak sesuai dengan daftar kandidat: baris ke-i harus profil kandidat ke-i.',
      'The prepared profiles do not match the candidates: row i must be the profile of candidate i.',
      { path: ['prepared'] },
    );
  }
}

/**
 * Rank candidates like `rankCandidates`, without the full evaluations: the same order, selection
 * and score (the fast-check property in compile-eligibility.test.ts), each with its quick verdict.
 * Judged in bulk over prepared profiles (`compiled.evaluatePrepared`); ordered by typed columns, by a
 * bounded selection when `limit` asks for a page. Errors: those of rankCandidates' input,
 * RANKING.INVALID_LIMIT, RANKING.PREPARED_MISMATCH.
 */
export function rankCandidatesQuick(input: RankCandidatesQuickInput): QuickRankedCandidate[] {
  const pooled = typeof input === 'object' && input !== null && input.prepared !== undefined && samePool(input.prepared, input.candidates);
  if (!pooled) checkCandidates(input);
  checkQuickOptions(input);
  const { candidates, prepared: given, limit, ...rest } = input;
  const compiled = compileEligibility(rest);
  const prepared = given ?? prepareCandidateProfiles(candidates.map((c) => c.profile));
  const verdicts = compiled.evaluatePrepared(prepared);
  const pool = pooled ? prepared.ranking : undefined;
  const w = compiled.params.get('ranking.weights');
  const scores = scoreColumns(compiled, prepared, verdicts, w);
  const registered = pool !== undefined ? pool.registeredKeys : registrationKeys(candidates);
  const ids = pool !== undefined ? pool.ids : candidates.map((c) => c.id);
  const order = rankingOrder({ sel: verdicts.selection, total: scores.total, registered, ids, pool, limit });

  // scores: one frozen object per distinct (korean, skill, readiness) when the parts are whole numbers
  const scoreOf = scoreObjects(w);
  const out: QuickRankedCandidate[] = new Array(order.length);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const id = ids[i]!;
    const registeredOn = pool !== undefined ? pool.registeredOn[i] : candidates[i]!.registeredOn;
    const verdict = verdicts.verdict(i);
    const score = scoreOf(scores.korean[i]!, scores.skill[i]!, scores.readiness[i]!);
    const { selection, eligibleToBeSelected } = verdict;
    out[r] =
      registeredOn !== undefined
        ? { rank: r + 1, id, registeredOn, selection, eligibleToBeSelected, score, verdict }
        : { rank: r + 1, id, selection, eligibleToBeSelected, score, verdict };
  }
  return out;
}

type RankingWeights = { readonly korean: number; readonly skill: number; readonly skillOtherCertifier: number; readonly readiness: number };

interface ScoreColumns {
  readonly korean: Float64Array;
  readonly skill: Float64Array;
  readonly readiness: Float64Array;
  readonly total: Float64Array;
}

/** The parts of `rankingScore` (rank-candidates.ts) for every row, as columns. */
function scoreColumns(compiled: CompiledEligibility, prepared: PreparedCandidateProfiles, verdicts: PreparedVerdicts, w: RankingWeights): ScoreColumns {
  const { params, asOf, route, opening } = compiled;
  const n = prepared.length;
  const ruleSet = eligibilityRuleSetAsOf(route, asOf).definition;
  const occupations = opening ? [opening.occupation] : ruleSet.sectors;
  const accepted = ruleSet.competenceCertifiers;
  const others = SKILL_CERTIFIERS.filter((c) => !accepted.includes(c));
  const acceptedValid = preparedVerificationValid(prepared, occupations, accepted, asOf);
  const otherValid = preparedVerificationValid(prepared, occupations, others, asOf);
  const koreanOf = koreanScorer(verdicts, params, route, w.korean);
  const evaluated = verdicts.departureEvaluated;
  const korean = new Float64Array(n);
  const skill = new Float64Array(n);
  const readiness = new Float64Array(n);
  const total = new Float64Array(n);
  const skillStart = prepared.columns.skillStart;
  for (let i = 0; i < n; i++) {
    const k = koreanOf(i);
    const s = skillStart[i + 1] === skillStart[i] ? 0 : acceptedValid(i) ? w.skill : otherValid(i) ? w.skillOtherCertifier : 0;
    const r = evaluated === 0 ? 0 : Math.floor((w.readiness * verdicts.departurePassed[i]!) / evaluated);
    korean[i] = k;
    skill[i] = s;
    readiness[i] = r;
    total[i] = k + s + r;
  }
  return { korean, skill, readiness, total };
}

/** isoDateKey of each candidate's registration date, DATE_KEY_FOREVER without one. */
function registrationKeys(candidates: readonly RankingCandidate[]): Int32Array {
  const n = candidates.length;
  const registered = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const reg = candidates[i]!.registeredOn;
    registered[i] = reg === undefined ? DATE_KEY_FOREVER : isoDateKey(reg);
  }
  return registered;
}

interface OrderColumns {
  readonly sel: Uint8Array;
  readonly total: Float64Array;
  readonly registered: Int32Array;
  readonly ids: readonly string[];
  readonly pool: PreparedRankingFields | undefined;
  readonly limit: number | undefined;
}

/** compareRankedCandidates on the columns: selection, score (highest first), registration (none last), id; the first `limit` rows only when given. */
function rankingOrder({ sel, total, registered, ids, pool, limit }: OrderColumns): number[] {
  const n = sel.length;
  const byId = (a: number, b: number): number => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const page = limit !== undefined && limit < n;
  const coarse = coarseKeys(sel, total, registered);
  if (coarse !== undefined && pool !== undefined) {
    // the pool ranked its ids once: the whole order is one whole number per candidate
    const { idRank, idOrder } = pool;
    const cmp = (a: number, b: number): number => coarse[a]! - coarse[b]! || idRank[a]! - idRank[b]!;
    return page ? topK(n, limit, cmp) : packedOrder(coarse, idRank, idOrder);
  }
  if (coarse !== undefined) {
    // (selection, score, registration) as one whole number per candidate; ids break its ties
    const cmp = (a: number, b: number): number => coarse[a]! - coarse[b]! || byId(a, b);
    return page ? topK(n, limit, cmp) : numericOrder(coarse, byId);
  }
  const cmp = (a: number, b: number): number => sel[a]! - sel[b]! || total[b]! - total[a]! || registered[a]! - registered[b]! || byId(a, b);
  return page ? topK(n, limit, cmp) : fullOrder(n, cmp);
}

/** The score object of (korean, skill, readiness): shared and frozen when all three are whole numbers within the weights. */
function scoreObjects(w: RankingWeights): (korean: number, skill: number, readiness: number) => RankingScore {
  const make = (korean: number, skill: number, readiness: number): RankingScore => ({ total: korean + skill + readiness, korean, skill, readiness });
  const S = Math.max(w.skill, w.skillOtherCertifier, 0) + 1;
  const R = Math.max(w.readiness, 0) + 1;
  const K = Math.max(w.korean, 0) + 1;
  if (![K, S, R].every((x) => Number.isSafeInteger(x)) || K * S * R > 1e9) return make;
  const memo = new Map<number, RankingScore>();
  return (korean, skill, readiness) => {
    if (!Number.isInteger(korean) || !Number.isInteger(skill) || !Number.isInteger(readiness) || korean < 0 || korean >= K || skill < 0 || skill >= S || readiness < 0 || readiness >= R) {
      return make(korean, skill, readiness);
    }
    const key = (korean * S + skill) * R + readiness;
    let s = memo.get(key);
    if (s === undefined) memo.set(key, (s = Object.freeze(make(korean, skill, readiness))));
    return s;
  };
}

/** The Korean part of `rankingScore` for row i. */
function koreanScorer(verdicts: PreparedVerdicts, params: CompiledEligibility['params'], route: CompiledEligibility['route'], weight: number): (i: number) => number {
  if (route === 'E9') {
    const maxScore = params.get('eps.topikMaxScore');
    const best = verdicts.bestValidEpsScores();
    return (i) => {
      const b = best[i]!;
      return b < 0 || maxScore <= 0 ? 0 : Math.floor((weight * Math.min(b, maxScore)) / maxScore);
    };
  }
  const topLevel = maxTopikLevel(params.get('topik.levels'));
  if (topLevel <= 0) return () => 0;
  const level = verdicts.bestKoreanLevels();
  return (i) => Math.floor((weight * Math.min(level[i]!, topLevel)) / topLevel);
}

/**
 * One whole number per candidate that orders as (selection, score highest first, registration
 * earliest first, none last): selection × T × D + score rank × D + date rank, with T distinct scores
 * and D distinct dates. Undefined when it would not stay exact (with the row appended, see numericOrder).
 */
function coarseKeys(sel: Uint8Array, total: Float64Array, registered: Int32Array): Float64Array | undefined {
  const n = sel.length;
  const rankOf = (values: ArrayLike<number>, descending: boolean): { rank: Map<number, number>; size: number } => {
    const distinct = new Set<number>();
    for (let i = 0; i < values.length; i++) distinct.add(values[i]!);
    const sorted = [...distinct].sort((a, b) => (descending ? b - a : a - b));
    const rank = new Map<number, number>();
    sorted.forEach((v, k) => rank.set(v, k));
    return { rank, size: sorted.length };
  };
  const t = rankOf(total, true);
  const d = rankOf(registered, false);
  if (3 * t.size * d.size * Math.max(n, 1) >= Number.MAX_SAFE_INTEGER) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (sel[i]! * t.size + t.rank.get(total[i]!)!) * d.size + d.rank.get(registered[i]!)!;
  return keys;
}

/** All rows by their coarse key (a native numeric sort of key × n + row), then each run of equal keys by id. */
function numericOrder(coarse: Float64Array, byId: (a: number, b: number) => number): number[] {
  const n = coarse.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = coarse[i]! * n + i;
  packed.sort();
  const order = new Array<number>(n);
  for (let r = 0; r < n; r++) order[r] = packed[r]! % n;
  for (let start = 0; start < n; ) {
    const key = coarse[order[start]!]!;
    let end = start + 1;
    while (end < n && coarse[order[end]!] === key) end++;
    if (end - start > 1) {
      const run = order.slice(start, end).sort(byId);
      for (let k = 0; k < run.length; k++) order[start + k] = run[k]!;
    }
    start = end;
  }
  return order;
}

/** All rows by (coarse key, id rank): a native numeric sort of key × n + id rank (exact: see coarseKeys). */
function packedOrder(coarse: Float64Array, idRank: Int32Array, idOrder: Int32Array): number[] {
  const n = coarse.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = coarse[i]! * n + idRank[i]!;
  packed.sort();
  const order = new Array<number>(n);
  for (let r = 0; r < n; r++) order[r] = idOrder[packed[r]! % n]!;
  return order;
}

function fullOrder(n: number, cmp: (a: number, b: number) => number): number[] {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort(cmp);
}

/** The first k of 0..n-1 under cmp, in order: a bounded max-heap (the worst kept on top), then a sort of the k. */
function topK(n: number, k: number, cmp: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (cmp(heap[at]!, heap[parent]!) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && cmp(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && cmp(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (cmp(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(cmp);
}
