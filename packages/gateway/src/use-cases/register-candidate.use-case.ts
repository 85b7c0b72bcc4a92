/** registerCandidate: a new candidate in REGISTERED, NIK unique, its selection verdict stored. */
import { Candidate, type CandidateExternalReference, type CandidateProfile, type Occupation, type Route } from '../domain';
import type { CandidateRecord } from '../persistence/candidate.schema';
import { inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';
import { saveCandidate } from './candidate-writes';

export interface RegisterCandidateCommand {
  readonly profile: CandidateProfile;
  readonly targetRoute: Route | null;
  readonly targetOccupation: Occupation | null;
  readonly externalRefs: readonly CandidateExternalReference[];
  readonly note: string | null;
}

/** The domain's new candidate for `command`, registered at `at` (also the batch of registerCandidates). */
export function registeredCandidate(command: RegisterCandidateCommand, at: string, deps: Pick<UseCaseDeps, 'actor'>): Candidate {
  return unwrap(
    Candidate.register({
      id: newId(),
      profile: command.profile,
      targetRoute: command.targetRoute,
      targetOccupation: command.targetOccupation,
      externalRefs: command.externalRefs.map((r) => ({ system: r.system, reference: r.reference })),
      at,
      actor: deps.actor,
      note: command.note,
    }),
  );
}

export function registerCandidate(command: RegisterCandidateCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, async (em) => {
    const at = nowTimestamp(deps);
    return saveCandidate(em, deps, undefined, registeredCandidate(command, at, deps), at, { action: 'registerCandidate', before: null });
  });
}
