/**
 * withdrawEnrolment: a candidate leaves a cohort (ENROLLED or WAITLISTED; cohort ENROLLING or RUNNING)
 * with a leave reason. A freed seat goes to the first on the waitlist while the domain says so (the
 * cohort is ENROLLING, or within its promotion window); each promoted candidate then moves to TRAINING
 * when the domain says so, as on enrolment. Runs under the cohort's row lock like enrollCandidate.
 *
 * `leave` says how the candidate leaves: WITHDRAWN (the default: before or while the cohort runs,
 * from a seat or the waitlist) or DROPPED (an ENROLLED member of a RUNNING cohort drops out: one of
 * the outcomes, counted in the completion rates; the domain refuses it otherwise with
 * TRAINING.NOT_EDITABLE or TRAINING.NOT_ENROLLED). Both carry the leave reason (OTHER needs a note).
 */
import type { LeaveReason } from '../domain';
import { TrainingEnrolmentRecord, type TrainingCohortRecord } from '../persistence/training.schema';
import { followEnrolmentOnStage, lockCandidate, lockCohort, writeCohort } from './training-writes';
import { inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { inconsistent, unwrap } from './use-case-error';

export interface WithdrawEnrolmentCommand {
  readonly cohortId: string;
  readonly candidateId: string;
  readonly reason: LeaveReason;
  readonly note: string | null;
  /** WITHDRAWN (default) or DROPPED. */
  readonly leave?: 'WITHDRAWN' | 'DROPPED';
}

export interface WithdrawalOutcome {
  readonly cohort: TrainingCohortRecord;
  readonly enrolment: TrainingEnrolmentRecord;
  /** The enrolments promoted from the waitlist by the freed seat (empty when none). */
  readonly promoted: readonly TrainingEnrolmentRecord[];
}

export function withdrawEnrolment(command: WithdrawEnrolmentCommand, deps: UseCaseDeps): Promise<WithdrawalOutcome> {
  return inTransaction(deps, async (em) => {
    const { rows, cohort } = await lockCohort(em, command.cohortId, ['cohortId']);
    const before = cohort.toSnapshot();
    const at = nowTimestamp(deps);
    const stamp = { at, actor: deps.actor, note: command.note, reason: command.reason };
    const { promoted } = unwrap(command.leave === 'DROPPED' ? cohort.dropOut(command.candidateId, stamp) : cohort.withdraw(command.candidateId, stamp), []);
    const written = await writeCohort(em, deps, rows, cohort, { action: 'withdrawEnrolment', before });
    for (const id of [...promoted].sort()) {
      await followEnrolmentOnStage(em, deps, await lockCandidate(em, id, ['candidateId']), { at, note: null, action: 'withdrawEnrolment' });
    }
    await em.flush();
    const enrolment = written.enrolments.find((e) => e.candidateId === command.candidateId);
    if (!enrolment) throw inconsistent();
    return { cohort: written.cohort, enrolment, promoted: written.enrolments.filter((e) => promoted.includes(e.candidateId)) };
  });
}
