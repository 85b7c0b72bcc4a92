import type { RequestOptions } from '../client/create-client.js';
import { isJembatanError } from '../errors/jembatan-error.js';
import {
  CandidateTrainingDocument,
  CreateCourseDocument,
  CreateTrainingCohortDocument,
  EnrollInTrainingCohortDocument,
  GetTrainingCohortDocument,
  ListCoursesDocument,
  ListTrainingCohortsDocument,
  RecordTrainingAssessmentDocument,
  RecordTrainingAttendanceDocument,
  RecordTrainingTestResultDocument,
  TrainingCohortRosterDocument,
  TrainingPlanDocument,
  TransitionTrainingCohortDocument,
  WithdrawFromTrainingCohortDocument,
  type CandidateTrainingQuery,
  type CandidateTrainingQueryVariables,
  type CourseFilter,
  type CourseKind,
  type CreateCourseInput,
  type CreateCourseMutation,
  type CreateTrainingCohortInput,
  type CreateTrainingCohortMutation,
  type EnrollInTrainingCohortMutation,
  type EnrollInTrainingCohortMutationVariables,
  type GetTrainingCohortQuery,
  type ListCoursesQuery,
  type ListCoursesQueryVariables,
  type ListTrainingCohortsQuery,
  type ListTrainingCohortsQueryVariables,
  type RecordAssessmentInput,
  type RecordAttendanceInput,
  type RecordTestResultInput,
  type RecordTrainingAssessmentMutation,
  type RecordTrainingAttendanceMutation,
  type RecordTrainingTestResultMutation,
  type TrainingCohortFilter,
  type TrainingCohortRosterQuery,
  type TrainingCohortStatus,
  type TrainingPlanInput,
  type TrainingPlanQuery,
  type TransitionTrainingCohortMutation,
  type TransitionTrainingCohortMutationVariables,
  type WithdrawFromTrainingCohortMutation,
  type WithdrawFromTrainingCohortMutationVariables,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

/** A course in a list: title, kind, provider, target, hours, fee and the provider's attendance rule. */
export type CourseItem = ListCoursesQuery['courses']['edges'][number]['node'];
export type CourseListPage = ListCoursesQuery['courses'];
/** A cohort in a list: course, provider, venue, seats (taken, left, waitlisted) and dates. No members. */
export type TrainingCohortItem = ListTrainingCohortsQuery['trainingCohorts']['edges'][number]['node'];
export type TrainingCohortListPage = ListTrainingCohortsQuery['trainingCohorts'];
/** A cohort with its sessions and status history. */
export type TrainingCohortDetails = NonNullable<GetTrainingCohortQuery['trainingCohort']>;
/** A cohort's members and waitlist in arrival order (personal: OFFICER). */
export type TrainingCohortRoster = NonNullable<TrainingCohortRosterQuery['trainingCohort']>;
/** One enrolment: arrival order, status, waitlist place, attendance share. */
export type TrainingEnrolmentItem = TrainingCohortRoster['enrolments'][number];
/** The answer of `enroll`: ENROLLED, or WAITLISTED with the place in line, and what it did to the stage. */
export type EnrolmentOutcome = EnrollInTrainingCohortMutation['enrollCandidate'];
/** The answer of `withdraw`: the withdrawn enrolment and who the freed seat promoted. */
export type EnrolmentWithdrawalOutcome = WithdrawFromTrainingCohortMutation['withdrawEnrolment'];
/** A candidate's training: enrolments, attendance, practice scores and readiness. */
export type CandidateTrainingView = NonNullable<CandidateTrainingQuery['candidate']>;
export type TrainingReadinessView = NonNullable<CandidateTrainingView['training']['readiness']>;
/** The plan to a placement target: reachable or not, the binding constraint, cohorts and waves. */
export type TrainingPlanResult = TrainingPlanQuery['trainingPlan'];

/** The course filter of the schema, plus `kind` and `providerPartyId` shorthands. */
export interface CourseListFilter extends CourseFilter {
  readonly kind?: CourseKind;
  readonly providerPartyId?: string;
}

/** The cohort filter of the schema, plus `status`, `courseKind` and `providerPartyId` shorthands. */
export interface TrainingCohortListFilter extends TrainingCohortFilter {
  readonly status?: TrainingCohortStatus;
  readonly courseKind?: CourseKind;
  readonly providerPartyId?: string;
}

export interface TrainingApi {
  /** Every course matching the filter, oldest first (public): `for await (const c of client.training.courses({ kind: 'KOREAN_LANGUAGE' }))`. */
  courses(filter?: CourseListFilter, options?: ListOptions): AsyncGenerator<CourseItem, void, undefined>;
  coursesPage(variables: ListCoursesQueryVariables, options?: RequestOptions): Promise<CourseListPage>;
  /**
   * Record a course. The attendance rule is the provider's published one (`requiredShare`, how EXCUSED
   * counts, where it is stated): there is no default (`TRAINING.ATTENDANCE_RULE_REQUIRED`). OFFICER.
   */
  createCourse(input: CreateCourseInput, options?: RequestOptions): Promise<CreateCourseMutation['createCourse']>;
  /** Every cohort matching the filter, oldest first (public). */
  cohorts(filter?: TrainingCohortListFilter, options?: ListOptions): AsyncGenerator<TrainingCohortItem, void, undefined>;
  cohortsPage(variables: ListTrainingCohortsQueryVariables, options?: RequestOptions): Promise<TrainingCohortListPage>;
  /** One cohort with sessions and history; `null` when there is none. */
  cohort(id: string, options?: RequestOptions): Promise<TrainingCohortDetails | null>;
  /** A cohort's members and waitlist in arrival order (OFFICER); `null` when there is none. */
  roster(id: string, options?: RequestOptions): Promise<TrainingCohortRoster | null>;
  /** A new cohort in PLANNED (`TRAINING.CAPACITY_INVALID`, `TRAINING.DATES_OUT_OF_ORDER`, `TRAINING.SESSION_OUTSIDE_COHORT`). OFFICER. */
  createCohort(input: CreateTrainingCohortInput, options?: RequestOptions): Promise<CreateTrainingCohortMutation['createTrainingCohort']>;
  /**
   * Move a cohort: PLANNED → ENROLLING → RUNNING → COMPLETED, or CANCELLED (with a note). Completing
   * records each member's outcome (COMPLETED, or FAILED with the reason); a member whose final
   * assessment is not recorded stays ENROLLED until `recordAssessment` records it. OFFICER.
   */
  transitionCohort(variables: TransitionTrainingCohortMutationVariables, options?: RequestOptions): Promise<TransitionTrainingCohortMutation['transitionTrainingCohort']>;
  /** Enrol a candidate in an ENROLLING cohort: ENROLLED while seats remain, else WAITLISTED with the place in line. OFFICER. */
  enroll(variables: EnrollInTrainingCohortMutationVariables, options?: RequestOptions): Promise<EnrolmentOutcome>;
  /**
   * A candidate leaves a cohort with a leave reason: `leave: 'WITHDRAWN'` (default) or `'DROPPED'` (an
   * ENROLLED member of a RUNNING cohort drops out). The freed seat goes to the first on the waitlist
   * within the promotion window. OFFICER.
   */
  withdraw(variables: WithdrawFromTrainingCohortMutationVariables, options?: RequestOptions): Promise<EnrolmentWithdrawalOutcome>;
  /** One session's attendance for the whole class (every ENROLLED member once; RUNNING). Again: a correction. OFFICER. */
  recordAttendance(input: RecordAttendanceInput, options?: RequestOptions): Promise<RecordTrainingAttendanceMutation['recordAttendance']>;
  /** A practice score (on the official scale) or the course's final assessment (in a COMPLETED cohort it settles the member's outcome). OFFICER. */
  recordAssessment(input: RecordAssessmentInput, options?: RequestOptions): Promise<RecordTrainingAssessmentMutation['recordAssessment']>;
  /** An official Korean test result into the candidate's profile; the stored eligibility is evaluated again. OFFICER. */
  recordTestResult(input: RecordTestResultInput, options?: RequestOptions): Promise<RecordTrainingTestResultMutation['recordTestResult']>;
  /**
   * A candidate's training with readiness for the next official test (`nextOfficialTestDate` is an
   * input: no source lists the dates); `null` when the candidate does not exist or may not be seen.
   */
  candidate(variables: CandidateTrainingQueryVariables, options?: RequestOptions): Promise<CandidateTrainingView | null>;
  /**
   * The plan to a placement target (public; nothing is stored). Every figure is an input, except an
   * omitted `dropoutRate` / `passRate`: observed in the stored records (`source: 'OBSERVED'`; counts for
   * OFFICER and ADMIN only), or refused with `TRAINING.OBSERVED_RATE_UNAVAILABLE` at that input field.
   */
  plan(input: TrainingPlanInput, options?: RequestOptions): Promise<TrainingPlanResult>;
}

export function toCourseFilter(filter: CourseListFilter | undefined): CourseFilter | undefined {
  if (!filter) return undefined;
  const { kind, providerPartyId, kinds, providerPartyIds, ...rest } = filter;
  return defined({ ...rest, kinds: mergeOne(kinds, kind), providerPartyIds: mergeOne(providerPartyIds, providerPartyId) });
}

export function toTrainingCohortFilter(filter: TrainingCohortListFilter | undefined): TrainingCohortFilter | undefined {
  if (!filter) return undefined;
  const { status, courseKind, providerPartyId, statuses, courseKinds, providerPartyIds, ...rest } = filter;
  return defined({
    ...rest,
    statuses: mergeOne(statuses, status),
    courseKinds: mergeOne(courseKinds, courseKind),
    providerPartyIds: mergeOne(providerPartyIds, providerPartyId),
  });
}

/** A training refusal's stable domain code, e.g. `TRAINING.CANDIDATE_NOT_RESIDENT`, `TRAINING.SESSION_NOT_FOUND`. */
export type TrainingDomainCode = `TRAINING.${string}`;

/**
 * The `TRAINING.*` code of a gateway refusal (`extensions.domainCode` of its first GraphQL error), or
 * `undefined` for anything else. The SDK `code` stays the public one (`BAD_USER_INPUT`, `CONFLICT`,
 * `NOT_FOUND`, ...) and `field` names the input: this says which training rule refused.
 */
export function trainingErrorCode(error: unknown): TrainingDomainCode | undefined {
  if (!isJembatanError(error)) return undefined;
  const raw = error.graphQLErrors[0]?.extensions['domainCode'];
  return typeof raw === 'string' && /^TRAINING\.[A-Z0-9_]+$/.test(raw) ? (raw as TrainingDomainCode) : undefined;
}

export function trainingApi(send: Send): TrainingApi {
  return {
    courses: (filter, options) =>
      listNodes((first, after, o) => send(ListCoursesDocument, defined({ first, after, filter: toCourseFilter(filter) }), o).then((d) => d.courses), options),
    coursesPage: (variables, options) => send(ListCoursesDocument, variables, options).then((d) => d.courses),
    createCourse: (input, options) => send(CreateCourseDocument, { input }, options).then((d) => d.createCourse),
    cohorts: (filter, options) =>
      listNodes(
        (first, after, o) => send(ListTrainingCohortsDocument, defined({ first, after, filter: toTrainingCohortFilter(filter) }), o).then((d) => d.trainingCohorts),
        options,
      ),
    cohortsPage: (variables, options) => send(ListTrainingCohortsDocument, variables, options).then((d) => d.trainingCohorts),
    cohort: (id, options) => send(GetTrainingCohortDocument, { id }, options).then((d) => d.trainingCohort),
    roster: (id, options) => send(TrainingCohortRosterDocument, { id }, options).then((d) => d.trainingCohort),
    createCohort: (input, options) => send(CreateTrainingCohortDocument, { input }, options).then((d) => d.createTrainingCohort),
    transitionCohort: (variables, options) => send(TransitionTrainingCohortDocument, variables, options).then((d) => d.transitionTrainingCohort),
    enroll: (variables, options) => send(EnrollInTrainingCohortDocument, variables, options).then((d) => d.enrollCandidate),
    withdraw: (variables, options) => send(WithdrawFromTrainingCohortDocument, variables, options).then((d) => d.withdrawEnrolment),
    recordAttendance: (input, options) => send(RecordTrainingAttendanceDocument, { input }, options).then((d) => d.recordAttendance),
    recordAssessment: (input, options) => send(RecordTrainingAssessmentDocument, { input }, options).then((d) => d.recordAssessment),
    recordTestResult: (input, options) => send(RecordTrainingTestResultDocument, { input }, options).then((d) => d.recordTestResult),
    candidate: (variables, options) => send(CandidateTrainingDocument, variables, options).then((d) => d.candidate),
    plan: (input, options) => send(TrainingPlanDocument, { input }, options).then((d) => d.trainingPlan),
  };
}
