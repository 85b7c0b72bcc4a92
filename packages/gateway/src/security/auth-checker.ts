/**
 * Authorization: the type-graphql `authChecker` behind `@Authorized(...)`, and the ownership rules
 * for candidate records that resolvers apply on top of it.
 *
 * Rule semantics (what the roles in `@Authorized(...)` mean):
 * - `@Authorized('PUBLIC')`: anybody, signed in or not (an explicit "this is public").
 * - `@Authorized()` (no roles): any authenticated caller (API key or token), whatever its roles.
 * - `@Authorized('OFFICER', 'ANALYST')`: callers holding at least one of the roles.
 * - `ADMIN` passes every rule.
 * Refusals: an anonymous caller gets UNAUTHENTICATED (sign in), a known caller without the role
 * FORBIDDEN. The error carries no data about what was refused.
 */
import type { AuthCheckerFn } from 'type-graphql';
import { hasAnyRole, hasRole, isAuthenticated, ANONYMOUS, type Principal, type Role } from './role';
import { CITY_CLAIM_MAX_LENGTH } from './jwt';
import { AuthenticationRequiredError, ForbiddenError } from './security-error';

/** What the authChecker needs from the GraphQL context (GatewayContext gains `principal`). */
export interface PrincipalContext {
  readonly principal?: Principal;
}

/** Whether a principal passes a rule (see the semantics above). */
export function satisfiesRule(principal: Principal, roles: readonly Role[]): boolean {
  if (roles.includes('PUBLIC')) return true;
  if (!isAuthenticated(principal)) return false;
  if (roles.length === 0) return true;
  if (hasRole(principal, 'ADMIN')) return true;
  return hasAnyRole(principal, roles);
}

/** Throw the right refusal (UNAUTHENTICATED for anonymous callers, FORBIDDEN otherwise). */
export function refuse(principal: Principal): never {
  if (!isAuthenticated(principal)) throw new AuthenticationRequiredError();
  throw new ForbiddenError();
}

/** For resolvers: continue only when the principal passes the rule. */
export function requireRule(principal: Principal | undefined, roles: readonly Role[]): Principal {
  const p = principal ?? ANONYMOUS;
  if (!satisfiesRule(p, roles)) refuse(p);
  return p;
}

/**
 * Pass as `buildSchema({ authChecker, authMode: 'error' })`. A missing principal counts as anonymous.
 * Which records reach a field is the resolvers' row scope (graphql/access.ts); the field rules are the
 * second lock: no field of a candidate record names ANALYST (rules.ts `PERSONAL_RULE`).
 */
export const authChecker: AuthCheckerFn<PrincipalContext, Role> = ({ context }, roles) => {
  requireRule(context?.principal, roles);
  return true;
};

/**
 * Whether an OFFICER principal is an officer of this deployment's city (fail closed):
 * - `THIS_CITY`: its city is a string equal to `deploymentCity` (sameCity: case, dots, spacing), or
 *   it is an API key without a city: keys are minted in this deployment's own database, and
 *   createAuthenticator gives them JEMBATAN_CITY;
 * - `OTHER_CITY`: a well-formed city that is not this one;
 * - `CITY_MISSING`: a bearer JWT (or any principal that is not an API key) without a city; jwt.ts
 *   already refuses such tokens with CITY_CLAIM_MISSING, this is the second lock;
 * - `CITY_INVALID`: a city that is not a usable string (wrong type, blank, over-long).
 */
export type OfficerCityDecision = 'THIS_CITY' | 'OTHER_CITY' | 'CITY_MISSING' | 'CITY_INVALID';

export function officerCityDecision(principal: Principal, deploymentCity: string): OfficerCityDecision {
  const city: unknown = principal.city;
  if (city === undefined) return principal.kind === 'apiKey' ? 'THIS_CITY' : 'CITY_MISSING';
  if (typeof city !== 'string' || city.trim().length === 0 || city.length > CITY_CLAIM_MAX_LENGTH) return 'CITY_INVALID';
  return sameCity(city, deploymentCity) ? 'THIS_CITY' : 'OTHER_CITY';
}

/**
 * The principal as this deployment sees it. The gateway serves one city's program (`JEMBATAN_CITY`):
 * an OFFICER credential keeps the OFFICER role only when officerCityDecision says `THIS_CITY`. Any
 * other credential keeps its identity (for the audit log) and its other roles, but not OFFICER, so it
 * is refused (FORBIDDEN) everything an officer of this city may do. `dropped` says why, for the log.
 */
export function deploymentPrincipal(
  principal: Principal,
  deploymentCity: string,
): { readonly principal: Principal; readonly dropped?: Exclude<OfficerCityDecision, 'THIS_CITY'> } {
  if (!hasRole(principal, 'OFFICER')) return { principal };
  const decision = officerCityDecision(principal, deploymentCity);
  if (decision === 'THIS_CITY') return { principal };
  return { principal: { ...principal, roles: principal.roles.filter((r) => r !== 'OFFICER') }, dropped: decision };
}

export function principalForDeployment(principal: Principal, deploymentCity: string): Principal {
  return deploymentPrincipal(principal, deploymentCity).principal;
}

// ---------------------------------------------------------------------------------------------------
// Candidate records: who sees which, and how much.

/** What a resolver knows about a candidate record before showing it. */
export interface CandidateAccessInfo {
  readonly candidateId: string;
  /** City of the record (the program's city when null: single-city deployments need not store it). */
  readonly city?: string | null;
  /** Parties (P3MI / APJATI ids) of the MoUs the candidate holds a seat under. */
  readonly partyIds?: readonly string[];
}

/**
 * `FULL`: every field; `NONE`: not at all. There is no partial (masked) view: the analyst view of
 * records is gone (issue 8), because its fields are the dimensions of the protected aggregates.
 */
export type CandidateView = 'FULL' | 'NONE';

/** City names compared without case, dots or extra spaces ("KOTA SERANG" = "Kota  Serang."). */
export function sameCity(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** The strongest view the principal's roles give on one record. */
export function candidateView(principal: Principal, info: CandidateAccessInfo): CandidateView {
  if (hasRole(principal, 'ADMIN')) return 'FULL';
  if (hasRole(principal, 'OFFICER') && (!info.city || (principal.city !== undefined && sameCity(principal.city, info.city)))) {
    return 'FULL';
  }
  if (hasRole(principal, 'CANDIDATE') && principal.candidateId !== undefined && principal.candidateId === info.candidateId) {
    return 'FULL';
  }
  if (hasRole(principal, 'PARTNER') && principal.partyIds && info.partyIds) {
    const mine = new Set(principal.partyIds);
    if (info.partyIds.some((p) => mine.has(p))) return 'FULL';
  }
  // ANALYST gives no view of any record (issue 8): analysts read the protected aggregates
  return 'NONE';
}

export function canSeeCandidate(principal: Principal, info: CandidateAccessInfo): boolean {
  return candidateView(principal, info) !== 'NONE';
}

/** For `candidate(id)` and friends: the view, or the refusal (FORBIDDEN / UNAUTHENTICATED). */
export function assertCanSeeCandidate(principal: Principal, info: CandidateAccessInfo): Exclude<CandidateView, 'NONE'> {
  const view = candidateView(principal, info);
  if (view === 'NONE') refuse(principal);
  return view;
}

/**
 * For list queries and aggregates: which rows to return, as a filter the resolver turns into SQL.
 * Rows matching `city`, `candidateId` or `partyIds` (any of them) are FULL; when `unrestricted`, every
 * row is FULL. A principal with no candidate rights (ANALYST alone among them) gets
 * `{ unrestricted: false }` and no criteria: return nothing (or refuse).
 */
export interface CandidateScope {
  readonly unrestricted: boolean;
  readonly city?: string;
  /** OFFICER: rows without a city belong to the program's city and are included. */
  readonly includeRowsWithoutCity?: boolean;
  readonly candidateId?: string;
  readonly partyIds?: readonly string[];
}

export function candidateScope(principal: Principal): CandidateScope {
  if (hasRole(principal, 'ADMIN')) return { unrestricted: true };
  const officer = hasRole(principal, 'OFFICER');
  return {
    unrestricted: false,
    ...(officer && principal.city !== undefined ? { city: principal.city } : {}),
    ...(officer ? { includeRowsWithoutCity: true } : {}),
    ...(hasRole(principal, 'CANDIDATE') && principal.candidateId !== undefined ? { candidateId: principal.candidateId } : {}),
    ...(hasRole(principal, 'PARTNER') && principal.partyIds?.length ? { partyIds: [...principal.partyIds] } : {}),
  };
}

/** Whether a scope can match any row at all (false → answer an empty list without querying). */
export function scopeMatchesAnything(scope: CandidateScope): boolean {
  return (
    scope.unrestricted ||
    scope.city !== undefined ||
    scope.includeRowsWithoutCity === true ||
    scope.candidateId !== undefined ||
    (scope.partyIds?.length ?? 0) > 0
  );
}

/** Who may read the audit log (issue 5); its before/after values are redacted for everyone. */
export const AUDIT_LOG_READERS: readonly Role[] = ['OFFICER', 'ADMIN'];
/** Introspection and the Sandbox outside development. */
export const SCHEMA_READERS: readonly Role[] = ['ANALYST', 'ADMIN'];
