/** updateCandidateProfile: replace the profile, and the target while the candidate is REGISTERED. */
import { Candidate, type CandidateProfile, type Occupation, type Route } from '../domain';
import { candidateSnapshotOf, loadCandidateRows } from '../persistence/candidate.mapper';
import type { CandidateRecord } from '../persistence/candidate.schema';
import { saveCandidate } from './candidate-writes';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

export interface UpdateCandidateProfileCommand {
  readonly id: string;
  readonly profile: CandidateProfile;
  /** A new target (the domain refuses it after REGISTERED); a part given as null keeps the current one. Absent: untouched. */
  readonly target?: { readonly route: Route | null; readonly occupation: Occupation | null };
}

export function updateCandidateProfile(command: UpdateCandidateProfileCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, async (em) => {
    const rows = await loadCandidateRows(em, command.id, true);
    if (!rows) throw notFound('Candidate', ['input', 'id']);
    const candidate = Candidate.fromSnapshot(candidateSnapshotOf(rows));
    const before = candidate.toSnapshot();
    const at = nowTimestamp(deps);
    unwrap(candidate.updateProfile(command.profile, dateOf(at)));
    if (command.target) {
      unwrap(candidate.setTarget(command.target.route ?? candidate.targetRoute, command.target.occupation ?? candidate.targetOccupation));
    }
    return saveCandidate(em, deps, rows, candidate, at, { action: 'updateCandidateProfile', before });
  });
}
