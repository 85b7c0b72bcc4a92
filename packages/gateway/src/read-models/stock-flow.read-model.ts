/**
 * Stocks against flows (issue 12 review, gap c). A stock published at two month ends (people in a
 * stage on the date: `candidateCounts`; live placements: `costPerPlacement`) and the flow published
 * for the months between (`trends`: entries into the stage, seats allocated) give a figure neither
 * publishes: the people who left the stage, the placements cancelled. With S(t) the stock of a cell
 * at month end t and I(t) the inflow `trends` publishes for the same cell added up to t, the derived
 * outflow is O(t) = I(t) − S(t), and O(t2) − O(t1) is what left between t1 and t2 — a group of 1 to
 * k − 1 people when small.
 *
 * The protected view computes O exactly, server-side, at every month end for every cell an analyst
 * can obtain on both sides, and publishes a stock at the reference date only when its O there passes
 * the domain's `protectDerivedSeries` (|O| and its differences from the earlier month ends it was
 * published at, or known at, are 0 or at least k). I is read with the protected `trends`' own SQL
 * (read-models/trends.read-model.ts `readTrendCounts`, dimensions as known at each month's end), so
 * the figure checked is the very one an analyst would compute.
 *
 * This file reads the monthly inflows and adds them up; the cells' own rules are the callers'
 * (graphql/resolvers/aggregates.resolver.ts for `candidateCounts`, graphql/types/cost-per-placement.type.ts).
 */
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { protectDerivedSeries, type DisclosureRule, type IsoDate } from '../domain';
import { trendCountsSql, type TrendDimension, type TrendQuery, type TrendSeriesKind } from './trends.read-model';
import { CANDIDATE_STAGES, CANDIDATE_TRANSITIONS, type CandidateStage } from '../domain';

/** The dimensions of `trends` an analyst can break one series down by (protected view: one at a time). */
const INFLOW_DIMENSIONS: readonly TrendDimension[] = ['KECAMATAN', 'OCCUPATION', 'ROUTE'];

/** One monthly inflow cell: a series (and stage) × month × kecamatan × occupation × route. */
export interface InflowCell {
  readonly series: TrendSeriesKind;
  readonly stage: CandidateStage | null;
  /** First day of the month (WIB). */
  readonly month: IsoDate;
  readonly kecamatan: string | null;
  readonly occupation: string | null;
  readonly route: string | null;
  /** Events, as `trends` publishes them (`count`). */
  readonly count: number;
}

/**
 * A per-request memo (the request's `GatewayContext.loaders`): the inflows read once for a request
 * serve every aggregate of it that needs them (issue 11: they were read again by each). Never a memo
 * that outlives the request: another request must see the writes made since.
 */
export type InflowMemo = Map<string, unknown>;

interface MemoEntry {
  readonly series: ReadonlySet<TrendSeriesKind>;
  readonly cells: Promise<InflowCell[]>;
}

/**
 * The monthly events of `series` (STAGE_ENTRIES: into every stage) up to `to` (a month end that has
 * passed: the protected view's reference date), by kecamatan × occupation × route, as the protected
 * `trends` counts them (the dimensions as known at the end of each event's month). The whole months up
 * to `to` are kept once computed (`inflow_month_cell`, migration 20261203190000: database triggers
 * drop them from the first month any write touches, so they always equal a computation from scratch);
 * only the months not kept are computed (`readInflows`). With `memo`, at most one read per request and
 * `to`: a read of more series answers a later one of fewer (each series is counted on its own, the
 * cells of one series do not depend on which others were read with it).
 */
export async function readMonthlyInflows(em: EntityManager, series: readonly TrendSeriesKind[], to: IsoDate, memo?: InflowMemo): Promise<InflowCell[]> {
  if (!memo) return readInflows(em, series, to);
  const key = `stock-flow:inflows:${to}`;
  const entries = (memo.get(key) as MemoEntry[] | undefined) ?? [];
  const covering = entries.find((e) => series.every((x) => e.series.has(x)));
  if (covering) {
    const cells = await covering.cells;
    return covering.series.size === series.length ? cells : cells.filter((c) => series.includes(c.series));
  }
  const cells = readInflows(em, series, to);
  memo.set(key, [...entries, { series: new Set(series), cells }]);
  try {
    return await cells;
  } catch (e) {
    // a failed read is not remembered
    memo.set(key, ((memo.get(key) as MemoEntry[] | undefined) ?? []).filter((x) => x.cells !== cells));
    throw e;
  }
}

// ---------------------------------------------------------------- the cells of closed months, kept

/**
 * The series whose events come from the tables the triggers of migration 20261203190000 watch
 * (candidate_stage_change, placement, candidate_attribute_history, candidate): only these are kept.
 */
const KEPT_SERIES: ReadonlySet<TrendSeriesKind> = new Set(['REGISTRATIONS', 'STAGE_ENTRIES', 'WITHDRAWALS', 'DEPARTURES', 'RETURNS', 'SEATS_ALLOCATED']);

/**
 * The version of the kept cells' definition (the query of `inflowQuery` and `trendCountsSql`): bump it
 * whenever either changes what a cell counts, so that cells kept under the old one are never read.
 */
const KEPT_VERSION = 1;

/** The stages of STAGE_ENTRIES the inflows count (every stage). */
const INFLOW_STAGES: readonly CandidateStage[] = [...CANDIDATE_STAGES];

/** The key the cells of one series are kept under (`inflow_month_kept.series_key`). */
function seriesKeyOf(series: TrendSeriesKind): string {
  return `v${KEPT_VERSION}:${series}${series === 'STAGE_ENTRIES' ? `:${INFLOW_STAGES.join(',')}` : ''}`;
}

/** The protected `trends` query of the inflow cells of `series` for the days [from, to]. */
function inflowQuery(series: readonly TrendSeriesKind[], from: IsoDate, to: IsoDate): TrendQuery {
  return {
    series,
    stages: series.includes('STAGE_ENTRIES') ? INFLOW_STAGES : [],
    granularity: 'MONTH',
    from,
    to,
    by: INFLOW_DIMENSIONS,
    filter: undefined,
    profileAtBucketEnd: true,
    // the counts alone (no totals, no distinct people): the same cells, hashed rather than sorted
    cellsOnly: true,
  };
}

const FIRST_DAY = '1900-01-01' as IsoDate;
/** "Nothing kept": the month before FIRST_DAY's. */
const NONE_KEPT = '1899-12-01' as IsoDate;

const monthOf = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01` as IsoDate;
function addMonths(month: IsoDate, n: number): IsoDate {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01` as IsoDate;
}
/** The last day of the month starting on `month`. */
function lastDayOf(month: IsoDate): IsoDate {
  return new Date(Date.parse(`${addMonths(month, 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as IsoDate;
}
/** The last whole month on or before `to` (its first day): `to`'s own when `to` is its last day. */
function lastWholeMonth(to: IsoDate): IsoDate {
  return lastDayOf(monthOf(to)) === to ? monthOf(to) : addMonths(monthOf(to), -1);
}

interface Kept {
  readonly series: TrendSeriesKind;
  readonly key: string;
  /** Every month up to this one (its first day) is kept; NONE_KEPT: none. */
  readonly through: IsoDate;
}

async function keptOf(em: EntityManager, series: readonly TrendSeriesKind[], trx: unknown): Promise<Kept[]> {
  const keys = series.filter((s) => KEPT_SERIES.has(s)).map((s) => ({ series: s, key: seriesKeyOf(s) }));
  const rows = keys.length
    ? await em
        .getConnection()
        .execute<Array<{ series_key: string; through: string | null }>>(
          `select series_key, to_char(through, 'YYYY-MM-DD') as through from inflow_month_kept where series_key in (${keys.map(() => '?').join(', ')})`,
          keys.map((k) => k.key),
          'all',
          trx as never,
        )
    : [];
  const through = new Map(rows.map((r) => [r.series_key, (r.through ?? NONE_KEPT) as IsoDate]));
  return keys.map((k) => ({ ...k, through: through.get(k.key) ?? NONE_KEPT }));
}

/**
 * Keep the cells of the months of `series` up to `through` (a month's first day) not kept yet, computed
 * in one statement from the first month missing. In its own transaction, after taking the fill lock
 * (migration 20261203190000 explains why that is exact whatever writes at the same time); when another
 * fill or a write in progress holds it, nothing is kept this time.
 */
async function keepMonths(em: EntityManager, series: readonly TrendSeriesKind[], through: IsoDate): Promise<void> {
  const conn = em.getConnection();
  await conn.transactional(async (trx) => {
    const locked = await conn.execute<Array<{ id: number }>>(`select id from inflow_month_fill_lock where id = 1 for update skip locked`, [], 'all', trx);
    if (!locked.length) return;
    const missing = (await keptOf(em, series, trx)).filter((k) => k.through < through);
    if (!missing.length) return;
    // a new row version: a REPEATABLE READ writer that started before this commit fails on its FOR SHARE
    await conn.execute(`update inflow_month_fill_lock set fills = fills + 1 where id = 1`, [], 'run', trx);
    const from = missing.map((k) => addMonths(k.through, 1)).sort()[0]!;
    const statement = trendCountsSql(inflowQuery(missing.map((k) => k.series), from < FIRST_DAY ? FIRST_DAY : from, lastDayOf(through)));
    if (statement) {
      await conn.execute(
        `insert into inflow_month_cell (series_key, month, series, stage, kecamatan, occupation, route, n)
         select k.series_key, t.bucket::date, t.series, t.stage, t.d0, t.d1, t.d2, t.n
           from (${statement.sql}) t
           join (values ${missing.map(() => '(?::text, ?::text, ?::date)').join(', ')}) k(series_key, series, after) on k.series = t.series
          where t.bucket::date > k.after`,
        [...statement.values, ...missing.flatMap((k) => [k.key, k.series, k.through])],
        'run',
        trx,
      );
    }
    await conn.execute(
      `insert into inflow_month_kept (series_key, through) values ${missing.map(() => '(?, ?::date)').join(', ')}
       on conflict (series_key) do update set through = excluded.through`,
      missing.flatMap((k) => [k.key, through]),
      'run',
      trx,
    );
  });
}

/**
 * The inflow cells of `series` up to `to` (the protected view's reference date: a month end that has
 * passed), in the order of the protected `trends` statement: the whole months up to `to` are kept
 * (`keepMonths`: the missing ones computed once), the rest (a month `to` cuts, a series not kept, months a
 * fill could not keep) computed afresh. Read in one REPEATABLE READ snapshot, so the kept months and
 * the ones computed afresh are of the same state of the tables.
 */
async function readInflows(em: EntityManager, series: readonly TrendSeriesKind[], to: IsoDate): Promise<InflowCell[]> {
  const whole = lastWholeMonth(to);
  const keptSeries = series.filter((s) => KEPT_SERIES.has(s));
  if (keptSeries.length && whole >= monthOf(FIRST_DAY)) {
    const kept = await keptOf(em, keptSeries, undefined);
    if (kept.some((k) => k.through < whole)) await keepMonths(em, keptSeries, whole);
  }
  const conn = em.getConnection();
  const rows = await conn.transactional(
    async (trx) => {
      const kept = new Map((await keptOf(em, keptSeries, trx)).map((k) => [k.series, k]));
      // per series: months up to `upTo` from the kept cells, the later ones afresh
      const parts = series.map((s) => {
        const k = kept.get(s);
        const upTo = k && k.through > whole ? whole : (k?.through ?? NONE_KEPT);
        return { series: s, key: k?.key ?? null, upTo };
      });
      const fromKept = parts.filter((p) => p.key !== null && p.upTo > NONE_KEPT);
      const fresh = parts.filter((p) => p.upTo < monthOf(to));
      const selects: string[] = [];
      const values: unknown[] = [];
      if (fromKept.length) {
        selects.push(
          `select m.series, m.stage, to_char(m.month, 'YYYY-MM-DD') as bucket, m.kecamatan as d0, m.occupation as d1, m.route as d2, m.n
             from inflow_month_cell m
             join (values ${fromKept.map(() => '(?::text, ?::date)').join(', ')}) k(series_key, up_to) on k.series_key = m.series_key
            where m.month <= k.up_to`,
        );
        values.push(...fromKept.flatMap((p) => [p.key, p.upTo]));
      }
      if (fresh.length) {
        const from = fresh.map((p) => addMonths(p.upTo, 1)).sort()[0]!;
        const statement = trendCountsSql(inflowQuery(fresh.map((p) => p.series), from < FIRST_DAY ? FIRST_DAY : from, to));
        if (statement) {
          selects.push(
            `select t.series, t.stage, t.bucket, t.d0, t.d1, t.d2, t.n
               from (${statement.sql}) t
               join (values ${fresh.map(() => '(?::text, ?::date)').join(', ')}) f(series, after) on f.series = t.series
              where t.bucket::date > f.after`,
          );
          values.push(...statement.values, ...fresh.flatMap((p) => [p.series, p.upTo]));
        }
      }
      if (!selects.length) return [];
      return conn.execute<Array<Record<string, unknown>>>(`${selects.join('\n union all\n')}\n order by series, stage, bucket, d0, d1, d2`, values, 'all', trx);
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
  return rows.map((r) => ({
    series: r.series as TrendSeriesKind,
    stage: (r.stage ?? null) as CandidateStage | null,
    month: r.bucket as IsoDate,
    kecamatan: (r.d0 ?? null) as string | null,
    occupation: (r.d1 ?? null) as string | null,
    route: (r.d2 ?? null) as string | null,
    count: Number(r.n ?? 0),
  }));
}

/**
 * Cumulative sums at each month end (oldest first) of the inflow cells `keyOf` assigns to a key
 * (null: not counted; one cell may count for several keys).
 */
export function cumulativeInflows(monthEnds: readonly IsoDate[], cells: readonly InflowCell[], keysOf: (c: InflowCell) => readonly string[]): Map<string, number[]> {
  const index = new Map(monthEnds.map((m, i) => [m.slice(0, 7), i]));
  const first = monthEnds[0]?.slice(0, 7);
  const out = new Map<string, number[]>();
  for (const c of cells) {
    const month = c.month.slice(0, 7);
    // events before the first month end's month count from it on (nothing is ever dropped)
    const i = first !== undefined && month < first ? 0 : index.get(month);
    if (i === undefined) continue;
    for (const key of keysOf(c)) {
      const s = out.get(key) ?? monthEnds.map(() => 0);
      s[i]! += c.count;
      out.set(key, s);
    }
  }
  for (const s of out.values()) for (let i = 1; i < s.length; i++) s[i]! += s[i - 1]!;
  return out;
}

/** A derived series (inflow − stock at each month end) and the month ends its stock was 0 (known whatever is withheld). */
export interface DerivedSeries {
  readonly values: readonly number[];
  readonly disclosed: readonly boolean[];
}

/** The derived outflow of one cell: cumulative inflow − stock at each month end. */
export function derivedOutflow(inflow: readonly number[] | undefined, stock: readonly number[]): DerivedSeries {
  return { values: stock.map((s, i) => (inflow?.[i] ?? 0) - s), disclosed: stock.map((s) => s === 0) };
}

/** Element-wise sum of derived series (a group of cells: its stock and inflow add up); the group's stock is 0 when every one is. */
export function sumDerived(series: readonly DerivedSeries[]): DerivedSeries | null {
  if (!series.length) return null;
  const n = series[0]!.values.length;
  return {
    values: Array.from({ length: n }, (_, i) => series.reduce((t, s) => t + (s.values[i] ?? 0), 0)),
    disclosed: Array.from({ length: n }, (_, i) => series.every((s) => s.disclosed[i] === true)),
  };
}

/** Whether a stock may be published at the last month end of its derived series (`protectDerivedSeries`). */
export function derivedPasses(d: DerivedSeries, rule: DisclosureRule): boolean {
  const last = d.values.length - 1;
  return last < 0 || protectDerivedSeries(d.values, rule, d.disclosed)[last] === true;
}

// ---------------------------------------------------------------- candidateCounts: stage stocks against trends

/** The placement series `trends` publishes that are the entries into a stage by another record. */
const PLACEMENT_INFLOWS: ReadonlyArray<{ readonly series: TrendSeriesKind; readonly stage: CandidateStage }> = [
  { series: 'SEATS_ALLOCATED', stage: 'SELECTED' },
  { series: 'DEPARTURES', stage: 'DEPARTED' },
  { series: 'RETURNS', stage: 'RETURNED' },
];

/** The series `trends` publishes that count the entries into `stage` (STAGE_ENTRIES, and a placement series for SELECTED, DEPARTED, RETURNED). */
function entrySeriesOf(stage: string): TrendSeriesKind[] {
  return ['STAGE_ENTRIES', ...PLACEMENT_INFLOWS.filter((p) => p.stage === stage).map((p) => p.series)];
}

/**
 * The stages every entry of which comes from `stage` (its only predecessor in the pipeline,
 * `CANDIDATE_TRANSITIONS`: SELECTED after REGISTERED, TRAINING after SELECTED, …, PLACED after
 * DEPARTED): their entries are a part of `stage`'s outflow `trends` publishes, so the stock minus its
 * entries minus theirs is the rest of its outflow (withdrawals and rejections from that stage).
 */
function pureSuccessorsOf(stage: string): CandidateStage[] {
  return CANDIDATE_STAGES.filter((x) => {
    const from = CANDIDATE_STAGES.filter((s) => CANDIDATE_TRANSITIONS[s].includes(x));
    return x !== 'REGISTERED' && from.length === 1 && from[0] === stage;
  });
}

/** The series `candidateCountFlowWithheld` needs from `trends`. */
export const CANDIDATE_COUNT_INFLOW_SERIES: readonly TrendSeriesKind[] = ['STAGE_ENTRIES', ...PLACEMENT_INFLOWS.map((p) => p.series)];

/** A cell of `candidateCounts` (stage × kecamatan × occupation × sex × age band) at every month end. */
export interface StockCell {
  readonly id: string;
  readonly stage: string;
  readonly kecamatan: string | null;
  readonly occupation: string | null;
  /** Its count at each month end, oldest first (0 when empty). */
  readonly values: readonly number[];
  /** Whether its own rules (primary suppression, `protectSeries`) publish it at the last month end. */
  readonly published: boolean;
}

/** `ALL`: every stage (the total population, whose inflow is REGISTRATIONS = entries into REGISTERED). */
type MarginStage = string | 'ALL';
type MarginDimension = null | 'KECAMATAN' | 'OCCUPATION';
const marginKey = (stage: MarginStage, dimension: MarginDimension, value: string | null) => JSON.stringify([stage, dimension, dimension === null ? null : value]);
const inflowKey = (series: TrendSeriesKind, margin: string) => `${series}|${margin}`;

/** The margins a cell adds to: its stage and every stage, each whole, by kecamatan and by occupation (the breakdowns `trends` publishes). */
function marginsOf(stage: string, kecamatan: string | null, occupation: string | null): string[] {
  return (['ALL', stage] as MarginStage[]).flatMap((s) => [marginKey(s, null, null), marginKey(s, 'KECAMATAN', kecamatan), marginKey(s, 'OCCUPATION', occupation)]);
}

/**
 * The cells of `candidateCounts` withheld at the last month end so that no stock an analyst can add
 * up from published cells (a stage, or every stage, whole, in one kecamatan or one occupation: the
 * cells `trends` publishes entries for; ROUTE is not a dimension of `candidateCounts`) gives, against
 * the entries `trends` publishes, a small outflow: for each such margin whose derived outflow
 * (`derivedOutflow`, against entries into the stage — and, for SELECTED, DEPARTED and RETURNED, also
 * against seats allocated, departures and returns; for every stage against registrations — and that
 * outflow less the entries of a stage only it leads to, i.e. its withdrawals and rejections) fails
 * `protectDerivedSeries`, the smallest of its published non-empty cells is withheld, so the margin
 * cannot be added up. (A withheld cell is in no published total: `candidateCounts.total` is null as
 * soon as one cell is.) Decided on the whole table, so a filter selects cells of the same answer.
 */
export function candidateCountFlowWithheld(monthEnds: readonly IsoDate[], cells: readonly StockCell[], inflows: readonly InflowCell[], rule: DisclosureRule): Set<string> {
  const last = monthEnds.length - 1;
  const withheld = new Set<string>();
  if (last < 0) return withheld;
  const cumulative = cumulativeInflows(monthEnds, inflows, (c) => {
    const margins = (stage: MarginStage) => [marginKey(stage, null, null), marginKey(stage, 'KECAMATAN', c.kecamatan), marginKey(stage, 'OCCUPATION', c.occupation)];
    if (c.series === 'STAGE_ENTRIES' && c.stage) {
      const keys = margins(c.stage).map((m) => inflowKey('STAGE_ENTRIES', m));
      if (c.stage === 'REGISTERED') keys.push(...margins('ALL').map((m) => inflowKey('STAGE_ENTRIES', m)));
      return keys;
    }
    const placement = PLACEMENT_INFLOWS.find((p) => p.series === c.series);
    return placement ? margins(placement.stage).map((m) => inflowKey(c.series, m)) : [];
  });
  // the stock of every margin at every month end, and its cells
  const stocks = new Map<string, { stage: MarginStage; values: number[]; cells: StockCell[] }>();
  for (const cell of cells) {
    for (const m of marginsOf(cell.stage, cell.kecamatan, cell.occupation)) {
      const s = stocks.get(m) ?? { stage: JSON.parse(m)[0] as MarginStage, values: monthEnds.map(() => 0), cells: [] };
      cell.values.forEach((v, i) => (s.values[i]! += v));
      s.cells.push(cell);
      stocks.set(m, s);
    }
  }
  const failing = [...stocks.entries()]
    .filter(([, s]) => s.values[last]! > 0)
    .filter(([m, s]) => {
      const [, dimension, value] = JSON.parse(m) as [MarginStage, MarginDimension, string | null];
      // every way an analyst can count the margin's outflow: its entries (any series that counts
      // them) minus the stock, and that minus the entries of a stage only it leads to
      const derived: DerivedSeries[] = [];
      for (const x of s.stage === 'ALL' ? (['STAGE_ENTRIES'] as TrendSeriesKind[]) : entrySeriesOf(s.stage)) {
        const out = derivedOutflow(cumulative.get(inflowKey(x, m)), s.values);
        derived.push(out);
        if (s.stage === 'ALL') continue;
        for (const next of pureSuccessorsOf(s.stage)) {
          for (const y of entrySeriesOf(next)) {
            const onward = cumulative.get(inflowKey(y, marginKey(next, dimension, value)));
            derived.push({ values: out.values.map((v, i) => v - (onward?.[i] ?? 0)), disclosed: out.disclosed });
          }
        }
      }
      return derived.some((d) => !derivedPasses(d, rule));
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, s] of failing) {
    const open = s.cells.filter((c) => c.values[last]! > 0);
    if (open.some((c) => !c.published || withheld.has(c.id))) continue; // already not addable
    const smallest = [...open].sort((a, b) => a.values[last]! - b.values[last]! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
    if (smallest) withheld.add(smallest.id);
  }
  return withheld;
}

// ---------------------------------------------------------------- costPerPlacement: live placements against seats allocated

/** The first seat allocation (null: none). */
export async function readFirstAllocation(em: EntityManager): Promise<IsoDate | null> {
  const rows = await em.getConnection().execute<Array<{ first: string | null }>>(`select min(allocated_on)::text as first from placement`);
  return (rows[0]?.first ?? null) as IsoDate | null;
}

/**
 * The derived cancellations of every row of the tables `costPerPlacement` publishes (the total, and
 * by kecamatan, occupation, route: `keyOf(dimension, value)`, its payer and timing null): the seats
 * `trends` publishes as SEATS_ALLOCATED for the same label (by the candidate's kecamatan, target
 * occupation and target route as known at the end of each month), added up to each month end, minus
 * the live placements of the row there (`placements`: key → month end → placements, absent = 0).
 * That difference is the placements cancelled (and, where the labels differ, those allocated under
 * another occupation or route than the target, or without a stored estimate): exactly what an
 * analyst gets by subtracting the two answers.
 */
export function costPlacementFlowSeries(
  monthEnds: readonly IsoDate[],
  placements: ReadonlyMap<string, ReadonlyMap<string, number>>,
  inflows: readonly InflowCell[],
  keyOf: (dimension: 'KECAMATAN' | 'OCCUPATION' | 'ROUTE' | null, value: string | null) => string,
): Map<string, DerivedSeries> {
  const seats = cumulativeInflows(
    monthEnds,
    inflows.filter((c) => c.series === 'SEATS_ALLOCATED'),
    (c) => [keyOf(null, null), keyOf('KECAMATAN', c.kecamatan), keyOf('OCCUPATION', c.occupation), keyOf('ROUTE', c.route)],
  );
  const rowKeys = new Set<string>(seats.keys());
  for (const k of placements.keys()) {
    const [dimension, , payer, timing] = JSON.parse(k) as [unknown, unknown, unknown, unknown];
    if (payer === null && timing === null && (dimension === null || typeof dimension === 'string')) rowKeys.add(k);
  }
  const out = new Map<string, DerivedSeries>();
  for (const k of rowKeys) {
    const live = monthEnds.map((m) => placements.get(k)?.get(m) ?? 0);
    out.set(k, derivedOutflow(seats.get(k), live));
  }
  return out;
}
