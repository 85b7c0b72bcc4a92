/** registerCandidate: a new candidate in REGISTERED, NIK unique, its selection verdict stored. */
import { Candidate, type CandidateExternalReference, type CandidateProfile, type Occupation, type Route } from '../domain';
import { applyCandidateSnapshot, derivedColumns } from '../persistence/candidate.mapper';
import type { CandidateRecord } from '../persistence/candidate.schema';
import { recordChange } from './audit';
import { assertNikFree, storedEligibility } from './candidate-writes';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface RegisterCandidateCommand {
  readonly profile: CandidateProfile;
  readonly targetRoute: Route | null;
  readonly targetOccupation: Occupation | null;
  readonly externalRefs: readonly CandidateExternalReference[];
  readonly note: string | null;
}

export function registerCandidate(command: RegisterCandidateCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, async (em) => {
    const at = nowTimestamp(deps);
    const candidate = unwrap(
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
    const snapshot = candidate.toSnapshot();
    const asOf = dateOf(at);
    await assertNikFree(em, derivedColumns(snapshot, asOf).nik, undefined);
    const rows = applyCandidateSnapshot(
      em,
      undefined,
      snapshot,
      deps.clock.now(),
      storedEligibility(snapshot.profile, { route: snapshot.targetRoute, occupation: snapshot.targetOccupation }, undefined, asOf),
      asOf,
    );
    await recordChange(em, deps, { action: 'registerCandidate', entityType: 'Candidate', entityId: snapshot.id, before: null, after: snapshot });
    await em.flush();
    return rows.candidate;
  });
}
