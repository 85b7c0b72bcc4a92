/** Quotas: list with filters, the MoU of each (batched), and `setQuota` (create or change the seats). */
import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { MouRecord } from '../../persistence/mou.schema';
import { QuotaRecord } from '../../persistence/opening.schema';
import { createdOrderPage } from '../../read-models/rows';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { checkId } from '../ids';
import { runUseCase } from '../run-use-case';
import { setQuota } from '../../use-cases/set-quota.use-case';
import { byKeyLoader } from '../loaders';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, PageArgs, pageConnection } from '../types/connection.type';
import { Mou, Quota, SetQuotaArgs } from '../types/mou.type';
import { toMouGql } from '../mappers/mou.mapper';
import { toQuotaGql } from '../mappers/quota.mapper';
import { QuotaFilter, quotaWhere } from '../inputs/quota-filter.input';

export const QuotaConnection = connectionType(Quota, 'Quota', 'quota');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

@ArgsType()
export class QuotasArgs extends PageArgs {
  @Field(() => QuotaFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: QuotaFilter;
}

@Resolver(() => Quota)
export class QuotaResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => QuotaConnection, { description: 'Quotas, oldest first, filtered by MoU, occupation and route (public).' })
  async quotas(@Args() args: QuotasArgs, @Ctx() ctx: GatewayContext) {
    const page = await createdOrderPage(ctx.em, QuotaRecord, quotaWhere(args.filter), { first: args.first ?? DEFAULT_PAGE_SIZE, after: checkedCursor(args.after) });
    return pageConnection(page, toQuotaGql);
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
    const { occupation, route, seats } = input;
    return toQuotaGql(await runUseCase(ctx, setQuota, { mouId, occupation, route, seats, ...(input.note !== undefined ? { note: input.note ?? null } : {}) }));
  }
}
