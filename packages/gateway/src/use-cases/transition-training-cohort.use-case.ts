/**
 * transitionTrainingCohort: move a cohort to another status; the domain's transition table and
 * guards decide (licence, sessions, members, dates, attendance; a cancellation needs a note).
 * Completing closes the waitlist and cancelling ends every active enrolment (the domain's entry effects).
 *
 * Outcomes (issue 10: "COMPLETED … DROPPED or FAILED, each with a reason code"). The same transaction
 * that completes a cohort settles its members (`Cohort.settleOutcomes`): every ENROLLED member whose
 * result is determined becomes COMPLETED (attendance at or above the course's rule, and the final
 * assessment passed when the course has one; reason REQUIREMENTS_MET) or FAILED (reason
 * ATTENDANCE_BELOW_RULE, else ASSESSMENT_FAILED). A member of a course with a final assessment whose
 * result is not recorded yet stays ENROLLED (the domain's ASSESSMENT_PENDING) until recordAssessment
 * records it in the COMPLETED cohort, which settles that member then. There is no separate outcome
 * mutation: an outcome is never a choice, it follows from the records the domain reads; DROPPED and
 * WITHDRAWN are the officer's (withdrawEnrolment, with a leave reason). One audit row: the cohort
 * before and after, outcomes included.
 */
import type { CohortStatus } from '../domain';
import type { TrainingCohortRecord } from '../persistence/training.schema';
import { lockCohort, saveCohort } from './training-writes';
import { inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface TransitionTrainingCohortCommand {
  readonly id: string;
  readonly to: CohortStatus;
  readonly note: string | null;
}

export function transitionTrainingCohort(command: TransitionTrainingCohortCommand, deps: UseCaseDeps): Promise<TrainingCohortRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, cohort } = await lockCohort(em, command.id, ['id']);
    const before = cohort.toSnapshot();
    const at = nowTimestamp(deps);
    unwrap(cohort.transitionTo(command.to, { at, actor: deps.actor, note: command.note }), []);
    if (cohort.status === 'COMPLETED') unwrap(cohort.settleOutcomes({ at, actor: deps.actor, note: null }), []);
    return saveCohort(em, deps, rows, cohort, { action: 'transitionTrainingCohort', before });
  });
}
