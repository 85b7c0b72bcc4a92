/** The vacancy board filter and its MikroORM filter. */
import { UUID } from './uuid';
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OCCUPATIONS, OPENING_STATUSES, ROUTES, type Occupation, type OpeningStatus, type Route } from '../../domain';
import { JobOpeningRecord } from '../../persistence/opening.schema';
import { OccupationEnum, RouteEnum } from '../enums';
import { MAX_FILTER_VALUES } from '../types/connection.type';
import { OpeningStatusEnum } from '../types/mou.type';

@InputType({ description: 'Filters for the vacancy board (all optional, combined with AND).' })
export class JobOpeningFilter {
  @Field(() => [RouteEnum], { nullable: true, description: 'Only these routes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...ROUTES], { each: true })
  routes?: Route[];

  @Field(() => [OccupationEnum], { nullable: true, description: 'Only these occupations.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...OCCUPATIONS], { each: true })
  occupations?: Occupation[];

  @Field(() => [OpeningStatusEnum], { nullable: true, description: 'Only these statuses (the public board shows OPEN).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...OPENING_STATUSES], { each: true })
  statuses?: OpeningStatus[];

  @Field(() => ID, { nullable: true, description: 'Only openings under this MoU.' })
  @IsOptional()
  @Matches(UUID, { message: 'mouId must be a UUID' })
  mouId?: string;

  @Field(() => ID, { nullable: true, description: 'Only openings of this employer.' })
  @IsOptional()
  @Matches(UUID, { message: 'employerPartyId must be a UUID' })
  employerPartyId?: string;
}

/**
 * `visibleStatuses`: the statuses the caller may see (access.ts `visibleOpeningStatuses`; undefined =
 * all): intersected with the filter's, so the public board never lists an unpublished opening.
 */
export function openingWhere(filter: JobOpeningFilter | undefined, visibleStatuses?: readonly OpeningStatus[]): FilterQuery<JobOpeningRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.routes?.length) where.route = { $in: filter.routes };
  if (filter?.occupations?.length) where.occupation = { $in: filter.occupations };
  const statuses = visibleStatuses
    ? (filter?.statuses?.length ? filter.statuses : [...OPENING_STATUSES]).filter((st) => visibleStatuses.includes(st))
    : filter?.statuses;
  if (statuses?.length || visibleStatuses) where.status = { $in: statuses ?? [] };
  if (filter?.mouId) where.mouId = filter.mouId.toLowerCase();
  if (filter?.employerPartyId) where.employerPartyId = filter.employerPartyId.toLowerCase();
  return where as FilterQuery<JobOpeningRecord>;
}
