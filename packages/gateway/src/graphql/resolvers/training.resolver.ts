/**
 * Training (issue 10): courses and cohorts (public lists, like the vacancy board), a cohort's members
 * (officers, and the TRAINERs of the cohort's provider), the plan calculator (public), and the training
 * mutations (OFFICER; ADMIN passes every rule; a TRAINER records attendance and assessments in their
 * providers' cohorts: another cohort answers NOT_FOUND, exactly like a missing one). Each mutation parses its arguments and runs its use case (one transaction; a refusal writes
 * nothing); relations load through the per-request DataLoaders.
 */
import { DomainError, planTraining, type CohortVenue, type CourseTarget } from '../../domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PartyRecord } from '../../persistence/party.schema';
import { TrainingCohortStatusChangeRecord } from '../../persistence/training.schema';
import { cohortById, cohortPage, courseById, coursePage, enrolmentsOfCohort, sessionsOfCohort } from '../../read-models/training.read-model';
import { refuse } from '../../security/auth-checker';
import { PUBLIC_RULE, TRAINING_RECORD_RULE, TRAINING_ROSTER_RULE, WRITE_RULE } from '../../security/rules';
import { createCourse } from '../../use-cases/create-course.use-case';
import { createTrainingCohort } from '../../use-cases/create-training-cohort.use-case';
import { enrollCandidate } from '../../use-cases/enroll-candidate.use-case';
import { recordAssessment, type AssessmentRecord } from '../../use-cases/record-assessment.use-case';
import { recordAttendance } from '../../use-cases/record-attendance.use-case';
import { recordTestResult, type OfficialTestResult } from '../../use-cases/record-test-result.use-case';
import { transitionTrainingCohort } from '../../use-cases/transition-training-cohort.use-case';
import { withdrawEnrolment } from '../../use-cases/withdraw-enrolment.use-case';
import { inTrainingScope, trainingProviderScope } from '../access';
import type { GatewayContext } from '../context';
import { fromDomainError, GatewayError } from '../errors';
import { checkId } from '../ids';
import { planRates } from '../observed-training-rates';
import {
  CoursesArgs,
  CreateCourseArgs,
  CreateTrainingCohortArgs,
  EnrollCandidateArgs,
  RecordAssessmentArgs,
  RecordAttendanceArgs,
  RecordTestResultArgs,
  TrainingCohortsArgs,
  TrainingPlanArgs,
  TransitionTrainingCohortArgs,
  WithdrawEnrolmentArgs,
  trainingCohortWhere,
  type CourseFilter,
  type CourseTargetInput,
  type CreateCourseInput,
  type RecordAssessmentInput,
  type RecordTestResultInput,
} from '../inputs/training.input';
import { byKeyLoader, groupLoader } from '../loaders';
import { toCandidateGql } from '../mappers/candidate.mapper';
import { toPartyGql } from '../mappers/party.mapper';
import { toCohortChangeGql, toCohortGql, toCourseGql, toEnrolmentGql, toSessionGql, toStageChangeGql, toTrainingPlanGql } from '../mappers/training.mapper';
import { runUseCase } from '../run-use-case';
import { isoDateOf } from '../scalars';
import { Candidate } from '../types/candidate.type';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, pageConnection } from '../types/connection.type';
import { Party } from '../types/party.type';
import {
  Course,
  EnrolmentResult,
  EnrolmentWithdrawal,
  TrainingCohort,
  TrainingCohortStatusChange,
  TrainingEnrolment,
  TrainingPlanGql,
  TrainingSession,
} from '../types/training.type';

export const CourseConnection = connectionType(Course, 'Course', 'course');
export const TrainingCohortConnection = connectionType(TrainingCohort, 'TrainingCohort', 'training cohort');

const ids = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.toLowerCase());

function courseWhere(filter: CourseFilter | undefined) {
  const where: Record<string, unknown> = {};
  if (filter?.providerPartyIds?.length) where['providerPartyId'] = { $in: ids(filter.providerPartyIds) };
  if (filter?.kinds?.length) where['kind'] = { $in: filter.kinds };
  return where;
}

function missing(...path: string[]): GatewayError {
  const name = path[path.length - 1] ?? '';
  return new GatewayError('BAD_USER_INPUT', { id: `${name} wajib diisi untuk jenis ini.`, en: `${name} is required for this kind.` }, { field: ['input', ...path] });
}

/** The target of its kind, with the fields that kind needs (the domain checks the values and the fit with the course kind). */
function targetOf(t: CourseTargetInput): CourseTarget {
  const need = <T>(v: T | undefined | null, field: string): T => {
    if (v === undefined || v === null) throw missing('target', field);
    return v;
  };
  switch (t.kind) {
    case 'EPS_TOPIK':
      return { kind: t.kind, score: need(t.score, 'score') };
    case 'TOPIK':
      return { kind: t.kind, test: need(t.test, 'test'), level: need(t.level, 'level') };
    case 'PILOT_KOREAN':
      return { kind: t.kind, level: need(t.level, 'level') };
    case 'SKILL_CERTIFICATE':
      return { kind: t.kind, certifier: need(t.certifier, 'certifier'), occupation: need(t.occupation, 'occupation'), qualification: t.qualification ?? null };
  }
}

function courseCommand(input: CreateCourseInput) {
  const t = input.target;
  return {
    title: { id: input.title.id, en: input.title.en },
    kind: input.kind,
    providerPartyId: checkId(input.providerPartyId, ['input', 'providerPartyId']),
    providerType: input.providerType,
    licence: input.licence
      ? { number: input.licence.number, validFrom: isoDateOf(input.licence.validFrom), validUntil: input.licence.validUntil ? isoDateOf(input.licence.validUntil) : null }
      : null,
    target: t ? targetOf(t) : null,
    hours: input.hours,
    feeIdr: Number(input.feeIdr),
    attendanceRule: { requiredShare: input.attendanceRule.requiredShare, excused: input.attendanceRule.excused, statedBy: input.attendanceRule.statedBy },
    hasFinalAssessment: input.hasFinalAssessment,
    note: input.note ?? null,
  };
}


function assessmentOf(input: RecordAssessmentInput): AssessmentRecord {
  if (input.kind === 'PRACTICE') {
    if (!input.test) throw missing('test');
    if (!input.takenOn) throw missing('takenOn');
    if (input.score === undefined || input.score === null) throw missing('score');
    return { kind: 'PRACTICE', test: input.test, takenOn: isoDateOf(input.takenOn), score: input.score };
  }
  if (input.passed === undefined || input.passed === null) throw missing('passed');
  if (!input.assessedOn) throw missing('assessedOn');
  return { kind: 'FINAL', passed: input.passed, assessedOn: isoDateOf(input.assessedOn) };
}

function testResultOf(input: RecordTestResultInput): OfficialTestResult {
  const takenOn = isoDateOf(input.takenOn);
  if (input.test === 'PILOT_KOREAN') {
    if (input.level === undefined || input.level === null) throw missing('level');
    if (input.speakingPassed === undefined || input.speakingPassed === null) throw missing('speakingPassed');
    return { test: 'PILOT_KOREAN', takenOn, level: input.level, speakingPassed: input.speakingPassed };
  }
  if (input.score === undefined || input.score === null) throw missing('score');
  return input.test === 'EPS_TOPIK' ? { test: 'EPS_TOPIK', takenOn, score: input.score, round: input.round ?? null } : { test: input.test, takenOn, score: input.score };
}

@Resolver(() => TrainingCohort)
export class TrainingResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => CourseConnection, { description: 'Courses of the training providers, oldest first (public).' })
  async courses(@Args() args: CoursesArgs, @Ctx() ctx: GatewayContext) {
    const page = await coursePage(ctx.em, courseWhere(args.filter), { first: args.first ?? DEFAULT_PAGE_SIZE, after: checkedCursor(args.after) });
    return pageConnection(page, toCourseGql);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => TrainingCohortConnection, { description: 'Training cohorts, oldest first, filtered by provider, course kind, status, kecamatan and start date (public).' })
  async trainingCohorts(@Args() args: TrainingCohortsArgs, @Ctx() ctx: GatewayContext) {
    const page = await cohortPage(ctx.em, trainingCohortWhere(args.filter), { first: args.first ?? DEFAULT_PAGE_SIZE, after: checkedCursor(args.after) });
    return pageConnection(page, toCohortGql);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => TrainingCohort, { nullable: true, description: 'One training cohort by id (null when there is none; public).' })
  async trainingCohort(@Arg('id', () => ID, { description: 'The cohort id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<TrainingCohort | null> {
    const r = await cohortById(ctx).load(checkId(id, ['id']));
    return r ? toCohortGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => TrainingPlanGql, {
    description:
      'Plan to a placement target: how many cohorts must start, and by when, to place `target` people by `targetDate`; whether that is reachable, and the binding constraint when not. Every figure is an input, except an omitted `dropoutRate` or `passRate`: that one is observed in the stored training records (the definitions, scope and disclosure control of `trainingAggregates`; counts shown to OFFICER and ADMIN only), or refused with TRAINING.OBSERVED_RATE_UNAVAILABLE when there are too few records or the caller may not read them. Nothing is stored.',
  })
  async trainingPlan(@Args() { input }: TrainingPlanArgs, @Ctx() ctx: GatewayContext): Promise<TrainingPlanGql> {
    try {
      const rates = await planRates(ctx, input);
      const plan = planTraining({
        target: input.target,
        targetDate: isoDateOf(input.targetDate),
        planStart: isoDateOf(input.planStart),
        cohortSize: input.cohortSize,
        cohortWeeks: input.cohortWeeks,
        maxConcurrentCohorts: input.maxConcurrentCohorts,
        officialTestDates: input.officialTestDates.map(isoDateOf),
        passToDepartureDays: input.passToDepartureDays,
        dropoutRate: rates.dropoutRate.value,
        passRate: rates.passRate.value,
      });
      return { ...toTrainingPlanGql(plan), ...rates };
    } catch (e) {
      if (e instanceof DomainError) throw fromDomainError(e.toJSON(), ['input']);
      throw e;
    }
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Course, { description: 'The course.' })
  async course(@Root() c: TrainingCohort, @Ctx() ctx: GatewayContext): Promise<Course> {
    const r = await courseById(ctx).load(c.courseId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toCourseGql(r);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The training provider.' })
  async provider(@Root() c: TrainingCohort, @Ctx() ctx: GatewayContext): Promise<Party> {
    const r = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(c.providerPartyId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toPartyGql(r);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [TrainingSession], { description: 'Sessions, by number.' })
  async sessions(@Root() c: TrainingCohort, @Ctx() ctx: GatewayContext): Promise<TrainingSession[]> {
    return (await sessionsOfCohort(ctx).load(c.id)).map(toSessionGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [TrainingCohortStatusChange], { description: 'Status history, oldest first.' })
  async history(@Root() c: TrainingCohort, @Ctx() ctx: GatewayContext): Promise<TrainingCohortStatusChange[]> {
    const rows = await groupLoader<TrainingCohortStatusChangeRecord, string>(ctx, TrainingCohortStatusChangeRecord, 'cohortId', [['sequence', 'asc']]).load(c.id);
    return rows.map(toCohortChangeGql);
  }

  @Authorized(...TRAINING_ROSTER_RULE)
  @FieldResolver(() => [TrainingEnrolment], {
    description: 'Members and waitlist in arrival order, with every final status (personal: OFFICER, and a TRAINER of the cohort’s provider; FORBIDDEN for another provider’s cohort).',
  })
  async enrolments(@Root() c: TrainingCohort, @Ctx() ctx: GatewayContext): Promise<TrainingEnrolment[]> {
    // the cohort is public, its roster is not: a TRAINER reads the rosters of their providers only
    if (!inTrainingScope(ctx.principal, c.providerPartyId)) refuse(ctx.principal);
    return (await enrolmentsOfCohort(ctx).load(c.id)).map(toEnrolmentGql);
  }

  // ------------------------------------------------------------------ mutations

  @Authorized(...WRITE_RULE)
  @Mutation(() => Course, { description: 'Record a course of a training provider (TRAINING.* codes as domainCode, e.g. TRAINING.ATTENDANCE_RULE_REQUIRED, TRAINING.LICENCE_REQUIRED). OFFICER.' })
  async createCourse(@Args() { input }: CreateCourseArgs, @Ctx() ctx: GatewayContext): Promise<Course> {
    return toCourseGql(await runUseCase(ctx, createCourse, courseCommand(input)));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => TrainingCohort, { description: 'Create a cohort of a course in PLANNED (TRAINING.CAPACITY_INVALID, TRAINING.DATES_OUT_OF_ORDER, TRAINING.SESSION_OUTSIDE_COHORT, …). OFFICER.' })
  async createTrainingCohort(@Args() { input }: CreateTrainingCohortArgs, @Ctx() ctx: GatewayContext): Promise<TrainingCohort> {
    const venue: CohortVenue = { kind: input.venue.kind, name: input.venue.name, kecamatan: input.venue.kecamatan, kelurahan: input.venue.kelurahan ?? null };
    const record = await runUseCase(ctx, createTrainingCohort, {
      courseId: checkId(input.courseId, ['input', 'courseId']),
      venue,
      capacity: input.capacity,
      startDate: isoDateOf(input.startDate),
      endDate: isoDateOf(input.endDate),
      promotionWindowDays: input.promotionWindowDays,
      sessions: (input.sessions ?? []).map((s) => ({ date: isoDateOf(s.date), topic: s.topic ?? null })),
      note: input.note ?? null,
    });
    return toCohortGql(record);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => TrainingCohort, {
    description:
      'Move a cohort to another status; the transition table and its guards decide (TRAINING.ILLEGAL_TRANSITION, TRAINING.NOT_YET_STARTED, TRAINING.ATTENDANCE_NOT_RECORDED, …). Completing records, in the same change, every member’s outcome the records determine: COMPLETED (attendance at or above the course’s rule, and the final assessment passed when it has one) or FAILED (ATTENDANCE_BELOW_RULE, ASSESSMENT_FAILED); a member whose final assessment is not recorded stays ENROLLED until recordAssessment records it. OFFICER.',
  })
  async transitionTrainingCohort(@Args() args: TransitionTrainingCohortArgs, @Ctx() ctx: GatewayContext): Promise<TrainingCohort> {
    const id = checkId(args.id, ['id']);
    return toCohortGql(await runUseCase(ctx, transitionTrainingCohort, { id, to: args.to, note: args.note ?? null }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => EnrolmentResult, {
    description:
      'Enrol a candidate in an ENROLLING cohort: ENROLLED while seats remain, else WAITLISTED with the place in line (a full cohort is not an error). A seat moves a SELECTED candidate to TRAINING. Refused: TRAINING.CANDIDATE_NOT_RESIDENT, TRAINING.ALREADY_ENROLLED_IN_KIND, TRAINING.NOT_ENROLLING. OFFICER.',
  })
  async enrollCandidate(@Args() args: EnrollCandidateArgs, @Ctx() ctx: GatewayContext): Promise<EnrolmentResult> {
    const command = { cohortId: checkId(args.cohortId, ['cohortId']), candidateId: checkId(args.candidateId, ['candidateId']), note: args.note ?? null };
    const r = await runUseCase(ctx, enrollCandidate, command);
    return { status: r.status, waitlistPosition: r.waitlistPosition, enrolment: toEnrolmentGql(r.enrolment), cohort: toCohortGql(r.cohort), stageChange: toStageChangeGql(r.stageChange) };
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => EnrolmentWithdrawal, {
    description:
      'A candidate leaves a cohort with a leave reason: WITHDRAWN (default; from a seat or the waitlist, ENROLLING or RUNNING) or DROPPED (`leave: DROPPED`: an ENROLLED member of a RUNNING cohort drops out). The freed seat goes to the first on the waitlist while the cohort is ENROLLING or in its promotion window (TRAINING.NOT_ENROLLED, TRAINING.NOT_EDITABLE, TRAINING.NOTE_REQUIRED). OFFICER.',
  })
  async withdrawEnrolment(@Args() args: WithdrawEnrolmentArgs, @Ctx() ctx: GatewayContext): Promise<EnrolmentWithdrawal> {
    const command = {
      cohortId: checkId(args.cohortId, ['cohortId']),
      candidateId: checkId(args.candidateId, ['candidateId']),
      reason: args.reason,
      note: args.note ?? null,
      leave: args.leave ?? 'WITHDRAWN',
    };
    const r = await runUseCase(ctx, withdrawEnrolment, command);
    return { enrolment: toEnrolmentGql(r.enrolment), cohort: toCohortGql(r.cohort), promoted: r.promoted.map(toEnrolmentGql) };
  }

  @Authorized(...TRAINING_RECORD_RULE)
  @Mutation(() => TrainingCohort, {
    description:
      'Record one session’s attendance for the whole class (RUNNING): every ENROLLED member once (TRAINING.SESSION_NOT_FOUND, TRAINING.MARK_MISSING, TRAINING.DUPLICATE_MARK, TRAINING.NOT_ENROLLED). Again for the same session: a correction. OFFICER, or a TRAINER of the cohort’s provider (another provider’s cohort: NOT_FOUND, like a missing one).',
  })
  async recordAttendance(@Args() { input }: RecordAttendanceArgs, @Ctx() ctx: GatewayContext): Promise<TrainingCohort> {
    const marks = input.marks.map((m, i) => ({ candidateId: checkId(m.candidateId, ['input', 'marks', String(i), 'candidateId']), mark: m.mark }));
    const scope = trainingProviderScope(ctx.principal);
    const command = { cohortId: checkId(input.cohortId, ['input', 'cohortId']), sessionNumber: input.sessionNumber, marks, ...(scope ? { providerScope: scope } : {}) };
    return toCohortGql(await runUseCase(ctx, recordAttendance, command));
  }

  @Authorized(...TRAINING_RECORD_RULE)
  @Mutation(() => TrainingCohort, {
    description:
      'Record a member’s practice score (on the official scale: TRAINING.SCORE_OUT_OF_SCALE) or the course’s final assessment (in a COMPLETED cohort this also records the member’s outcome, COMPLETED or FAILED). OFFICER, or a TRAINER of the cohort’s provider (another provider’s cohort: NOT_FOUND, like a missing one).',
  })
  async recordAssessment(@Args() { input }: RecordAssessmentArgs, @Ctx() ctx: GatewayContext): Promise<TrainingCohort> {
    const scope = trainingProviderScope(ctx.principal);
    const command = {
      cohortId: checkId(input.cohortId, ['input', 'cohortId']),
      candidateId: checkId(input.candidateId, ['input', 'candidateId']),
      assessment: assessmentOf(input),
      ...(scope ? { providerScope: scope } : {}),
    };
    return toCohortGql(await runUseCase(ctx, recordAssessment, command));
  }

  /** Official results come from HRD Korea / NIIED / the province and change the eligibility: officers record them, trainers do not. */
  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, {
    description: 'Record an official Korean test result in the candidate’s profile; the stored eligibility is evaluated again at once (the ranking and filters see it). OFFICER (not TRAINER: an official result is the officer’s to record).',
  })
  async recordTestResult(@Args() { input }: RecordTestResultArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const command = { candidateId: checkId(input.candidateId, ['input', 'candidateId']), result: testResultOf(input) };
    return toCandidateGql(await runUseCase(ctx, recordTestResult, command), 'FULL', ctx.clock);
  }
}

@Resolver(() => Course)
export class CourseResolver {
  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The training provider.' })
  async provider(@Root() c: Course, @Ctx() ctx: GatewayContext): Promise<Party> {
    const r = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(c.providerPartyId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toPartyGql(r);
  }
}
