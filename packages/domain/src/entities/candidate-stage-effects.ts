/**
 * What a candidate's stage change does beyond the candidate (DOMAIN.md §7):
 * - withdrawing or rejecting a candidate who holds a seat gives the seat back (`releaseCandidateSeat`
 *   in select-candidate.service.ts does it; `advanceReleasesSeat` says when it must);
 * - departure, start of work and return are recorded on the candidate's placement too
 *   (`recordStageOnPlacement`).
 *
 * The gateway asks `mayReleaseSeat` before it reads the placement, so a plain stage change costs no
 * extra statement, then `advanceReleasesSeat` with what it found.
 */
import { ok, type Result } from '../shared/domain-error';
import { CANDIDATE_SEAT_HOLDING_STAGES, type CandidateStage } from './candidate-stage';
import type { Placement, PlacementEventInput } from './placement.entity';

/** The stages that end a selection before departure and so give its seat back. */
export const SEAT_RELEASING_STAGES = ['WITHDRAWN', 'REJECTED'] as const;
export type SeatReleasingStage = (typeof SEAT_RELEASING_STAGES)[number];

/** The parts of a candidate that tell whether it can hold a seat. */
export interface SeatHolder {
  readonly stage: CandidateStage;
  readonly quotaId: string | null;
  readonly openingId: string | null;
}

export function isSeatReleasingStage(to: CandidateStage): to is SeatReleasingStage {
  return (SEAT_RELEASING_STAGES as readonly CandidateStage[]).includes(to);
}

/**
 * True when moving the candidate to `to` could give a seat back: a withdrawal or rejection of a
 * candidate selected for an opening (quota and opening on record) who has not departed yet.
 */
export function mayReleaseSeat(candidate: SeatHolder, to: CandidateStage): to is SeatReleasingStage {
  return (
    isSeatReleasingStage(to) &&
    candidate.quotaId !== null &&
    candidate.openingId !== null &&
    CANDIDATE_SEAT_HOLDING_STAGES.includes(candidate.stage)
  );
}

/**
 * True when moving the candidate to `to` gives its seat back: `mayReleaseSeat`, and its placement in
 * that quota is still ALLOCATED (a seat already given back has a CANCELLED placement).
 */
export function advanceReleasesSeat(candidate: SeatHolder, to: CandidateStage, placementAllocated: boolean): to is SeatReleasingStage {
  return mayReleaseSeat(candidate, to) && placementAllocated;
}

/** The stages the placement records too, and the placement step each one is. */
const PLACEMENT_STEPS = {
  DEPARTED: 'recordDeparture',
  PLACED: 'recordStartOfWork',
  RETURNED: 'recordReturn',
} as const satisfies Partial<Record<CandidateStage, keyof Placement>>;

/** True when a move to `to` is recorded on the candidate's placement as well. */
export function placementFollowsStage(to: CandidateStage): to is keyof typeof PLACEMENT_STEPS {
  return Object.prototype.hasOwnProperty.call(PLACEMENT_STEPS, to);
}

/**
 * Record the candidate's move to `to` on its placement: DEPARTED → departure, PLACED → start of
 * work, RETURNED → return; any other stage leaves the placement as it is. Failures are the
 * placement's own (`PLACEMENT.*`); on failure the placement does not change.
 */
export function recordStageOnPlacement(placement: Placement, to: CandidateStage, event: PlacementEventInput): Result<void> {
  if (!placementFollowsStage(to)) return ok(undefined);
  return placement[PLACEMENT_STEPS[to]](event);
}
