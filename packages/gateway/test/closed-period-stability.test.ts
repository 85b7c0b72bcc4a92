/**
 * A closed period's protected figures never move when one person's data changes later (privacy gap
 * d), against the real gateway and PostgreSQL. The attack: an analyst asks for a month that is over,
 * waits until one person's profile, a seat or the up-front cash line changes, asks again and
 * subtracts. Each attack is shown to work on the exact view (OFFICER: past figures with the current
 * profile values, current cancellations, the line as now known) and then to give nothing on the
 * protected view (ANALYST: each month end as the gateway knew it then).
 *
 * The gateway's clock is moved forward as the program runs (no backdating of the histories):
 *   2026-09-10  A0–A5 register in Cipocok Jaya (men born 1999)
 *   2026-09-12  B0–B4 register in Kasemen (men born 1999)
 *   2026-09-15  the up-front cash line is set: 5 juta from 2026-09-15
 *   2026-10-05  A0–A5 get seats; 2026-10-06 B0–B4 (worker's cost before departure set to 10 juta each)
 *   2026-12-10  (today) P = A0 moves to Kasemen, and her record now says female, born 1980; B0's seat
 *               is released (cancelled today); A1 gets a city grant of 5 juta (a financing plan); a
 *               new line of 9 juta is set effective from 2026-10-01
 * Then a change is backdated in SQL (`valid_from`, as the other tests backdate stage changes) to show
 * that the protected view does read the history and is not frozen by accident.
 */
import type { Client } from 'pg';
import type { Clock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

const TODAY = '2026-12-10';
const at = (day: string) => new Date(`${day}T05:00:00Z`);
let now = at('2026-09-01');
const clock: Clock = { now: () => now };

let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
const A: string[] = [];
const B: string[] = [];
const M = 1_000_000;

const address = (kecamatan: string) => ({ kecamatan, city: 'Kota Serang', source: 'KTP' });

async function data<T = any>(who: TestCaller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await who.gql<T>(query, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

const COUNTS = `query($asOf: Date, $filter: CandidateFilter) { candidateCounts(asOf: $asOf, filter: $filter) {
  asOf total rows { stage kecamatan occupation sex ageBand count suppressed } disclosure { protectedView suppressedCells referenceDate } } }`;
const TRENDS = `query($from: Date!, $to: Date!, $filter: CandidateFilter) { trends(series: [REGISTRATIONS, SEATS_ALLOCATED], granularity: MONTH, from: $from, to: $to, by: [KECAMATAN], filter: $filter) {
  rows { series bucket kecamatan count suppressed } totals { series bucket count suppressed } disclosure { protectedView suppressedCells } } }`;
const CPP = `query($asOf: Date) { costPerPlacement(by: [KECAMATAN], asOf: $asOf) {
  asOf placements total { amount } rows { kecamatan placements total { amount } suppressed } disclosure { protectedView suppressedCells referenceDate } } }`;
const IND = `query($filter: CandidateFilter) { upfrontCashOverLine(from: "2026-10-01", to: "2026-11-30", granularity: MONTH, by: [KECAMATAN], filter: $filter) {
  periodsWithoutLine candidates overLine gap { amount }
  rows { period kecamatan lineStatus line { amount } candidates overLine gap { amount } suppressed } disclosure { protectedView suppressedCells referenceDate } } }`;

const counts = async (who: TestCaller, variables: Record<string, unknown> = {}) => (await data(who, COUNTS, variables)).candidateCounts;
const trends = async (who: TestCaller, filter?: Record<string, unknown>) => (await data(who, TRENDS, { from: '2026-09-01', to: '2026-11-30', ...(filter ? { filter } : {}) })).trends;
const cpp = async (who: TestCaller, asOf?: string) => (await data(who, CPP, asOf ? { asOf } : {})).costPerPlacement;
const indicator = async (who: TestCaller, filter?: Record<string, unknown>) => (await data(who, IND, filter ? { filter } : {})).upfrontCashOverLine;

/** `STAGE|KECAMATAN|SEX|AGE BAND → count` (everyone is a WELDER). */
const cells = (c: any) => Object.fromEntries(c.rows.map((r: any) => [`${r.stage}|${r.kecamatan}|${r.sex}|${r.ageBand}`, r.suppressed ? 'suppressed' : r.count]));
const trendCells = (x: any) => Object.fromEntries(x.rows.filter((r: any) => r.count !== 0).map((r: any) => [`${r.series}|${r.bucket}|${r.kecamatan}`, r.suppressed ? 'suppressed' : r.count]));
const cppRows = (x: any) => Object.fromEntries(x.rows.map((r: any) => [r.kecamatan, r.suppressed ? 'suppressed' : r.placements]));
const indRows = (x: any) => x.rows.map((r: any) => [r.period, r.kecamatan, r.lineStatus, r.line?.amount ?? null, r.candidates, r.overLine, r.gap?.amount ?? null, r.suppressed]);

/** Every protected answer of the closed months, as an analyst would record it. */
async function analystAnswers() {
  return {
    counts: await counts(analyst, { asOf: TODAY }),
    countsCipocok: await counts(analyst, { asOf: TODAY, filter: { kecamatans: ['CIPOCOK_JAYA'] } }),
    trends: await trends(analyst),
    trendsKasemen: await trends(analyst, { kecamatans: ['KASEMEN'] }),
    cpp: await cpp(analyst, TODAY),
    indicator: await indicator(analyst),
    indicatorKasemen: await indicator(analyst, { kecamatans: ['KASEMEN'] }),
  };
}

let before: Awaited<ReturnType<typeof analystAnswers>>;
const exactBefore: Record<string, any> = {};

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  const openingId = await openOpening(t, p, 20);
  now = at('2026-09-10');
  for (let i = 0; i < 6; i++) A.push(await registerCandidate(t, eligibleWelderProfile(400 + i, { address: address('Cipocok Jaya') })));
  now = at('2026-09-12');
  for (let i = 0; i < 5; i++) B.push(await registerCandidate(t, eligibleWelderProfile(500 + i, { address: address('Kasemen') })));
  now = at('2026-09-15');
  await data(officer, `mutation($input: SetUpfrontCashLineInput!) { setUpfrontCashLine(input: $input) { id } }`, {
    input: { amount: { amount: String(5 * M), currency: 'IDR' }, effectiveFrom: '2026-09-15', source: 'Keputusan Wali Kota Serang (test) 1/2026' },
  });
  const allocate = (c: string) => ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c, o: openingId });
  now = at('2026-10-05');
  for (const id of A) await allocate(id);
  now = at('2026-10-06');
  for (const id of B) await allocate(id);
  // the worker's cost before departure: 10 juta each (over the 5 juta line and the later 9 juta one)
  await db.query('delete from placement_cost_share');
  await db.query(
    `insert into placement_cost_share (placement_id, line_id, timing, payer, amount_idr)
     select p.id, 'w', 'BEFORE_DEPARTURE', 'WORKER', $1::bigint from placement p union all
     select p.id, 'e', 'IN_KOREA', 'EMPLOYER', $2::bigint from placement p`,
    [10 * M, 3 * M],
  );
  now = at(TODAY);
  before = await analystAnswers();
  exactBefore.counts = await counts(officer, { asOf: '2026-10-31' });
  exactBefore.trends = await trends(officer);
  exactBefore.cpp = await cpp(officer, '2026-11-30');
  exactBefore.indicator = await indicator(officer);

  // today: one person's profile changes, a seat is cancelled, the line is superseded
  await ok(t, 'mutation($input: UpdateCandidateProfileInput!) { updateCandidateProfile(input: $input) { id } }', {
    input: { id: A[0], profile: eligibleWelderProfile(400, { address: address('Kasemen'), declaredSex: 'F', declaredBirthDate: '1980-01-15' }) },
  });
  await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "test") { stage } }', { c: B[0] });
  await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: A[1],
    input: { facilities: [{ product: 'CITY_GRANT', amountIdr: String(5 * M), terms: { statedBy: 'Perwal Kota Serang (test)', ceilingIdr: String(5 * M) } }] },
  });
  await data(officer, `mutation($input: SetUpfrontCashLineInput!) { setUpfrontCashLine(input: $input) { id } }`, {
    input: { amount: { amount: String(9 * M), currency: 'IDR' }, effectiveFrom: '2026-10-01', source: 'Keputusan Wali Kota Serang (test) 2/2026' },
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the fixture as the officer saw it before the changes', () => {
  it('October: 6 in Cipocok Jaya and 5 in Kasemen, every one over the 5 juta line', () => {
    expect(cells(exactBefore.counts)).toEqual({ 'SELECTED|CIPOCOK_JAYA|M|AGE_25_29': 6, 'SELECTED|KASEMEN|M|AGE_25_29': 5 });
    expect(trendCells(exactBefore.trends)).toEqual({
      'REGISTRATIONS|2026-09|CIPOCOK_JAYA': 6,
      'REGISTRATIONS|2026-09|KASEMEN': 5,
      'SEATS_ALLOCATED|2026-10|CIPOCOK_JAYA': 6,
      'SEATS_ALLOCATED|2026-10|KASEMEN': 5,
    });
    expect(cppRows(exactBefore.cpp)).toEqual({ CIPOCOK_JAYA: 6, KASEMEN: 5 });
    expect(indRows(exactBefore.indicator)).toEqual([
      ['2026-10', 'CIPOCOK_JAYA', 'SET', String(5 * M), 6, 6, String(30 * M), false],
      ['2026-10', 'KASEMEN', 'SET', String(5 * M), 5, 5, String(25 * M), false],
    ]);
  });

  it('the analyst saw the same closed months, nothing suppressed', () => {
    expect(before.counts.disclosure).toEqual({ protectedView: true, suppressedCells: 0, referenceDate: '2026-11-30' });
    expect(cells(before.counts)).toEqual({ 'SELECTED|CIPOCOK_JAYA|M|AGE_25_29': 6, 'SELECTED|KASEMEN|M|AGE_25_29': 5 });
    expect(before.counts.total).toBe(11);
    expect(trendCells(before.trends)).toEqual(trendCells(exactBefore.trends));
    expect(cppRows(before.cpp)).toEqual({ CIPOCOK_JAYA: 6, KASEMEN: 5 });
    expect(indRows(before.indicator)).toEqual(indRows(exactBefore.indicator));
  });
});

describe('the attack works on the exact view: past figures move with today’s changes', () => {
  it('candidateCounts on 31 October: P left Cipocok Jaya and shows up alone with her new sex and age band', async () => {
    expect(cells(await counts(officer, { asOf: '2026-10-31' }))).toEqual({
      'SELECTED|CIPOCOK_JAYA|M|AGE_25_29': 5,
      'SELECTED|KASEMEN|M|AGE_25_29': 5,
      'SELECTED|KASEMEN|F|AGE_40_PLUS': 1,
    });
  });

  it('trends of September and October: one registration and one seat move from Cipocok Jaya to Kasemen', async () => {
    expect(trendCells(await trends(officer))).toEqual({
      'REGISTRATIONS|2026-09|CIPOCOK_JAYA': 5,
      'REGISTRATIONS|2026-09|KASEMEN': 6,
      'SEATS_ALLOCATED|2026-10|CIPOCOK_JAYA': 5,
      'SEATS_ALLOCATED|2026-10|KASEMEN': 6,
    });
  });

  it('costPerPlacement on 30 November: the placement moves with her', async () => {
    expect(cppRows(await cpp(officer, '2026-11-30'))).toEqual({ CIPOCOK_JAYA: 5, KASEMEN: 6 });
  });

  it('upfrontCashOverLine for October: the new line, the grant, the cancellation and the move all change a closed month', async () => {
    // Cipocok Jaya without P: A1's own cash is 10 − 5 = 5 juta (not over 9), A2–A5 1 juta over each;
    // Kasemen: B1–B4 and P (B0 cancelled), 1 juta over each
    expect(indRows(await indicator(officer))).toEqual([
      ['2026-10', 'CIPOCOK_JAYA', 'SET', String(9 * M), 5, 4, String(4 * M), false],
      ['2026-10', 'KASEMEN', 'SET', String(9 * M), 5, 5, String(5 * M), false],
    ]);
  });
});

describe('the protected view of the closed months does not move', () => {
  it('every answer is the one given before the changes, byte for byte', async () => {
    const after = await analystAnswers();
    expect(after).toEqual(before);
  });

  it('upfrontCashOverLine: the line and plans as known at each month end (5 juta, no grant), the cancelled seat still counted in October', async () => {
    const x = await indicator(analyst);
    expect(indRows(x)).toEqual([
      ['2026-10', 'CIPOCOK_JAYA', 'SET', String(5 * M), 6, 6, String(30 * M), false],
      ['2026-10', 'KASEMEN', 'SET', String(5 * M), 5, 5, String(25 * M), false],
    ]);
    // the public line query follows the settings as now known (it is not an aggregate over people)
    const line = await data(analyst, 'query { upfrontCashLine(asOf: "2026-10-31") { inForce { amount { amount } } } }');
    expect(line.upfrontCashLine.inForce.amount.amount).toBe(String(9 * M));
  });

  it('the current month end will show the change once it is over (the protected view is not frozen forever)', async () => {
    now = at('2027-01-05');
    try {
      const c = await counts(analyst, { asOf: '2027-01-05' });
      expect(c.disclosure.referenceDate).toBe('2026-12-31');
      // P has left Cipocok Jaya (6 → 5: a change of 1, withheld by the series rule) and B0 is WITHDRAWN
      expect(cells(c)['SELECTED|CIPOCOK_JAYA|M|AGE_25_29']).toBe('suppressed');
      expect(cells(c)['SELECTED|KASEMEN|F|AGE_40_PLUS']).toBe('suppressed');
      const x = await data(analyst, IND.replace('"2026-11-30"', '"2026-12-31"'));
      // December has no allocation; October and November stay as they were
      expect(indRows(x.upfrontCashOverLine)).toEqual(indRows(before.indicator));
    } finally {
      now = at(TODAY);
    }
  });
});

describe('candidate_attribute_history: written by triggers, read by the protected view', () => {
  const history = async (id: string) =>
    (await db.query(`select valid_from, sex, birth_date::text as birth_date, kecamatan, education, target_occupation, target_route from candidate_attribute_history where candidate_id = $1 order by valid_from, id`, [id])).rows;

  it('one row per registration (valid from created_at); a stage change or a seat writes none; a profile change writes one at the gateway’s clock', async () => {
    const n = await db.query(`select count(*)::int as candidates, (select count(distinct candidate_id)::int from candidate_attribute_history) as with_history from candidate`);
    expect(n.rows[0]).toEqual({ candidates: 11, with_history: 11 });
    const b1 = await history(B[1]!);
    expect(b1).toEqual([{ valid_from: at('2026-09-12'), sex: 'M', birth_date: '1999-01-15', kecamatan: 'KASEMEN', education: 'SLTA', target_occupation: 'WELDER', target_route: 'E7_3' }]);
    expect(await history(B[0]!)).toHaveLength(1); // allocated and released: stage and seat only
    const p = await history(A[0]!);
    expect(p).toEqual([
      { valid_from: at('2026-09-10'), sex: 'M', birth_date: '1999-01-15', kecamatan: 'CIPOCOK_JAYA', education: 'SLTA', target_occupation: 'WELDER', target_route: 'E7_3' },
      { valid_from: at(TODAY), sex: 'F', birth_date: '1980-01-15', kecamatan: 'KASEMEN', education: 'SLTA', target_occupation: 'WELDER', target_route: 'E7_3' },
    ]);
  });

  it('a change backdated into November is read by the protected view: the Cipocok Jaya cell moved by 1 and is withheld', async () => {
    await db.query(`update candidate_attribute_history set valid_from = $2 where candidate_id = $1 and valid_from = $3`, [A[0], '2026-11-15T05:00:00Z', at(TODAY)]);
    try {
      const c = await counts(analyst, { asOf: TODAY });
      expect(cells(c)).toEqual({
        'SELECTED|CIPOCOK_JAYA|M|AGE_25_29': 'suppressed', // 6 on 31 October, 5 on 30 November
        'SELECTED|KASEMEN|M|AGE_25_29': 5,
        'SELECTED|KASEMEN|F|AGE_40_PLUS': 'suppressed',
      });
      expect(c.total).toBeNull();
      // September and October are still before the change
      expect(trendCells(await trends(analyst))).toEqual(trendCells(before.trends));
      expect(indRows(await indicator(analyst))).toEqual(indRows(before.indicator));
    } finally {
      await db.query(`update candidate_attribute_history set valid_from = $3 where candidate_id = $1 and valid_from = $2`, [A[0], '2026-11-15T05:00:00Z', at(TODAY)]);
    }
    expect(await analystAnswers()).toEqual(before);
  });

  it('a grant backdated into October is read by the protected view: A1 under the line leaves a group of 1, withheld', async () => {
    const [{ id }] = (await db.query(`select id from financing_plan_revision where candidate_id = $1`, [A[1]])).rows;
    const { rows: [{ at: recorded }] } = await db.query(`select at from financing_plan_revision where id = $1`, [id]);
    await db.query(`update financing_plan_revision set at = '2026-10-20T05:00:00Z' where id = $1`, [id]);
    try {
      expect(indRows(await indicator(analyst))).toEqual([
        ['2026-10', 'CIPOCOK_JAYA', 'SET', String(5 * M), 6, null, null, true],
        ['2026-10', 'KASEMEN', 'SET', String(5 * M), 5, 5, String(25 * M), false],
      ]);
    } finally {
      await db.query(`update financing_plan_revision set at = $2 where id = $1`, [id, recorded]);
    }
    expect(await analystAnswers()).toEqual(before);
  });

  it('every write path is covered: a raw SQL update writes a row too (at the statement’s time when updated_at is not set)', async () => {
    const started = new Date();
    await db.query(`update candidate set kecamatan = 'WALANTAKA' where id = $1`, [B[1]]);
    await db.query(`update candidate set kecamatan = 'KASEMEN' where id = $1`, [B[1]]);
    const rows = await history(B[1]!);
    expect(rows.map((r) => r.kecamatan)).toEqual(['KASEMEN', 'WALANTAKA', 'KASEMEN']);
    expect(rows[1].valid_from.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    // an update that changes none of the dimensions writes nothing
    await db.query(`update candidate set kecamatan = kecamatan, updated_at = now() where id = $1`, [B[1]]);
    expect(await history(B[1]!)).toHaveLength(3);
  });

  it('append-only: values cannot be rewritten nor rows deleted while the candidate exists; they go with the candidate', async () => {
    await expect(db.query(`update candidate_attribute_history set kecamatan = 'CURUG' where candidate_id = $1`, [A[1]])).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from candidate_attribute_history where candidate_id = $1`, [A[1]])).rejects.toThrow(/append-only/);
    expect(await history(A[1]!)).toHaveLength(1);
    const lone = await registerCandidate(t, eligibleWelderProfile(900, { address: address('Curug') }));
    expect(await history(lone)).toHaveLength(1);
    await db.query(`delete from candidate where id = $1`, [lone]);
    expect(await history(lone)).toHaveLength(0);
  });
});
