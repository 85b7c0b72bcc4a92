/**
 * Training on a real database, through the use cases (no GraphQL, no mocks): the enrolment race
 * (30 concurrent enrolments into 20 seats), promotion from the waitlist, the candidate's move to
 * TRAINING, attendance and assessments, official results re-evaluating the stored eligibility, and
 * refused writes leaving every table as it was.
 */
import type { Client } from 'pg';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';
import { enrollCandidate, type EnrolmentOutcome } from '../src/use-cases/enroll-candidate.use-case';
import { withdrawEnrolment } from '../src/use-cases/withdraw-enrolment.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { recordAttendance } from '../src/use-cases/record-attendance.use-case';
import { recordAssessment } from '../src/use-cases/record-assessment.use-case';
import { recordTestResult } from '../src/use-cases/record-test-result.use-case';
import { createTrainingCohort } from '../src/use-cases/create-training-cohort.use-case';
import { UseCaseError } from '../src/use-cases/use-case-error';

const clock = movableClock('2026-03-02');
let t: TestGateway;
let db: Client;
let courseId: string;
let n = 500;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  courseId = await koreanCourse(t, clock, await trainingProvider(t));
});
afterAll(async () => {
  await t?.close();
});

const deps = () => useCaseDeps(t, clock);
const candidate = (overrides: Record<string, unknown> = {}) => registerCandidate(t, eligibleWelderProfile((n += 1), overrides));

/** The domain code a refused use case gives. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (!(e instanceof UseCaseError)) throw e;
    const f = e.failure;
    return f.kind === 'DOMAIN' ? f.error.code : f.kind === 'REJECTED' ? (f.domainCode ?? f.code) : f.kind;
  }
  throw new Error('the use case did not refuse');
}

const TABLES = [
  'training_course',
  'training_cohort',
  'training_cohort_status_change',
  'training_session',
  'training_attendance_mark',
  'training_enrolment',
  'training_practice_score',
  'training_final_assessment',
  'candidate',
  'candidate_stage_change',
  'audit_log',
];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await db.query(`select count(*) from ${table}`)).rows[0].count);
  return out;
}

describe('the enrolment race', () => {
  it('30 concurrent enrolments into 20 seats: 20 ENROLLED, waitlist 1..10; a withdrawal promotes position 1', async () => {
    const cohortId = await cohort(t, clock, courseId, { capacity: 20 });
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await candidate());
    const outcomes = await Promise.all(ids.map((candidateId) => enrollCandidate({ cohortId, candidateId, note: null }, deps())));

    expect(outcomes.filter((o) => o.status === 'ENROLLED')).toHaveLength(20);
    const waitlisted = outcomes.filter((o) => o.status === 'WAITLISTED');
    expect(waitlisted.map((o) => o.waitlistPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(outcomes.filter((o) => o.status === 'ENROLLED').every((o) => o.waitlistPosition === null)).toBe(true);
    // arrival order is the lock order: every enrolled sequence comes before every waitlisted one
    const maxEnrolled = Math.max(...outcomes.filter((o) => o.status === 'ENROLLED').map((o) => o.enrolment.sequence));
    expect(Math.min(...waitlisted.map((o) => o.enrolment.sequence))).toBe(maxEnrolled + 1);
    const row = (await db.query('select enrolled_count, waitlisted_count from training_cohort where id = $1', [cohortId])).rows[0];
    expect(row).toEqual({ enrolled_count: 20, waitlisted_count: 10 });
    const byStatus = (await db.query('select status, count(*)::int as n from training_enrolment where cohort_id = $1 group by status order by status', [cohortId])).rows;
    expect(byStatus).toEqual([
      { status: 'ENROLLED', n: 20 },
      { status: 'WAITLISTED', n: 10 },
    ]);

    const first = waitlisted.find((o) => o.waitlistPosition === 1)!;
    const leaving = outcomes.find((o) => o.status === 'ENROLLED')!;
    const withdrawal = await withdrawEnrolment({ cohortId, candidateId: leaving.enrolment.candidateId, reason: 'WORK_ELSEWHERE', note: null }, deps());
    expect(withdrawal.enrolment.status).toBe('WITHDRAWN');
    expect(withdrawal.promoted.map((e) => e.candidateId)).toEqual([first.enrolment.candidateId]);
    const statuses = (await db.query('select candidate_id, status from training_enrolment where cohort_id = $1', [cohortId])).rows;
    const statusOf = (id: string) => statuses.find((r) => r.candidate_id === id)?.status;
    expect(statusOf(first.enrolment.candidateId)).toBe('ENROLLED');
    expect(statusOf(leaving.enrolment.candidateId)).toBe('WITHDRAWN');
    expect((await db.query('select enrolled_count, waitlisted_count from training_cohort where id = $1', [cohortId])).rows[0]).toEqual({ enrolled_count: 20, waitlisted_count: 9 });
    const audits = (await db.query(`select action from audit_log where entity_type = 'TrainingCohort' and entity_id = $1 order by id`, [cohortId])).rows.map((r) => r.action);
    expect(audits.filter((a) => a === 'enrollCandidate')).toHaveLength(30);
    expect(audits[audits.length - 1]).toBe('withdrawEnrolment');
  });
});

describe('refused writes change nothing', () => {
  it('over capacity, dates in the wrong order, a non-resident, a second Korean course, a session that does not exist', async () => {
    const running = await cohort(t, clock, courseId, { capacity: 3 });
    const member = await candidate();
    await enrollCandidate({ cohortId: running, candidateId: member, note: null }, deps());
    await transitionTrainingCohort({ id: running, to: 'RUNNING', note: null }, deps());
    const other = await cohort(t, clock, courseId, { capacity: 3 });
    const outsider = await candidate({ address: { kecamatan: 'Rangkasbitung', city: 'Kabupaten Lebak', source: 'KTP' } });

    const before = await counts();
    const base = { courseId, venue: { kind: 'LPK' as const, name: 'LPK Maju', kecamatan: 'Serang', kelurahan: null }, promotionWindowDays: 7, sessions: [], note: null };
    expect(await refusal(createTrainingCohort({ ...base, capacity: 5000, startDate: '2026-04-01', endDate: '2026-06-30' }, deps()))).toBe('TRAINING.CAPACITY_INVALID');
    expect(await refusal(createTrainingCohort({ ...base, capacity: 10, startDate: '2026-06-30', endDate: '2026-04-01' }, deps()))).toBe('TRAINING.DATES_OUT_OF_ORDER');
    expect(await refusal(enrollCandidate({ cohortId: other, candidateId: outsider, note: null }, deps()))).toBe('TRAINING.CANDIDATE_NOT_RESIDENT');
    expect(await refusal(enrollCandidate({ cohortId: other, candidateId: member, note: null }, deps()))).toBe('TRAINING.ALREADY_ENROLLED_IN_KIND');
    expect(await refusal(recordAttendance({ cohortId: running, sessionNumber: 99, marks: [{ candidateId: member, mark: 'PRESENT' }] }, deps()))).toBe(
      'TRAINING.SESSION_NOT_FOUND',
    );
    expect(await refusal(recordAttendance({ cohortId: running, sessionNumber: 1, marks: [] }, deps()))).toBe('TRAINING.MARK_MISSING');
    expect(await refusal(transitionTrainingCohort({ id: running, to: 'COMPLETED', note: null }, deps()))).toBe('TRAINING.NOT_YET_ENDED');
    expect(await refusal(enrollCandidate({ cohortId: '00000000-0000-4000-8000-000000000000', candidateId: member, note: null }, deps()))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});

describe('a cohort from enrolment to completion', () => {
  it('a seat moves a SELECTED candidate to TRAINING; attendance, scores and the final assessment are stored; outcomes close the waitlist', async () => {
    clock.set('2026-03-02');
    const openingId = await openOpening(t, await signedMou(t), 5);
    const selected = await candidate();
    await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: selected, o: openingId });
    const registered = await candidate();
    const late = await candidate();
    const cohortId = await cohort(t, clock, courseId, { capacity: 2 });

    const a: EnrolmentOutcome = await enrollCandidate({ cohortId, candidateId: selected, note: null }, deps());
    expect(a).toMatchObject({ status: 'ENROLLED', waitlistPosition: null, stageChange: { change: 'ADVANCE', to: 'TRAINING' } });
    const b = await enrollCandidate({ cohortId, candidateId: registered, note: null }, deps());
    expect(b.stageChange).toMatchObject({ change: 'NONE', reason: 'NOT_SELECTED_YET' });
    const c = await enrollCandidate({ cohortId, candidateId: late, note: null }, deps());
    expect(c).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, stageChange: { change: 'NONE', reason: 'WAITLISTED' } });
    const stages = (await db.query('select id, stage from candidate where id = any($1)', [[selected, registered, late]])).rows;
    expect(Object.fromEntries(stages.map((r) => [r.id, r.stage]))).toEqual({ [selected]: 'TRAINING', [registered]: 'REGISTERED', [late]: 'REGISTERED' });

    await transitionTrainingCohort({ id: cohortId, to: 'RUNNING', note: null }, deps());
    for (const sessionNumber of [1, 2]) {
      await recordAttendance({ cohortId, sessionNumber, marks: [{ candidateId: selected, mark: 'PRESENT' }, { candidateId: registered, mark: sessionNumber === 1 ? 'EXCUSED' : 'ABSENT' }] }, deps());
    }
    // a correction replaces the session's record
    await recordAttendance({ cohortId, sessionNumber: 2, marks: [{ candidateId: selected, mark: 'PRESENT' }, { candidateId: registered, mark: 'PRESENT' }] }, deps());
    const marks = (await db.query('select session_number, candidate_id, mark from training_attendance_mark where cohort_id = $1 order by session_number, candidate_id', [cohortId])).rows;
    expect(marks).toHaveLength(4);
    expect(marks.filter((m) => m.session_number === 2).map((m) => m.mark)).toEqual(['PRESENT', 'PRESENT']);

    await recordAssessment({ cohortId, candidateId: selected, assessment: { kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-03', score: 131 } }, deps());
    expect(await refusal(recordAssessment({ cohortId, candidateId: selected, assessment: { kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-03', score: 201 } }, deps()))).toBe(
      'TRAINING.SCORE_OUT_OF_SCALE',
    );
    await recordAssessment({ cohortId, candidateId: selected, assessment: { kind: 'FINAL', passed: true, assessedOn: '2026-05-29' } }, deps());
    expect((await db.query('select test, score from training_practice_score where cohort_id = $1', [cohortId])).rows).toEqual([{ test: 'EPS_TOPIK', score: 131 }]);
    expect((await db.query('select candidate_id, passed from training_final_assessment where cohort_id = $1', [cohortId])).rows).toEqual([{ candidate_id: selected, passed: true }]);

    clock.set('2026-05-29');
    await transitionTrainingCohort({ id: cohortId, to: 'COMPLETED', note: null }, deps());
    const lateRow = (await db.query('select status, reason from training_enrolment where cohort_id = $1 and candidate_id = $2', [cohortId, late])).rows[0];
    expect(lateRow).toEqual({ status: 'CANCELLED', reason: 'WAITLIST_CLOSED' });
    clock.set('2026-03-02');
  });
});

describe('recordTestResult', () => {
  it('writes the official result into the profile and stores the re-evaluated eligibility at once', async () => {
    // an E-9 candidate who meets every selection rule but the Korean test
    const e9 = {
      topikResults: [],
      medical: { colourBlind: false, completeFingers: true, conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false } },
      criminalRecord: { everImprisoned: false },
    };
    const id = await registerCandidate(t, eligibleWelderProfile((n += 1), e9), { targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' });
    const before = (await db.query('select eligibility, profile from candidate where id = $1', [id])).rows[0];
    await recordTestResult({ candidateId: id, result: { test: 'EPS_TOPIK', takenOn: '2026-02-20', score: 160, round: '2026 manufacturing (Indonesia)' } }, deps());
    const after = (await db.query('select eligibility, profile from candidate where id = $1', [id])).rows[0];
    expect(before.profile.epsTopikResults ?? []).toEqual([]);
    expect(after.profile.epsTopikResults).toEqual([{ takenOn: '2026-02-20', score: 160, round: '2026 manufacturing (Indonesia)' }]);
    expect([before.eligibility, after.eligibility]).toEqual(['ACTION_NEEDED', 'ELIGIBLE']);
    expect(await refusal(recordTestResult({ candidateId: id, result: { test: 'EPS_TOPIK', takenOn: '2026-02-20', score: 999, round: null } }, deps()))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    const audits = (await db.query(`select action from audit_log where entity_type = 'Candidate' and entity_id = $1 order by id`, [id])).rows.map((r) => r.action);
    expect(audits).toEqual(['registerCandidate', 'recordTestResult']);
  });
});
