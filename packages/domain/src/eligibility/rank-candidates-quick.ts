/**
 * `rankCandidates` on the verdict-only path (issue 11): the same order, selection and score, with
 * no evaluation attached. The eligibility of every candidate comes from one `compileEligibility`
 * (one rule set, snapshot and opening), the readiness share from its DEPARTURE counts, and the
 * Korean and skill parts as `rankingScore` computes them. For large pools of stored (valid)
 * profiles: the profiles are not validated (see compile-eligibility.ts); ask `rankCandidates` or
 * `evaluateEligibility` for the explanation of a candidate.
 */
import { invalid } from '../shared/domain-error';
import { isIsoDate } from '../shared/local-date';
import { SKILL_CERTIFIERS, type CandidateProfile } from './candidate-profile';
import { compileEligibility, type CompiledEligibility, type EligibilityQuickVerdict } from './compile-eligibility';
import { bestKoreanLevel, bestValidEpsTopik, maxTopikLevel } from './korean-tests';
import { compareRankedCandidates, type RankCandidatesInput, type RankingScore } from './rank-candidates';
import { eligibilityRuleSetAsOf } from './rule-sets';
import { skillVerificationStatus } from './skill-verifications';
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
function checkCandidates(input: RankCandidatesInput): void {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.candidates)) {
    invalid('RANKING.INVALID_INPUT', 'Daftar kandidat harus berupa larik.', 'The candidates must be a list.', { path: ['candidates'] });
  }
  const seen = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || c.id.trim() === '') {
      invalid('RANKING.INVALID_ID', 'Setiap kandidat harus punya id yang tidak kosong.', 'Every candidate needs a non-empty id.', { path: ['candidates', String(i), 'id'] });
    }
    if (seen.has(c.id)) invalid('RANKING.DUPLICATE_ID', 'Id kandidat harus unik.', 'Candidate ids must be unique.', { path: ['candidates', String(i), 'id'] });
    seen.add(c.id);
    if (c.registeredOn !== undefined && !isIsoDate(c.registeredOn)) {
      invalid('RANKING.INVALID_DATE', 'Tanggal pendaftaran tidak valid (TTTT-BB-HH).', 'Invalid registration date (YYYY-MM-DD).', { path: ['candidates', String(i), 'registeredOn'] });
    }
  });
}

/** `rankingScore` (rank-candidates.ts) from a compiled verdict. */
function quickScorer(compiled: CompiledEligibility): (profile: CandidateProfile, v: EligibilityQuickVerdict) => RankingScore {
  const { params, asOf, route, opening } = compiled;
  const w = params.get('ranking.weights');
  const validity = params.get('eps.topikValidityMonths');
  const maxScore = params.get('eps.topikMaxScore');
  const bands = params.get('topik.levels');
  const topLevel = maxTopikLevel(bands);
  const ruleSet = eligibilityRuleSetAsOf(route, asOf).definition;
  const occupations = opening ? [opening.occupation] : ruleSet.sectors;
  const accepted = ruleSet.competenceCertifiers;
  const others = SKILL_CERTIFIERS.filter((c) => !accepted.includes(c));
  return (profile, v) => {
    let korean: number;
    if (route === 'E9') {
      const best = bestValidEpsTopik(profile, asOf, validity);
      korean = best === undefined || maxScore <= 0 ? 0 : Math.floor((w.korean * Math.min(best.result.score, maxScore)) / maxScore);
    } else {
      korean = topLevel <= 0 ? 0 : Math.floor((w.korean * Math.min(bestKoreanLevel(profile, bands), topLevel)) / topLevel);
    }
    const hasSkills = profile.skillVerifications !== undefined && profile.skillVerifications.length > 0;
    const skill = !hasSkills
      ? 0
      : skillVerificationStatus(profile, occupations, accepted, asOf).valid.length > 0
        ? w.skill
        : skillVerificationStatus(profile, occupations, others, asOf).valid.length > 0
          ? w.skillOtherCertifier
          : 0;
    const readiness = v.departureEvaluated === 0 ? 0 : Math.floor((w.readiness * v.departurePassed) / v.departureEvaluated);
    return { total: korean + skill + readiness, korean, skill, readiness };
  };
}

/** Rank candidates like `rankCandidates`, without the full evaluations. Errors: those of rankCandidates' input. */
export function rankCandidatesQuick(input: RankCandidatesInput): QuickRankedCandidate[] {
  checkCandidates(input);
  const { candidates, ...rest } = input;
  const compiled = compileEligibility(rest);
  const score = quickScorer(compiled);
  const ranked = candidates.map((c) => {
    const verdict = compiled(c.profile);
    return {
      rank: 0,
      id: c.id,
      ...(c.registeredOn !== undefined ? { registeredOn: c.registeredOn } : {}),
      selection: verdict.selection,
      eligibleToBeSelected: verdict.eligibleToBeSelected,
      score: score(c.profile, verdict),
      verdict,
    };
  });
  ranked.sort(compareRankedCandidates);
  for (let i = 0; i < ranked.length; i++) ranked[i]!.rank = i + 1;
  return ranked;
}
