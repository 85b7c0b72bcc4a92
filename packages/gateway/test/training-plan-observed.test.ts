/**
 * `trainingPlan` with observed rates (issue 10: "observed rates come from the stored records once
 * they exist"), over HTTP against the real gateway and PostgreSQL, on a fixture built through the
 * use cases (disclosure.minCellCount is 5 on these dates):
 *
 * - cohort A (provider P1, EPS-TOPIK course, capacity 8): 10 enrol (8 seated, 2 waitlisted); the
 *   first waitlisted withdraws (never seated: not counted); a seated member withdraws before the
 *   start (counted: left), which promotes the second waitlisted; one drops out while running
 *   (counted: left); the 7 others complete. Dropout 2 of 9. Official EPS-TOPIK: 5 pass, 1 fails → 5 of 6.
 * - cohort B (provider P3, same kind of course): 3 members, all complete, no official result
 *   (too few records on their own: 3 < 5, and no one sat the test).
 * - cohort C (provider P2): 5 members, all complete and pass → dropout 0 of 5, pass 5 of 5.
 */
import type { Client } from 'pg';
import { parameterSnapshot } from '../src/domain';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { recordAssessment } from '../src/use-cases/record-assessment.use-case';
import { recordAttendance } from '../src/use-cases/record-attendance.use-case';
import { recordTestResult } from '../src/use-cases/record-test-result.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { withdrawEnrolment } from '../src/use-cases/withdraw-enrolment.use-case';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, registerCandidate } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

/** The gateway's day when the suite asks: the protected view's reference date is then 2026-06-30. */
const TODAY = '2026-07-15';
const clock = movableClock('2026-02-20');
let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
let trainerP2: TestCaller;
const provider = { P1: '', P2: '', P3: '' };
let n = 900;

const deps = () => useCaseDeps(t, clock);
const E9 = {
  topikResults: [],
  medical: { colourBlind: false, completeFingers: true, conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false } },
  criminalRecord: { everImprisoned: false },
};

async function members(count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(await registerCandidate(t, eligibleWelderProfile((n += 1), E9), { targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' }));
  return out;
}

/** Present at every session, final test passed, then the cohort completes. */
async function finish(cohortId: string, list: readonly string[], sessions: number): Promise<void> {
  for (let s = 1; s <= sessions; s++) await recordAttendance({ cohortId, sessionNumber: s, marks: list.map((candidateId) => ({ candidateId, mark: 'PRESENT' as const })) }, deps());
  for (const candidateId of list) await recordAssessment({ cohortId, candidateId, assessment: { kind: 'FINAL', passed: true, assessedOn: '2026-05-29' } }, deps());
  await transitionTrainingCohort({ id: cohortId, to: 'COMPLETED', note: null }, deps());
}

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  provider.P1 = await trainingProvider(t, 'BBPVP Serang');
  provider.P2 = await trainingProvider(t, 'KIOTEC');
  provider.P3 = await trainingProvider(t, 'LPK Kasemen');
  trainerP2 = t.as(await t.createKey({ roles: ['TRAINER'], partyIds: [provider.P2], name: 'KIOTEC trainer' }));
  const sessions = [{ date: '2026-03-02', topic: null }, { date: '2026-03-03', topic: null }];
  const A = await cohort(t, clock, await koreanCourse(t, clock, provider.P1), { capacity: 8, sessions });
  const B = await cohort(t, clock, await koreanCourse(t, clock, provider.P3), { capacity: 8, sessions });
  const C = await cohort(t, clock, await koreanCourse(t, clock, provider.P2), { capacity: 8, sessions });
  const a = await members(10);
  const b = await members(3);
  const c = await members(5);
  for (const [id, list] of [[A, a], [B, b], [C, c]] as const) for (const candidateId of list) await enrollCandidate({ cohortId: id, candidateId, note: null }, deps());

  await withdrawEnrolment({ cohortId: A, candidateId: a[8]!, reason: 'PERSONAL', note: null }, deps()); // waitlisted: never seated
  await withdrawEnrolment({ cohortId: A, candidateId: a[7]!, reason: 'WORK_ELSEWHERE', note: null }, deps()); // seated: left; promotes a[9]
  clock.set('2026-03-02');
  for (const id of [A, B, C]) await transitionTrainingCohort({ id, to: 'RUNNING', note: null }, deps());
  clock.set('2026-03-04');
  await withdrawEnrolment({ cohortId: A, candidateId: a[6]!, reason: 'HEALTH', note: null, leave: 'DROPPED' }, deps());
  clock.set('2026-05-29');
  await finish(A, [...a.slice(0, 6), a[9]!], 2);
  await finish(B, b, 2);
  await finish(C, c, 2);

  clock.set('2026-06-10');
  const minScore = parameterSnapshot('2026-06-10').get('eps.topikMinScore');
  for (const id of [...a.slice(0, 5), ...c]) await recordTestResult({ candidateId: id, result: { test: 'EPS_TOPIK', takenOn: '2026-06-10', score: minScore, round: null } }, deps());
  await recordTestResult({ candidateId: a[5]!, result: { test: 'EPS_TOPIK', takenOn: '2026-06-10', score: minScore - 1, round: null } }, deps());
  clock.set(TODAY);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

// ------------------------------------------------------------------------------------------------ query

interface Rate { value: string; source: 'INPUT' | 'OBSERVED'; numerator: number | null; denominator: number | null; observedOn: string | null }
interface Plan { completersPerCohort: number; passersPerCohort: number; cohortsNeeded: number | null; dropoutRate: Rate; passRate: Rate }
const RATE = 'value source numerator denominator observedOn';
const QUERY = `query($input: TrainingPlanInput!) { trainingPlan(input: $input) {
  completersPerCohort passersPerCohort cohortsNeeded dropoutRate { ${RATE} } passRate { ${RATE} } } }`;

const BASE = {
  target: 100,
  targetDate: '2027-12-31',
  planStart: '2026-08-03',
  cohortSize: 34,
  cohortWeeks: 12,
  maxConcurrentCohorts: 5,
  officialTestDates: ['2026-11-02', '2027-03-01', '2027-06-07'],
  passToDepartureDays: 60,
};

async function plan(who: TestCaller | TestGateway, over: Record<string, unknown> = {}) {
  return who.gql<{ trainingPlan: Plan }>(QUERY, { input: { ...BASE, ...over } });
}
async function planned(who: TestCaller | TestGateway, over: Record<string, unknown> = {}): Promise<Plan> {
  const res = await plan(who, over);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.trainingPlan;
}
async function refusal(who: TestCaller | TestGateway, over: Record<string, unknown> = {}) {
  const res = await plan(who, over);
  expect(res.body.data?.trainingPlan ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors![0]!.extensions as Record<string, unknown>;
}

const observed = (numerator: number, denominator: number): Rate => ({ value: `${numerator}/${denominator}`, source: 'OBSERVED', numerator, denominator, observedOn: TODAY });
const given = (value: string): Rate => ({ value, source: 'INPUT', numerator: null, denominator: null, observedOn: null });

// ------------------------------------------------------------------------------------------------ tests

describe('trainingPlan: observed rates', () => {
  it('OFFICER: both rates observed over every cohort, with the counts, and the plan uses them', async () => {
    const p = await planned(officer);
    // dropout: A 2 of 9 (a waitlisted withdrawal is not counted), B 0 of 3, C 0 of 5; pass: A 5 of 6, C 5 of 5
    expect(p.dropoutRate).toEqual(observed(2, 17));
    expect(p.passRate).toEqual(observed(10, 11));
    expect(p.completersPerCohort).toBe(30); // ⌊34 × 15/17⌋
    expect(p.passersPerCohort).toBe(27); // ⌊30 × 10/11⌋
    expect(p.cohortsNeeded).toBe(4); // ⌈100 / 27⌉
  });

  it('observes over the cohorts of observedFrom', async () => {
    const p = await planned(officer, { observedFrom: { providerPartyIds: [provider.P1] } });
    expect(p.dropoutRate).toEqual(observed(2, 9));
    expect(p.passRate).toEqual(observed(5, 6));
  });

  it('a rate given as input overrides the observed one (source INPUT), the other one still observed', async () => {
    const p = await planned(officer, { dropoutRate: '1/10' });
    expect(p.dropoutRate).toEqual(given('1/10'));
    expect(p.passRate).toEqual(observed(10, 11));
    expect(p.completersPerCohort).toBe(30); // ⌊34 × 9/10⌋
    const both = await planned(officer, { dropoutRate: '0', passRate: '1/2' });
    expect([both.dropoutRate, both.passRate]).toEqual([given('0'), given('1/2')]);
    expect([both.completersPerCohort, both.passersPerCohort]).toEqual([34, 17]);
  });

  it('refuses an observed rate over fewer than minCellCount records, naming the input to give', async () => {
    const p3 = { observedFrom: { providerPartyIds: [provider.P3] } };
    expect(await refusal(officer, p3)).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'TRAINING.OBSERVED_RATE_UNAVAILABLE',
      field: ['input', 'dropoutRate'],
      details: { reason: 'TOO_FEW_RECORDS', minCellCount: 5 },
    });
    const e = await refusal(officer, { ...p3, dropoutRate: '1/10' }); // no one of B sat the test
    expect(e).toMatchObject({ domainCode: 'TRAINING.OBSERVED_RATE_UNAVAILABLE', field: ['input', 'passRate'] });
    const messages = e.messages as { id: string; en: string };
    expect(messages.en).toContain('passRate');
    expect(messages.id).toContain('passRate');
    expect(messages.id).not.toEqual(messages.en);
  });

  it('protected view (ANALYST, TRAINER): a rate only when the aggregates would publish it, rounded, never the counts', async () => {
    // over everything: 2 of 17 left (a small numerator) → refused like the aggregates' suppressed figure
    expect(await refusal(analyst)).toMatchObject({ domainCode: 'TRAINING.OBSERVED_RATE_UNAVAILABLE', field: ['input', 'dropoutRate'], details: { reason: 'NOT_PUBLISHABLE' } });
    // given the dropout: 10 of 11 passed (a rest of 1) → refused too
    expect(await refusal(analyst, { dropoutRate: '1/10' })).toMatchObject({ field: ['input', 'passRate'], details: { reason: 'NOT_PUBLISHABLE' } });
    const c = { value: '0.0000', source: 'OBSERVED', numerator: null, denominator: null, observedOn: '2026-06-30' };
    const p2 = await planned(analyst, { observedFrom: { providerPartyIds: [provider.P2] } });
    expect(p2.dropoutRate).toEqual(c);
    expect(p2.passRate).toEqual({ ...c, value: '1.0000' });
    // a TRAINER's scope is their providers' cohorts: P2's only, without a filter
    const tr = await planned(trainerP2);
    expect([tr.dropoutRate, tr.passRate]).toEqual([p2.dropoutRate, p2.passRate]);
  });

  it('a caller who may not read the training aggregates (anonymous) gets no observed rate, but the plan with inputs as before', async () => {
    expect(await refusal(t)).toMatchObject({ domainCode: 'TRAINING.OBSERVED_RATE_UNAVAILABLE', field: ['input', 'dropoutRate'], details: { reason: 'NOT_READABLE' } });
    const p = await planned(t, { dropoutRate: '1/10', passRate: '3/4' });
    expect([p.dropoutRate.source, p.passRate.source, p.passersPerCohort]).toEqual(['INPUT', 'INPUT', 22]); // ⌊⌊34 × 9/10⌋ × 3/4⌋ = ⌊30 × 3/4⌋
  });

  it('a refused query changes nothing', async () => {
    const tables = ['training_cohort', 'training_enrolment', 'training_attendance_mark', 'candidate', 'audit_log'];
    const snapshot = async () => {
      const out: Record<string, unknown> = {};
      for (const table of tables) out[table] = (await db.query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d, count(*)::int as n from ${table} t`)).rows[0];
      return out;
    };
    const before = await snapshot();
    await refusal(officer, { observedFrom: { providerPartyIds: [provider.P3] } });
    await refusal(analyst);
    await refusal(t);
    expect(await snapshot()).toEqual(before);
  });
});
