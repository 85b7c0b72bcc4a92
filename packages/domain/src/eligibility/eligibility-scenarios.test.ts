/**
 * Scenario tables that walk across the effective dates the eligibility rules depend on
 * (OpenFisca tests/*.yaml style): route status changes, rule-set coverage, the EPS-TOPIK validity
 * boundary, birthday boundaries. Each row is one evaluation; the expected values are written by
 * hand from DOMAIN.md and the parameter files.
 */
import { DomainError } from '../shared/domain-error';
import type { Route } from '../shared/vocabulary';
import type { CandidateProfile } from './candidate-profile';
import { evaluateEligibility } from './evaluate-eligibility';
import { resultOf } from './__tests__/fixtures';

type Scenario = [label: string, route: Route, asOf: string, profile: CandidateProfile, ruleId: string, outcome: 'pass' | 'fail' | 'missing', code: string];

const EPS_2023 = { epsTopikResults: [{ takenOn: '2023-05-12', score: 150 }] };
const BORN_2008_03_01 = { declaredBirthDate: '2008-03-01' };
const BORN_1986_03_01 = { declaredBirthDate: '1986-03-01' };
const BORN_2007_02_28 = { declaredBirthDate: '2007-02-28' };
const BORN_2008_02_29 = { declaredBirthDate: '2008-02-29' };
const BORN_1986_02_28 = { declaredBirthDate: '1986-02-28' };
const BORN_2012_02_29 = { declaredBirthDate: '2012-02-29' };

const SCENARIOS: Scenario[] = [
  // route status (parameter routes.status): E-8 open in 2024, suspended from 2025 to end-2027, closed from 2028
  ['E-8 open in 2024', 'E8', '2024-06-01', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  ['E-8 on the last day of 2024', 'E8', '2024-12-31', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  ['E-8 suspended from 2025-01-01', 'E8', '2025-01-01', {}, 'route.open', 'fail', 'ROUTE.SUSPENDED'],
  ['E-8 still suspended on 2027-12-31', 'E8', '2027-12-31', {}, 'route.open', 'fail', 'ROUTE.SUSPENDED'],
  ['E-8 closed (not reinstated) from 2028-01-01', 'E8', '2028-01-01', {}, 'route.open', 'fail', 'ROUTE.CLOSED'],
  // the Gyeongsangnam-do pilot runs 2025–26
  ['pilot open on its first day', 'E7_3_PILOT', '2025-01-01', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  ['pilot open on 2026-12-31', 'E7_3_PILOT', '2026-12-31', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  ['pilot closed from 2027-01-01', 'E7_3_PILOT', '2027-01-01', {}, 'route.open', 'fail', 'ROUTE.CLOSED'],
  ['E-7-3 open throughout', 'E7_3', '2024-01-01', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  ['E-9 open in 2025', 'E9', '2025-01-01', {}, 'route.open', 'pass', 'ROUTE.OPEN'],
  // EPS-TOPIK validity: 24 months from the test date, expiry day excluded
  ['EPS-TOPIK of 2023-05-12 valid on 2025-05-11', 'E9', '2025-05-11', EPS_2023, 'eps.koreanTest', 'pass', 'EPS_TOPIK.OK'],
  ['EPS-TOPIK of 2023-05-12 expired on 2025-05-12', 'E9', '2025-05-12', EPS_2023, 'eps.koreanTest', 'fail', 'EPS_TOPIK.EXPIRED'],
  ['a new result replaces the expired one', 'E9', '2025-05-12', { epsTopikResults: [...EPS_2023.epsTopikResults, { takenOn: '2025-04-20', score: 95 }] }, 'eps.koreanTest', 'pass', 'EPS_TOPIK.OK'],
  ['EPS-TOPIK taken on 2024-02-29 valid on 2026-02-27', 'E9', '2026-02-27', { epsTopikResults: [{ takenOn: '2024-02-29', score: 100 }] }, 'eps.koreanTest', 'pass', 'EPS_TOPIK.OK'],
  ['EPS-TOPIK taken on 2024-02-29 expired on 2026-02-28', 'E9', '2026-02-28', { epsTopikResults: [{ takenOn: '2024-02-29', score: 100 }] }, 'eps.koreanTest', 'fail', 'EPS_TOPIK.EXPIRED'],
  // UU 18/2017 Pasal 5a: 18 on the birthday
  ['17 the day before the 18th birthday', 'E7_3', '2026-02-28', BORN_2008_03_01, 'law.minimumAge', 'fail', 'AGE.BELOW_MINIMUM'],
  ['18 on the birthday', 'E7_3', '2026-03-01', BORN_2008_03_01, 'law.minimumAge', 'pass', 'AGE.OK'],
  ['born 28 Feb: 18 on 2025-02-28', 'E7_3', '2025-02-28', BORN_2007_02_28, 'law.minimumAge', 'pass', 'AGE.OK'],
  // leap-day births: the birthday is reached on 1 March in a non-leap year, on 29 February in a leap year
  ['born 29 Feb 2008: still 17 on 2026-02-28', 'E7_3', '2026-02-28', BORN_2008_02_29, 'law.minimumAge', 'fail', 'AGE.BELOW_MINIMUM'],
  ['born 29 Feb 2008: 18 on 2026-03-01', 'E7_3', '2026-03-01', BORN_2008_02_29, 'law.minimumAge', 'pass', 'AGE.OK'],
  ['born 29 Feb 2012: still 17 on 2030-02-28', 'E7_3', '2030-02-28', BORN_2012_02_29, 'law.minimumAge', 'fail', 'AGE.BELOW_MINIMUM'],
  ['born 29 Feb 2012: 18 on 2030-03-01', 'E7_3', '2030-03-01', BORN_2012_02_29, 'law.minimumAge', 'pass', 'AGE.OK'],
  ['born 29 Feb 2008: E-9 minimum not reached on 2026-02-28', 'E9', '2026-02-28', BORN_2008_02_29, 'eps.ageBand', 'fail', 'AGE.BELOW_ROUTE_MINIMUM'],
  ['born 29 Feb 2008: E-9 minimum reached on 2026-03-01', 'E9', '2026-03-01', BORN_2008_02_29, 'eps.ageBand', 'pass', 'AGE.WITHIN_ROUTE_BAND'],
  ['born 28 Feb 1986: 40 on 2026-02-28', 'E9', '2026-02-28', BORN_1986_02_28, 'eps.ageBand', 'fail', 'AGE.ABOVE_ROUTE_MAXIMUM'],
  // E-9 band 18–39: 40 on the birthday
  ['39 the day before turning 40', 'E9', '2026-02-28', BORN_1986_03_01, 'eps.ageBand', 'pass', 'AGE.WITHIN_ROUTE_BAND'],
  ['40 on the birthday', 'E9', '2026-03-01', BORN_1986_03_01, 'eps.ageBand', 'fail', 'AGE.ABOVE_ROUTE_MAXIMUM'],
  // TOPIK level bands (parameter topik.levels)
  ['TOPIK I 79 is below level 1', 'E7_3_PILOT', '2026-01-10', { topikResults: [{ test: 'TOPIK_I', takenOn: '2025-10-01', score: 79 }], pilotKoreanTests: [{ takenOn: '2025-11-01', level: 0, speakingPassed: true }] }, 'pilot.koreanTest', 'fail', 'PILOT_KOREAN.LEVEL_BELOW_MINIMUM'],
  ['TOPIK I 80 is level 1', 'E7_3_PILOT', '2026-01-10', { topikResults: [{ test: 'TOPIK_I', takenOn: '2025-10-01', score: 80 }], pilotKoreanTests: [{ takenOn: '2025-11-01', level: 0, speakingPassed: true }] }, 'pilot.koreanTest', 'pass', 'PILOT_KOREAN.OK'],
];

describe('eligibility across effective dates', () => {
  it.each(SCENARIOS)('%s', (_label, route, asOf, profile, ruleId, outcome, code) => {
    const r = resultOf(evaluateEligibility({ profile, route, asOf }), ruleId);
    expect([r.outcome, r.code]).toEqual([outcome, code]);
  });

  it.each([
    ['E9', '2024-12-31', 'ELIGIBILITY.BEFORE_COVERAGE'],
    ['E7_3_PILOT', '2024-12-31', 'ELIGIBILITY.BEFORE_COVERAGE'],
    ['E7_3', '2023-12-31', 'ELIGIBILITY.BEFORE_COVERAGE'],
    ['E8', '2023-12-31', 'ELIGIBILITY.BEFORE_COVERAGE'],
  ] as const)('%s before its rule set (%s) → %s', (route, asOf, code) => {
    expect(() => evaluateEligibility({ profile: {}, route, asOf })).toThrow(DomainError);
    try {
      evaluateEligibility({ profile: {}, route, asOf });
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });

  it.each([
    ['2008-02-29', 'E7_3', 'law.minimumAge', '2026-03-01'],
    
    ['2008-02-29', 'E9', 'eps.ageBand', '2026-03-01'],
    ['2010-02-28', 'E7_3', 'law.minimumAge', '2028-02-28'],
  ] as const)('born %s: the WAIT action (%s, %s) names %s, the first day the rule passes', (birth, route, ruleId, expected) => {
    const asOf = '2025-06-01';
    const r = resultOf(evaluateEligibility({ profile: { declaredBirthDate: birth }, route, asOf }), ruleId);
    expect(r.outcome).toBe('fail');
    expect('action' in r ? r.action?.notBefore : undefined).toBe(expected);
    const onTheDay = resultOf(evaluateEligibility({ profile: { declaredBirthDate: birth }, route, asOf: expected }), ruleId);
    expect(onTheDay.outcome).toBe('pass');
  });

  it('the rule set in force is reported with its start date', () => {
    expect(evaluateEligibility({ profile: {}, route: 'E7_3_PILOT', asOf: '2026-06-01' }).ruleSet).toMatchObject({
      id: 'E7_3_PILOT@2025-01-01',
      effectiveFrom: '2025-01-01',
      executor: 'P3MI',
      sectors: ['WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN'],
    });
  });
});
