/**
 * Rules across a candidate's enrolments (pure, over plain records the gateway reads in its
 * transaction):
 * - `checkOneActiveEnrolmentPerKind`: a candidate has at most one active (ENROLLED or WAITLISTED)
 *   enrolment per course kind, whatever the cohort;
 * - `stageChangeForEnrolment`: which candidate stage change an enrolment implies (enrolling moves a
 *   SELECTED candidate to TRAINING: entities/candidate-stage.ts allows SELECTED → TRAINING only);
 * - `decideTrainingExit`: the stage gate out of TRAINING uses completion (below);
 * - `checkTrainingCompleted`: a stricter gate a caller may add: each required course kind has a
 *   COMPLETED enrolment.
 */
import { err, invalid, ok, type Messages, type Result } from '../shared/domain-error';
import { isEntityId } from '../entities/entity-validation';
import { isOneOf } from '../shared/vocabulary';
import { CANDIDATE_STAGES, isCandidateTransitionAllowed, type CandidateStage } from '../entities/candidate-stage';
import { COHORT_STATUSES, type CohortStatus } from './cohort-status';
import { ACTIVE_ENROLMENT_STATUSES, COURSE_KINDS, ENROLMENT_STATUSES, type CourseKind, type EnrolmentStatus } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

/** One of a candidate's enrolments, as the gateway reads it. */
export interface CandidateEnrolmentRef {
  readonly cohortId: string;
  readonly courseKind: CourseKind;
  readonly status: EnrolmentStatus;
}

function checkRefs(enrolments: readonly CandidateEnrolmentRef[]): void {
  if (!Array.isArray(enrolments)) invalid('TRAINING.INVALID_TYPE', 'Daftar pendaftaran harus berupa daftar.', 'The enrolments must be a list.', { path: ['enrolments'] });
  enrolments.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || !isOneOf(COURSE_KINDS, e.courseKind) || !isOneOf(ENROLMENT_STATUSES, e.status)) {
      invalid('TRAINING.INVALID_VALUE', 'Data pendaftaran tidak valid.', 'Invalid enrolment record.', { path: ['enrolments', String(i)] });
    }
  });
}

/**
 * `ok` when the candidate may take a new enrolment in a course of `courseKind`: none of their other
 * enrolments of that kind is active. `exceptCohortId` leaves out the cohort being enrolled into.
 * Failure: `TRAINING.ALREADY_ENROLLED_IN_KIND` (details: the cohort holding the active enrolment).
 */
export function checkOneActiveEnrolmentPerKind(enrolments: readonly CandidateEnrolmentRef[], courseKind: CourseKind, exceptCohortId?: string): Result<void> {
  checkRefs(enrolments);
  if (!isOneOf(COURSE_KINDS, courseKind)) invalid('TRAINING.INVALID_VALUE', 'Jenis kursus tidak dikenal.', 'Unknown course kind.', { path: ['courseKind'] });
  const active = enrolments.find((e) => e.courseKind === courseKind && e.cohortId !== exceptCohortId && ACTIVE_ENROLMENT_STATUSES.includes(e.status));
  return active ? err(TrainingErrors.alreadyEnrolledInKind(courseKind, active.cohortId)) : ok(undefined);
}

export type EnrolmentStageChange =
  | { readonly change: 'ADVANCE'; readonly from: CandidateStage; readonly to: 'TRAINING'; readonly message: Messages }
  | { readonly change: 'NONE'; readonly reason: 'WAITLISTED' | 'ALREADY_IN_TRAINING' | 'NOT_SELECTED_YET' | 'PAST_TRAINING' | 'STAGE_CLOSED'; readonly message: Messages };

const AFTER_TRAINING: readonly CandidateStage[] = ['TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION'];

/**
 * The stage change an enrolment implies for a candidate at `stage`: a seat (ENROLLED) moves a
 * candidate to TRAINING when the pipeline allows it from their stage (SELECTED → TRAINING); anything
 * else is no change, with the reason (a waitlisted enrolment holds no seat; a REGISTERED candidate
 * may study before selection — e.g. for EPS-TOPIK — but stages move one at a time; a candidate past
 * TRAINING retaking a course stays where they are; a closed stage does not move).
 */
export function stageChangeForEnrolment(stage: CandidateStage, enrolment: Extract<EnrolmentStatus, 'ENROLLED' | 'WAITLISTED'>): EnrolmentStageChange {
  if (!isOneOf(CANDIDATE_STAGES, stage)) invalid('TRAINING.INVALID_VALUE', 'Tahap calon tidak dikenal.', 'Unknown candidate stage.', { path: ['stage'] });
  if (enrolment !== 'ENROLLED' && enrolment !== 'WAITLISTED') {
    invalid('TRAINING.INVALID_VALUE', 'Status pendaftaran harus ENROLLED atau WAITLISTED.', 'The enrolment status must be ENROLLED or WAITLISTED.', { path: ['enrolment'] });
  }
  const none = (reason: Extract<EnrolmentStageChange, { change: 'NONE' }>['reason'], id: string, en: string): EnrolmentStageChange => ({ change: 'NONE', reason, message: { id, en } });
  if (enrolment === 'WAITLISTED') return none('WAITLISTED', 'Masih dalam daftar tunggu: tahap calon tidak berubah.', 'Still on the waitlist: the candidate stage does not change.');
  if (stage === 'TRAINING') return none('ALREADY_IN_TRAINING', 'Calon sudah dalam tahap pelatihan.', 'The candidate is already in training.');
  if (isCandidateTransitionAllowed(stage, 'TRAINING')) {
    return { change: 'ADVANCE', from: stage, to: 'TRAINING', message: { id: 'Calon masuk tahap pelatihan.', en: 'The candidate moves to training.' } };
  }
  if (stage === 'REGISTERED') return none('NOT_SELECTED_YET', 'Calon belum terseleksi: tahap tetap TERDAFTAR.', 'The candidate is not selected yet: the stage stays REGISTERED.');
  if (AFTER_TRAINING.includes(stage)) return none('PAST_TRAINING', 'Calon sudah melewati tahap pelatihan: tahap tidak berubah.', 'The candidate is past training: the stage does not change.');
  return none('STAGE_CLOSED', 'Tahap calon tidak berubah karena pendaftaran kursus.', 'A course enrolment does not change this candidate stage.');
}

/**
 * The stage gate that uses completion: `ok` when every kind in `requiredKinds` has a COMPLETED
 * enrolment. Which kinds a stage requires is the caller's (the route's or the opening's) decision;
 * e.g. KOREAN_LANGUAGE and SKILL before leaving TRAINING for TESTING on E-7-3.
 * Failure: `TRAINING.COMPLETION_REQUIRED` (details: the missing kinds).
 */
export function checkTrainingCompleted(enrolments: readonly CandidateEnrolmentRef[], requiredKinds: readonly CourseKind[]): Result<void> {
  checkRefs(enrolments);
  if (!Array.isArray(requiredKinds) || requiredKinds.some((k) => !isOneOf(COURSE_KINDS, k))) {
    invalid('TRAINING.INVALID_VALUE', 'Jenis kursus tidak dikenal.', 'Unknown course kind.', { path: ['requiredKinds'] });
  }
  const missing = [...new Set(requiredKinds)].filter((k) => !enrolments.some((e) => e.courseKind === k && e.status === 'COMPLETED'));
  return missing.length > 0 ? err(TrainingErrors.completionRequired(missing)) : ok(undefined);
}

/** One of a candidate's enrolments as the TRAINING exit gate reads it (the gateway joins cohort and course). */
export interface TrainingRecordRef extends CandidateEnrolmentRef {
  readonly courseId: string;
  /** The course title, to name it in the refusal. */
  readonly courseTitle: Messages;
  /** The cohort's status: an ENROLLED member of a COMPLETED cohort awaits their final assessment. */
  readonly cohortStatus: CohortStatus;
  /** True when the enrolment held a seat at some point (enrolled at once or promoted; `seatedAt` set). */
  readonly seated: boolean;
}

export type TrainingExitDecision =
  /** The move is not TRAINING → TESTING: the training gate does not apply. */
  | { readonly gate: 'NOT_APPLICABLE' }
  /** No enrolment ever held a seat (trained before Jembatan, or only waitlisted): today's gates alone. */
  | { readonly gate: 'NO_TRAINING_RECORD'; readonly message: Messages }
  /** At least one course COMPLETED and none still open. */
  | { readonly gate: 'COMPLETED'; readonly completedCourseIds: readonly string[]; readonly message: Messages };

function checkRecords(records: readonly TrainingRecordRef[]): void {
  checkRefs(records);
  records.forEach((r, i) => {
    const title = r.courseTitle as Partial<Messages> | null;
    const bad =
      !isEntityId(r.courseId) ||
      typeof title !== 'object' || title === null || typeof title.id !== 'string' || typeof title.en !== 'string' ||
      !isOneOf(COHORT_STATUSES, r.cohortStatus) ||
      typeof r.seated !== 'boolean';
    if (bad) invalid('TRAINING.INVALID_VALUE', 'Data pendaftaran tidak valid.', 'Invalid enrolment record.', { path: ['enrolments', String(i)] });
  });
}

function titlesOf(records: readonly TrainingRecordRef[]): { id: string; en: string; courseIds: string[]; cohortIds: string[] } {
  const byCourse = new Map<string, Messages>();
  for (const r of records) if (!byCourse.has(r.courseId)) byCourse.set(r.courseId, r.courseTitle);
  const titles = [...byCourse.values()];
  return {
    id: titles.map((t) => t.id).join('; '),
    en: titles.map((t) => t.en).join('; '),
    courseIds: [...byCourse.keys()],
    cohortIds: [...new Set(records.map((r) => r.cohortId))],
  };
}

/**
 * The stage gate out of TRAINING that uses completion ("the stage gates use completion", issue 10),
 * for the move `from → to` of a candidate with these enrolments (every one of theirs, any cohort):
 *
 * - only TRAINING → TESTING is gated (withdrawing or rejecting a candidate in training is not);
 * - a candidate none of whose enrolments ever held a seat (no enrolment at all: trained before
 *   Jembatan or elsewhere; or only waitlisted, then withdrawn or the waitlist closed) keeps the
 *   gates of before: `NO_TRAINING_RECORD`;
 * - otherwise no enrolment may still be ENROLLED (a seat whose outcome is not recorded: the cohort
 *   has not ended, or it is COMPLETED and the member's final assessment is awaited), and at least
 *   one must be COMPLETED. A WAITLISTED enrolment holds no seat and does not hold the candidate back.
 *   Several courses (KIOTEC's welding, Korean and safety) each settle on their own; which kinds a
 *   route requires is `checkTrainingCompleted`'s, and the Korean and skill tests are the TESTING
 *   stage's own gate.
 *
 * Failure: `TRAINING.NOT_COMPLETED` (details.reason `IN_PROGRESS` or `NONE_COMPLETED`, the course and
 * cohort ids; the messages name the courses).
 */
export function decideTrainingExit(from: CandidateStage, to: CandidateStage, records: readonly TrainingRecordRef[]): Result<TrainingExitDecision> {
  for (const [k, s] of [['from', from], ['to', to]] as const) {
    if (!isOneOf(CANDIDATE_STAGES, s)) invalid('TRAINING.INVALID_VALUE', 'Tahap calon tidak dikenal.', 'Unknown candidate stage.', { path: [k] });
  }
  checkRecords(records);
  if (from !== 'TRAINING' || to !== 'TESTING') return ok({ gate: 'NOT_APPLICABLE' });
  const held = records.filter((r) => r.seated);
  if (held.length === 0) {
    return ok({
      gate: 'NO_TRAINING_RECORD',
      message: {
        id: 'Tidak ada catatan kursus di Jembatan: syarat tahap berlaku seperti biasa.',
        en: 'No course record in Jembatan: the stage gates apply as before.',
      },
    });
  }
  const open = held.filter((r) => r.status === 'ENROLLED');
  if (open.length > 0) {
    const t = titlesOf(open);
    return err(TrainingErrors.notCompleted('IN_PROGRESS', t, t.courseIds, t.cohortIds));
  }
  const completed = held.filter((r) => r.status === 'COMPLETED');
  if (completed.length === 0) {
    const t = titlesOf(held);
    return err(TrainingErrors.notCompleted('NONE_COMPLETED', t, t.courseIds, t.cohortIds));
  }
  const t = titlesOf(completed);
  return ok({
    gate: 'COMPLETED',
    completedCourseIds: t.courseIds,
    message: { id: `Kursus selesai: ${t.id}.`, en: `Courses completed: ${t.en}.` },
  });
}
