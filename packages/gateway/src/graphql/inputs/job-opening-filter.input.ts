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

/** What a vacancy board request selects, decided once: the MikroORM filter and the job board SQL both come from it. */
export interface OpeningCriteria {
  readonly routes: readonly Route[] | undefined;
  readonly occupations: readonly Occupation[] | undefined;
  /** undefined: every status; empty: none (a caller who may see no status the filter names). */
  readonly statuses: readonly OpeningStatus[] | undefined;
  /** Lower-cased. */
  readonly mouId: string | undefined;
  /** Lower-cased. */
  readonly employerPartyId: string | undefined;
}

/**
 * `visibleStatuses`: the statuses the caller may see (access.ts `visibleOpeningStatuses`; undefined =
 * all): intersected with the filter's, so the public board never lists an unpublished opening.
 */
export function openingCriteria(filter: JobOpeningFilter | undefined, visibleStatuses?: readonly OpeningStatus[]): OpeningCriteria {
  const statuses = visibleStatuses
    ? (filter?.statuses?.length ? filter.statuses : [...OPENING_STATUSES]).filter((st) => visibleStatuses.includes(st))
    : filter?.statuses?.length
      ? filter.statuses
      : undefined;
  return {
    routes: filter?.routes?.length ? filter.routes : undefined,
    occupations: filter?.occupations?.length ? filter.occupations : undefined,
    statuses,
    mouId: filter?.mouId ? filter.mouId.toLowerCase() : undefined,
    employerPartyId: filter?.employerPartyId ? filter.employerPartyId.toLowerCase() : undefined,
  };
}

/** The criteria as a MikroORM filter (counts, exports). */
export function criteriaWhere(c: OpeningCriteria): FilterQuery<JobOpeningRecord> {
  const where: Record<string, unknown> = {};
  if (c.routes) where.route = { $in: c.routes };
  if (c.occupations) where.occupation = { $in: c.occupations };
  if (c.statuses) where.status = { $in: c.statuses };
  if (c.mouId) where.mouId = c.mouId;
  if (c.employerPartyId) where.employerPartyId = c.employerPartyId;
  return where as FilterQuery<JobOpeningRecord>;
}

/** `openingCriteria` as a MikroORM filter. */
export function openingWhere(filter: JobOpeningFilter | undefined, visibleStatuses?: readonly OpeningStatus[]): FilterQuery<JobOpeningRecord> {
  return criteriaWhere(openingCriteria(filter, visibleStatuses));
}
