/**
 * GraphQL types of training (issue 10): courses and cohorts (public, like the vacancy board), a
 * cohort's members and every candidate's enrolments, attendance, practice scores and readiness
 * (personal: the record rule), the results of the enrolment mutations, and the public plan calculator.
 * Enumerations come from the domain's vocabulary (packages/domain/src/training).
 */
import {
  ATTENDANCE_MARKS,
  COHORT_STATUSES,
  COURSE_KINDS,
  COURSE_TARGET_KINDS,
  ENROLMENT_REASON_CODES,
  ENROLMENT_STATUSES,
  EXCUSED_ABSENCE_POLICIES,
  LEAVE_REASONS,
  PLAN_CONSTRAINTS,
  PRACTICE_TESTS,
  READINESS_ITEM_KINDS,
  READINESS_STATUSES,
  SKILL_TARGET_CERTIFIERS,
  TRAINING_PROVIDER_TYPES,
  TRAINING_VENUE_KINDS,
  type AttendanceMark,
  type CandidateProfile,
  type CohortStatus,
  type CourseKind,
  type CourseTargetKind,
  type EnrolmentReasonCode,
  type EnrolmentStatus,
  type ExcusedAbsencePolicy,
  type Occupation,
  type PlanConstraint,
  type PracticeTest,
  type ReadinessItemKind,
  type ReadinessStatus,
  type Route,
  type SkillTargetCertifier,
  type TopikTest,
  type TrainingProviderType,
  type TrainingVenueKind,
} from '../../domain';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PERSONAL_RULE, STAFF_RULE, TRAINEE_RULE } from '../../security/rules';
import { OccupationEnum, RouteEnum } from '../enums';
import { DateScalar, DateTimeScalar } from '../scalars';
import { BilingualText } from './label.type';
import { Money } from './money.type';
import { TopikTestEnum } from './profile.type';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

function register<T extends string>(values: readonly T[], name: string, description: string, describe: Readonly<Record<T, string>>): { [K in T]: K } {
  const e = enumOf(values);
  const valuesConfig = Object.fromEntries(values.map((v) => [v, { description: describe[v] }])) as Partial<Record<T, { description: string }>>;
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}

// ---------------------------------------------------------------- enums

export const CourseKindEnum = register(COURSE_KINDS, 'CourseKind', 'What a course teaches.', {
  KOREAN_LANGUAGE: 'Korean language (for EPS-TOPIK, TOPIK or the provincial pilot’s test).',
  SKILL: 'A skill (e.g. welding, ship painting, ship electricity), for a certificate.',
  SAFETY: 'Work safety.',
  ORIENTATION: 'Orientation.',
});

export const TrainingProviderTypeEnum = register(TRAINING_PROVIDER_TYPES, 'TrainingProviderType', 'The kind of training provider (a party of kind TRAINING_PROVIDER).', {
  LPK: 'Lembaga Pelatihan Kerja: a licensed private or community training institute (carries a licence number and validity).',
  BBPVP: 'Balai Besar Pelatihan Vokasi dan Produktivitas: the ministry’s vocational centre.',
  TRAINING_CENTRE: 'Another centre (e.g. KIOTEC, the Korean shipbuilding training centre in Serang).',
});

export const TrainingVenueKindEnum = register(TRAINING_VENUE_KINDS, 'TrainingVenueKind', 'Where a cohort meets.', {
  KAMPUNG_BAHASA: 'A kampung bahasa (language village).',
  LPK: 'An LPK’s premises.',
  BBPVP: 'A BBPVP centre.',
  TRAINING_CENTRE: 'Another training centre.',
  OTHER: 'Another venue (named).',
});

export const TrainingCohortStatusEnum = register(COHORT_STATUSES, 'TrainingCohortStatus', 'Where a cohort stands (PLANNED → ENROLLING → RUNNING → COMPLETED, or CANCELLED).', {
  PLANNED: 'Planned: not yet open for enrolment.',
  ENROLLING: 'Open for enrolment: ENROLLED while seats remain, WAITLISTED after that.',
  RUNNING: 'Sessions under way: attendance and assessments are recorded.',
  COMPLETED: 'Ended: the waitlist is closed and every member’s outcome recorded (COMPLETED or FAILED) in the same change; a member awaiting the final assessment stays ENROLLED until it is recorded.',
  CANCELLED: 'Cancelled (with a note): every active enrolment ended.',
});

export const EnrolmentStatusEnum = register(ENROLMENT_STATUSES, 'EnrolmentStatus', 'The status of an enrolment (ENROLLED and WAITLISTED are active; the others final).', {
  ENROLLED: 'Holds a seat (in a COMPLETED cohort: the final assessment is awaited; recording it settles the outcome).',
  WAITLISTED: 'On the waitlist, in arrival order.',
  WITHDRAWN: 'Withdrew (with a leave reason).',
  DROPPED: 'Dropped out while the cohort ran (with a leave reason).',
  COMPLETED: 'Completed: attendance met the course’s rule and the final assessment (if any) was passed.',
  FAILED: 'Did not complete (attendance below the rule, or the final assessment failed).',
  CANCELLED: 'Ended by the cohort: cancelled, or the waitlist closed at completion.',
});

const LEAVE_DESCRIPTIONS: Record<(typeof LEAVE_REASONS)[number], string> = {
  PERSONAL: 'Personal reasons.',
  HEALTH: 'Health.',
  FAMILY: 'Family.',
  WORK_ELSEWHERE: 'Found other work.',
  COST: 'Cost.',
  NO_CONTACT: 'Could not be contacted.',
  CONDUCT: 'Breach of the rules of conduct.',
  OTHER: 'Other (a note is required).',
};

export const LeaveReasonEnum = register(LEAVE_REASONS, 'LeaveReason', 'Why a candidate withdraws or drops out.', LEAVE_DESCRIPTIONS);

export const ENROLMENT_LEAVES = ['WITHDRAWN', 'DROPPED'] as const;
export type EnrolmentLeave = (typeof ENROLMENT_LEAVES)[number];
export const EnrolmentLeaveEnum = register(ENROLMENT_LEAVES, 'EnrolmentLeave', 'How a candidate leaves a cohort (`withdrawEnrolment`); the enrolment’s final status.', {
  WITHDRAWN: 'Withdraws: from a seat or the waitlist, while the cohort is ENROLLING or RUNNING.',
  DROPPED: 'Drops out: an ENROLLED member of a RUNNING cohort stops attending (an outcome, counted in the completion rates).',
});

export const EnrolmentReasonEnum = register(ENROLMENT_REASON_CODES, 'EnrolmentReason', 'The reason code of a final enrolment status.', {
  REQUIREMENTS_MET: 'COMPLETED: the course’s requirements were met.',
  ATTENDANCE_BELOW_RULE: 'FAILED: attendance below the course’s rule.',
  ASSESSMENT_FAILED: 'FAILED: the final assessment was not passed.',
  COHORT_CANCELLED: 'CANCELLED: the cohort was cancelled.',
  WAITLIST_CLOSED: 'CANCELLED: still waitlisted when the cohort completed.',
  ...LEAVE_DESCRIPTIONS,
});

export const AttendanceMarkEnum = register(ATTENDANCE_MARKS, 'AttendanceMark', 'A member’s mark for one session.', {
  PRESENT: 'Present.',
  ABSENT: 'Absent.',
  EXCUSED: 'Excused (counted as the course’s rule says).',
});

export const ExcusedAbsencePolicyEnum = register(EXCUSED_ABSENCE_POLICIES, 'ExcusedAbsencePolicy', 'How an EXCUSED session counts toward the attendance share (the provider’s rule; no default).', {
  COUNTS_AS_PRESENT: 'Excused sessions count as attended: (present + excused) / sessions.',
  EXCLUDED: 'Excused sessions leave the count: present / (sessions − excused).',
  COUNTS_AS_ABSENT: 'Only presence counts: present / sessions.',
});

export const KoreanTestKindEnum = register(PRACTICE_TESTS, 'KoreanTestKind', 'A Korean test, each scored on its official scale.', {
  EPS_TOPIK: 'EPS-TOPIK (HRD Korea): points out of `eps.topikMaxScore`.',
  TOPIK_I: 'TOPIK I (NIIED): points out of 200.',
  TOPIK_II: 'TOPIK II (NIIED): points out of 300.',
  PILOT_KOREAN: 'The provincial pilot’s Korean test: a level on the TOPIK scale.',
});

export const CourseTargetKindEnum = register(COURSE_TARGET_KINDS, 'CourseTargetKind', 'What a course prepares for.', {
  EPS_TOPIK: 'An EPS-TOPIK score.',
  TOPIK: 'A TOPIK I/II level.',
  PILOT_KOREAN: 'A level in the provincial pilot’s Korean test.',
  SKILL_CERTIFICATE: 'A skill certificate (KOSHIPA, or an LSP under BNSP).',
});

export const SkillTargetCertifierEnum = register(SKILL_TARGET_CERTIFIERS, 'SkillTargetCertifier', 'Who certifies a skill target.', {
  KOSHIPA: 'KOSHIPA (Korea Offshore & Shipbuilding Association).',
  BNSP_LSP: 'A professional certification body (LSP) licensed by BNSP.',
});

export const ReadinessStatusEnum = register(READINESS_STATUSES, 'ReadinessStatus', 'Where a candidate stands against the Korean requirement of their route.', {
  NO_REQUIREMENT: 'The route (and opening) asks for no Korean test.',
  ALREADY_MET: 'An official result in the profile already meets the requirement.',
  ON_TRACK: 'The latest practice score meets the requirement.',
  BELOW_TARGET: 'The latest practice score is below the requirement.',
  NO_PRACTICE_SCORE: 'No practice score that counts for the requirement yet.',
});

export const ReadinessItemKindEnum = register(READINESS_ITEM_KINDS, 'ReadinessItemKind', 'What a readiness checklist item asks.', {
  FINISH_COURSE: 'Finish a course the candidate is enrolled in.',
  WAIT_FOR_SEAT: 'Waiting for a seat in a course.',
  PRACTISE: 'Practise (take or improve a practice test).',
  SIT_TEST: 'Sit the official test.',
});

export const PlanConstraintEnum = register(PLAN_CONSTRAINTS, 'TrainingPlanConstraint', 'What keeps a training plan from reaching its target.', {
  TRAINER_CAPACITY: 'Too few cohorts can run at once.',
  TEST_DATES: 'No official test falls when one is needed.',
  PASS_RATE: 'The pass rate yields no passer per cohort.',
  DROPOUT_RATE: 'The dropout rate leaves no one to complete a cohort.',
  TIME: 'Not even the first cohort could depart by the target date.',
});

export const ASSESSMENT_KINDS = ['PRACTICE', 'FINAL'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const AssessmentKindEnum = register(ASSESSMENT_KINDS, 'AssessmentKind', 'Which assessment `recordAssessment` records.', {
  PRACTICE: 'A practice (mock) Korean test score, on the official scale.',
  FINAL: 'The course’s final assessment (passed or not).',
});

export const KOREAN_REQUIREMENT_KINDS = ['EPS_TOPIK', 'TOPIK_LEVEL'] as const;
export type KoreanRequirementKind = (typeof KOREAN_REQUIREMENT_KINDS)[number];
export const KoreanRequirementKindEnum = register(KOREAN_REQUIREMENT_KINDS, 'KoreanRequirementKind', 'The Korean requirement of a route.', {
  EPS_TOPIK: 'An EPS-TOPIK score (E-9, or an opening’s minimum score).',
  TOPIK_LEVEL: 'A level on the TOPIK scale, from TOPIK I/II or the provincial pilot’s test (E-7-3 pilot, or an opening’s minimum level).',
});

// ---------------------------------------------------------------- courses (public)

@ObjectType('LpkLicence', { description: 'An LPK’s licence.' })
export class LpkLicenceGql {
  @Field(() => String, { description: 'Licence number.' }) number!: string;
  @Field(() => DateScalar, { description: 'First day of validity.' }) validFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity (null: the licence states none).' }) validUntil!: string | null;
}

@ObjectType('AttendanceRule', { description: 'The provider’s published attendance rule, entered per course (there is no default).' })
export class AttendanceRuleGql {
  @Field(() => String, { description: 'Share of sessions required to complete, exactly as published: a decimal ("0.8") or a fraction ("4/5").' }) requiredShare!: string;
  @Field(() => ExcusedAbsencePolicyEnum, { description: 'How EXCUSED sessions count.' }) excused!: ExcusedAbsencePolicy;
  @Field(() => String, { description: 'Where the rule is published (the provider’s regulation, a brochure, a contract clause).' }) statedBy!: string;
}

@ObjectType('CourseTarget', { description: 'What a course prepares for; the fields of its kind are set, the others null.' })
export class CourseTargetGql {
  @Field(() => CourseTargetKindEnum, { description: 'The kind of target.' }) kind!: CourseTargetKind;
  @Field(() => Int, { nullable: true, description: 'EPS_TOPIK: the target score.' }) score!: number | null;
  @Field(() => TopikTestEnum, { nullable: true, description: 'TOPIK: which test.' }) test!: TopikTest | null;
  @Field(() => Int, { nullable: true, description: 'TOPIK / PILOT_KOREAN: the target level.' }) level!: number | null;
  @Field(() => SkillTargetCertifierEnum, { nullable: true, description: 'SKILL_CERTIFICATE: who certifies.' }) certifier!: SkillTargetCertifier | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'SKILL_CERTIFICATE: the occupation.' }) occupation!: Occupation | null;
  @Field(() => String, { nullable: true, description: 'SKILL_CERTIFICATE: the qualification, e.g. "FCAW 3G (X-ray)".' }) qualification!: string | null;
}

@ObjectType({ description: 'A course a training provider teaches. A course never changes: a new fee or rule is a new course.' })
export class Course {
  @Field(() => ID, { description: 'Identifier (UUID).' }) id!: string;
  @Field(() => BilingualText, { description: 'Title.' }) title!: BilingualText;
  @Field(() => CourseKindEnum, { description: 'What it teaches.' }) kind!: CourseKind;
  @Field(() => TrainingProviderTypeEnum, { description: 'The kind of provider.' }) providerType!: TrainingProviderType;
  @Field(() => LpkLicenceGql, { nullable: true, description: 'The LPK’s licence (null for other providers).' }) licence!: LpkLicenceGql | null;
  @Field(() => CourseTargetGql, { nullable: true, description: 'What it prepares for (null for safety and orientation courses).' }) target!: CourseTargetGql | null;
  @Field(() => Int, { description: 'Hours of teaching.' }) hours!: number;
  @Field(() => Money, { description: 'Fee per participant (IDR).' }) fee!: Money;
  @Field(() => AttendanceRuleGql, { description: 'The attendance rule to complete it.' }) attendanceRule!: AttendanceRuleGql;
  @Field(() => Boolean, { description: 'Whether completing also needs a passed final assessment.' }) hasFinalAssessment!: boolean;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded.' }) createdAt!: Date;
  providerPartyId!: string;
}

// ---------------------------------------------------------------- cohorts (public)

@ObjectType('TrainingVenue', { description: 'Where a cohort meets.' })
export class TrainingVenueGql {
  @Field(() => TrainingVenueKindEnum, { description: 'Kind of venue.' }) kind!: TrainingVenueKind;
  @Field(() => String, { description: 'Name of the venue.' }) name!: string;
  @Field(() => String, { description: 'Kecamatan.' }) kecamatan!: string;
  @Field(() => String, { nullable: true, description: 'Kelurahan / desa (null: not given).' }) kelurahan!: string | null;
}

@ObjectType({ description: 'A scheduled session of a cohort.' })
export class TrainingSession {
  @Field(() => Int, { description: 'Session number: 1, 2, 3, … in date order at creation.' }) number!: number;
  @Field(() => DateScalar, { description: 'Date of the session.' }) date!: string;
  @Field(() => String, { nullable: true, description: 'Topic (null: not given).' }) topic!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the class attendance was recorded (null: not yet).' }) attendanceRecordedAt!: Date | null;
}

@ObjectType({ description: 'One change of a cohort’s status.' })
export class TrainingCohortStatusChange {
  @Field(() => Int, { description: '1, 2, 3, … in order.' }) sequence!: number;
  @Field(() => TrainingCohortStatusEnum, { nullable: true, description: 'Status before (null for the creation entry).' }) from!: CohortStatus | null;
  @Field(() => TrainingCohortStatusEnum, { description: 'Status after.' }) to!: CohortStatus;
  @Field(() => DateTimeScalar, { description: 'When it was recorded.' }) at!: Date;
  @Authorized(...STAFF_RULE)
  @Field(() => String, { description: 'Who recorded it: staff only (OFFICER, PARTNER, ANALYST, ADMIN).' })
  actor!: string;
  @Field(() => String, { nullable: true, description: 'Note (a cancellation always has one).' }) note!: string | null;
}

@ObjectType({ description: 'A cohort (angkatan): one run of a course at a venue, with a capacity, dates and sessions.' })
export class TrainingCohort {
  @Field(() => ID, { description: 'Identifier (UUID).' }) id!: string;
  @Field(() => CourseKindEnum, { description: 'The kind of its course.' }) courseKind!: CourseKind;
  @Field(() => TrainingVenueGql, { description: 'Where it meets.' }) venue!: TrainingVenueGql;
  @Field(() => Int, { description: 'Seats.' }) capacity!: number;
  @Field(() => Int, { description: 'Seats taken (ENROLLED members).' }) seatsTaken!: number;
  @Field(() => Int, { description: 'Seats left.' }) seatsLeft!: number;
  @Field(() => Int, { description: 'Candidates on the waitlist.' }) waitlisted!: number;
  @Field(() => DateScalar, { description: 'First day.' }) startDate!: string;
  @Field(() => DateScalar, { description: 'Last day.' }) endDate!: string;
  @Field(() => Int, { description: 'Days from the start date during which a freed seat still goes to the first on the waitlist (a cohort setting).' })
  promotionWindowDays!: number;
  @Field(() => AttendanceRuleGql, { description: 'The course’s attendance rule as it was when the cohort was created.' }) attendanceRule!: AttendanceRuleGql;
  @Field(() => Boolean, { description: 'Whether completing needs a passed final assessment (copied from the course).' }) hasFinalAssessment!: boolean;
  @Field(() => TrainingCohortStatusEnum, { description: 'Current status.' }) status!: CohortStatus;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed.' }) updatedAt!: Date;
  courseId!: string;
  providerPartyId!: string;
}

// ---------------------------------------------------------------- members (personal)
// A member's enrolment, attendance share and practice scores (TRAINEE_RULE) are read by whoever reads
// the candidate's record, and by the TRAINERs of the cohort's provider through the cohort's roster
// (`TrainingCohort.enrolments`, scoped to their providers). Nothing else of the candidate is below them.

@Authorized(...TRAINEE_RULE)
@ObjectType('TrainingAttendanceShare', { description: 'A member’s attendance share over every session of a cohort, computed exactly under the cohort’s rule.' })
export class TrainingAttendanceShareGql {
  @Field(() => Int, { description: 'Sessions of the cohort.' }) sessions!: number;
  @Field(() => Int, { description: 'Sessions marked PRESENT.' }) present!: number;
  @Field(() => Int, { description: 'Sessions marked EXCUSED.' }) excused!: number;
  @Field(() => Int, { description: 'Sessions marked ABSENT or without a mark (not yet recorded, or before the member got a seat).' }) absent!: number;
  @Field(() => Int, { description: 'Sessions that count as attended under the rule.' }) attended!: number;
  @Field(() => Int, { description: 'Sessions that count under the rule (0: no countable session yet).' }) counted!: number;
  @Field(() => String, { nullable: true, description: 'attended / counted as a decimal with 4 digits (display only; null when counted is 0).' }) share!: string | null;
  @Field(() => String, { description: 'The rule’s required share, as published.' }) requiredShare!: string;
  @Field(() => Boolean, { description: 'Whether the share meets the rule (compared exactly).' }) meetsRule!: boolean;
}

@Authorized(...TRAINEE_RULE)
@ObjectType('TrainingPracticeScore', { description: 'A practice (mock) Korean test score, on the official scale.' })
export class TrainingPracticeScoreGql {
  @Field(() => ID, { description: 'The cohort it was recorded in.' }) cohortId!: string;
  @Field(() => KoreanTestKindEnum, { description: 'The test practised.' }) test!: PracticeTest;
  @Field(() => DateScalar, { description: 'When it was taken.' }) takenOn!: string;
  @Field(() => Int, { description: 'Points (EPS-TOPIK, TOPIK I/II) or a TOPIK-scale level (the pilot’s test).' }) score!: number;
}

@Authorized(...TRAINEE_RULE)
@ObjectType({ description: 'A candidate’s place in a cohort, in arrival order.' })
export class TrainingEnrolment {
  @Field(() => ID, { description: 'The cohort.' }) cohortId!: string;
  @Field(() => ID, { description: 'The candidate.' }) candidateId!: string;
  @Field(() => Int, { description: 'Arrival order in the cohort: 1, 2, 3, …' }) sequence!: number;
  @Field(() => EnrolmentStatusEnum, { description: 'Status.' }) status!: EnrolmentStatus;
  @Field(() => DateTimeScalar, { description: 'When the candidate asked to enrol.' }) requestedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the candidate got a seat (at once or on promotion; null while waitlisted or if never).' }) seatedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the enrolment reached a final status.' }) endedAt!: Date | null;
  @Field(() => EnrolmentReasonEnum, { nullable: true, description: 'Reason code of a final status.' }) reason!: EnrolmentReasonCode | null;
  @Field(() => String, { nullable: true, description: 'Free-text note.' }) note!: string | null;
}

@Authorized(...PERSONAL_RULE)
@ObjectType('TrainingReadinessItem', { description: 'One thing to do before the official Korean test (bilingual).' })
export class TrainingReadinessItemGql {
  @Field(() => String, { description: 'Stable key, e.g. "training.finish.<courseId>" or "training.sitTest.EPS_TOPIK".' }) key!: string;
  @Field(() => ReadinessItemKindEnum, { description: 'What it asks.' }) kind!: ReadinessItemKind;
  @Field(() => BilingualText, { description: 'What to do.' }) message!: BilingualText;
  @Field(() => DateScalar, { nullable: true, description: 'By when (null: no date).' }) dueBy!: string | null;
}

@Authorized(...PERSONAL_RULE)
@ObjectType('TrainingReadiness', {
  description:
    'Readiness for the official Korean test: the latest practice score against what the route needs (from the eligibility rule set and its parameters on asOf), and a checklist.',
})
export class TrainingReadinessGql {
  @Field(() => DateScalar, { description: 'The date it is computed for (today).' }) asOf!: string;
  @Field(() => RouteEnum, { description: 'The route it is computed for (the opening’s, else the candidate’s target).' }) route!: Route;
  @Field(() => KoreanRequirementKindEnum, { nullable: true, description: 'What the route requires (null: no Korean requirement).' })
  requirement!: KoreanRequirementKind | null;
  @Field(() => Int, { nullable: true, description: 'The score (EPS-TOPIK) or TOPIK-scale level required; null without a requirement.' }) requiredValue!: number | null;
  @Field(() => [String], { description: 'The eligibility rules the requirement comes from.' }) ruleIds!: string[];
  @Field(() => KoreanTestKindEnum, { nullable: true, description: 'The test of the latest practice score that counts for the requirement (null: none).' }) latestPracticeTest!: PracticeTest | null;
  @Field(() => DateScalar, { nullable: true, description: 'When that practice test was taken.' }) latestPracticeTakenOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Its score: points, or a TOPIK-scale level for the pilot’s test.' }) latestPracticeScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'Its TOPIK-scale level, for a level requirement.' }) latestLevel!: number | null;
  @Field(() => Int, { nullable: true, description: 'Points or levels still missing (0: met); null without a requirement or a score.' }) gap!: number | null;
  @Field(() => ReadinessStatusEnum, { description: 'Where the candidate stands.' }) status!: ReadinessStatus;
  @Field(() => DateScalar, { nullable: true, description: 'The next official test date given (null: not announced).' }) nextOfficialTestDate!: string | null;
  @Field(() => Boolean, { description: 'True when an ENROLLED Korean course ends after the next official test date.' }) courseEndsAfterTest!: boolean;
  @Field(() => [TrainingReadinessItemGql], { description: 'What to do, in order.' }) checklist!: TrainingReadinessItemGql[];
}

@Authorized(...PERSONAL_RULE)
@ObjectType('CandidateTraining', { description: 'A candidate’s training: enrolments, attendance, practice scores and readiness for the Korean test.' })
export class CandidateTraining {
  @Field(() => [TrainingEnrolment], { description: 'Every enrolment, oldest first.' }) enrolments!: TrainingEnrolment[];
  @Field(() => TrainingAttendanceShareGql, {
    nullable: true,
    description: 'Attendance in the latest cohort where the candidate held a seat, under that cohort’s rule (null: never seated). Every cohort’s share is on `attendance` of each enrolment.',
  })
  attendanceRate!: TrainingAttendanceShareGql | null;
  @Field(() => [TrainingPracticeScoreGql], { description: 'Every practice score, in the order recorded.' }) practiceScores!: TrainingPracticeScoreGql[];
  candidateId!: string;
  /** The route readiness is computed for (the candidate's target; set from the opening on selection). */
  route!: Route | null;
  openingId!: string | null;
  /** The profile as stored (official results), never a GraphQL field. */
  storedProfile!: CandidateProfile;
}

// ---------------------------------------------------------------- mutation results (personal)

export const STAGE_CHANGE_KINDS = ['ADVANCE', 'NONE'] as const;
export const StageChangeKindEnum = register(STAGE_CHANGE_KINDS, 'EnrolmentStageChangeKind', 'Whether an enrolment moved the candidate’s stage.', {
  ADVANCE: 'The candidate moved to TRAINING.',
  NONE: 'The stage did not change (see the reason).',
});

@Authorized(...PERSONAL_RULE)
@ObjectType({ description: 'What an enrolment did to the candidate’s stage (the domain’s stageChangeForEnrolment).' })
export class EnrolmentStageChange {
  @Field(() => StageChangeKindEnum, { description: 'ADVANCE or NONE.' }) change!: 'ADVANCE' | 'NONE';
  @Field(() => String, { nullable: true, description: 'Why not (NONE): WAITLISTED, ALREADY_IN_TRAINING, NOT_SELECTED_YET, PAST_TRAINING or STAGE_CLOSED.' }) reason!: string | null;
  @Field(() => BilingualText, { description: 'What happened, in both languages.' }) message!: BilingualText;
}

@Authorized(...PERSONAL_RULE)
@ObjectType({ description: 'The answer of enrollCandidate: ENROLLED, or WAITLISTED with the place in line.' })
export class EnrolmentResult {
  @Field(() => EnrolmentStatusEnum, { description: 'ENROLLED or WAITLISTED.' }) status!: EnrolmentStatus;
  @Field(() => Int, { nullable: true, description: '1-based place on the waitlist (null when enrolled).' }) waitlistPosition!: number | null;
  @Field(() => TrainingEnrolment, { description: 'The enrolment.' }) enrolment!: TrainingEnrolment;
  @Field(() => TrainingCohort, { description: 'The cohort after the enrolment.' }) cohort!: TrainingCohort;
  @Field(() => EnrolmentStageChange, { description: 'What the enrolment did to the candidate’s stage.' }) stageChange!: EnrolmentStageChange;
}

@Authorized(...PERSONAL_RULE)
@ObjectType({ description: 'The answer of withdrawEnrolment.' })
export class EnrolmentWithdrawal {
  @Field(() => TrainingEnrolment, { description: 'The withdrawn enrolment.' }) enrolment!: TrainingEnrolment;
  @Field(() => TrainingCohort, { description: 'The cohort after the withdrawal.' }) cohort!: TrainingCohort;
  @Field(() => [TrainingEnrolment], { description: 'Enrolments promoted from the waitlist by the freed seat (empty when none).' }) promoted!: TrainingEnrolment[];
}

// ---------------------------------------------------------------- plan calculator (public)

@ObjectType('TrainingPlanWave', { description: 'Cohorts that start together, as late as possible.' })
export class TrainingPlanWaveGql {
  @Field(() => Int, { description: 'Cohorts in this wave.' }) cohorts!: number;
  @Field(() => DateScalar, { description: 'Latest start date.' }) latestStart!: string;
  @Field(() => DateScalar, { description: 'Last day of these cohorts if they start on latestStart.' }) endsOn!: string;
  @Field(() => DateScalar, { description: 'The official test they sit.' }) testDate!: string;
  @Field(() => DateScalar, { description: 'Departure by (test date + days to departure).' }) departBy!: string;
}

export const PLAN_RATE_SOURCES = ['INPUT', 'OBSERVED'] as const;
export type PlanRateSource = (typeof PLAN_RATE_SOURCES)[number];

export const PlanRateSourceEnum = register(PLAN_RATE_SOURCES, 'TrainingPlanRateSource', 'Where a rate of a training plan comes from.', {
  INPUT: 'Given by the caller (an assumption).',
  OBSERVED: 'Observed in the stored training records (the definitions of `trainingAggregates`).',
});

@ObjectType('TrainingPlanRate', { description: 'A rate the plan used: its value, where it comes from and, when observed, the counts behind it.' })
export class TrainingPlanRateGql {
  @Field(() => String, {
    description:
      'The exact fraction the plan used: the input as given (INPUT); numerator/denominator (OBSERVED, exact view: OFFICER, ADMIN); the observed rate to 4 decimal places, half-even (OBSERVED, protected view), so that it does not give the counts away.',
  })
  value!: string;
  @Field(() => PlanRateSourceEnum, { description: 'INPUT or OBSERVED.' }) source!: PlanRateSource;
  @Field(() => Int, { nullable: true, description: 'OBSERVED, exact view only: the people counted in the numerator (null otherwise).' }) numerator!: number | null;
  @Field(() => Int, { nullable: true, description: 'OBSERVED, exact view only: the people counted in the denominator (null otherwise).' }) denominator!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'OBSERVED: the date the records were counted on (the protected view’s month-end reference date, else today); null for INPUT.' })
  observedOn!: string | null;
}

@ObjectType('TrainingPlan', { description: 'How many cohorts must start, and by when, to place a target number of people by a date (every figure an input, or a rate observed in the stored records).' })
export class TrainingPlanGql {
  @Field(() => Boolean, { description: 'Whether the target is reachable.' }) reachable!: boolean;
  @Field(() => PlanConstraintEnum, { nullable: true, description: 'What binds when it is not (null when reachable).' }) bindingConstraint!: PlanConstraint | null;
  @Field(() => BilingualText, { description: 'The answer in words.' }) explanation!: BilingualText;
  @Field(() => Int, { description: 'Completers per cohort: ⌊cohortSize × (1 − dropoutRate)⌋.' }) completersPerCohort!: number;
  @Field(() => Int, { description: 'Passers per cohort: ⌊completers × passRate⌋.' }) passersPerCohort!: number;
  @Field(() => Int, { nullable: true, description: 'Cohorts needed: ⌈target / passers⌉ (null when a cohort yields no passer).' }) cohortsNeeded!: number | null;
  @Field(() => Int, { description: 'The most cohorts that fit before the latest start date with the capacity.' }) maxCohorts!: number;
  @Field(() => Int, { description: 'The most placements those cohorts give.' }) maxPlacements!: number;
  @Field(() => DateScalar, { nullable: true, description: 'The latest official test date still in time (null: none).' }) latestUsableTestDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The latest start date for that test (null: none).' }) latestStartDate!: string | null;
  @Field(() => [TrainingPlanWaveGql], { description: 'Waves, earliest first: for the cohorts needed when reachable, else for the most that fit.' }) waves!: TrainingPlanWaveGql[];
  @Field(() => TrainingPlanRateGql, { description: 'The dropout rate used (input or observed).' }) dropoutRate!: TrainingPlanRateGql;
  @Field(() => TrainingPlanRateGql, { description: 'The pass rate used (input or observed).' }) passRate!: TrainingPlanRateGql;
}
