/**
 * transitionTrainingCohort: move a cohort to another status; the domain's transition table and
 * guards decide (licence, sessions, members, dates, attendance; a cancellation needs a note).
 * Completing closes the waitlist and cancelling ends every active enrolment (the domain's entry effects).
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
    unwrap(cohort.transitionTo(command.to, { at: nowTimestamp(deps), actor: deps.actor, note: command.note }), []);
    return saveCohort(em, deps, rows, cohort, { action: 'transitionTrainingCohort', before });
  });
}
