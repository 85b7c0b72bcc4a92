/**
 * Aggregates for analysts and dashboards, computed in PostgreSQL (`GROUP BY`), never by loading rows
 * into the server. Each takes the same filter input as the matching list.
 */
import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AGGREGATE_RULE, PUBLIC_RULE } from '../../security/rules';
import { wibDateOf, type CandidateStage, type KotaSerangKecamatan, type Occupation, type PayerKind, type Route, type Sex } from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { AgeBandEnum, KecamatanEnum, OccupationEnum, PayerKindEnum, RouteEnum, SexEnum, type AgeBand } from '../enums';
import { nowTimestamp } from '../ids';
import { byKeyLoader } from '../loaders';
import { DateScalar, isoDateOf } from '../scalars';
import { CandidateStageEnum } from '../types/candidate.type';
import { Money, moneyFromMinor } from '../types/money.type';
import { Mou } from '../types/mou.type';
import { CandidateFilter } from './candidate.resolver';
import { JobOpeningFilter } from './opening.resolver';
import { toMouGql } from './mou.resolver';
import { QuotaFilter } from './quota.resolver';


/** A WHERE clause with `?` placeholders and its values (MikroORM/knex raw bindings). */
interface Sql {
  readonly clauses: string[];
  readonly values: unknown[];
}

function inList(sql: Sql, column: string, values: readonly string[] | undefined | null): void {
  if (!values?.length) return;
  sql.clauses.push(`${column} in (${values.map(() => '?').join(', ')})`);
  sql.values.push(...values);
}

function equals(sql: Sql, column: string, value: string | undefined | null): void {
  if (value === undefined || value === null) return;
  sql.clauses.push(`${column} = ?`);
  sql.values.push(value.toLowerCase());
}

function where(sql: Sql): string {
  return sql.clauses.length ? `where ${sql.clauses.join(' and ')}` : '';
}

// ---------------------------------------------------------------- quota fill

@ObjectType({ description: 'Seats, allocated and left for one MoU × occupation × route.' })
export class QuotaFillRow {
  mouId!: string;
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

const AGE_BAND_SQL = `case
  when c.birth_date is null then 'UNKNOWN'
  when date_part('year', age(?::date, c.birth_date)) < 18 then 'UNDER_18'
  when date_part('year', age(?::date, c.birth_date)) < 25 then 'AGE_18_24'
  when date_part('year', age(?::date, c.birth_date)) < 30 then 'AGE_25_29'
  when date_part('year', age(?::date, c.birth_date)) < 35 then 'AGE_30_34'
  when date_part('year', age(?::date, c.birth_date)) < 40 then 'AGE_35_39'
  else 'AGE_40_PLUS' end`;

@ObjectType({ description: 'Number of candidates in one stage × kecamatan × occupation × sex × age band.' })
export class CandidateCountRow {
  @Field(() => CandidateStageEnum, { description: 'Stage.' }) stage!: CandidateStage;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan (null: not a recognised Kota Serang one).' }) kecamatan!: KotaSerangKecamatan | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'Target occupation.' }) occupation!: Occupation | null;
  @Field(() => SexEnum, { nullable: true, description: 'Sex.' }) sex!: Sex | null;
  @Field(() => AgeBandEnum, { description: 'Age band on the date.' }) ageBand!: AgeBand;
  @Field(() => Int, { description: 'Candidates.' }) count!: number;
}

@ObjectType({ description: 'Candidates by stage × kecamatan × occupation × sex × age band.' })
export class CandidateCounts {
  @Field(() => DateScalar, { description: 'Date the ages are computed on.' }) asOf!: string;
  @Field(() => [CandidateCountRow], { description: 'Non-empty groups.' }) rows!: CandidateCountRow[];
  @Field(() => Int, { description: 'Candidates in all groups.' }) total!: number;
}

@ArgsType()
export class CandidateAggregateArgs {
  @Field(() => CandidateFilter, { nullable: true, description: 'The same filter as `candidates`.' })
  @IsOptional() @ValidateNested()
  filter?: CandidateFilter;

  @Field(() => DateScalar, { nullable: true, description: 'Date (default: today in WIB).' })
  @IsOptional()
  asOf?: Date;
}

function candidateSql(filter: CandidateFilter | undefined): Sql {
  const sql: Sql = { clauses: [], values: [] };
  inList(sql, 'c.stage', filter?.stages);
  inList(sql, 'c.kecamatan', filter?.kecamatans);
  inList(sql, 'c.target_occupation', filter?.occupations);
  inList(sql, 'c.target_route', filter?.routes);
  inList(sql, 'c.eligibility', filter?.eligibility);
  return sql;
}

// ---------------------------------------------------------------- stage durations

@ObjectType({ description: 'Time spent in one stage (periods that ended, plus the current one up to the date).' })
export class StageDurationRow {
  @Field(() => CandidateStageEnum, { description: 'Stage.' }) stage!: CandidateStage;
  @Field(() => Int, { description: 'Periods in this stage.' }) periods!: number;
  @Field(() => Int, { description: 'Of which still running on the date.' }) ongoing!: number;
  @Field(() => String, { description: 'Average length in days (decimal string, 2 places).' }) averageDays!: string;
  @Field(() => String, { description: 'Longest in days (decimal string, 2 places).' }) maxDays!: string;
}

// ---------------------------------------------------------------- costs by payer

@ObjectType({ description: 'Placement costs borne by one payer.' })
export class PayerCostRow {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { description: 'Before departure (IDR).' }) beforeDeparture!: Money;
  @Field(() => Money, { description: 'In Korea (IDR).' }) inKorea!: Money;
  @Field(() => Money, { description: 'Total (IDR).' }) total!: Money;
  @Field(() => Int, { description: 'Placements with a cost for this payer.' }) placements!: number;
}

@ObjectType({ description: 'Placement costs by payer, from the estimates stored at allocation.' })
export class PlacementCostTotals {
  @Field(() => [PayerCostRow], { description: 'One row per payer with costs.' }) rows!: PayerCostRow[];
  @Field(() => Money, { description: 'Total over all payers (IDR).' }) total!: Money;
  @Field(() => Int, { description: 'Placements counted (cancelled ones are left out).' }) placements!: number;
}

@ArgsType()
export class PlacementCostArgs {
  @Field(() => JobOpeningFilter, { nullable: true, description: 'The same filter as `jobOpenings` (applied to the placements’ openings).' })
  @IsOptional() @ValidateNested()
  filter?: JobOpeningFilter;
}

function openingSql(filter: JobOpeningFilter | undefined, alias: string): Sql {
  const sql: Sql = { clauses: [], values: [] };
  inList(sql, `${alias}.route`, filter?.routes);
  inList(sql, `${alias}.occupation`, filter?.occupations);
  inList(sql, `${alias}.status`, filter?.statuses);
  equals(sql, `${alias}.mou_id`, filter?.mouId);
  equals(sql, `${alias}.employer_party_id`, filter?.employerPartyId);
  return sql;
}

// ---------------------------------------------------------------- resolver

function toInt(v: unknown): number {
  return Number(v ?? 0);
}

@Resolver()
export class AggregatesResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => QuotaFill, { description: 'Quota fill by MoU × occupation × route: seats, allocated, left (SQL GROUP BY; public).' })
  async quotaFill(@Args() args: QuotaFillArgs, @Ctx() ctx: GatewayContext): Promise<QuotaFill> {
    const sql: Sql = { clauses: [], values: [] };
    equals(sql, 'q.mou_id', args.filter?.mouId);
    inList(sql, 'q.occupation', args.filter?.occupations);
    inList(sql, 'q.route', args.filter?.routes);
    const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select q.mou_id, q.occupation, q.route, sum(q.seats) as seats, sum(q.allocated) as allocated
         from quota q ${where(sql)}
        group by q.mou_id, q.occupation, q.route
        order by q.mou_id, q.occupation, q.route`,
      sql.values,
    );
    const out = rows.map((r) => {
      const seats = toInt(r.seats);
      const allocated = toInt(r.allocated);
      return { mouId: String(r.mou_id), occupation: r.occupation as Occupation, route: r.route as Route, seats, allocated, left: seats - allocated };
    });
    const seats = out.reduce((n, r) => n + r.seats, 0);
    const allocated = out.reduce((n, r) => n + r.allocated, 0);
    return { rows: out, seats, allocated, left: seats - allocated };
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => CandidateCounts, { description: 'Candidates by stage × kecamatan × occupation × sex × age band (SQL GROUP BY). OFFICER, ANALYST.' })
  async candidateCounts(@Args() args: CandidateAggregateArgs, @Ctx() ctx: GatewayContext): Promise<CandidateCounts> {
    const asOf = args.asOf ? isoDateOf(args.asOf) : wibDateOf(nowTimestamp());
    const sql = candidateSql(args.filter);
    const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select c.stage, c.kecamatan, c.target_occupation, c.sex, ${AGE_BAND_SQL} as age_band, count(*) as n
         from candidate c ${where(sql)}
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5`,
      [asOf, asOf, asOf, asOf, asOf, ...sql.values],
    );
    const out = rows.map((r) => ({
      stage: r.stage as CandidateStage,
      kecamatan: (r.kecamatan ?? null) as KotaSerangKecamatan | null,
      occupation: (r.target_occupation ?? null) as Occupation | null,
      sex: (r.sex ?? null) as Sex | null,
      ageBand: r.age_band as AgeBand,
      count: toInt(r.n),
    }));
    return { asOf, rows: out, total: out.reduce((n, r) => n + r.count, 0) };
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => [StageDurationRow], { description: 'Time candidates spend in each stage, from the stage history (SQL window + GROUP BY). OFFICER, ANALYST.' })
  async stageDurations(@Args() args: CandidateAggregateArgs, @Ctx() ctx: GatewayContext): Promise<StageDurationRow[]> {
    const until = args.asOf ? `${isoDateOf(args.asOf)}T23:59:59.999Z` : nowTimestamp();
    const sql = candidateSql(args.filter);
    const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `with periods as (
         select h.to_stage as stage, h.at as started,
                lead(h.at) over (partition by h.candidate_id order by h.sequence) as ended
           from candidate_stage_change h
           join candidate c on c.id = h.candidate_id
           ${where(sql)}
       )
       select stage, count(*) as periods, count(*) filter (where ended is null) as ongoing,
              round(avg(extract(epoch from (coalesce(ended, ?::timestamptz) - started)) / 86400)::numeric, 2) as avg_days,
              round(max(extract(epoch from (coalesce(ended, ?::timestamptz) - started)) / 86400)::numeric, 2) as max_days
         from periods
        where started <= ?::timestamptz
        group by stage
        order by stage`,
      [...sql.values, until, until, until],
    );
    return rows.map((r) => ({
      stage: r.stage as CandidateStage,
      periods: toInt(r.periods),
      ongoing: toInt(r.ongoing),
      averageDays: String(r.avg_days),
      maxDays: String(r.max_days),
    }));
  }

  @Authorized(...AGGREGATE_RULE)
  @Query(() => PlacementCostTotals, {
    description: 'Placement costs by payer (SQL GROUP BY over the estimates stored when each seat was allocated; cancelled placements left out). OFFICER, ANALYST.',
  })
  async placementCosts(@Args() args: PlacementCostArgs, @Ctx() ctx: GatewayContext): Promise<PlacementCostTotals> {
    const sql = openingSql(args.filter, 'o');
    sql.clauses.push(`p.status <> 'CANCELLED'`);
    const rows = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select s.payer,
              sum(s.amount_idr) filter (where s.timing = 'BEFORE_DEPARTURE') as before_departure,
              sum(s.amount_idr) filter (where s.timing = 'IN_KOREA') as in_korea,
              sum(s.amount_idr) as total,
              count(distinct s.placement_id) as placements
         from placement_cost_share s
         join placement p on p.id = s.placement_id
         join job_opening o on o.id = p.opening_id
         ${where(sql)}
        group by s.payer
        order by s.payer`,
      sql.values,
    );
    const count = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select count(*) as n, coalesce(sum(x.total), 0) as total from (
         select p.id, (select coalesce(sum(s.amount_idr), 0) from placement_cost_share s where s.placement_id = p.id) as total
           from placement p join job_opening o on o.id = p.opening_id ${where(sql)}) x`,
      sql.values,
    );
    return {
      rows: rows.map((r) => ({
        payer: r.payer as PayerKind,
        beforeDeparture: moneyFromMinor(String(r.before_departure ?? 0), 'IDR'),
        inKorea: moneyFromMinor(String(r.in_korea ?? 0), 'IDR'),
        total: moneyFromMinor(String(r.total ?? 0), 'IDR'),
        placements: toInt(r.placements),
      })),
      total: moneyFromMinor(String(count[0]?.total ?? 0), 'IDR'),
      placements: toInt(count[0]?.n),
    };
  }
}

@Resolver(() => QuotaFillRow)
export class QuotaFillRowResolver {
  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { description: 'The MoU.' })
  async mou(@Root() row: QuotaFillRow, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(row.mouId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toMouGql(r);
  }
}
