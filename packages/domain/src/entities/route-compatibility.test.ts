import { unwrap } from '../shared/domain-error';
import { ROUTES } from '../shared/vocabulary';
import { canExecuteRoute, isOccupationOnRoute, routeProfileAsOf, routesForOccupationAsOf } from './route-compatibility';

const ON = '2026-03-01';

describe('route compatibility (read from the eligibility rule sets)', () => {
  it.each([
    ['WELDER', ['E7_3', 'E7_3_PILOT']],
    ['SHIP_PAINTER', ['E7_3', 'E7_3_PILOT']],
    ['SHIP_ELECTRICIAN', ['E7_3', 'E7_3_PILOT']],
    ['PLANT_ENGINEER', ['E7_3']],
    ['MANUFACTURING_WORKER', ['E9']],
    ['FISHING_CREW', ['E9', 'E8']],
    ['AGRICULTURE_WORKER', ['E8']],
    ['HOUSEKEEPER', []],
  ] as const)('%s fits %j', (occupation, routes) => {
    expect(unwrap(routesForOccupationAsOf(occupation, ON)).sort()).toEqual([...routes].sort());
    for (const r of ROUTES) expect(unwrap(isOccupationOnRoute(occupation, r, ON))).toBe((routes as readonly string[]).includes(r));
  });

  it('maps each route to the party kind that executes it', () => {
    expect(ROUTES.map((r) => unwrap(routeProfileAsOf(r, ON)).executorKind)).toEqual(['NATIONAL_AGENCY', 'P3MI', 'P3MI', 'CITY_GOVERNMENT']);
    expect(unwrap(canExecuteRoute('P3MI', 'E7_3', ON))).toBe(true);
    expect(unwrap(canExecuteRoute('ASSOCIATION', 'E7_3', ON))).toBe(false);
    expect(unwrap(canExecuteRoute('P3MI', 'E9', ON))).toBe(false);
  });

  it('returns the rule-set error for a date before coverage or an unknown route, never throws', () => {
    const before = isOccupationOnRoute('WELDER', 'E7_3_PILOT', '2024-12-31');
    expect(before.ok ? undefined : before.error.code).toBe('ELIGIBILITY.BEFORE_COVERAGE');
    const unknown = routeProfileAsOf('E10' as never, ON);
    expect(unknown.ok ? undefined : unknown.error.code).toBe('ELIGIBILITY.UNKNOWN_ROUTE');
  });
});
