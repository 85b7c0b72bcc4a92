/**
 * Job openings: the public vacancy board (filters by route, occupation, status, MoU, employer), one by
 * id, relations in batches, create / update (terms and attaché verification) / transition.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import DataLoader from 'dataloader';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { auditChange, canSeeOpening, visibleOpeningStatuses } from '../access';
import {
  JobOpening as DomainJobOpening,
  money,
  OCCUPATIONS,
  OPENING_STATUSES,
  OPENING_TRANSITIONS,
  parameterSnapshot,
  Quota as DomainQuota,
  ROUTES,
  wibDateOf,
  type Occupation,
  type OpeningRequirements as DomainRequirements,
  type OpeningStatus,
  type Route,
  type WageTerms,
} from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import { applyOpeningSnapshot, loadOpeningRows, openingSnapshotOf, quotaSnapshotOf, wageOf } from '../../persistence/opening.mapper';
import { JobOpeningRecord, OpeningStatusChangeRecord, QuotaRecord } from '../../persistence/opening.schema';
import { PartyRecord } from '../../persistence/party.schema';
import type { GatewayContext } from '../context';
import { unwrapOrThrow } from '../domain-result';
import { GatewayError, notFound } from '../errors';
import { OccupationEnum, RouteEnum } from '../enums';
import { checkId, newId, nowTimestamp } from '../ids';
import { byKeyLoader, groupLoader } from '../loaders';
import { isoDateOf } from '../scalars';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, emptyConnection, MAX_FILTER_VALUES, PageArgs, toConnection } from '../types/connection.type';
import { toMoneyGql } from '../types/money.type';
import {
  CreateJobOpeningArgs,
  JobOpening,
  Mou,
  OpeningStatusChange,
  OpeningStatusEnum,
  Quota,
  TransitionJobOpeningArgs,
  UpdateJobOpeningArgs,
  type OpeningRequirementsInput,
  type WageTermsInput,
} from '../types/mou.type';
import { Party } from '../types/party.type';
import { loadMouForChange, loadParty, toMouGql } from './mou.resolver';
import { toPartyGql } from './party.resolver';
import { loadQuotaRowsFor, toQuotaGql } from './quota.resolver';

export const JobOpeningConnection = connectionType(JobOpening, 'JobOpening', 'job opening');

export function toOpeningGql(r: JobOpeningRecord): JobOpening {
  const wage = wageOf(r);
  const req = r.extraRequirements ?? {};
  return {
    id: r.id,
    mouId: r.mouId,
    employerPartyId: r.employerPartyId,
    occupation: r.occupation,
    route: r.route,
    seats: r.seats,
    allocated: r.allocated,
    seatsLeft: r.seats - r.allocated,
    wage: { basis: wage.basis, monthly: wage.basis === 'FIXED' ? toMoneyGql(wage.monthly) : null },
    contractMonths: r.contractMonths,
    extraRequirements: {
      minEpsTopikScore: req.minEpsTopikScore ?? null,
      minTopikLevel: req.minTopikLevel ?? null,
      minEducation: req.minEducation ?? null,
      minAge: req.minAge ?? null,
      maxAge: req.maxAge ?? null,
      skillQualification: req.skillQualification ?? null,
    },
    plannedDeparture: r.plannedDeparture,
    verifiedByAttache: r.attacheVerifiedOn !== null,
    attacheVerifiedOn: r.attacheVerifiedOn,
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

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

@ArgsType()
export class JobOpeningsArgs extends PageArgs {
  @Field(() => JobOpeningFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: JobOpeningFilter;
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

function wageTermsOf(input: WageTermsInput): WageTerms {
  if (input.basis === 'FIXED') {
    if (input.monthlyKrw === undefined || input.monthlyKrw === null) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        { id: 'Upah bulanan (KRW) wajib untuk upah tetap.', en: 'A FIXED wage needs monthlyKrw.' },
        { field: ['input', 'wage', 'monthlyKrw'] },
      );
    }
    return { basis: 'FIXED', monthly: money(input.monthlyKrw, 'KRW') };
  }
  return { basis: input.basis };
}

function requirementsOf(input: OpeningRequirementsInput | undefined | null): DomainRequirements {
  const out: Record<string, unknown> = {};
  if (input) for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null) out[k] = v;
  return out as DomainRequirements;
}

/** The quota an opening draws from (MoU × occupation × route), batched per request. */
function quotaOfOpeningLoader(ctx: GatewayContext): DataLoader<string, QuotaRecord | undefined> {
  const name = 'quotaOfOpening';
  let loader = ctx.loaders.get(name) as DataLoader<string, QuotaRecord | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<string, QuotaRecord | undefined>(async (keys) => {
      const mouIds = [...new Set(keys.map((k) => k.split('|')[0] as string))];
      const rows = await ctx.em.find(QuotaRecord, { mouId: { $in: mouIds } });
      const byKey = new Map(rows.map((q) => [`${q.mouId}|${q.occupation}|${q.route}`, q]));
      return keys.map((k) => byKey.get(k));
    });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

@Resolver(() => JobOpening)
export class JobOpeningResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => JobOpeningConnection, {
    description:
      'The vacancy board: job openings, oldest first, filtered by route, occupation, status, MoU and employer. The public sees published openings (OPEN); staff (OFFICER, PARTNER, ANALYST, ADMIN) see every status.',
  })
  async jobOpenings(@Args() args: JobOpeningsArgs, @Ctx() ctx: GatewayContext) {
    const visibleStatuses = visibleOpeningStatuses(ctx.principal);
    if (visibleStatuses && visibleStatuses.length === 0) return emptyConnection();
    const cursor = await ctx.em.findByCursor(JobOpeningRecord, openingWhere(args.filter, visibleStatuses), {
      first: args.first ?? DEFAULT_PAGE_SIZE,
      ...(args.after ? { after: checkedCursor(args.after) } : {}),
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    return toConnection(cursor, toOpeningGql);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => JobOpening, { nullable: true, description: 'One job opening by id (null when there is none, or when it is not published and the caller is not staff).' })
  async jobOpening(@Arg('id', () => ID, { description: 'The opening id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<JobOpening | null> {
    const r = await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(checkId(id, ['id']));
    return r && canSeeOpening(ctx.principal, r.status) ? toOpeningGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { description: 'The MoU the opening falls under.' })
  async mou(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Promise<Mou> {
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(o.mouId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toMouGql(r);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The employer.' })
  async employer(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Promise<Party> {
    const r = await byKeyLoader<PartyRecord, string>(ctx, PartyRecord, 'id').load(o.employerPartyId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toPartyGql(r);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Quota, { nullable: true, description: 'The quota the opening draws its seats from.' })
  async quota(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Promise<Quota | null> {
    const r = await quotaOfOpeningLoader(ctx).load(`${o.mouId}|${o.occupation}|${o.route}`);
    return r ? toQuotaGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [OpeningStatusChange], { description: 'Status history, oldest first.' })
  async history(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Promise<OpeningStatusChange[]> {
    const rows = await groupLoader<OpeningStatusChangeRecord, string>(ctx, OpeningStatusChangeRecord, 'openingId', { sequence: 'asc' }).load(o.id);
    return rows.map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at, actor: h.actor, note: h.note }));
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => [OpeningStatusEnum], { description: 'Statuses the opening may move to next (guards may still refuse).' })
  allowedTransitions(@Root() o: JobOpening): OpeningStatus[] {
    return [...OPENING_TRANSITIONS[o.status]];
  }

  // ------------------------------------------------------------ mutations

  @Authorized(...WRITE_RULE)
  @Mutation(() => JobOpening, { description: 'Create a job opening in DRAFT under an MoU. OFFICER.' })
  async createJobOpening(@Args() { input }: CreateJobOpeningArgs, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const mouId = checkId(input.mouId, ['input', 'mouId']);
    const employerId = checkId(input.employerPartyId, ['input', 'employerPartyId']);
    return ctx.em.transactional(async (em) => {
      const { mou } = await loadMouForChange(em, mouId, ['input', 'mouId']);
      const employer = await loadParty(em, employerId, ['input', 'employerPartyId']);
      const opening = unwrapOrThrow(
        DomainJobOpening.create({
          id: newId(),
          mou,
          employer,
          occupation: input.occupation,
          route: input.route,
          seats: input.seats,
          wage: wageTermsOf(input.wage),
          contractMonths: input.contractMonths ?? null,
          extraRequirements: requirementsOf(input.extraRequirements),
          plannedDeparture: input.plannedDeparture ? isoDateOf(input.plannedDeparture) : null,
          note: input.note ?? null,
          at: nowTimestamp(ctx),
          actor: ctx.actor,
        }),
      );
      const rows = applyOpeningSnapshot(em, undefined, opening.toSnapshot(), ctx.clock.now());
      await auditChange(em, ctx, { action: 'createJobOpening', entityType: 'JobOpening', entityId: opening.id, before: null, after: opening.toSnapshot() });
      await em.flush();
      return toOpeningGql(rows.opening);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => JobOpening, {
    description: 'Change the terms of a DRAFT opening and/or record the labour attaché’s verification. OFFICER.',
  })
  async updateJobOpening(@Args() { input }: UpdateJobOpeningArgs, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const id = checkId(input.id, ['input', 'id']);
    return ctx.em.transactional(async (em) => {
      const rows = await loadOpeningRows(em, id, true);
      if (!rows) throw notFound('Job opening', ['input', 'id']);
      const opening = DomainJobOpening.fromSnapshot(openingSnapshotOf(rows));
      const before = opening.toSnapshot();
      const patch: Record<string, unknown> = {};
      if (input.employerPartyId) patch.employer = await loadParty(em, checkId(input.employerPartyId, ['input', 'employerPartyId']), ['input', 'employerPartyId']);
      if (input.seats !== undefined && input.seats !== null) patch.seats = input.seats;
      if (input.wage) patch.wage = wageTermsOf(input.wage);
      if (input.contractMonths !== undefined && input.contractMonths !== null) patch.contractMonths = input.contractMonths;
      if (input.extraRequirements) patch.extraRequirements = requirementsOf(input.extraRequirements);
      if (input.plannedDeparture !== undefined) patch.plannedDeparture = input.plannedDeparture ? isoDateOf(input.plannedDeparture) : null;
      if (input.note !== undefined) patch.note = input.note;
      if (Object.keys(patch).length > 0) unwrapOrThrow(opening.revise(patch));
      if (input.attacheVerifiedOn) {
        unwrapOrThrow(opening.recordAttacheVerification({ verifiedOn: isoDateOf(input.attacheVerifiedOn), reference: input.attacheReference ?? null }));
      }
      const written = applyOpeningSnapshot(em, rows, opening.toSnapshot(), ctx.clock.now());
      await auditChange(em, ctx, { action: 'updateJobOpening', entityType: 'JobOpening', entityId: id, before, after: opening.toSnapshot() });
      await em.flush();
      return toOpeningGql(written.opening);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => JobOpening, {
    description:
      'Publish, close, reopen or mark filled. Publishing needs the attaché verification, a SIGNED/ACTIVE MoU, a matching quota, an open route and a lawful wage. OFFICER.',
  })
  async transitionJobOpening(@Args() args: TransitionJobOpeningArgs, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const id = checkId(args.id, ['id']);
    return ctx.em.transactional(async (em) => {
      const rows = await loadOpeningRows(em, id, true);
      if (!rows) throw notFound('Job opening', ['id']);
      const opening = DomainJobOpening.fromSnapshot(openingSnapshotOf(rows));
      const before = opening.toSnapshot();
      const { mou } = await loadMouForChange(em, opening.mouId, ['id']);
      const quotaRows = await loadQuotaRowsFor(em, { mouId: opening.mouId, occupation: opening.occupation, route: opening.route });
      const at = nowTimestamp(ctx);
      unwrapOrThrow(
        opening.transitionTo(args.to, {
          at,
          actor: ctx.actor,
          note: args.note ?? null,
          mou,
          ...(quotaRows ? { quota: DomainQuota.fromSnapshot(quotaSnapshotOf(quotaRows)) } : {}),
          params: parameterSnapshot(wibDateOf(at)),
        }),
        [],
      );
      const written = applyOpeningSnapshot(em, rows, opening.toSnapshot(), ctx.clock.now());
      await auditChange(em, ctx, { action: 'transitionJobOpening', entityType: 'JobOpening', entityId: id, before, after: opening.toSnapshot() });
      await em.flush();
      return toOpeningGql(written.opening);
    });
  }
}
