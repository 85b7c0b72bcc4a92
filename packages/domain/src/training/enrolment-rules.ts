/**
 * Rules across a candidate's enrolments (pure, over plain records the gateway reads in its
 * transaction):
 * - `checkOneActiveEnrolmentPerKind`: a candidate has at most one active (ENROLLED or WAITLISTED)
 *   enrolment per course kind, whatever the cohort;
 * - `stageChangeForEnrolment`: which candidate stage change an enrolment implies (enrolling moves a
 *   SELECTED candidate to TRAINING: entities/candidate-stage.ts allows SELECTED → TRAINING only);
 * - `checkTrainingCompleted`: the stage gate out of TRAINING uses completion: each required course
 *   kind has a COMPLETED enrolment.
 */
import { err, invalid, ok, type Messages, type Result } from '../shared/domain-error';
import { isOneOf } from '../shared/vocabulary';
import { CANDIDATE_STAGES, isCandidateTransitionAllowed, type CandidateStage } from '../entities/candidate-stage';
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
