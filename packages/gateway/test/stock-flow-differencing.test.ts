/**
 * Stocks against flows (issue 12 review, gaps b and c), against the real gateway and PostgreSQL. A
 * stock published at two month ends (`candidateCounts`: people in a stage; `costPerPlacement`: live
 * placements) and the flow `trends` publishes for the months between (entries into the stage, seats
 * allocated) give what neither publishes: the people who left, the seats cancelled. And
 * `stageDurations`' cumulative periods at two month ends are the entries of the months between,
 * including those `trends` withholds. People are registered through the API, then their histories
 * are backdated in SQL (as point-in-time.test.ts does):
 *
 *   W0–W17  18 Walantaka  registered 2026-03-05; W0–W9 TRAINING 2026-04-10, W10–W17 TRAINING 2026-05-10;
 *                         W0–W2 WITHDRAWN 2026-05-20 (TRAINING on 30 April 10, on 31 May 10 + 8 − 3 = 15)
 *   K0–K14  15 Kasemen    registered 2026-03-05; K0–K9 TRAINING 2026-04-10, K10–K14 TRAINING 2026-06-10;
 *                         K0–K6 TESTING 2026-06-15, K7–K9 WITHDRAWN 2026-06-20 (TRAINING on 31 May 10,
 *                         on 30 June 10 + 5 − 7 − 3 = 5: its entries minus its stock, 10, minus the 7
 *                         entries into TESTING give the 3 who withdrew from TRAINING)
 *   C0–C23  24 Curug      registered 2026-08-03; seats (SELECTED) C0–C9 on 2026-09-05, C10–C17 on
 *                         2026-10-05, C18–C23 on 2026-11-05; C0–C2 cancelled (WITHDRAWN) 2026-10-20;
 *                         C23's placement has no stored estimate
 *
 * The gateway's day is 2026-12-10. Each attack is first shown to work in the exact view (OFFICER),
 * then to give nothing in the protected view (ANALYST).
 */
import { fixedClock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

const TODAY = '2026-12-10';
const K = 5;
const small = (n: number) => Math.abs(n) >= 1 && Math.abs(n) < K;
const MONTH_ENDS = ['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
const monthOf = (monthEnd: string) => monthEnd.slice(0, 7);

let t: TestGateway;
let officer: TestCaller;
let analyst: TestCaller;
const ids: Record<'W' | 'K' | 'C', string[]> = { W: [], K: [], C: [] };

async function data<T = any>(who: TestCaller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await who.gql<T>(query, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  const openingId = await openOpening(t, p, 30);
  let seq = 700;
  const register = async (group: 'W' | 'K' | 'C', n: number, kecamatan: string) => {
    for (let i = 0; i < n; i += 1) {
      seq += 1;
      ids[group].push(await registerCandidate(t, eligibleWelderProfile(seq, { address: { kecamatan, city: 'Kota Serang', source: 'KTP' } })));
    }
  };
  await register('W', 18, 'Walantaka');
  await register('K', 15, 'Kasemen');
  await register('C', 24, 'Curug');
  for (const id of ids.C) await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  const db = await t.db();
  const registered = async (group: readonly string[], at: string) => {
    await db.query(`update candidate set created_at = $2 where id = any($1)`, [group, at]);
    await db.query(`update candidate_stage_change set at = $2 where candidate_id = any($1) and to_stage = 'REGISTERED'`, [group, at]);
  };
  await registered([...ids.W, ...ids.K], '2026-03-05T03:00:00Z');
  await registered(ids.C, '2026-08-03T03:00:00Z');
  const addChange = async (id: string, from: string, to: string, at: string) => {
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor)
       select $1, max(sequence) + 1, $2, $3, $4, 'test' from candidate_stage_change where candidate_id = $1`,
      [id, from, to, at],
    );
    await db.query(`update candidate set stage = $2 where id = $1`, [id, to]);
  };
  for (const id of [...ids.W.slice(0, 10), ...ids.K.slice(0, 10)]) await addChange(id, 'REGISTERED', 'TRAINING', '2026-04-10T03:00:00Z');
  for (const id of ids.K.slice(10)) await addChange(id, 'REGISTERED', 'TRAINING', '2026-06-10T03:00:00Z');
  for (const id of ids.K.slice(0, 7)) await addChange(id, 'TRAINING', 'TESTING', '2026-06-15T03:00:00Z');
  for (const id of ids.K.slice(7, 10)) await addChange(id, 'TRAINING', 'WITHDRAWN', '2026-06-20T03:00:00Z');
  for (const id of ids.W.slice(10)) await addChange(id, 'REGISTERED', 'TRAINING', '2026-05-10T03:00:00Z');
  for (const id of ids.W.slice(0, 3)) await addChange(id, 'TRAINING', 'WITHDRAWN', '2026-05-20T03:00:00Z');
  // the seats: allocation dates, one stored estimate each (worker 10 juta before departure, employer 3 juta in Korea)
  await db.query('delete from placement_cost_share where placement_id in (select id from placement where candidate_id = any($1))', [ids.C]);
  for (const [i, id] of ids.C.entries()) {
    const day = i < 10 ? '2026-09-05' : i < 18 ? '2026-10-05' : '2026-11-05';
    await db.query(`update candidate_stage_change set at = $2 where candidate_id = $1 and to_stage = 'SELECTED'`, [id, `${day}T03:00:00Z`]);
    const pid = (await db.query('update placement set allocated_on = $2 where candidate_id = $1 returning id', [id, day])).rows[0].id as string;
    if (i === 23) continue; // no stored estimate
    await db.query(
      `insert into placement_cost_share (placement_id, line_id, timing, payer, amount_idr) values ($1, 'w', 'BEFORE_DEPARTURE', 'WORKER', 10000000), ($1, 'e', 'IN_KOREA', 'EMPLOYER', 3000000)`,
      [pid],
    );
  }
  for (const id of ids.C.slice(0, 3)) {
    await db.query(`update placement set status = 'CANCELLED', cancelled_on = '2026-10-20' where candidate_id = $1`, [id]);
    await addChange(id, 'SELECTED', 'WITHDRAWN', '2026-10-20T03:00:00Z');
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------- queries

type CountRow = { stage: string; kecamatan: string | null; count: number | null; suppressed: boolean };
type Counts = { asOf: string; total: number | null; rows: CountRow[] };
const COUNTS = (dates: readonly string[]) =>
  `{ ${dates.map((d, i) => `d${i}: candidateCounts(asOf: "${d}") { asOf total rows { stage kecamatan count suppressed } }`).join(' ')} }`;
async function countsAt(who: TestCaller, dates: readonly string[] = MONTH_ENDS): Promise<Record<string, Counts>> {
  const d = await data<Record<string, Counts>>(who, COUNTS(dates));
  return Object.fromEntries(dates.map((date, i) => [date, d[`d${i}`]!]));
}
/** `STAGE|KECAMATAN → count | 'suppressed'` (everyone is a WELDER man born in 1999: one cell per stage × kecamatan). */
const cellsOf = (c: Counts) => Object.fromEntries(c.rows.map((r) => [`${r.stage}|${r.kecamatan}`, r.suppressed ? 'suppressed' : r.count]));

type TrendRow = { series: string; stage: string | null; bucket: string; kecamatan: string | null; count: number | null; suppressed: boolean };
const TRENDS = `query($series: [TrendSeries!]!, $stages: [CandidateStage!], $from: Date!, $to: Date!) {
  trends(series: $series, stages: $stages, granularity: MONTH, from: $from, to: $to, by: [KECAMATAN]) { rows { series stage bucket kecamatan count suppressed } } }`;
/** `SERIES|STAGE|MONTH|KECAMATAN → count | null (suppressed)` over March … November. */
async function trendCells(who: TestCaller, series: string[], stages?: string[]): Promise<Map<string, number | null>> {
  const d = await data<{ trends: { rows: TrendRow[] } }>(who, TRENDS, { series, ...(stages ? { stages } : {}), from: '2026-03-01', to: '2026-11-30' });
  return new Map(d.trends.rows.map((r) => [`${r.series}|${r.stage ?? ''}|${r.bucket}|${r.kecamatan}`, r.suppressed ? null : r.count]));
}

const ALL_STAGES = ['REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'WITHDRAWN'];
/** The stage only `stage` leads to (its entries are a part of `stage`'s outflow). */
const ONWARD: Record<string, string | undefined> = { REGISTERED: 'SELECTED', SELECTED: 'TRAINING', TRAINING: 'TESTING' };
const KECAMATANS = ['WALANTAKA', 'KASEMEN', 'CURUG'];

/**
 * Every derivation an analyst can make from `candidateCounts` and `trends` STAGE_ENTRIES: for a stage
 * in one kecamatan (or all of them), the stock at two month ends (a sum of published cells; the
 * stock before the first month end is 0) and the entries `trends` published for every month between
 * give the people who left: entries − (stock₂ − stock₁); less the entries into the stage only it
 * leads to, those who withdrew or were rejected from it. Returns the values obtained.
 */
function outflowsDerived(counts: Record<string, Counts>, entries: Map<string, number | null>): Array<{ what: string; value: number }> {
  const out: Array<{ what: string; value: number }> = [];
  const stock = (date: string | null, stage: string, kecamatan: string | null): number | null => {
    if (date === null) return 0;
    const rows = counts[date]!.rows.filter((r) => r.stage === stage && (kecamatan === null || r.kecamatan === kecamatan));
    return rows.some((r) => r.suppressed) ? null : rows.reduce((n, r) => n + r.count!, 0);
  };
  const inflow = (stage: string, kecamatan: string | null, month: string): number | null => {
    const ks = kecamatan === null ? KECAMATANS : [kecamatan];
    let n = 0;
    for (const k of ks) {
      const v = entries.get(`STAGE_ENTRIES|${stage}|${month}|${k}`);
      if (v === null) return null;
      n += v ?? 0;
    }
    return n;
  };
  for (const stage of ALL_STAGES) {
    for (const kecamatan of [null, ...KECAMATANS]) {
      const dates: Array<string | null> = [null, ...MONTH_ENDS];
      for (const [i, d1] of dates.entries()) {
        for (const d2 of MONTH_ENDS.slice(i)) {
          if (d1 === d2) continue;
          const s1 = stock(d1, stage, kecamatan);
          const s2 = stock(d2, stage, kecamatan);
          if (s1 === null || s2 === null) continue;
          const months = MONTH_ENDS.filter((m) => (d1 === null || m > d1) && m <= d2).map(monthOf);
          const ins = months.map((m) => inflow(stage, kecamatan, m));
          if (ins.some((v) => v === null)) continue;
          const value = ins.reduce((n: number, v) => n + v!, 0) - (s2 - s1);
          out.push({ what: `${stage}|${kecamatan ?? 'ALL'}|${d1 ?? 'start'}→${d2}`, value });
          const onward = ONWARD[stage];
          const outs = onward ? months.map((m) => inflow(onward, kecamatan, m)) : [];
          if (onward && !outs.some((v) => v === null)) out.push({ what: `${stage}−${onward}|${kecamatan ?? 'ALL'}|${d1 ?? 'start'}→${d2}`, value: value - outs.reduce((n: number, v) => n + v!, 0) });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- c: stage stocks against entries

describe('candidateCounts (stocks) against trends STAGE_ENTRIES (flows)', () => {
  it('the attack is real in the exact view: TRAINING in Walantaka on 30 April and 31 May, and May’s 8 entries, give the 3 who left', async () => {
    const c = await countsAt(officer, ['2026-04-30', '2026-05-31']);
    const entries = await trendCells(officer, ['STAGE_ENTRIES'], ['TRAINING']);
    const april = cellsOf(c['2026-04-30']!)['TRAINING|WALANTAKA'] as number;
    const may = cellsOf(c['2026-05-31']!)['TRAINING|WALANTAKA'] as number;
    expect([april, may]).toEqual([10, 15]);
    expect(entries.get('STAGE_ENTRIES|TRAINING|2026-05|WALANTAKA')).toBe(8);
    expect(april + 8 - may).toBe(3);
    expect(cellsOf(c['2026-05-31']!)['WITHDRAWN|WALANTAKA']).toBe(3);
  });

  it('ANALYST: trends publishes the 8 entries and the stock moved by exactly 5, yet 31 May’s TRAINING stock in Walantaka is withheld (and stays so while its outflow is 3)', async () => {
    const entries = await trendCells(analyst, ['STAGE_ENTRIES'], ['TRAINING']);
    expect(entries.get('STAGE_ENTRIES|TRAINING|2026-04|WALANTAKA')).toBe(10);
    expect(entries.get('STAGE_ENTRIES|TRAINING|2026-05|WALANTAKA')).toBe(8);
    const c = await countsAt(analyst, ['2026-04-30', '2026-05-31', '2026-06-30', '2026-11-30']);
    expect(cellsOf(c['2026-04-30']!)).toMatchObject({ 'TRAINING|WALANTAKA': 10, 'TRAINING|KASEMEN': 10 });
    // the cell's own series (10 → 15) passes protectSeries: only the stock-against-flow rule withholds it
    for (const d of ['2026-05-31', '2026-06-30', '2026-11-30']) {
      expect(cellsOf(c[d]!)).toMatchObject({ 'TRAINING|WALANTAKA': 'suppressed', 'WITHDRAWN|WALANTAKA': 'suppressed' });
      expect(c[d]!.total).toBeNull();
    }
    expect(cellsOf(c['2026-05-31']!)).toMatchObject({ 'TRAINING|KASEMEN': 10 });
  });

  it('the exact view: TRAINING in Kasemen (10, then 5), its entries (5) and the entries into TESTING (7) give the 3 who withdrew from TRAINING in June', async () => {
    const c = await countsAt(officer, ['2026-05-31', '2026-06-30']);
    const entries = await trendCells(officer, ['STAGE_ENTRIES'], ['TRAINING', 'TESTING']);
    const [may, june] = [cellsOf(c['2026-05-31']!)['TRAINING|KASEMEN'] as number, cellsOf(c['2026-06-30']!)['TRAINING|KASEMEN'] as number];
    const [into, onward] = [entries.get('STAGE_ENTRIES|TRAINING|2026-06|KASEMEN')!, entries.get('STAGE_ENTRIES|TESTING|2026-06|KASEMEN')!];
    expect([may, june, into, onward]).toEqual([10, 5, 5, 7]);
    expect(may + into - june - onward).toBe(3);
    expect(cellsOf(c['2026-06-30']!)['WITHDRAWN|KASEMEN']).toBe(3);
  });

  it('ANALYST: the same figures are published in trends, and TRAINING in Kasemen moved by exactly 5 with 10 leaving, yet 30 June’s stock is withheld', async () => {
    const entries = await trendCells(analyst, ['STAGE_ENTRIES'], ['TRAINING', 'TESTING']);
    expect([entries.get('STAGE_ENTRIES|TRAINING|2026-06|KASEMEN'), entries.get('STAGE_ENTRIES|TESTING|2026-06|KASEMEN')]).toEqual([5, 7]);
    const c = await countsAt(analyst, ['2026-05-31', '2026-06-30']);
    expect(cellsOf(c['2026-05-31']!)['TRAINING|KASEMEN']).toBe(10);
    expect(cellsOf(c['2026-06-30']!)).toMatchObject({ 'TRAINING|KASEMEN': 'suppressed', 'TESTING|KASEMEN': 7, 'WITHDRAWN|KASEMEN': 'suppressed' });
  });

  it('ANALYST: no stage stock, in one kecamatan or all, at any two month ends (or from the start), against any published trends months, gives 1–4 people; the exact view does', async () => {
    const stages = ALL_STAGES;
    const exact = outflowsDerived(await countsAt(officer), await trendCells(officer, ['STAGE_ENTRIES'], stages));
    const exactSmall = exact.filter((d) => small(d.value));
    expect(exactSmall.length).toBeGreaterThan(5);
    expect(exactSmall.map((d) => d.what)).toEqual(
      expect.arrayContaining(['TRAINING|WALANTAKA|2026-04-30→2026-05-31', 'SELECTED|CURUG|2026-09-30→2026-10-31', 'TRAINING−TESTING|KASEMEN|2026-05-31→2026-06-30']),
    );
    const counts = await countsAt(analyst);
    const derived = outflowsDerived(counts, await trendCells(analyst, ['STAGE_ENTRIES'], stages));
    expect(derived.filter((d) => small(d.value))).toEqual([]);
    // the protection leaves most pairs comparable: it is not a blanket refusal
    expect(derived.length).toBeGreaterThan(100);
    // every published cell is the exact one, none small
    const exactCounts = await countsAt(officer);
    for (const d of MONTH_ENDS) {
      const e = cellsOf(exactCounts[d]!);
      for (const r of counts[d]!.rows) {
        if (r.suppressed) expect(r.count).toBeNull();
        else expect([r.count, small(r.count!)]).toEqual([e[`${r.stage}|${r.kecamatan}`], false]);
      }
    }
  });

  it('ANALYST: a kecamatan filter selects cells of the unfiltered answer (what is withheld does not depend on it)', async () => {
    const all = cellsOf((await countsAt(analyst, ['2026-05-31']))['2026-05-31']!);
    for (const kecamatans of [['WALANTAKA'], ['KASEMEN'], ['WALANTAKA', 'KASEMEN']]) {
      const d = await data<{ candidateCounts: Counts }>(analyst, 'query($f: CandidateFilter) { candidateCounts(asOf: "2026-05-31", filter: $f) { asOf total rows { stage kecamatan count suppressed } } }', {
        f: { kecamatans },
      });
      const picked = Object.fromEntries(Object.entries(all).filter(([k]) => kecamatans.includes(k.split('|')[1]!)));
      expect(cellsOf(d.candidateCounts)).toEqual(picked);
    }
  });
});

// ---------------------------------------------------------------- c: live placements against seats allocated

type Cpp = { asOf: string; placements: number | null; rows: Array<{ kecamatan: string | null; placements: number | null; suppressed: boolean }> };
const CPP = (dates: readonly string[]) =>
  `{ ${dates.map((d, i) => `t${i}: costPerPlacement(asOf: "${d}") { asOf placements rows { kecamatan placements suppressed } } k${i}: costPerPlacement(by: [KECAMATAN], asOf: "${d}") { asOf placements rows { kecamatan placements suppressed } }`).join(' ')} }`;
const CPP_DATES = ['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
async function cppAt(who: TestCaller): Promise<Record<string, { total: number | null; curug: number | null }>> {
  const d = await data<Record<string, Cpp>>(who, CPP(CPP_DATES));
  return Object.fromEntries(
    CPP_DATES.map((date, i) => {
      const row = d[`k${i}`]!.rows.find((r) => r.kecamatan === 'CURUG');
      return [date, { total: d[`t${i}`]!.placements, curug: row ? (row.suppressed ? null : row.placements) : 0 }];
    }),
  );
}

describe('costPerPlacement (live placements) against trends SEATS_ALLOCATED', () => {
  it('the attack is real in the exact view: 10 live on 30 September, 15 on 31 October, October’s 8 seats: 3 cancelled', async () => {
    const c = await cppAt(officer);
    const seats = await trendCells(officer, ['SEATS_ALLOCATED']);
    expect(c['2026-09-30']).toEqual({ total: 10, curug: 10 });
    expect(c['2026-10-31']).toEqual({ total: 15, curug: 15 });
    expect([seats.get('SEATS_ALLOCATED||2026-09|CURUG'), seats.get('SEATS_ALLOCATED||2026-10|CURUG'), seats.get('SEATS_ALLOCATED||2026-11|CURUG')]).toEqual([10, 8, 6]);
    expect(10 + 8 - 15).toBe(3);
  });

  it('ANALYST: the seats are published month by month, but no two month ends of live placements (total or Curug) give a small number of cancellations', async () => {
    const seats = await trendCells(analyst, ['SEATS_ALLOCATED']);
    const monthly = ['2026-09', '2026-10', '2026-11'].map((m) => seats.get(`SEATS_ALLOCATED||${m}|CURUG`));
    expect(monthly).toEqual([10, 8, 6]);
    const c = await cppAt(analyst);
    expect(c['2026-09-30']).toEqual({ total: 10, curug: 10 });
    // 31 October: 15 live (5 more than September: its own series passes) but 18 seats − 15 = 3 cancelled: withheld
    expect(c['2026-10-31']).toEqual({ total: null, curug: null });
    // 30 November: 20 live with an estimate, 24 seats: 4 apart, withheld too
    expect(c['2026-11-30']).toEqual({ total: null, curug: null });
    // every pair of published month ends (and each one against the start) against the published seats
    const cumulative = (date: string) => ['2026-09', '2026-10', '2026-11'].filter((m) => m <= monthOf(date)).reduce((n, m) => n + (seats.get(`SEATS_ALLOCATED||${m}|CURUG`) ?? 0), 0);
    let compared = 0;
    for (const field of ['total', 'curug'] as const) {
      const published = CPP_DATES.filter((d) => c[d]![field] !== null);
      for (const d2 of published) {
        expect(small(cumulative(d2) - c[d2]![field]!)).toBe(false);
        for (const d1 of published.filter((d) => d < d2)) {
          compared += 1;
          expect(small(cumulative(d2) - cumulative(d1) - (c[d2]![field]! - c[d1]![field]!))).toBe(false);
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- c: the up-front cash indicator against seats allocated, one basis

type Ind = { rows: Array<{ period: string; kecamatan: string | null; candidates: number | null; suppressed: boolean }> };
const IND = `{ upfrontCashOverLine(from: "2026-09-01", to: "2026-11-30", granularity: MONTH, by: [KECAMATAN]) { rows { period kecamatan candidates suppressed } } }`;
const indicator = async (who: TestCaller) => Object.fromEntries((await data<{ upfrontCashOverLine: Ind }>(who, IND)).upfrontCashOverLine.rows.map((r) => [`${r.period}|${r.kecamatan}`, r.candidates]));

describe('upfrontCashOverLine against trends SEATS_ALLOCATED: one basis for cancellations', () => {
  it('the exact view counts September’s seats two ways (the indicator leaves out the 3 cancelled in October, trends keeps them): 10 − 7 = 3', async () => {
    const seats = await trendCells(officer, ['SEATS_ALLOCATED']);
    const ind = await indicator(officer);
    expect(seats.get('SEATS_ALLOCATED||2026-09|CURUG')).toBe(10);
    expect(ind['2026-09|CURUG']).toBe(7);
  });

  it('ANALYST: both count a seat in its month unless cancelled by that month’s end, so they agree; November’s seat without an estimate makes its cell differ by 1: withheld', async () => {
    const seats = await trendCells(analyst, ['SEATS_ALLOCATED']);
    const ind = await indicator(analyst);
    expect(ind['2026-09|CURUG']).toBe(seats.get('SEATS_ALLOCATED||2026-09|CURUG'));
    expect(ind['2026-09|CURUG']).toBe(10);
    expect(ind['2026-10|CURUG']).toBe(8);
    expect(seats.get('SEATS_ALLOCATED||2026-10|CURUG')).toBe(8);
    // exact: 5 candidates with an estimate against 6 seats
    expect((await indicator(officer))['2026-11|CURUG']).toBe(5);
    expect(seats.get('SEATS_ALLOCATED||2026-11|CURUG')).toBe(6);
    expect(ind['2026-11|CURUG']).toBeNull();
  });
});

// ---------------------------------------------------------------- b: stageDurations publishes no counts

type Dur = { rows: Array<{ stage: string; periods: number | null; ongoing: number | null; averageDays: string | null; maxDays: string | null; suppressed: boolean }> };
const DUR = (dates: readonly string[]) => `{ ${dates.map((d, i) => `d${i}: stageDurations(asOf: "${d}") { rows { stage periods ongoing averageDays maxDays suppressed } }`).join(' ')} }`;
async function durationsAt(who: TestCaller): Promise<Record<string, Dur>> {
  const d = await data<Record<string, Dur>>(who, DUR(MONTH_ENDS));
  return Object.fromEntries(MONTH_ENDS.map((date, i) => [date, d[`d${i}`]!]));
}

describe('stageDurations against trends (gap b)', () => {
  it('the attack is real in the exact view: WITHDRAWN periods on 30 April and 31 May give May’s 3 withdrawals, which trends withholds', async () => {
    const d = await durationsAt(officer);
    const periods = (date: string, stage: string) => d[date]!.rows.find((r) => r.stage === stage)?.periods ?? 0;
    expect(periods('2026-05-31', 'WITHDRAWN') - periods('2026-04-30', 'WITHDRAWN')).toBe(3);
    const entries = await trendCells(analyst, ['STAGE_ENTRIES'], ['WITHDRAWN']);
    expect(entries.get('STAGE_ENTRIES|WITHDRAWN|2026-05|WALANTAKA')).toBeNull();
  });

  it('ANALYST: no period, running or maximum figure at any month end; averages only, each the exact one, and only for stages of 5 or more', async () => {
    const d = await durationsAt(analyst);
    const exact = await durationsAt(officer);
    let averages = 0;
    for (const date of MONTH_ENDS) {
      for (const r of d[date]!.rows) {
        expect([r.periods, r.ongoing, r.maxDays]).toEqual([null, null, null]);
        expect(r.suppressed).toBe(r.averageDays === null);
        if (r.averageDays === null) continue;
        averages += 1;
        const e = exact[date]!.rows.find((x) => x.stage === r.stage)!;
        expect(r.averageDays).toBe(e.averageDays);
        expect(e.periods!).toBeGreaterThanOrEqual(K);
      }
    }
    expect(averages).toBeGreaterThan(5);
    // TRAINING on 30 April: 20 periods, all running, first month: its average is published
    expect(d['2026-04-30']!.rows.find((r) => r.stage === 'TRAINING')).toMatchObject({ averageDays: expect.any(String), suppressed: false });
  });
});
