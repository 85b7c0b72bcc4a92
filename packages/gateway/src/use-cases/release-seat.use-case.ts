/**
 * releaseSeat: give a seat back before departure (withdrawal or rejection, with the reason): the
 * candidate moves to WITHDRAWN / REJECTED, the seat returns to the quota, the placement is cancelled.
 * `releaseHeldSeat` is also what advanceCandidate runs when the domain says the move gives a seat back.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Candidate, Placement, QuotaErrors, releaseCandidateSeat, type CandidateExitReason, type SeatReleasingStage } from '../domain';
import { applyCandidateSnapshot, applyPlacementSnapshot, candidateSnapshotOf, loadCandidateRows, placementSnapshotOf } from '../persistence/candidate.mapper';
import { CandidateRecord, PlacementRecord, PlacementStatusChangeRecord } from '../persistence/candidate.schema';
import { recordChange } from './audit';
import { lockSeatContext, writeSeats } from './seat-context';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { domainFailure, notFound, unwrap, type FieldPath } from './use-case-error';

export interface ReleaseSeatCommand {
  readonly candidateId: string;
  readonly reason: SeatReleasingStage;
  /** The reason in words (required by the domain). */
  readonly note: string;
}

export interface HeldSeatRelease {
  readonly candidateId: string;
  readonly to: SeatReleasingStage;
  readonly note: string | null;
  /** The exit reason code (optional; without one, or with OTHER, the domain requires the note). */
  readonly reason?: CandidateExitReason | null;
  /** Where NOT_FOUND points (the argument naming the candidate). */
  readonly field: FieldPath;
  /** The audit action: the mutation that released the seat. */
  readonly action: 'releaseSeat' | 'advanceCandidate';
}

/** Release the candidate's seat inside the caller's transaction (locks: opening → quota → candidate). */
export async function releaseHeldSeat(em: EntityManager, deps: UseCaseDeps, release: HeldSeatRelease): Promise<CandidateRecord> {
  const { candidateId, to, note, field } = release;
  const peek = await em.findOne(CandidateRecord, { id: candidateId });
  if (!peek) throw notFound('Candidate', field);
  if (!peek.openingId) throw domainFailure(QuotaErrors.notAllocated(), []);
  const seat = await lockSeatContext(em, peek.openingId, field);
  const candRows = await loadCandidateRows(em, candidateId, true);
  if (!candRows) throw notFound('Candidate', field);
  const candidate = Candidate.fromSnapshot(candidateSnapshotOf(candRows));
  const before = candidate.toSnapshot();
  const placementRecord = await em.findOne(PlacementRecord, { candidateId, quotaId: seat.quotaRows.quota.id, status: 'ALLOCATED' });
  if (!placementRecord) throw domainFailure(QuotaErrors.notAllocated(), []);
  const placementRows = { placement: placementRecord, history: await em.find(PlacementStatusChangeRecord, { placementId: placementRecord.id }) };
  const placement = Placement.fromSnapshot(placementSnapshotOf(placementRows));
  const at = nowTimestamp(deps);
  unwrap(releaseCandidateSeat({ candidate, quota: seat.quota, placement, to, at, actor: deps.actor, note, reason: release.reason ?? null }), []);
  const now = deps.clock.now();
  writeSeats(em, seat, now);
  applyPlacementSnapshot(em, placementRows, placement.toSnapshot(), now);
  const written = applyCandidateSnapshot(em, candRows, candidate.toSnapshot(), now, null, dateOf(at));
  await recordChange(em, deps, {
    action: release.action,
    entityType: 'Candidate',
    entityId: candidateId,
    before,
    after: { ...candidate.toSnapshot(), releasedPlacementId: placementRecord.id },
  });
  await em.flush();
  return written.candidate;
}

export function releaseSeat(command: ReleaseSeatCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, (em) =>
    releaseHeldSeat(em, deps, { candidateId: command.candidateId, to: command.reason, note: command.note, field: ['candidateId'], action: 'releaseSeat' }),
  );
}
