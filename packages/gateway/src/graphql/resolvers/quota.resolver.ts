/** Quotas: list with filters, the MoU of each (batched), and `setQuota` (create or change the seats). */
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { auditChange } from '../access';
import { OCCUPATIONS, Quota as DomainQuota, ROUTES, wibDateOf, type Occupation, type Route } from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import { applyQuotaSnapshot, quotaSnapshotOf, type QuotaRows } from '../../persistence/opening.mapper';
import { QuotaRecord, SeatAllocationRecord } from '../../persistence/opening.schema';
import type { GatewayContext } from '../context';
import { unwrapOrThrow } from '../domain-result';
import { GatewayError } from '../errors';
import { checkId, newId, nowTimestamp } from '../ids';
import { byKeyLoader } from '../loaders';
import { OccupationEnum, RouteEnum } from '../enums';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, MAX_FILTER_VALUES, PageArgs, toConnection } from '../types/connection.type';
import { Mou, Quota, SetQuotaArgs } from '../types/mou.type';
import { loadMouForChange, toMouGql } from './mou.resolver';

export const QuotaConnection = connectionType(Quota, 'Quota', 'quota');

export function toQuotaGql(r: QuotaRecord): Quota {
  return {
    id: r.id,
    mouId: r.mouId,
    occupation: r.occupation,
    route: r.route,
    seats: r.seats,
    allocated: r.allocated,
    remaining: r.seats - r.allocated,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

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

@ArgsType()
export class QuotasArgs extends PageArgs {
  @Field(() => QuotaFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: QuotaFilter;
}

export function quotaWhere(filter: QuotaFilter | undefined): FilterQuery<QuotaRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.mouId) where.mouId = filter.mouId.toLowerCase();
  if (filter?.occupations?.length) where.occupation = { $in: filter.occupations };
  if (filter?.routes?.length) where.route = { $in: filter.routes };
  return where as FilterQuery<QuotaRecord>;
}

/** The quota of an MoU × occupation × route with its allocations, row-locked for the transaction. */
export async function loadQuotaRowsFor(
  em: EntityManager,
  key: { mouId: string; occupation: Occupation; route: Route },
): Promise<QuotaRows | undefined> {
  const quota = await em.findOne(QuotaRecord, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!quota) return undefined;
  const allocations = await em.find(SeatAllocationRecord, { quotaId: quota.id });
  return { quota, allocations };
}

@Resolver(() => Quota)
export class QuotaResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => QuotaConnection, { description: 'Quotas, oldest first, filtered by MoU, occupation and route (public).' })
  async quotas(@Args() args: QuotasArgs, @Ctx() ctx: GatewayContext) {
    const cursor = await ctx.em.findByCursor(QuotaRecord, quotaWhere(args.filter), {
      first: args.first ?? DEFAULT_PAGE_SIZE,
      ...(args.after ? { after: checkedCursor(args.after) } : {}),
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    return toConnection(cursor, toQuotaGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { description: 'The MoU the quota belongs to.' })
  async mou(@Root() quota: Quota, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(quota.mouId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toMouGql(r);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Quota, {
    description: 'Create the quota for an MoU × occupation × route, or change its seats (never below the seats allocated). OFFICER.',
  })
  async setQuota(@Args() { input }: SetQuotaArgs, @Ctx() ctx: GatewayContext): Promise<Quota> {
    const mouId = checkId(input.mouId, ['input', 'mouId']);
    return ctx.em.transactional(async (em) => {
      const { mou } = await loadMouForChange(em, mouId, ['input', 'mouId']);
      const rows = await loadQuotaRowsFor(em, { mouId, occupation: input.occupation, route: input.route });
      let quota: DomainQuota;
      const before = rows ? quotaSnapshotOf(rows) : null;
      if (rows) {
        quota = DomainQuota.fromSnapshot(quotaSnapshotOf(rows));
        unwrapOrThrow(quota.changeSeats(input.seats));
        if (input.note !== undefined) quota = DomainQuota.fromSnapshot({ ...quota.toSnapshot(), note: input.note ?? null });
      } else {
        quota = unwrapOrThrow(
          DomainQuota.create({
            id: newId(),
            mou,
            occupation: input.occupation,
            route: input.route,
            seats: input.seats,
            note: input.note ?? null,
            asOf: wibDateOf(nowTimestamp(ctx)),
          }),
        );
      }
      const written = applyQuotaSnapshot(em, rows, quota.toSnapshot(), ctx.clock.now());
      await auditChange(em, ctx, { action: 'setQuota', entityType: 'Quota', entityId: quota.id, before, after: quota.toSnapshot() });
      await em.flush();
      return toQuotaGql(written.quota);
    });
  }
}
