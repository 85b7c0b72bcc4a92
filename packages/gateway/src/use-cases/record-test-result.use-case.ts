/**
 * recordTestResult: an official Korean test result (EPS-TOPIK, TOPIK I/II, the provincial pilot's test)
 * written into the candidate's profile. The score or level is checked on the official scale of the
 * parameters in force (korean-scales.ts; the profile itself checks only the shape), the domain
 * validates the profile again, and the candidate is saved the way updateCandidateProfile saves it:
 * the stored eligibility is evaluated again and stored, so the vacancy ranking and the candidate
 * filters see the new score at once.
 */
import { parameterSnapshot, practiceScale, scaleProblem, type CandidateProfile, type IsoDate, type TopikTest } from '../domain';
import type { CandidateRecord } from '../persistence/candidate.schema';
import { saveCandidate } from './candidate-writes';
import { lockCandidate } from './training-writes';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { domainFailure, unwrap } from './use-case-error';

export type OfficialTestResult =
  | { readonly test: 'EPS_TOPIK'; readonly takenOn: IsoDate; readonly score: number; readonly round: string | null }
  | { readonly test: TopikTest; readonly takenOn: IsoDate; readonly score: number }
  | { readonly test: 'PILOT_KOREAN'; readonly takenOn: IsoDate; readonly level: number; readonly speakingPassed: boolean };

export interface RecordTestResultCommand {
  readonly candidateId: string;
  readonly result: OfficialTestResult;
}

/** The profile with the result appended to its list of that test's results. */
export function withTestResult(profile: CandidateProfile, r: OfficialTestResult): CandidateProfile {
  switch (r.test) {
    case 'EPS_TOPIK':
      return { ...profile, epsTopikResults: [...(profile.epsTopikResults ?? []), { takenOn: r.takenOn, score: r.score, ...(r.round ? { round: r.round } : {}) }] };
    case 'PILOT_KOREAN':
      return { ...profile, pilotKoreanTests: [...(profile.pilotKoreanTests ?? []), { takenOn: r.takenOn, level: r.level, speakingPassed: r.speakingPassed }] };
    default:
      return { ...profile, topikResults: [...(profile.topikResults ?? []), { test: r.test, takenOn: r.takenOn, score: r.score }] };
  }
}

export function recordTestResult(command: RecordTestResultCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, candidate } = await lockCandidate(em, command.candidateId, ['input', 'candidateId']);
    const before = candidate.toSnapshot();
    const at = nowTimestamp(deps);
    // the profile checks a result's shape; its scale is the official one of the parameters in force
    const r = command.result;
    const value = r.test === 'PILOT_KOREAN' ? r.level : r.score;
    const problem = scaleProblem(value, practiceScale(r.test, parameterSnapshot(dateOf(at))), [r.test === 'PILOT_KOREAN' ? 'level' : 'score']);
    if (problem) throw domainFailure(problem, ['input']);
    unwrap(candidate.updateProfile(withTestResult(candidate.profile, command.result), dateOf(at)));
    return saveCandidate(em, deps, rows, candidate, at, { action: 'recordTestResult', before });
  });
}
