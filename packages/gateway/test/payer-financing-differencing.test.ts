/**
 * Differencing `placementCosts` and `financingTotals` across time (issue 8 §1, issue 12 review gap a),
 * against the real gateway and PostgreSQL, with a clock the test moves day by day. Everything is done
 * through the API (allocateSeat, releaseSeat, setFinancingPlan, removeFinancingPlan) on the day the
 * clock says; only the stored cost shares are set by SQL, to amounts chosen so that each person's cost
 * is recognisable.
 *
 * Story (minCellCount 5):
 * - 2026-09-10: ten candidates P0–P9 get a seat (worker 10 + i juta before departure, employer
 *   3 juta in Korea each); P0–P7 get a KUR loan of 10 juta.
 * - 2026-11-11: P9's seat is released (one placement cancelled) and P0's loan raised to 12 juta (the
 *   plan count does not move, the principal does).
 * - 2026-12-05: the plans of P1–P3 are removed; P6, P7 and P8 are released.
 * - 2027-01-05: P5 is released.
 *
 * The exact view (OFFICER) answers live: its answers of 2026-11-10 and 2026-11-11 differ by P9's
 * costs and by P0's extra 2 juta — the attack is real. The protected view (ANALYST) answers at the
 * last passed month end: the same on both days, and at the next month ends every figure whose people
 * moved by 1 to 4 since a published month end is withheld, with its rupiah sums, until 5 have moved.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../src/clock';
import { readPlanSeries } from '../src/read-models/payer-financing-series.read-model';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import type { Client } from 'pg';

/** The test's clock: noon WIB of `day`. */
let day = '2026-09-10';
const clock: Clock = { now: () => new Date(`${day}T05:00:00Z`) };

let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
let partner: TestCaller;
const P: string[] = [];
const M = 1_000_000;

type Money = { amount: string } | null;
interface PayerRow { payer: string; placements: number | null; total: Money; beforeDeparture: Money; inKorea: Money; suppressed: boolean }
interface PayerTable { placements: number | null; total: Money; rows: PayerRow[]; disclosure: { protectedView: boolean; suppressedCells: number; referenceDate: string } }
const PAYER_FIELDS = `placements total { amount } rows { payer placements total { amount } beforeDeparture { amount } inKorea { amount } suppressed } disclosure { protectedView suppressedCells referenceDate }`;
const COSTS = `{ placementCosts { ${PAYER_FIELDS} } }`;
interface FinancingRow { product: string; count: number | null; principal: Money; interest: Money; totalRepaid: Money; suppressed: boolean }
interface Totals {
  plans: number | null;
  loans: Money;
  grants: Money;
  interest: Money;
  totalRepaid: Money;
  rows: FinancingRow[];
  disclosure: { protectedView: boolean; suppressedCells: number; referenceDate: string };
  placementCosts: PayerTable;
  workerCoverage: { candidates: number | null; financedByLoans: Money; workerCosts: Money; suppressed: boolean };
}
const TOTALS = `{ financingTotals {
  plans loans { amount } grants { amount } interest { amount } totalRepaid { amount }
  rows { product count principal { amount } interest { amount } totalRepaid { amount } suppressed }
  disclosure { protectedView suppressedCells referenceDate }
  placementCosts { ${PAYER_FIELDS} }
  workerCoverage { candidates financedByLoans { amount } workerCosts { amount } suppressed }
} }`;

async function data<T>(who: TestCaller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await who.gql<T>(query, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}
const costs = async (who: TestCaller) => (await data<{ placementCosts: PayerTable }>(who, COSTS)).placementCosts;
const totals = async (who: TestCaller) => (await data<{ financingTotals: Totals }>(who, TOTALS)).financingTotals;
const row = (table: PayerTable, payer: string) => table.rows.find((r) => r.payer === payer)!;
const kur = (f: Totals) => f.rows.find((r) => r.product === 'KUR_PENEMPATAN_PMI')!;
const amount = (m: Money) => (m === null ? null : BigInt(m.amount));

const release = (id: string) => ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "test") { stage } }', { c: id });
const setLoan = (id: string, amountIdr: number) =>
  ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: id,
    input: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: String(amountIdr), tenorMonths: 12 }] },
  });
const removePlan = (id: string) => ok(t, 'mutation($c: ID!) { removeFinancingPlan(candidateId: $c) { id } }', { c: id });

/** Every figure of a payer row or table is null (withheld), never 0. */
function expectWithheldRow(r: PayerRow) {
  expect(r).toEqual({ payer: r.payer, placements: null, total: null, beforeDeparture: null, inKorea: null, suppressed: true });
}

// the answers collected along the story
const exact: Record<string, { costs: PayerTable; totals: Totals }> = {};
const protectedView: Record<string, { costs: PayerTable; totals: Totals; partner: Totals }> = {};
async function ask(on: string) {
  day = on;
  exact[on] = { costs: await costs(officer), totals: await totals(officer) };
  protectedView[on] = { costs: await costs(analyst), totals: await totals(analyst), partner: await totals(partner) };
}

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  partner = t.as(await t.createKey({ roles: ['PARTNER'], partyIds: [p.apjatiId], name: 'differencing test partner' }));
  const openingId = await openOpening(t, p, 20);
  for (let i = 0; i < 10; i += 1) {
    const id = await registerCandidate(t, eligibleWelderProfile(700 + i, { address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' } }));
    P.push(id);
    await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  }
  // the stored estimates: worker 10 + i juta before departure, employer 3 juta in Korea
  await db.query('delete from placement_cost_share');
  for (const [i, id] of P.entries()) {
    const placement = await db.query(`select id, allocated_on::text as on from placement where candidate_id = $1`, [id]);
    expect(placement.rows[0].on).toBe('2026-09-10');
    const pid = placement.rows[0].id as string;
    await db.query(`insert into placement_cost_share (placement_id, line_id, timing, payer, amount_idr) values ($1, 'w', 'BEFORE_DEPARTURE', 'WORKER', $2), ($1, 'e', 'IN_KOREA', 'EMPLOYER', $3)`, [
      pid,
      (10 + i) * M,
      3 * M,
    ]);
  }
  for (const id of P.slice(0, 8)) await setLoan(id, 10 * M);

  await ask('2026-11-10');
  day = '2026-11-11';
  await release(P[9]!);
  await setLoan(P[0]!, 12 * M);
  await ask('2026-11-11');
  await ask('2026-12-10');
  day = '2026-12-05';
  for (const id of P.slice(1, 4)) await removePlan(id);
  for (const id of P.slice(6, 9)) await release(id);
  await ask('2027-01-10');
  day = '2027-01-05';
  await release(P[5]!);
  await ask('2027-02-10');
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('the exact view (OFFICER) answers live: differencing two days gives one person away', () => {
  it('placementCosts on 2026-11-10 minus 2026-11-11: one placement and P9’s 19 juta of worker costs', () => {
    const [a, b] = [exact['2026-11-10']!.costs, exact['2026-11-11']!.costs];
    expect(a.disclosure).toMatchObject({ protectedView: false, referenceDate: '2026-11-10' });
    expect(a.placements! - b.placements!).toBe(1);
    expect(amount(row(a, 'WORKER').beforeDeparture)! - amount(row(b, 'WORKER').beforeDeparture)!).toBe(BigInt(19 * M));
    expect(amount(a.total)! - amount(b.total)!).toBe(BigInt(22 * M));
  });

  it('financingTotals on the same two days: the plan count is unchanged, the principal reveals P0’s extra 2 juta', () => {
    const [a, b] = [exact['2026-11-10']!.totals, exact['2026-11-11']!.totals];
    expect([a.plans, b.plans]).toEqual([8, 8]);
    expect(amount(b.loans)! - amount(a.loans)!).toBe(BigInt(2 * M));
    expect(kur(a).count).toBe(kur(b).count);
    expect(amount(kur(b).principal)! - amount(kur(a).principal)!).toBe(BigInt(2 * M));
    expect(amount(b.totalRepaid)! > amount(a.totalRepaid)!).toBe(true);
  });
});

describe('the protected view (ANALYST, PARTNER) is pinned to the month end and checked against earlier month ends', () => {
  it('the same answer on 2026-11-10 and 2026-11-11 (both at 2026-10-31), with every row and total published', () => {
    const [a, b] = [protectedView['2026-11-10']!, protectedView['2026-11-11']!];
    expect(a.costs.disclosure).toEqual({ protectedView: true, suppressedCells: 0, referenceDate: '2026-10-31' });
    expect(b).toEqual(a);
    expect(a.costs.placements).toBe(10);
    expect(amount(row(a.costs, 'WORKER').beforeDeparture)).toBe(BigInt(145 * M));
    expect(a.totals).toMatchObject({ plans: 8, loans: { amount: String(80 * M) }, disclosure: { referenceDate: '2026-10-31', suppressedCells: 0 } });
    expect(kur(a.totals)).toMatchObject({ count: 8, principal: { amount: String(80 * M) }, suppressed: false });
    // the coverage splits the ten into 8 with a plan and 2 (P8, P9) with costs only: a small group, withheld whole
    expect(a.totals.workerCoverage).toEqual({ candidates: null, financedByLoans: null, workerCosts: null, suppressed: true });
    expect(exact['2026-11-10']!.totals.workerCoverage).toMatchObject({ candidates: 10, suppressed: false });
    // the exact view of the month end agrees (nothing was withheld, nothing changed since)
    expect(a.totals.placementCosts).toEqual(a.costs);
    // a partner sees the same (its MoU holds every placement)
    expect(a.partner).toEqual(a.totals);
  });

  it('2026-11-30 against 2026-10-31: one cancelled placement withholds every payer row, the count and the total', () => {
    const c = protectedView['2026-12-10']!.costs;
    expect(c.disclosure).toMatchObject({ protectedView: true, referenceDate: '2026-11-30', suppressedCells: 2 });
    for (const r of c.rows) expectWithheldRow(r);
    expect([c.placements, c.total]).toEqual([null, null]);
  });

  it('2026-11-30 against 2026-10-31: one loan edited in place withholds the KUR row and every total, though no count moved', () => {
    const f = protectedView['2026-12-10']!.totals;
    expect(kur(f)).toEqual({ product: 'KUR_PENEMPATAN_PMI', count: null, principal: null, interest: null, totalRepaid: null, suppressed: true });
    expect([f.plans, f.loans, f.interest, f.totalRepaid]).toEqual([null, null, null, null]);
    expect(f.grants).toEqual({ amount: '0' }); // no grant at any month end: nothing moved, nothing to hide
    expect(f.workerCoverage).toMatchObject({ candidates: null, financedByLoans: null, workerCosts: null, suppressed: true });
    expect(protectedView['2026-12-10']!.partner).toEqual(f);
  });

  it('2026-12-31: four people moved since the published 2026-10-31 (P0 edited, P1–P3 removed; P6–P9 released): still withheld', () => {
    const { costs: c, totals: f } = protectedView['2027-01-10']!;
    expect(c.disclosure.referenceDate).toBe('2026-12-31');
    for (const r of c.rows) expectWithheldRow(r);
    expect([c.placements, c.total]).toEqual([null, null]);
    expect(kur(f)).toMatchObject({ count: null, principal: null, suppressed: true });
    expect([f.plans, f.loans]).toEqual([null, null]);
    // what it would have given away: the exact figures of that month end differ from 2026-10-31 by four people
    expect(exact['2027-01-10']!.costs.placements).toBe(6);
    expect(exact['2027-01-10']!.totals.plans).toBe(5);
  });

  it('2027-01-31: five placements moved since 2026-10-31: the payer table is published again; the plans (still 4 people moved) stay withheld', () => {
    const { costs: c, totals: f } = protectedView['2027-02-10']!;
    expect(c.disclosure).toEqual({ protectedView: true, suppressedCells: 0, referenceDate: '2027-01-31' });
    expect(c.placements).toBe(5);
    expect(row(c, 'WORKER')).toMatchObject({ placements: 5, beforeDeparture: { amount: String((10 + 11 + 12 + 13 + 14) * M) }, suppressed: false });
    expect(c.total).toEqual({ amount: String((60 + 15) * M) });
    // five plans (P0, P4–P7), but only P0's edit and the removals of P1–P3 since 2026-10-31: withheld with the sums
    expect(kur(f)).toMatchObject({ count: null, principal: null, suppressed: true });
    expect(f.loans).toBeNull();
  });
});

describe('the plans’ history (financing_plan_revision)', () => {
  it('every set and removal through the API appended a revision at the clock’s instant', async () => {
    const revisions = await db.query(
      `select candidate_id, to_char(at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as on, removed, (select coalesce(sum(amount_idr), 0) from financing_plan_revision_facility f where f.revision_id = r.id)::text as amount
         from financing_plan_revision r where candidate_id = any($1) order by candidate_id, at, id`,
      [[P[0], P[1]]],
    );
    const of = (id: string) => revisions.rows.filter((r) => r.candidate_id === id).map((r) => [r.on, r.removed, r.amount]);
    expect(of(P[0]!)).toEqual([['2026-09-10', false, String(10 * M)], ['2026-11-11', false, String(12 * M)]]);
    expect(of(P[1]!)).toEqual([['2026-09-10', false, String(10 * M)], ['2026-12-05', true, '0']]);
  });

  it('a plan written without a revision (demo seed, older data) counts from its updated_at; its first change through the API keeps that past', async () => {
    const planId = randomUUID();
    await db.query(
      `insert into financing_plan (id, candidate_id, as_of, has_npwp, created_at, updated_at, created_by, updated_by) values ($1, $2, '2026-09-15', false, $3, $3, 'test', 'test')`,
      [planId, P[9], '2026-09-15T10:00:00+07:00'],
    );
    await db.query(
      `insert into financing_plan_facility (plan_id, position, product_id, financing_kind, payer, financier, product, amount_idr, annual_rate, method, tenor_months, grace_months, grace_interest,
         npwp_required, instalment_idr, last_instalment_idr, capitalised_interest_idr, interest_idr, total_paid_idr)
       values ($1, 0, 'CITY_GRANT', 'GRANT', 'CITY_SUBSIDY', 'CITY_GOVERNMENT', '{}', 4000000, '0', 'ANNUITY', 0, 0, null, false, 0, 0, 0, 0, 0)`,
      [planId],
    );
    const ends = ['2026-08-31', '2026-09-30', '2027-02-28'] as const;
    const grantsOf = async () => {
      const rows = await readPlanSeries(t.gateway.orm.em.fork() as never, ends, { all: true });
      return ends.map((m) => rows.filter((r) => r.person === P[9] && r.monthEnd === m).map((r) => [r.product, String(r.amount)]));
    };
    expect(await grantsOf()).toEqual([[], [['CITY_GRANT', '4000000']], [['CITY_GRANT', '4000000']]]);
    day = '2027-02-10';
    await setLoan(P[9]!, 7 * M);
    // the grant stays in the past month ends (a baseline revision at its updated_at), the loan from today on
    expect(await grantsOf()).toEqual([[], [['CITY_GRANT', '4000000']], [['KUR_PENEMPATAN_PMI', String(7 * M)]]]);
    const revisions = await db.query(`select to_char(at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') as at from financing_plan_revision where candidate_id = $1 order by at, id`, [P[9]]);
    expect(revisions.rows.map((r) => r.at)).toEqual(['2026-09-15 10:00', '2027-02-10 12:00']);
  });
});
