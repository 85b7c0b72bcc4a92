/**
 * advanceCandidate: move a candidate one stage on; the domain checks the gates (eligibility for the
 * opening, the seat). Two decisions of the domain shape the change (candidate-stage-effects.ts):
 * withdrawing or rejecting a candidate who holds a seat gives the seat back (then this is
 * releaseSeat's change, audited as advanceCandidate), and departure, start of work and return are
 * recorded on the placement too.
 *
 * Leaving TRAINING forward (→ TESTING) uses training completion (issue 10: "the stage gates use
 * completion"): with the candidate's row locked, the use case reads every enrolment of theirs and the
 * domain decides (`decideTrainingExit`): a candidate whose enrolments ever held a seat needs at least
 * one COMPLETED course and none still ENROLLED (a course not ended, or awaiting its final
 * assessment), else TRAINING.NOT_COMPLETED naming the courses; a candidate with no such record
 * (trained before Jembatan, or only waitlisted) keeps the gates of before. A refusal writes nothing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  advanceReleasesSeat,
  Candidate,
  decideTrainingExit,
  mayReleaseSeat,
  parameterSnapshot,
  Placement,
  placementFollowsStage,
  Quota,
  recordStageOnPlacement,
  type CandidateExitReason,
  type CandidateStage,
} from '../domain';
import { applyPlacementSnapshot, candidateSnapshotOf, loadCandidateRows, placementSnapshotOf } from '../persistence/candidate.mapper';
import { CandidateRecord, PlacementRecord, PlacementStatusChangeRecord } from '../persistence/candidate.schema';
import { quotaSnapshotOf } from '../persistence/opening.mapper';
import { QuotaRecord, SeatAllocationRecord } from '../persistence/opening.schema';
import { saveCandidate } from './candidate-writes';
import { loadOpening } from './load-for-change';
import { releaseHeldSeat } from './release-seat.use-case';
import { trainingRecordsOf } from './training-writes';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

export interface AdvanceCandidateCommand {
  readonly id: string;
  readonly to: CandidateStage;
  readonly note: string | null;
  /** The exit reason code (WITHDRAWN / REJECTED only; the domain checks it). */
  readonly reason?: CandidateExitReason | null;
}

export function advanceCandidate(command: AdvanceCandidateCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  const { id, to, note } = command;
  const reason = command.reason ?? null;
  return inTransaction(deps, async (em) => {
    // unlocked first look: a seat release locks opening → quota → candidate, in that order
    const peek = await em.findOne(CandidateRecord, { id });
    if (!peek) throw notFound('Candidate', ['id']);
    if (mayReleaseSeat(peek, to)) {
      const allocated = (await em.count(PlacementRecord, { candidateId: id, quotaId: peek.quotaId, status: 'ALLOCATED' })) > 0;
      if (advanceReleasesSeat(peek, to, allocated)) return releaseHeldSeat(em, deps, { candidateId: id, to, note, reason, field: ['id'], action: 'advanceCandidate' });
    }
    const rows = await loadCandidateRows(em, id, true);
    if (!rows) throw notFound('Candidate', ['id']);
    const candidate = Candidate.fromSnapshot(candidateSnapshotOf(rows));
    if (candidate.stage === 'TRAINING' && to === 'TESTING') unwrap(decideTrainingExit(candidate.stage, to, await trainingRecordsOf(em, id)), []);
    const before = candidate.toSnapshot();
    const at = nowTimestamp(deps);
    const opening = await loadOpening(em, candidate.openingId);
    const quota = await loadQuota(em, candidate.quotaId);
    unwrap(
      candidate.advance(to, {
        at,
        actor: deps.actor,
        note,
        reason,
        ...(opening ? { opening } : {}),
        ...(quota ? { quota } : {}),
        params: parameterSnapshot(dateOf(at)),
      }),
      [],
    );
    await followOnPlacement(em, candidate, to, { at, actor: deps.actor, note });
    return saveCandidate(em, deps, rows, candidate, at, { action: 'advanceCandidate', before }, opening);
  });
}

/** The candidate's quota as the gates read it (not locked: advancing past selection moves no seat). */
async function loadQuota(em: EntityManager, quotaId: string | null): Promise<Quota | undefined> {
  if (!quotaId) return undefined;
  const q = await em.findOne(QuotaRecord, { id: quotaId });
  if (!q) return undefined;
  return Quota.fromSnapshot(quotaSnapshotOf({ quota: q, allocations: await em.find(SeatAllocationRecord, { quotaId: q.id }) }));
}

/** Record the stage on the candidate's current placement when the domain says it follows the stage. */
async function followOnPlacement(em: EntityManager, candidate: Candidate, to: CandidateStage, stamp: { at: string; actor: string; note: string | null }): Promise<void> {
  if (!placementFollowsStage(to) || !candidate.quotaId) return;
  const record = await em.findOne(PlacementRecord, { candidateId: candidate.id, quotaId: candidate.quotaId, status: { $ne: 'CANCELLED' } }, { orderBy: { createdAt: 'desc' } });
  if (!record) return;
  const rows = { placement: record, history: await em.find(PlacementStatusChangeRecord, { placementId: record.id }) };
  const placement = Placement.fromSnapshot(placementSnapshotOf(rows));
  unwrap(recordStageOnPlacement(placement, to, { on: dateOf(stamp.at), ...stamp }), []);
  applyPlacementSnapshot(em, rows, placement.toSnapshot(), new Date(stamp.at));
}
