/** createTrainingCohort: a cohort of a course in PLANNED; the domain checks capacity, dates, sessions and window. */
import { Cohort, type CohortVenue, type IsoDate } from '../domain';
import type { TrainingCohortRecord } from '../persistence/training.schema';
import { loadCourse, saveCohort } from './training-writes';
import { inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface CreateTrainingCohortCommand {
  readonly courseId: string;
  readonly venue: CohortVenue;
  readonly capacity: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Days from the start date during which a freed seat still goes to the waitlist (no default: a cohort setting). */
  readonly promotionWindowDays: number;
  readonly sessions: ReadonlyArray<{ readonly date: IsoDate; readonly topic: string | null }>;
  readonly note: string | null;
}

export function createTrainingCohort(command: CreateTrainingCohortCommand, deps: UseCaseDeps): Promise<TrainingCohortRecord> {
  return inTransaction(deps, async (em) => {
    const course = await loadCourse(em, command.courseId, ['input', 'courseId']);
    const { courseId: _courseId, ...rest } = command;
    const cohort = unwrap(Cohort.create({ ...rest, id: newId(), course, at: nowTimestamp(deps), actor: deps.actor }));
    return saveCohort(em, deps, undefined, cohort, { action: 'createTrainingCohort', before: null, providerPartyId: course.provider.partyId });
  });
}
