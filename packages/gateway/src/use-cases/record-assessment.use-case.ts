/**
 * recordAssessment: a member's practice (mock) Korean test score, checked on the official scale of the
 * parameters in force today, or the course's final assessment (passed or not). The cohort's row is
 * locked like every cohort change.
 *
 * A final assessment recorded in a COMPLETED cohort (a member whose outcome waited for it: see
 * transition-training-cohort.use-case.ts) settles that member's outcome in the same transaction:
 * COMPLETED, or FAILED with its reason. In a RUNNING cohort it may be corrected until completion.
 */
import { parameterSnapshot, type IsoDate, type PracticeTest } from '../domain';
import type { TrainingCohortRecord } from '../persistence/training.schema';
import { lockCohort, saveCohort } from './training-writes';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export type AssessmentRecord =
  | { readonly kind: 'PRACTICE'; readonly test: PracticeTest; readonly takenOn: IsoDate; readonly score: number }
  | { readonly kind: 'FINAL'; readonly passed: boolean; readonly assessedOn: IsoDate };

export interface RecordAssessmentCommand {
  readonly cohortId: string;
  /**
   * The training providers the caller records for (a TRAINER's party ids); undefined: any provider
   * (an officer). A cohort of another provider is NOT_FOUND, like a missing one.
   */
  readonly providerScope?: readonly string[];
  readonly candidateId: string;
  readonly assessment: AssessmentRecord;
}

export function recordAssessment(command: RecordAssessmentCommand, deps: UseCaseDeps): Promise<TrainingCohortRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, cohort } = await lockCohort(em, command.cohortId, ['input', 'cohortId'], command.providerScope);
    const before = cohort.toSnapshot();
    const a = command.assessment;
    const result =
      a.kind === 'PRACTICE'
        ? cohort.recordPracticeScore(command.candidateId, { test: a.test, takenOn: a.takenOn, score: a.score }, parameterSnapshot(dateOf(nowTimestamp(deps))))
        : cohort.recordFinalAssessment(command.candidateId, { passed: a.passed, assessedOn: a.assessedOn });
    unwrap(result, ['input']);
    if (a.kind === 'FINAL' && cohort.status === 'COMPLETED') {
      unwrap(cohort.recordOutcome(command.candidateId, { at: nowTimestamp(deps), actor: deps.actor, note: null }), ['input']);
    }
    return saveCohort(em, deps, rows, cohort, { action: 'recordAssessment', before });
  });
}
