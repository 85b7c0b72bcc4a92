/** createCourse: a training provider's course; the domain checks the provider, licence, target and rule. */
import { Course, parameterSnapshot, type AttendanceRule, type CourseKind, type CourseTarget, type LpkLicence, type Messages, type TrainingProviderType } from '../domain';
import { insertCourse } from '../persistence/training.mapper';
import type { TrainingCourseRecord } from '../persistence/training.schema';
import { recordChange } from './audit';
import { loadParty } from './load-for-change';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface CreateCourseCommand {
  readonly title: Messages;
  readonly kind: CourseKind;
  readonly providerPartyId: string;
  readonly providerType: TrainingProviderType;
  readonly licence: LpkLicence | null;
  readonly target: CourseTarget | null;
  readonly hours: number;
  /** Whole rupiah. */
  readonly feeIdr: number;
  readonly attendanceRule: AttendanceRule;
  readonly hasFinalAssessment: boolean;
  readonly note: string | null;
}

export function createCourse(command: CreateCourseCommand, deps: UseCaseDeps): Promise<TrainingCourseRecord> {
  return inTransaction(deps, async (em) => {
    const provider = await loadParty(em, command.providerPartyId, ['input', 'providerPartyId']);
    const at = nowTimestamp(deps);
    const { feeIdr, providerPartyId: _providerPartyId, ...rest } = command;
    const course = unwrap(Course.create({ ...rest, id: newId(), provider, fee: { amount: feeIdr, currency: 'IDR' } }, parameterSnapshot(dateOf(at))));
    const after = course.toSnapshot();
    const record = insertCourse(em, after, deps.clock.now());
    await recordChange(em, deps, { action: 'createCourse', entityType: 'TrainingCourse', entityId: course.id, before: null, after });
    await em.flush();
    return record;
  });
}
