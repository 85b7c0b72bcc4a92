/**
 * Row-level access for resolvers (issue 5): which candidate records a caller may see and how much of
 * them (security/auth-checker.ts `candidateView`) and which job openings count as published. (The audit
 * row every mutation writes is the use cases' job: use-cases/audit.ts.)
 *
 * Candidate records, per role (the strongest view wins):
 * - ADMIN, OFFICER (of this deployment's city): every record, in full;
 * - CANDIDATE: their own record (`candidateId`), in full;
 * - PARTNER: candidates holding a placement (not cancelled) under an MoU one of their parties is party
 *   to, in full;
 * - TRAINER: no candidate record (issue 10); what they read of their trainees hangs below a cohort of
 *   their providers (`trainingProviderScope`, below);
 * - ANALYST: no record at all (issue 8). Every record field is a dimension of the protected aggregates
 *   (stage, kecamatan, sex, occupation, age, `stageSince`) and a list's `totalCount` is an exact count
 *   for any filter, so a record view would undo the disclosure control. Analysts read the aggregates;
 *   `candidateAggregateWhere` is their (and everyone's) row scope for those.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OpeningStatus } from '../domain';
import type { CandidateRecord } from '../persistence/candidate.schema';
import type { MonthEndScope } from '../read-models/payer-financing-series.read-model';
import { candidateView, satisfiesRule, type CandidateView } from '../security/auth-checker';
import { hasRole, type Principal } from '../security/role';
import { STAFF_RULE } from '../security/rules';
import type { GatewayContext } from './context';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuids = (values: readonly string[] | undefined): string[] =>
  [...new Set((values ?? []).map((v) => v.toLowerCase()))].filter((v) => UUID_RE.test(v));

/** ADMIN, or an OFFICER of this deployment (principalForDeployment has already dropped other cities' officers). */
export function seesEveryCandidateInFull(p: Principal): boolean {
  return hasRole(p, 'ADMIN') || hasRole(p, 'OFFICER');
}

/**
 * The candidate records a caller may read, list or rank: `{}` for all, a filter for some, `null` for
 * none. The ANALYST role adds nothing here: an ANALYST + PARTNER caller lists its partner rows only.
 */
export function candidateListWhere(ctx: GatewayContext): FilterQuery<CandidateRecord> | null {
  const scope = candidateRowScope(ctx.principal);
  if (scope === null) return null;
  if (scope.all) return {};
  const or: Array<Record<string, unknown>> = [];
  if (scope.ownId !== undefined) or.push({ id: scope.ownId });
  if (scope.partyIds.length) or.push({ id: { $in: partnerCandidatesSubquery(ctx.em, scope.partyIds) } });
  return (or.length === 1 ? or[0] : { $or: or }) as FilterQuery<CandidateRecord>;
}

/**
 * The same row scope as `candidateListWhere`, as data, for read models that write it in their own
 * SQL (read-models/candidate-list.read-model.ts): every row (`all`), else the caller's own record
 * (`ownId`) and the candidates placed (not cancelled) under an MoU one of `partyIds` is party to;
 * `null` for none. Ids are lower-case UUIDs (anything else in a credential is dropped).
 */
export interface CandidateRowScope {
  readonly all: boolean;
  readonly ownId?: string | undefined;
  readonly partyIds: readonly string[];
}

export function candidateRowScope(p: Principal): CandidateRowScope | null {
  if (seesEveryCandidateInFull(p)) return { all: true, partyIds: [] };
  const own = hasRole(p, 'CANDIDATE') ? uuids(p.candidateId ? [p.candidateId] : []) : [];
  const parties = hasRole(p, 'PARTNER') ? uuids(p.partyIds) : [];
  if (own.length === 0 && parties.length === 0) return null;
  return { all: false, ownId: own[0], partyIds: parties };
}

/**
 * The rows an aggregate over candidates is computed from (financing totals): every row for OFFICER,
 * ADMIN and ANALYST (what ANALYST and PARTNER callers get back is the protected view, disclosure.ts),
 * else the caller's record scope.
 */
export function candidateAggregateWhere(ctx: GatewayContext): FilterQuery<CandidateRecord> | null {
  if (hasRole(ctx.principal, 'ANALYST')) return {};
  return candidateListWhere(ctx);
}

/**
 * The row scope of an aggregate computed at month ends (the protected view of `financingTotals`):
 * every row for ANALYST (as `candidateAggregateWhere`), else the caller's own candidate id and the
 * candidates with a placement under an MoU of one of its parties that was live at each month end (not
 * today's placements: a seat released later must not change a closed month end's answer).
 */
export function monthEndAggregateScope(ctx: GatewayContext): MonthEndScope {
  const p = ctx.principal;
  if (seesEveryCandidateInFull(p) || hasRole(p, 'ANALYST')) return { all: true };
  return {
    all: false,
    partyIds: hasRole(p, 'PARTNER') ? uuids(p.partyIds) : [],
    candidateIds: hasRole(p, 'CANDIDATE') ? uuids(p.candidateId ? [p.candidateId] : []) : [],
  };
}

/** True when the caller's only right to candidate records is ANALYST's (which gives no record). */
export function analystWithoutRecordRights(ctx: GatewayContext): boolean {
  return hasRole(ctx.principal, 'ANALYST') && candidateListWhere(ctx) === null;
}

function partnerCandidatesSubquery(em: EntityManager, partyIds: readonly string[]) {
  return em
    .getKnex()
    .select('p.candidate_id')
    .from({ p: 'placement' })
    .join({ mp: 'mou_party' }, 'mp.mou_id', 'p.mou_id')
    .whereIn('mp.party_id', [...partyIds])
    .whereNot('p.status', 'CANCELLED');
}

/** Of these candidates, the ones placed under an MoU of one of the caller's parties (one statement). */
async function partnerVisible(ctx: GatewayContext, candidateIds: readonly string[]): Promise<Set<string>> {
  const parties = hasRole(ctx.principal, 'PARTNER') ? uuids(ctx.principal.partyIds) : [];
  const ids = uuids(candidateIds);
  if (parties.length === 0 || ids.length === 0) return new Set();
  const rows = (await partnerCandidatesSubquery(ctx.em, parties).distinct().whereIn('p.candidate_id', ids)) as Array<{ candidate_id: string }>;
  return new Set(rows.map((r) => r.candidate_id));
}

/** The view the caller has on each record (`NONE`: not at all). At most one SQL statement. */
export async function candidateViews(ctx: GatewayContext, records: ReadonlyArray<Pick<CandidateRecord, 'id'>>): Promise<Map<string, CandidateView>> {
  // record ids are lower-case UUIDs; a credential may spell its candidate id in upper case
  const p: Principal = ctx.principal.candidateId ? { ...ctx.principal, candidateId: ctx.principal.candidateId.toLowerCase() } : ctx.principal;
  const out = new Map<string, CandidateView>();
  if (seesEveryCandidateInFull(p)) {
    for (const r of records) out.set(r.id, 'FULL');
    return out;
  }
  const placed = await partnerVisible(ctx, records.map((r) => r.id));
  for (const r of records) {
    out.set(r.id, candidateView(p, { candidateId: r.id, city: ctx.city, partyIds: placed.has(r.id) ? [...(p.partyIds ?? [])] : [] }));
  }
  return out;
}

export async function candidateViewOf(ctx: GatewayContext, record: Pick<CandidateRecord, 'id'>): Promise<CandidateView> {
  return (await candidateViews(ctx, [record])).get(record.id) ?? 'NONE';
}

// ---------------------------------------------------------------------------------------------------
// Job openings: the public vacancy board shows published (OPEN) openings; staff see every status.

export const PUBLISHED_OPENING_STATUSES: readonly OpeningStatus[] = ['OPEN'];

/** The statuses the caller may see; undefined = all. */
export function visibleOpeningStatuses(p: Principal): readonly OpeningStatus[] | undefined {
  return satisfiesRule(p, STAFF_RULE) ? undefined : PUBLISHED_OPENING_STATUSES;
}

export function canSeeOpening(p: Principal, status: OpeningStatus): boolean {
  const visible = visibleOpeningStatuses(p);
  return visible === undefined || visible.includes(status);
}

// ---------------------------------------------------------------------------------------------------
// Training (issue 10): the cohorts a TRAINER works in. The course and cohort catalogue is public (like
// the vacancy board: anybody lists it, signed in or not); what is scoped is what hangs below a cohort
// (its roster, the members' attendance and scores) and the writes a TRAINER may make there.

/**
 * The training providers in whose cohorts the caller may read the roster and record attendance and
 * assessments: `undefined` for every provider (ADMIN, OFFICER of this deployment), else the TRAINER's
 * `partyIds` (the providers' party ids; none for any other caller).
 */
export function trainingProviderScope(p: Principal): readonly string[] | undefined {
  if (seesEveryCandidateInFull(p)) return undefined;
  return hasRole(p, 'TRAINER') ? uuids(p.partyIds) : [];
}

/** Whether the caller works in (or oversees) the cohorts of this provider. */
export function inTrainingScope(p: Principal, providerPartyId: string): boolean {
  const scope = trainingProviderScope(p);
  return scope === undefined || scope.includes(providerPartyId.toLowerCase());
}
