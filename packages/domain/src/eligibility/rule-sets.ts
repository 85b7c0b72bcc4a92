/**
 * Rule sets as data: for each route and effective date, which rules apply at which stage, the
 * route's sectors, executor and accepted certifiers. Lookup as for parameters: the latest start date
 * on or before the as-of date wins; `null` = no longer in force; before the first date = outside
 * coverage (`ELIGIBILITY.BEFORE_COVERAGE`). Thresholds are never here: rules read them from the
 * parameter snapshot. A new EPS round or route is a new entry, not new code.
 *
 * Stages follow DOMAIN.md §4 and §7. E-9 (G-to-G): HRD Korea's criteria (age band, education,
 * EPS-TOPIK, medical exclusions, record, Korea history) decide who may be put forward, so they are
 * SELECTION rules. E-7-3 and E-8 (P3MI / local government): selection comes before language and
 * skill training, tests and the medical (DOMAIN.md §7), so those are DEPARTURE rules. Documents,
 * BPJS and family consent are DEPARTURE everywhere (reported as actions, never as rejections);
 * the KTP and AK/1 card are needed to register, so they are SELECTION.
 *
 * Effective dates: E-9 from 2025-01-01 (the 2025 Indonesian round whose criteria the parameters
 * hold); E-7-3 and E-8 from 2024-01-01 (start of the route-status coverage); the Gyeongsangnam-do
 * pilot from 2025-01-01. Whether a route is open is the `routes.status` parameter, not the rule set.
 */
import type { Messages } from '../shared/domain-error';
import { invalid } from '../shared/domain-error';
import { datedVersionAsOf } from '../shared/dated-versions';
import type { IsoDate } from '../shared/local-date';
import { isOneOf, OCCUPATION_LABELS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import type { SkillCertifier } from './candidate-profile';
import type { EligibilityStage } from './rule';

export const ELIGIBILITY_ROUTE_EXECUTORS = ['KP2MI_G2G', 'P3MI', 'LOCAL_GOVERNMENT'] as const;
/** Who may execute placements on the route (DOMAIN.md §3). */
export type EligibilityRouteExecutor = (typeof ELIGIBILITY_ROUTE_EXECUTORS)[number];

export interface EligibilityRuleSetEntry {
  readonly ruleId: string;
  readonly stage: EligibilityStage;
}

export interface EligibilityRouteDefinition {
  /** e.g. `E9@2025-01-01`. */
  readonly id: string;
  readonly route: Route;
  readonly title: Messages;
  readonly executor: EligibilityRouteExecutor;
  readonly sectors: readonly Occupation[];
  /** Certifiers whose skill verification shows competence (UU 18/2017 Pasal 5b) on this route. */
  readonly competenceCertifiers: readonly SkillCertifier[];
  readonly sources: readonly string[];
  readonly entries: readonly EligibilityRuleSetEntry[];
}

const sel = (...ids: string[]): EligibilityRuleSetEntry[] => ids.map((ruleId) => ({ ruleId, stage: 'SELECTION' }));
const dep = (...ids: string[]): EligibilityRuleSetEntry[] => ids.map((ruleId) => ({ ruleId, stage: 'DEPARTURE' }));

const REGISTRATION = sel('route.open', 'route.occupation', 'identity.nik', 'city.residency', 'docs.ktp', 'docs.ak1', 'law.minimumAge');
const OPENING = sel('opening.ageRange', 'opening.minEducation', 'opening.minEpsTopikScore', 'opening.minTopikLevel', 'opening.skillQualification');
const PRE_DEPARTURE = dep(
  'law.health',
  'law.socialSecurity',
  'law.familyConsent',
  'docs.kk',
  'docs.maritalStatus',
  'docs.competencyCertificate',
  'docs.medicalCertificate',
  'docs.passport',
  'docs.skck',
  'docs.workVisa',
  'docs.placementAgreement',
  'docs.employmentContract',
);

const UU_18 = 'UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia, Pasal 5 dan 13';
const CITY = 'MoU Pemkot Serang – APJATI, 8 Dec 2025 (program for residents of Kota Serang)';

const E9_2025: EligibilityRouteDefinition = {
  id: 'E9@2025-01-01',
  route: 'E9',
  title: { id: 'E-9 EPS, putaran manufaktur Indonesia 2025', en: 'E-9 EPS, 2025 Indonesian manufacturing round' },
  executor: 'KP2MI_G2G',
  sectors: ['MANUFACTURING_WORKER', 'FISHING_CREW'],
  competenceCertifiers: ['HRD_KOREA', 'BNSP_LSP'],
  sources: [UU_18, 'HRD Korea, EPS-TOPIK 2025 Indonesian manufacturing round (DOMAIN.md §4)', CITY],
  entries: [
    ...REGISTRATION,
    ...sel(
      'eps.ageBand',
      'eps.education',
      'eps.koreanTest',
      'eps.colourVision',
      'eps.completeFingers',
      'eps.excludedDiseases',
      'eps.criminalRecord',
      'eps.noDeportation',
      'eps.priorStay',
    ),
    ...OPENING,
    ...dep('law.competence'),
    ...PRE_DEPARTURE,
  ],
};

const E7_3_2024: EligibilityRouteDefinition = {
  id: 'E7_3@2024-01-01',
  route: 'E7_3',
  title: { id: 'E-7-3 tenaga terampil perkapalan melalui P3MI', en: 'E-7-3 skilled shipbuilding through a P3MI' },
  executor: 'P3MI',
  sectors: ['WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN', 'PLANT_ENGINEER'],
  competenceCertifiers: ['KOSHIPA'],
  sources: [UU_18, 'E-7-3 shipbuilding: KOSHIPA skill verification (DOMAIN.md §4)', CITY],
  entries: [...REGISTRATION, ...sel('korea.noEntryBan'), ...OPENING, ...dep('e73.skillVerification'), ...PRE_DEPARTURE],
};

const E7_3_PILOT_2025: EligibilityRouteDefinition = {
  id: 'E7_3_PILOT@2025-01-01',
  route: 'E7_3_PILOT',
  title: { id: 'E-7-3 program percontohan Gyeongsangnam-do 2025–26', en: 'E-7-3 Gyeongsangnam-do pilot 2025–26' },
  executor: 'P3MI',
  sectors: ['WELDER', 'SHIP_PAINTER', 'SHIP_ELECTRICIAN'],
  competenceCertifiers: ['KOSHIPA'],
  sources: [UU_18, 'Gyeongsangnam-do E-7-3 pilot: no experience requirement, Korean at TOPIK-1 level plus speaking (DOMAIN.md §4)', CITY],
  entries: [
    ...REGISTRATION,
    ...sel('korea.noEntryBan'),
    ...OPENING,
    ...dep('e73.skillVerification', 'pilot.koreanTest'),
    ...PRE_DEPARTURE,
  ],
};

const E8_2024: EligibilityRouteDefinition = {
  id: 'E8@2024-01-01',
  route: 'E8',
  title: { id: 'E-8 pekerja musiman antarpemerintah daerah', en: 'E-8 seasonal work, local government to local government' },
  executor: 'LOCAL_GOVERNMENT',
  sectors: ['AGRICULTURE_WORKER', 'FARM_PLANTATION_WORKER', 'FISHING_CREW'],
  competenceCertifiers: ['BNSP_LSP'],
  sources: [UU_18, 'E-8 seasonal: agriculture and fisheries only, no brokers (DOMAIN.md §3)', CITY],
  entries: [...REGISTRATION, ...sel('korea.noEntryBan'), ...OPENING, ...dep('law.competence'), ...PRE_DEPARTURE],
};

/** Rule sets per route, keyed by effective date. */
export const ELIGIBILITY_RULE_SETS: Readonly<Record<Route, Readonly<Record<string, EligibilityRouteDefinition | null>>>> = Object.freeze({
  E9: { '2025-01-01': E9_2025 },
  E7_3: { '2024-01-01': E7_3_2024 },
  E7_3_PILOT: { '2025-01-01': E7_3_PILOT_2025 },
  E8: { '2024-01-01': E8_2024 },
});

export interface DatedRuleSet {
  readonly definition: EligibilityRouteDefinition;
  readonly effectiveFrom: IsoDate;
}

/** Throw `ELIGIBILITY.UNKNOWN_ROUTE` unless `route` is one of ROUTES. */
export function assertRoute(route: unknown, path: readonly string[] = ['route']): asserts route is Route {
  if (!isOneOf(ROUTES, route)) {
    invalid('ELIGIBILITY.UNKNOWN_ROUTE', `Jalur tidak dikenal; gunakan salah satu dari ${ROUTES.join(', ')}.`, `Unknown route; use one of ${ROUTES.join(', ')}.`, {
      path,
      details: { allowed: ROUTES.join(',') },
    });
  }
}

/** The rule set of `route` in force on `asOf`. Errors: ELIGIBILITY.UNKNOWN_ROUTE, DATE.INVALID, ELIGIBILITY.BEFORE_COVERAGE, ELIGIBILITY.RULE_SET_ENDED. */
export function eligibilityRuleSetAsOf(route: Route, asOf: IsoDate): DatedRuleSet {
  assertRoute(route);
  return datedVersionAsOf(ELIGIBILITY_RULE_SETS[route], route, asOf, { area: 'ELIGIBILITY', endedCode: 'RULE_SET_ENDED', noun: { id: 'Aturan', en: 'rules' } });
}

/**
 * The sectors (occupations) of `route` on `asOf`. DOMAIN.md §3 states each route's sectors without a
 * date; the rule sets date them from the start of their coverage, so for a date before a route's
 * first rule set the sectors of that first rule set apply (a cost estimate can cover earlier dates
 * than the eligibility rules). Errors: ELIGIBILITY.UNKNOWN_ROUTE, DATE.INVALID,
 * ELIGIBILITY.RULE_SET_ENDED.
 */
export function routeSectorsAsOf(route: Route, asOf: IsoDate): readonly Occupation[] {
  assertRoute(route);
  const versions = ELIGIBILITY_RULE_SETS[route];
  const first = Object.keys(versions).sort()[0]!;
  return eligibilityRuleSetAsOf(route, asOf < first ? first : asOf).definition.sectors;
}

/** The messages of `ROUTE.OCCUPATION_NOT_IN_SECTORS` (the eligibility rule `route.occupation` and the cost estimate share them). */
export function occupationNotInSectorsMessages(occupation: Occupation, sectors: readonly Occupation[]): Messages {
  const label = OCCUPATION_LABELS[occupation];
  return {
    id: `${label.id} tidak termasuk sektor jalur ini (${sectors.map((o) => OCCUPATION_LABELS[o].id).join(', ')}).`,
    en: `${label.en} is not within this route's sectors (${sectors.map((o) => OCCUPATION_LABELS[o].en).join(', ')}).`,
  };
}

/**
 * Throw `ROUTE.OCCUPATION_NOT_IN_SECTORS` (the code of the eligibility rule `route.occupation`)
 * unless `occupation` is within the sectors of `route` on `asOf` (see `routeSectorsAsOf`).
 */
export function assertOccupationInRouteSectors(route: Route, occupation: Occupation, asOf: IsoDate, path: readonly string[] = ['occupation']): void {
  const sectors = routeSectorsAsOf(route, asOf);
  if (sectors.includes(occupation)) return;
  const m = occupationNotInSectorsMessages(occupation, sectors);
  invalid('ROUTE.OCCUPATION_NOT_IN_SECTORS', m.id, m.en, { path, details: { route, occupation, sectors: sectors.join(',') } });
}
