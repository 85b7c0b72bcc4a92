/**
 * Candidates: list with filters (stage, kecamatan, occupation, route, stored eligibility), one by id,
 * stored evaluations, and the mutations — register, update profile, add document, advance, and
 * `allocateSeat` / `releaseSeat`.
 *
 * The mutations parse their arguments and run a use case (use-cases/*.use-case.ts), which locks,
 * lets the domain decide, writes and audits in one transaction; seat allocation's locking (opening,
 * then quota, so concurrent calls for one quota queue) is use-cases/seat-context.ts.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  evaluateEligibility,
  JobOpening as DomainJobOpening,
  rankCandidatesQuick,
  wibDateOf,
  type EligibilityEvaluation as DomainEvaluation,
  type IsoDate,
} from '../../domain';
import { CandidateRecord, CandidateStageChangeRecord, PlacementRecord } from '../../persistence/candidate.schema';
import { openingSnapshotOf } from '../../persistence/opening.mapper';
import { JobOpeningRecord, OpeningStatusChangeRecord } from '../../persistence/opening.schema';
import type { CandidateView } from '../../security/auth-checker';
import { viewOf, withView } from '../../security/record-view';
import { CANDIDATE_LOOKUP_RULE, PERSONAL_RULE, RANKING_RULE, WRITE_RULE } from '../../security/rules';
import { assertBeforeDeadline } from '../../security/query-timeout';
import { analystWithoutRecordRights, candidateListWhere, candidateRowScope, candidateViewOf, candidateViews, canSeeOpening, seesEveryCandidateInFull } from '../access';
import { candidateListPage } from '../../read-models/candidate-list.read-model';
import { selectedFieldNames } from '../selection';
import { rowsQuery } from '../../read-models/rows';
import type { GatewayContext } from '../context';
import { GatewayError, notFound } from '../errors';
import { checkId, nowTimestamp } from '../ids';
import { runUseCase } from '../run-use-case';
import { byKeyLoader, groupLoader } from '../loaders';
import { DateScalar, isoDateOf } from '../scalars';
import {
  AddCandidateDocumentArgs,
  AdvanceCandidateArgs,
  AllocateSeatArgs,
  Candidate,
  CandidateStageChange,
  Placement,
  RegisterCandidateArgs,
  ReleaseSeatArgs,
  SeatAllocationResult,
  UpdateCandidateProfileArgs,
} from '../types/candidate.type';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, emptyConnection, PageArgs, pageConnection } from '../types/connection.type';
import { EligibilityEvaluation, SelectionStatusEnum, toEligibilityGql } from '../types/eligibility.type';
import { JobOpening } from '../types/mou.type';
import { plainOf, profileOf } from '../types/profile.type';
import { CostEstimateGql, CostInputsInput, CostOverlayEnum, toCostEstimateGql, type CostOverlay } from '../types/costs.type';
import { addCandidateDocument, type CandidateDocument } from '../../use-cases/add-candidate-document.use-case';
import { advanceCandidate } from '../../use-cases/advance-candidate.use-case';
import { allocateSeat } from '../../use-cases/allocate-seat.use-case';
import { registerCandidate } from '../../use-cases/register-candidate.use-case';
import { releaseSeat } from '../../use-cases/release-seat.use-case';
import { updateCandidateProfile } from '../../use-cases/update-candidate-profile.use-case';
import { estimateCostsFor } from '../mappers/cost-estimate.mapper';
import { toOpeningGql } from '../mappers/opening.mapper';
import { CandidateFilter } from '../inputs/candidate-filter.input';
import { todayOf, toCandidateGql, toPlacementGql, visible } from '../mappers/candidate.mapper';

export const CandidateConnection = connectionType(Candidate, 'Candidate', 'candidate', { nodeRule: PERSONAL_RULE });

/**
 * `candidates` for a caller whose only right to candidate records is ANALYST's (issue 8): refused,
 * pointing to the protected aggregates. Every record field is an aggregate dimension and
 * `totalCount` an exact count for any filter, so a list would rebuild suppressed cells.
 */
export const ANALYST_USE_AGGREGATES_MESSAGES = {
  id: 'Analis tidak membaca data kandidat per orang; gunakan agregat yang dilindungi: candidateCounts, stageDurations, placementCosts, financingTotals.',
  en: 'Analysts do not read individual candidate records; use the protected aggregates: candidateCounts, stageDurations, placementCosts, financingTotals.',
} as const;

export function analystUseAggregatesError(): GatewayError {
  return new GatewayError('FORBIDDEN', ANALYST_USE_AGGREGATES_MESSAGES, {
    details: { reason: 'ANALYST_USE_AGGREGATES', use: 'candidateCounts, stageDurations, placementCosts, financingTotals' },
  });
}

// ---------------------------------------------------------------- list filters

@ArgsType()
export class CandidatesArgs extends PageArgs {
  @Field(() => CandidateFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: CandidateFilter;
}

// ---------------------------------------------------------------- helpers

function today(at: string): IsoDate {
  return wibDateOf(at);
}

/**
 * The domain opening (for eligibility and ranking), batched per request: one statement for the
 * openings and one for their status histories, whatever the number of candidates or openings.
 */
async function loadOpening(ctx: GatewayContext, id: string | null): Promise<{ record: JobOpeningRecord; domain: DomainJobOpening } | undefined> {
  if (!id) return undefined;
  // both loads in the same tick: they join the batches of the other candidates' loads
  const [record, history] = await Promise.all([
    byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(id),
    groupLoader<OpeningStatusChangeRecord, string>(ctx, OpeningStatusChangeRecord, 'openingId', [['sequence', 'asc']]).load(id),
  ]);
  return record ? { record, domain: DomainJobOpening.fromSnapshot(openingSnapshotOf({ opening: record, history })) } : undefined;
}

/** What ranking reads of a pool's candidates: the profile and the registration date, nothing else. */
interface RankingPoolRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly profile: CandidateRecord['profile'];
}

/**
 * The ranking pools (registered candidates aiming for a route × occupation, the caller's rows only,
 * oldest first, up to RANKING_POOL_LIMIT + 1 each, so that a pool over the limit is refused rather
 * than cut) of every opening in the request, in ONE statement: one parenthesised SELECT per pool,
 * `UNION ALL`, each with its own limit. Only the id, the registration time and the profile are read;
 * the records shown are read afterwards, for the page only.
 */
function rankingPoolLoader(ctx: GatewayContext, scope: FilterQuery<CandidateRecord>): DataLoader<string, RankingPoolRow[]> {
  const name = 'rankingPools';
  let loader = ctx.loaders.get(name) as DataLoader<string, RankingPoolRow[]> | undefined;
  if (loader) return loader;
  loader = new DataLoader<string, RankingPoolRow[]>(async (keys) => {
    const knex = ctx.em.getKnex();
    const parts = keys.map((key) => {
      const [targetRoute, targetOccupation] = key.split('|') as [CandidateRecord['targetRoute'], CandidateRecord['targetOccupation']];
      const pool: FilterQuery<CandidateRecord> = { stage: 'REGISTERED', targetRoute, targetOccupation };
      const where = Object.keys(scope).length === 0 ? pool : ({ $and: [pool, scope] } as FilterQuery<CandidateRecord>);
      return rowsQuery(ctx.em, CandidateRecord, where, { orderBy: [['createdAt', 'asc'], ['id', 'asc']], limit: RANKING_POOL_LIMIT + 1 })
        .select(['id', 'createdAt', 'profile'])
        .getKnexQuery()
        .select(knex.raw('? as ranking_pool_key', [key]));
    });
    const raw = await ctx.em.getConnection().execute<Array<Record<string, unknown>>>(knex.unionAll(parts, true));
    const meta = ctx.em.getMetadata().get(CandidateRecord.name);
    const pools = new Map<string, RankingPoolRow[]>(keys.map((k) => [k, []]));
    for (const row of raw) {
      const key = String(row['ranking_pool_key']);
      pools.get(key)?.push(ctx.em.getDriver().mapResult(row, meta) as unknown as RankingPoolRow);
    }
    return keys.map((k) => pools.get(k) ?? []);
  });
  ctx.loaders.set(name, loader);
  return loader;
}

// ---------------------------------------------------------------- ranking output

@ObjectType({ description: 'Points behind a candidate’s rank (documented in the domain’s rank-candidates.ts).' })
@Authorized(...RANKING_RULE)
export class RankingScore {
  @Field(() => Int, { description: 'Total.' }) total!: number;
  @Field(() => Int, { description: 'Korean (test score or level).' }) korean!: number;
  @Field(() => Int, { description: 'Skill verification.' }) skill!: number;
  @Field(() => Int, { description: 'Readiness to depart.' }) readiness!: number;
}

@ObjectType({ description: 'A candidate ranked for an opening: eligible first, then by score.' })
@Authorized(...RANKING_RULE)
export class RankedCandidate {
  @Field(() => Int, { description: '1-based position.' }) rank!: number;
  @Field(() => Candidate, { description: 'The candidate.' }) candidate!: Candidate;
  @Field(() => SelectionStatusEnum, { description: 'Selection verdict for this opening.' }) selection!: string;
  @Field(() => Boolean, { description: 'Eligible to be selected.' }) eligibleToBeSelected!: boolean;
  @Field(() => RankingScore, { description: 'Score.' }) score!: RankingScore;
}

@ArgsType()
export class RankedCandidatesArgs {
  @Field(() => Int, { nullable: true, description: 'How many (1–100, default 20).' })
  @IsOptional() @Min(1) @Max(100)
  first?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Evaluation date (default: today in WIB).' })
  @IsOptional()
  asOf?: Date;
}

/**
 * Candidates considered for an opening: every registered candidate aiming for its route and
 * occupation, up to RANKING_POOL_LIMIT (a larger pool is refused with RANKING.POOL_TOO_LARGE, never
 * cut: a cut pool would leave the newest registrations out of the ranking unseen). They are ranked on
 * the domain's verdict-only path (`rankCandidatesQuick`: the same order, selection and score as
 * `rankCandidates`, without building explanations), and only the page asked for is read in full.
 * The field declares a fixed cost weight (security/query-cost.ts) for the pool it ranks, whatever
 * `first` asks for, so one request ranks at most 3 pools under the default cost limit of 20,000.
 * Measured with `npm run bench:scale` (README): see its table for the pool sizes and times.
 */
const RANKING_POOL_LIMIT = 50_000;
const RANKING_POOL_WEIGHT = 6_000;

@ArgsType()
export class CandidateCostArgs {
  @Field(() => Int, { nullable: true, description: 'Contract months (default: the opening’s).' })
  @IsOptional() @Min(1) @Max(120)
  contractMonths?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the parameters (default: today in WIB).' })
  @IsOptional()
  asOf?: Date;

  @Field(() => CostInputsInput, { nullable: true, description: 'Amounts with no official figure.' })
  @IsOptional() @ValidateNested()
  inputs?: CostInputsInput;

  @Field(() => [CostOverlayEnum], { nullable: true, description: 'What-if policies.' })
  @IsOptional()
  overlays?: CostOverlay[];
}

@Resolver(() => JobOpening)
export class JobOpeningRankingResolver {
  @Authorized(...RANKING_RULE)
  @Extensions({ cost: { weight: RANKING_POOL_WEIGHT } })
  @FieldResolver(() => [RankedCandidate], {
    description: `Registered candidates aiming for this opening’s route and occupation, ranked: eligible first, then by score (every one of them is considered, up to ${RANKING_POOL_LIMIT.toLocaleString('en-US')}; a larger pool is refused with RANKING.POOL_TOO_LARGE). Only the candidates the caller may see are read and ranked (OFFICER: all; PARTNER: those placed under its MoUs; not for ANALYST, who reads the protected aggregates), so a rank is the position among the candidates the caller may see: for OFFICER that is every candidate.`,
  })
  async rankedCandidates(@Root() opening: JobOpening, @Args() args: RankedCandidatesArgs, @Ctx() ctx: GatewayContext): Promise<RankedCandidate[]> {
    // Access first, in SQL: only the rows the caller may see are read, ranked and joined. A caller who
    // may see none of them causes no ranking work (and, without any party or candidate id, no SQL).
    const scope = candidateListWhere(ctx);
    if (scope === null) return [];
    const pool = await rankingPoolLoader(ctx, scope).load(`${opening.route}|${opening.occupation}`);
    if (pool.length === 0) return [];
    if (pool.length > RANKING_POOL_LIMIT) {
      const error = new GatewayError(
        'BAD_USER_INPUT',
        {
          id: `Lebih dari ${RANKING_POOL_LIMIT.toLocaleString('id-ID')} kandidat terdaftar untuk rute dan jabatan lowongan ini: peringkat tidak dihitung (tidak dipotong). Gunakan daftar kandidat dengan filter.`,
          en: `More than ${RANKING_POOL_LIMIT.toLocaleString('en-US')} candidates are registered for this opening’s route and occupation: the ranking is not computed (it is never cut). Use the candidate list with filters.`,
        },
        { field: ['rankedCandidates'], domainCode: 'RANKING.POOL_TOO_LARGE', details: { max: RANKING_POOL_LIMIT } },
      );
      (error.extensions as Record<string, unknown>)['reason'] = 'LIMIT_EXCEEDED';
      throw error;
    }
    // ranking is CPU work that cannot be interrupted: none starts after the request's deadline
    assertBeforeDeadline();
    const domainOpening = (await loadOpening(ctx, opening.id))?.domain;
    const asOf = args.asOf ? isoDateOf(args.asOf) : today(nowTimestamp(ctx));
    const want = args.first ?? DEFAULT_PAGE_SIZE;
    // a caller who sees every candidate in full gets the first `want` ranks, found without sorting the
    // rest (the same entries as the full ranking's first `want`); anyone else the whole order, walked
    // page by page below until `want` visible ones are found
    const ranked = rankCandidatesQuick({
      candidates: pool.map((r) => ({ id: r.id, profile: r.profile ?? {}, registeredOn: wibDateOf(r.createdAt.toISOString()) })),
      route: opening.route,
      asOf,
      ...(domainOpening ? { opening: domainOpening.toEligibilityOpening() } : {}),
      ...(seesEveryCandidateInFull(ctx.principal) ? { limit: want } : {}),
    });
    // the page: the first `first` ranks the caller may see, their records read in one statement
    const page: Array<{ readonly r: (typeof ranked)[number]; readonly view: CandidateView }> = [];
    for (let start = 0; start < ranked.length && page.length < want; start += want) {
      const slice = ranked.slice(start, start + want);
      const views = await candidateViews(ctx, slice);
      for (const r of slice) {
        const view = views.get(r.id);
        if (view !== undefined && view !== 'NONE' && page.length < want) page.push({ r, view });
      }
    }
    if (page.length === 0) return [];
    // batched across every opening of the request (one statement for all their pages)
    const records = await byKeyLoader<CandidateRecord, string>(ctx, CandidateRecord, 'id').loadMany(page.map((p) => p.r.id));
    return page.flatMap(({ r, view: seen }, i) => {
      const record = records[i];
      if (record instanceof Error) throw record;
      if (!record) return []; // removed between the two statements
      const view = visible(seen);
      return [
        withView(
          {
            rank: r.rank,
            candidate: toCandidateGql(record, view, ctx.clock),
            selection: r.selection,
            eligibleToBeSelected: r.eligibleToBeSelected,
            score: withView({ ...r.score }, view),
          },
          view,
        ),
      ];
    });
  }
}

// ---------------------------------------------------------------- resolver

@Resolver(() => Candidate)
export class CandidateResolver {
  @Authorized(...CANDIDATE_LOOKUP_RULE)
  @Query(() => CandidateConnection, {
    description:
      'Candidates, oldest registration first, filtered by stage, kecamatan, occupation, route and stored eligibility. Only the records the caller may see: OFFICER all, CANDIDATE their own, PARTNER those placed under their MoUs. ANALYST reads no records (FORBIDDEN, details.reason ANALYST_USE_AGGREGATES): use the protected aggregates (candidateCounts, stageDurations, placementCosts, financingTotals); an ANALYST who is also PARTNER lists their partner candidates only.',
  })
  async candidates(@Args() args: CandidatesArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    const scope = candidateRowScope(ctx.principal);
    // no list (and no totalCount) for ANALYST: every filter would be an exact, unsuppressed count
    if (scope === null && analystWithoutRecordRights(ctx)) throw analystUseAggregatesError();
    if (scope === null) return emptyConnection();
    // the page, the caller's row scope and the filter in SQL, with the count when selected: one
    // statement (read-models/candidate-list.read-model.ts)
    const page = await candidateListPage(ctx.em, {
      filter: args.filter,
      scope,
      first: args.first ?? DEFAULT_PAGE_SIZE,
      after: checkedCursor(args.after),
      withTotal: selectedFieldNames(info, []).has('totalCount'),
    });
    // the view of each record, as for every other path (no statement for a caller who sees every record)
    const views = await candidateViews(ctx, page.rows);
    const asOf = todayOf(ctx.clock);
    return pageConnection(page, (r) => toCandidateGql(r, visible(views.get(r.id)), ctx.clock, asOf));
  }

  @Authorized(...CANDIDATE_LOOKUP_RULE)
  @Query(() => Candidate, {
    nullable: true,
    description:
      'One candidate by id: null when there is none and, alike, when the caller may not see it (an answer that differed would confirm the id exists). The ANALYST role gives no record: null.',
  })
  async candidate(@Arg('id', () => ID, { description: 'The candidate id.' }) id: string, @Ctx() ctx: GatewayContext): Promise<Candidate | null> {
    const key = checkId(id, ['id']);
    // a caller with no record right (ANALYST alone) gets null for every id, before any lookup
    if (candidateListWhere(ctx) === null) return null;
    const r = await byKeyLoader<CandidateRecord, string>(ctx, CandidateRecord, 'id').load(key);
    if (!r) return null;
    // a record the caller may not see answers exactly like a missing one (issue 8)
    const view = await candidateViewOf(ctx, r);
    return view === 'NONE' ? null : toCandidateGql(r, view, ctx.clock);
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => [CandidateStageChange], { description: 'Stage history, oldest first.' })
  async history(@Root() c: Candidate, @Ctx() ctx: GatewayContext): Promise<CandidateStageChange[]> {
    const rows = await groupLoader<CandidateStageChangeRecord, string>(ctx, CandidateStageChangeRecord, 'candidateId', [['sequence', 'asc']]).load(c.id);
    const view = visible(viewOf(c));
    return rows.map((h) =>
      withView({ sequence: h.sequence, from: h.fromStage, to: h.toStage, at: h.at, actor: h.actor, note: h.note, reason: h.reason ?? null }, view),
    );
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => JobOpening, { nullable: true, description: 'The opening of the current (or last) selection.' })
  async opening(@Root() c: Candidate, @Ctx() ctx: GatewayContext): Promise<JobOpening | null> {
    if (!c.openingId) return null;
    const r = await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(c.openingId);
    return r ? toOpeningGql(r) : null;
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => [Placement], { description: 'Placements, newest first.' })
  async placements(@Root() c: Candidate, @Ctx() ctx: GatewayContext): Promise<Placement[]> {
    const rows = await groupLoader<PlacementRecord, string>(ctx, PlacementRecord, 'candidateId', [['createdAt', 'desc'], ['id', 'desc']]).load(c.id);
    const view = visible(viewOf(c));
    return rows.map((r) => withView(toPlacementGql(r), view));
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => EligibilityEvaluation, {
    description:
      'Eligibility computed now from the stored profile: for the opening given, else the candidate’s opening, else the target route and occupation (not in the analyst view: per-rule outcomes reveal health and criminal data).',
  })
  async eligibility(
    @Root() c: Candidate,
    @Ctx() ctx: GatewayContext,
    @Arg('openingId', () => ID, { nullable: true, description: 'Evaluate for this opening.' }) openingId?: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Evaluation date (default: today in WIB).' }) asOf?: Date,
  ): Promise<EligibilityEvaluation> {
    const date = asOf ? isoDateOf(asOf) : today(nowTimestamp(ctx));
    const id = openingId ? checkId(openingId, ['openingId']) : c.openingId;
    let evaluation: DomainEvaluation;
    if (id) {
      const loaded = await loadOpening(ctx, id);
      // an opening the caller may not see (a CANDIDATE and an unpublished one) answers like a missing one,
      // unless it is the candidate's own
      if (!loaded || (loaded.record.id !== c.openingId && !canSeeOpening(ctx.principal, loaded.record.status))) throw notFound('Job opening', ['openingId']);
      evaluation = evaluateEligibility({ profile: c.storedProfile, route: loaded.record.route, asOf: date, opening: loaded.domain.toEligibilityOpening() });
    } else if (c.targetRoute) {
      evaluation = evaluateEligibility({
        profile: c.storedProfile,
        route: c.targetRoute,
        asOf: date,
        ...(c.targetOccupation ? { opening: { occupation: c.targetOccupation } } : {}),
      });
    } else {
      throw new GatewayError(
        'BAD_USER_INPUT',
        { id: 'Kandidat belum memiliki rute tujuan; sebutkan lowongan.', en: 'The candidate has no target route; give an opening.' },
        { field: ['openingId'] },
      );
    }
    return toEligibilityGql(evaluation);
  }

  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => CostEstimateGql, {
    description:
      'Cost estimate for the candidate’s opening (else the target route and occupation), computed now from stored data; amounts DOMAIN.md does not give are inputs.',
  })
  async costEstimate(@Root() c: Candidate, @Args() args: CandidateCostArgs, @Ctx() ctx: GatewayContext): Promise<CostEstimateGql> {
    const opening = c.openingId ? await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(c.openingId) : undefined;
    const route = opening?.route ?? c.targetRoute;
    const occupation = opening?.occupation ?? c.targetOccupation;
    const contractMonths = args.contractMonths ?? opening?.contractMonths ?? null;
    if (!route || !occupation || !contractMonths) {
      throw new GatewayError(
        'BAD_USER_INPUT',
        {
          id: 'Rute, jabatan dan lama kontrak belum diketahui; sebutkan contractMonths atau seleksi kandidat ke lowongan.',
          en: 'Route, occupation and contract length are not known yet; give contractMonths or select the candidate for an opening.',
        },
        { field: ['contractMonths'] },
      );
    }
    return toCostEstimateGql(
      estimateCostsFor({
        route,
        occupation,
        contractMonths,
        asOf: args.asOf ?? new Date(`${today(nowTimestamp(ctx))}T00:00:00Z`),
        ...(args.inputs ? { inputs: args.inputs } : {}),
        ...(args.overlays ? { overlays: args.overlays } : {}),
      }),
    );
  }

  // ------------------------------------------------------------ mutations

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Register a candidate (NIK checked in full and unique; stage REGISTERED). OFFICER.' })
  async registerCandidate(@Args() { input }: RegisterCandidateArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const record = await runUseCase(ctx, registerCandidate, {
      profile: profileOf(input.profile),
      targetRoute: input.targetRoute ?? null,
      targetOccupation: input.targetOccupation ?? null,
      externalRefs: (input.externalRefs ?? []).map((r) => ({ system: r.system, reference: r.reference })),
      note: input.note ?? null,
    });
    return toCandidateGql(record, 'FULL', ctx.clock);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Replace a candidate’s profile (and target, while REGISTERED). OFFICER.' })
  async updateCandidateProfile(@Args() { input }: UpdateCandidateProfileArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const id = checkId(input.id, ['input', 'id']);
    const target =
      input.targetRoute !== undefined || input.targetOccupation !== undefined
        ? { target: { route: input.targetRoute ?? null, occupation: input.targetOccupation ?? null } }
        : {};
    const record = await runUseCase(ctx, updateCandidateProfile, { id, profile: profileOf(input.profile), ...target });
    return toCandidateGql(record, 'FULL', ctx.clock);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Add a document record to a candidate’s profile. OFFICER.' })
  async addCandidateDocument(@Args() { input }: AddCandidateDocumentArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const candidateId = checkId(input.candidateId, ['input', 'candidateId']);
    const record = await runUseCase(ctx, addCandidateDocument, { candidateId, document: plainOf<CandidateDocument>(input.document) });
    return toCandidateGql(record, 'FULL', ctx.clock);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, {
    description:
      'Move a candidate one stage on (gates use eligibility). Withdrawing or rejecting a candidate who holds a seat gives the seat back. OFFICER.',
  })
  async advanceCandidate(@Args() args: AdvanceCandidateArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const id = checkId(args.id, ['id']);
    const record = await runUseCase(ctx, advanceCandidate, { id, to: args.to, note: args.note ?? null, reason: args.reason ?? null });
    return toCandidateGql(record, 'FULL', ctx.clock);
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => SeatAllocationResult, {
    description:
      'Select a candidate for an opening: one seat of the opening’s quota, the candidate moves to SELECTED, a placement is created. Safe under concurrent calls: QUOTA_EXHAUSTED when no seat is left, CANDIDATE_NOT_ELIGIBLE when the candidate does not qualify. OFFICER.',
  })
  async allocateSeat(@Args() args: AllocateSeatArgs, @Ctx() ctx: GatewayContext): Promise<SeatAllocationResult> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    const openingId = checkId(args.openingId, ['openingId']);
    const seat = await runUseCase(ctx, allocateSeat, { candidateId, openingId, note: args.note ?? null });
    return { candidate: toCandidateGql(seat.candidate, 'FULL', ctx.clock), placement: toPlacementGql(seat.placement) };
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Give a seat back before departure (withdrawal or rejection, with the reason); the placement is cancelled. OFFICER.' })
  async releaseSeat(@Args() args: ReleaseSeatArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    const record = await runUseCase(ctx, releaseSeat, { candidateId, reason: args.reason, note: args.note });
    return toCandidateGql(record, 'FULL', ctx.clock);
  }
}

@Resolver(() => Placement)
export class PlacementResolver {
  @Authorized(...PERSONAL_RULE)
  @FieldResolver(() => JobOpening, { description: 'The opening.' })
  async opening(@Root() p: Placement, @Ctx() ctx: GatewayContext): Promise<JobOpening> {
    const r = await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(p.openingId);
    if (!r) throw new GatewayError('INTERNAL_SERVER_ERROR');
    return toOpeningGql(r);
  }
}
