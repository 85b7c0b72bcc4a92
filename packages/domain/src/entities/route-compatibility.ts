/**
 * Route ↔ occupation compatibility and route executors, read from the one dated table the domain
 * keeps: the eligibility rule sets (eligibility/rule-sets.ts, `sectors` and `executor` per route and
 * effective date, DOMAIN.md §3). Quotas, job openings and allocations ask here; nothing else in the
 * entities lists which occupation goes on which route.
 *
 * Shipbuilding trades (welder, ship painter, ship electrician, plant engineer) → E-7-3 (the
 * Gyeongsangnam-do pilot: the first three); manufacturing, fishing → E-9; agriculture, fisheries →
 * E-8. Whether a route is open on a date is the parameter `routes.status`, checked separately.
 */
import { DomainError, err, ok, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import { eligibilityRuleSetAsOf, type EligibilityRouteExecutor } from '../eligibility/rule-sets';
import type { PartyKind } from './party-kind';

/** Which party kind executes placements for each executor type of the rule sets. */
export const EXECUTOR_PARTY_KINDS: Readonly<Record<EligibilityRouteExecutor, PartyKind>> = Object.freeze({
  KP2MI_G2G: 'NATIONAL_AGENCY',
  P3MI: 'P3MI',
  LOCAL_GOVERNMENT: 'CITY_GOVERNMENT',
});

export interface RouteProfile {
  readonly route: Route;
  readonly occupations: readonly Occupation[];
  readonly executorKind: PartyKind;
  /** Id of the rule set the profile was read from, e.g. `E7_3@2024-01-01`. */
  readonly ruleSetId: string;
}

/**
 * The route's sectors and executor on `asOf`. Failures (as `err`): `ELIGIBILITY.UNKNOWN_ROUTE`,
 * `DATE.INVALID`, `ELIGIBILITY.BEFORE_COVERAGE`, `ELIGIBILITY.RULE_SET_ENDED`.
 */
export function routeProfileAsOf(route: Route, asOf: IsoDate): Result<RouteProfile> {
  try {
    const { definition } = eligibilityRuleSetAsOf(route, asOf);
    return ok({
      route,
      occupations: definition.sectors,
      executorKind: EXECUTOR_PARTY_KINDS[definition.executor],
      ruleSetId: definition.id,
    });
  } catch (e) {
    if (e instanceof DomainError) return err(e.toJSON());
    throw e;
  }
}

/** `ok(true)` when the route admits the occupation on `asOf`; `err` when the route has no rule set then. */
export function isOccupationOnRoute(occupation: Occupation, route: Route, asOf: IsoDate): Result<boolean> {
  const p = routeProfileAsOf(route, asOf);
  return p.ok ? ok(p.value.occupations.includes(occupation)) : p;
}

/** `ok(true)` when a party of this kind may execute placements on the route on `asOf`. */
export function canExecuteRoute(kind: PartyKind, route: Route, asOf: IsoDate): Result<boolean> {
  const p = routeProfileAsOf(route, asOf);
  return p.ok ? ok(p.value.executorKind === kind) : p;
}

/** Every route that admits the occupation on `asOf` (routes without a rule set then are left out). */
export function routesForOccupationAsOf(occupation: Occupation, asOf: IsoDate): Result<Route[]> {
  const out: Route[] = [];
  for (const route of ROUTES) {
    const p = routeProfileAsOf(route, asOf);
    if (!p.ok) {
      if (p.error.code === 'ELIGIBILITY.BEFORE_COVERAGE' || p.error.code === 'ELIGIBILITY.RULE_SET_ENDED') continue;
      return p;
    }
    if (p.value.occupations.includes(occupation)) out.push(route);
  }
  return ok(out);
}
