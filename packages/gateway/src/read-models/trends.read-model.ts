/**
 * Trends (issue 12): monthly or weekly counts of events taken from the histories, in one SQL
 * statement (`UNION ALL` of the event sources, `GROUP BY GROUPING SETS` per bucket × dimension and per
 * bucket), never by loading rows into the server. The figures are raw; disclosure control is the
 * resolver's (graphql/resolvers/trends.resolver.ts), so nothing here is published as is.
 *
 * What each series counts, with the day it is bucketed on:
 * - REGISTRATIONS: stage changes into REGISTERED (`candidate_stage_change.at`, a first registration or
 *   a new cycle after WITHDRAWN / REJECTED / RETURNED);
 * - STAGE_ENTRIES: stage changes into each asked stage (`at`), one series per stage;
 * - WITHDRAWALS: stage changes into WITHDRAWN (`at`);
 * - DEPARTURES / RETURNS: placements by their departure / return day (`placement.departed_on`,
 *   `returned_on`: calendar days, already local);
 * - SEATS_ALLOCATED: placements by the day the seat was allocated (`allocated_on`), unless cancelled
 *   by the end of that calendar month (`cancelled_on` on or before its last day, or status CANCELLED
 *   with no date): a seat counts in its month as the month stood at its end, and a cancellation in a
 *   later month never moves it — the basis `upfrontCashOverLine` counts placements on (see
 *   upfront-cash.read-model.ts), so the two agree month by month; any granularity (weeks too) uses
 *   the allocation's calendar month, so weeks add up to months;
 * - FINANCING_PRINCIPAL: financing plans by the day they were first recorded, with the principal lent
 *   or granted over their products (whole rupiah). In the exact view: the current plans
 *   (`financing_plan`) by their `created_at`, with their current products (`financing_plan_facility`):
 *   a plan changed later counts with its current products in the month it was first recorded, a
 *   removed plan not at all (a corrected record corrects the past). With `plansAtMonthEnd` (the
 *   protected view) the plans are taken from the history too (`financing_plan_revision`, append-only:
 *   a removed plan keeps its revisions, the removal is one more), so a removal after the month end
 *   never moves it: a plan starts at a revision that is no removal and follows none or a removal (for
 *   a plan set through the API, its `created_at`: setFinancingPlan writes both at one clock instant),
 *   or, for a candidate with no revision at all, at its plan's `updated_at` (the instant its first
 *   change through the API records it at, use-cases/financing-plan-revision.ts, so that change moves no
 *   month either); one event per candidate and WIB calendar month, left out when the plan was removed
 *   by that month's end (as a seat cancelled by then), with its products as they stood at that end
 *   (upfront-cash.read-model.ts `planFinancedBeforeSql`, the rule of every month-end read of a plan),
 *   so an edit after the month end never moves it either. A plan set again after a removal is a new
 *   plan, in its own month.
 *
 * Instants are turned into WIB calendar days (`at time zone 'Asia/Jakarta'`) before bucketing; months
 * are calendar months, weeks ISO weeks (Monday). The dimensions (kecamatan, target occupation, target
 * route) are the candidate's current ones, the same columns `CandidateFilter` filters on (sql-filter.ts),
 * so that a filter on a reported dimension selects whole cells; with `profileAtBucketEnd` (the
 * protected view) they are the values the gateway knew at the end of the bucket (sql-filter.ts
 * `profileAtJoin`), the filter's too, so a closed month never moves when a profile changes later.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidateStage, IsoDate } from '../domain';
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { andWhere, candidateFilterSql, profileAtJoin, type ProfileDimension } from './sql-filter';
import { planFinancedBeforeSql } from './upfront-cash.read-model';

export const TREND_SERIES = ['REGISTRATIONS', 'STAGE_ENTRIES', 'DEPARTURES', 'RETURNS', 'WITHDRAWALS', 'SEATS_ALLOCATED', 'FINANCING_PRINCIPAL'] as const;
export type TrendSeriesKind = (typeof TREND_SERIES)[number];

export const TREND_GRANULARITIES = ['MONTH', 'WEEK'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

export const TREND_DIMENSIONS = ['KECAMATAN', 'OCCUPATION', 'ROUTE'] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

/** The candidate column of each dimension (the one `candidateFilterSql` filters on) and its filter key. */
export const TREND_DIMENSION_COLUMNS: Readonly<Record<TrendDimension, { readonly column: string; readonly filterKey: keyof CandidateFilter }>> = {
  KECAMATAN: { column: 'kecamatan', filterKey: 'kecamatans' },
  OCCUPATION: { column: 'target_occupation', filterKey: 'occupations' },
  ROUTE: { column: 'target_route', filterKey: 'routes' },
};

/** Most buckets one request may ask for (120 months = 10 years; 120 weeks ≈ 2.3 years). */
export const MAX_TREND_BUCKETS = 120;
/** Most rows (bucket × series × stage × dimension cell) one answer may hold. */
export const MAX_TREND_ROWS = 20_000;

// ---------------------------------------------------------------- buckets (pure day arithmetic)

const DAY_MS = 86_400_000;
const dayNumber = (d: IsoDate): number => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
const dateOf = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10) as IsoDate;

/** A bucket: its first and last day (inclusive) and its label (`2026-01`, ISO week `2026-W05`). */
export interface TrendBucket {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly label: string;
}

function monthStart(d: IsoDate): IsoDate {
  return `${d.slice(0, 7)}-01` as IsoDate;
}
function nextMonth(start: IsoDate): IsoDate {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return (m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${start.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`) as IsoDate;
}
/** Monday of the ISO week of `d`. */
function weekStart(d: IsoDate): IsoDate {
  const n = dayNumber(d);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return dateOf(n - weekday);
}
/** ISO week label of the week starting on Monday `start` (the year of its Thursday). */
function isoWeekLabel(start: IsoDate): string {
  const thursday = dayNumber(start) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan4 = dayNumber(`${String(year).padStart(4, '0')}-01-04` as IsoDate);
  const week1 = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7);
  const week = Math.floor((dayNumber(start) - week1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** How many buckets [from, to] spans (without building them). */
export function trendBucketCount(granularity: TrendGranularity, from: IsoDate, to: IsoDate): number {
  if (dayNumber(to) < dayNumber(from)) return 0;
  if (granularity === 'WEEK') return Math.floor((dayNumber(weekStart(to)) - dayNumber(weekStart(from))) / 7) + 1;
  const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return months(to) - months(from) + 1;
}

/**
 * Every bucket of [from, to], in order, each clipped to the range (the first and last buckets of a
 * range that does not start or end on a bucket boundary count the days inside it only). `key` is the
 * bucket's calendar start, as the SQL returns it.
 */
export function trendBuckets(granularity: TrendGranularity, from: IsoDate, to: IsoDate): Array<TrendBucket & { readonly key: IsoDate }> {
  const out: Array<TrendBucket & { key: IsoDate }> = [];
  const last = dayNumber(to);
  let start = granularity === 'WEEK' ? weekStart(from) : monthStart(from);
  while (dayNumber(start) <= last) {
    const next = granularity === 'WEEK' ? dateOf(dayNumber(start) + 7) : nextMonth(start);
    const end = dateOf(Math.min(dayNumber(next) - 1, last));
    const clippedStart = dayNumber(start) < dayNumber(from) ? from : start;
    out.push({ key: start, start: clippedStart, end, label: granularity === 'WEEK' ? isoWeekLabel(start) : start.slice(0, 7) });
    start = next;
  }
  return out;
}

// ---------------------------------------------------------------- SQL

export interface TrendQuery {
  readonly series: readonly TrendSeriesKind[];
  /** Stages of STAGE_ENTRIES. */
  readonly stages: readonly CandidateStage[];
  readonly granularity: TrendGranularity;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly by: readonly TrendDimension[];
  readonly filter: CandidateFilter | undefined;
  /**
   * Group (and filter) by the dimensions as the gateway knew them at the end of each bucket
   * (`profileAtJoin`) instead of the current ones: the protected view's, so that a closed month's
   * cells never move when a person's profile changes later.
   */
  readonly profileAtBucketEnd?: boolean;
  /**
   * FINANCING_PRINCIPAL with each plan's principal as it stood at the end of the WIB calendar month it
   * is counted in (`financing_plan_revision`, upfront-cash.read-model.ts `planFinancedBeforeSql`)
   * instead of its current products, and the plans of the history too (a plan removed later keeps its
   * month): the protected view's, so that a closed month never moves when a plan is edited or removed
   * later. Without it (the exact view): the current plans with their current products.
   */
  readonly plansAtMonthEnd?: boolean;
  /**
   * Only the cells' event counts (`count`), for a reader of those alone (stock-flow.read-model.ts, the
   * inflows): no bucket totals, `people` 0 and `amount` null. The counts are the same GROUP BY's; without
   * the distinct count and the grouping sets the planner can hash instead of sorting every event
   * (issue 11: 1.9 → 1.1 s for the candidateCounts inflows at 30,000 demo candidates). Needs `by`.
   */
  readonly cellsOnly?: boolean;
}

/** One raw group: a cell (bucket × series × stage × dimension values) or, with `isTotal`, a bucket total. */
export interface TrendCount {
  readonly series: TrendSeriesKind;
  readonly stage: CandidateStage | null;
  /** Calendar start of the bucket. */
  readonly bucket: IsoDate;
  readonly isTotal: boolean;
  /** Dimension values in the order of `by` (null: not recorded). */
  readonly dims: ReadonlyArray<string | null>;
  /** Events. */
  readonly count: number;
  /** Distinct candidates (the contributors). */
  readonly people: number;
  /** Sum of amounts (FINANCING_PRINCIPAL only), whole rupiah as a decimal string. */
  readonly amount: string | null;
}

/**
 * A placement (alias `p`) not cancelled by the end of its allocation's calendar month: the one basis
 * on which `trends` SEATS_ALLOCATED and the protected `upfrontCashOverLine` count seats. Repeated in
 * the placement trigger of migration 20261203190000 (which months a placement write drops from the
 * kept inflow cells): a change here needs a migration that changes it there.
 */
export const SEAT_KEPT_BY_MONTH_END = `(p.cancelled_on is null or p.cancelled_on >= (date_trunc('month', p.allocated_on::timestamp) + interval '1 month')::date) and not (p.status = 'CANCELLED' and p.cancelled_on is null)`;

const WIB_DAY = (column: string) => `(${column} at time zone 'Asia/Jakarta')::date`;
/** The end (an instant) of the WIB calendar month of a plan's first day `fpg.d` (FINANCING_PRINCIPAL, protected view). */
const PLAN_MONTH_END = `((date_trunc('month', fpg.d::timestamp) + interval '1 month') at time zone 'Asia/Jakarta')`;

/**
 * FINANCING_PRINCIPAL events of the protected view: the plans of the history too (a removed plan keeps
 * its revisions): a plan starts at a revision that is not a removal and follows none or a removal (for
 * a plan set through the API its `created_at`), or, with no revision at all, at its `updated_at` (the
 * instant its first change records it at); one event per candidate and WIB month, counted when the plan
 * still stood at that month's end, with its products then (aliases `fpr`, `fps`, `fpg`, `fpl`:
 * planFinancedBeforeSql's own aliases would shadow them).
 */
function planEventsAtMonthEnd(): string {
  return `select 'FINANCING_PRINCIPAL'::text, null::text, fpg.candidate_id, fpg.d, ${planFinancedBeforeSql('fpg.candidate_id', PLAN_MONTH_END)}::numeric
               from (select fps.candidate_id, min(fps.d) as d
                       from (select fpr.candidate_id, ${WIB_DAY('fpr.at')} as d
                               from financing_plan_revision fpr
                              where not fpr.removed
                                and coalesce((select pr.removed from financing_plan_revision pr where pr.candidate_id = fpr.candidate_id and (pr.at, pr.id) < (fpr.at, fpr.id) order by pr.at desc, pr.id desc limit 1), true)
                             union all
                             select fpl.candidate_id, ${WIB_DAY('fpl.updated_at')}
                               from financing_plan fpl
                              where not exists (select 1 from financing_plan_revision pr where pr.candidate_id = fpl.candidate_id)) fps
                      group by fps.candidate_id, date_trunc('month', fps.d::timestamp)) fpg
              where coalesce((select not r.removed from financing_plan_revision r where r.candidate_id = fpg.candidate_id and r.at < ${PLAN_MONTH_END} order by r.at desc, r.id desc limit 1), true)`;
}

/** FINANCING_PRINCIPAL events of the exact view: the current plans with their current products, by their created_at. */
const PLAN_EVENTS_NOW = `select 'FINANCING_PRINCIPAL'::text, null::text, fpl.candidate_id, ${WIB_DAY('fpl.created_at')},
                    (select coalesce(sum(f.amount_idr), 0) from financing_plan_facility f where f.plan_id = fpl.id)::numeric
               from financing_plan fpl`;

/**
 * The statement of `readTrendCounts` (null: no series to count), for a reader that wraps it
 * (stock-flow.read-model.ts keeps the inflow cells of closed months): columns series, stage, bucket
 * (`YYYY-MM-DD`), d0… (the `by` dimensions, text), is_total, n (and, without `cellsOnly`, people, amount),
 * ordered by series, stage, bucket, d0…. A change to what a cell counts must bump `KEPT_VERSION` there
 * (cells kept under the old definition are then never read), and a new source table needs its triggers
 * (migration 20261203190000).
 */
export function trendCountsSql(q: TrendQuery): { readonly sql: string; readonly values: unknown[]; readonly dims: number } | null {
  const unit = q.granularity === 'WEEK' ? 'week' : 'month';
  const bucketEnd = `((date_trunc('${unit}', e.d::timestamp) + interval '1 ${unit}') at time zone 'Asia/Jakarta')`;
  const at = q.profileAtBucketEnd ? profileAtJoin('c', bucketEnd, 'ca') : null;
  const filter = candidateFilterSql(q.filter, 'c', at ? { profile: at } : {});
  const sources: string[] = [];
  const values: unknown[] = [];
  const stageEvents = (series: string, stages: readonly string[]) => {
    sources.push(
      `select '${series}'::text as series, ${series === 'STAGE_ENTRIES' ? 'h.to_stage' : 'null::text'} as stage, h.candidate_id, ${WIB_DAY('h.at')} as d, null::numeric as amount
         from candidate_stage_change h where h.to_stage in (${stages.map(() => '?').join(', ')})`,
    );
    values.push(...stages);
  };
  const placementEvents = (series: string, column: string, and = '') =>
    sources.push(`select '${series}'::text, null::text, p.candidate_id, p.${column}, null::numeric from placement p where p.${column} is not null ${and}`);
  for (const s of q.series) {
    if (s === 'REGISTRATIONS') stageEvents(s, ['REGISTERED']);
    else if (s === 'WITHDRAWALS') stageEvents(s, ['WITHDRAWN']);
    else if (s === 'STAGE_ENTRIES' && q.stages.length) stageEvents(s, q.stages);
    else if (s === 'DEPARTURES') placementEvents(s, 'departed_on');
    else if (s === 'RETURNS') placementEvents(s, 'returned_on');
    else if (s === 'SEATS_ALLOCATED') placementEvents(s, 'allocated_on', `and ${SEAT_KEPT_BY_MONTH_END}`);
    else if (s === 'FINANCING_PRINCIPAL') sources.push(q.plansAtMonthEnd ? planEventsAtMonthEnd() : PLAN_EVENTS_NOW);
  }
  if (!sources.length) return null;
  const dims = q.by.map((d, i) => ({ alias: `d${i}`, column: TREND_DIMENSION_COLUMNS[d].column }));
  const dimSelect = dims.map((d) => `, ${at ? at.column(d.column as ProfileDimension) : `c.${d.column}`}::text as ${d.alias}`).join('');
  const dimList = dims.map((d) => `, ${d.alias}`).join('');
  const cellsOnly = q.cellsOnly === true && dims.length > 0;
  const sets = cellsOnly ? `series, stage, bucket${dimList}` : dims.length ? `grouping sets ((series, stage, bucket${dimList}), (series, stage, bucket))` : `series, stage, bucket`;
  const totalFlag = dims.length && !cellsOnly ? `grouping(${dims[0]!.alias})` : '0';
  const aggregates = cellsOnly ? 'count(*) as n' : 'count(*) as n, count(distinct candidate_id) as people, sum(amount) as amount';
  return {
    sql: `with ev(series, stage, candidate_id, d, amount) as (${sources.join('\n union all ')}),
     x as (
       select e.series, e.stage, to_char(date_trunc('${unit}', e.d), 'YYYY-MM-DD') as bucket, e.candidate_id, e.amount${dimSelect}
         from ev e
         join candidate c on c.id = e.candidate_id
         ${at?.join ?? ''}
        where e.d between ?::date and ?::date ${andWhere(filter)}
     )
     select series, stage, bucket${dimList}, ${totalFlag} as is_total, ${aggregates}
       from x
      group by ${sets}
      order by series, stage, bucket${dimList}`,
    values: [...values, q.from, q.to, ...filter.values],
    dims: dims.length,
  };
}

/** The counts of `q` in one statement: cells and per-bucket totals. */
export async function readTrendCounts(em: EntityManager, q: TrendQuery): Promise<TrendCount[]> {
  const statement = trendCountsSql(q);
  if (!statement) return [];
  const dims = Array.from({ length: statement.dims }, (_, i) => ({ alias: `d${i}` }));
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(statement.sql, statement.values);
  return rows.map((r) => ({
    series: r.series as TrendSeriesKind,
    stage: (r.stage ?? null) as CandidateStage | null,
    bucket: r.bucket as IsoDate,
    isTotal: dims.length === 0 || Number(r.is_total) === 1,
    dims: dims.map((d) => (r[d.alias] ?? null) as string | null),
    count: Number(r.n ?? 0),
    people: Number(r.people ?? 0),
    amount: r.amount === null || r.amount === undefined ? null : String(r.amount),
  }));
}
