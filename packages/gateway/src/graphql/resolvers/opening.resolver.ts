/**
 * Job openings: the public vacancy board (filters by route, occupation, status, MoU, employer), one by
 * id, relations in batches, create / update (terms and attaché verification) / transition.
 */
import { IsOptional, ValidateNested } from 'class-validator';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PUBLIC_RULE, WRITE_RULE } from '../../security/rules';
import { canSeeOpening, visibleOpeningStatuses } from '../access';
import {
  money,
  OPENING_TRANSITIONS,
  type OpeningRequirements as DomainRequirements,
  type OpeningStatus,
  type WageTerms,
} from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import { JobOpeningRecord, OpeningStatusChangeRecord, QuotaRecord } from '../../persistence/opening.schema';
import { PartyRecord } from '../../persistence/party.schema';
import { jobBoardPage, type JobBoardRow } from '../../read-models/job-board.read-model';
import { selectRows } from '../../read-models/rows';
import { selectedFieldNames } from '../selection';
import type { GatewayContext } from '../context';
import { GatewayError } from '../errors';
import { checkId } from '../ids';
import { runUseCase } from '../run-use-case';
import { createJobOpening, type CreateJobOpeningCommand } from '../../use-cases/create-job-opening.use-case';
import { transitionJobOpening } from '../../use-cases/transition-job-opening.use-case';
import { updateJobOpening, type JobOpeningPatch } from '../../use-cases/update-job-opening.use-case';
import { byKeyLoader, groupLoader } from '../loaders';
import { isoDateOf } from '../scalars';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, emptyConnection, PageArgs, pageConnection } from '../types/connection.type';
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
import { toMouGql } from '../mappers/mou.mapper';
import { toPartyGql } from '../mappers/party.mapper';
import { toQuotaGql } from '../mappers/quota.mapper';
import { toOpeningGql } from '../mappers/opening.mapper';
import { JobOpeningFilter, openingCriteria } from '../inputs/job-opening-filter.input';

export const JobOpeningConnection = connectionType(JobOpening, 'JobOpening', 'job opening');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

@ArgsType()
export class JobOpeningsArgs extends PageArgs {
  @Field(() => JobOpeningFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: JobOpeningFilter;
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
      const rows = await selectRows(ctx.em, QuotaRecord, { mouId: { $in: mouIds } });
      const byKey = new Map(rows.map((q) => [`${q.mouId}|${q.occupation}|${q.route}`, q]));
      return keys.map((k) => byKey.get(k));
    });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/**
 * The relations the job board fetched with its page, by the node they belong to: the `mou` and
 * `employer` resolvers below return them at once (no statement, no promise: a page whose every field
 * is at hand completes synchronously in graphql-js); a node without them (one opening by id, a
 * mutation's answer, a relation not selected) loads them through the request's batched loaders.
 */
const fetchedWith = new WeakMap<JobOpening, JobBoardRow>();

function boardNode(row: JobBoardRow): JobOpening {
  const node = toOpeningGql(row.opening);
  if (row.mou || row.employer) fetchedWith.set(node, row);
  return node;
}

@Resolver(() => JobOpening)
export class JobOpeningResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => JobOpeningConnection, {
    description:
      'The vacancy board: job openings, oldest first, filtered by route, occupation, status, MoU and employer. The public sees published openings (OPEN); staff (OFFICER, PARTNER, ANALYST, ADMIN) see every status.',
  })
  async jobOpenings(@Args() args: JobOpeningsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    const visibleStatuses = visibleOpeningStatuses(ctx.principal);
    if (visibleStatuses && visibleStatuses.length === 0) return emptyConnection();
    // the MoU and the employer come in the page's own statement when selected (read-models/job-board.read-model.ts)
    const selected = selectedFieldNames(info, ['edges', 'node']);
    const page = await jobBoardPage(ctx.em, {
      criteria: openingCriteria(args.filter, visibleStatuses),
      first: args.first ?? DEFAULT_PAGE_SIZE,
      after: checkedCursor(args.after),
      relations: { mou: selected.has('mou'), employer: selected.has('employer') },
    });
    return pageConnection(page, boardNode);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => JobOpening, { nullable: true, description: 'One job opening by id (null when there is none, or when it is not published and the caller is not staff).' })
  async jobOpening(@Arg('id', () => ID, { description: 'The opening id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<JobOpening | null> {
    const r = await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(checkId(id, ['id']));
    return r && canSeeOpening(ctx.principal, r.status) ? toOpeningGql(r) : null;
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Mou, { description: 'The MoU the opening falls under.' })
  mou(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Mou | Promise<Mou> {
    const fetched = fetchedWith.get(o)?.mou;
    return fetched ? toMouGql(fetched) : this.loadMou(o, ctx);
  }

  private async loadMou(o: JobOpening, ctx: GatewayContext): Promise<Mou> {
    const r = await byKeyLoader<MouRecord, string>(ctx, MouRecord, 'id').load(o.mouId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toMouGql(r);
  }

  @Authorized(...PUBLIC_RULE)
  @FieldResolver(() => Party, { description: 'The employer.' })
  employer(@Root() o: JobOpening, @Ctx() ctx: GatewayContext): Party | Promise<Party> {
    const fetched = fetchedWith.get(o)?.employer;
    return fetched ? toPartyGql(fetched) : this.loadEmployer(o, ctx);
  }

  private async loadEmployer(o: JobOpening, ctx: GatewayContext): Promise<Party> {
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
    const rows = await groupLoader<OpeningStatusChangeRecord, string>(ctx, OpeningStatusChangeRecord, 'openingId', [['sequence', 'asc']]).load(o.id);
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
    const command: CreateJobOpeningCommand = {
      mouId: checkId(input.mouId, ['input', 'mouId']),
      employerPartyId: checkId(input.employerPartyId, ['input', 'employerPartyId']),
      occupation: input.occupation,
      route: input.route,
      seats: input.seats,
      wage: wageTermsOf(input.wage),
      contractMonths: input.contractMonths ?? null,
      extraRequirements: requirementsOf(input.extraRequirements),
      plannedDeparture: input.plannedDeparture ? isoDateOf(input.plannedDeparture) : null,
      note: input.note ?? null,
    };
    return toOpeningGql(await runUseCase(ctx, createJobOpening, command));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => JobOpening, {
    description: 'Change the terms of a DRAFT opening and/or record the labour attaché’s verification. OFFICER.',
  })
  async updateJobOpening(@Args() { input }: UpdateJobOpeningArgs, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const id = checkId(input.id, ['input', 'id']);
    // every revisable term of the domain is named: one it adds does not compile until decided here
    const patch: JobOpeningPatch = {
      employerPartyId: input.employerPartyId ? checkId(input.employerPartyId, ['input', 'employerPartyId']) : undefined,
      occupation: undefined, // not revisable over the API: a new occupation is a new opening
      route: undefined, // likewise
      seats: input.seats ?? undefined,
      wage: input.wage ? wageTermsOf(input.wage) : undefined,
      contractMonths: input.contractMonths ?? undefined,
      extraRequirements: input.extraRequirements ? requirementsOf(input.extraRequirements) : undefined,
      plannedDeparture: input.plannedDeparture === undefined ? undefined : input.plannedDeparture ? isoDateOf(input.plannedDeparture) : null,
      note: input.note,
    };
    const verification = input.attacheVerifiedOn
      ? { attacheVerification: { verifiedOn: isoDateOf(input.attacheVerifiedOn), reference: input.attacheReference ?? null } }
      : {};
    return toOpeningGql(await runUseCase(ctx, updateJobOpening, { id, patch, ...verification }));
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => JobOpening, {
    description:
      'Publish, close, reopen or mark filled. Publishing needs the attaché verification, a SIGNED/ACTIVE MoU, a matching quota, an open route and a lawful wage. OFFICER.',
  })
  async transitionJobOpening(@Args() args: TransitionJobOpeningArgs, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const id = checkId(args.id, ['id']);
    return toOpeningGql(await runUseCase(ctx, transitionJobOpening, { id, to: args.to, note: args.note ?? null }));
  }
}
