/**
 * Training outcomes and the stage gate that uses them, on a real database (issue 10):
 *
 * - completing a cohort records every member's outcome the records determine, in the same
 *   transaction: exactly at the course's attendance rule completes, one session under fails; a member
 *   whose final assessment is not recorded stays ENROLLED until recordAssessment records it;
 * - dropping out (withdrawEnrolment with leave DROPPED) is an outcome with a reason code;
 * - leaving TRAINING for TESTING needs a COMPLETED course and no open one (TRAINING.NOT_COMPLETED),
 *   while a candidate with no training record keeps the gates of before;
 * - an official result changes the stored eligibility and the ranking for an opening;
 * - every refused write changes nothing.
 */
import type { Client } from 'pg';
import { createCourse } from '../src/use-cases/create-course.use-case';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { advanceCandidate } from '../src/use-cases/advance-candidate.use-case';
import { recordAssessment } from '../src/use-cases/record-assessment.use-case';
import { recordAttendance } from '../src/use-cases/record-attendance.use-case';
import { recordTestResult } from '../src/use-cases/record-test-result.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { UseCaseError } from '../src/use-cases/use-case-error';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const clock = movableClock('2026-03-02');
let t: TestGateway;
let db: Client;
let providerId: string;
let koreanId: string;
let safetyId: string;
let openingId: string;
let n = 800;

const deps = () => useCaseDeps(t, clock);
const registered = (overrides: Record<string, unknown> = {}) => registerCandidate(t, eligibleWelderProfile((n += 1), overrides));

/** A candidate SELECTED for the suite's opening (a seat allocated). */
async function selected(): Promise<string> {
  const id = await registered();
  await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  return id;
}

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  providerId = await trainingProvider(t);
  koreanId = await koreanCourse(t, clock, providerId);
  safetyId = (
    await createCourse(
      {
        title: { id: 'Keselamatan kerja galangan', en: 'Shipyard work safety' },
        kind: 'SAFETY',
        providerPartyId: providerId,
        providerType: 'BBPVP',
        licence: null,
        target: null,
        hours: 40,
        feeIdr: 500_000,
        attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_ABSENT', statedBy: 'Tata tertib pelatihan BBPVP (test fixture)' },
        hasFinalAssessment: false,
        note: null,
      },
      deps(),
    )
  ).id;
  openingId = await openOpening(t, await signedMou(t), 20);
});
afterAll(async () => {
  await t?.close();
});

/** The domain code a refused use case gives, and the failure's details. */
async function refusal(work: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await work;
  } catch (e) {
    if (!(e instanceof UseCaseError)) throw e;
    const f = e.failure;
    if (f.kind === 'DOMAIN') return { code: f.error.code, ...(f.error.details ? { details: { ...f.error.details } } : {}) };
    return { code: f.kind === 'REJECTED' ? (f.domainCode ?? f.code) : f.kind };
  }
  throw new Error('the use case did not refuse');
}

const TABLES = ['training_cohort', 'training_cohort_status_change', 'training_enrolment', 'training_final_assessment', 'candidate', 'candidate_stage_change', 'placement', 'audit_log'];

/** Row counts and a digest of every row of the tables a refused write could touch. */
async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) out[table] = (await db.query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d, count(*)::int as n from ${table} t`)).rows[0];
  return out;
}

const enrolment = async (cohortId: string, candidateId: string) =>
  (await db.query('select status, reason, ended_at is not null as ended from training_enrolment where cohort_id = $1 and candidate_id = $2', [cohortId, candidateId])).rows[0];
const stageOf = async (id: string) => (await db.query('select stage from candidate where id = $1', [id])).rows[0]?.stage;
const advance = (id: string, to: 'TRAINING' | 'TESTING') => advanceCandidate({ id, to, note: null }, deps());
const marks = (ids: readonly string[], markOf: (id: string) => 'PRESENT' | 'ABSENT' | 'EXCUSED') => ids.map((candidateId) => ({ candidateId, mark: markOf(candidateId) }));

describe('outcomes when a cohort completes, and the TRAINING exit gate', () => {
  it('exactly at the rule completes, one session under fails; TESTING waits for the outcome and needs a completion', async () => {
    clock.set('2026-03-02');
    const atRule = await selected();
    const under = await selected();
    const always = await registered();
    const sessions = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((date) => ({ date, topic: null }));
    const cohortId = await cohort(t, clock, safetyId, { capacity: 5, endDate: '2026-03-06', sessions });
    for (const id of [atRule, under, always]) await enrollCandidate({ cohortId, candidateId: id, note: null }, deps());
    expect([await stageOf(atRule), await stageOf(under)]).toEqual(['TRAINING', 'TRAINING']);
    await transitionTrainingCohort({ id: cohortId, to: 'RUNNING', note: null }, deps());
    // the rule is 4/5 of 5 sessions: atRule misses one (4 of 5), under misses two (3 of 5)
    for (const s of [1, 2, 3, 4, 5]) {
      await recordAttendance({ cohortId, sessionNumber: s, marks: marks([atRule, under, always], (id) => ((id === atRule && s === 5) || (id === under && s >= 4) ? 'ABSENT' : 'PRESENT')) }, deps());
    }

    // still running: leaving TRAINING is refused, naming the course, and nothing is written
    let before = await snapshot();
    expect(await refusal(advance(atRule, 'TESTING'))).toEqual({ code: 'TRAINING.NOT_COMPLETED', details: { reason: 'IN_PROGRESS', courseIds: safetyId, cohortIds: cohortId } });
    expect(await snapshot()).toEqual(before);

    clock.set('2026-03-06');
    await transitionTrainingCohort({ id: cohortId, to: 'COMPLETED', note: null }, deps());
    expect(await enrolment(cohortId, atRule)).toEqual({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET', ended: true });
    expect(await enrolment(cohortId, under)).toEqual({ status: 'FAILED', reason: 'ATTENDANCE_BELOW_RULE', ended: true });
    expect(await enrolment(cohortId, always)).toEqual({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET', ended: true });
    // one audit row for the completion, its `after` carrying the outcomes
    const audit = (await db.query(`select action, after from audit_log where entity_type = 'TrainingCohort' and entity_id = $1 order by id desc limit 1`, [cohortId])).rows[0];
    expect(audit.action).toBe('transitionTrainingCohort');
    expect(audit.after.enrolments.map((e: { candidateId: string; status: string }) => [e.candidateId, e.status])).toEqual([
      [atRule, 'COMPLETED'],
      [under, 'FAILED'],
      [always, 'COMPLETED'],
    ]);

    // a failed course is no completion: refused, nothing written; the completed one moves on
    before = await snapshot();
    const r = await refusal(advance(under, 'TESTING'));
    expect(r).toEqual({ code: 'TRAINING.NOT_COMPLETED', details: { reason: 'NONE_COMPLETED', courseIds: safetyId, cohortIds: cohortId } });
    expect(await snapshot()).toEqual(before);
    await advance(atRule, 'TESTING');
    expect([await stageOf(atRule), await stageOf(under)]).toEqual(['TESTING', 'TRAINING']);
  });

  it('a member awaiting the final assessment stays ENROLLED; recording it settles the outcome and opens TESTING', async () => {
    clock.set('2026-03-02');
    const awaiting = await selected();
    const failing = await registered();
    const passing = await registered();
    const cohortId = await cohort(t, clock, koreanId, { capacity: 3 });
    for (const id of [awaiting, failing, passing]) await enrollCandidate({ cohortId, candidateId: id, note: null }, deps());
    await transitionTrainingCohort({ id: cohortId, to: 'RUNNING', note: null }, deps());
    for (const s of [1, 2]) await recordAttendance({ cohortId, sessionNumber: s, marks: marks([awaiting, failing, passing], () => 'PRESENT') }, deps());
    await recordAssessment({ cohortId, candidateId: failing, assessment: { kind: 'FINAL', passed: false, assessedOn: '2026-05-28' } }, deps());
    await recordAssessment({ cohortId, candidateId: passing, assessment: { kind: 'FINAL', passed: true, assessedOn: '2026-05-28' } }, deps());

    clock.set('2026-05-29');
    await transitionTrainingCohort({ id: cohortId, to: 'COMPLETED', note: null }, deps());
    expect(await enrolment(cohortId, passing)).toEqual({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET', ended: true });
    expect(await enrolment(cohortId, failing)).toEqual({ status: 'FAILED', reason: 'ASSESSMENT_FAILED', ended: true });
    expect(await enrolment(cohortId, awaiting)).toEqual({ status: 'ENROLLED', reason: null, ended: false });
    const before = await snapshot();
    expect(await refusal(advance(awaiting, 'TESTING'))).toMatchObject({ code: 'TRAINING.NOT_COMPLETED', details: { reason: 'IN_PROGRESS', courseIds: koreanId } });
    expect(await snapshot()).toEqual(before);

    clock.set('2026-06-02');
    await recordAssessment({ cohortId, candidateId: awaiting, assessment: { kind: 'FINAL', passed: true, assessedOn: '2026-06-01' } }, deps());
    expect(await enrolment(cohortId, awaiting)).toEqual({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET', ended: true });
    const last = (await db.query(`select action from audit_log where entity_type = 'TrainingCohort' and entity_id = $1 order by id desc limit 1`, [cohortId])).rows[0];
    expect(last.action).toBe('recordAssessment');
    // settled outcomes are final: another assessment is refused and writes nothing
    const settled = await snapshot();
    expect((await refusal(recordAssessment({ cohortId, candidateId: awaiting, assessment: { kind: 'FINAL', passed: false, assessedOn: '2026-06-02' } }, deps()))).code).toBe(
      'TRAINING.NOT_ENROLLED',
    );
    expect(await snapshot()).toEqual(settled);
    await advance(awaiting, 'TESTING');
    expect(await stageOf(awaiting)).toBe('TESTING');
  });
});

describe('dropping out', () => {
  const DROP = `mutation($k: ID!, $c: ID!, $leave: EnrolmentLeave) {
    withdrawEnrolment(cohortId: $k, candidateId: $c, reason: HEALTH, leave: $leave) { enrolment { status reason endedAt } promoted { candidateId status } }
  }`;

  it('DROPPED with its reason code while the cohort runs (the waitlist moves up); refused before it runs, writing nothing', async () => {
    clock.set('2026-03-02');
    const dropper = await selected();
    const waiting = await registered();
    const cohortId = await cohort(t, clock, koreanId, { capacity: 1 });
    await enrollCandidate({ cohortId, candidateId: dropper, note: null }, deps());
    await enrollCandidate({ cohortId, candidateId: waiting, note: null }, deps());

    const before = await snapshot();
    const early = await t.as('officer').gql(DROP, { k: cohortId, c: dropper, leave: 'DROPPED' });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'TRAINING.NOT_EDITABLE' });
    expect(await snapshot()).toEqual(before);

    await transitionTrainingCohort({ id: cohortId, to: 'RUNNING', note: null }, deps());
    const dropped = await ok(t, DROP, { k: cohortId, c: dropper, leave: 'DROPPED' });
    expect(dropped.withdrawEnrolment.enrolment).toMatchObject({ status: 'DROPPED', reason: 'HEALTH' });
    expect(dropped.withdrawEnrolment.promoted).toEqual([{ candidateId: waiting, status: 'ENROLLED' }]);
    expect(await enrolment(cohortId, dropper)).toEqual({ status: 'DROPPED', reason: 'HEALTH', ended: true });
    // a dropout is no completion
    expect((await refusal(advance(dropper, 'TESTING'))).details).toMatchObject({ reason: 'NONE_COMPLETED' });
    expect(await stageOf(dropper)).toBe('TRAINING');
  });
});

describe('no training record', () => {
  it('a candidate with no training record keeps the gates of before', async () => {
    clock.set('2026-06-02');
    const trainedElsewhere = await selected();
    await advance(trainedElsewhere, 'TRAINING');
    await advance(trainedElsewhere, 'TESTING');
    expect(await stageOf(trainedElsewhere)).toBe('TESTING');
  });
});

describe('recordTestResult and the ranking', () => {
  /** An open E-9 manufacturing opening (the Korean test is a selection rule of E-9). */
  async function e9Opening(): Promise<string> {
    const p = await signedMou(t, 'MoU Pemkot Serang – APJATI (E-9)');
    await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', { input: { mouId: p.mouId, occupation: 'MANUFACTURING_WORKER', route: 'E9', seats: 10 } });
    const input = { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'MANUFACTURING_WORKER', route: 'E9', seats: 5, wage: { basis: 'FIXED', monthlyKrw: '2500000' }, contractMonths: 36 };
    const id = (await ok<{ createJobOpening: { id: string } }>(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', { input })).createJobOpening.id;
    await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }', { input: { id, attacheVerifiedOn: '2025-12-10', attacheReference: 'KBRI-SEOUL-002' } });
    await ok(t, 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }', { id });
    return id;
  }

  it('an official result changes the stored eligibility and the candidate’s place in the ranking for an opening', async () => {
    clock.set('2026-06-02');
    const opening = await e9Opening();
    // E-9 candidates who meet every selection rule; `late` has no EPS-TOPIK result yet, the others passed one
    const e9 = {
      topikResults: [],
      medical: { colourBlind: false, completeFingers: true, conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false } },
      criminalRecord: { everImprisoned: false },
    };
    const route = { targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' };
    const late = await registerCandidate(t, eligibleWelderProfile((n += 1), e9), route);
    for (let i = 0; i < 3; i += 1) {
      await registerCandidate(t, eligibleWelderProfile((n += 1), { ...e9, epsTopikResults: [{ takenOn: '2026-02-20', score: 150 }] }), route);
    }
    const RANKED = 'query($id: ID!) { jobOpening(id: $id) { rankedCandidates(first: 100) { rank eligibleToBeSelected candidate { id } } } }';
    type Ranked = { rank: number; eligibleToBeSelected: boolean; candidate: { id: string } };
    const ranking = async () => (await ok<{ jobOpening: { rankedCandidates: Ranked[] } }>(t, RANKED, { id: opening })).jobOpening.rankedCandidates;
    const eligibility = async () => (await db.query('select eligibility from candidate where id = $1', [late])).rows[0].eligibility;

    const before = await ranking();
    const mine = before.find((r) => r.candidate.id === late)!;
    expect(await eligibility()).toBe('ACTION_NEEDED');
    expect(mine.eligibleToBeSelected).toBe(false);
    expect(before.filter((r) => r.eligibleToBeSelected)).toHaveLength(3);
    expect(mine.rank).toBe(4);

    await recordTestResult({ candidateId: late, result: { test: 'EPS_TOPIK', takenOn: '2026-05-30', score: 190, round: null } }, deps());
    expect(await eligibility()).toBe('ELIGIBLE');
    const after = await ranking();
    const now = after.find((r) => r.candidate.id === late)!;
    expect(after.filter((r) => r.eligibleToBeSelected)).toHaveLength(4);
    // eligible now, with the best score of the four
    expect(now).toMatchObject({ eligibleToBeSelected: true, rank: 1 });
  });
});
