/**
 * Candidates: list with filters (stage, kecamatan, occupation, route, stored eligibility), one by id,
 * stored evaluations, and the mutations — register, update profile, add document, advance, and
 * `allocateSeat` / `releaseSeat`.
 *
 * Seat allocation is safe under concurrency: the opening row and then the quota row are locked
 * (`SELECT … FOR UPDATE`) before the domain's `selectCandidate` checks the seats, so concurrent calls
 * for one quota run one after another; the CHECK constraints `allocated <= seats` on quota and
 * job_opening back it in the database. Lock order everywhere: opening → MoU → quota → candidate.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArrayMaxSize, IsIn, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Extensions, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  Candidate as DomainCandidate,
  CANDIDATE_STAGES,
  CandidateErrors,
  DomainError,
  estimateCosts,
  evaluateEligibility,
  JobOpening as DomainJobOpening,
  KOTA_SERANG_KECAMATAN,
  maskNik,
  Mou as DomainMou,
  OCCUPATIONS,
  parameterSnapshot,
  Placement as DomainPlacement,
  Quota as DomainQuota,
  QuotaErrors,
  rankCandidates,
  releaseCandidateSeat,
  ROUTES,
  selectCandidate,
  wibDateOf,
  type CandidateProfile,
  type CandidateStage,
  type EligibilityEvaluation as DomainEvaluation,
  type IsoDate,
  type KotaSerangKecamatan,
  type Occupation,
  type Route,
} from '../../domain';
import {
  applyCandidateSnapshot,
  applyPlacementSnapshot,
  candidateSnapshotOf,
  derivedColumns,
  loadCandidateRows,
  placementSnapshotOf,
} from '../../persistence/candidate.mapper';
import {
  CandidateRecord,
  CandidateStageChangeRecord,
  PlacementCostShareRecord,
  PlacementRecord,
  PlacementStatusChangeRecord,
  SELECTION_STATUSES,
  type StoredSelectionStatus,
} from '../../persistence/candidate.schema';
import { loadMouRows, mouSnapshotOf } from '../../persistence/mou.mapper';
import { applyOpeningSnapshot, applyQuotaSnapshot, loadOpeningRows, openingSnapshotOf, quotaSnapshotOf, type OpeningRows, type QuotaRows } from '../../persistence/opening.mapper';
import { JobOpeningRecord, QuotaRecord, SeatAllocationRecord } from '../../persistence/opening.schema';
import { ageBandOf } from '../../security/masking';
import { viewOf, withView } from '../../security/record-view';
import { CANDIDATE_LOOKUP_RULE, PERSONAL_RULE, RANKING_RULE, WRITE_RULE } from '../../security/rules';
import { assertBeforeDeadline } from '../../security/query-timeout';
import { ForbiddenError } from '../../security/security-error';
import type { CandidateView } from '../../security/auth-checker';
import { analystWithoutRecordRights, auditChange, candidateListWhere, candidateViewOf, candidateViews, canSeeOpening } from '../access';
import type { GatewayContext } from '../context';
import { unwrapOrThrow } from '../domain-result';
import { fromDomainError, GatewayError, notFound } from '../errors';
import { KecamatanEnum, OccupationEnum, RouteEnum } from '../enums';
import { timestampOf, type Clock } from '../../clock';
import { checkId, newId, nowTimestamp } from '../ids';
import { byKeyLoader, groupLoader } from '../loaders';
import { DateScalar, isoDateOf } from '../scalars';
import {
  AddCandidateDocumentArgs,
  AdvanceCandidateArgs,
  AllocateSeatArgs,
  Candidate,
  CandidateStageChange,
  CandidateStageEnum,
  Placement,
  RegisterCandidateArgs,
  ReleaseSeatArgs,
  SeatAllocationResult,
  UpdateCandidateProfileArgs,
} from '../types/candidate.type';
import { checkedCursor, connectionType, DEFAULT_PAGE_SIZE, emptyConnection, MAX_FILTER_VALUES, PageArgs, toConnection } from '../types/connection.type';
import { EligibilityEvaluation, SelectionStatusEnum, toEligibilityGql } from '../types/eligibility.type';
import { JobOpening } from '../types/mou.type';
import { plainOf, profileOf } from '../types/profile.type';
import { CostEstimateGql, CostInputsInput, CostOverlayEnum, toCostEstimateGql, type CostOverlay } from '../types/costs.type';
import { estimateCostsFor } from './calculations.resolver';
import { toOpeningGql } from './opening.resolver';
import { loadQuotaRowsFor } from './quota.resolver';

export const CandidateConnection = connectionType(Candidate, 'Candidate', 'candidate', { nodeRule: PERSONAL_RULE });

/** A record as the caller may see it: `FULL` (there is no partial view: access.ts). */
export type VisibleView = Exclude<CandidateView, 'NONE'>;

/** The view, or FORBIDDEN (fail closed when a record the caller may not see reaches a mapper). */
export function visible(view: CandidateView | undefined): VisibleView {
  if (view === 'FULL') return view;
  throw new ForbiddenError();
}

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

/** The GraphQL shape of a candidate, tagged with its view (security/record-view.ts). */
/** `clock` dates the age band (clock.ts). */
export function toCandidateGql(r: CandidateRecord, view: VisibleView, clock: Clock): Candidate {
  const asOf = today(timestampOf(clock));
  const ageBand = r.birthDate ? ageBandOf(r.birthDate, asOf) : undefined;
  const stored = (r.profile ?? {}) as CandidateProfile;
  const profile = withView({ ...stored, ...(ageBand ? { ageBand } : {}) }, view);
  return withView(
    {
      id: r.id,
      stage: r.stage,
      stageSince: r.stageSince,
      targetRoute: r.targetRoute,
      targetOccupation: r.targetOccupation,
      nikMasked: r.nik ? maskNik(r.nik) : null,
      kecamatan: r.kecamatan,
      sex: r.sex,
      profile: profile as never,
      eligibilityStatus: r.eligibility,
      eligibilityAsOf: r.eligibilityAsOf,
      externalRefs: (r.externalRefs ?? []).map((x) =>
        withView({ system: x.system, reference: x.reference }, view),
      ),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      openingId: r.openingId,
      quotaId: r.quotaId,
      storedProfile: stored,
    },
    view,
  );
}

export function toPlacementGql(r: PlacementRecord): Placement {
  return {
    id: r.id,
    status: r.status,
    occupation: r.occupation,
    route: r.route,
    contractMonths: r.contractMonths,
    allocatedOn: r.allocatedOn,
    departedOn: r.departedOn,
    startedWorkOn: r.startedWorkOn,
    expectedEndOn: r.expectedEndOn,
    returnedOn: r.returnedOn,
    cancelledOn: r.cancelledOn,
    candidateId: r.candidateId,
    openingId: r.openingId,
    mouId: r.mouId,
    employerPartyId: r.employerPartyId,
  };
}

// ---------------------------------------------------------------- list filters

@InputType({ description: 'Filters for the candidate list (all optional, combined with AND).' })
export class CandidateFilter {
  @Field(() => [CandidateStageEnum], { nullable: true, description: 'Only these stages.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...CANDIDATE_STAGES], { each: true })
  stages?: CandidateStage[];

  @Field(() => [KecamatanEnum], { nullable: true, description: 'Only residents of these kecamatan (from the KTP/KK address).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...KOTA_SERANG_KECAMATAN], { each: true })
  kecamatans?: KotaSerangKecamatan[];

  @Field(() => [OccupationEnum], { nullable: true, description: 'Only candidates aiming for these occupations.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...OCCUPATIONS], { each: true })
  occupations?: Occupation[];

  @Field(() => [RouteEnum], { nullable: true, description: 'Only candidates aiming for these routes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...ROUTES], { each: true })
  routes?: Route[];

  @Field(() => [SelectionStatusEnum], { nullable: true, description: 'Only these stored selection verdicts.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn([...SELECTION_STATUSES], { each: true })
  eligibility?: StoredSelectionStatus[];
}

@ArgsType()
export class CandidatesArgs extends PageArgs {
  @Field(() => CandidateFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: CandidateFilter;
}

export function candidateWhere(filter: CandidateFilter | undefined): FilterQuery<CandidateRecord> {
  const where: Record<string, unknown> = {};
  if (filter?.stages?.length) where.stage = { $in: filter.stages };
  if (filter?.kecamatans?.length) where.kecamatan = { $in: filter.kecamatans };
  if (filter?.occupations?.length) where.targetOccupation = { $in: filter.occupations };
  if (filter?.routes?.length) where.targetRoute = { $in: filter.routes };
  if (filter?.eligibility?.length) where.eligibility = { $in: filter.eligibility };
  return where as FilterQuery<CandidateRecord>;
}

// ---------------------------------------------------------------- helpers

function today(at: string): IsoDate {
  return wibDateOf(at);
}

/** The selection verdict stored with the candidate: for its opening, else its target route/occupation. */
export function storedEligibility(
  profile: CandidateProfile,
  target: { route: Route | null; occupation: Occupation | null },
  opening: DomainJobOpening | undefined,
  asOf: IsoDate,
): { status: StoredSelectionStatus; asOf: IsoDate } | null {
  const route = opening?.route ?? target.route;
  if (!route) return null;
  try {
    const e = evaluateEligibility({
      profile,
      route,
      asOf,
      ...(opening ? { opening: opening.toEligibilityOpening() } : target.occupation ? { opening: { occupation: target.occupation } } : {}),
    });
    return { status: e.verdict.selection, asOf };
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

async function loadOpeningDomain(em: EntityManager, id: string | null): Promise<DomainJobOpening | undefined> {
  if (!id) return undefined;
  const rows = await loadOpeningRows(em, id);
  return rows ? DomainJobOpening.fromSnapshot(openingSnapshotOf(rows)) : undefined;
}

/** Write back a quota and keep its opening's `allocated` counter in step with the allocation rows. */
function writeSeats(em: EntityManager, quotaRows: QuotaRows, quota: DomainQuota, openingRows: OpeningRows, now: Date): void {
  applyQuotaSnapshot(em, quotaRows, quota.toSnapshot(), now);
  openingRows.opening.allocated = quota.allocatedFor(openingRows.opening.id);
  openingRows.opening.updatedAt = now;
}

interface SeatContext {
  openingRows: OpeningRows;
  opening: DomainJobOpening;
  quotaRows: QuotaRows;
  quota: DomainQuota;
}

/** Lock the opening, then its quota (the lock order of every seat change). */
async function lockSeatContext(em: EntityManager, openingId: string, field: readonly string[]): Promise<SeatContext> {
  const openingRows = await loadOpeningRows(em, openingId, true);
  if (!openingRows) throw notFound('Job opening', field);
  const opening = DomainJobOpening.fromSnapshot(openingSnapshotOf(openingRows));
  const quotaRows = await loadQuotaRowsFor(em, { mouId: opening.mouId, occupation: opening.occupation, route: opening.route });
  if (!quotaRows) throw fromDomainError({ ...QuotaErrors.openingMismatch(), path: [] }, field);
  return { openingRows, opening, quotaRows, quota: DomainQuota.fromSnapshot(quotaSnapshotOf(quotaRows)) };
}

async function releaseSeatIn(
  em: EntityManager,
  ctx: GatewayContext,
  candidateId: string,
  to: 'WITHDRAWN' | 'REJECTED',
  note: string | null,
  field: readonly string[],
  action: 'releaseSeat' | 'advanceCandidate',
): Promise<CandidateRecord> {
  const peek = await em.findOne(CandidateRecord, { id: candidateId });
  if (!peek) throw notFound('Candidate', field);
  if (!peek.openingId) throw fromDomainError(QuotaErrors.notAllocated(), []);
  const seat = await lockSeatContext(em, peek.openingId, field);
  const candRows = await loadCandidateRows(em, candidateId, true);
  if (!candRows) throw notFound('Candidate', field);
  const candidate = DomainCandidate.fromSnapshot(candidateSnapshotOf(candRows));
  const before = candidate.toSnapshot();
  const placementRecord = await em.findOne(PlacementRecord, { candidateId, quotaId: seat.quotaRows.quota.id, status: 'ALLOCATED' });
  if (!placementRecord) throw fromDomainError(QuotaErrors.notAllocated(), []);
  const placementHistory = await em.find(PlacementStatusChangeRecord, { placementId: placementRecord.id });
  const placementRows = { placement: placementRecord, history: placementHistory };
  const placement = DomainPlacement.fromSnapshot(placementSnapshotOf(placementRows));
  const at = nowTimestamp(ctx);
  if (note === null) throw fromDomainError(CandidateErrors.noteRequired(), []);
  unwrapOrThrow(releaseCandidateSeat({ candidate, quota: seat.quota, placement, to, at, actor: ctx.actor, note }), []);
  const now = ctx.clock.now();
  writeSeats(em, seat.quotaRows, seat.quota, seat.openingRows, now);
  applyPlacementSnapshot(em, placementRows, placement.toSnapshot(), now);
  const written = applyCandidateSnapshot(em, candRows, candidate.toSnapshot(), now, null, today(at));
  await auditChange(em, ctx, {
    action,
    entityType: 'Candidate',
    entityId: candidateId,
    before,
    after: { ...candidate.toSnapshot(), releasedPlacementId: placementRecord.id },
  });
  await em.flush();
  return written.candidate;
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
 * Candidates considered for an opening: registered for its route and occupation (at most this many).
 * Ranking them is the field's work whatever `first` asks for, so the field declares it as its cost
 * weight (security/query-cost.ts): 3 per candidate considered (its row read, its profile evaluated,
 * its place sorted), so one request ranks at most 3 full pools under the default cost limit of 20,000.
 * Measured: a full pool of 2,000 costs about 400 ms (175 ms of it in the domain's rankCandidates).
 */
const RANKING_POOL_LIMIT = 2000;
const RANKING_COST_PER_CANDIDATE = 3;

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
  @Extensions({ cost: { weight: RANKING_POOL_LIMIT * RANKING_COST_PER_CANDIDATE } })
  @FieldResolver(() => [RankedCandidate], {
    description: `Registered candidates aiming for this opening’s route and occupation, ranked: eligible first, then by score (at most ${RANKING_POOL_LIMIT} are considered). Only the candidates the caller may see are read and ranked (OFFICER: all; PARTNER: those placed under its MoUs; not for ANALYST, who reads the protected aggregates), so a rank is the position among the candidates the caller may see: for OFFICER that is every candidate.`,
  })
  async rankedCandidates(@Root() opening: JobOpening, @Args() args: RankedCandidatesArgs, @Ctx() ctx: GatewayContext): Promise<RankedCandidate[]> {
    // Access first, in SQL: only the rows the caller may see are read, ranked and joined. A caller who
    // may see none of them causes no ranking work (and, without any party or candidate id, no SQL).
    const scope = candidateListWhere(ctx);
    if (scope === null) return [];
    const pool: FilterQuery<CandidateRecord> = { stage: 'REGISTERED', targetRoute: opening.route, targetOccupation: opening.occupation };
    const rows = await ctx.em.find(
      CandidateRecord,
      Object.keys(scope).length === 0 ? pool : ({ $and: [pool, scope] } as FilterQuery<CandidateRecord>),
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: RANKING_POOL_LIMIT },
    );
    if (rows.length === 0) return [];
    // ranking is CPU work that cannot be interrupted: none starts after the request's deadline
    assertBeforeDeadline();
    const domainOpening = await loadOpeningDomain(ctx.em, opening.id);
    const asOf = args.asOf ? isoDateOf(args.asOf) : today(nowTimestamp(ctx));
    const ranked = rankCandidates({
      candidates: rows.map((r) => ({ id: r.id, profile: r.profile ?? {}, registeredOn: wibDateOf(r.createdAt.toISOString()) })),
      route: opening.route,
      asOf,
      ...(domainOpening ? { opening: domainOpening.toEligibilityOpening() } : {}),
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const views = await candidateViews(ctx, rows);
    return ranked
      .filter((r) => views.get(r.id) !== 'NONE')
      .slice(0, args.first ?? DEFAULT_PAGE_SIZE)
      .map((r) => {
        const view = visible(views.get(r.id));
        return withView(
          {
            rank: r.rank,
            candidate: toCandidateGql(byId.get(r.id) as CandidateRecord, view, ctx.clock),
            selection: r.selection,
            eligibleToBeSelected: r.eligibleToBeSelected,
            score: withView({ ...r.score }, view),
          },
          view,
        );
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
  async candidates(@Args() args: CandidatesArgs, @Ctx() ctx: GatewayContext) {
    const scope = candidateListWhere(ctx);
    // no list (and no totalCount) for ANALYST: every filter would be an exact, unsuppressed count
    if (scope === null && analystWithoutRecordRights(ctx)) throw analystUseAggregatesError();
    if (scope === null) return emptyConnection();
    const filter = candidateWhere(args.filter);
    const where = Object.keys(scope).length === 0 ? filter : ({ $and: [filter, scope] } as FilterQuery<CandidateRecord>);
    const cursor = await ctx.em.findByCursor(CandidateRecord, where, {
      first: args.first ?? DEFAULT_PAGE_SIZE,
      ...(args.after ? { after: checkedCursor(args.after) } : {}),
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    const views = await candidateViews(ctx, cursor.items as CandidateRecord[]);
    return toConnection(cursor, (r) => toCandidateGql(r, visible(views.get(r.id)), ctx.clock));
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
    const rows = await groupLoader<CandidateStageChangeRecord, string>(ctx, CandidateStageChangeRecord, 'candidateId', { sequence: 'asc' }).load(c.id);
    const view = visible(viewOf(c));
    return rows.map((h) =>
      withView({ sequence: h.sequence, from: h.fromStage, to: h.toStage, at: h.at, actor: h.actor, note: h.note }, view),
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
    const rows = await groupLoader<PlacementRecord, string>(ctx, PlacementRecord, 'candidateId', { createdAt: 'desc', id: 'desc' }).load(c.id);
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
      const record = await byKeyLoader<JobOpeningRecord, string>(ctx, JobOpeningRecord, 'id').load(id);
      // an opening the caller may not see (a CANDIDATE and an unpublished one) answers like a missing one,
      // unless it is the candidate's own
      if (!record || (record.id !== c.openingId && !canSeeOpening(ctx.principal, record.status))) throw notFound('Job opening', ['openingId']);
      const opening = await loadOpeningDomain(ctx.em, record.id);
      evaluation = evaluateEligibility({ profile: c.storedProfile, route: record.route, asOf: date, opening: (opening as DomainJobOpening).toEligibilityOpening() });
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
    return ctx.em.transactional(async (em) => {
      const at = nowTimestamp(ctx);
      const candidate = unwrapOrThrow(
        DomainCandidate.register({
          id: newId(),
          profile: profileOf(input.profile),
          targetRoute: input.targetRoute ?? null,
          targetOccupation: input.targetOccupation ?? null,
          externalRefs: (input.externalRefs ?? []).map((r) => ({ system: r.system, reference: r.reference })),
          at,
          actor: ctx.actor,
          note: input.note ?? null,
        }),
      );
      const snapshot = candidate.toSnapshot();
      const asOf = today(at);
      await assertNikFree(em, derivedColumns(snapshot, asOf).nik, undefined);
      const rows = applyCandidateSnapshot(
        em,
        undefined,
        snapshot,
        ctx.clock.now(),
        storedEligibility(snapshot.profile, { route: snapshot.targetRoute, occupation: snapshot.targetOccupation }, undefined, asOf),
        asOf,
      );
      await auditChange(em, ctx, { action: 'registerCandidate', entityType: 'Candidate', entityId: snapshot.id, before: null, after: snapshot });
      await em.flush();
      return toCandidateGql(rows.candidate, 'FULL', ctx.clock);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Replace a candidate’s profile (and target, while REGISTERED). OFFICER.' })
  async updateCandidateProfile(@Args() { input }: UpdateCandidateProfileArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const id = checkId(input.id, ['input', 'id']);
    return ctx.em.transactional(async (em) => {
      const rows = await loadCandidateRows(em, id, true);
      if (!rows) throw notFound('Candidate', ['input', 'id']);
      const candidate = DomainCandidate.fromSnapshot(candidateSnapshotOf(rows));
      const before = candidate.toSnapshot();
      const at = nowTimestamp(ctx);
      unwrapOrThrow(candidate.updateProfile(profileOf(input.profile), today(at)));
      if (input.targetRoute !== undefined || input.targetOccupation !== undefined) {
        unwrapOrThrow(candidate.setTarget(input.targetRoute ?? candidate.targetRoute, input.targetOccupation ?? candidate.targetOccupation));
      }
      return toCandidateGql(await saveCandidate(em, ctx, rows, candidate, at, { action: 'updateCandidateProfile', before }), 'FULL', ctx.clock);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Add a document record to a candidate’s profile. OFFICER.' })
  async addCandidateDocument(@Args() { input }: AddCandidateDocumentArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const id = checkId(input.candidateId, ['input', 'candidateId']);
    return ctx.em.transactional(async (em) => {
      const rows = await loadCandidateRows(em, id, true);
      if (!rows) throw notFound('Candidate', ['input', 'candidateId']);
      const candidate = DomainCandidate.fromSnapshot(candidateSnapshotOf(rows));
      const before = candidate.toSnapshot();
      const at = nowTimestamp(ctx);
      const document = plainOf<Parameters<DomainCandidate['addDocument']>[0]>(input.document);
      const r = candidate.addDocument(document, today(at));
      if (!r.ok) {
        // the domain reports the path in the whole profile (profile.documents.N...): point at the input
        throw fromDomainError({ ...r.error, path: ['document', ...(r.error.path ?? []).slice(3)] }, ['input']);
      }
      return toCandidateGql(await saveCandidate(em, ctx, rows, candidate, at, { action: 'addCandidateDocument', before }), 'FULL', ctx.clock);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, {
    description:
      'Move a candidate one stage on (gates use eligibility). Withdrawing or rejecting a candidate who holds a seat gives the seat back. OFFICER.',
  })
  async advanceCandidate(@Args() args: AdvanceCandidateArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const id = checkId(args.id, ['id']);
    return ctx.em.transactional(async (em) => {
      const peek = await em.findOne(CandidateRecord, { id });
      if (!peek) throw notFound('Candidate', ['id']);
      if ((args.to === 'WITHDRAWN' || args.to === 'REJECTED') && peek.quotaId && peek.stage !== 'REGISTERED' && peek.openingId) {
        const seatHeld = await em.count(PlacementRecord, { candidateId: id, quotaId: peek.quotaId, status: 'ALLOCATED' });
        if (seatHeld > 0) return toCandidateGql(await releaseSeatIn(em, ctx, id, args.to, args.note ?? null, ['id'], 'advanceCandidate'), 'FULL', ctx.clock);
      }
      const rows = await loadCandidateRows(em, id, true);
      if (!rows) throw notFound('Candidate', ['id']);
      const candidate = DomainCandidate.fromSnapshot(candidateSnapshotOf(rows));
      const before = candidate.toSnapshot();
      const at = nowTimestamp(ctx);
      const opening = await loadOpeningDomain(em, candidate.openingId);
      let quota: DomainQuota | undefined;
      if (candidate.quotaId) {
        const q = await em.findOne(QuotaRecord, { id: candidate.quotaId });
        if (q) quota = DomainQuota.fromSnapshot(quotaSnapshotOf({ quota: q, allocations: await em.find(SeatAllocationRecord, { quotaId: q.id }) }));
      }
      unwrapOrThrow(
        candidate.advance(args.to, {
          at,
          actor: ctx.actor,
          note: args.note ?? null,
          ...(opening ? { opening } : {}),
          ...(quota ? { quota } : {}),
          params: parameterSnapshot(today(at)),
        }),
        [],
      );
      await advancePlacement(em, candidate, args.to, at, ctx.actor, args.note ?? null);
      return toCandidateGql(await saveCandidate(em, ctx, rows, candidate, at, { action: 'advanceCandidate', before }, opening), 'FULL', ctx.clock);
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => SeatAllocationResult, {
    description:
      'Select a candidate for an opening: one seat of the opening’s quota, the candidate moves to SELECTED, a placement is created. Safe under concurrent calls: QUOTA_EXHAUSTED when no seat is left, CANDIDATE_NOT_ELIGIBLE when the candidate does not qualify. OFFICER.',
  })
  async allocateSeat(@Args() args: AllocateSeatArgs, @Ctx() ctx: GatewayContext): Promise<SeatAllocationResult> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    const openingId = checkId(args.openingId, ['openingId']);
    return ctx.em.transactional(async (em) => {
      const seat = await lockSeatContext(em, openingId, ['openingId']);
      const candRows = await loadCandidateRows(em, candidateId, true);
      if (!candRows) throw notFound('Candidate', ['candidateId']);
      const candidate = DomainCandidate.fromSnapshot(candidateSnapshotOf(candRows));
      const before = candidate.toSnapshot();
      const mouRows = await loadMouRows(em, seat.opening.mouId);
      if (!mouRows) throw new GatewayError('INTERNAL_SERVER_ERROR');
      const mou = DomainMou.fromSnapshot(mouSnapshotOf(mouRows));
      const at = nowTimestamp(ctx);
      const outcome = unwrapOrThrow(
        selectCandidate({
          candidate,
          opening: seat.opening,
          quota: seat.quota,
          mou,
          params: parameterSnapshot(today(at)),
          placementId: newId(),
          at,
          actor: ctx.actor,
          note: args.note ?? null,
        }),
        [],
      );
      const now = ctx.clock.now();
      writeSeats(em, seat.quotaRows, seat.quota, seat.openingRows, now);
      const placement = applyPlacementSnapshot(em, undefined, outcome.placement.toSnapshot(), now);
      storeCostShares(em, ctx, placement.placement.id, seat.opening, today(at));
      const evaluation = outcome.report.evaluation;
      const written = applyCandidateSnapshot(
        em,
        candRows,
        candidate.toSnapshot(),
        now,
        evaluation ? { status: evaluation.verdict.selection, asOf: evaluation.asOf } : null,
        today(at),
      );
      await auditChange(em, ctx, {
        action: 'allocateSeat',
        entityType: 'Candidate',
        entityId: candidateId,
        before,
        after: { ...candidate.toSnapshot(), placementId: placement.placement.id },
      });
      await em.flush();
      return { candidate: toCandidateGql(written.candidate, 'FULL', ctx.clock), placement: toPlacementGql(placement.placement) };
    });
  }

  @Authorized(...WRITE_RULE)
  @Mutation(() => Candidate, { description: 'Give a seat back before departure (withdrawal or rejection, with the reason); the placement is cancelled. OFFICER.' })
  async releaseSeat(@Args() args: ReleaseSeatArgs, @Ctx() ctx: GatewayContext): Promise<Candidate> {
    const candidateId = checkId(args.candidateId, ['candidateId']);
    return ctx.em.transactional(async (em) =>
      toCandidateGql(await releaseSeatIn(em, ctx, candidateId, args.reason, args.note, ['candidateId'], 'releaseSeat'), 'FULL', ctx.clock),
    );
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

async function assertNikFree(em: EntityManager, nik: string | null, exceptId: string | undefined): Promise<void> {
  if (!nik) return;
  const other = await em.findOne(CandidateRecord, { nik, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, { fields: ['id'] as never });
  if (other) {
    throw new GatewayError(
      'CONFLICT',
      { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' },
      { field: ['input', 'profile', 'nik'], domainCode: 'CANDIDATE.DUPLICATE_NIK' },
    );
  }
}

async function saveCandidate(
  em: EntityManager,
  ctx: GatewayContext,
  rows: Awaited<ReturnType<typeof loadCandidateRows>> & object,
  candidate: DomainCandidate,
  at: string,
  change: { readonly action: string; readonly before: unknown },
  opening?: DomainJobOpening,
): Promise<CandidateRecord> {
  const snapshot = candidate.toSnapshot();
  const asOf = today(at);
  const op = opening ?? (await loadOpeningDomain(em, snapshot.openingId));
  await assertNikFree(em, derivedColumns(snapshot, asOf).nik, snapshot.id);
  const written = applyCandidateSnapshot(
    em,
    rows,
    snapshot,
    ctx.clock.now(),
    storedEligibility(snapshot.profile, { route: snapshot.targetRoute, occupation: snapshot.targetOccupation }, op, asOf),
    asOf,
  );
  await auditChange(em, ctx, { action: change.action, entityType: 'Candidate', entityId: snapshot.id, before: change.before, after: snapshot });
  await em.flush();
  return written.candidate;
}

/** Departure, start of work and return are recorded on the placement too. */
async function advancePlacement(em: EntityManager, candidate: DomainCandidate, to: CandidateStage, at: string, actor: string, note: string | null): Promise<void> {
  if (to !== 'DEPARTED' && to !== 'PLACED' && to !== 'RETURNED') return;
  if (!candidate.quotaId) return;
  const record = await em.findOne(PlacementRecord, { candidateId: candidate.id, quotaId: candidate.quotaId, status: { $ne: 'CANCELLED' } }, { orderBy: { createdAt: 'desc' } });
  if (!record) return;
  const rows = { placement: record, history: await em.find(PlacementStatusChangeRecord, { placementId: record.id }) };
  const placement = DomainPlacement.fromSnapshot(placementSnapshotOf(rows));
  const event = { on: today(at), at, actor, note };
  const r = to === 'DEPARTED' ? placement.recordDeparture(event) : to === 'PLACED' ? placement.recordStartOfWork(event) : placement.recordReturn(event);
  unwrapOrThrow(r, []);
  applyPlacementSnapshot(em, rows, placement.toSnapshot(), new Date(at));
}

/** Store the placement's cost estimate per line and payer (for the SQL totals by payer). */
function storeCostShares(em: EntityManager, ctx: GatewayContext, placementId: string, opening: DomainJobOpening, asOf: IsoDate): void {
  const contractMonths = opening.contractMonths;
  if (!contractMonths) return;
  let estimate;
  try {
    estimate = estimateCosts({ route: opening.route, occupation: opening.occupation, contractMonths }, parameterSnapshot(asOf));
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    ctx.log.warn({ code: e.code, placementId }, 'no cost estimate stored for the placement');
    return;
  }
  for (const line of estimate.lines) {
    if (line.status !== 'KNOWN') continue;
    for (const share of line.payers) {
      if (!share.amountIdr || share.amountIdr.amount === 0) continue;
      em.persist(
        Object.assign(new PlacementCostShareRecord(), {
          placementId,
          lineId: line.id,
          timing: line.timing,
          payer: share.payer,
          amountIdr: String(share.amountIdr.amount),
        }),
      );
    }
  }
}
