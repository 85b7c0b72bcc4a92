/**
 * Cost per placement (issue 12), from the cost shares stored per placement when its seat was
 * allocated (`placement_cost_share`, the same estimates as `placementCosts`), in PostgreSQL.
 *
 * Which placements: those allocated on or before the date and not cancelled by then (a placement
 * cancelled later still counted on the date; one with status CANCELLED and no cancellation date is
 * left out), with at least one stored share (a placement whose opening had no contract length has no
 * estimate, so no cost to average), of candidates the filter selects.
 *
 * Exact view: one statement reads the finest table, group = occupation × route × kecamatan of the
 * placement (the occupation and route of the placement itself, the kecamatan of its candidate), with
 * the payer and the timing split, through `GROUPING SETS`; every answer, whatever `by` asks for, is
 * assembled from those cells by adding them up (graphql/types/cost-per-placement.type.ts).
 *
 * Protected view: `readCostPerPlacementMargins` reads the cells of the tables an analyst can obtain
 * (the total and the tables by one dimension, each split by payer and timing) with their distinct
 * candidates, and `readCostPerPlacementMarginSeries` their counts at every month end, on which the
 * protected view decides what it withholds (`ProtectedMargins` there). Both take the candidate's
 * kecamatan as the gateway knew it at that month end (sql-filter.ts `profileAtJoin`), so a later move
 * never changes a closed month end's cells; the exact view's cells take the current kecamatan.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KotaSerangKecamatan, Occupation, PayerKind, Route, IsoDate } from '../domain';
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { andWhere, candidateFilterSql, profileAtJoin, type ProfileAt, type Sql } from './sql-filter';

export const COST_TIMINGS_REPORTED = ['BEFORE_DEPARTURE', 'IN_KOREA'] as const;
export type CostTimingReported = (typeof COST_TIMINGS_REPORTED)[number];

/** The finest group: one placement belongs to exactly one. */
export interface PlacementGroupKey {
  readonly occupation: Occupation;
  readonly route: Route;
  readonly kecamatan: KotaSerangKecamatan | null;
}

/** A cell of the finest table: a group, or a group × payer, or a group × payer × timing. */
export interface PlacementCostCell extends PlacementGroupKey {
  /** null: every payer (the group's own cell). */
  readonly payer: PayerKind | null;
  /** null: every timing. */
  readonly timing: string | null;
  /** Placements in the cell (with a share of this payer / timing when given). */
  readonly placements: number;
  /** Distinct candidates behind them: the cell's contributors. */
  readonly candidates: number;
  /** Whole rupiah. */
  readonly amount: bigint;
}

export interface CostPerPlacementQuery {
  readonly asOf: IsoDate;
  readonly filter: CandidateFilter | undefined;
}

const toNumber = (v: unknown): number => Number(v ?? 0);

/**
 * The stored shares, one row per placement × payer × timing (their amounts added up): every figure
 * here is a count of distinct placements / candidates or a sum of amounts by payer and timing, so
 * this gives the same cells as the share lines themselves, with one row per placement and payer ×
 * timing instead of one per cost line to sort for each grouping set (the month-end margin series, a
 * placement × month end × line product, went from 14.5 s to 1.2 s at 30,000 demo candidates).
 */
export const SHARES_BY_PAYER_TIMING_SQL = `(select placement_id, payer, timing, sum(amount_idr) as amount_idr from placement_cost_share group by placement_id, payer, timing)`;

/**
 * Placement `alias` live on the date `bound` (a SQL date expression, e.g. `?::date` or a column of
 * month ends): allocated on or before it and not cancelled by then (cancelled later: still live then);
 * one with status CANCELLED and no cancellation date is never live. The one definition of a live
 * placement, shared with the month-end payer tables (payer-financing-series.read-model.ts).
 */
export function livePlacementOnSql(alias: string, bound: string): string {
  return `(${alias}.allocated_on <= ${bound} and (${alias}.cancelled_on is null or ${alias}.cancelled_on > ${bound}) and not (${alias}.status = 'CANCELLED' and ${alias}.cancelled_on is null))`;
}

/**
 * `with pl as (…)`: the placements live on a date (two `?` for the date, then the filter's values):
 * allocated by then, not cancelled by then, with a stored estimate; one definition for the cells and
 * the margins.
 */
function livePlacementsCte(filter: Sql, profile?: ProfileAt): string {
  return `with pl as (
       select p.id, p.candidate_id, p.occupation, p.route, ${profile ? profile.column('kecamatan') : 'c.kecamatan'} as kecamatan
         from placement p
         join candidate c on c.id = p.candidate_id
         ${profile?.join ?? ''}
        where ${livePlacementOnSql('p', '?::date')}
          and exists (select 1 from placement_cost_share x where x.placement_id = p.id)
          ${andWhere(filter)}
     )`;
}

export async function readCostPerPlacementCells(em: EntityManager, q: CostPerPlacementQuery): Promise<PlacementCostCell[]> {
  const filter = candidateFilterSql(q.filter, 'c');
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `${livePlacementsCte(filter)}
     select pl.occupation, pl.route, pl.kecamatan, s.payer, s.timing,
            grouping(s.payer) as all_payers, grouping(s.timing) as all_timings,
            count(distinct pl.id) as placements, count(distinct pl.candidate_id) as candidates,
            coalesce(sum(s.amount_idr), 0)::text as amount
       from pl
       join ${SHARES_BY_PAYER_TIMING_SQL} s on s.placement_id = pl.id
      group by grouping sets ((pl.occupation, pl.route, pl.kecamatan, s.payer, s.timing), (pl.occupation, pl.route, pl.kecamatan, s.payer), (pl.occupation, pl.route, pl.kecamatan))
      order by 1, 2, 3, 4, 5`,
    [q.asOf, q.asOf, ...filter.values],
  );
  return rows.map((r) => ({
    occupation: r.occupation as Occupation,
    route: r.route as Route,
    kecamatan: (r.kecamatan ?? null) as KotaSerangKecamatan | null,
    payer: toNumber(r.all_payers) === 1 ? null : (r.payer as PayerKind),
    timing: toNumber(r.all_timings) === 1 ? null : String(r.timing),
    placements: toNumber(r.placements),
    candidates: toNumber(r.candidates),
    amount: BigInt(String(r.amount)),
  }));
}

// ---------------------------------------------------------------- the protected view's linked tables

/** The dimensions of the one-dimension tables of the protected view (PAYER is the total's split). */
export const COST_MARGIN_DIMENSIONS = ['OCCUPATION', 'ROUTE', 'KECAMATAN'] as const;
export type CostMarginDimension = (typeof COST_MARGIN_DIMENSIONS)[number];

/**
 * A cell of the tables an ANALYST can obtain: the total (`dimension` null) or a row of the table by
 * one dimension, each whole or split by payer, timing, or payer × timing, with its distinct candidates
 * (the contributors, counted in SQL, not added up from finer cells).
 */
export interface PlacementCostMargin {
  readonly dimension: CostMarginDimension | null;
  /** The row's value (null: the total, or a kecamatan that is not a recognised Kota Serang one). */
  readonly value: string | null;
  readonly payer: PayerKind | null;
  readonly timing: string | null;
  readonly placements: number;
  readonly candidates: number;
  /** Whole rupiah. */
  readonly amount: bigint;
}

export function placementCostMarginKey(c: Pick<PlacementCostMargin, 'dimension' | 'value' | 'payer' | 'timing'>): string {
  return JSON.stringify([c.dimension, c.value, c.payer, c.timing]);
}

const MARGIN_COLUMN: Record<CostMarginDimension, string> = { OCCUPATION: 'pl.occupation', ROUTE: 'pl.route', KECAMATAN: 'pl.kecamatan' };

/** The grouping sets of every margin: {none, each dimension} × {whole, payer, timing, payer × timing}. */
function marginSets(prefix: string): string {
  const sets: string[] = [];
  for (const d of [null, ...COST_MARGIN_DIMENSIONS]) {
    for (const split of [[], ['s.payer'], ['s.timing'], ['s.payer', 's.timing']]) {
      sets.push(`(${[...(prefix ? [prefix] : []), ...(d ? [MARGIN_COLUMN[d]] : []), ...split].join(', ')})`);
    }
  }
  return sets.join(', ');
}

const MARGIN_SELECT = `pl.occupation, pl.route, pl.kecamatan, s.payer, s.timing,
            grouping(pl.occupation) as g_occupation, grouping(pl.route) as g_route, grouping(pl.kecamatan) as g_kecamatan,
            grouping(s.payer) as g_payer, grouping(s.timing) as g_timing,
            count(distinct pl.id) as placements, count(distinct pl.candidate_id) as candidates,
            coalesce(sum(s.amount_idr), 0)::text as amount`;

function marginOf(r: Record<string, unknown>): PlacementCostMargin {
  const dimension: CostMarginDimension | null =
    toNumber(r.g_occupation) === 0 ? 'OCCUPATION' : toNumber(r.g_route) === 0 ? 'ROUTE' : toNumber(r.g_kecamatan) === 0 ? 'KECAMATAN' : null;
  const value = dimension === null ? null : ((r[dimension.toLowerCase()] ?? null) as string | null);
  return {
    dimension,
    value,
    payer: toNumber(r.g_payer) === 1 ? null : (r.payer as PayerKind),
    timing: toNumber(r.g_timing) === 1 ? null : String(r.timing),
    placements: toNumber(r.placements),
    candidates: toNumber(r.candidates),
    amount: BigInt(String(r.amount ?? '0')),
  };
}

/**
 * Every margin cell on `asOf` (the placements as in `readCostPerPlacementCells`), unfiltered unless a
 * filter is given, in one statement (`GROUPING SETS`).
 */
export async function readCostPerPlacementMargins(em: EntityManager, q: CostPerPlacementQuery): Promise<PlacementCostMargin[]> {
  // the kecamatan as known at the end of `asOf` (one `?`, bound first: the join precedes the WHERE)
  const profile = profileAtJoin('c', `((?::date + 1)::timestamp at time zone 'Asia/Jakarta')`, 'ca');
  const filter = candidateFilterSql(q.filter, 'c', { profile });
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `${livePlacementsCte(filter, profile)}
     select ${MARGIN_SELECT}
       from pl
       join ${SHARES_BY_PAYER_TIMING_SQL} s on s.placement_id = pl.id
      group by grouping sets (${marginSets('')})`,
    [q.asOf, q.asOf, q.asOf, ...filter.values],
  );
  return rows.map(marginOf);
}

/**
 * The contributors of every margin cell at every calendar month end from the month of the first
 * placement up to `asOf` (a month end), oldest first, 0 where the cell was empty, keyed by
 * `placementCostMarginKey`: the series the protected view checks with the domain's `protectSeries`.
 * One statement.
 */
export async function readCostPerPlacementMarginSeries(em: EntityManager, q: CostPerPlacementQuery): Promise<Map<string, number[]>> {
  return (await readCostPerPlacementMarginSeriesWithPlacements(em, q)).candidates;
}

/**
 * `readCostPerPlacementMarginSeries` (`candidates`), with the placements of every margin cell at each
 * month end that had a live placement (`placements`: key → month end → placements), for the check of
 * the live placements against the seats `trends` publishes (read-models/stock-flow.read-model.ts).
 */
export async function readCostPerPlacementMarginSeriesWithPlacements(
  em: EntityManager,
  q: CostPerPlacementQuery,
): Promise<{ candidates: Map<string, number[]>; placements: Map<string, Map<string, number>> }> {
  // the kecamatan as known at the end of each month end
  const profile = profileAtJoin('c', `((e.on_date + 1)::timestamp at time zone 'Asia/Jakarta')`, 'ca');
  const filter = candidateFilterSql(q.filter, 'c', { profile });
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with ends as (
       select (m + interval '1 month' - interval '1 day')::date as on_date
         from generate_series(date_trunc('month', (select min(allocated_on) from placement)), ?::date, interval '1 month') m
     ),
     pl as (
       select e.on_date, p.id, p.candidate_id, p.occupation, p.route, ${profile.column('kecamatan')} as kecamatan
         from ends e
         join placement p on ${livePlacementOnSql('p', 'e.on_date')}
         join candidate c on c.id = p.candidate_id
         ${profile.join}
        where exists (select 1 from placement_cost_share x where x.placement_id = p.id)
          ${andWhere(filter)}
     )
     select pl.on_date::text as on_date, ${MARGIN_SELECT}
       from pl
       join ${SHARES_BY_PAYER_TIMING_SQL} s on s.placement_id = pl.id
      group by grouping sets (${marginSets('pl.on_date')})`,
    [q.asOf, ...filter.values],
  );
  const dates = [...new Set(rows.map((r) => String(r.on_date)))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const out = new Map<string, number[]>();
  const placements = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = placementCostMarginKey(marginOf(r));
    const series = out.get(key) ?? new Array<number>(dates.length).fill(0);
    series[index.get(String(r.on_date))!] = toNumber(r.candidates);
    out.set(key, series);
    const at = placements.get(key) ?? new Map<string, number>();
    at.set(String(r.on_date), toNumber(r.placements));
    placements.set(key, at);
  }
  if (dates[dates.length - 1] !== q.asOf) for (const s of out.values()) s.push(0);
  return { candidates: out, placements };
}
