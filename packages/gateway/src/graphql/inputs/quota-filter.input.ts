/** The quota list filter (also `quotaFill`) and its MikroORM filter. */
import { UUID } from './uuid';
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../../domain';
import { QuotaRecord } from '../../persistence/opening.schema';
import { OccupationEnum, RouteEnum } from '../enums';
import { MAX_FILTER_VALUES } from '../types/connection.type';

@InputType({ description: 'Filters for the quota list (all optional, combined with AND).' })
export class QuotaFilter {
  @Field(() => ID, { nullable: true, description: 'Only quotas of this MoU.' })
  @IsOptional()
  @Matches(UUID, { message: 'mouId must be a UUID' })
  mouId?: string;

  @Field(() => [OccupationEnum], { nullable: true, description: 'Only these occupations.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...OCCUPATIONS], { each: true })
  occupations?: Occupation[];

  @Field(() => [RouteEnum], { nullable: true, description: 'Only these routes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...ROUTES], { each: true })
  routes?: Route[];
}

export function quotaWhere(filter: QuotaFilter | undefined): FilterQuery<QuotaRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.mouId) where.mouId = filter.mouId.toLowerCase();
  if (filter?.occupations?.length) where.occupation = { $in: filter.occupations };
  if (filter?.routes?.length) where.route = { $in: filter.routes };
  return where as FilterQuery<QuotaRecord>;
}
