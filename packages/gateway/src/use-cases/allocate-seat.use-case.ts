/**
 * allocateSeat: select a candidate for an opening. One seat of the opening's quota, the candidate to
 * SELECTED, a placement created, its cost shares stored; all decided by the domain's
 * `selectCandidate`. Safe under concurrent calls: the opening and quota rows are locked first
 * (seat-context.ts), so calls for one quota run one after another and the last ones get QUOTA.EXHAUSTED.
 */
import { Candidate, Mou, parameterSnapshot, selectCandidate } from '../domain';
import { applyCandidateSnapshot, applyPlacementSnapshot, candidateSnapshotOf, loadCandidateRows } from '../persistence/candidate.mapper';
import type { CandidateRecord, PlacementRecord } from '../persistence/candidate.schema';
import { loadMouRows, mouSnapshotOf } from '../persistence/mou.mapper';
import { recordChange } from './audit';
import { storeCostShares } from './cost-shares';
import { lockSeatContext, writeSeats } from './seat-context';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { inconsistent, notFound, unwrap } from './use-case-error';

export interface AllocateSeatCommand {
  readonly candidateId: string;
  readonly openingId: string;
  readonly note: string | null;
}

export interface SeatAllocation {
  readonly candidate: CandidateRecord;
  readonly placement: PlacementRecord;
}

export function allocateSeat(command: AllocateSeatCommand, deps: UseCaseDeps): Promise<SeatAllocation> {
  const { candidateId, openingId } = command;
  return inTransaction(deps, async (em) => {
    const seat = await lockSeatContext(em, openingId, ['openingId']);
    const candRows = await loadCandidateRows(em, candidateId, true);
    if (!candRows) throw notFound('Candidate', ['candidateId']);
    const candidate = Candidate.fromSnapshot(candidateSnapshotOf(candRows));
    const before = candidate.toSnapshot();
    const mouRows = await loadMouRows(em, seat.opening.mouId);
    if (!mouRows) throw inconsistent();
    const mou = Mou.fromSnapshot(mouSnapshotOf(mouRows));
    const at = nowTimestamp(deps);
    const outcome = unwrap(
      selectCandidate({
        candidate,
        opening: seat.opening,
        quota: seat.quota,
        mou,
        params: parameterSnapshot(dateOf(at)),
        placementId: newId(),
        at,
        actor: deps.actor,
        note: command.note,
      }),
      [],
    );
    const now = deps.clock.now();
    writeSeats(em, seat, now);
    const placement = applyPlacementSnapshot(em, undefined, outcome.placement.toSnapshot(), now);
    storeCostShares(em, deps, placement.placement.id, seat.opening, dateOf(at));
    const evaluation = outcome.report.evaluation;
    const written = applyCandidateSnapshot(
      em,
      candRows,
      candidate.toSnapshot(),
      now,
      evaluation ? { status: evaluation.verdict.selection, asOf: evaluation.asOf } : null,
      dateOf(at),
    );
    await recordChange(em, deps, {
      action: 'allocateSeat',
      entityType: 'Candidate',
      entityId: candidateId,
      before,
      after: { ...candidate.toSnapshot(), placementId: placement.placement.id },
    });
    await em.flush();
    return { candidate: written.candidate, placement: placement.placement };
  });
}
