/** The candidate list filter (also used by the aggregates over candidates) and its MikroORM filter. */
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
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
}

export function candidateWhere(filter: CandidateFilter | undefined): FilterQuery<CandidateRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.stages?.length) where.stage = { $in: filter.stages };
  if (filter?.kecamatans?.length) where.kecamatan = { $in: filter.kecamatans };
  if (filter?.occupations?.length) where.targetOccupation = { $in: filter.occupations };
  if (filter?.routes?.length) where.targetRoute = { $in: filter.routes };
  if (filter?.eligibility?.length) where.eligibility = { $in: filter.eligibility };
  return where as FilterQuery<CandidateRecord>;
}
