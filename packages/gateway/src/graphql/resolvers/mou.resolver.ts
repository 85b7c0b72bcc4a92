/**
 * MoUs: list with filters (status, party, parent), one by id, relations in batches, and the
 * mutations (create, add party, add obligation, set validity, transition). Each mutation loads the
 * MoU under a row lock, lets the domain decide, and writes the new snapshot in one transaction.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { auditChange, canSeeOpening } from '../access';
import { Mou as DomainMou, MOU_STATUSES, MOU_STATUS_LABELS, MOU_TRANSITIONS, Party as DomainParty, type MouStatus } from '../../domain';
import { applyMouSnapshot, loadMouRows, mouSnapshotOf, type MouRows } from '../../persistence/mou.mapper';
import { MouObligationRecord, MouPartyRecord, MouRecord, MouStatusChangeRecord } from '../../persistence/mou.schema';
import { JobOpeningRecord, QuotaRecord } from '../../persistence/opening.schema';
import { partySnapshotOf } from '../../persistence/party.mapper';
import { PartyRecord } from '../../persistence/party.schema';
import type { GatewayContext } from '../context';
import { unwrapOrThrow } from '../domain-result';
import { GatewayError, notFound } from '../errors';
import { checkId, newId, nowTimestamp } from '../ids';
import { byKeyLoader, groupLoader } from '../loaders';
import { isoDateOf } from '../scalars';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, MAX_FILTER_VALUES, PageArgs, toConnection } from '../types/connection.type';
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
import { toOpeningGql } from './opening.resolver';
import { toPartyGql } from './party.resolver';
import { toQuotaGql } from './quota.resolver';

export const MouConnection = connectionType(Mou, 'Mou', 'MoU');

export function toMouGql(r: MouRecord): Mou {
  return {
    id: r.id,
    title: { id: r.titleId, en: r.titleEn },
    reference: r.reference,
    status: r.status,
    allowedTransitions: [...MOU_TRANSITIONS[r.status]],
    parentMouId: r.parentMouId,
    renewalOfMouId: r.renewalOfMouId,
    renewedByMouId: r.renewedByMouId,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    endedOn: r.endedOn,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

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

/** Load the domain MoU for a change (row locked until the transaction ends). */
export async function loadMouForChange(em: EntityManager, id: string, field: readonly string[]): Promise<{ rows: MouRows; mou: DomainMou }> {
  const rows = await loadMouRows(em, id, true);
  if (!rows) throw notFound('MoU', field);
  return { rows, mou: DomainMou.fromSnapshot(mouSnapshotOf(rows)) };
}

export async function loadParty(em: EntityManager, id: string, field: readonly string[]): Promise<DomainParty> {
  const record = await em.findOne(PartyRecord, { id });
  if (!record) throw notFound('Party', field);
  return DomainParty.fromSnapshot(partySnapshotOf(record));
}

async function saveMou(
  em: EntityManager,
  ctx: GatewayContext,
  rows: MouRows | undefined,
  mou: DomainMou,
  change: { readonly action: string; readonly before: unknown },
): Promise<Mou> {
  const after = mou.toSnapshot();
  const written = applyMouSnapshot(em, rows, after, ctx.clock.now());
  await auditChange(em, ctx, { action: change.action, entityType: 'Mou', entityId: mou.id, before: change.before, after });
  await em.flush();
  return toMouGql(written.mou);
}

@Resolver(() => Mou)
export class MouResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => MouConnection, { description: 'MoUs, oldest first, filtered by status, party and parent (public: the program is public information).' })
  async mous(@Args() args: MousArgs, @Ctx() ctx: GatewayContext) {
    const cursor = await ctx.em.findByCursor(MouRecord, mouWhere(ctx.em, args.filter), {
      first: args.first ?? DEFAULT_PAGE_SIZE,
      ...(args.after ? { after: checkedCursor(args.after) } : {}),
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    return toConnection(cursor, toMouGql);
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
    const rows = await groupLoader<MouRecord, string>(ctx, MouRecord, 'parentMouId', { createdAt: 'asc', id: 'asc' }).load(mou.id);
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
    const rows = await groupLoader<MouPartyRecord, string>(ctx, MouPartyRecord, 'mouId', { position: 'asc' }).load(mou.id);
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
    const rows = await groupLoader<MouObligationRecord, string>(ctx, MouObligationRecord, 'mouId', { number: 'asc' }).load(mou.id);
    return rows.map((o) => ({ partyId: o.partyId, number: o.number, text: { id: o.textId, en: o.textEn } }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [MouStatusChange], { description: 'Status history, oldest first.' })
  async history(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<MouStatusChange[]> {
    const rows = await groupLoader<MouStatusChangeRecord, string>(ctx, MouStatusChangeRecord, 'mouId', { sequence: 'asc' }).load(mou.id);
    return rows.map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at, actor: h.actor, note: h.note }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [Quota], { description: 'Quotas per occupation and route.' })
  async quotas(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<Quota[]> {
    const rows = await groupLoader<QuotaRecord, string>(ctx, QuotaRecord, 'mouId', { occupation: 'asc', route: 'asc' }).load(mou.id);
    return rows.map(toQuotaGql);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [JobOpening], { description: 'Job openings under this MoU (the public sees the published ones: OPEN).' })
  async openings(@Root() mou: Mou, @Ctx() ctx: GatewayContext): Promise<JobOpening[]> {
    const rows = await groupLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'mouId', { createdAt: 'asc', id: 'asc' }).load(mou.id);
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
    return ctx.em.transactional(async (em) => {
      const partyIds = (input.parties ?? []).map((p, i) => checkId(p.partyId, ['input', 'parties', String(i), 'partyId']));
      const records = partyIds.length ? await em.find(PartyRecord, { id: { $in: partyIds } }) : [];
      const byId = new Map(records.map((r) => [r.id, DomainParty.fromSnapshot(partySnapshotOf(r))]));
      const parties = (input.parties ?? []).map((p, i) => {
        const party = byId.get(partyIds[i] as string);
        if (!party) throw notFound('Party', ['input', 'parties', String(i), 'partyId']);
        return {
          party,
          role: p.role,
          isSignatory: p.isSignatory,
          signatoryName: p.signatoryName ?? null,
          signatoryTitle: p.signatoryTitle ?? null,
        };
      });
      let parentMouId: string | null = null;
      if (input.parentMouId) {
        parentMouId = checkId(input.parentMouId, ['input', 'parentMouId']);
        if (!(await em.findOne(MouRecord, { id: parentMouId }))) throw notFound('MoU', ['input', 'parentMouId']);
      }
      const mou = unwrapOrThrow(
        DomainMou.create({
          id: newId(),
          title: { id: input.title.id, en: input.title.en },
          reference: input.reference ?? null,
          parentMouId,
          validFrom: input.validFrom ? isoDateOf(input.validFrom) : null,
          validUntil: input.validUntil ? isoDateOf(input.validUntil) : null,
          note: input.note ?? null,
          at: nowTimestamp(ctx),
          actor: ctx.actor,
          parties,
          obligations: (input.obligations ?? []).map((o) => ({ partyId: o.partyId.toLowerCase(), text: { id: o.text.id, en: o.text.en } })),
        }),
      );
      return saveMou(em, ctx, undefined, mou, { action: 'createMou', before: null });
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Add a party to an MoU (DRAFT or EXPLORATION). OFFICER.' })
  async addMouParty(@Args() { input }: AddMouPartyArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    return ctx.em.transactional(async (em) => {
      const { rows, mou } = await loadMouForChange(em, checkId(input.mouId, ['input', 'mouId']), ['input', 'mouId']);
      const before = mou.toSnapshot();
      const party = await loadParty(em, checkId(input.partyId, ['input', 'partyId']), ['input', 'partyId']);
      unwrapOrThrow(
        mou.addParty(party, {
          role: input.role,
          isSignatory: input.isSignatory,
          signatoryName: input.signatoryName ?? null,
          signatoryTitle: input.signatoryTitle ?? null,
        }),
      );
      return saveMou(em, ctx, rows, mou, { action: 'addMouParty', before });
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Add an obligation of one of the MoU’s parties. OFFICER.' })
  async addMouObligation(@Args() { input }: AddMouObligationArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    return ctx.em.transactional(async (em) => {
      const { rows, mou } = await loadMouForChange(em, checkId(input.mouId, ['input', 'mouId']), ['input', 'mouId']);
      const before = mou.toSnapshot();
      unwrapOrThrow(mou.addObligation(checkId(input.partyId, ['input', 'partyId']), { id: input.text.id, en: input.text.en }));
      return saveMou(em, ctx, rows, mou, { action: 'addMouObligation', before });
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, { description: 'Set the validity dates of an MoU before it is signed. OFFICER.' })
  async setMouValidity(@Args() { input }: SetMouValidityArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    return ctx.em.transactional(async (em) => {
      const { rows, mou } = await loadMouForChange(em, checkId(input.mouId, ['input', 'mouId']), ['input', 'mouId']);
      const before = mou.toSnapshot();
      unwrapOrThrow(mou.setValidity(input.validFrom ? isoDateOf(input.validFrom) : null, input.validUntil ? isoDateOf(input.validUntil) : null));
      return saveMou(em, ctx, rows, mou, { action: 'setMouValidity', before });
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Mou, {
    description: 'Move an MoU to another status; the state machine and its guards decide (MOU_INVALID_TRANSITION otherwise). OFFICER.',
  })
  async transitionMou(@Args() args: TransitionMouArgs, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const id = checkId(args.id, ['id']);
    return ctx.em.transactional(async (em) => {
      const { rows, mou } = await loadMouForChange(em, id, ['id']);
      const before = mou.toSnapshot();
      unwrapOrThrow(
        mou.transitionTo(args.to, {
          at: nowTimestamp(ctx),
          actor: ctx.actor,
          note: args.note ?? null,
          ...(args.signedOn ? { signedOn: isoDateOf(args.signedOn) } : {}),
        }),
        [],
      );
      return saveMou(em, ctx, rows, mou, { action: 'transitionMou', before });
    });
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

