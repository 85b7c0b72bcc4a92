/**
 * `financingTotals`: who pays what and how it is financed, for analysts and dashboards. Computed in
 * PostgreSQL (`GROUP BY … GROUPING SETS`, sums of bigint columns as exact numerics), never by loading
 * plans or placements into the server. It takes the same filter as the `candidates` list: the
 * candidate set is the list's own `candidateWhere(filter)`, turned into a sub-query by MikroORM's
 * query builder, so the list and the aggregate can never disagree about who matches.
 *
 * Three parts, each one SQL statement, the last two only when asked for:
 * - `rows`: financing by payer × financier × product (count, principal, interest, total repaid);
 * - `placementCosts`: the stored placement cost estimates by payer (as the `placementCosts` query,
 *   but for the filtered candidates);
 * - `workerCoverage`: per candidate, the worker's own costs against the loans and grants of their
 *   plan, summed: what is financed, what the worker must still find up front, what they pay in all.
 *
 * Disclosure control (types/disclosure.type.ts, the domain's disclosure/): OFFICER and ADMIN get exact
 * figures; ANALYST and PARTNER the protected view — no filter (the rows are by payer × financier ×
 * product only), a row with 1 to k − 1 candidates suppressed, every total over a suppressed row null,
 * and the worker coverage (whose sums repeat the rows' and the payer table's totals) withheld as a
 * whole when any row it repeats is suppressed or it splits the candidates into a small group. The
 * protected view is computed at the month-end reference date from the plans' history and the
 * placements live then, each figure checked against the earlier month ends (`protectedFinancingTotals`
 * below); the exact view reads the current rows.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/postgresql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { PayerKind } from '../../domain';
import { CandidateRecord } from '../../persistence/candidate.schema';
import type { FinancierKind, PlanFinancingKind, PlanProduct } from '../../persistence/financing-plan.schema';
import { candidateAggregateWhere, monthEndAggregateScope } from '../access';
import type { GatewayContext } from '../context';
import { PayerKindEnum } from '../enums';
import { FinancierKindEnum, FinancingKindEnum, FinancingProductEnum } from '../types/financing-plan.type';
import { Money, moneyFromMinor } from '../types/money.type';
import {
  checkProtectedFilter,
  datedAggregateView,
  Disclosure,
  disclosureOf,
  viewCell,
  viewPart,
  viewTotal,
  type AggregateView,
} from '../types/disclosure.type';
import { PlacementCostTotals, protectedPayerTableOf, protectedPlacementCosts, withheldFigure } from '../types/placement-costs.type';
import {
  MonthEndCells,
  monthEndsFrom,
  readFirstActivity,
  readPayerCostSeries,
  readPlanSeries,
  readSeatsAllocatedSeries,
} from '../../read-models/payer-financing-series.read-model';
import { CandidateFilter, candidateWhere } from '../inputs/candidate-filter.input';

/** Roles that may read the aggregate (ADMIN passes every rule). PARTNER totals cover their own candidates only. */
export const FINANCING_TOTALS_READERS = ['OFFICER', 'ANALYST', 'PARTNER'] as const;

// ---------------------------------------------------------------- types

@ObjectType({ description: 'Financing of one payer × financier × product: how many plans use it and the sums, whole rupiah.' })
export class FinancingTotalsRow {
  @Field(() => PayerKindEnum, { description: 'Who bears the amount in the end: WORKER repays loans; CITY_SUBSIDY for the city grant.' }) payer!: PayerKind;
  @Field(() => FinancierKindEnum, { description: 'Who puts up the money (lender or funder).' }) financier!: FinancierKind;
  @Field(() => FinancingProductEnum, { description: 'The product.' }) product!: PlanProduct;
  @Field(() => FinancingKindEnum, { description: 'LOAN or GRANT.' }) kind!: PlanFinancingKind;
  @Field(() => Int, { nullable: true, description: 'Plans (candidates) using the product: a plan uses each product at most once. Null when suppressed.' }) count!: number | null;
  @Field(() => Money, { nullable: true, description: 'Principal lent, or granted. Null when suppressed.' }) principal!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Interest over the loans (0 for grants and zero-interest loans). Null when suppressed.' }) interest!: Money | null;
  @Field(() => Money, { nullable: true, description: 'What the workers repay: principal + interest of the loans (0 for grants). Null when suppressed.' }) totalRepaid!: Money | null;
  @Field(() => Boolean, { description: 'True when fewer than minCellCount candidates use the product (protected view): the figures are null.' }) suppressed!: boolean;
}

@ObjectType({
  description:
    'Worker costs against financing, summed per candidate over the filtered candidates that have a stored cost estimate (a non-cancelled placement) or a financing plan. A plan recorded before a seat is allocated has financing but no stored cost yet.',
})
export class WorkerFinancingCoverage {
  @Field(() => Int, { nullable: true, description: 'Candidates counted (with a stored worker cost or a plan).' }) candidates!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of which with a financing plan.' }) financedCandidates!: number | null;
  @Field(() => Money, { nullable: true, description: 'Placement costs borne by the workers (payer WORKER in the estimates stored at allocation), before departure and in Korea.' })
  workerCosts!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of which before departure: what KUR Penempatan PMI and the other products are meant to finance.' })
  workerCostsBeforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Principal of the workers’ loans (KUR, zero-interest facilities).' }) financedByLoans!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Grants towards the workers’ costs (city grant).' }) coveredByGrants!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Interest the workers pay on their loans.' }) loanInterest!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Σ per candidate of max(costs before departure − loans − grants, 0): cash the workers must still find up front.' })
  cashStillNeeded!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Σ per candidate of max(loans + grants − costs before departure, 0): financing beyond the stored estimate (e.g. plans set before a seat was allocated, or costs the estimate does not know).' })
  financedBeyondEstimate!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Σ per candidate of max(worker costs − grants, 0) + loan interest: what the workers pay in the end, from their own pocket or by repaying loans.' })
  workerPaysInTotal!: Money | null;
  @Field(() => Boolean, {
    description:
      'True when the coverage is withheld (protected view): its sums repeat the totals of the financing rows and of the payer table, so it is null as soon as one of those rows is suppressed, or when the candidates split into a group of 1 to minCellCount − 1 (with costs only, with a plan only, with both).',
  })
  suppressed!: boolean;
}

@ObjectType({
  description:
    'Who pays what and how it is financed, for the candidates the filter selects: financing by payer × financier × product (rows and totals), and — when asked — the stored placement costs by payer and the workers’ costs against their financing. Computed in SQL (GROUP BY), never by loading records.',
})
export class FinancingTotals {
  @Field(() => [FinancingTotalsRow], { description: 'One row per payer × financier × product in use.' }) rows!: FinancingTotalsRow[];
  @Field(() => Int, { nullable: true, description: 'Financing plans of the filtered candidates; null when any row is suppressed.' }) plans!: number | null;
  @Field(() => Money, { nullable: true, description: 'Principal of every loan; null when a LOAN row is suppressed.' }) loans!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Every grant; null when a GRANT row is suppressed.' }) grants!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Interest over every loan; null when any row is suppressed.' }) interest!: Money | null;
  @Field(() => Money, { nullable: true, description: 'What the workers repay over every loan (principal + interest); null when any row is suppressed.' }) totalRepaid!: Money | null;
  @Field(() => Disclosure, { description: 'How the figures were protected (suppressedCells counts the rows).' }) disclosure!: Disclosure;
  /** The filtered candidate set, as SQL (for the field resolvers). */
  candidates!: CandidateSetSql;
  /** The view of this request (for the field resolvers). */
  view!: AggregateView;
  /** True when a financing row is suppressed (workerCoverage repeats the rows' totals). */
  anyRowSuppressed!: boolean;
  /** The payer table, computed once per result (placementCosts and workerCoverage both need it). */
  payerTable?: Promise<PlacementCostTotals>;
  /** Protected view: the worker coverage at the reference date, from the month-end cells (see `protectedCoverageOf`). */
  protectedCoverage?: WorkerFinancingCoverage;
}

@ArgsType()
export class FinancingTotalsArgs {
  @Field(() => CandidateFilter, {
    nullable: true,
    description: 'The same filter as `candidates` (stage, kecamatan, occupation, route, stored eligibility). Protected view (ANALYST, PARTNER): refused, the rows are by payer × financier × product only.',
  })
  @IsOptional() @ValidateNested()
  filter?: CandidateFilter;
}

// ---------------------------------------------------------------- SQL

/** `select c.id from candidate c where …` with `?` placeholders and their values. */
export interface CandidateSetSql {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export function candidateSetSql(ctx: GatewayContext, filter: CandidateFilter | undefined): CandidateSetSql {
  // the aggregate row scope (access.ts): every row for OFFICER, ANALYST, ADMIN; a PARTNER's own
  // candidates (placed under an MoU of one of its parties); nothing for anyone else
  const scope = candidateAggregateWhere(ctx);
  const filterWhere = candidateWhere(filter);
  const where = scope === null || Object.keys(scope).length === 0 ? filterWhere : ({ $and: [filterWhere, scope] } as FilterQuery<CandidateRecord>);
  const qb = ctx.em.createQueryBuilder(CandidateRecord, 'c').select('c.id').where(where as QBFilterQuery<CandidateRecord>);
  if (scope === null) qb.andWhere('1 = 0');
  // knex's `?` placeholders, as Connection.execute binds them (qb.getQuery() renders PostgreSQL's $n)
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, params: bindings };
}

type Row = Record<string, unknown>;
const idr = (v: unknown): Money => moneyFromMinor(String(v ?? 0), 'IDR');
const int = (v: unknown): number => Number(v ?? 0);

// ---------------------------------------------------------------- resolver

@Resolver(() => FinancingTotals)
export class FinancingTotalsResolver {
  @Authorized(...FINANCING_TOTALS_READERS)
  @Query(() => FinancingTotals, {
    description:
      'Financing totals by payer × financier × product (count, principal, interest, total repaid), with the placement costs by payer and the workers’ costs against their financing — who pays what and how it is financed — for the candidates the filter selects (the same filter as `candidates`). SQL GROUP BY. OFFICER (exact: the plans and placements as they are now), ANALYST, PARTNER (a partner’s totals cover the candidates placed under its MoUs only). Protected view (ANALYST, PARTNER): no filter; the plans as they stood and the placements live at the month-end reference date `disclosure.referenceDate` (from the plans’ history); small rows suppressed with every total over them; and every row, total, payer row and the coverage whose candidates or figures moved by 1 to minCellCount − 1 people since an earlier month end withheld.',
  })
  async financingTotals(@Args() args: FinancingTotalsArgs, @Ctx() ctx: GatewayContext): Promise<FinancingTotals> {
    const view = datedAggregateView(ctx, undefined);
    checkProtectedFilter(view, args.filter, []);
    const candidates = candidateSetSql(ctx, args.filter);
    if (view.isProtected) return protectedFinancingTotals(ctx, view, candidates);
    const rows = await ctx.em.getConnection().execute<Row[]>(
      `with cand as (${candidates.sql})
       select f.payer, f.financier, f.product_id, f.financing_kind,
              grouping(f.payer) as is_total,
              count(*) as n,
              count(distinct f.plan_id) as plans,
              count(distinct fp.candidate_id) as people,
              sum(f.amount_idr) as principal,
              sum(f.amount_idr) filter (where f.financing_kind = 'LOAN') as loans,
              sum(f.amount_idr) filter (where f.financing_kind = 'GRANT') as grants,
              sum(f.interest_idr) as interest,
              sum(f.total_paid_idr) as total_paid
         from financing_plan_facility f
         join financing_plan fp on fp.id = f.plan_id
        where fp.candidate_id in (select id from cand)
        group by grouping sets ((f.payer, f.financier, f.product_id, f.financing_kind), ())
        order by is_total, f.payer, f.financier, f.product_id`,
      [...candidates.params],
    );
    const groups = rows
      .filter((r) => int(r.is_total) === 0)
      .map((r) => ({
        key: { payer: r.payer as PayerKind, financier: r.financier as FinancierKind, product: r.product_id as PlanProduct, kind: r.financing_kind as PlanFinancingKind },
        figure: viewCell(view, int(r.people), { count: int(r.n), principal: idr(r.principal), interest: idr(r.interest), totalRepaid: idr(r.total_paid) }),
      }));
    const total = rows.find((r) => int(r.is_total) === 1);
    const people = int(total?.people);
    const figures = groups.map((g) => g.figure);
    // each total covers the rows it adds up: loans the LOAN rows, grants the GRANT rows, the rest every row
    const ofKind = (kind: PlanFinancingKind) => groups.filter((g) => g.key.kind === kind).map((g) => g.figure);
    const all = viewTotal(view, people, { plans: int(total?.plans), interest: idr(total?.interest), totalRepaid: idr(total?.total_paid) }, figures);
    const loans = viewTotal(view, people, { loans: idr(total?.loans) }, ofKind('LOAN'));
    const grants = viewTotal(view, people, { grants: idr(total?.grants) }, ofKind('GRANT'));
    const suppressedCells = figures.filter((f) => f.suppressed).length;
    return {
      rows: groups.map((g) => ({ ...g.key, ...g.figure.values, suppressed: g.figure.suppressed })),
      plans: all.values.plans,
      loans: loans.values.loans,
      grants: grants.values.grants,
      interest: all.values.interest,
      totalRepaid: all.values.totalRepaid,
      disclosure: disclosureOf(view, suppressedCells),
      candidates,
      view,
      anyRowSuppressed: suppressedCells > 0,
    };
  }

  @FieldResolver(() => PlacementCostTotals, {
    description:
      'Placement costs by payer for the same candidates, from the estimates stored when each seat was allocated (cancelled placements left out): who pays what. Protected view as `placementCosts`.',
  })
  async placementCosts(@Root() totals: FinancingTotals, @Ctx() ctx: GatewayContext): Promise<PlacementCostTotals> {
    return payerTableOf(totals, ctx);
  }

  @FieldResolver(() => WorkerFinancingCoverage, {
    description:
      'The workers’ own placement costs against the loans and grants of their plans, per candidate then summed: how the workers’ share is financed. Protected view: withheld as a whole (`suppressed`) when a financing row or a payer row is suppressed, or when the candidates split into a small group.',
  })
  async workerCoverage(@Root() totals: FinancingTotals, @Ctx() ctx: GatewayContext): Promise<WorkerFinancingCoverage> {
    if (totals.protectedCoverage) return totals.protectedCoverage;
    const rows = await ctx.em.getConnection().execute<Row[]>(
      `with cand as (${totals.candidates.sql}),
       costs as (
         select p.candidate_id,
                sum(s.amount_idr) as worker_total,
                coalesce(sum(s.amount_idr) filter (where s.timing = 'BEFORE_DEPARTURE'), 0) as worker_before
           from placement_cost_share s
           join placement p on p.id = s.placement_id
          where p.status <> 'CANCELLED' and s.payer = 'WORKER' and p.candidate_id in (select id from cand)
          group by p.candidate_id),
       fin as (
         select fp.candidate_id,
                coalesce(sum(f.amount_idr) filter (where f.financing_kind = 'LOAN'), 0) as loans,
                coalesce(sum(f.amount_idr) filter (where f.financing_kind = 'GRANT'), 0) as grants,
                sum(f.interest_idr) as interest
           from financing_plan fp
           join financing_plan_facility f on f.plan_id = fp.id
          where fp.candidate_id in (select id from cand)
          group by fp.candidate_id),
       per as (
         select coalesce(k.worker_total, 0) as wt, coalesce(k.worker_before, 0) as wb,
                coalesce(f.loans, 0) as loans, coalesce(f.grants, 0) as grants, coalesce(f.interest, 0) as interest,
                (f.candidate_id is not null) as financed, (k.candidate_id is not null) as costed
           from costs k
           full join fin f on f.candidate_id = k.candidate_id)
       select count(*) as candidates,
              count(*) filter (where financed) as financed,
              count(*) filter (where financed and costed) as both,
              coalesce(sum(wt), 0) as worker_total,
              coalesce(sum(wb), 0) as worker_before,
              coalesce(sum(loans), 0) as loans,
              coalesce(sum(grants), 0) as grants,
              coalesce(sum(interest), 0) as interest,
              coalesce(sum(greatest(wb - loans - grants, 0)), 0) as cash_needed,
              coalesce(sum(greatest(loans + grants - wb, 0)), 0) as beyond,
              coalesce(sum(greatest(wt - grants, 0) + interest), 0) as worker_pays
         from per`,
      [...totals.candidates.params],
    );
    const r = rows[0] ?? {};
    const values = {
      candidates: int(r.candidates),
      financedCandidates: int(r.financed),
      workerCosts: idr(r.worker_total),
      workerCostsBeforeDeparture: idr(r.worker_before),
      financedByLoans: idr(r.loans),
      coveredByGrants: idr(r.grants),
      loanInterest: idr(r.interest),
      cashStillNeeded: idr(r.cash_needed),
      financedBeyondEstimate: idr(r.beyond),
      workerPaysInTotal: idr(r.worker_pays),
    };
    const view = totals.view;
    if (!view.isProtected) return { ...values, suppressed: false };
    // the coverage repeats the financing rows' totals (loans, grants, interest, plans) and the payer
    // table's WORKER row (worker costs): withheld when any of those rows is suppressed, and when the
    // candidates split into a small group (costs only, plan only, both)
    const payers = await payerTableOf(totals, ctx);
    const n = values.candidates;
    const both = int(r.both);
    const groups = [n - values.financedCandidates, values.financedCandidates - both, both];
    const split = groups.map((g) => viewCell(view, g, { g }));
    const whole = viewTotal(view, n, values, [...split, { suppressed: totals.anyRowSuppressed }, { suppressed: payers.disclosure.suppressedCells > 0 }]);
    const financed = viewPart(view, values.financedCandidates, n, whole.suppressed);
    return { ...whole.values, financedCandidates: whole.suppressed ? null : financed, suppressed: whole.suppressed };
  }
}

/** The payer table of a financing-totals result, computed once. */
function payerTableOf(totals: FinancingTotals, ctx: GatewayContext): Promise<PlacementCostTotals> {
  totals.payerTable ??= ctx.em
    .getConnection()
    .execute<Row[]>(
      `with cand as (${totals.candidates.sql})
       select s.payer, grouping(s.payer) as is_total,
              sum(s.amount_idr) filter (where s.timing = 'BEFORE_DEPARTURE') as before_departure,
              sum(s.amount_idr) filter (where s.timing = 'IN_KOREA') as in_korea,
              sum(s.amount_idr) as total,
              count(distinct s.placement_id) as placements,
              count(distinct p.candidate_id) as people,
              (select count(*) from placement ap where ap.status <> 'CANCELLED' and ap.candidate_id in (select id from cand)) as all_placements,
              (select count(distinct ap.candidate_id) from placement ap where ap.status <> 'CANCELLED' and ap.candidate_id in (select id from cand)) as all_people
         from placement_cost_share s
         join placement p on p.id = s.placement_id
        where p.status <> 'CANCELLED' and p.candidate_id in (select id from cand)
        group by grouping sets ((s.payer), ())
        order by is_total, s.payer`,
      [...totals.candidates.params],
    )
    .then((rows) => {
      const total = rows.find((r) => int(r.is_total) === 1);
      return protectedPlacementCosts(
        totals.view,
        rows
          .filter((r) => int(r.is_total) === 0)
          .map((r) => ({ payer: r.payer as PayerKind, beforeDeparture: r.before_departure, inKorea: r.in_korea, total: r.total, placements: int(r.placements), candidates: int(r.people) })),
        { total: total?.total, placements: int(total?.all_placements), candidates: int(total?.all_people) },
      );
    });
  return totals.payerTable;
}

// ---------------------------------------------------------------- protected view, at month ends

const ALL_PLANS = 'ALL';
const KIND_CELL = (kind: PlanFinancingKind): string => `KIND:${kind}`;
const COVERAGE_CELLS = { all: 'COVERAGE', costsOnly: 'COVERAGE:COSTS_ONLY', planOnly: 'COVERAGE:PLAN_ONLY', both: 'COVERAGE:BOTH' } as const;
type RowKey = Pick<FinancingTotalsRow, 'payer' | 'financier' | 'product' | 'kind'>;
const max0 = (v: bigint): bigint => (v > 0n ? v : 0n);

/**
 * The protected view (ANALYST, PARTNER) of `financingTotals`, computed at the month-end reference date
 * (read-models/payer-financing-series.read-model.ts): the plans as they stood at the end of each
 * month end (from their history) and the placements live then, person by person. Each figure of the
 * reference date is published only when it passes primary and secondary suppression and, against every
 * earlier month end, `protectContributionSeries`: its contributors did not move by 1 to k − 1, and
 * neither did the people whose part of it changed (a loan edited in place, one plan removed and another
 * set) — so two month ends never differ by one person's loan, cost or plan.
 */
async function protectedFinancingTotals(ctx: GatewayContext, view: AggregateView, candidates: CandidateSetSql): Promise<FinancingTotals> {
  const rule = view.rule!;
  const monthEnds = monthEndsFrom(await readFirstActivity(ctx.em), view.referenceDate);
  // the caller's rows as they were at each month end (a partner's: placements under its MoUs live then)
  const scope = monthEndAggregateScope(ctx);
  const costs = await readPayerCostSeries(ctx.em, monthEnds, scope);
  const products = await readPlanSeries(ctx.em, monthEnds, scope);
  const index = new Map(monthEnds.map((m, i) => [m, i]));
  const plans = new MonthEndCells(monthEnds);
  const keys = new Map<string, RowKey>();
  for (const f of products) {
    const i = index.get(f.monthEnd)!;
    const key: RowKey = { payer: f.payer as PayerKind, financier: f.financier as FinancierKind, product: f.product as PlanProduct, kind: f.kind };
    const cell = JSON.stringify([key.payer, key.financier, key.product, key.kind]);
    keys.set(cell, key);
    plans.add(cell, i, f.person, [f.amount, f.interest, f.totalPaid]);
    plans.add(ALL_PLANS, i, f.person, [f.amount, f.interest, f.totalPaid, f.kind === 'LOAN' ? f.amount : 0n, f.kind === 'GRANT' ? f.amount : 0n]);
    plans.add(KIND_CELL(f.kind), i, f.person, [f.amount]);
  }
  // the rows of the reference date, in the exact view's order (payer, financier, product)
  const groups = [...keys.entries()]
    .filter(([cell]) => plans.people(cell) > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cell, key]) => {
      const people = plans.people(cell);
      const [principal, interest, totalPaid] = plans.sums(cell, 3) as [bigint, bigint, bigint];
      const values = { count: people, principal: idr(principal), interest: idr(interest), totalRepaid: idr(totalPaid) };
      return { key, figure: plans.seriesPublishable(cell, rule) ? viewCell(view, people, values) : withheldFigure(values) };
    });
  const people = plans.people(ALL_PLANS);
  const [, interest, totalPaid, loans, grants] = plans.sums(ALL_PLANS, 5) as [bigint, bigint, bigint, bigint, bigint];
  const figures = groups.map((g) => g.figure);
  const ofKind = (kind: PlanFinancingKind) => groups.filter((g) => g.key.kind === kind).map((g) => g.figure);
  const guarded = <V extends object>(cell: string, values: V, covers: readonly { readonly suppressed: boolean }[]) =>
    plans.seriesPublishable(cell, rule) ? viewTotal(view, people, values, covers) : withheldFigure(values);
  const all = guarded(ALL_PLANS, { plans: people, interest: idr(interest), totalRepaid: idr(totalPaid) }, figures);
  const loanTotal = guarded(KIND_CELL('LOAN'), { loans: idr(loans) }, ofKind('LOAN'));
  const grantTotal = guarded(KIND_CELL('GRANT'), { grants: idr(grants) }, ofKind('GRANT'));
  const suppressedCells = figures.filter((f) => f.suppressed).length;
  // the whole program's live placements (ANALYST) against the seats `trends` publishes as allocated
  const payerTable = protectedPayerTableOf(view, costs, scope.all ? await readSeatsAllocatedSeries(ctx.em, monthEnds, ctx.loaders) : null);
  const anyRowSuppressed = suppressedCells > 0 || all.suppressed || loanTotal.suppressed || grantTotal.suppressed;
  return {
    rows: groups.map((g) => ({ ...g.key, ...g.figure.values, suppressed: g.figure.suppressed })),
    plans: all.values.plans,
    loans: loanTotal.values.loans,
    grants: grantTotal.values.grants,
    interest: all.values.interest,
    totalRepaid: all.values.totalRepaid,
    disclosure: disclosureOf(view, suppressedCells),
    candidates,
    view,
    anyRowSuppressed,
    payerTable: Promise.resolve(payerTable),
    protectedCoverage: protectedCoverageOf(view, costs, plans, anyRowSuppressed || payerTable.disclosure.suppressedCells > 0 || payerTable.total === null),
  };
}

/**
 * The worker coverage of the protected view: per candidate with a stored worker cost (a live
 * placement with a WORKER share) or a plan, at every month end, then summed for the reference date.
 * Withheld as a whole when a financing row or total or a payer row is withheld (`repeats`), when the
 * candidates split into a small group (costs only, plan only, both), or when any of those groups or the
 * whole moved by 1 to k − 1 people since an earlier month end.
 */
function protectedCoverageOf(view: AggregateView, costs: MonthEndCells, plans: MonthEndCells, repeats: boolean): WorkerFinancingCoverage {
  const rule = view.rule!;
  const cells = new MonthEndCells(costs.monthEnds);
  costs.monthEnds.forEach((_, i) => {
    const worker = costs.contributionsAt('WORKER', i);
    const financed = plans.contributionsAt(ALL_PLANS, i);
    for (const person of new Set([...worker.keys(), ...financed.keys()])) {
      const [wb = 0n, , wt = 0n] = worker.get(person) ?? [];
      const [, interest = 0n, , loans = 0n, grants = 0n] = financed.get(person) ?? [];
      const costed = worker.has(person);
      const hasPlan = financed.has(person);
      const values = [wt, wb, loans, grants, interest, hasPlan ? 1n : 0n, costed ? 1n : 0n];
      cells.add(COVERAGE_CELLS.all, i, person, values);
      cells.add(costed && hasPlan ? COVERAGE_CELLS.both : costed ? COVERAGE_CELLS.costsOnly : COVERAGE_CELLS.planOnly, i, person, values);
    }
  });
  const per = [...cells.contributions(COVERAGE_CELLS.all).values()];
  const sum = (f: (v: readonly bigint[]) => bigint) => per.reduce((n, v) => n + f(v), 0n);
  const [wt, wb, loans, grants, interest] = [0, 1, 2, 3, 4].map((j) => sum((v) => v[j]!)) as [bigint, bigint, bigint, bigint, bigint];
  const n = cells.people(COVERAGE_CELLS.all);
  const both = cells.people(COVERAGE_CELLS.both);
  const financedCandidates = both + cells.people(COVERAGE_CELLS.planOnly);
  const values = {
    candidates: n,
    financedCandidates,
    workerCosts: idr(wt),
    workerCostsBeforeDeparture: idr(wb),
    financedByLoans: idr(loans),
    coveredByGrants: idr(grants),
    loanInterest: idr(interest),
    cashStillNeeded: idr(sum((v) => max0(v[1]! - v[2]! - v[3]!))),
    financedBeyondEstimate: idr(sum((v) => max0(v[2]! + v[3]! - v[1]!))),
    workerPaysInTotal: idr(sum((v) => max0(v[0]! - v[3]!) + v[4]!)),
  };
  const moved = Object.values(COVERAGE_CELLS).some((c) => !cells.seriesPublishable(c, rule));
  const split = [n - financedCandidates, financedCandidates - both, both].map((g) => viewCell(view, g, { g }));
  const whole = moved ? withheldFigure(values) : viewTotal(view, n, values, [...split, { suppressed: repeats }]);
  const financed = viewPart(view, financedCandidates, n, whole.suppressed);
  return { ...whole.values, financedCandidates: whole.suppressed ? null : financed, suppressed: whole.suppressed };
}
