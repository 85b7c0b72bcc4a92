/**
 * `trends` FINANCING_PRINCIPAL of a closed month never moves when one plan is edited later (privacy
 * gap d, with the financing plan history `financing_plan_revision`), against the real gateway and
 * PostgreSQL. The attack: an analyst records a closed month's principal, waits until one person's loan
 * is raised, asks again and subtracts (or sums `trends` to a month end and subtracts the protected
 * loans of `financingTotals`). It is shown to work on the exact view (OFFICER: every plan with its
 * current products, a documented choice: a corrected record corrects the past) and then to give
 * nothing on the protected view (ANALYST: each plan as it stood at the end of its month, WIB).
 *
 * The gateway's clock is moved forward as the program runs (no backdating of the histories):
 *   2026-10-08  P0–P5 register in Cipocok Jaya and get seats
 *   2026-10-10  P0–P5 get a KUR loan of 10 juta each
 *   2026-11-12  Q0–Q4 register and get seats; Q0–Q4 get a KUR loan of 7 juta each
 *   2026-12-10  (today) P0's loan is raised to 12 juta, Q0's to 9 juta
 * Then the revision table is changed in SQL to show that the protected view reads it (and the
 * fallback for plans with no revision at all, as upfront-cash.read-model.ts `planFinancedBeforeSql`).
 */
import type { Client } from 'pg';
import type { Clock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

const TODAY = '2026-12-10';
const at = (day: string) => new Date(`${day}T05:00:00Z`);
let now = at('2026-10-01');
const clock: Clock = { now: () => now };

let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
const P: string[] = [];
const Q: string[] = [];
const M = 1_000_000;

async function data<T = any>(who: TestCaller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await who.gql<T>(query, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

const TRENDS = `query { trends(series: [FINANCING_PRINCIPAL], granularity: MONTH, from: "2026-10-01", to: "2026-11-30", by: [KECAMATAN]) {
  rows { series bucket kecamatan count amount { amount } suppressed } totals { series bucket count amount { amount } suppressed } disclosure { protectedView suppressedCells } } }`;
const trends = async (who: TestCaller) => (await data(who, TRENDS)).trends;
/** `bucket → [plans, principal]` of the month totals (null when withheld). */
const months = (x: any) => Object.fromEntries(x.totals.map((r: any) => [r.bucket, r.suppressed ? 'suppressed' : [r.count, r.amount?.amount ?? null]]));

const setLoan = (id: string, amountIdr: number) =>
  ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: id,
    input: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: String(amountIdr), tenorMonths: 12 }] },
  });

let before: any;
let exactBefore: any;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  const openingId = await openOpening(t, p, 20);
  const allocate = (c: string) => ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c, o: openingId });
  const address = { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' };
  now = at('2026-10-08');
  for (let i = 0; i < 6; i++) P.push(await registerCandidate(t, eligibleWelderProfile(600 + i, { address })));
  for (const id of P) await allocate(id);
  now = at('2026-10-10');
  for (const id of P) await setLoan(id, 10 * M);
  now = at('2026-11-12');
  for (let i = 0; i < 5; i++) Q.push(await registerCandidate(t, eligibleWelderProfile(650 + i, { address })));
  for (const id of Q) await allocate(id);
  for (const id of Q) await setLoan(id, 7 * M);
  now = at(TODAY);
  before = await trends(analyst);
  exactBefore = await trends(officer);
  // today: two loans are raised
  await setLoan(P[0]!, 12 * M);
  await setLoan(Q[0]!, 9 * M);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('before the edits', () => {
  it('the officer and the analyst saw the same closed months: 6 plans of 60 juta in October, 5 of 35 juta in November', () => {
    const expected = { '2026-10': [6, String(60 * M)], '2026-11': [5, String(35 * M)] };
    expect(months(exactBefore)).toEqual(expected);
    expect(before.disclosure).toEqual({ protectedView: true, suppressedCells: 0 });
    expect(months(before)).toEqual(expected);
    expect(before.rows).toEqual(exactBefore.rows);
  });
});

describe('the attack works on the exact view: an edit after the month end moves the closed months', () => {
  it('October gains P0’s extra 2 juta and November Q0’s: re-asking and subtracting gives each one’s edit', async () => {
    const x = await trends(officer);
    expect(months(x)).toEqual({ '2026-10': [6, String(62 * M)], '2026-11': [5, String(37 * M)] });
    const oct = (y: any) => BigInt(y.totals.find((r: any) => r.bucket === '2026-10').amount.amount);
    expect(oct(x) - oct(exactBefore)).toBe(BigInt(2 * M));
  });
});

describe('the protected view of the closed months does not move', () => {
  it('every answer is the one given before the edits, byte for byte', async () => {
    expect(await trends(analyst)).toEqual(before);
  });

  it('the revision history is read: P0’s raise backdated into October moves October (and only it), restored afterwards', async () => {
    const { rows } = await db.query(`select id, at from financing_plan_revision where candidate_id = $1 order by at desc, id desc limit 1`, [P[0]]);
    const [{ id, at: recorded }] = rows;
    await db.query(`update financing_plan_revision set at = '2026-10-20T05:00:00Z' where id = $1`, [id]);
    try {
      expect(months(await trends(analyst))).toEqual({ '2026-10': [6, String(62 * M)], '2026-11': [5, String(35 * M)] });
    } finally {
      await db.query(`update financing_plan_revision set at = $2 where id = $1`, [id, recorded]);
    }
    expect(await trends(analyst)).toEqual(before);
  });

  it('a plan with no revision at all (written before the history) counts from its updated_at on, with its current products', async () => {
    // Q1's plan as the demo seed writes it: no revision; recorded on 12 November, so November is unchanged
    await db.query(`delete from financing_plan_revision where candidate_id = $1`, [Q[1]]);
    expect(await trends(analyst)).toEqual(before);
    // changed after November's end (as far as the gateway can prove): not in November (its month is
    // December, the instant its first change through the API will record it at): November keeps 4
    // plans, under the minimum cell count of 5, so it is withheld
    await db.query(`update financing_plan set updated_at = $2 where candidate_id = $1`, [Q[1], at(TODAY)]);
    expect(months(await trends(analyst))).toEqual({ '2026-10': [6, String(60 * M)], '2026-11': 'suppressed' });
    // the exact view counts its current products in the month it was first recorded
    expect(months(await trends(officer))).toEqual({ '2026-10': [6, String(62 * M)], '2026-11': [5, String(37 * M)] });
  });
});

describe('a plan removed after its month (removeFinancingPlan)', () => {
  const REMOVE = 'mutation($c: ID!) { removeFinancingPlan(candidateId: $c) { id } }';
  const october = (x: any) => ({
    total: x.totals.filter((r: any) => r.bucket === '2026-10'),
    rows: x.rows.filter((r: any) => r.bucket === '2026-10'),
  });

  it('the attack works on the exact view: October loses P1’s plan, re-asking and subtracting gives her 10 juta; the protected October does not move', async () => {
    const exact = await trends(officer);
    const protectedBefore = await trends(analyst);
    expect(months(exact)['2026-10']).toEqual([6, String(62 * M)]);
    expect(months(protectedBefore)['2026-10']).toEqual([6, String(60 * M)]);
    now = at(TODAY);
    await ok(t, REMOVE, { c: P[1] });
    // the plan is gone from the current table, its revisions stay (the set of 10 October, the removal today)
    expect((await db.query(`select 1 from financing_plan where candidate_id = $1`, [P[1]])).rowCount).toBe(0);
    expect((await db.query(`select removed from financing_plan_revision where candidate_id = $1 order by at, id`, [P[1]])).rows).toEqual([{ removed: false }, { removed: true }]);
    const exactAfter = await trends(officer);
    expect(months(exactAfter)['2026-10']).toEqual([5, String(52 * M)]);
    const oct = (y: any) => BigInt(y.totals.find((r: any) => r.bucket === '2026-10').amount.amount);
    expect(oct(exact) - oct(exactAfter)).toBe(BigInt(10 * M));
    // protected: October as it stood at its end, byte for byte (the whole answer too)
    const protectedAfter = await trends(analyst);
    expect(JSON.stringify(october(protectedAfter))).toBe(JSON.stringify(october(protectedBefore)));
    expect(protectedAfter).toEqual(protectedBefore);
  });

  it('the first change of a plan with no revision (Q1’s, recorded today) moves no closed month either', async () => {
    const protectedBefore = await trends(analyst);
    await ok(t, REMOVE, { c: Q[1] });
    // recorded first as it stood since its updated_at, then removed
    expect((await db.query(`select removed from financing_plan_revision where candidate_id = $1 order by at, id`, [Q[1]])).rows).toEqual([{ removed: false }, { removed: true }]);
    expect(await trends(analyst)).toEqual(protectedBefore);
  });

  it('a plan set again after its removal is a new plan, in its own month: October still does not move', async () => {
    const protectedBefore = await trends(analyst);
    await setLoan(P[1]!, 8 * M);
    expect(months(await trends(officer))['2026-10']).toEqual([5, String(52 * M)]);
    expect(await trends(analyst)).toEqual(protectedBefore);
  });
});
