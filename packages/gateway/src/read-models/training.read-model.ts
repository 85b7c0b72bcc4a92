/**
 * Training reads on plain rows (rows.ts): course and cohort pages (keyset on `createdAt, id`), and
 * what a candidate's training view is computed from, through the per-request DataLoaders (a page of
 * candidates costs the same statements as one): enrolments, their cohorts and courses, the cohorts'
 * sessions, the candidate's marks and practice scores. The figures themselves are the domain's
 * (`attendanceShare`, `assessReadiness`).
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assessReadiness,
  attendanceShare,
  countAttendance,
  parameterSnapshot,
  type AttendanceShare,
  type IsoDate,
  type Readiness,
  type ReadinessCourse,
  type Route,
  type CandidateProfile,
} from '../domain';
import { byKeyLoader, groupLoader } from '../graphql/loaders';
import type { GatewayContext } from '../graphql/context';
import { JobOpeningRecord } from '../persistence/opening.schema';
import {
  TrainingAttendanceMarkRecord,
  TrainingCohortRecord,
  TrainingCourseRecord,
  TrainingEnrolmentRecord,
  TrainingPracticeScoreRecord,
  TrainingSessionRecord,
} from '../persistence/training.schema';
import { createdOrderPage, type KeysetPage } from './rows';

export function cohortPage(em: EntityManager, where: FilterQuery<TrainingCohortRecord>, args: { first: number; after?: string | undefined }): Promise<KeysetPage<TrainingCohortRecord>> {
  return createdOrderPage(em, TrainingCohortRecord, where, args);
}

export function coursePage(em: EntityManager, where: FilterQuery<TrainingCourseRecord>, args: { first: number; after?: string | undefined }): Promise<KeysetPage<TrainingCourseRecord>> {
  return createdOrderPage(em, TrainingCourseRecord, where, args);
}

export const cohortById = (ctx: GatewayContext) => byKeyLoader<TrainingCohortRecord, string>(ctx, TrainingCohortRecord, 'id');
export const courseById = (ctx: GatewayContext) => byKeyLoader<TrainingCourseRecord, string>(ctx, TrainingCourseRecord, 'id');
export const sessionsOfCohort = (ctx: GatewayContext) => groupLoader<TrainingSessionRecord, string>(ctx, TrainingSessionRecord, 'cohortId', [['number', 'asc']]);
export const enrolmentsOfCohort = (ctx: GatewayContext) => groupLoader<TrainingEnrolmentRecord, string>(ctx, TrainingEnrolmentRecord, 'cohortId', [['sequence', 'asc']]);
export const enrolmentsOfCandidate = (ctx: GatewayContext) =>
  groupLoader<TrainingEnrolmentRecord, string>(ctx, TrainingEnrolmentRecord, 'candidateId', [
    ['requestedAt', 'asc'],
    ['id', 'asc'],
  ]);
export const marksOfCandidate = (ctx: GatewayContext) => groupLoader<TrainingAttendanceMarkRecord, string>(ctx, TrainingAttendanceMarkRecord, 'candidateId', [['id', 'asc']]);
export const scoresOfCandidate = (ctx: GatewayContext) => groupLoader<TrainingPracticeScoreRecord, string>(ctx, TrainingPracticeScoreRecord, 'candidateId', [['id', 'asc']]);

/** 1-based place of a WAITLISTED enrolment among its cohort's waitlist (null for any other status). */
export async function waitlistPositionOf(ctx: GatewayContext, e: Pick<TrainingEnrolmentRecord, 'cohortId' | 'candidateId' | 'status' | 'sequence'>): Promise<number | null> {
  if (e.status !== 'WAITLISTED') return null;
  const all = await enrolmentsOfCohort(ctx).load(e.cohortId);
  return all.filter((x) => x.status === 'WAITLISTED' && x.sequence <= e.sequence).length;
}

/** A member's attendance share in a cohort under the cohort's rule (null: no such cohort). */
export async function attendanceIn(ctx: GatewayContext, cohortId: string, candidateId: string): Promise<AttendanceShare | null> {
  const [cohort, sessions, marks] = await Promise.all([cohortById(ctx).load(cohortId), sessionsOfCohort(ctx).load(cohortId), marksOfCandidate(ctx).load(candidateId)]);
  if (!cohort) return null;
  const own = marks.filter((m) => m.cohortId === cohortId).map((m) => m.mark);
  return attendanceShare(countAttendance(sessions.length, own), cohort.rules.attendanceRule);
}

/** The latest enrolment that held a seat (seated at some point), or undefined. */
export function latestSeated(enrolments: readonly TrainingEnrolmentRecord[]): TrainingEnrolmentRecord | undefined {
  const seated = enrolments.filter((e) => e.seatedAt !== null);
  return seated.sort((a, b) => a.seatedAt!.getTime() - b.seatedAt!.getTime() || a.id - b.id)[seated.length - 1];
}

export interface ReadinessSubject {
  readonly candidateId: string;
  readonly route: Route;
  readonly profile: CandidateProfile;
  readonly openingId: string | null;
}

/** The domain's readiness of a candidate on `asOf`, from their stored enrolments, scores and profile. */
export async function readinessOf(ctx: GatewayContext, subject: ReadinessSubject, asOf: IsoDate, nextOfficialTestDate: IsoDate | null): Promise<Readiness> {
  const [enrolments, scores, opening] = await Promise.all([
    enrolmentsOfCandidate(ctx).load(subject.candidateId),
    scoresOfCandidate(ctx).load(subject.candidateId),
    subject.openingId ? byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(subject.openingId) : Promise.resolve(undefined),
  ]);
  const cohorts = await Promise.all(enrolments.map((e) => cohortById(ctx).load(e.cohortId)));
  const courses = await Promise.all(cohorts.map((c) => (c ? courseById(ctx).load(c.courseId) : Promise.resolve(undefined))));
  const readinessCourses: ReadinessCourse[] = [];
  enrolments.forEach((e, i) => {
    const cohort = cohorts[i];
    const course = courses[i];
    if (cohort && course) {
      readinessCourses.push({ courseId: course.id, title: { id: course.titleId, en: course.titleEn }, courseKind: course.kind, status: e.status, endDate: cohort.endDate as IsoDate });
    }
  });
  const extra = opening?.extraRequirements;
  return assessReadiness({
    asOf,
    route: subject.route,
    params: parameterSnapshot(asOf),
    practiceScores: scores.map((s) => ({ test: s.test, takenOn: s.takenOn as IsoDate, score: s.score })),
    courses: readinessCourses,
    nextOfficialTestDate,
    ...(extra ? { opening: { minEpsTopikScore: extra.minEpsTopikScore, minTopikLevel: extra.minTopikLevel } } : {}),
    profile: subject.profile,
  });
}
