/**
 * Rank candidates for an opening (or for a route when no opening is given).
 *
 * Order (a total order, independent of the input order):
 * 1. selection status: ELIGIBLE, then ACTION_NEEDED, then INELIGIBLE — every candidate eligible to
 *    be selected comes before every one who is not;
 * 2. score, highest first (below);
 * 3. earlier registration (`registeredOn`) first; candidates without one come after those with one;
 * 4. id, in code-unit order.
 *
 * Score, a whole number (integer arithmetic only, rounded down), with the weights of the dated
 * parameter `ranking.weights` (a documented policy input, working default 600/300/150/100: total
 * 1000; override with a parameter overlay):
 * - Korean, up to `korean`. E-9: korean × best valid EPS-TOPIK score ÷ `eps.topikMaxScore`. Other
 *   routes: korean × highest TOPIK-scale level (TOPIK results or the pilot's test) ÷ highest level
 *   in `topik.levels` (6). Korean is the program's main requirement (DOMAIN.md §1), hence the weight.
 * - Skill, up to `skill`: `skill` for a valid skill verification for the opening's occupation (or
 *   the route's sectors) by a certifier the route accepts (KOSHIPA for E-7-3),
 *   `skillOtherCertifier` for one by another certifier, 0 otherwise.
 * - Readiness, up to `readiness`: readiness × DEPARTURE rules passed ÷ DEPARTURE rules evaluated.
 * The weights are the program's ranking policy, not a regulation: the gateway shows the breakdown.
 */
import { DomainError, invalid } from '../shared/domain-error';
import { compareDates, isIsoDate, type IsoDate } from '../shared/local-date';
import { parameterSnapshot, type ParameterSnapshot } from '../parameters';
import { SKILL_CERTIFIERS, type CandidateProfile } from './candidate-profile';
import {
  evaluateEligibility,
  type EligibilityEvaluation,
  type EligibilitySelectionStatus,
  type EvaluateEligibilityInput,
} from './evaluate-eligibility';
import { bestKoreanLevel, bestValidEpsTopik, maxTopikLevel } from './korean-tests';
import type { EligibilityOpening } from './rule';
import { assertParamsOrOverlays } from './params-or-overlays';
import { assertRoute } from './rule-sets';
import { skillVerificationStatus } from './skill-verifications';


export interface RankingCandidate {
  /** Unique, non-empty. */
  readonly id: string;
  readonly profile: CandidateProfile;
  /** Registration date (AK/1 / program registration), the first tie-breaker. */
  readonly registeredOn?: IsoDate;
}

/** The evaluation input, with a list of candidates in place of one profile. */
export interface RankCandidatesInput extends Omit<EvaluateEligibilityInput, 'profile'> {
  readonly candidates: readonly RankingCandidate[];
}

export interface RankingScore {
  readonly total: number;
  readonly korean: number;
  readonly skill: number;
  readonly readiness: number;
}

export interface RankedCandidate {
  /** 1-based position. */
  readonly rank: number;
  readonly id: string;
  readonly registeredOn?: IsoDate;
  readonly selection: EligibilitySelectionStatus;
  readonly eligibleToBeSelected: boolean;
  readonly score: RankingScore;
  readonly evaluation: EligibilityEvaluation;
}

const SELECTION_ORDER: Record<EligibilitySelectionStatus, number> = { ELIGIBLE: 0, ACTION_NEEDED: 1, INELIGIBLE: 2 };

/** The ranking score of one evaluated candidate (see the top of this file). */
export function rankingScore(profile: CandidateProfile, evaluation: EligibilityEvaluation, params: ParameterSnapshot, opening?: EligibilityOpening): RankingScore {
  const w = params.get('ranking.weights');
  let korean: number;
  if (evaluation.route === 'E9') {
    const best = bestValidEpsTopik(profile, evaluation.asOf, params.get('eps.topikValidityMonths'));
    const max = params.get('eps.topikMaxScore');
    korean = best === undefined || max <= 0 ? 0 : Math.floor((w.korean * Math.min(best.result.score, max)) / max);
  } else {
    const bands = params.get('topik.levels');
    const top = maxTopikLevel(bands);
    korean = top <= 0 ? 0 : Math.floor((w.korean * Math.min(bestKoreanLevel(profile, bands), top)) / top);
  }

  const occupations = opening ? [opening.occupation] : evaluation.ruleSet.sectors;
  const acceptedList = evaluation.ruleSet.competenceCertifiers;
  const others = SKILL_CERTIFIERS.filter((c) => !acceptedList.includes(c));
  const skill =
    skillVerificationStatus(profile, occupations, acceptedList, evaluation.asOf).valid.length > 0
      ? w.skill
      : skillVerificationStatus(profile, occupations, others, evaluation.asOf).valid.length > 0
        ? w.skillOtherCertifier
        : 0;

  const departure = evaluation.results.filter((r) => r.stage === 'DEPARTURE');
  const passedCount = departure.filter((r) => r.outcome === 'pass').length;
  const readiness = departure.length === 0 ? 0 : Math.floor((w.readiness * passedCount) / departure.length);
  return { total: korean + skill + readiness, korean, skill, readiness };
}

/** Compare two ranked entries: negative when `a` comes first. A total order when ids are unique. */
export function compareRankedCandidates(
  a: Pick<RankedCandidate, 'id' | 'selection' | 'score' | 'registeredOn'>,
  b: Pick<RankedCandidate, 'id' | 'selection' | 'score' | 'registeredOn'>,
): number {
  const s = SELECTION_ORDER[a.selection] - SELECTION_ORDER[b.selection];
  if (s !== 0) return s;
  if (a.score.total !== b.score.total) return b.score.total - a.score.total;
  if (a.registeredOn !== b.registeredOn) {
    if (a.registeredOn === undefined) return 1;
    if (b.registeredOn === undefined) return -1;
    return compareDates(a.registeredOn, b.registeredOn);
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Evaluate and rank candidates. Errors: RANKING.INVALID_INPUT, RANKING.INVALID_ID, RANKING.DUPLICATE_ID, RANKING.INVALID_DATE, and those of evaluateEligibility. */
export function rankCandidates(input: RankCandidatesInput): RankedCandidate[] {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.candidates)) {
    invalid('RANKING.INVALID_INPUT', 'Daftar kandidat harus berupa larik.', 'The candidates must be a list.', { path: ['candidates'] });
  }
  assertRoute(input.route);
  const seen = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || c.id.trim() === '') {
      invalid('RANKING.INVALID_ID', 'Setiap kandidat harus punya id yang tidak kosong.', 'Every candidate needs a non-empty id.', { path: ['candidates', String(i), 'id'] });
    }
    if (seen.has(c.id)) {
      invalid('RANKING.DUPLICATE_ID', 'Id kandidat harus unik.', 'Candidate ids must be unique.', { path: ['candidates', String(i), 'id'] });
    }
    seen.add(c.id);
    if (c.registeredOn !== undefined && !isIsoDate(c.registeredOn)) {
      invalid('RANKING.INVALID_DATE', 'Tanggal pendaftaran tidak valid (TTTT-BB-HH).', 'Invalid registration date (YYYY-MM-DD).', { path: ['candidates', String(i), 'registeredOn'] });
    }
  });
  assertParamsOrOverlays(input);
  // One snapshot for every candidate (evaluateEligibility checks that its date is asOf).
  const params = input.params ?? parameterSnapshot(input.asOf, input.overlays ?? []);
  const ranked = input.candidates.map((c, i) => {
    const evalInput: EvaluateEligibilityInput = {
      profile: c.profile,
      route: input.route,
      asOf: input.asOf,
      params,
      ...(input.opening !== undefined ? { opening: input.opening } : {}),
      ...(input.ruleOverlays !== undefined ? { ruleOverlays: input.ruleOverlays } : {}),
      ...(input.passportMarginMonths !== undefined ? { passportMarginMonths: input.passportMarginMonths } : {}),
    };
    let evaluation: EligibilityEvaluation;
    try {
      evaluation = evaluateEligibility(evalInput);
    } catch (e) {
      if (e instanceof DomainError) {
        const data = e.toJSON();
        throw new DomainError({ ...data, path: ['candidates', String(i), ...(data.path ?? [])] });
      }
      throw e;
    }
    return {
      rank: 0,
      id: c.id,
      ...(c.registeredOn !== undefined ? { registeredOn: c.registeredOn } : {}),
      selection: evaluation.verdict.selection,
      eligibleToBeSelected: evaluation.verdict.eligibleToBeSelected,
      score: rankingScore(c.profile, evaluation, params, input.opening),
      evaluation,
    };
  });
  ranked.sort(compareRankedCandidates);
  return ranked.map((r, i) => ({ ...r, rank: i + 1 }));
}
