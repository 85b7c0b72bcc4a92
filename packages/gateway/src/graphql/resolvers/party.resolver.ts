/** Parties: list (Relay connection), one by id, create and update (each mutation one transaction). */
import { Party as DomainParty, PARTY_KINDS, type PartyKind } from '../../domain';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { auditChange } from '../access';
import { applyPartySnapshot, partySnapshotOf } from '../../persistence/party.mapper';
import { PartyRecord } from '../../persistence/party.schema';
import type { GatewayContext } from '../context';
import { unwrapOrThrow } from '../domain-result';
import { notFound } from '../errors';
import { checkId, newId } from '../ids';
import { byKeyLoader } from '../loaders';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, MAX_FILTER_VALUES, PageArgs, toConnection } from '../types/connection.type';
import { CreatePartyArgs, Party, PartyKindEnum, UpdatePartyArgs, type PartyDetailsInput } from '../types/party.type';

export const PartyConnection = connectionType(Party, 'Party', 'party');

export function toPartyGql(r: PartyRecord): Party {
  const s = partySnapshotOf(r);
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    shortName: s.shortName,
    nativeName: s.nativeName,
    unit: s.unit,
    country: s.country,
    regionCode: s.regionCode,
    licence: s.licence ? { ...s.licence } : null,
    representative: s.representative ? { ...s.representative } : null,
    externalRefs: s.externalRefs.map((x) => ({ ...x })),
    isExample: s.isExample,
    note: s.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

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

/** Domain patch from a GraphQL input: absent fields stay as they are; explicit nulls clear. */
function detailsPatch(input: PartyDetailsInput & { name?: string; country?: string }): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ['name', 'shortName', 'nativeName', 'unit', 'country', 'regionCode', 'isExample', 'note'] as const) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) patch[key] = value;
  }
  if (input.licence !== undefined) patch.licence = input.licence ? { ...input.licence } : null;
  if (input.representative !== undefined) patch.representative = input.representative ? { ...input.representative } : null;
  if (input.externalRefs !== undefined && input.externalRefs !== null) patch.externalRefs = input.externalRefs.map((x) => ({ ...x }));
  return patch;
}

@Resolver(() => Party)
export class PartyResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => PartyConnection, { description: 'Organisations in the program, oldest first (public).' })
  async parties(@Args() args: PartiesArgs, @Ctx() ctx: GatewayContext) {
    const cursor = await ctx.em.findByCursor(PartyRecord, partyWhere(args.filter), {
      first: args.first ?? DEFAULT_PAGE_SIZE,
      ...(args.after ? { after: checkedCursor(args.after) } : {}),
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    return toConnection(cursor, toPartyGql);
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
    return ctx.em.transactional(async (em) => {
      const party = unwrapOrThrow(DomainParty.create({ id: newId(), kind: input.kind, ...detailsPatch(input) } as never));
      const record = new PartyRecord();
      applyPartySnapshot(record, party.toSnapshot());
      record.createdAt = record.updatedAt = ctx.clock.now();
      em.persist(record);
      await auditChange(em, ctx, { action: 'createParty', entityType: 'Party', entityId: record.id, before: null, after: party.toSnapshot() });
      await em.flush();
      return toPartyGql(record);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Party, { description: 'Change the details of an organisation (never its kind). OFFICER.' })
  async updateParty(@Args() { input }: UpdatePartyArgs, @Ctx() ctx: GatewayContext): Promise<Party> {
    const id = checkId(input.id, ['input', 'id']);
    return ctx.em.transactional(async (em) => {
      const record = await em.findOne(PartyRecord, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record) throw notFound('Party', ['input', 'id']);
      const party = DomainParty.fromSnapshot(partySnapshotOf(record));
      const before = party.toSnapshot();
      unwrapOrThrow(party.update(detailsPatch(input)));
      applyPartySnapshot(record, party.toSnapshot());
      record.updatedAt = ctx.clock.now();
      await auditChange(em, ctx, { action: 'updateParty', entityType: 'Party', entityId: id, before, after: party.toSnapshot() });
      await em.flush();
      return toPartyGql(record);
    });
  }
}
