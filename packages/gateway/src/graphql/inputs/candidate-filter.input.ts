/**
 * The candidate list filter (also used by the aggregates over candidates) and its MikroORM filter.
 *
 * Besides the dimensions (stage, kecamatan, occupation, route, stored verdict) it has three date
 * ranges, each inclusive and in WIB local dates (a day runs from 00:00 to 24:00 +07:00):
 * - `registered`: the registration instant (the first stage change; `created_at` for a record without
 *   history) falls in the range;
 * - `enteredStage`: the candidate had a stage change into `stage` in the range;
 * - `departed`: one of the candidate's placements has `departed_on` in the range.
 * The ranges become SQL once, in read-models/sql-filter.ts (`candidateRangeSql`); `candidateWhere`
 * embeds that SQL as a sub-query, so the list, the exports, the financing totals and the raw-SQL
 * aggregates agree on who matches. A range whose `from` is after its `to` is refused
 * (BAD_USER_INPUT, domainCode `FILTER.DATE_RANGE_REVERSED`, field path to the range); the dates
 * themselves are bounded by the `Date` scalar (years 0001–9999). In the protected view (ANALYST,
 * PARTNER) the ranges must also be whole calendar months that are over (types/disclosure.type.ts).
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import {
  CANDIDATE_STAGES,
  KOTA_SERANG_KECAMATAN,
  OCCUPATIONS,
  ROUTES,
  type CandidateStage,
  type KotaSerangKecamatan,
  type Occupation,
  type Route,
} from '../../domain';
import { CandidateRecord, SELECTION_STATUSES, type StoredSelectionStatus } from '../../persistence/candidate.schema';
import { KecamatanEnum, OccupationEnum, RouteEnum } from '../enums';
import { CandidateStageEnum } from '../types/candidate.type';
import { MAX_FILTER_VALUES } from '../types/connection.type';
import { SelectionStatusEnum } from '../types/eligibility.type';
import { DateScalar } from '../scalars';
import { candidateRangeSql } from '../../read-models/sql-filter';

@InputType({ description: 'An inclusive range of dates (WIB: each day from 00:00 to 24:00 +07:00). `from` must not be after `to`. Protected view (ANALYST, PARTNER): whole calendar months that are over (`from` a 1st, `to` a month end before today), else DISCLOSURE.RANGE_NOT_WHOLE_MONTHS.' })
export class DateRangeFilter {
  @Field(() => DateScalar, { description: 'First day of the range (inclusive).' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day of the range (inclusive).' })
  to!: Date;
}

@InputType({ description: 'Candidates who entered a stage (a stage change into it) between two dates, inclusive, WIB.' })
export class StageEntryFilter {
  @Field(() => CandidateStageEnum, { description: 'The stage entered.' })
  @IsIn([...CANDIDATE_STAGES])
  stage!: CandidateStage;

  @Field(() => DateScalar, { description: 'First day of the range (inclusive).' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day of the range (inclusive).' })
  to!: Date;
}

/** The filter keys that are date ranges (objects with `from` and `to`). */
export const CANDIDATE_DATE_RANGE_FILTERS = ['registered', 'enteredStage', 'departed'] as const;

@InputType({ description: 'Filters for the candidate list (all optional, combined with AND).' })
export class CandidateFilter {
  @Field(() => [CandidateStageEnum], { nullable: true, description: 'Only these stages.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...CANDIDATE_STAGES], { each: true })
  stages?: CandidateStage[];

  @Field(() => [KecamatanEnum], { nullable: true, description: 'Only residents of these kecamatan (from the KTP/KK address).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...KOTA_SERANG_KECAMATAN], { each: true })
  kecamatans?: KotaSerangKecamatan[];

  @Field(() => [OccupationEnum], { nullable: true, description: 'Only candidates aiming for these occupations.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...OCCUPATIONS], { each: true })
  occupations?: Occupation[];

  @Field(() => [RouteEnum], { nullable: true, description: 'Only candidates aiming for these routes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...ROUTES], { each: true })
  routes?: Route[];

  @Field(() => [SelectionStatusEnum], { nullable: true, description: 'Only these stored selection verdicts.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...SELECTION_STATUSES], { each: true })
  eligibility?: StoredSelectionStatus[];

  @Field(() => DateRangeFilter, { nullable: true, description: 'Only candidates registered (first stage change) between these dates, inclusive, WIB.' })
  @IsOptional()
  @ValidateNested()
  registered?: DateRangeFilter;

  @Field(() => StageEntryFilter, { nullable: true, description: 'Only candidates who entered this stage between these dates, inclusive, WIB (whatever their stage now).' })
  @IsOptional()
  @ValidateNested()
  enteredStage?: StageEntryFilter;

  @Field(() => DateRangeFilter, { nullable: true, description: 'Only candidates with a placement that departed (departed_on) between these dates, inclusive.' })
  @IsOptional()
  @ValidateNested()
  departed?: DateRangeFilter;
}

/**
 * The filter as a MikroORM filter. The date ranges are the raw-SQL aggregates' own clauses
 * (`candidateRangeSql`), embedded as `id in (select … from candidate …)`; a reversed range is refused.
 */
export function candidateWhere(filter: CandidateFilter | undefined, path: readonly string[] = ['filter']): FilterQuery<CandidateRecord> {
  const where: Record<string, unknown> = {};
  const ranges = candidateRangeSql(filter, 'f_cw', {}, path);
  if (ranges.clauses.length) where.id = { $in: raw(`select f_cw.id from candidate f_cw where ${ranges.clauses.join(' and ')}`, [...ranges.values]) };
  if (filter?.stages?.length) where.stage = { $in: filter.stages };
  if (filter?.kecamatans?.length) where.kecamatan = { $in: filter.kecamatans };
  if (filter?.occupations?.length) where.targetOccupation = { $in: filter.occupations };
  if (filter?.routes?.length) where.targetRoute = { $in: filter.routes };
  if (filter?.eligibility?.length) where.eligibility = { $in: filter.eligibility };
  return where as FilterQuery<CandidateRecord>;
}
