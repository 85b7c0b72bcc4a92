/**
 * recordAttendance: one session's attendance for the whole class at once (RUNNING). The domain checks
 * that the session is in the cohort, every mark is for an ENROLLED member, nobody twice and nobody
 * left out; recording a session again replaces its record (a correction).
 */
import type { AttendanceMark } from '../domain';
import type { TrainingCohortRecord } from '../persistence/training.schema';
import { lockCohort, saveCohort } from './training-writes';
import { inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface RecordAttendanceCommand {
  readonly cohortId: string;
  /**
   * The training providers the caller records for (a TRAINER's party ids); undefined: any provider
   * (an officer). A cohort of another provider is NOT_FOUND, like a missing one.
   */
  readonly providerScope?: readonly string[];
  readonly sessionNumber: number;
  readonly marks: ReadonlyArray<{ readonly candidateId: string; readonly mark: AttendanceMark }>;
}

export function recordAttendance(command: RecordAttendanceCommand, deps: UseCaseDeps): Promise<TrainingCohortRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, cohort } = await lockCohort(em, command.cohortId, ['input', 'cohortId'], command.providerScope);
    const before = cohort.toSnapshot();
    unwrap(cohort.recordAttendance(command.sessionNumber, command.marks, { at: nowTimestamp(deps), actor: deps.actor }), ['input']);
    return saveCohort(em, deps, rows, cohort, { action: 'recordAttendance', before });
  });
}
