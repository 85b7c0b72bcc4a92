/**
 * Domain services that change several aggregates together, all or nothing:
 * - `selectCandidate`: selection for an opening = a quota seat + the candidate's move to SELECTED
 *   (which needs eligibility) + a Placement record (DOMAIN.md §7: "allocation to a quota seat happens
 *   at selection and must never exceed the quota");
 * - `releaseCandidateSeat`: withdrawal or rejection before departure = the candidate's move to
 *   WITHDRAWN / REJECTED + the seat back to the quota + the placement cancelled.
 * Every check runs before anything changes; on failure nothing changes. The gateway runs each call
 * inside one database transaction with the quota row locked.
 */
import { DomainError, err, errorData, ok, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import type { ParameterSnapshot } from '../parameters';
import type { EligibilityRuleOverlay } from '../eligibility/evaluate-eligibility';
import { CandidateErrors } from './candidate.errors';
import type { Candidate, CandidateGateReport } from './candidate.entity';
import { isCandidateTransitionAllowed } from './candidate-stage';
import { CANDIDATE_EXIT_REASON_LABELS, type CandidateExitReason } from './candidate-exit-reasons';
import { checkId } from './entity-validation';
import type { JobOpening } from './job-opening.entity';
import type { Mou } from './mou.entity';
import { Placement } from './placement.entity';
import { QuotaErrors } from './quota.errors';
import type { Quota, QuotaAllocation } from './quota.entity';
import { checkTimestamp, wibDateOf } from './timestamp';

export interface SelectCandidateInput {
  readonly candidate: Candidate;
  readonly opening: JobOpening;
  readonly quota: Quota;
  readonly mou: Mou;
  /** Parameters as of the WIB date of `at`. */
  readonly params: ParameterSnapshot;
  /** Id of the Placement record to create (passed in, never generated). */
  readonly placementId: string;
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
  readonly ruleOverlays?: readonly EligibilityRuleOverlay[];
  readonly passportMarginMonths?: number;
}

export interface SelectCandidateOutcome {
  readonly allocation: QuotaAllocation;
  readonly placement: Placement;
  readonly report: CandidateGateReport;
}

function broken(what: string, cause: { readonly code: string }): never {
  throw new DomainError(
    errorData('ENTITY.INTERNAL', 'Kesalahan internal: pemeriksaan awal tidak konsisten.', 'Internal error: the pre-checks were inconsistent.', {
      details: { step: what, code: cause.code },
    }),
  );
}

/**
 * Select a candidate for an opening. Failures, in the order checked: the candidate's stage
 * (`CANDIDATE.INVALID_TRANSITION`), the seat (`QUOTA.*`, e.g. `QUOTA.EXHAUSTED`), eligibility and the
 * other selection gates (`CANDIDATE.NOT_ELIGIBLE`, …), the placement id.
 */
export function selectCandidate(input: SelectCandidateInput): Result<SelectCandidateOutcome> {
  const { candidate, opening, quota, mou, params, placementId, at, actor } = input;
  if (!isCandidateTransitionAllowed(candidate.stage, 'SELECTED')) return err(CandidateErrors.invalidTransition(candidate.stage, 'SELECTED'));
  const pid = checkId('PLACEMENT', placementId, ['placementId']);
  if (!pid.ok) return err(pid.error);
  const seat = quota.canAllocate({ candidateId: candidate.id, opening, mou, params, at, actor });
  if (!seat.ok) return seat;
  const advanceInput = {
    at,
    actor,
    note: input.note ?? null,
    opening,
    quota,
    params,
    ...(input.ruleOverlays !== undefined ? { ruleOverlays: input.ruleOverlays } : {}),
    ...(input.passportMarginMonths !== undefined ? { passportMarginMonths: input.passportMarginMonths } : {}),
  };
  const gate = candidate.checkAdvance('SELECTED', advanceInput, { seatPending: true });
  if (!gate.ok) return gate;

  const allocation = quota.allocate({ candidateId: candidate.id, opening, mou, params, at, actor });
  if (!allocation.ok) return broken('allocate', allocation.error);
  const report = candidate.advance('SELECTED', advanceInput);
  if (!report.ok) {
    quota.release(candidate.id);
    return report;
  }
  const placement = Placement.create({ id: pid.value, candidate, opening, quota, at, actor });
  if (!placement.ok) return broken('placement', placement.error);
  return ok({ allocation: allocation.value, placement: placement.value, report: report.value });
}

export interface ReleaseCandidateSeatInput {
  readonly candidate: Candidate;
  readonly quota: Quota;
  /** The candidate's placement in this seat (cancelled here). */
  readonly placement: Placement;
  readonly to: 'WITHDRAWN' | 'REJECTED';
  readonly at: string;
  readonly actor: string;
  /** The reason in words (required without a reason code, and with OTHER). */
  readonly note: string | null;
  /** The exit reason code (candidate-exit-reasons.ts), optional. */
  readonly reason?: CandidateExitReason | null;
  /** Date of the withdrawal or rejection (default: the WIB date of `at`). */
  readonly on?: IsoDate;
}

export interface ReleaseCandidateSeatOutcome {
  readonly released: QuotaAllocation;
}

/** Withdraw or reject a candidate who holds a seat (before departure): the seat returns to the quota. */
export function releaseCandidateSeat(input: ReleaseCandidateSeatInput): Result<ReleaseCandidateSeatOutcome> {
  const { candidate, quota, placement, to, at, actor, note } = input;
  const reason = input.reason ?? null;
  if (to !== 'WITHDRAWN' && to !== 'REJECTED') return err(CandidateErrors.invalidTransition(candidate.stage, String(to)));
  const t = checkTimestamp('CANDIDATE', at, ['at']);
  if (!t.ok) return err(t.error);
  const check = candidate.checkAdvance(to, { at, actor, note, reason });
  if (!check.ok) return check;
  if (!quota.holdsSeat(candidate.id) || candidate.quotaId !== quota.id) return err(QuotaErrors.notAllocated());
  if (placement.candidateId !== candidate.id || placement.quotaId !== quota.id) {
    return err(errorData('PLACEMENT.NO_SEAT', 'Penempatan ini bukan milik kursi kandidat.', "This placement is not the candidate's seat.", { path: ['placement'] }));
  }
  // the placement's cancellation needs the reason in words: the note, else the code's label
  const label = reason === null ? undefined : CANDIDATE_EXIT_REASON_LABELS[reason];
  const event = { on: input.on ?? wibDateOf(t.value), at, actor, note: note ?? (label ? `${label.id} / ${label.en}` : null) };
  const dryRun = Placement.fromSnapshot(placement.toSnapshot()).cancel(event);
  if (!dryRun.ok) return dryRun;

  const moved = candidate.advance(to, { at, actor, note, reason });
  if (!moved.ok) return broken('advance', moved.error);
  const released = quota.release(candidate.id);
  if (!released.ok) return broken('release', released.error);
  const cancelled = placement.cancel(event);
  if (!cancelled.ok) return broken('cancel', cancelled.error);
  return ok({ released: released.value });
}
