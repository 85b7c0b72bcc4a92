/**
 * The city's up-front cash line (table `upfront_cash_line`) and the indicator "no resident sells
 * belongings" (issue 12), in PostgreSQL.
 *
 * **The line in force on a date**: the setting with the latest `effective_from` on or before it; of
 * two with the same date, the one set last (highest `sequence`). Before the first setting, or with none,
 * there is no line: "not set", never a default figure (DOMAIN.md gives none).
 *
 * **Own cash before departure** of a placement (the indicator's figure per candidate):
 * - W = the worker's BEFORE_DEPARTURE shares of the placement's stored cost estimate
 *   (`placement_cost_share`, payer WORKER, timing BEFORE_DEPARTURE; lines with no amount yet,
 *   UNKNOWN, are not stored, so W is a lower bound);
 * - F = what the candidate's financing plan finances (`financing_plan_facility.amount_idr` of the
 *   candidate's one plan: loans and grants), with basis NET_OF_FINANCING_PLAN (the default);
 *   0 with basis BEFORE_FINANCING;
 * - own cash = max(0, W − F): the domain's `upfrontCash` of a cost estimate (estimate-costs.ts
 *   `applyFinancing`: financing applied to the worker's pre-departure costs, never more than them).
 * The stored plan carries no pay-out dates, so the bridge cash of the domain's
 * `upfrontCashTimeline` (costs due before KUR pays out) cannot be computed from the data: the net
 * figure assumes every financed rupiah arrives before departure (a lower bound of the cash to find);
 * BEFORE_FINANCING is the upper bound (nothing arrives before departure).
 *
 * **Over the line**: own cash > the line (strictly, as the domain's ABOVE_THRESHOLD); the gap of a
 * placement over the line is own cash − line, and the gap of a cell is the sum: what it would cost
 * the city to bring every one of them down to the line.
 *
 * **Which placements, which month**: placements not cancelled, with a stored estimate, counted in the
 * month (WIB calendar; `allocated_on` is the program's WIB date) their seat was allocated (when the
 * costs were estimated and the person must start finding the cash), judged against the line in force
 * on the last day of that month. The protected view reads each month as known at its end
 * (`asKnownAtMonthEnd`, `lineInForce(…, recordedBefore)`): the line among the settings recorded by
 * then, the kecamatan and financing plan of that time, and the placements not cancelled by then.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate, KotaSerangKecamatan } from '../domain';
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { UpfrontCashLineRecord } from '../persistence/upfront-cash-line.schema';
import { andWhere, candidateFilterSql, profileAtJoin } from './sql-filter';

export interface UpfrontCashLineSetting {
  readonly id: string;
  /** 1, 2, 3, … in the order the settings were made. */
  readonly sequence: number;
  readonly amountIdr: bigint;
  readonly effectiveFrom: IsoDate;
  readonly source: string;
  readonly setBy: string;
  readonly setAt: Date;
}

/** Every setting, in force order (effective date, then the order they were set). */
export async function readUpfrontCashLines(em: EntityManager): Promise<UpfrontCashLineSetting[]> {
  const rows = await em.find(UpfrontCashLineRecord, {}, { orderBy: { effectiveFrom: 'asc', sequence: 'asc' } });
  return rows.map((r) => ({ id: r.id, sequence: r.sequence, amountIdr: BigInt(r.amountIdr), effectiveFrom: r.effectiveFrom as IsoDate, source: r.source, setBy: r.setBy, setAt: r.setAt }));
}

/**
 * The line in force on `date` (see the top of the file), or null: not set. `settings` in force order.
 * With `recordedBefore` (an instant), bitemporal: the line in force on `date` as the gateway knew it
 * then, among the settings recorded (`setAt`) before that instant only; a setting recorded later,
 * even effective from an earlier date, or superseding one, does not count.
 */
export function lineInForce(settings: readonly UpfrontCashLineSetting[], date: IsoDate, recordedBefore?: Date): UpfrontCashLineSetting | null {
  let found: UpfrontCashLineSetting | null = null;
  for (const s of settings) if (s.effectiveFrom <= date && (recordedBefore === undefined || s.setAt.getTime() < recordedBefore.getTime())) found = s;
  return found;
}

export const UPFRONT_CASH_BASES = ['NET_OF_FINANCING_PLAN', 'BEFORE_FINANCING'] as const;
export type UpfrontCashBasis = (typeof UPFRONT_CASH_BASES)[number];

/** A month (YYYY-MM) and the line judged against in it (whole rupiah; null: not set). */
export interface MonthLine {
  readonly month: string;
  readonly line: bigint | null;
}

/** One month × kecamatan: the finest cell of the indicator. */
export interface UpfrontCashCell {
  readonly month: string;
  readonly kecamatan: KotaSerangKecamatan | null;
  /** Distinct candidates with a placement of the month (the contributors). */
  readonly candidates: number;
  /** Of which with own cash over the line (0 when the line is not set). */
  readonly overLine: number;
  /** Σ (own cash − line) over them, whole rupiah. */
  readonly gap: bigint;
}

export interface UpfrontCashQuery {
  /** Placements allocated from … to … (inclusive). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly months: readonly MonthLine[];
  readonly basis: UpfrontCashBasis;
  readonly filter: CandidateFilter | undefined;
  /**
   * Each month as known at its end (the protected view's): the candidate's kecamatan (grouping and
   * filter) as the gateway knew it then (sql-filter.ts `profileAtJoin`), the financing plan as it
   * stood then (`financing_plan_revision`), and a placement left out only when it was cancelled by then
   * (`cancelled_on` on or before the month's last day), so that a closed month never moves when a
   * person moves, a plan changes or a seat is cancelled later. Without it: the current kecamatan and
   * plan, and every placement cancelled now left out.
   */
  readonly asKnownAtMonthEnd?: boolean;
}

/**
 * SQL (a bigint expression) of what the financing plan of the candidate `candidate` (a column) financed,
 * loans and grants (Σ principal of its products, whole rupiah), as the plan stood just before the
 * instant `before` (a timestamptz expression): its last `financing_plan_revision` before then (a
 * removal: 0); none before then: 0; a candidate with no revision at all (a plan written before the
 * history, or by the demo seed) has its current plan from its `updated_at` on, and 0 before (what
 * cannot be proven for that instant is not counted), as payer-financing-series.read-model.ts reads the
 * plans. The one rule for every protected view that reads a plan at a month end (this indicator,
 * `trends` FINANCING_PRINCIPAL). Aliases `r`, `rf`, `fp`, `ff` are its own: `candidate` and `before`
 * must not name them (they would be shadowed).
 */
export function planFinancedBeforeSql(candidate: string, before: string): string {
  return `coalesce(
         (select case when r.removed then 0 else (select coalesce(sum(rf.amount_idr), 0) from financing_plan_revision_facility rf where rf.revision_id = r.id) end
            from financing_plan_revision r where r.candidate_id = ${candidate} and r.at < ${before} order by r.at desc, r.id desc limit 1),
         case when exists (select 1 from financing_plan_revision r where r.candidate_id = ${candidate}) then 0
              else (select sum(ff.amount_idr) from financing_plan fp join financing_plan_facility ff on ff.plan_id = fp.id where fp.candidate_id = ${candidate} and fp.updated_at < ${before}) end,
         0)`;
}

export async function readUpfrontCashCells(em: EntityManager, q: UpfrontCashQuery): Promise<UpfrontCashCell[]> {
  if (q.months.length === 0) return [];
  const monthEnd = `((date_trunc('month', p.allocated_on::timestamp) + interval '1 month') at time zone 'Asia/Jakarta')`;
  const profile = q.asKnownAtMonthEnd ? profileAtJoin('c', monthEnd, 'ca') : null;
  const filter = candidateFilterSql(q.filter, 'c', profile ? { profile } : {});
  const kecamatan = profile ? profile.column('kecamatan') : 'c.kecamatan';
  const live = profile
    ? `(p.cancelled_on is null or p.cancelled_on >= (date_trunc('month', p.allocated_on::timestamp) + interval '1 month')::date) and not (p.status = 'CANCELLED' and p.cancelled_on is null)`
    : `p.status <> 'CANCELLED'`;
  const months = JSON.stringify(q.months.map((m) => ({ month: m.month, line: m.line === null ? null : m.line.toString() })));
  // protected view: the plan as it stood at the month's end (its last `financing_plan_revision` before
  // then; none: no plan then; a candidate with no revision at all keeps its current plan from its
  // `updated_at` on), as the month-end financing tables read it (payer-financing-series.read-model.ts)
  const end = `((to_date(pl.month, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'Asia/Jakarta')`;
  const financedAtEnd = planFinancedBeforeSql('pl.candidate_id', end);
  const financed =
    q.basis !== 'NET_OF_FINANCING_PLAN'
      ? '0'
      : profile
        ? financedAtEnd
        : `coalesce((select sum(ff.amount_idr) from financing_plan fp join financing_plan_facility ff on ff.plan_id = fp.id where fp.candidate_id = pl.candidate_id), 0)`;
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with months as (select * from json_to_recordset(?::json) as m(month text, line bigint)),
     pl as (
       select p.id, p.candidate_id, ${kecamatan} as kecamatan, to_char(p.allocated_on, 'YYYY-MM') as month,
              coalesce(sum(s.amount_idr) filter (where s.payer = 'WORKER' and s.timing = 'BEFORE_DEPARTURE'), 0) as worker_before
         from placement p
         join candidate c on c.id = p.candidate_id
         ${profile?.join ?? ''}
         join placement_cost_share s on s.placement_id = p.id
        where ${live}
          and p.allocated_on between ?::date and ?::date
          ${andWhere(filter)}
        group by p.id, p.candidate_id, 3, p.allocated_on
     ),
     cash as (
       select pl.*, greatest(pl.worker_before - ${financed}, 0) as own_cash from pl
     )
     select cash.month, cash.kecamatan,
            count(distinct cash.candidate_id) as candidates,
            count(distinct cash.candidate_id) filter (where m.line is not null and cash.own_cash > m.line) as over_line,
            coalesce(sum(cash.own_cash - m.line) filter (where m.line is not null and cash.own_cash > m.line), 0)::text as gap
       from cash
       join months m on m.month = cash.month
      group by cash.month, cash.kecamatan
      order by 1, 2`,
    [months, q.from, q.to, ...filter.values],
  );
  return rows.map((r) => ({
    month: String(r.month),
    kecamatan: (r.kecamatan ?? null) as KotaSerangKecamatan | null,
    candidates: Number(r.candidates ?? 0),
    overLine: Number(r.over_line ?? 0),
    gap: BigInt(String(r.gap ?? '0')),
  }));
}
