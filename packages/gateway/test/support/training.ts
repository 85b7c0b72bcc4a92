/**
 * Training fixtures for the training suites: a training provider, a Korean course and cohorts made
 * through the use cases themselves (no GraphQL), with a clock the suite moves.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../src/clock';
import type { Principal } from '../../src/security/role';
import { createCourse } from '../../src/use-cases/create-course.use-case';
import { createTrainingCohort, type CreateTrainingCohortCommand } from '../../src/use-cases/create-training-cohort.use-case';
import { transitionTrainingCohort } from '../../src/use-cases/transition-training-cohort.use-case';
import type { UseCaseDeps } from '../../src/use-cases/use-case';
import type { TestGateway } from '../harness';
import { createParty } from './program';
import { captureLogger } from './silent-logger';

/** A clock the suite sets (`clock.set('2026-03-02')`), noon WIB of a bare date. */
export function movableClock(start: string): Clock & { set(at: string): void } {
  let ms = 0;
  const set = (at: string) => {
    ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T05:00:00Z` : at);
  };
  set(start);
  return { now: () => new Date(ms), set };
}

export const TRAINING_OFFICER: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:training-test' };

export function useCaseDeps(t: TestGateway, clock: Clock): UseCaseDeps {
  return {
    em: t.gateway.orm.em.fork() as EntityManager,
    clock,
    actor: TRAINING_OFFICER.subject,
    principal: TRAINING_OFFICER,
    requestId: 'training-test',
    log: captureLogger('warn').log,
  };
}

export async function trainingProvider(t: TestGateway, name = 'BBPVP Serang'): Promise<string> {
  return createParty(t, { kind: 'TRAINING_PROVIDER', name, country: 'ID' });
}

/** A 100-hour Korean course (EPS-TOPIK target 120) with the provider's rule "4/5, excused counts as present" and a final test. */
export async function koreanCourse(t: TestGateway, clock: Clock, providerId: string): Promise<string> {
  const course = await createCourse(
    {
      title: { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' },
      kind: 'KOREAN_LANGUAGE',
      providerPartyId: providerId,
      providerType: 'BBPVP',
      licence: null,
      target: { kind: 'EPS_TOPIK', score: 120 },
      hours: 100,
      feeIdr: 1_500_000,
      attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: 'Tata tertib pelatihan BBPVP (test fixture)' },
      hasFinalAssessment: true,
      note: null,
    },
    useCaseDeps(t, clock),
  );
  return course.id;
}

/** A cohort of `courseId`, opened for enrolment unless `open` is false. */
export async function cohort(t: TestGateway, clock: Clock, courseId: string, over: Partial<CreateTrainingCohortCommand> = {}, open = true): Promise<string> {
  const created = await createTrainingCohort(
    {
      courseId,
      venue: { kind: 'KAMPUNG_BAHASA', name: 'Kampung Bahasa Serang', kecamatan: 'Cipocok Jaya', kelurahan: null },
      capacity: 20,
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      promotionWindowDays: 7,
      sessions: [
        { date: '2026-03-02', topic: 'Hangeul' },
        { date: '2026-03-03', topic: 'Salam' },
      ],
      note: null,
      ...over,
    },
    useCaseDeps(t, clock),
  );
  if (open) await transitionTrainingCohort({ id: created.id, to: 'ENROLLING', note: null }, useCaseDeps(t, clock));
  return created.id;
}

/** Today in WIB (the program's date) on the system clock, for suites that run on it. */
export function todayWib(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `CreateCourseInput` of a Korean course (EPS-TOPIK target 120, the rule "4/5, excused counts as present"). */
export function koreanCourseInput(providerPartyId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' },
    kind: 'KOREAN_LANGUAGE',
    providerPartyId,
    providerType: 'BBPVP',
    target: { kind: 'EPS_TOPIK', score: 120 },
    hours: 100,
    feeIdr: '1500000',
    attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: 'Tata tertib pelatihan BBPVP (test fixture)' },
    hasFinalAssessment: true,
    ...over,
  };
}

/** `CreateTrainingCohortInput` of `courseId` starting on `startDate` (one session that day), 60 days long. */
export function cohortInput(courseId: string, startDate: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    courseId,
    venue: { kind: 'KAMPUNG_BAHASA', name: 'Kampung Bahasa Serang', kecamatan: 'Cipocok Jaya' },
    capacity: 10,
    startDate,
    endDate: daysAfter(startDate, 60),
    promotionWindowDays: 7,
    sessions: [{ date: startDate, topic: 'Hangeul' }],
    ...over,
  };
}
