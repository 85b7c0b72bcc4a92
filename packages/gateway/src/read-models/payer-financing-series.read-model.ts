/**
 * The protected view of `placementCosts` and `financingTotals` (issue 8 §1, issue 12): their figures
 * at every calendar month end up to the reference date, person by person, so that the answer at the
 * reference date can be checked against the earlier month ends (`protectContributionSeries`).
 *
 * At a month end `m`:
 * - placements: those live on `m` (cost-per-placement.read-model.ts `livePlacementOnSql`: allocated
 *   by then, not cancelled by then), with the cost shares stored at allocation;
 * - financing plans: each candidate's plan as it stood at the end of `m` (WIB): the last
 *   `financing_plan_revision` before that instant (a removal: no plan); a candidate without any
 *   revision (a plan written before the history, or by the demo seed) has its current plan from its
 *   `updated_at` on, and nothing before (what cannot be proven for that date is not counted).
 *
 * Two statements read, per month end and person, what each person adds to each cell (a payer of the
 * cost table, a product of the financing table); `MonthEndCells` then adds them up and keeps, per
 * cell and month end, who contributed with which figures (the series the protected view checks).
 * Sizes: one row per person, cell and month end (people × months, not a GROUP BY): fine for a city
 * program (thousands of candidates, tens of months).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { protectContributionSeries, type CellContributors, type DisclosureRule, type IsoDate } from '../domain';
import { livePlacementOnSql, SHARES_BY_PAYER_TIMING_SQL } from './cost-per-placement.read-model';
import { cumulativeInflows, readMonthlyInflows, type InflowMemo } from './stock-flow.read-model';
import { monthEndsBetween } from './candidate-count-series.read-model';

/**
 * Whose figures count at a month end (graphql/access.ts `monthEndAggregateScope`): everyone, or the
 * caller's own candidate and the candidates with a placement under an MoU of its parties live then.
 */
export type MonthEndScope = { readonly all: true } | { readonly all: false; readonly partyIds: readonly string[]; readonly candidateIds: readonly string[] };

/** `and …` restricting `column` (a candidate id) to the scope at the month end `onDate` (a SQL date expression), with its values. */
function scopeAt(scope: MonthEndScope, column: string, onDate: string): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: '', params: [] };
  const or: string[] = [];
  const params: unknown[] = [];
  if (scope.candidateIds.length) {
    or.push(`${column} in (${scope.candidateIds.map(() => '?').join(', ')})`);
    params.push(...scope.candidateIds);
  }
  if (scope.partyIds.length) {
    or.push(`exists (select 1 from placement sp join mou_party mp on mp.mou_id = sp.mou_id
                      where sp.candidate_id = ${column} and mp.party_id in (${scope.partyIds.map(() => '?').join(', ')}) and ${livePlacementOnSql('sp', onDate)})`);
    params.push(...scope.partyIds);
  }
  return { sql: `and ${or.length ? `(${or.join(' or ')})` : 'false'}`, params };
}

const ZERO: readonly bigint[] = [];

/**
 * Figures by cell at every month end (oldest first), person by person. A person's figures in a cell
 * are bigints (amounts in whole rupiah, counts); the key compared across month ends is all of them.
 */
export class MonthEndCells {
  private readonly cells = new Map<string, Array<Map<string, readonly bigint[]>>>();

  constructor(readonly monthEnds: readonly IsoDate[]) {}

  /** Adds what `person` contributes to `cell` at month end index `i` (summed with earlier calls). */
  add(cell: string, i: number, person: string, values: readonly bigint[]): void {
    let series = this.cells.get(cell);
    if (!series) {
      series = this.monthEnds.map(() => new Map<string, readonly bigint[]>());
      this.cells.set(cell, series);
    }
    const at = series[i]!;
    const before = at.get(person) ?? ZERO;
    at.set(person, values.map((v, j) => v + (before[j] ?? 0n)));
  }

  /** The cells with at least one contributor at some month end. */
  keys(): string[] {
    return [...this.cells.keys()].sort();
  }

  /** Contributors at the reference date (the last month end). */
  people(cell: string): number {
    return this.last(cell)?.size ?? 0;
  }

  /** The people of `cell` at the reference date and their figures. */
  contributions(cell: string): ReadonlyMap<string, readonly bigint[]> {
    return this.last(cell) ?? new Map();
  }

  /** The people of `cell` at month end index `i` and their figures. */
  contributionsAt(cell: string, i: number): ReadonlyMap<string, readonly bigint[]> {
    return this.cells.get(cell)?.[i] ?? new Map();
  }

  /** Σ of figure `j` over the contributors of `cell` at every month end (oldest first). */
  seriesOf(cell: string, j: number): number[] {
    return this.monthEnds.map((_, i) => Number([...this.contributionsAt(cell, i).values()].reduce((n, v) => n + (v[j] ?? 0n), 0n)));
  }

  /** Σ of each figure over the contributors at the reference date (`width` figures). */
  sums(cell: string, width: number): bigint[] {
    const out = Array.from({ length: width }, () => 0n);
    for (const values of this.contributions(cell).values()) values.forEach((v, j) => (out[j]! += v));
    return out;
  }

  /** Whether the cell's value at the reference date passes the temporal rule against the earlier month ends. */
  seriesPublishable(cell: string, rule: DisclosureRule): boolean {
    const series = this.cells.get(cell);
    if (!series) return true; // empty at every month end: nothing to compare
    const states: CellContributors[] = series.map((at) => new Map([...at].map(([who, v]) => [who, v.join('|')])));
    return protectContributionSeries(states, rule)[states.length - 1] ?? true;
  }

  private last(cell: string): Map<string, readonly bigint[]> | undefined {
    return this.cells.get(cell)?.[this.monthEnds.length - 1];
  }
}

/** The calendar month ends from the month of `first` to `referenceDate` (a month end), oldest first; `[referenceDate]` without data. */
export function monthEndsFrom(first: IsoDate | null, referenceDate: IsoDate): IsoDate[] {
  if (first === null || first > referenceDate) return [referenceDate];
  const out = monthEndsBetween(first, referenceDate);
  if (out[out.length - 1] !== referenceDate) out.push(referenceDate);
  return out;
}

/**
 * The seats `trends` publishes as SEATS_ALLOCATED for the whole program, added up to each month end
 * (read-models/stock-flow.read-model.ts, the protected `trends`' own counts): the inflow against which
 * a published stock of live placements gives the cancellations (`derivedOutflow`).
 */
export async function readSeatsAllocatedSeries(em: EntityManager, monthEnds: readonly IsoDate[], memo?: InflowMemo): Promise<number[]> {
  const inflows = await readMonthlyInflows(em, ['SEATS_ALLOCATED'], monthEnds[monthEnds.length - 1]!, memo);
  return cumulativeInflows(monthEnds, inflows, () => ['ALL']).get('ALL') ?? monthEnds.map(() => 0);
}

/** The first day anything these tables count happened (a placement allocated, a plan set), or null. */
export async function readFirstActivity(em: EntityManager): Promise<IsoDate | null> {
  const rows = await em.getConnection().execute<Array<{ first: string | null }>>(
    `select least(
       (select min(allocated_on) from placement),
       (select min((r.at at time zone 'Asia/Jakarta')::date) from financing_plan_revision r),
       (select min((updated_at at time zone 'Asia/Jakarta')::date) from financing_plan)
     )::text as first`,
  );
  return (rows[0]?.first ?? null) as IsoDate | null;
}

const ENDS = `ends as (select d::date as on_date from unnest(string_to_array(?, ',')) d)`;

/** Payer cell keys: the payer, or `ALL` (every live placement, with or without a stored share). */
export const ALL_PAYERS = 'ALL';
/** Figures of a payer cell, per person: before departure, in Korea, total (whole rupiah), placements. */
export const PAYER_FIGURES = 4;

/**
 * The cost table at every month end, per person: `payer` cells (the shares of that payer of the
 * person's live placements; placements with such a share) and `ALL` (every share of the person's live
 * placements; every live placement).
 */
export async function readPayerCostSeries(em: EntityManager, monthEnds: readonly IsoDate[], scope: MonthEndScope): Promise<MonthEndCells> {
  const inScope = scopeAt(scope, 'p.candidate_id', 'e.on_date');
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with ${ENDS},
     pl as (
       select e.on_date, p.id, p.candidate_id
         from ends e
         join placement p on ${livePlacementOnSql('p', 'e.on_date')}
        where true ${inScope.sql}
     )
     select pl.on_date::text as on_date, pl.candidate_id as person, s.payer, grouping(s.payer) as all_payers,
            coalesce(sum(s.amount_idr) filter (where s.timing = 'BEFORE_DEPARTURE'), 0)::text as before_departure,
            coalesce(sum(s.amount_idr) filter (where s.timing = 'IN_KOREA'), 0)::text as in_korea,
            coalesce(sum(s.amount_idr), 0)::text as total,
            count(distinct pl.id) as placements
       from pl
       left join ${SHARES_BY_PAYER_TIMING_SQL} s on s.placement_id = pl.id -- one row per payer × timing: the same sums and counts
      group by grouping sets ((pl.on_date, pl.candidate_id, s.payer), (pl.on_date, pl.candidate_id))`,
    [monthEnds.join(','), ...inScope.params],
  );
  const out = new MonthEndCells(monthEnds);
  const index = new Map(monthEnds.map((m, i) => [m, i]));
  for (const r of rows) {
    const all = Number(r.all_payers) === 1;
    if (!all && (r.payer === null || r.payer === undefined)) continue; // a placement without any stored share
    out.add(all ? ALL_PAYERS : String(r.payer), index.get(String(r.on_date) as IsoDate)!, String(r.person), [
      BigInt(String(r.before_departure)),
      BigInt(String(r.in_korea)),
      BigInt(String(r.total)),
      BigInt(Number(r.placements)),
    ]);
  }
  return out;
}

/** A product of a plan at a month end. */
export interface PlanProductAt {
  readonly monthEnd: IsoDate;
  readonly person: string;
  readonly payer: string;
  readonly financier: string;
  readonly product: string;
  readonly kind: 'LOAN' | 'GRANT';
  readonly amount: bigint;
  readonly interest: bigint;
  readonly totalPaid: bigint;
}

/** Every product of every plan as it stood at the end of each month end (see the header). */
export async function readPlanSeries(em: EntityManager, monthEnds: readonly IsoDate[], scope: MonthEndScope): Promise<PlanProductAt[]> {
  const revScope = scopeAt(scope, 'r0.candidate_id', 'b.on_date');
  const planScope = scopeAt(scope, 'fp.candidate_id', 'b.on_date');
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with ${ENDS},
     bounds as (select on_date, ((on_date + 1)::timestamp at time zone 'Asia/Jakarta') as t from ends),
     rev as (
       select b.on_date, r.id
         from bounds b
         join lateral (
           select distinct on (r0.candidate_id) r0.id
             from financing_plan_revision r0
            where r0.at < b.t ${revScope.sql}
            order by r0.candidate_id, r0.at desc, r0.id desc) r on true
     ),
     state as (
       select rev.on_date, r.candidate_id, f.payer, f.financier, f.product_id, f.financing_kind, f.amount_idr, f.interest_idr, f.total_paid_idr
         from rev
         join financing_plan_revision r on r.id = rev.id
         join financing_plan_revision_facility f on f.revision_id = rev.id
       union all
       select b.on_date, fp.candidate_id, f.payer, f.financier, f.product_id, f.financing_kind, f.amount_idr, f.interest_idr, f.total_paid_idr
         from bounds b
         join financing_plan fp on fp.updated_at < b.t
         join financing_plan_facility f on f.plan_id = fp.id
        where not exists (select 1 from financing_plan_revision r1 where r1.candidate_id = fp.candidate_id) ${planScope.sql}
     )
     select on_date::text as on_date, candidate_id as person, payer, financier, product_id, financing_kind,
            amount_idr::text as amount, interest_idr::text as interest, total_paid_idr::text as total_paid
       from state`,
    [monthEnds.join(','), ...revScope.params, ...planScope.params],
  );
  return rows.map((r) => ({
    monthEnd: String(r.on_date) as IsoDate,
    person: String(r.person),
    payer: String(r.payer),
    financier: String(r.financier),
    product: String(r.product_id),
    kind: r.financing_kind as 'LOAN' | 'GRANT',
    amount: BigInt(String(r.amount)),
    interest: BigInt(String(r.interest)),
    totalPaid: BigInt(String(r.total_paid)),
  }));
}
