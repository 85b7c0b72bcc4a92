/**
 * `trends` and `funnel` (issue 12) against the real gateway and PostgreSQL, on backdated histories
 * written straight into the tables (stage changes, placements, financing plans at chosen instants):
 *
 * - WIB buckets: 2026-01-31T23:30+07:00 is January, 2026-01-31T17:30Z (00:30 WIB on 1 February) is February;
 * - every series, the `by` dimensions, every bucket present with real zeros (exact view);
 * - funnel counts, rates and percentiles against values worked out by hand;
 * - disclosure (ANALYST): small cells suppressed, bucket total minus the published rows never isolates
 *   fewer than k people, filters change no published cell, adjacent and nested ranges / cohorts differ
 *   by nothing smaller than k; the refusals (WEEK, two dimensions, part months, filters);
 * - bad inputs: BAD_USER_INPUT with stable domain codes and field paths.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { fixedClock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { createOrm } from '../src/db/orm';
import { readFunnelCounts, readFunnelCountsAt, type FunnelCounts } from '../src/read-models/funnel.read-model';
import { wibDayEnd } from '../src/read-models/sql-filter';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { openOpening, signedMou } from './support/program';

const TODAY = '2026-12-10';
const K = 5;

let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
let opening: { id: string; quota_id: string; mou_id: string; employer_party_id: string };

type Step = readonly [stage: string, at: string, note?: string];

/** A candidate with a backdated stage history (the first step is the registration). */
async function candidate(kecamatan: string, steps: readonly Step[], occupation = 'WELDER'): Promise<string> {
  const id = randomUUID();
  const last = steps[steps.length - 1]!;
  await db.query(
    `insert into candidate (id, profile, kecamatan, stage, stage_since, target_route, target_occupation, external_refs, created_at, updated_at)
     values ($1, '{}', $2, $3, $4, 'E7_3', $5, '[]', $6, $4)`,
    [id, kecamatan, last[0], last[1], occupation, steps[0]![1]],
  );
  let from: string | null = null;
  let seq = 0;
  for (const [stage, at, note] of steps) {
    seq += 1;
    await db.query(`insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor, note) values ($1, $2, $3, $4, $5, 'test', $6)`, [
      id,
      seq,
      from,
      stage,
      at,
      note ?? null,
    ]);
    from = stage;
  }
  return id;
}

async function placement(candidateId: string, allocatedOn: string, departedOn: string | null, returnedOn: string | null): Promise<void> {
  const status = returnedOn ? 'RETURNED' : departedOn ? 'DEPARTED' : 'ALLOCATED';
  await db.query(
    `insert into placement (id, candidate_id, opening_id, quota_id, mou_id, employer_party_id, occupation, route, allocated_on, departed_on, returned_on, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, 'WELDER', 'E7_3', $7, $8, $9, $10, now(), now())`,
    [randomUUID(), candidateId, opening.id, opening.quota_id, opening.mou_id, opening.employer_party_id, allocatedOn, departedOn, returnedOn, status],
  );
}

async function grantPlan(candidateId: string, createdAt: string, amountIdr: string): Promise<void> {
  const planId = randomUUID();
  await db.query(
    `insert into financing_plan (id, candidate_id, as_of, has_npwp, created_at, updated_at, created_by, updated_by) values ($1, $2, '2026-01-15', false, $3, $3, 'test', 'test')`,
    [planId, candidateId, createdAt],
  );
  await db.query(
    `insert into financing_plan_facility (plan_id, position, product_id, financing_kind, payer, financier, product, amount_idr, annual_rate, method, tenor_months, grace_months, grace_interest,
       npwp_required, instalment_idr, last_instalment_idr, capitalised_interest_idr, interest_idr, total_paid_idr)
     values ($1, 0, 'CITY_GRANT', 'GRANT', 'CITY_SUBSIDY', 'CITY_GOVERNMENT', '{}', $2, '0', 'ANNUITY', 0, 0, null, false, 0, 0, 0, 0, 0)`,
    [planId, amountIdr],
  );
}

const wib = (d: string, hm = '09:00') => `${d}T${hm}:00+07:00`;

/**
 * The data, by hand:
 * - J1…J6 (CIPOCOK_JAYA) registered 10 Jan, SELECTED 20 Jan (10 days); J1…J5 TRAINING 1 Feb (12 days),
 *   then TESTING on 1, 3, 5, 11, 21 Mar (28, 30, 32, 38, 48 days); J6 WITHDRAWN from SELECTED on 3 Feb
 *   and registered again on 1 Apr. Seats allocated 20 Jan for all six; J1…J5 departed 15 Jun; J1 returned 2 Nov.
 *   City grants: J1's plan at 10:00 WIB on 25 Jan (Rp 2.000.000), J2's at 2026-01-31T20:00Z = 03:00 WIB on 1 Feb (Rp 3.000.000).
 * - B1 (KASEMEN) registered 2026-01-31T23:30+07:00 (January); B2 (KASEMEN) 2026-01-31T17:30Z (February in WIB).
 * - F1…F5 (KASEMEN) registered 10 Feb, SELECTED 20 Feb; F1 REJECTED from SELECTED on 1 Mar.
 * - G1…G10 (WALANTAKA, ship painters) registered 5 Mar, SELECTED 15 Mar (10 days); G1…G5 TRAINING 1 Apr (17 days).
 */
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  const openingId = await openOpening(t, p, 50);
  opening = (await db.query(`select o.id, q.id as quota_id, o.mou_id, o.employer_party_id from job_opening o join quota q on q.mou_id = o.mou_id and q.occupation = o.occupation and q.route = o.route where o.id = $1`, [openingId])).rows[0];

  const testingDays = ['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-11', '2026-03-21'];
  const js: string[] = [];
  for (let i = 0; i < 5; i++) {
    js.push(
      await candidate('CIPOCOK_JAYA', [
        ['REGISTERED', wib('2026-01-10')],
        ['SELECTED', wib('2026-01-20')],
        ['TRAINING', wib('2026-02-01')],
        ['TESTING', wib(testingDays[i]!)],
      ]),
    );
  }
  js.push(
    await candidate('CIPOCOK_JAYA', [
      ['REGISTERED', wib('2026-01-10')],
      ['SELECTED', wib('2026-01-20')],
      ['WITHDRAWN', wib('2026-02-03'), 'pindah kerja / took another job'],
      ['REGISTERED', wib('2026-04-01')],
    ]),
  );
  for (const [i, id] of js.entries()) await placement(id, '2026-01-20', i < 5 ? '2026-06-15' : null, i === 0 ? '2026-11-02' : null);
  await grantPlan(js[0]!, wib('2026-01-25', '10:00'), '2000000');
  await grantPlan(js[1]!, '2026-01-31T20:00:00Z', '3000000');

  await candidate('KASEMEN', [['REGISTERED', '2026-01-31T23:30:00+07:00']]);
  await candidate('KASEMEN', [['REGISTERED', '2026-01-31T17:30:00Z']]);
  for (let i = 0; i < 5; i++) {
    const steps: Step[] = [
      ['REGISTERED', wib('2026-02-10')],
      ['SELECTED', wib('2026-02-20')],
    ];
    if (i === 0) steps.push(['REJECTED', wib('2026-03-01'), 'tidak lolos medis / failed the medical']);
    await candidate('KASEMEN', steps);
  }
  for (let i = 0; i < 10; i++) {
    const steps: Step[] = [
      ['REGISTERED', wib('2026-03-05')],
      ['SELECTED', wib('2026-03-15')],
    ];
    if (i < 5) steps.push(['TRAINING', wib('2026-04-01')]);
    await candidate('WALANTAKA', steps, 'SHIP_PAINTER');
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------- helpers

type Money = { amount: string; currency: string } | null;
type Row = { series: string; stage: string | null; bucket: string; bucketStart: string; kecamatan: string | null; occupation: string | null; route: string | null; count: number | null; amount: Money; suppressed: boolean };
type Total = { series: string; stage: string | null; bucket: string; count: number | null; amount: Money; suppressed: boolean };
type TrendsAnswer = {
  granularity: string;
  from: string;
  to: string;
  buckets: Array<{ label: string; start: string; end: string }>;
  rows: Row[];
  totals: Total[];
  disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate: string };
};
const TRENDS = `query($series: [TrendSeries!]!, $stages: [CandidateStage!], $granularity: TrendGranularity, $from: Date!, $to: Date!, $by: [TrendDimension!], $filter: CandidateFilter) {
  trends(series: $series, stages: $stages, granularity: $granularity, from: $from, to: $to, by: $by, filter: $filter) {
    granularity from to buckets { label start end }
    rows { series stage bucket bucketStart kecamatan occupation route count amount { amount currency } suppressed }
    totals { series stage bucket count amount { amount currency } suppressed }
    disclosure { protectedView minCellCount suppressedCells referenceDate } } }`;

async function trends(who: TestCaller, variables: Record<string, unknown>): Promise<TrendsAnswer> {
  const res = await who.gql<{ trends: TrendsAnswer }>(TRENDS, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.trends;
}

type StageRow = { stage: string; reached: number | null; rateFromPrevious: string | null; rateFromRegistration: string | null; medianDaysFromPrevious: string | null; p90DaysFromPrevious: string | null; suppressed: boolean };
type FunnelAnswer = {
  registeredFrom: string;
  registeredTo: string;
  asOf: string;
  cohort: number | null;
  rows: StageRow[];
  exits: Array<{ exit: string; fromStage: string | null; count: number | null; suppressed: boolean }>;
  exitTotals: Array<{ exit: string; count: number | null; suppressed: boolean }>;
  disclosure: { protectedView: boolean; suppressedCells: number; referenceDate: string };
};
const FUNNEL = `query($registered: DateRangeFilter!, $asOf: Date, $filter: CandidateFilter) {
  funnel(registered: $registered, asOf: $asOf, filter: $filter) {
    registeredFrom registeredTo asOf cohort
    rows { stage reached rateFromPrevious rateFromRegistration medianDaysFromPrevious p90DaysFromPrevious suppressed }
    exits { exit fromStage count suppressed } exitTotals { exit count suppressed }
    disclosure { protectedView suppressedCells referenceDate } } }`;

async function funnel(who: TestCaller, variables: Record<string, unknown>): Promise<FunnelAnswer> {
  const res = await who.gql<{ funnel: FunnelAnswer }>(FUNNEL, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.funnel;
}

const cell = (a: TrendsAnswer, series: string, bucket: string, dims: Partial<Row> = {}, stage: string | null = null) => {
  const found = a.rows.filter(
    (r) => r.series === series && r.bucket === bucket && r.stage === stage && Object.entries(dims).every(([k, v]) => (r as Record<string, unknown>)[k] === v),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};
const total = (a: TrendsAnswer, series: string, bucket: string, stage: string | null = null) => {
  const found = a.totals.filter((r) => r.series === series && r.bucket === bucket && r.stage === stage);
  expect(found).toHaveLength(1);
  return found[0]!;
};

async function expectRefused(who: TestCaller, query: string, variables: Record<string, unknown>, domainCode: string, field: string[], reason?: string) {
  const res = await who.gql(query, variables);
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    domainCode,
    field,
    messages: { id: expect.any(String), en: expect.any(String) },
    ...(reason ? { reason } : {}),
  });
}

const ALL = ['REGISTRATIONS', 'STAGE_ENTRIES', 'DEPARTURES', 'RETURNS', 'WITHDRAWALS', 'SEATS_ALLOCATED', 'FINANCING_PRINCIPAL'];

// ---------------------------------------------------------------- exact view

describe('trends (OFFICER, exact)', () => {
  it('buckets are WIB calendar months: 23:30 WIB on 31 January is January, 17:30Z on 31 January is February', async () => {
    const a = await trends(officer, { series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-02-28', by: ['KECAMATAN'], filter: { kecamatans: ['KASEMEN'] } });
    expect(a.rows.map((r) => [r.bucket, r.kecamatan, r.count])).toEqual([
      ['2026-01', 'KASEMEN', 1],
      ['2026-02', 'KASEMEN', 6],
    ]);
    // one day: 31 January holds B1 only, 1 February (WIB) B2
    const one = await trends(officer, { series: ['REGISTRATIONS'], from: '2026-01-31', to: '2026-01-31' });
    expect(one.buckets).toEqual([{ label: '2026-01', start: '2026-01-31', end: '2026-01-31' }]);
    expect(one.totals[0]!.count).toBe(1);
    const feb1 = await trends(officer, { series: ['REGISTRATIONS'], from: '2026-02-01', to: '2026-02-01' });
    expect(feb1.totals[0]!.count).toBe(1);
  });

  it('every series, every month present, zeros real: the hand-counted table', async () => {
    const a = await trends(officer, { series: ALL, stages: ['TRAINING', 'TESTING'], from: '2026-01-01', to: '2026-11-30' });
    expect(a.granularity).toBe('MONTH');
    expect(a.buckets.map((b) => b.label)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}`));
    expect(a.buckets[1]).toEqual({ label: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    const series = (s: string, stage: string | null = null) => a.buckets.map((b) => total(a, s, b.label, stage).count);
    //                                               J  F   M   A  M  J  J  A  S  O  N
    expect(series('REGISTRATIONS')).toEqual(/*    */ [7, 6, 10, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(series('STAGE_ENTRIES', 'TRAINING')).toEqual([0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect(series('STAGE_ENTRIES', 'TESTING')).toEqual([0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series('WITHDRAWALS')).toEqual(/*      */ [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series('SEATS_ALLOCATED')).toEqual(/*  */ [6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series('DEPARTURES')).toEqual(/*       */ [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0]);
    expect(series('RETURNS')).toEqual(/*          */ [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(series('FINANCING_PRINCIPAL')).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // money: integer rupiah with its currency; the plan recorded at 03:00 WIB on 1 February is February's
    expect(a.buckets.slice(0, 3).map((b) => total(a, 'FINANCING_PRINCIPAL', b.label).amount)).toEqual([
      { amount: '2000000', currency: 'IDR' },
      { amount: '3000000', currency: 'IDR' },
      { amount: '0', currency: 'IDR' },
    ]);
    expect(total(a, 'REGISTRATIONS', '2026-01').amount).toBeNull();
    // without `by`, one row per series × stage × bucket, equal to the totals
    expect(a.rows).toHaveLength(a.totals.length);
    expect(a.rows.filter((r) => r.series === 'STAGE_ENTRIES').map((r) => r.stage).sort()).toEqual([...Array(11).fill('TESTING'), ...Array(11).fill('TRAINING')]);
    expect(a.disclosure).toMatchObject({ protectedView: false, suppressedCells: 0 });
  });

  it('by KECAMATAN: every month for every kecamatan seen, rows adding up to the totals', async () => {
    const a = await trends(officer, { series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-04-30', by: ['KECAMATAN'] });
    const table = Object.fromEntries(['CIPOCOK_JAYA', 'KASEMEN', 'WALANTAKA'].map((k) => [k, a.buckets.map((b) => cell(a, 'REGISTRATIONS', b.label, { kecamatan: k }).count)]));
    expect(table).toEqual({ CIPOCOK_JAYA: [6, 0, 0, 1], KASEMEN: [1, 6, 0, 0], WALANTAKA: [0, 0, 10, 0] });
    expect(a.rows).toHaveLength(12);
    for (const b of a.buckets) expect(total(a, 'REGISTRATIONS', b.label).count).toBe(a.rows.filter((r) => r.bucket === b.label).reduce((n, r) => n + r.count!, 0));
  });

  it('by OCCUPATION and ROUTE (two dimensions at once), and the candidate filter', async () => {
    const a = await trends(officer, { series: ['STAGE_ENTRIES'], stages: ['SELECTED'], from: '2026-01-01', to: '2026-03-31', by: ['OCCUPATION', 'ROUTE'] });
    expect(a.rows.map((r) => [r.bucket, r.occupation, r.route, r.count, r.kecamatan])).toEqual([
      ['2026-01', 'SHIP_PAINTER', 'E7_3', 0, null],
      ['2026-01', 'WELDER', 'E7_3', 6, null],
      ['2026-02', 'SHIP_PAINTER', 'E7_3', 0, null],
      ['2026-02', 'WELDER', 'E7_3', 5, null],
      ['2026-03', 'SHIP_PAINTER', 'E7_3', 10, null],
      ['2026-03', 'WELDER', 'E7_3', 0, null],
    ]);
    const welders = await trends(officer, { series: ['STAGE_ENTRIES'], stages: ['SELECTED'], from: '2026-01-01', to: '2026-03-31', filter: { occupations: ['WELDER'] } });
    expect(welders.totals.map((r) => r.count)).toEqual([6, 5, 0]);
  });

  it('WEEK: ISO weeks (Monday), clipped to the range', async () => {
    const a = await trends(officer, { series: ['REGISTRATIONS'], granularity: 'WEEK', from: '2026-01-28', to: '2026-02-11' });
    // 2026-01-26 (Mon) … 2026-02-01 is 2026-W05; 2026-02-02 … 08 W06; 2026-02-09 … W07
    expect(a.buckets).toEqual([
      { label: '2026-W05', start: '2026-01-28', end: '2026-02-01' },
      { label: '2026-W06', start: '2026-02-02', end: '2026-02-08' },
      { label: '2026-W07', start: '2026-02-09', end: '2026-02-11' },
    ]);
    expect(a.totals.map((r) => r.count)).toEqual([2, 0, 5]);
    const turn = await trends(officer, { series: ['REGISTRATIONS'], granularity: 'WEEK', from: '2025-12-29', to: '2026-01-04' });
    expect(turn.buckets.map((b) => b.label)).toEqual(['2026-W01']);
  });
});

describe('funnel (OFFICER, exact): counts, rates and percentiles by hand', () => {
  it('the January cohort: 7 people (J1…J6 and B1)', async () => {
    const f = await funnel(officer, { registered: { from: '2026-01-01', to: '2026-01-31' } });
    expect(f.cohort).toBe(7);
    const row = (s: string) => f.rows.find((r) => r.stage === s)!;
    expect(f.rows.map((r) => r.stage)).toEqual(['REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION', 'DEPARTED', 'PLACED', 'RETURNED']);
    expect(f.rows.map((r) => r.reached)).toEqual([7, 6, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row('REGISTERED')).toMatchObject({ rateFromPrevious: null, rateFromRegistration: '1.0000', medianDaysFromPrevious: null });
    expect(row('SELECTED')).toMatchObject({ rateFromPrevious: '0.8571', rateFromRegistration: '0.8571', medianDaysFromPrevious: '10.00', p90DaysFromPrevious: '10.00' });
    expect(row('TRAINING')).toMatchObject({ rateFromPrevious: '0.8333', rateFromRegistration: '0.7143', medianDaysFromPrevious: '12.00', p90DaysFromPrevious: '12.00' });
    // 28, 30, 32, 38, 48 days: median 32; p90 = 38 + 0.6 × (48 − 38) = 44
    expect(row('TESTING')).toMatchObject({ rateFromPrevious: '1.0000', rateFromRegistration: '0.7143', medianDaysFromPrevious: '32.00', p90DaysFromPrevious: '44.00' });
    expect(row('MEDICAL')).toMatchObject({ rateFromPrevious: '0.0000', medianDaysFromPrevious: null });
    expect(row('PLACEMENT_AGREEMENT').rateFromPrevious).toBeNull();
    // J6's withdrawal ends the first cycle; the April registration is a new cycle, not in this cohort
    expect(f.exits).toEqual([{ exit: 'WITHDRAWN', fromStage: 'SELECTED', count: 1, suppressed: false }]);
    expect(f.exitTotals).toEqual([
      { exit: 'WITHDRAWN', count: 1, suppressed: false },
      { exit: 'REJECTED', count: 0, suppressed: false },
    ]);
  });

  it('Q1: the three monthly cohorts together; asOf cuts the history', async () => {
    const f = await funnel(officer, { registered: { from: '2026-01-01', to: '2026-03-31' } });
    expect(f.cohort).toBe(23);
    expect(f.rows.slice(0, 4).map((r) => r.reached)).toEqual([23, 21, 10, 5]);
    expect(f.exits).toEqual([
      { exit: 'WITHDRAWN', fromStage: 'SELECTED', count: 1, suppressed: false },
      { exit: 'REJECTED', fromStage: 'SELECTED', count: 1, suppressed: false },
    ]);
    // TRAINING: J1…J5 after 12 days, G1…G5 after 17: median 14.5, p90 = 17
    expect(f.rows[2]).toMatchObject({ medianDaysFromPrevious: '14.50', p90DaysFromPrevious: '17.00' });
    const early = await funnel(officer, { registered: { from: '2026-01-01', to: '2026-03-31' }, asOf: '2026-02-15' });
    expect(early.asOf).toBe('2026-02-15');
    // by 15 Feb: January's 7 and February's B2 + F1…F5 (registered 10 Feb, not yet selected)
    expect(early.cohort).toBe(13);
    expect(early.rows.slice(0, 4).map((r) => r.reached)).toEqual([13, 6, 5, 0]);
  });
});

// ---------------------------------------------------------------- protected view

describe('trends (ANALYST, protected view)', () => {
  const byKec = { series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-04-30', by: ['KECAMATAN'] };

  it('suppresses small cells, and the smallest published cell with them when the bucket total would give them away', async () => {
    const a = await trends(analyst, byKec);
    expect(a.disclosure).toMatchObject({ protectedView: true, minCellCount: K });
    const get = (b: string, k: string) => cell(a, 'REGISTRATIONS', b, { kecamatan: k });
    // January: CIPOCOK_JAYA 6, KASEMEN 1. The total (7) is published without `by`, so 6 would give KASEMEN's 1 away: both withheld
    expect(get('2026-01', 'KASEMEN')).toMatchObject({ count: null, suppressed: true });
    expect(get('2026-01', 'CIPOCOK_JAYA')).toMatchObject({ count: null, suppressed: true });
    expect(total(a, 'REGISTRATIONS', '2026-01')).toMatchObject({ count: null, suppressed: true });
    // February: KASEMEN 6, the rest 0 (real zeros)
    expect(get('2026-02', 'KASEMEN')).toMatchObject({ count: 6, suppressed: false });
    expect(get('2026-02', 'CIPOCOK_JAYA')).toMatchObject({ count: 0, suppressed: false });
    expect(total(a, 'REGISTRATIONS', '2026-02').count).toBe(6);
    expect(get('2026-03', 'WALANTAKA').count).toBe(10);
    // April: J6's new registration alone
    expect(get('2026-04', 'CIPOCOK_JAYA')).toMatchObject({ count: null, suppressed: true });
    expect(total(a, 'REGISTRATIONS', '2026-04').count).toBeNull();
    expect(a.disclosure.suppressedCells).toBe(a.rows.filter((r) => r.suppressed).length);
    for (const r of a.rows) if (!r.suppressed) expect(r.count === 0 || r.count! >= K).toBe(true);
  });

  it('totals minus rows: the bucket total without `by`, minus the published rows, is 0 or at least k in every month', async () => {
    const rows = await trends(analyst, byKec);
    const totals = await trends(analyst, { ...byKec, by: [] });
    expect(totals.rows.map((r) => r.count)).toEqual([7, 6, 10, null]);
    for (const t0 of totals.totals) {
      if (t0.count === null) continue;
      const published = rows.rows.filter((r) => r.bucket === t0.bucket && !r.suppressed).reduce((n, r) => n + r.count!, 0);
      const rest = t0.count - published;
      expect(rest === 0 || rest >= K).toBe(true);
    }
    // the exact view shows what the attack would find
    const exact = await trends(officer, byKec);
    expect(cell(exact, 'REGISTRATIONS', '2026-01', { kecamatan: 'KASEMEN' }).count).toBe(1);
  });

  it('a filter on the reported dimension selects rows of the unfiltered answer, suppression included', async () => {
    const all = await trends(analyst, byKec);
    const some = await trends(analyst, { ...byKec, filter: { kecamatans: ['CIPOCOK_JAYA', 'WALANTAKA'] } });
    const key = (r: Row) => `${r.bucket}|${r.kecamatan}`;
    const allBy = new Map(all.rows.map((r) => [key(r), r]));
    expect(some.rows.length).toBe(8);
    for (const r of some.rows) expect(r).toEqual(allBy.get(key(r)));
    // January's CIPOCOK_JAYA stays withheld even though KASEMEN is filtered out
    expect(cell(some, 'REGISTRATIONS', '2026-01', { kecamatan: 'CIPOCOK_JAYA' }).suppressed).toBe(true);
    expect(total(some, 'REGISTRATIONS', '2026-03').count).toBe(10);
  });

  it('adjacent and overlapping ranges publish the same cells for the months they share (no range total to difference)', async () => {
    const ranges = [
      ['2026-01-01', '2026-01-31'],
      ['2026-01-01', '2026-02-28'],
      ['2026-02-01', '2026-03-31'],
      ['2026-01-01', '2026-04-30'],
      ['2026-03-01', '2026-11-30'],
    ];
    const seen = new Map<string, Row>();
    for (const [from, to] of ranges) {
      const a = await trends(analyst, { series: ['REGISTRATIONS', 'STAGE_ENTRIES'], stages: ['TRAINING'], from, to, by: ['KECAMATAN'] });
      for (const r of a.rows) {
        const k = `${r.series}|${r.stage}|${r.bucket}|${r.kecamatan}`;
        if (seen.has(k)) expect(r).toEqual(seen.get(k));
        else seen.set(k, r);
        if (!r.suppressed) expect(r.count === 0 || r.count! >= K).toBe(true);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('money over a withheld cell is null', async () => {
    const a = await trends(analyst, { series: ['FINANCING_PRINCIPAL'], from: '2026-01-01', to: '2026-03-31' });
    expect(a.rows.map((r) => [r.bucket, r.count, r.amount, r.suppressed])).toEqual([
      ['2026-01', null, null, true],
      ['2026-02', null, null, true],
      ['2026-03', 0, { amount: '0', currency: 'IDR' }, false],
    ]);
  });

  it('refuses WEEK, two dimensions, part months, months not yet over, and filters off the breakdown', async () => {
    await expectRefused(analyst, TRENDS, { ...byKec, granularity: 'WEEK' }, 'DISCLOSURE.GRANULARITY_NOT_ALLOWED', ['granularity']);
    await expectRefused(analyst, TRENDS, { ...byKec, by: ['KECAMATAN', 'OCCUPATION'] }, 'DISCLOSURE.TOO_MANY_DIMENSIONS', ['by']);
    await expectRefused(analyst, TRENDS, { ...byKec, from: '2026-01-15' }, 'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS', ['from']);
    await expectRefused(analyst, TRENDS, { ...byKec, to: '2026-12-31' }, 'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS', ['to']);
    await expectRefused(analyst, TRENDS, { ...byKec, filter: { occupations: ['WELDER'] } }, 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', 'occupations']);
    await expectRefused(analyst, TRENDS, { ...byKec, by: [], filter: { kecamatans: ['KASEMEN'] } }, 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', 'kecamatans']);
    await expectRefused(analyst, TRENDS, { ...byKec, filter: { registered: { from: '2026-01-01', to: '2026-01-31' } } }, 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', 'registered']);
  });
});

describe('funnel (ANALYST, protected view)', () => {
  const cohort = (from: string, to: string) => funnel(analyst, { registered: { from, to } });

  it('a month whose stage drop is 1 to k − 1 withholds the stage; a large enough one is published', async () => {
    const jan = await cohort('2026-01-01', '2026-01-31');
    expect(jan.disclosure).toMatchObject({ protectedView: true, referenceDate: '2026-11-30' });
    expect(jan.asOf).toBe('2026-11-30');
    // 7 → 6 → 5 → 5 → 0: 7 − 6 = 1 would be B1, so SELECTED, TRAINING and TESTING are withheld; MEDICAL's 0 (drop 7) is published
    expect(jan.rows.map((r) => r.reached)).toEqual([7, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(jan.cohort).toBe(7);
    expect(jan.rows[1]).toMatchObject({ suppressed: true, rateFromPrevious: null, medianDaysFromPrevious: null, p90DaysFromPrevious: null });
    expect(jan.rows[4]).toMatchObject({ rateFromPrevious: null, rateFromRegistration: '0.0000', suppressed: false });
    expect(jan.exits).toEqual([{ exit: 'WITHDRAWN', fromStage: 'SELECTED', count: null, suppressed: true }]);
    expect(jan.exitTotals[0]).toEqual({ exit: 'WITHDRAWN', count: null, suppressed: true });
    const mar = await cohort('2026-03-01', '2026-03-31');
    expect(mar.rows.slice(0, 4).map((r) => r.reached)).toEqual([10, 10, 5, 0]);
    // 10 steps: the median is published, the p90 (which would lean on the largest of 10 values) is not
    expect(mar.rows[1]).toMatchObject({ rateFromPrevious: '1.0000', medianDaysFromPrevious: '10.00', p90DaysFromPrevious: null });
    expect(mar.rows[2]).toMatchObject({ rateFromPrevious: '0.5000', rateFromRegistration: '0.5000', medianDaysFromPrevious: '17.00' });
    expect(mar.disclosure.suppressedCells).toBe(0);
  });

  it('differencing nested and adjacent cohorts (months, quarters) never isolates fewer than k people', async () => {
    const periods = [
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
      ['2026-01-01', '2026-02-28'],
      ['2026-02-01', '2026-03-31'],
      ['2026-01-01', '2026-03-31'],
    ] as const;
    const answers = await Promise.all(periods.map(([f, to]) => cohort(f, to)));
    const ok = (d: number) => d === 0 || Math.abs(d) >= K;
    const within = (a: (typeof periods)[number], b: (typeof periods)[number]) => a !== b && a[0] >= b[0] && a[1] <= b[1];
    let compared = 0;
    answers.forEach((a, i) => {
      // within one answer the stages are nested sets: any two published counts differ by 0 or ≥ k
      const reached = a.rows.flatMap((r) => (r.reached === null ? [] : [r.reached]));
      for (const x of reached) for (const y of reached) expect(ok(x - y)).toBe(true);
      // a period inside another: the same figure differs by the months outside, 0 or ≥ k
      answers.forEach((b, j) => {
        if (!within(periods[i]!, periods[j]!)) return;
        a.rows.forEach((r, s) => {
          const other = b.rows[s]!.reached;
          if (r.reached !== null && other !== null) {
            compared += 1;
            expect(ok(other - r.reached)).toBe(true);
          }
        });
        for (const e of a.exits) {
          const other = b.exits.find((x) => x.exit === e.exit && x.fromStage === e.fromStage);
          if (e.count !== null && other?.count != null) expect(ok(other.count - e.count)).toBe(true);
        }
      });
    });
    expect(compared).toBeGreaterThan(20);
    // Q1 publishes SELECTED only if every month does: January does not
    expect(answers[5]!.rows[1]!.reached).toBeNull();
    // the exact view shows the attack is real: Q1 − (Feb–Mar) at SELECTED is January's 6, and 7 − 6 = 1
    const q1 = await funnel(officer, { registered: { from: '2026-01-01', to: '2026-03-31' } });
    const febMar = await funnel(officer, { registered: { from: '2026-02-01', to: '2026-03-31' } });
    expect(q1.rows[0]!.reached! - febMar.rows[0]!.reached! - (q1.rows[1]!.reached! - febMar.rows[1]!.reached!)).toBe(1);
  });

  it('refuses part months, months not over, and any filter', async () => {
    await expectRefused(analyst, FUNNEL, { registered: { from: '2026-01-05', to: '2026-01-31' } }, 'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS', ['registered']);
    await expectRefused(analyst, FUNNEL, { registered: { from: '2026-12-01', to: '2026-12-31' } }, 'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS', ['registered']);
    await expectRefused(analyst, FUNNEL, { registered: { from: '2026-01-01', to: '2026-01-31' }, filter: { kecamatans: ['KASEMEN'] } }, 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', 'kecamatans']);
  });

  it('follows the cohort to every month end of its follow-up in one statement, whatever its length', async () => {
    const statementsFor = async (from: string, to: string) => {
      t.resetSql();
      await cohort(from, to);
      return t.sql.statements.filter((s) => /candidate_stage_change/.test(s)).length;
    };
    // January is followed to 11 month ends (Jan … Nov), October to 2 (Oct, Nov)
    expect(await statementsFor('2026-01-01', '2026-01-31')).toBe(1);
    expect(await statementsFor('2026-10-01', '2026-10-31')).toBe(1);
    // and each cut-off's answer is the one a statement for that cut-off alone gives
    const orm = await createOrm({ clientUrl: t.databaseUrl, log: createLogger('silent'), poolMax: 1 });
    try {
      const em = orm.em.fork();
      const ends = ['2026-03-31', '2026-04-30', '2026-05-31', '2026-11-30'].map(wibDayEnd);
      const together = await readFunnelCountsAt(em, { from: '2026-01-01', to: '2026-03-31', untils: ends, filter: undefined });
      const alone = [];
      for (const until of ends) alone.push(await readFunnelCounts(em, { from: '2026-01-01', to: '2026-03-31', until, filter: undefined }));
      const sorted = (c: FunnelCounts) => JSON.stringify([c.furthest, c.exits, c.durations].map((xs) => xs.map((x) => JSON.stringify(x)).sort()));
      expect(together.map(sorted)).toEqual(alone.map(sorted));
      // the follow-up moves: G1…G5 reach TRAINING on 1 April
      expect(sorted(together[0]!)).not.toEqual(sorted(together[1]!));
      expect(sorted(together[1]!)).toEqual(sorted(together[3]!));
      await expect(readFunnelCountsAt(em, { from: '2026-01-01', to: '2026-03-31', untils: [wibDayEnd('2026-02-28')], filter: undefined })).rejects.toThrow(/at or after the end/);
    } finally {
      await orm.close();
    }
  });
});

// ---------------------------------------------------------------- bad inputs

describe('bad inputs', () => {
  it('from after to, too many buckets, no series, stages without STAGE_ENTRIES: BAD_USER_INPUT with a stable code and field', async () => {
    await expectRefused(officer, TRENDS, { series: ['REGISTRATIONS'], from: '2026-03-01', to: '2026-01-31' }, 'TRENDS.RANGE_REVERSED', ['from']);
    await expectRefused(officer, TRENDS, { series: ['REGISTRATIONS'], from: '2010-01-01', to: '2026-11-30' }, 'TRENDS.TOO_MANY_BUCKETS', ['to'], 'LIMIT_EXCEEDED');
    await expectRefused(officer, TRENDS, { series: ['REGISTRATIONS'], granularity: 'WEEK', from: '2024-01-01', to: '2026-11-30' }, 'TRENDS.TOO_MANY_BUCKETS', ['to'], 'LIMIT_EXCEEDED');
    await expectRefused(officer, TRENDS, { series: [], from: '2026-01-01', to: '2026-01-31' }, 'TRENDS.NO_SERIES', ['series']);
    await expectRefused(officer, TRENDS, { series: ['REGISTRATIONS'], stages: ['TRAINING'], from: '2026-01-01', to: '2026-01-31' }, 'TRENDS.STAGES_WITHOUT_STAGE_ENTRIES', ['stages']);
    await expectRefused(officer, FUNNEL, { registered: { from: '2026-03-01', to: '2026-01-31' } }, 'FILTER.DATE_RANGE_REVERSED', ['registered']);
    // 120 months is the cap: exactly 120 is answered
    const ten = await trends(officer, { series: ['RETURNS'], from: '2016-12-01', to: '2026-11-30' });
    expect(ten.buckets).toHaveLength(120);
  });

  it('an unknown series or dimension is refused by the schema (BAD_USER_INPUT, UNKNOWN_ENUM_VALUE), without echoing it', async () => {
    for (const variables of [
      { series: ['PROMOTIONS'], from: '2026-01-01', to: '2026-01-31' },
      { series: ['REGISTRATIONS'], by: ['VILLAGE'], from: '2026-01-01', to: '2026-01-31' },
    ]) {
      const res = await officer.gql(TRENDS, variables);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ENUM_VALUE' });
      expect(JSON.stringify(res.body)).not.toMatch(/PROMOTIONS|VILLAGE/);
    }
  });

  it('anonymous callers are refused', async () => {
    const res = await t.gql(TRENDS, { series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-01-31' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
