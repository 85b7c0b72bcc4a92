/**
 * MoUs: list with filters (status, party, parent), one by id, relations in batches, and the
 * mutations (create, add party, add obligation, set validity, transition). Each mutation runs its use
 * case (use-cases/), which loads the MoU under a row lock, lets the domain decide, and writes the new
 * snapshot and its audit row in one transaction.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { canSeeOpening } from '../access';
import { MOU_STATUSES, MOU_STATUS_LABELS, type MouStatus } from '../../domain';
import { MouObligationRecord, MouPartyRecord, MouRecord, MouStatusChangeRecord } from '../../persistence/mou.schema';
import { JobOpeningRecord, QuotaRecord } from '../../persistence/opening.schema';
import { PartyRecord } from '../../persistence/party.schema';
import { createdOrderPage } from '../../read-models/rows';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { checkId } from '../ids';
import { runUseCase } from '../run-use-case';
import { addMouObligation } from '../../use-cases/add-mou-obligation.use-case';
import { addMouParty } from '../../use-cases/add-mou-party.use-case';
import { createMou, type CreateMouCommand } from '../../use-cases/create-mou.use-case';
import { setMouValidity } from '../../use-cases/set-mou-validity.use-case';
import { transitionMou } from '../../use-cases/transition-mou.use-case';
import { byKeyLoader, groupLoader } from '../loaders';
import { isoDateOf } from '../scalars';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, MAX_FILTER_VALUES, PageArgs, pageConnection } from '../types/connection.type';
import { BilingualText } from '../types/label.type';
import {
  AddMouObligationArgs,
  AddMouPartyArgs,
  CreateMouArgs,
  JobOpening,
  Mou,
  MouObligation,
  MouParty,
  MouStatusChange,
  MouStatusEnum,
  Quota,
  SetMouValidityArgs,
  TransitionMouArgs,
} from '../types/mou.type';
import { Party } from '../types/party.type';
import { toOpeningGql } from '../mappers/opening.mapper';
import { toPartyGql } from '../mappers/party.mapper';
import { toQuotaGql } from '../mappers/quota.mapper';
import { toMouGql } from '../mappers/mou.mapper';

export const MouConnection = connectionType(Mou, 'Mou', 'MoU');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

@InputType({ description: 'Filters for the MoU list (all optional, combined with AND).' })
export class MouFilter {
  @Field(() => [MouStatusEnum], { nullable: true, description: 'Only MoUs in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...MOU_STATUSES], { each: true })
  statuses?: MouStatus[];

  @Field(() => ID, { nullable: true, description: 'Only MoUs this party is a party to.' })
  @IsOptional()
  @Matches(UUID, { message: 'partyId must be a UUID' })
  partyId?: string;

  @Field(() => ID, { nullable: true, description: 'Only MoUs that build on this MoU.' })
  @IsOptional()
  @Matches(UUID, { message: 'parentId must be a UUID' })
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only top-level MoUs (no parent); false: only MoUs with a parent.' })
  @IsOptional()
  topLevel?: boolean;
}

@ArgsType()
export class MousArgs extends PageArgs {
  @Field(() => MouFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: MouFilter;
}

export function mouWhere(em: EntityManager, filter: MouFilter | undefined): FilterQuery<MouRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.statuses?.length) where.status = { $in: filter.statuses };
  if (filter?.parentId) where.parentMouId = filter.parentId.toLowerCase();
  if (filter?.topLevel === true) where.parentMouId = null;
  if (filter?.topLevel === false) where.parentMouId = { $ne: null };
  if (filter?.partyId) {
    const sub = em
      .createQueryBuilder(MouPartyRecord, 'mp')
      .select('mp.mou_id')
      .where({ partyId: filter.partyId.toLowerCase() })
      .getKnexQuery();
    where.id = { $in: sub };
  }
  return where as FilterQuery<MouRecord>;
}

@Resolver(() => Mou)
export class MouResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => MouConnection, { description: 'MoUs, oldest first, filtered by status, party and parent (public: the program is public information).' })
  async mous(@Args() args: MousArgs, @Ctx() ctx: GatewayContext) {
    const page = await createdOrderPage(ctx.em, MouRecord, mouWhere(ctx.em, args.filter), { first: args.first ?? DEFAULT_PAGE_SIZE, after: checkedCursor(args.after) });
    return pageConnection(page, toMouGql);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => Mou, { nullable: true, description: 'One MoU by id (null when there is none; public).' })
  async mou(@Arg('id', () => ID, { description: 'The MoU id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<Mou | null> {
    const record = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(checkId(id, ['id']));
    return record ? toMouGql(record) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { nullable: true, description: 'The MoU this one builds on.' })
  async parent(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Mou | null> {
    if (!mou.parentMouId) return null;
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(mou.parentMouId);
    return r ? toMouGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [Mou], { description: 'MoUs that build on this one.' })
  async children(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Mou[]> {
    const rows = await groupLoader<MouRecord, string>(ctx, MouRecord, 'parentMouId', [['createdAt', 'asc'], ['id', 'asc']]).load(mou.id);
    return rows.map(toMouGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { nullable: true, description: 'The MoU this one renews.' })
  async renewalOf(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Mou | null> {
    if (!mou.renewalOfMouId) return null;
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(mou.renewalOfMouId);
    return r ? toMouGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { nullable: true, description: 'The MoU that renews this one.' })
  async renewedBy(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Mou | null> {
    if (!mou.renewedByMouId) return null;
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(mou.renewedByMouId);
    return r ? toMouGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [MouParty], { description: 'Parties with their roles, in the order they were added.' })
  async parties(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<MouParty[]> {
    const rows = await groupLoader<MouPartyRecord, string>(ctx, MouPartyRecord, 'mouId', [['position', 'asc']]).load(mou.id);
    return rows.map((p) => ({
      partyId: p.partyId,
      role: p.role,
      isSignatory: p.isSignatory,
      signatoryName: p.signatoryName,
      signatoryTitle: p.signatoryTitle,
    }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [MouObligation], { description: 'Obligations of the parties, by number.' })
  async obligations(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<MouObligation[]> {
    const rows = await groupLoader<MouObligationRecord, string>(ctx, MouObligationRecord, 'mouId', [['number', 'asc']]).load(mou.id);
    return rows.map((o) => ({ partyId: o.partyId, number: o.number, text: { id: o.textId, en: o.textEn } }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [MouStatusChange], { description: 'Status history, oldest first.' })
  async history(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<MouStatusChange[]> {
    const rows = await groupLoader<MouStatusChangeRecord, string>(ctx, MouStatusChangeRecord, 'mouId', [['sequence', 'asc']]).load(mou.id);
    return rows.map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at, actor: h.actor, note: h.note }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [Quota], { description: 'Quotas per occupation and route.' })
  async quotas(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Quota[]> {
    const rows = await groupLoader<QuotaRecord, string>(ctx, QuotaRecord, 'mouId', [['occupation', 'asc'], ['route', 'asc']]).load(mou.id);
    return rows.map(toQuotaGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [JobOpening], { description: 'Job openings under this MoU (the public sees the published ones: OPEN).' })
  async openings(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<JobOpening[]> {
    const rows = await groupLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'mouId', [['createdAt', 'asc'], ['id', 'asc']]).load(mou.id);
    return rows.filter((r) => canSeeOpening(ctx.principal, r.status)).map(toOpeningGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => BilingualText, { description: 'Human-readable status.' })
  statusLabel(@Root() mou: Mou): BilingualText {
    const label = MOU_STATUS_LABELS[mou.status];
    return { id: label.id, en: label.en };
  }

  // ------------------------------------------------------------ mutations

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Create an MoU in DRAFT, optionally with its parties and obligations. OFFICER.' })
  async createMou(@Args() { input }: CreateMouArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const parties = (input.parties ?? []).map((p, i) => ({
      partyId: checkId(p.partyId, ['input', 'parties', String(i), 'partyId']),
      role: p.role,
      isSignatory: p.isSignatory,
      signatoryName: p.signatoryName ?? null,
      signatoryTitle: p.signatoryTitle ?? null,
    }));
    const command: CreateMouCommand = {
      title: { id: input.title.id, en: input.title.en },
      reference: input.reference ?? null,
      parentMouId: input.parentMouId ? checkId(input.parentMouId, ['input', 'parentMouId']) : null,
      validFrom: input.validFrom ? isoDateOf(input.validFrom) : null,
      validUntil: input.validUntil ? isoDateOf(input.validUntil) : null,
      note: input.note ?? null,
      parties,
      obligations: (input.obligations ?? []).map((o) => ({ partyId: o.partyId.toLowerCase(), text: { id: o.text.id, en: o.text.en } })),
    };
    return toMouGql(await runUseCase(ctx, createMou, command));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Add a party to an MoU (DRAFT or EXPLORATION). OFFICER.' })
  async addMouParty(@Args() { input }: AddMouPartyArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const mouId = checkId(input.mouId, ['input', 'mouId']);
    const partyId = checkId(input.partyId, ['input', 'partyId']);
    const terms = { role: input.role, isSignatory: input.isSignatory, signatoryName: input.signatoryName ?? null, signatoryTitle: input.signatoryTitle ?? null };
    return toMouGql(await runUseCase(ctx, addMouParty, { mouId, partyId, terms }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Add an obligation of one of the MoU’s parties. OFFICER.' })
  async addMouObligation(@Args() { input }: AddMouObligationArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const mouId = checkId(input.mouId, ['input', 'mouId']);
    const partyId = checkId(input.partyId, ['input', 'partyId']);
    return toMouGql(await runUseCase(ctx, addMouObligation, { mouId, partyId, text: { id: input.text.id, en: input.text.en } }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Set the validity dates of an MoU before it is signed. OFFICER.' })
  async setMouValidity(@Args() { input }: SetMouValidityArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const mouId = checkId(input.mouId, ['input', 'mouId']);
    const validFrom = input.validFrom ? isoDateOf(input.validFrom) : null;
    const validUntil = input.validUntil ? isoDateOf(input.validUntil) : null;
    return toMouGql(await runUseCase(ctx, setMouValidity, { mouId, validFrom, validUntil }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, {
    description: 'Move an MoU to another status; the state machine and its guards decide (MOU_INVALID_TRANSITION otherwise). OFFICER.',
  })
  async transitionMou(@Args() args: TransitionMouArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const id = checkId(args.id, ['id']);
    const command = { id, to: args.to, note: args.note ?? null, ...(args.signedOn ? { signedOn: isoDateOf(args.signedOn) } : {}) };
    return toMouGql(await runUseCase(ctx, transitionMou, command));
  }
}

/** Party of an MoU: resolves the party record in a batch. */
@Resolver(() => MouParty)
export class MouPartyResolver {
  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The party.' })
  async party(@Root() mp: MouParty, @Ctx() ctx: GatewayContext): Promise<Party> {
    const r = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(mp.partyId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toPartyGql(r);
  }
}

@Resolver(() => MouObligation)
export class MouObligationResolver {
  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The party that takes it on.' })
  async party(@Root() o: MouObligation, @Ctx() ctx: GatewayContext): Promise<Party> {
    const r = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(o.partyId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toPartyGql(r);
  }
}

