/**
 * Aggregates for analysts and dashboards, computed in PostgreSQL (`GROUP BY`), never by loading rows
 * into the server. Each takes the same filter input as the matching list.
 *
 * Every aggregate over people runs through the domain's disclosure control (types/disclosure.type.ts,
 * `@jembatan/domain` disclosure/): OFFICER and ADMIN get exact figures, everyone else the protected
 * view (small cells suppressed, totals over them too, filters on reported dimensions only, month-end
 * reference dates, birth-year ages). `quotaFill` counts seats of the public program, not people.
 */
import { IsOptional, ValidateNested } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AGE_BANDS as MASKING_AGE_BANDS } from '../../security/masking';
import { AGGREGATE_RULE, PUBLIC_RULE } from '../../security/rules';
import {
  isSmallCell,
  kecamatanCode,
  protectSeries,
  type CandidateStage,
  type KotaSerangKecamatan,
  type Occupation,
  type PayerKind,
  type Route,
  type Sex,
} from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import { readQuotaFill } from '../../read-models/quota-fill.read-model';
import { readCandidateCountSeries } from '../../read-models/candidate-count-series.read-model';
import { checkStageSeries, readStageDurationSeries } from '../../read-models/stage-duration-series.read-model';
import { CANDIDATE_COUNT_INFLOW_SERIES, candidateCountFlowWithheld, readMonthlyInflows } from '../../read-models/stock-flow.read-model';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { AgeBandEnum, KecamatanEnum, OccupationEnum, RouteEnum, SexEnum, type AgeBand } from '../enums';
import { nowTimestamp } from '../ids';
import { byKeyLoader } from '../loaders';
import { selectedFieldNames } from '../selection';
import { DateScalar, isoDateOf } from '../scalars';
import { CandidateStageEnum } from '../types/candidate.type';
import {
  checkProtectedFilter,
  datedAggregateView,
  Disclosure,
  disclosureOf,
  type AggregateView,
  todayWib,
  viewCell,
  viewPart,
  viewTotal,
} from '../types/disclosure.type';
import { Mou } from '../types/mou.type';
import { CandidateFilter } from '../inputs/candidate-filter.input';
import { JobOpeningFilter } from '../inputs/job-opening-filter.input';
import { toMouGql } from '../mappers/mou.mapper';
import { QuotaFilter } from '../inputs/quota-filter.input';
import { PlacementCostTotals, protectedPayerTableOf, protectedPlacementCosts } from '../types/placement-costs.type';
import { monthEndsFrom, readFirstActivity, readPayerCostSeries, readSeatsAllocatedSeries } from '../../read-models/payer-financing-series.read-model';
import { candidateFilterSql, emptySql, equals, inList, stageOnSql, where, wibDayEnd, type Sql } from '../../read-models/sql-filter';

// ---------------------------------------------------------------- quota fill

@ObjectType({ description: 'Seats, allocated and left for one MoU × occupation × route.' })
export class QuotaFillRow {
  mouId!: string;
  /** The MoU, when the quota fill's statement fetched it (the query selected `mou`). */
  mou?: MouRecord | undefined;
  @Field(() => OccupationEnum, { description: 'Occupation.' }) occupation!: Occupation;
  @Field(() => RouteEnum, { description: 'Route.' }) route!: Route;
  @Field(() => Int, { description: 'Seats.' }) seats!: number;
  @Field(() => Int, { description: 'Allocated.' }) allocated!: number;
  @Field(() => Int, { description: 'Left.' }) left!: number;
}

@ObjectType({ description: 'Quota fill by MoU × occupation × route, with totals.' })
export class QuotaFill {
  @Field(() => [QuotaFillRow], { description: 'One row per MoU × occupation × route.' }) rows!: QuotaFillRow[];
  @Field(() => Int, { description: 'Seats in all rows.' }) seats!: number;
  @Field(() => Int, { description: 'Allocated in all rows.' }) allocated!: number;
  @Field(() => Int, { description: 'Left in all rows.' }) left!: number;
}

@ArgsType()
export class QuotaFillArgs {
  @Field(() => QuotaFilter, { nullable: true, description: 'The same filter as `quotas`.' })
  @IsOptional() @ValidateNested()
  filter?: QuotaFilter;
}

// ---------------------------------------------------------------- candidates

export { AGE_BANDS, AgeBandEnum, type AgeBand } from '../enums';

/**
 * The age band of `age` (a SQL expression in whole years, null when no birth date is known), from
 * the bands of security/masking.ts (one definition for records and aggregates).
 */
function ageBandSql(age: string): string {
  const cases = MASKING_AGE_BANDS.filter((b) => Number.isFinite(b.max)).map((b) => `when ${age} < ${b.max + 1} then '${b.code}'`);
  const top = MASKING_AGE_BANDS.find((b) => !Number.isFinite(b.max));
  return `case when ${age} is null then 'UNKNOWN' ${cases.join(' ')} else '${top?.code ?? 'UNKNOWN'}' end`;
}

/** Exact view: age on the date (birthday rule). Protected view: the age reached in the date's calendar year (birth-year based, read-models/candidate-count-series.read-model.ts). */
const EXACT_AGE_SQL = `date_part('year', age(?::date, c.birth_date))`;

@ObjectType({ description: 'Number of candidates in one stage × kecamatan × occupation × sex × age band.' })
export class CandidateCountRow {
  @Field(() => CandidateStageEnum, { description: 'Stage.' }) stage!: CandidateStage;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan (null: not a recognised Kota Serang one).' }) kecamatan!: KotaSerangKecamatan | null;
  @Field(() => String, { nullable: true, description: 'Kemendagri code of the kecamatan ("36.73.01"), for joins to maps; null with `kecamatan`. See `regions`.' }) kecamatanCode!: string | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'Target occupation.' }) occupation!: Occupation | null;
  @Field(() => SexEnum, { nullable: true, description: 'Sex.' }) sex!: Sex | null;
  @Field(() => AgeBandEnum, { description: 'Age band on the date (protected view: from the age reached in the reference date’s calendar year).' }) ageBand!: AgeBand;
  @Field(() => Int, { nullable: true, description: 'Candidates; null when the cell is suppressed (1 to minCellCount − 1 candidates, protected view).' }) count!: number | null;
  @Field(() => Boolean, { description: 'True when the cell has too few candidates to publish (protected view): `count` is null, never 0.' }) suppressed!: boolean;
}

@ObjectType({ description: 'Candidates by stage × kecamatan × occupation × sex × age band.' })
export class CandidateCounts {
  @Field(() => DateScalar, { description: 'Date the counts are for (who was registered and in which stage at the end of it, WIB) and the ages are computed on (protected view: the reference date).' }) asOf!: string;
  @Field(() => [CandidateCountRow], { description: 'Non-empty groups (suppressed ones included, marked).' }) rows!: CandidateCountRow[];
  @Field(() => Int, { nullable: true, description: 'Candidates in all groups; null when any group is suppressed (so that no suppressed group can be worked out by subtraction).' }) total!: number | null;
  @Field(() => Disclosure, { description: 'How the figures were protected.' }) disclosure!: Disclosure;
}

@ArgsType()
export class CandidateAggregateArgs {
  @Field(() => CandidateFilter, { nullable: true, description: 'The same filter as `candidates`, evaluated on `asOf`: `stages` is the stage on that date, the date ranges only count what happened by then. Protected view: see each aggregate for the filters it accepts.' })
  @IsOptional() @ValidateNested()
  filter?: CandidateFilter;

  @Field(() => DateScalar, { nullable: true, description: 'Date (default: today in WIB): the figures are as the histories stood at the end of it (WIB). Protected view: snapped to the last month end on or before it that has passed.' })
  @IsOptional()
  asOf?: Date;
}

/** The candidate filters that select dimensions `candidateCounts` reports (stage, kecamatan, occupation). */
export const CANDIDATE_COUNT_FILTERS = ['stages', 'kecamatans', 'occupations'] as const;

// ---------------------------------------------------------------- stage durations

@ObjectType({ description: 'Time spent in one stage up to the date: periods that ended by then, plus the running ones up to the date.' })
export class StageDurationRow {
  @Field(() => CandidateStageEnum, { description: 'Stage.' }) stage!: CandidateStage;
  @Field(() => Int, { nullable: true, description: 'Periods in this stage; null when suppressed, and always null in the protected view (counts of people per stage come from `candidateCounts` and `trends`: cumulative periods at two month ends minus the published `trends` months would give a withheld month away).' }) periods!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of which still running on the date; null when suppressed, and always null in the protected view (it is the number of people in the stage on the date, which `candidateCounts` publishes cell by cell: their sum here would give the suppressed cells away).' }) ongoing!: number | null;
  @Field(() => String, { nullable: true, description: 'Average length in days (decimal string, 2 places); null when suppressed.' }) averageDays!: string | null;
  @Field(() => String, { nullable: true, description: 'Longest in days (decimal string, 2 places): one person’s value, so not published in the protected view (null).' }) maxDays!: string | null;
  @Field(() => Boolean, { description: 'True when the average is withheld (protected view): fewer than minCellCount candidates had a period in this stage, or its periods, running periods or ended periods moved by 1 to minCellCount − 1 since an earlier month end.' }) suppressed!: boolean;
}

@ObjectType({ description: 'Time candidates spend in each stage, from the stage history.' })
export class StageDurations {
  @Field(() => DateScalar, { description: 'Date the durations run to (protected view: the reference date).' }) asOf!: string;
  @Field(() => [StageDurationRow], { description: 'One row per stage with periods.' }) rows!: StageDurationRow[];
  @Field(() => Disclosure, { description: 'How the figures were protected.' }) disclosure!: Disclosure;
}

// ---------------------------------------------------------------- costs by payer

@ArgsType()
export class PlacementCostArgs {
  @Field(() => JobOpeningFilter, {
    nullable: true,
    description: 'The same filter as `jobOpenings` (applied to the placements’ openings). Protected view: refused (the rows are by payer only).',
  })
  @IsOptional() @ValidateNested()
  filter?: JobOpeningFilter;
}

function openingSql(filter: JobOpeningFilter | undefined, alias: string): Sql {
  const sql = emptySql();
  inList(sql, `${alias}.route`, filter?.routes);
  inList(sql, `${alias}.occupation`, filter?.occupations);
  inList(sql, `${alias}.status`, filter?.statuses);
  equals(sql, `${alias}.mou_id`, filter?.mouId);
  equals(sql, `${alias}.employer_party_id`, filter?.employerPartyId);
  return sql;
}


// ---------------------------------------------------------------- candidate counts, point in time

type CountKey = Pick<CandidateCountRow, 'stage' | 'kecamatan' | 'occupation' | 'sex' | 'ageBand'>;
interface CountCells {
  readonly cells: ReadonlyArray<{ readonly key: CountKey; readonly n: number; readonly seriesPublishable: boolean }>;
}

function countKeyOf(r: Readonly<Record<string, unknown>>): CountKey {
  return {
    stage: r.stage as CandidateStage,
    kecamatan: (r.kecamatan ?? null) as KotaSerangKecamatan | null,
    occupation: (r.occupation ?? null) as Occupation | null,
    sex: (r.sex ?? null) as Sex | null,
    ageBand: r.ageBand as AgeBand,
  };
}

/** Exact view: who was registered by the end of `asOf` (WIB), in the stage they were in then, ages on `asOf`. */
async function exactCountCells(ctx: GatewayContext, asOf: string, filter: CandidateFilter | undefined): Promise<CountCells> {
  const sql = candidateFilterSql(filter, 'c', { asOf });
  const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
    `with x as (
       select ${stageOnSql('c')} as stage, c.kecamatan, c.target_occupation, c.sex,
              case when c.birth_date is null then null else ${EXACT_AGE_SQL} end as age
         from candidate c ${where(sql)})
     select stage, kecamatan, target_occupation, sex, ${ageBandSql('age')} as age_band, count(*) as n
       from x
      group by 1, 2, 3, 4, 5
      order by 1, 2, 3, 4, 5`,
    [wibDayEnd(asOf), asOf, ...sql.values],
  );
  return {
    cells: rows.map((r) => ({ key: countKeyOf({ ...r, occupation: r.target_occupation, ageBand: r.age_band }), n: toInt(r.n), seriesPublishable: true })),
  };
}

/**
 * Protected view: the same table at every month end up to the reference date, each cell's value at
 * the reference date checked against its earlier values (`protectSeries`). The stage filter selects
 * cells of the table (the stage on each month end), as kecamatans and occupations do, so a filtered
 * answer is the selected cells of the unfiltered one. The total needs no series check of its own: it
 * is published only when every cell is, and then it is their sum, which anyone can add up. (Two sums
 * of published cells at two month ends can still differ by less than k: a net flow between cells,
 * each of which moved by 0 or at least k, not a group of people the table withholds.) Against
 * `trends`, such a sum (a stage's stock, whole or in one kecamatan or occupation) minus the entries
 * published for the months between is the people who left: the smallest cell of a stage whose
 * derived outflow fails `protectDerivedSeries` is withheld (read-models/stock-flow.read-model.ts).
 */
async function protectedCountCells(ctx: GatewayContext, view: AggregateView, filter: CandidateFilter | undefined): Promise<CountCells> {
  const rule = view.rule!;
  // the whole table: what is withheld is decided on it (stocks against trends' flows couple the
  // cells of a stage, kecamatan or occupation), and the filter selects its cells afterwards
  const { monthEnds, rows } = await readCandidateCountSeries(ctx.em, view.referenceDate, undefined, ageBandSql);
  const selects = (values: readonly string[] | null | undefined, v: string | null) => !values?.length || (v !== null && values.includes(v));
  const selected = (r: { stage: string; kecamatan: string | null; occupation: string | null }) =>
    selects(filter?.stages, r.stage) && selects(filter?.kecamatans, r.kecamatan) && selects(filter?.occupations, r.occupation);
  const index = new Map(monthEnds.map((m, i) => [m, i]));
  const series = new Map<string, { key: CountKey; values: number[] }>();
  for (const r of rows) {
    const key = countKeyOf({ ...r });
    const id = JSON.stringify(key);
    const s = series.get(id) ?? { key, values: monthEnds.map(() => 0) };
    s.values[index.get(r.monthEnd)!] = r.n;
    series.set(id, s);
  }
  const last = monthEnds.length - 1;
  const own = new Map([...series].map(([id, s]) => [id, protectSeries(s.values, rule)[last] === true && !isSmallCell(s.values[last]!, rule)]));
  // stocks against flows (read-models/stock-flow.read-model.ts): a stage's stock, whole or in one
  // kecamatan or occupation, added up from published cells, minus the entries trends publishes must not give a small outflow
  const inflows = monthEnds.length ? await readMonthlyInflows(ctx.em, CANDIDATE_COUNT_INFLOW_SERIES, view.referenceDate, ctx.loaders) : [];
  const flowWithheld = candidateCountFlowWithheld(
    monthEnds,
    [...series].map(([id, s]) => ({ id, stage: s.key.stage, kecamatan: s.key.kecamatan, occupation: s.key.occupation, values: s.values, published: own.get(id)! })),
    inflows,
    rule,
  );
  // the rows of the reference date, in the SQL order (as the exact view's)
  const cells = rows
    .filter((r) => r.monthEnd === monthEnds[last] && selected(r))
    .map((r) => JSON.stringify(countKeyOf({ ...r })))
    .map((id) => ({ key: series.get(id)!.key, n: series.get(id)!.values[last]!, seriesPublishable: own.get(id)! && !flowWithheld.has(id) }));
  return { cells };
}

// ---------------------------------------------------------------- stage durations, by view

/** Exact view: the durations to the end of `asOf` (WIB), or to now without it; the filter as on that date. */
async function exactStageDurations(ctx: GatewayContext, view: AggregateView, args: CandidateAggregateArgs): Promise<StageDurationRow[]> {
  const asOf = args.asOf ? isoDateOf(args.asOf) : undefined;
  // inclusive: the last millisecond of the date (WIB), or now
  const until = asOf ? `${asOf}T23:59:59.999+07:00` : nowTimestamp(ctx);
  // the filter selects candidates as they were on the date (stage on the date, registered by then)
  const sql = candidateFilterSql(args.filter, 'c', asOf ? { asOf } : {});
  const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
    `with changes as (
       select h.candidate_id, h.to_stage as stage, h.at as started,
              lead(h.at) over (partition by h.candidate_id order by h.sequence) as next_at
         from candidate_stage_change h
         join candidate c on c.id = h.candidate_id
         ${where(sql)}
     ),
     periods as (
       select candidate_id, stage, started, case when next_at <= ?::timestamptz then next_at end as ended
         from changes
        where started <= ?::timestamptz
     )
     select stage, count(*) as periods, count(distinct candidate_id) as people, count(*) filter (where ended is null) as ongoing,
            round(avg(extract(epoch from (coalesce(ended, ?::timestamptz) - started)) / 86400)::numeric, 2) as avg_days,
            round(max(extract(epoch from (coalesce(ended, ?::timestamptz) - started)) / 86400)::numeric, 2) as max_days
       from periods
      group by stage
      order by stage`,
    [...sql.values, until, until, until, until],
  );
  return rows.map((r) => {
    const periods = toInt(r.periods);
    const cell = viewCell(view, toInt(r.people), { periods, averageDays: String(r.avg_days) });
    return {
      stage: r.stage as CandidateStage,
      periods: cell.values.periods,
      ongoing: viewPart(view, toInt(r.ongoing), periods, cell.suppressed),
      averageDays: cell.values.averageDays,
      maxDays: String(r.max_days),
      suppressed: cell.suppressed,
    };
  });
}

/**
 * Protected view: the average length of each stage on the reference date, and no count at all
 * (`periods`, `ongoing` and `maxDays` are always null). The counts of people per stage are published
 * by `candidateCounts` (stocks) and `trends` (entries per month), each with its own rules; a
 * cumulative period count here, differenced across month ends, would give the entries of a month
 * that `trends` withholds (issue 12 review, gap b). The average is published only when the stage had
 * at least k people, and its periods, running periods and ended periods each passed the series check
 * against the earlier month ends (`checkStageSeries`, computed from the month-end figures of
 * read-models/stage-duration-series.read-model.ts, never published): an average published at two
 * month ends then differs by the days of 0 or at least k entries and of 0 or at least k exits, never
 * by one person's entry or exit date. No maxima.
 */
async function protectedStageDurations(ctx: GatewayContext, view: AggregateView): Promise<StageDurationRow[]> {
  const rule = view.rule!;
  const { monthEnds, rows } = await readStageDurationSeries(ctx.em, view.referenceDate);
  const index = new Map(monthEnds.map((m, i) => [m, i]));
  const series = new Map<string, Array<{ periods: number; ongoing: number }>>();
  for (const r of rows) {
    const values = series.get(r.stage) ?? monthEnds.map(() => ({ periods: 0, ongoing: 0 }));
    values[index.get(r.monthEnd)!] = { periods: r.periods, ongoing: r.ongoing };
    series.set(r.stage, values);
  }
  const last = monthEnds[monthEnds.length - 1];
  return rows
    .filter((r) => r.monthEnd === last)
    .map((r) => {
      const check = checkStageSeries(series.get(r.stage)!, rule);
      const values = { averageDays: r.averageDays as string | null };
      const cell = check.periods && check.ongoing ? viewCell(view, r.people, values) : { suppressed: true, values: { averageDays: null } };
      return {
        stage: r.stage as CandidateStage,
        // never in the protected view: the cumulative periods at two month ends minus the entries of
        // the months `trends` publishes would give the entries of a month it withholds
        periods: null,
        // never in the protected view: the running periods of a stage on a date are the people in that
        // stage then, which candidateCounts publishes cell by cell with its own suppression; publishing
        // their sum here would let an analyst subtract the published cells and get the suppressed ones
        ongoing: null,
        averageDays: cell.values.averageDays,
        // a maximum is one person's value (`protectExtreme`): not even computed in the protected view
        maxDays: null,
        suppressed: cell.suppressed,
      };
    });
}

// ---------------------------------------------------------------- resolver

function toInt(v: unknown): number {
  return Number(v ?? 0);
}

@Resolver()
export class AggregatesResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => QuotaFill, { description: 'Quota fill by MoU × occupation × route: seats, allocated, left (SQL GROUP BY; public).' })
  async quotaFill(@Args() args: QuotaFillArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<QuotaFill> {
    // each row's MoU comes in the same statement when selected (read-models/quota-fill.read-model.ts)
    return readQuotaFill(ctx.em, args.filter ?? {}, { mou: selectedFieldNames(info, ['rows']).has('mou') });
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => CandidateCounts, {
    description:
      'Candidates by stage × kecamatan × occupation × sex × age band on a date (SQL GROUP BY over the stage history): only candidates registered by the end of the date (WIB), each in the stage they were in on that date; `stages` selects that stage, the date ranges are cut at the date. Kecamatan, occupation, sex and birth date are the current profile values (exact view) or, in the protected view, those the gateway knew at each month end, so that a later change never moves a closed month. OFFICER (exact), ANALYST (protected view: small cells suppressed, filters on stages, kecamatans and occupations only, date and ages on the month-end reference date, a cell withheld when it moved by 1 to minCellCount − 1 since an earlier month end, or when the stock of its stage (whole, in its kecamatan or its occupation) against the entries `trends` publishes would give 1 to minCellCount − 1 people who left; see `Disclosure`).',
  })
  async candidateCounts(@Args() args: CandidateAggregateArgs, @Ctx() ctx: GatewayContext): Promise<CandidateCounts> {
    const view = datedAggregateView(ctx, args.asOf ? isoDateOf(args.asOf) : undefined);
    checkProtectedFilter(view, args.filter, CANDIDATE_COUNT_FILTERS);
    const asOf = view.referenceDate;
    const table = view.isProtected ? await protectedCountCells(ctx, view, args.filter) : await exactCountCells(ctx, asOf, args.filter);
    const cells = table.cells.map((c) => ({
      key: c.key,
      // temporal suppression (protected view): a value that differs from an earlier published one by 1 to k − 1 is withheld
      figure: c.seriesPublishable ? viewCell(view, c.n, { count: c.n }) : { suppressed: true, values: { count: null as number | null } },
    }));
    const all = table.cells.reduce((n, c) => n + c.n, 0);
    const total = viewTotal(view, all, { total: all }, cells.map((c) => c.figure));
    return {
      asOf,
      rows: cells.map((c) => ({ ...c.key, kecamatanCode: c.key.kecamatan ? kecamatanCode(c.key.kecamatan) : null, count: c.figure.values.count, suppressed: c.figure.suppressed })),
      total: total.values.total,
      disclosure: disclosureOf(view, cells.filter((c) => c.figure.suppressed).length),
    };
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => StageDurations, {
    description:
      'Time candidates spend in each stage up to the date, from the stage history (SQL window + GROUP BY; a period that ended after the date counts as running). OFFICER (exact), ANALYST (protected view: no filter, durations to the month-end reference date, averages only: no period, running or maximum figure; an average is withheld for a stage with few candidates or whose periods, running or ended periods moved by 1 to minCellCount − 1 since an earlier month end; see `Disclosure`).',
  })
  async stageDurations(@Args() args: CandidateAggregateArgs, @Ctx() ctx: GatewayContext): Promise<StageDurations> {
    const view = datedAggregateView(ctx, args.asOf ? isoDateOf(args.asOf) : undefined);
    // the filter selects candidates by their stage on the date, not the stage of a period: it would cut every row, so none is accepted
    checkProtectedFilter(view, args.filter, []);
    const out = view.isProtected ? await protectedStageDurations(ctx, view) : await exactStageDurations(ctx, view, args);
    return {
      asOf: view.isProtected ? view.referenceDate : (args.asOf ? isoDateOf(args.asOf) : todayWib(ctx)),
      rows: out,
      disclosure: disclosureOf(view, out.filter((r) => r.suppressed).length),
    };
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => PlacementCostTotals, {
    description:
      'Placement costs by payer (SQL GROUP BY over the estimates stored when each seat was allocated; cancelled placements left out). OFFICER (exact: the placements not cancelled today). ANALYST (protected view: no filter; the placements live at the month-end reference date `disclosure.referenceDate` — allocated by then and not cancelled by then —, payers with few candidates suppressed and the totals with them, and every row or total whose candidates or figures moved by 1 to minCellCount − 1 people since an earlier month end withheld; see `Disclosure`).',
  })
  async placementCosts(@Args() args: PlacementCostArgs, @Ctx() ctx: GatewayContext): Promise<PlacementCostTotals> {
    const view = datedAggregateView(ctx, undefined);
    checkProtectedFilter(view, args.filter, []);
    if (view.isProtected) {
      // the month-end table, each figure checked against the earlier month ends (temporal rule)
      const monthEnds = monthEndsFrom(await readFirstActivity(ctx.em), view.referenceDate);
      return protectedPayerTableOf(view, await readPayerCostSeries(ctx.em, monthEnds, { all: true }), await readSeatsAllocatedSeries(ctx.em, monthEnds, ctx.loaders));
    }
    const sql = openingSql(args.filter, 'o');
    sql.clauses.push(`p.status <> 'CANCELLED'`);
    const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select s.payer,
              sum(s.amount_idr) filter (where s.timing = 'BEFORE_DEPARTURE') as before_departure,
              sum(s.amount_idr) filter (where s.timing = 'IN_KOREA') as in_korea,
              sum(s.amount_idr) as total,
              count(distinct s.placement_id) as placements,
              count(distinct p.candidate_id) as candidates
         from placement_cost_share s
         join placement p on p.id = s.placement_id
         join job_opening o on o.id = p.opening_id
         ${where(sql)}
        group by s.payer
        order by s.payer`,
      sql.values,
    );
    const count = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select count(*) as n, count(distinct x.candidate_id) as candidates, coalesce(sum(x.total), 0) as total from (
         select p.id, p.candidate_id, (select coalesce(sum(s.amount_idr), 0) from placement_cost_share s where s.placement_id = p.id) as total
           from placement p join job_opening o on o.id = p.opening_id ${where(sql)}) x`,
      sql.values,
    );
    return protectedPlacementCosts(
      view,
      rows.map((r) => ({ payer: r.payer as PayerKind, beforeDeparture: r.before_departure, inKorea: r.in_korea, total: r.total, placements: toInt(r.placements), candidates: toInt(r.candidates) })),
      { total: count[0]?.total, placements: toInt(count[0]?.n), candidates: toInt(count[0]?.candidates) },
    );
  }
}

@Resolver(() => QuotaFillRow)
export class QuotaFillRowResolver {
  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { description: 'The MoU.' })
  mou(@Root() row: QuotaFillRow, @Ctx() ctx: GatewayContext): Mou | Promise<Mou> {
    // fetched with the rows (no statement, no promise), else through the request's batched loader
    return row.mou ? toMouGql(row.mou) : this.loadMou(row, ctx);
  }

  private async loadMou(row: QuotaFillRow, ctx: GatewayContext): Promise<Mou> {
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(row.mouId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toMouGql(r);
  }
}
