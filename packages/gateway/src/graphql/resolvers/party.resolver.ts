/** Parties: list (Relay connection), one by id, create and update (each mutation one transaction). */
import { PARTY_KINDS, type PartyKind } from '../../domain';
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { PartyRecord } from '../../persistence/party.schema';
import { createdOrderPage } from '../../read-models/rows';
import type { GatewayContext } from '../context';
import { checkId } from '../ids';
import { runUseCase } from '../run-use-case';
import { createParty, type PartyDetailsPatch } from '../../use-cases/create-party.use-case';
import { updateParty } from '../../use-cases/update-party.use-case';
import { byKeyLoader } from '../loaders';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, MAX_FILTER_VALUES, PageArgs, pageConnection } from '../types/connection.type';
import { CreatePartyArgs, Party, PartyKindEnum, UpdatePartyArgs, type PartyDetailsInput } from '../types/party.type';
import { toPartyGql } from '../mappers/party.mapper';

export const PartyConnection = connectionType(Party, 'Party', 'party');

@InputType({ description: 'Filters for the party list (all optional, combined with AND).' })
export class PartyFilter {
  @Field(() => [PartyKindEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...PARTY_KINDS], { each: true })
  kinds?: PartyKind[];

  @Field(() => String, { nullable: true, description: 'Only parties in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  country?: string;
}

@ArgsType()
export class PartiesArgs extends PageArgs {
  @Field(() => PartyFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: PartyFilter;
}

export function partyWhere(filter: PartyFilter | undefined): FilterQuery<PartyRecord> {
  const where: FilterQuery<PartyRecord> & Record<string, unknown> = {};
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter?.country) where.country = filter.country;
  return where;
}

/** The domain patch from a GraphQL input: absent fields stay as they are; explicit nulls clear. */
function detailsPatch(input: PartyDetailsInput & { name?: string; country?: string }): PartyDetailsPatch {
  return {
    name: input.name,
    shortName: input.shortName,
    nativeName: input.nativeName,
    unit: input.unit,
    country: input.country,
    regionCode: input.regionCode,
    licence: input.licence === undefined ? undefined : input.licence ? { ...input.licence } : null,
    representative: input.representative === undefined ? undefined : input.representative ? { ...input.representative } : null,
    // the list is replaced as a whole; null leaves it as it is
    externalRefs: input.externalRefs?.map((x) => ({ ...x })),
    isExample: input.isExample,
    note: input.note,
  };
}

@Resolver(() => Party)
export class PartyResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => PartyConnection, { description: 'Organisations in the program, oldest first (public).' })
  async parties(@Args() args: PartiesArgs, @Ctx() ctx: GatewayContext) {
    const page = await createdOrderPage(ctx.em, PartyRecord, partyWhere(args.filter), { first: args.first ?? DEFAULT_PAGE_SIZE, after: checkedCursor(args.after) });
    return pageConnection(page, toPartyGql);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => Party, { nullable: true, description: 'One party by id (null when there is none; public).' })
  async party(@Arg('id', () => ID, { description: 'The party id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<Party | null> {
    const record = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(checkId(id, ['id']));
    return record ? toPartyGql(record) : null;
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Party, { description: 'Register an organisation. OFFICER.' })
  async createParty(@Args() { input }: CreatePartyArgs, @Ctx() ctx: GatewayContext): Promise<Party> {
    const details = { ...detailsPatch(input), name: input.name, country: input.country };
    return toPartyGql(await runUseCase(ctx, createParty, { kind: input.kind, details }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Party, { description: 'Change the details of an organisation (never its kind). OFFICER.' })
  async updateParty(@Args() { input }: UpdatePartyArgs, @Ctx() ctx: GatewayContext): Promise<Party> {
    const id = checkId(input.id, ['input', 'id']);
    return toPartyGql(await runUseCase(ctx, updateParty, { id, patch: detailsPatch(input) }));
  }
}
