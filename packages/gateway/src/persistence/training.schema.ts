/**
 * Training (issue 10): tables `training_course` (domain `Course`), `training_cohort` with its
 * children `training_cohort_status_change`, `training_session`, `training_attendance_mark`,
 * `training_enrolment`, `training_practice_score` and `training_final_assessment` (domain `Cohort`).
 * The cohort copies its course's provider and kind into columns (the lists filter on them, and the
 * "one active enrolment per course kind" check reads the enrolment's kind without a join); the
 * course's rules as the cohort was opened under them are one JSON value (never filtered on).
 * `enrolled_count` / `waitlisted_count` follow the enrolment rows at every write; the CHECK
 * `enrolled_count <= capacity` backs the seat rule in the database.
 */
import {
  ATTENDANCE_MARKS,
  COHORT_STATUSES,
  COURSE_KINDS,
  ENROLMENT_REASON_CODES,
  ENROLMENT_STATUSES,
  EXCUSED_ABSENCE_POLICIES,
  PRACTICE_TESTS,
  TRAINING_PROVIDER_TYPES,
  TRAINING_VENUE_KINDS,
  type AttendanceMark,
  type CohortRules,
  type CohortStatus,
  type CourseKind,
  type CourseTarget,
  type EnrolmentReasonCode,
  type EnrolmentStatus,
  type ExcusedAbsencePolicy,
  type PracticeTest,
  type TrainingProviderType,
  type TrainingVenueKind,
} from '../domain';
import { EntitySchema } from '@mikro-orm/core';
import { foreignKey } from './foreign-key';
import { CandidateRecord } from './candidate.schema';
import { PartyRecord } from './party.schema';

export class TrainingCourseRecord {
  id!: string;
  providerPartyId!: string;
  providerType!: TrainingProviderType;
  licenceNumber!: string | null;
  licenceValidFrom!: string | null;
  licenceValidUntil!: string | null;
  kind!: CourseKind;
  titleId!: string;
  titleEn!: string;
  target!: CourseTarget | null;
  hours!: number;
  /** Whole rupiah (bigint: a string from the driver). */
  feeIdr!: string;
  attendanceRequiredShare!: string;
  attendanceExcused!: ExcusedAbsencePolicy;
  attendanceStatedBy!: string;
  hasFinalAssessment!: boolean;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class TrainingCohortRecord {
  id!: string;
  courseId!: string;
  providerPartyId!: string;
  courseKind!: CourseKind;
  venueKind!: TrainingVenueKind;
  venueName!: string;
  kecamatan!: string;
  kelurahan!: string | null;
  capacity!: number;
  startDate!: string;
  endDate!: string;
  promotionWindowDays!: number;
  rules!: CohortRules;
  status!: CohortStatus;
  enrolledCount!: number;
  waitlistedCount!: number;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class TrainingCohortStatusChangeRecord {
  id!: number;
  cohortId!: string;
  sequence!: number;
  fromStatus!: CohortStatus | null;
  toStatus!: CohortStatus;
  at!: Date;
  actor!: string;
  note!: string | null;
}

export class TrainingSessionRecord {
  id!: number;
  cohortId!: string;
  number!: number;
  date!: string;
  topic!: string | null;
  /** Set when the class's attendance for the session is recorded (null: not yet). */
  attendanceRecordedAt!: Date | null;
  attendanceActor!: string | null;
}

export class TrainingAttendanceMarkRecord {
  id!: number;
  cohortId!: string;
  sessionNumber!: number;
  candidateId!: string;
  mark!: AttendanceMark;
}

export class TrainingEnrolmentRecord {
  id!: number;
  cohortId!: string;
  candidateId!: string;
  courseKind!: CourseKind;
  sequence!: number;
  status!: EnrolmentStatus;
  requestedAt!: Date;
  seatedAt!: Date | null;
  endedAt!: Date | null;
  reason!: EnrolmentReasonCode | null;
  note!: string | null;
}

export class TrainingPracticeScoreRecord {
  id!: number;
  cohortId!: string;
  candidateId!: string;
  /** Order of recording within the cohort: 0, 1, 2, … */
  position!: number;
  test!: PracticeTest;
  takenOn!: string;
  score!: number;
}

export class TrainingFinalAssessmentRecord {
  id!: number;
  cohortId!: string;
  candidateId!: string;
  passed!: boolean;
  assessedOn!: string;
}

const cohortRef = (fieldName: string, index?: string) =>
  foreignKey(() => TrainingCohortRecord, fieldName, { nullable: false, deleteRule: 'cascade', ...(index ? { index } : {}) });

export const TrainingCourseSchema = new EntitySchema<TrainingCourseRecord>({
  class: TrainingCourseRecord,
  tableName: 'training_course',
  comment: 'Courses of training providers (Korean language, skills, safety, orientation); a course never changes after creation',
  properties: {
    id: { type: 'uuid', primary: true },
    providerPartyId: foreignKey(() => PartyRecord, 'provider_party_id', { index: 'training_course_provider_party_id_idx' }),
    providerType: { enum: true, items: () => [...TRAINING_PROVIDER_TYPES], type: 'text' },
    licenceNumber: { type: 'string', length: 100, nullable: true },
    licenceValidFrom: { type: 'date', nullable: true },
    licenceValidUntil: { type: 'date', nullable: true },
    kind: { enum: true, items: () => [...COURSE_KINDS], type: 'text', index: 'training_course_kind_idx' },
    titleId: { type: 'string', length: 500 },
    titleEn: { type: 'string', length: 500 },
    target: { type: 'json', nullable: true },
    hours: { type: 'integer' },
    feeIdr: { type: 'bigint' },
    attendanceRequiredShare: { type: 'string', length: 64 },
    attendanceExcused: { enum: true, items: () => [...EXCUSED_ABSENCE_POLICIES], type: 'text' },
    attendanceStatedBy: { type: 'string', length: 500 },
    hasFinalAssessment: { type: 'boolean' },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'training_course_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    { name: 'training_course_hours_check', expression: 'hours > 0' },
    { name: 'training_course_fee_check', expression: 'fee_idr >= 0' },
    {
      name: 'training_course_licence_check',
      expression: `(provider_type = 'LPK') = (licence_number is not null and licence_valid_from is not null) and (licence_number is null) = (licence_valid_from is null)`,
    },
  ],
});

export const TrainingCohortSchema = new EntitySchema<TrainingCohortRecord>({
  class: TrainingCohortRecord,
  tableName: 'training_cohort',
  comment: 'Cohorts (angkatan) of a course at a venue, with capacity, dates and status (history in training_cohort_status_change)',
  properties: {
    id: { type: 'uuid', primary: true },
    courseId: foreignKey(() => TrainingCourseRecord, 'course_id', { index: 'training_cohort_course_id_idx' }),
    providerPartyId: foreignKey(() => PartyRecord, 'provider_party_id', { index: 'training_cohort_provider_party_id_idx' }),
    courseKind: { enum: true, items: () => [...COURSE_KINDS], type: 'text', index: 'training_cohort_course_kind_idx' },
    venueKind: { enum: true, items: () => [...TRAINING_VENUE_KINDS], type: 'text' },
    venueName: { type: 'text' },
    kecamatan: { type: 'string', length: 100, index: 'training_cohort_kecamatan_idx' },
    kelurahan: { type: 'string', length: 100, nullable: true },
    capacity: { type: 'integer' },
    startDate: { type: 'date', index: 'training_cohort_start_date_idx' },
    endDate: { type: 'date' },
    promotionWindowDays: { type: 'integer' },
    rules: { type: 'json' },
    status: { enum: true, items: () => [...COHORT_STATUSES], type: 'text', index: 'training_cohort_status_idx' },
    enrolledCount: { type: 'integer', default: 0 },
    waitlistedCount: { type: 'integer', default: 0 },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'training_cohort_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    { name: 'training_cohort_capacity_check', expression: 'capacity > 0' },
    { name: 'training_cohort_dates_check', expression: 'end_date >= start_date' },
    { name: 'training_cohort_counts_check', expression: 'enrolled_count >= 0 and waitlisted_count >= 0 and enrolled_count <= capacity' },
    { name: 'training_cohort_window_check', expression: 'promotion_window_days >= 0' },
  ],
});

export const TrainingCohortStatusChangeSchema = new EntitySchema<TrainingCohortStatusChangeRecord>({
  class: TrainingCohortStatusChangeRecord,
  tableName: 'training_cohort_status_change',
  comment: 'History of cohort status changes (append-only through the API)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    sequence: { type: 'integer' },
    fromStatus: { enum: true, items: () => [...COHORT_STATUSES], type: 'text', nullable: true },
    toStatus: { enum: true, items: () => [...COHORT_STATUSES], type: 'text' },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
    note: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'training_cohort_status_change_cohort_sequence_unique', properties: ['cohortId', 'sequence'] }],
});

export const TrainingSessionSchema = new EntitySchema<TrainingSessionRecord>({
  class: TrainingSessionRecord,
  tableName: 'training_session',
  comment: 'Scheduled sessions of a cohort, with when the class attendance was recorded',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    number: { type: 'integer' },
    date: { type: 'date' },
    topic: { type: 'text', nullable: true },
    attendanceRecordedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    attendanceActor: { type: 'string', length: 300, nullable: true },
  },
  uniques: [{ name: 'training_session_cohort_number_unique', properties: ['cohortId', 'number'] }],
  checks: [
    { name: 'training_session_number_check', expression: 'number > 0' },
    { name: 'training_session_attendance_check', expression: '(attendance_recorded_at is null) = (attendance_actor is null)' },
  ],
});

export const TrainingAttendanceMarkSchema = new EntitySchema<TrainingAttendanceMarkRecord>({
  class: TrainingAttendanceMarkRecord,
  tableName: 'training_attendance_mark',
  comment: 'Attendance marks of a session, one per enrolled member (PRESENT, ABSENT, EXCUSED)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    sessionNumber: { type: 'integer' },
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'training_attendance_mark_candidate_id_idx' }),
    mark: { enum: true, items: () => [...ATTENDANCE_MARKS], type: 'text' },
  },
  uniques: [{ name: 'training_attendance_mark_unique', properties: ['cohortId', 'sessionNumber', 'candidateId'] }],
});

export const TrainingEnrolmentSchema = new EntitySchema<TrainingEnrolmentRecord>({
  class: TrainingEnrolmentRecord,
  tableName: 'training_enrolment',
  comment: 'Enrolments of candidates in cohorts, in arrival order (ENROLLED, WAITLISTED, then a final status with its reason)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'training_enrolment_candidate_id_idx' }),
    courseKind: { enum: true, items: () => [...COURSE_KINDS], type: 'text' },
    sequence: { type: 'integer' },
    status: { enum: true, items: () => [...ENROLMENT_STATUSES], type: 'text', index: 'training_enrolment_status_idx' },
    requestedAt: { type: 'datetime', columnType: 'timestamptz' },
    seatedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    endedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    reason: { enum: true, items: () => [...ENROLMENT_REASON_CODES], type: 'text', nullable: true },
    note: { type: 'text', nullable: true },
  },
  uniques: [
    { name: 'training_enrolment_cohort_sequence_unique', properties: ['cohortId', 'sequence'] },
    { name: 'training_enrolment_cohort_candidate_unique', properties: ['cohortId', 'candidateId'] },
  ],
  checks: [
    { name: 'training_enrolment_sequence_check', expression: 'sequence > 0' },
    {
      name: 'training_enrolment_state_check',
      expression: `(status = 'ENROLLED' or status = 'WAITLISTED') = (ended_at is null and reason is null) and (status <> 'ENROLLED' or seated_at is not null) and (status <> 'WAITLISTED' or seated_at is null)`,
    },
  ],
});

export const TrainingPracticeScoreSchema = new EntitySchema<TrainingPracticeScoreRecord>({
  class: TrainingPracticeScoreRecord,
  tableName: 'training_practice_score',
  comment: 'Practice (mock) Korean test scores of cohort members, on the official scales',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'training_practice_score_candidate_id_idx' }),
    position: { type: 'integer' },
    test: { enum: true, items: () => [...PRACTICE_TESTS], type: 'text' },
    takenOn: { type: 'date' },
    score: { type: 'integer' },
  },
  uniques: [{ name: 'training_practice_score_cohort_position_unique', properties: ['cohortId', 'position'] }],
  checks: [{ name: 'training_practice_score_check', expression: 'score >= 0 and position >= 0' }],
});

export const TrainingFinalAssessmentSchema = new EntitySchema<TrainingFinalAssessmentRecord>({
  class: TrainingFinalAssessmentRecord,
  tableName: 'training_final_assessment',
  comment: 'Final assessment results of cohort members (courses that have one)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    cohortId: cohortRef('cohort_id'),
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'training_final_assessment_candidate_id_idx' }),
    passed: { type: 'boolean' },
    assessedOn: { type: 'date' },
  },
  uniques: [{ name: 'training_final_assessment_cohort_candidate_unique', properties: ['cohortId', 'candidateId'] }],
});

export const TRAINING_SCHEMAS = [
  TrainingCourseSchema,
  TrainingCohortSchema,
  TrainingCohortStatusChangeSchema,
  TrainingSessionSchema,
  TrainingAttendanceMarkSchema,
  TrainingEnrolmentSchema,
  TrainingPracticeScoreSchema,
  TrainingFinalAssessmentSchema,
] as const;
