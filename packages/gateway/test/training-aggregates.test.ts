/**
 * `trainingAggregates` (issue 10 under issue 8's disclosure control), over HTTP against the real
 * gateway and PostgreSQL, on a seeded fixture built through the use cases:
 *
 * - cohort A (provider P1, Cipocok Jaya, EPS-TOPIK 120 target, excused counts as present): 8 members;
 * - cohort B (provider P1, Kasemen, same course): 3 members, still running (a small cell);
 * - cohort C (provider P2, Cipocok Jaya, TOPIK I level 2 target, excused excluded): 6 members.
 *
 * It checks every figure in the exact view (OFFICER) against hand-derived values, the protected view
 * (ANALYST, PARTNER) cell by cell, and the three attacks: totals minus the published rows,
 * differencing across filters, differencing across `asOf`; and a TRAINER's scope.
 */
import type { Client } from 'pg';
import { parameterSnapshot } from '../src/domain';
import { createCourse } from '../src/use-cases/create-course.use-case';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { recordAssessment } from '../src/use-cases/record-assessment.use-case';
import { recordAttendance } from '../src/use-cases/record-attendance.use-case';
import { recordTestResult, type OfficialTestResult } from '../src/use-cases/record-test-result.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { withdrawEnrolment } from '../src/use-cases/withdraw-enrolment.use-case';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, registerCandidate } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const K = 5;
/** The gateway's day when the suite asks: the protected view's reference date is then 2026-06-30. */
const TODAY = '2026-07-15';
const clock = movableClock('2026-02-20');
let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
let partner: TestCaller;
let trainerP2: TestCaller;
let p1: string;
let p2: string;
const cohorts: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
let n = 700;

const deps = () => useCaseDeps(t, clock);
const E9 = {
  topikResults: [],
  medical: { colourBlind: false, completeFingers: true, conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false } },
  criminalRecord: { everImprisoned: false },
};

async function members(count: number, extra: Record<string, unknown>, profile: Record<string, unknown> = {}): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(await registerCandidate(t, eligibleWelderProfile((n += 1), profile), extra));
  return out;
}

async function attendance(cohortId: string, sessionNumber: number, marks: Array<[string, 'PRESENT' | 'ABSENT' | 'EXCUSED']>): Promise<void> {
  await recordAttendance({ cohortId, sessionNumber, marks: marks.map(([candidateId, mark]) => ({ candidateId, mark })) }, deps());
}

async function practice(cohortId: string, candidateId: string, test: 'EPS_TOPIK' | 'TOPIK_I', takenOn: string, score: number): Promise<void> {
  await recordAssessment({ cohortId, candidateId, assessment: { kind: 'PRACTICE', test, takenOn, score } }, deps());
}

const official = (candidateId: string, result: OfficialTestResult) => recordTestResult({ candidateId, result }, deps());

let A: string[];
let B: string[];
let C: string[];

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  p1 = await trainingProvider(t, 'BBPVP Serang');
  p2 = await trainingProvider(t, 'KIOTEC');
  const eps = await koreanCourse(t, clock, p1);
  const topik = (
    await createCourse(
      {
        title: { id: 'Bahasa Korea TOPIK I', en: 'Korean for TOPIK I' },
        kind: 'KOREAN_LANGUAGE',
        providerPartyId: p2,
        providerType: 'TRAINING_CENTRE',
        licence: null,
        target: { kind: 'TOPIK', test: 'TOPIK_I', level: 2 },
        hours: 100,
        feeIdr: 1_000_000,
        attendanceRule: { requiredShare: '1/2', excused: 'EXCLUDED', statedBy: 'KIOTEC rule (test fixture)' },
        hasFinalAssessment: false,
        note: null,
      },
      deps(),
    )
  ).id;
  const sessions = (dates: string[]) => dates.map((date) => ({ date, topic: null }));
  cohorts.A = await cohort(t, clock, eps, { capacity: 10, sessions: sessions(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) });
  cohorts.B = await cohort(t, clock, eps, { capacity: 10, venue: { kind: 'LPK', name: 'LPK Kasemen', kecamatan: 'Kasemen', kelurahan: null } });
  cohorts.C = await cohort(t, clock, topik, {
    capacity: 8,
    venue: { kind: 'TRAINING_CENTRE', name: 'KIOTEC', kecamatan: 'Cipocok Jaya', kelurahan: null },
    sessions: sessions(['2026-03-02', '2026-03-03', '2026-03-04']),
  });
  partner = t.as(await t.createKey({ roles: ['PARTNER'], partyIds: [p1], name: 'training aggregates partner' }));
  trainerP2 = t.as(await t.createKey({ roles: ['TRAINER'], partyIds: [p2], name: 'KIOTEC trainer' }));

  A = await members(8, { targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' }, E9);
  B = await members(3, {});
  C = await members(6, { targetRoute: 'E7_3_PILOT' });
  for (const [id, list] of [[cohorts.A, A], [cohorts.B, B], [cohorts.C, C]] as const) {
    for (const candidateId of list) await enrollCandidate({ cohortId: id, candidateId, note: null }, deps());
  }

  clock.set('2026-03-02');
  for (const id of Object.values(cohorts)) await transitionTrainingCohort({ id, to: 'RUNNING', note: null }, deps());
  clock.set('2026-03-06');
  // A: a1..a6 always present; a7 excused once (counts as present); a8 always absent
  for (const s of [1, 2, 3, 4]) await attendance(cohorts.A, s, A.map((id, i) => [id, i === 7 ? 'ABSENT' : i === 6 && s === 1 ? 'EXCUSED' : 'PRESENT']));
  // B: everyone present at both sessions
  for (const s of [1, 2]) await attendance(cohorts.B, s, B.map((id) => [id, 'PRESENT']));
  // C: c1..c5 always present; c6 excused (excluded), present, absent
  for (const s of [1, 2, 3]) await attendance(cohorts.C, s, C.map((id, i) => [id, i === 5 ? (s === 1 ? 'EXCUSED' : s === 2 ? 'PRESENT' : 'ABSENT') : 'PRESENT']));

  clock.set('2026-03-21');
  // A: a1..a5 131; a6 100 then 125 (the latest passes); a7 110 (fails); a8 none
  for (const id of A.slice(0, 5)) await practice(cohorts.A, id, 'EPS_TOPIK', '2026-03-05', 131);
  await practice(cohorts.A, A[5]!, 'EPS_TOPIK', '2026-03-05', 100);
  await practice(cohorts.A, A[5]!, 'EPS_TOPIK', '2026-03-20', 125);
  await practice(cohorts.A, A[6]!, 'EPS_TOPIK', '2026-03-05', 110);
  // B: 130 passes, 90 fails
  await practice(cohorts.B, B[0]!, 'EPS_TOPIK', '2026-03-05', 130);
  await practice(cohorts.B, B[1]!, 'EPS_TOPIK', '2026-03-05', 90);
  // C (TOPIK I level 2 = 140..200): c1..c5 150; c6 150 then 100 (level 1: the latest fails)
  for (const id of C.slice(0, 5)) await practice(cohorts.C, id, 'TOPIK_I', '2026-03-05', 150);
  await practice(cohorts.C, C[5]!, 'TOPIK_I', '2026-03-05', 150);
  await practice(cohorts.C, C[5]!, 'TOPIK_I', '2026-03-20', 100);

  clock.set('2026-05-29');
  for (const id of A.slice(0, 7)) await recordAssessment({ cohortId: cohorts.A, candidateId: id, assessment: { kind: 'FINAL', passed: true, assessedOn: '2026-05-29' } }, deps());
  // completing records every member's outcome (transition-training-cohort.use-case.ts)
  await transitionTrainingCohort({ id: cohorts.A, to: 'COMPLETED', note: null }, deps()); // a1..a7 COMPLETED, a8 FAILED (attendance)
  await transitionTrainingCohort({ id: cohorts.C, to: 'COMPLETED', note: null }, deps()); // all six COMPLETED (c6: 1 of 2 counted sessions meets 1/2)

  clock.set('2026-06-10');
  // A (E-9: EPS-TOPIK ≥ eps.topikMinScore): a1..a5 pass, a6 fails, a7's result predates the cohort (not counted), a8 none
  const minScore = parameterSnapshot('2026-06-10').get('eps.topikMinScore');
  for (const id of A.slice(0, 5)) await official(id, { test: 'EPS_TOPIK', takenOn: '2026-06-10', score: minScore, round: null });
  await official(A[5]!, { test: 'EPS_TOPIK', takenOn: '2026-06-10', score: minScore - 1, round: null });
  await official(A[6]!, { test: 'EPS_TOPIK', takenOn: '2026-02-01', score: 190, round: null });
  // C (E-7-3 pilot: a TOPIK-scale level ≥ e73pilot.minTopikLevel): pilot level, TOPIK I, TOPIK II all pass; c6's only result (2025) predates the cohort
  const minLevel = parameterSnapshot('2026-06-10').get('e73pilot.minTopikLevel');
  for (const id of C.slice(0, 3)) await official(id, { test: 'PILOT_KOREAN', takenOn: '2026-06-10', level: Math.max(minLevel, 2), speakingPassed: true });
  await official(C[3]!, { test: 'TOPIK_I', takenOn: '2026-06-10', score: 150 });
  await official(C[4]!, { test: 'TOPIK_II', takenOn: '2026-06-10', score: 150 });
  clock.set(TODAY);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

// ------------------------------------------------------------------------------------------------ query

interface Rate { denominator: number | null; numerator: number | null; rate: string | null; suppressed: boolean }
interface Row {
  level: string;
  cohortId: string | null;
  providerPartyId: string | null;
  kecamatan: string | null;
  cohorts: number;
  fill: { capacity: number; seatsHeld: number | null; rate: string | null; suppressed: boolean };
  completion: Rate;
  attendance: { people: number | null; attended: number | null; counted: number | null; rate: string | null; suppressed: boolean };
  practicePass: Rate;
  officialPass: Rate;
}
interface Answer {
  asOf: string;
  byCohort: Row[];
  byProvider: Row[];
  byKecamatan: Row[];
  total: Row;
  disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate: string };
}
const RATE = 'denominator numerator rate suppressed';
const ROW = `level cohortId providerPartyId kecamatan cohorts fill { capacity seatsHeld rate suppressed } completion { ${RATE} }
  attendance { people attended counted rate suppressed } practicePass { ${RATE} } officialPass { ${RATE} }`;
const QUERY = `query($asOf: Date, $filter: TrainingCohortFilter) { trainingAggregates(asOf: $asOf, filter: $filter) {
  asOf byCohort { ${ROW} } byProvider { ${ROW} } byKecamatan { ${ROW} } total { ${ROW} }
  disclosure { protectedView minCellCount suppressedCells referenceDate } } }`;

async function aggregates(who: TestCaller, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await who.gql<{ trainingAggregates: Answer }>(QUERY, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.trainingAggregates;
}

// ------------------------------------------------------------------------------------------------ expectations

/** The raw counts of a cohort, derived by hand from the fixture above. */
interface Counts {
  capacity: number; held: number; outcomes: number; completed: number; people: number; attended: number; counted: number;
  takers: number; passed: number; sat: number; officialPassed: number;
}
const EXPECTED: Record<'A' | 'B' | 'C', Counts> = {
  // 8 seated of 10; 7 completed of 8 outcomes; marks 6×4 + (1 excused-as-present + 3) + 0 = 28 of 32; practice 6 of 7 (latest); official 5 of 6
  A: { capacity: 10, held: 8, outcomes: 8, completed: 7, people: 8, attended: 28, counted: 32, takers: 7, passed: 6, sat: 6, officialPassed: 5 },
  // 3 seated, running (no outcome); 6 of 6 marks; practice 1 of 2; route E-7-3 has no Korean requirement
  B: { capacity: 10, held: 3, outcomes: 0, completed: 0, people: 3, attended: 6, counted: 6, takers: 2, passed: 1, sat: 0, officialPassed: 0 },
  // 6 of 8; 6 of 6; marks 5×3 + (excused excluded, 1 present, 1 absent) = 16 of 17; practice 5 of 6 (c6's latest is level 1); official 5 of 5
  C: { capacity: 8, held: 6, outcomes: 6, completed: 6, people: 6, attended: 16, counted: 17, takers: 6, passed: 5, sat: 5, officialPassed: 5 },
};
const sum = (list: Counts[]): Counts =>
  list.reduce(
    (s, c) => Object.fromEntries(Object.keys(s).map((k) => [k, s[k as keyof Counts] + c[k as keyof Counts]])) as unknown as Counts,
    { capacity: 0, held: 0, outcomes: 0, completed: 0, people: 0, attended: 0, counted: 0, takers: 0, passed: 0, sat: 0, officialPassed: 0 },
  );
/** n / d to 4 places, half-even (the values here never sit on a tie). */
const r4 = (num: number, den: number): string | null => (den === 0 ? null : (num / den).toFixed(4));
function exact(c: Counts, cohortCount: number) {
  return {
    cohorts: cohortCount,
    fill: { capacity: c.capacity, seatsHeld: c.held, rate: r4(c.held, c.capacity), suppressed: false },
    completion: { denominator: c.outcomes, numerator: c.completed, rate: r4(c.completed, c.outcomes), suppressed: false },
    attendance: { people: c.people, attended: c.attended, counted: c.counted, rate: r4(c.attended, c.counted), suppressed: false },
    practicePass: { denominator: c.takers, numerator: c.passed, rate: r4(c.passed, c.takers), suppressed: false },
    officialPass: { denominator: c.sat, numerator: c.officialPassed, rate: r4(c.officialPassed, c.sat), suppressed: false },
  };
}
const measures = (r: Row) => ({ cohorts: r.cohorts, fill: r.fill, completion: r.completion, attendance: r.attendance, practicePass: r.practicePass, officialPass: r.officialPass });
const cohortRow = (a: Answer, name: 'A' | 'B' | 'C') => a.byCohort.find((r) => r.cohortId === cohorts[name])!;

type Measure = 'fill' | 'completion' | 'attendance' | 'practicePass' | 'officialPass';
const MEASURES: Measure[] = ['fill', 'completion', 'attendance', 'practicePass', 'officialPass'];
/** The people counts of a figure (what primary suppression is about). */
function peopleOf(r: Row, m: Measure): Array<number | null> {
  if (m === 'fill') return [r.fill.seatsHeld];
  if (m === 'attendance') return [r.attendance.people];
  const f = r[m];
  return [f.denominator, f.numerator, f.denominator === null || f.numerator === null ? null : f.denominator - f.numerator];
}
function valuesOf(r: Row, m: Measure): Array<number | string | null> {
  if (m === 'fill') return [r.fill.seatsHeld, r.fill.rate];
  if (m === 'attendance') return [r.attendance.people, r.attendance.attended, r.attendance.counted, r.attendance.rate];
  return [r[m].denominator, r[m].numerator, r[m].rate];
}
const additive = (r: Row, m: Measure): number[] =>
  m === 'fill' ? [r.fill.seatsHeld!] : m === 'attendance' ? [r.attendance.people!, r.attendance.attended!, r.attendance.counted!] : [r[m].denominator!, r[m].numerator!];

/**
 * The invariants of every protected answer: a suppressed figure is all null (never 0); a published
 * people count is 0 or ≥ K (and so is the rest of a rate's denominator); a published group figure
 * covers published cohort figures only and is exactly their sum, so "group − published cohorts" is 0.
 */
function expectProtected(a: Answer): void {
  expect(a.disclosure).toMatchObject({ protectedView: true, minCellCount: K });
  const groups: Array<[Row, Row[]]> = [
    ...a.byProvider.map((g) => [g, a.byCohort.filter((c) => c.providerPartyId === g.providerPartyId)] as [Row, Row[]]),
    ...a.byKecamatan.map((g) => [g, a.byCohort.filter((c) => c.kecamatan === g.kecamatan)] as [Row, Row[]]),
    [a.total, a.byCohort],
  ];
  let suppressed = 0;
  for (const row of [...a.byCohort, ...a.byProvider, ...a.byKecamatan, a.total]) {
    for (const m of MEASURES) {
      if (row[m].suppressed) {
        suppressed += 1;
        expect(valuesOf(row, m).every((v) => v === null)).toBe(true);
      } else {
        for (const p of peopleOf(row, m)) expect(p === 0 || (p !== null && p >= K)).toBe(true);
      }
    }
  }
  expect(a.disclosure.suppressedCells).toBe(suppressed);
  for (const [g, covered] of groups) {
    expect(g.cohorts).toBe(covered.length);
    for (const m of MEASURES) {
      if (g[m].suppressed) continue;
      expect(covered.every((c) => !c[m].suppressed)).toBe(true);
      const sums = covered.reduce((s, c) => s.map((v, i) => v + additive(c, m)[i]!), additive(g, m).map(() => 0));
      expect(additive(g, m)).toEqual(sums);
    }
  }
}

// ------------------------------------------------------------------------------------------------ tests

describe('trainingAggregates: the exact view (OFFICER)', () => {
  it('every figure of every cohort, provider, kecamatan and the total matches the fixture', async () => {
    const a = await aggregates(officer, { asOf: '2026-06-30' });
    expect(a.asOf).toBe('2026-06-30');
    expect(a.disclosure).toEqual({ protectedView: false, minCellCount: null, suppressedCells: 0, referenceDate: '2026-06-30' });
    expect(a.byCohort).toHaveLength(3);
    for (const name of ['A', 'B', 'C'] as const) {
      const row = cohortRow(a, name);
      expect(row).toMatchObject({ level: 'COHORT', providerPartyId: name === 'C' ? p2 : p1, kecamatan: name === 'B' ? 'Kasemen' : 'Cipocok Jaya' });
      expect(measures(row)).toEqual(exact(EXPECTED[name], 1));
    }
    const provider = (id: string) => a.byProvider.find((r) => r.providerPartyId === id)!;
    expect(measures(provider(p1))).toEqual(exact(sum([EXPECTED.A, EXPECTED.B]), 2));
    expect(measures(provider(p2))).toEqual(exact(EXPECTED.C, 1));
    const kec = (k: string) => a.byKecamatan.find((r) => r.kecamatan === k)!;
    expect(measures(kec('Cipocok Jaya'))).toEqual(exact(sum([EXPECTED.A, EXPECTED.C]), 2));
    expect(measures(kec('Kasemen'))).toEqual(exact(EXPECTED.B, 1));
    expect(a.total).toMatchObject({ level: 'TOTAL', cohortId: null, providerPartyId: null, kecamatan: null });
    expect(measures(a.total)).toEqual(exact(sum([EXPECTED.A, EXPECTED.B, EXPECTED.C]), 3));
  });
});

describe('trainingAggregates: the protected view (ANALYST, PARTNER)', () => {
  it('small cells and rates over them are suppressed (null, never 0); the rest is exact', async () => {
    const a = await aggregates(analyst, { asOf: '2026-07-14' });
    expect(a.asOf).toBe('2026-06-30');
    expect(a.disclosure.referenceDate).toBe('2026-06-30');
    expectProtected(a);
    const A_ = cohortRow(a, 'A');
    const B_ = cohortRow(a, 'B');
    const C_ = cohortRow(a, 'C');
    const x = (c: 'A' | 'B' | 'C') => exact(EXPECTED[c], 1);
    const withheld = { denominator: null, numerator: null, rate: null, suppressed: true };
    // A: 8 people: fill and attendance published; completion 7 of 8, practice 6 of 7, official 5 of 6 leave 1: withheld
    expect(A_.fill).toEqual(x('A').fill);
    expect(A_.attendance).toEqual(x('A').attendance);
    expect([A_.completion, A_.practicePass, A_.officialPass]).toEqual([withheld, withheld, withheld]);
    // B: 3 people: fill, attendance and practice (2) withheld; 0 outcomes and 0 official sitters are published as 0
    expect(B_.fill).toEqual({ capacity: 10, seatsHeld: null, rate: null, suppressed: true });
    expect(B_.attendance).toEqual({ people: null, attended: null, counted: null, rate: null, suppressed: true });
    expect(B_.practicePass).toEqual(withheld);
    expect(B_.completion).toEqual({ denominator: 0, numerator: 0, rate: null, suppressed: false });
    expect(B_.officialPass).toEqual({ denominator: 0, numerator: 0, rate: null, suppressed: false });
    // C: 6 people: all published but practice (5 of 6)
    expect(measures(C_)).toEqual({ ...x('C'), practicePass: withheld });
    // OFFICER sees the same cells exactly, 3s and 1-remainders included
    const o = await aggregates(officer, { asOf: '2026-06-30' });
    expect(cohortRow(o, 'B').fill.seatsHeld).toBe(3);
    expect(cohortRow(o, 'A').completion).toEqual(x('A').completion);
    // PARTNER gets the protected view too, the same answer as ANALYST
    expect(await aggregates(partner, { asOf: '2026-07-14' })).toEqual(a);
  });

  it('totals minus the published rows: every group over a suppressed cohort figure is suppressed', async () => {
    const a = await aggregates(analyst, { asOf: '2026-06-30' });
    const provider1 = a.byProvider.find((r) => r.providerPartyId === p1)!;
    const kasemen = a.byKecamatan.find((r) => r.kecamatan === 'Kasemen')!;
    const cipocok = a.byKecamatan.find((r) => r.kecamatan === 'Cipocok Jaya')!;
    // P1 − A, total − Cipocok Jaya, total − A − C would each give B's 3 seats: all withheld
    expect([provider1.fill.seatsHeld, a.total.fill.seatsHeld, kasemen.fill.seatsHeld]).toEqual([null, null, null]);
    expect([provider1.attendance.people, a.total.attendance.people]).toEqual([null, null]);
    // Cipocok Jaya covers A and C only: its fill and attendance are published, exactly A + C
    expect(cipocok.fill).toEqual(exact(sum([EXPECTED.A, EXPECTED.C]), 2).fill);
    expect(cipocok.attendance).toEqual(exact(sum([EXPECTED.A, EXPECTED.C]), 2).attendance);
    // A's completion (7 of 8) is withheld, so every group over A withholds completion too
    expect([provider1.completion.suppressed, cipocok.completion.suppressed, a.total.completion.suppressed]).toEqual([true, true, true]);
    // P2 is C alone: published where C is
    expect(measures(a.byProvider.find((r) => r.providerPartyId === p2)!)).toEqual(measures(cohortRow(a, 'C')));
    // every suppressed figure is counted
    expect(a.disclosure.suppressedCells).toBeGreaterThanOrEqual(12);
  });

  it('differencing across filters: every filter publishes exactly the selected cohort rows of the unfiltered answer, and no group reveals a withheld cohort', async () => {
    const whole = await aggregates(analyst, { asOf: '2026-06-30' });
    const filters: Array<Record<string, unknown>> = [
      {},
      { providerPartyIds: [p1] },
      { providerPartyIds: [p2] },
      { providerPartyIds: [p1, p2] },
      { kecamatan: 'Cipocok Jaya' },
      { kecamatan: 'Kasemen' },
      { kecamatan: 'Walantaka' },
      { courseKinds: ['KOREAN_LANGUAGE'] },
      { courseKinds: ['SKILL'] },
      { statuses: ['RUNNING'] },
      { statuses: ['COMPLETED'] },
      { statuses: ['COMPLETED'], kecamatan: 'Cipocok Jaya' },
      { providerPartyIds: [p1], statuses: ['COMPLETED'] },
      { providerPartyIds: [p1], kecamatan: 'Kasemen' },
      { startsFrom: '2026-03-02', startsUntil: '2026-03-02' },
      { startsFrom: '2026-03-03' },
    ];
    const seen = new Map<string, Set<string>>();
    for (const filter of filters) {
      const sub = await aggregates(analyst, { asOf: '2026-06-30', filter });
      expectProtected(sub);
      // the cohorts the public list gives for the same filter
      const list = await t.gql<{ trainingCohorts: { edges: Array<{ node: { id: string } }> } }>(
        'query($f: TrainingCohortFilter) { trainingCohorts(filter: $f, first: 50) { edges { node { id } } } }',
        { f: filter },
      );
      const ids = new Set(list.body.data!.trainingCohorts.edges.map((e) => e.node.id));
      expect(sub.byCohort).toEqual(whole.byCohort.filter((r) => ids.has(r.cohortId!)));
      // what each published group figure says about B's fill (the withheld 3): never more than the published cohorts' sum
      for (const g of [...sub.byProvider, ...sub.byKecamatan, sub.total]) {
        if (g.fill.suppressed) continue;
        const key = `${g.level}|${g.providerPartyId}|${g.kecamatan}`;
        (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(String(g.fill.seatsHeld));
        const covered = sub.byCohort.filter((c) => g.level === 'TOTAL' || c.providerPartyId === g.providerPartyId && g.level === 'PROVIDER' || c.kecamatan === g.kecamatan && g.level === 'KECAMATAN');
        expect(covered.map((c) => c.cohortId)).not.toContain(cohorts.B);
      }
    }
    // the published fills of all these answers, pairwise subtracted, never give 3 (B's seats)
    const published = [...seen.values()].flatMap((s) => [...s].map(Number));
    for (const x of published) for (const y of published) expect(Math.abs(x - y)).not.toBe(3);
    // OFFICER may filter the same way and sees B
    expect(cohortRow(await aggregates(officer, { asOf: '2026-06-30', filter: { kecamatan: 'Kasemen' } }), 'B').fill.seatsHeld).toBe(3);
  });

  it('differencing across asOf: the protected answer moves only at month ends (the exact one on the day of the official results)', async () => {
    // the exact view shows the official results of 10 June on that day: the attack is real
    const before = await aggregates(officer, { asOf: '2026-06-09' });
    const on = await aggregates(officer, { asOf: '2026-06-10' });
    expect([before.total.officialPass.denominator, on.total.officialPass.denominator]).toEqual([0, 11]);
    expect(cohortRow(before, 'C').officialPass.denominator).toBe(0);
    expect(cohortRow(on, 'C').officialPass).toEqual(exact(EXPECTED.C, 1).officialPass);
    // the protected view: every day of June and early July answers as its last passed month end
    const may = await aggregates(analyst, { asOf: '2026-05-31' });
    const june = await aggregates(analyst, { asOf: '2026-06-30' });
    expect(cohortRow(may, 'C').officialPass).toEqual({ denominator: 0, numerator: 0, rate: null, suppressed: false });
    expect(cohortRow(june, 'C').officialPass).toEqual(exact(EXPECTED.C, 1).officialPass);
    for (let day = 1; day <= 44; day++) {
      const date = day <= 30 ? `2026-06-${String(day).padStart(2, '0')}` : `2026-07-${String(day - 30).padStart(2, '0')}`;
      const a = await aggregates(analyst, { asOf: date });
      const expected = day < 30 ? may : june;
      expect(a).toEqual(expected);
      expectProtected(a);
    }
    // today's month has not ended: asking for today or the future gives June's month end
    expect(await aggregates(analyst, { asOf: TODAY })).toEqual(june);
    expect(await aggregates(analyst, { asOf: '2027-01-01' })).toEqual(june);
    expect(await aggregates(analyst)).toEqual(june);
  });
});

describe('trainingAggregates: TRAINER scope', () => {
  it('a TRAINER sees its own providers’ cohorts only, in the protected view, through every row and filter', async () => {
    const a = await aggregates(trainerP2, { asOf: '2026-06-30' });
    expectProtected(a);
    expect(a.byCohort.map((r) => r.cohortId)).toEqual([cohorts.C]);
    expect(a.byProvider.map((r) => r.providerPartyId)).toEqual([p2]);
    // the kecamatan and the total cover C only, not A (same kecamatan, other provider)
    expect(a.byKecamatan.map((r) => [r.kecamatan, r.cohorts])).toEqual([['Cipocok Jaya', 1]]);
    expect(measures(a.total)).toEqual(measures(cohortRow(a, 'C')));
    const analystView = await aggregates(analyst, { asOf: '2026-06-30' });
    expect(cohortRow(a, 'C')).toEqual(cohortRow(analystView, 'C'));
    // asking for another provider's cohorts gives nothing, not their figures
    const other = await aggregates(trainerP2, { asOf: '2026-06-30', filter: { providerPartyIds: [p1] } });
    expect(other.byCohort).toEqual([]);
    expect(other.byProvider).toEqual([]);
    expect(other.total).toMatchObject({ cohorts: 0, fill: { capacity: 0, seatsHeld: 0, suppressed: false } });
    const kasemen = await aggregates(trainerP2, { asOf: '2026-06-30', filter: { kecamatan: 'Kasemen' } });
    expect(kasemen.byCohort).toEqual([]);
  });

  it('callers without an aggregate role are refused', async () => {
    const anonymous = await t.gql(QUERY, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const candidate = t.as(await t.createKey({ roles: ['CANDIDATE'], candidateId: A[0]!, name: 'a candidate' }));
    const res = await candidate.gql(QUERY, {});
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data ?? null).toBeNull();
  });
});

describe('trainingAggregates: seats over time', () => {
  it('a withdrawal frees the seat from its date on, and is not an outcome', async () => {
    // a cohort D of one member who enrols on 20 June and withdraws on 1 July
    clock.set('2026-06-15');
    const eps = (await db.query('select course_id from training_cohort where id = $1', [cohorts.A])).rows[0].course_id as string;
    const d = await cohort(t, clock, eps, { capacity: 10, startDate: '2026-08-03', endDate: '2026-10-30', sessions: [{ date: '2026-08-03', topic: null }], venue: { kind: 'LPK', name: 'LPK Walantaka', kecamatan: 'Walantaka', kelurahan: null } });
    clock.set('2026-06-20');
    const [late] = await members(1, {});
    await enrollCandidate({ cohortId: d, candidateId: late!, note: null }, deps());
    clock.set('2026-07-01');
    await withdrawEnrolment({ cohortId: d, candidateId: late!, reason: 'PERSONAL', note: null }, deps());
    clock.set(TODAY);
    const row = (a: Answer) => a.byCohort.find((r) => r.cohortId === d)!;
    const june = row(await aggregates(officer, { asOf: '2026-06-30' }));
    const july = row(await aggregates(officer, { asOf: '2026-07-02' }));
    expect([june.fill.seatsHeld, july.fill.seatsHeld]).toEqual([1, 0]);
    expect([june.completion.denominator, july.completion.denominator]).toEqual([0, 0]);
    // not created yet on 31 May: no row
    expect((await aggregates(officer, { asOf: '2026-05-31' })).byCohort.map((r) => r.cohortId)).not.toContain(d);
    // the protected view withholds the lone seat on 30 June, and the groups over it
    const a = await aggregates(analyst, { asOf: '2026-06-30' });
    expect(row(a).fill).toEqual({ capacity: 10, seatsHeld: null, rate: null, suppressed: true });
    expect(a.byKecamatan.find((r) => r.kecamatan === 'Walantaka')!.fill.suppressed).toBe(true);
    expectProtected(a);
  });
});
