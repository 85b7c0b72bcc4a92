/**
 * Inputs of training (issue 10): the cohort list filter (with its MikroORM filter), the mutations'
 * inputs and the plan calculator's. Shapes are checked here (lengths, ranges, UUIDs); every business
 * rule (scales, capacity, dates, the attendance rule) is the domain's.
 */
import type { FilterQuery } from '@mikro-orm/core';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ATTENDANCE_MARKS,
  COHORT_STATUSES,
  COURSE_KINDS,
  COURSE_TARGET_KINDS,
  EXCUSED_ABSENCE_POLICIES,
  LEAVE_REASONS,
  OCCUPATIONS,
  PRACTICE_TESTS,
  SKILL_TARGET_CERTIFIERS,
  TOPIK_TESTS,
  TRAINING_PROVIDER_TYPES,
  TRAINING_VENUE_KINDS,
  type AttendanceMark,
  type CohortStatus,
  type CourseKind,
  type CourseTargetKind,
  type ExcusedAbsencePolicy,
  type LeaveReason,
  type Occupation,
  type PracticeTest,
  type SkillTargetCertifier,
  type TopikTest,
  type TrainingProviderType,
  type TrainingVenueKind,
} from '../../domain';
import type { TrainingCohortRecord } from '../../persistence/training.schema';
import { OccupationEnum } from '../enums';
import { DateScalar, isoDateOf } from '../scalars';
import { MAX_FILTER_VALUES, PageArgs } from '../types/connection.type';
import { BilingualTextInput } from '../types/mou.type';
import { TopikTestEnum } from '../types/profile.type';
import {
  ASSESSMENT_KINDS,
  AssessmentKindEnum,
  AttendanceMarkEnum,
  CourseKindEnum,
  CourseTargetKindEnum,
  ExcusedAbsencePolicyEnum,
  KoreanTestKindEnum,
  LeaveReasonEnum,
  SkillTargetCertifierEnum,
  TrainingCohortStatusEnum,
  TrainingProviderTypeEnum,
  TrainingVenueKindEnum,
  ENROLMENT_LEAVES,
  EnrolmentLeaveEnum,
  type AssessmentKind,
  type EnrolmentLeave,
} from '../types/training.type';
import { UUID } from './uuid';

const uuidMessage = { message: '$property must be a UUID' };
const AMOUNT = /^[0-9]{1,15}$/;
const RATIO = /^[0-9]{1,12}(\.[0-9]{1,12}|\/[0-9]{1,12})?$/;
const ratioMessage = { message: '$property must be a decimal ("0.8") or a fraction ("4/5")' };

// ---------------------------------------------------------------- lists

@InputType({ description: 'Filters for the cohort list (all optional, combined with AND).' })
export class TrainingCohortFilter {
  @Field(() => [ID], { nullable: true, description: 'Only cohorts of these providers (party ids).' })
  @IsOptional() @ArrayMaxSize(MAX_FILTER_VALUES) @Matches(UUID, { each: true, ...uuidMessage })
  providerPartyIds?: string[];

  @Field(() => [CourseKindEnum], { nullable: true, description: 'Only these course kinds.' })
  @IsOptional() @ArrayMaxSize(MAX_FILTER_VALUES) @IsIn([...COURSE_KINDS], { each: true })
  courseKinds?: CourseKind[];

  @Field(() => [TrainingCohortStatusEnum], { nullable: true, description: 'Only these statuses.' })
  @IsOptional() @ArrayMaxSize(MAX_FILTER_VALUES) @IsIn([...COHORT_STATUSES], { each: true })
  statuses?: CohortStatus[];

  @Field(() => String, { nullable: true, description: 'Only cohorts meeting in this kecamatan (exact name, as recorded).' })
  @IsOptional() @MinLength(1) @MaxLength(100)
  kecamatan?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only cohorts starting on or after this date.' })
  @IsOptional()
  startsFrom?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Only cohorts starting on or before this date.' })
  @IsOptional()
  startsUntil?: Date;
}

@ArgsType()
export class TrainingCohortsArgs extends PageArgs {
  @Field(() => TrainingCohortFilter, { nullable: true, description: 'Filters.' })
  @IsOptional() @ValidateNested()
  filter?: TrainingCohortFilter;
}

export function trainingCohortWhere(filter: TrainingCohortFilter | undefined): FilterQuery<TrainingCohortRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.providerPartyIds?.length) where['providerPartyId'] = { $in: filter.providerPartyIds.map((id) => id.toLowerCase()) };
  if (filter?.courseKinds?.length) where['courseKind'] = { $in: filter.courseKinds };
  if (filter?.statuses?.length) where['status'] = { $in: filter.statuses };
  if (filter?.kecamatan) where['kecamatan'] = filter.kecamatan;
  const start: Record<string, string> = {};
  if (filter?.startsFrom) start['$gte'] = isoDateOf(filter.startsFrom);
  if (filter?.startsUntil) start['$lte'] = isoDateOf(filter.startsUntil);
  if (Object.keys(start).length) where['startDate'] = start;
  return where as FilterQuery<TrainingCohortRecord>;
}

@InputType({ description: 'Filters for the course list (all optional, combined with AND).' })
export class CourseFilter {
  @Field(() => [ID], { nullable: true, description: 'Only courses of these providers (party ids).' })
  @IsOptional() @ArrayMaxSize(MAX_FILTER_VALUES) @Matches(UUID, { each: true, ...uuidMessage })
  providerPartyIds?: string[];

  @Field(() => [CourseKindEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional() @ArrayMaxSize(MAX_FILTER_VALUES) @IsIn([...COURSE_KINDS], { each: true })
  kinds?: CourseKind[];
}

@ArgsType()
export class CoursesArgs extends PageArgs {
  @Field(() => CourseFilter, { nullable: true, description: 'Filters.' })
  @IsOptional() @ValidateNested()
  filter?: CourseFilter;
}

// ---------------------------------------------------------------- courses

@InputType({ description: 'An LPK’s licence.' })
export class LpkLicenceInput {
  @Field(() => String, { description: 'Licence number.' })
  @MinLength(1) @MaxLength(100)
  number!: string;

  @Field(() => DateScalar, { description: 'First day of validity.' })
  validFrom!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity (absent: the licence states none).' })
  @IsOptional()
  validUntil?: Date;
}

@InputType({ description: 'What a course prepares for: set the fields of its kind only.' })
export class CourseTargetInput {
  @Field(() => CourseTargetKindEnum, { description: 'The kind of target.' })
  @IsIn([...COURSE_TARGET_KINDS])
  kind!: CourseTargetKind;

  @Field(() => Int, { nullable: true, description: 'EPS_TOPIK: the target score.' })
  @IsOptional() @IsInt() @Min(0) @Max(1000)
  score?: number;

  @Field(() => TopikTestEnum, { nullable: true, description: 'TOPIK: which test.' })
  @IsOptional() @IsIn([...TOPIK_TESTS])
  test?: TopikTest;

  @Field(() => Int, { nullable: true, description: 'TOPIK / PILOT_KOREAN: the target level.' })
  @IsOptional() @IsInt() @Min(0) @Max(1000)
  level?: number;

  @Field(() => SkillTargetCertifierEnum, { nullable: true, description: 'SKILL_CERTIFICATE: who certifies.' })
  @IsOptional() @IsIn([...SKILL_TARGET_CERTIFIERS])
  certifier?: SkillTargetCertifier;

  @Field(() => OccupationEnum, { nullable: true, description: 'SKILL_CERTIFICATE: the occupation.' })
  @IsOptional() @IsIn([...OCCUPATIONS])
  occupation?: Occupation;

  @Field(() => String, { nullable: true, description: 'SKILL_CERTIFICATE: the qualification, e.g. "FCAW 3G (X-ray)".' })
  @IsOptional() @MaxLength(500)
  qualification?: string;
}

@InputType({ description: 'The provider’s published attendance rule (required: there is no default).' })
export class AttendanceRuleInput {
  @Field(() => String, { description: 'Share of sessions required, exactly as published: a decimal ("0.8") or a fraction ("4/5"), above 0 and at most 1.' })
  @Matches(RATIO, ratioMessage)
  requiredShare!: string;

  @Field(() => ExcusedAbsencePolicyEnum, { description: 'How EXCUSED sessions count.' })
  @IsIn([...EXCUSED_ABSENCE_POLICIES])
  excused!: ExcusedAbsencePolicy;

  @Field(() => String, { description: 'Where the rule is published (the provider’s regulation, a brochure, a contract clause).' })
  @MinLength(1) @MaxLength(500)
  statedBy!: string;
}

@InputType({ description: 'A new course of a training provider.' })
export class CreateCourseInput {
  @Field(() => BilingualTextInput, { description: 'Title.' })
  @ValidateNested()
  title!: BilingualTextInput;

  @Field(() => CourseKindEnum, { description: 'What it teaches.' })
  @IsIn([...COURSE_KINDS])
  kind!: CourseKind;

  @Field(() => ID, { description: 'The provider: a party of kind TRAINING_PROVIDER.' })
  @Matches(UUID, uuidMessage)
  providerPartyId!: string;

  @Field(() => TrainingProviderTypeEnum, { description: 'The kind of provider (an LPK states its licence).' })
  @IsIn([...TRAINING_PROVIDER_TYPES])
  providerType!: TrainingProviderType;

  @Field(() => LpkLicenceInput, { nullable: true, description: 'The LPK’s licence (LPK only).' })
  @IsOptional() @ValidateNested()
  licence?: LpkLicenceInput;

  @Field(() => CourseTargetInput, { nullable: true, description: 'What it prepares for (a Korean course: a Korean test; a skill course: a certificate; safety and orientation: none).' })
  @IsOptional() @ValidateNested()
  target?: CourseTargetInput;

  @Field(() => Int, { description: 'Hours of teaching.' })
  @IsInt() @Min(1) @Max(10_000)
  hours!: number;

  @Field(() => String, { description: 'Fee per participant, whole rupiah, as a decimal string.' })
  @Matches(AMOUNT, { message: '$property must be a whole number of rupiah, as a decimal string' })
  feeIdr!: string;

  @Field(() => AttendanceRuleInput, { description: 'The provider’s published attendance rule.' })
  @ValidateNested()
  attendanceRule!: AttendanceRuleInput;

  @Field(() => Boolean, { description: 'Whether completing also needs a passed final assessment.' })
  @IsBoolean()
  hasFinalAssessment!: boolean;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class CreateCourseArgs {
  @Field(() => CreateCourseInput, { description: 'The course.' })
  @ValidateNested()
  input!: CreateCourseInput;
}

// ---------------------------------------------------------------- cohorts

@InputType({ description: 'Where a cohort meets.' })
export class TrainingVenueInput {
  @Field(() => TrainingVenueKindEnum, { description: 'Kind of venue.' })
  @IsIn([...TRAINING_VENUE_KINDS])
  kind!: TrainingVenueKind;

  @Field(() => String, { description: 'Name of the venue.' })
  @MinLength(1) @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'Kecamatan.' })
  @MinLength(1) @MaxLength(100)
  kecamatan!: string;

  @Field(() => String, { nullable: true, description: 'Kelurahan / desa.' })
  @IsOptional() @MaxLength(100)
  kelurahan?: string;
}

@InputType({ description: 'A scheduled session (numbered in date order at creation).' })
export class TrainingSessionInput {
  @Field(() => DateScalar, { description: 'Date, within the cohort’s dates.' })
  date!: Date;

  @Field(() => String, { nullable: true, description: 'Topic.' })
  @IsOptional() @MaxLength(500)
  topic?: string;
}

@InputType({ description: 'A new cohort of a course (created PLANNED).' })
export class CreateTrainingCohortInput {
  @Field(() => ID, { description: 'The course.' })
  @Matches(UUID, uuidMessage)
  courseId!: string;

  @Field(() => TrainingVenueInput, { description: 'Where it meets.' })
  @ValidateNested()
  venue!: TrainingVenueInput;

  @Field(() => Int, { description: 'Seats (1 to 1000).' })
  @IsInt()
  capacity!: number;

  @Field(() => DateScalar, { description: 'First day.' })
  startDate!: Date;

  @Field(() => DateScalar, { description: 'Last day (not before the first).' })
  endDate!: Date;

  @Field(() => Int, { description: 'Days from the start date during which a freed seat still goes to the first on the waitlist (0 to 366; no default).' })
  @IsInt()
  promotionWindowDays!: number;

  @Field(() => [TrainingSessionInput], { nullable: true, description: 'Sessions (at most 500).' })
  @IsOptional() @ArrayMaxSize(500) @ValidateNested({ each: true })
  sessions?: TrainingSessionInput[];

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class CreateTrainingCohortArgs {
  @Field(() => CreateTrainingCohortInput, { description: 'The cohort.' })
  @ValidateNested()
  input!: CreateTrainingCohortInput;
}

@ArgsType()
export class TransitionTrainingCohortArgs {
  @Field(() => ID, { description: 'The cohort.' }) id!: string;

  @Field(() => TrainingCohortStatusEnum, { description: 'The status to move to.' })
  @IsIn([...COHORT_STATUSES])
  to!: CohortStatus;

  @Field(() => String, { nullable: true, description: 'Note (required to cancel).' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class EnrollCandidateArgs {
  @Field(() => ID, { description: 'The cohort (ENROLLING).' }) cohortId!: string;
  @Field(() => ID, { description: 'The candidate.' }) candidateId!: string;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class WithdrawEnrolmentArgs {
  @Field(() => ID, { description: 'The cohort.' }) cohortId!: string;
  @Field(() => ID, { description: 'The candidate.' }) candidateId!: string;

  @Field(() => LeaveReasonEnum, { description: 'Why (OTHER needs a note).' })
  @IsIn([...LEAVE_REASONS])
  reason!: LeaveReason;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;

  @Field(() => EnrolmentLeaveEnum, { nullable: true, description: 'WITHDRAWN (default) or DROPPED (an ENROLLED member of a RUNNING cohort drops out).' })
  @IsOptional() @IsIn([...ENROLMENT_LEAVES])
  leave?: EnrolmentLeave;
}

// ---------------------------------------------------------------- attendance and assessments

@InputType({ description: 'One member’s mark.' })
export class AttendanceMarkInput {
  @Field(() => ID, { description: 'The member (an ENROLLED candidate).' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => AttendanceMarkEnum, { description: 'The mark.' })
  @IsIn([...ATTENDANCE_MARKS])
  mark!: AttendanceMark;
}

@InputType({ description: 'A whole class’s attendance for one session: every ENROLLED member, once.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The cohort (RUNNING).' })
  @Matches(UUID, uuidMessage)
  cohortId!: string;

  @Field(() => Int, { description: 'The session number.' })
  @IsInt()
  sessionNumber!: number;

  @Field(() => [AttendanceMarkInput], { description: 'The marks (at most 1000).' })
  @ArrayMaxSize(1000) @ValidateNested({ each: true })
  marks!: AttendanceMarkInput[];
}

@ArgsType()
export class RecordAttendanceArgs {
  @Field(() => RecordAttendanceInput, { description: 'The session’s attendance.' })
  @ValidateNested()
  input!: RecordAttendanceInput;
}

@InputType({ description: 'A practice score (kind PRACTICE: test, takenOn, score) or the final assessment (kind FINAL: passed, assessedOn).' })
export class RecordAssessmentInput {
  @Field(() => ID, { description: 'The cohort.' })
  @Matches(UUID, uuidMessage)
  cohortId!: string;

  @Field(() => ID, { description: 'The member.' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => AssessmentKindEnum, { description: 'PRACTICE or FINAL.' })
  @IsIn([...ASSESSMENT_KINDS])
  kind!: AssessmentKind;

  @Field(() => KoreanTestKindEnum, { nullable: true, description: 'PRACTICE: the test practised.' })
  @IsOptional() @IsIn([...PRACTICE_TESTS])
  test?: PracticeTest;

  @Field(() => DateScalar, { nullable: true, description: 'PRACTICE: when it was taken.' })
  @IsOptional()
  takenOn?: Date;

  @Field(() => Int, { nullable: true, description: 'PRACTICE: points, or a TOPIK-scale level for the pilot’s test, on the official scale.' })
  @IsOptional() @IsInt()
  score?: number;

  @Field(() => Boolean, { nullable: true, description: 'FINAL: whether it was passed.' })
  @IsOptional() @IsBoolean()
  passed?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'FINAL: when it was assessed.' })
  @IsOptional()
  assessedOn?: Date;
}

@ArgsType()
export class RecordAssessmentArgs {
  @Field(() => RecordAssessmentInput, { description: 'The assessment.' })
  @ValidateNested()
  input!: RecordAssessmentInput;
}

@InputType({ description: 'An official Korean test result, written into the candidate’s profile.' })
export class RecordTestResultInput {
  @Field(() => ID, { description: 'The candidate.' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => KoreanTestKindEnum, { description: 'The test.' })
  @IsIn([...PRACTICE_TESTS])
  test!: PracticeTest;

  @Field(() => DateScalar, { description: 'When it was taken.' })
  takenOn!: Date;

  @Field(() => Int, { nullable: true, description: 'EPS_TOPIK, TOPIK_I, TOPIK_II: the points.' })
  @IsOptional() @IsInt()
  score?: number;

  @Field(() => Int, { nullable: true, description: 'PILOT_KOREAN: the level reached on the TOPIK scale.' })
  @IsOptional() @IsInt()
  level?: number;

  @Field(() => Boolean, { nullable: true, description: 'PILOT_KOREAN: whether the speaking test was passed.' })
  @IsOptional() @IsBoolean()
  speakingPassed?: boolean;

  @Field(() => String, { nullable: true, description: 'EPS_TOPIK: the round, e.g. "2026 manufacturing (Indonesia)".' })
  @IsOptional() @MaxLength(200)
  round?: string;
}

@ArgsType()
export class RecordTestResultArgs {
  @Field(() => RecordTestResultInput, { description: 'The result.' })
  @ValidateNested()
  input!: RecordTestResultInput;
}

// ---------------------------------------------------------------- plan

@InputType({ description: 'The plan to a placement target; every figure is an input (no source gives cohort yields, trainer capacity or test dates).' })
export class TrainingPlanInput {
  @Field(() => Int, { description: 'People to place (depart) by targetDate (0 to 100000).' }) @IsInt() target!: number;
  @Field(() => DateScalar, { description: 'The date to place them by.' }) targetDate!: Date;
  @Field(() => DateScalar, { description: 'Earliest day a cohort can start.' }) planStart!: Date;
  @Field(() => Int, { description: 'Participants per cohort (1 to 1000).' }) @IsInt() cohortSize!: number;
  @Field(() => Int, { description: 'Cohort length in weeks (1 to 520).' }) @IsInt() cohortWeeks!: number;
  @Field(() => Int, { description: 'Cohorts the providers can run at once (trainers, rooms).' }) @IsInt() maxConcurrentCohorts!: number;

  @Field(() => [DateScalar], { description: 'Official test dates (at most 1000).' })
  @ArrayMaxSize(1000)
  officialTestDates!: Date[];

  @Field(() => Int, { description: 'Days from the test to departure (results, medical, documents, visa).' }) @IsInt() passToDepartureDays!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Dropout rate, an exact fraction from 0 to 1: "1/10", "0.1" or basis points "1000/10000" (an assumption, source INPUT). Omitted: the rate observed in the stored records (source OBSERVED): enrolments that left a seat (DROPPED, or WITHDRAWN after being seated) ÷ seated enrolments with a settled result (COMPLETED, FAILED, DROPPED, WITHDRAWN after a seat), over the cohorts of `observedFrom`; refused (TRAINING.OBSERVED_RATE_UNAVAILABLE) when they are fewer than `disclosure.minCellCount` or the caller may not read them.',
  })
  @IsOptional()
  @Matches(RATIO, ratioMessage)
  dropoutRate?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Pass rate of the official test, an exact fraction from 0 to 1 (an assumption, source INPUT). Omitted: the official pass rate observed in the stored records (source OBSERVED): members of KOREAN_LANGUAGE cohorts of `observedFrom` who passed their route’s official Korean test ÷ those who sat it (the `officialPass` of `trainingAggregates`); refused (TRAINING.OBSERVED_RATE_UNAVAILABLE) like the dropout rate.',
  })
  @IsOptional()
  @Matches(RATIO, ratioMessage)
  passRate?: string;

  @Field(() => TrainingCohortFilter, {
    nullable: true,
    description:
      'The cohorts an omitted rate is observed over (the `trainingAggregates` filter; default: every cohort the caller may read in `trainingAggregates`). Unused when both rates are given.',
  })
  @IsOptional()
  @ValidateNested()
  observedFrom?: TrainingCohortFilter;
}

@ArgsType()
export class TrainingPlanArgs {
  @Field(() => TrainingPlanInput, { description: 'The plan’s inputs (nothing is stored).' })
  @ValidateNested()
  input!: TrainingPlanInput;
}
