/**
 * The typed map of every parameter id to the type of its value. Amounts are integers in the unit
 * the id names (IDR whole rupiah, KRW won, USD cents); rates and ratios are exact decimal strings.
 */
import type { Messages } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import type { Occupation, Route } from '../shared/vocabulary';
import type { EducationLevel } from './education-level';

export const GRACE_INTEREST_KINDS = ['PAID', 'CAPITALISED'] as const;
/** During a loan's grace period the interest is either paid as it falls due or added to the principal. */
export type GraceInterest = (typeof GRACE_INTEREST_KINDS)[number];

export const ROUTE_STATUS_KINDS = ['OPEN', 'SUSPENDED', 'CLOSED'] as const;
export type RouteStatusKind = (typeof ROUTE_STATUS_KINDS)[number];

/** Points of the candidate ranking score (eligibility/rank-candidates.ts): a documented policy input. */
export interface RankingWeights {
  readonly korean: number;
  readonly skill: number;
  readonly skillOtherCertifier: number;
  readonly readiness: number;
}

export interface RouteStatus {
  readonly status: RouteStatusKind;
  /** Last day of the current status, when a source gives one. */
  readonly until?: IsoDate;
  readonly note: Messages;
}

export const TOPIK_TESTS = ['TOPIK_I', 'TOPIK_II'] as const;
export type TopikTest = (typeof TOPIK_TESTS)[number];

/** One TOPIK level band: a score from `min` to `max` (inclusive) on `test` gives `level`. */
export interface TopikLevelBand {
  readonly test: TopikTest;
  readonly level: number;
  readonly min: number;
  readonly max: number;
}

export interface AgeBand {
  readonly min: number;
  readonly max: number;
}

export interface ParameterValues {
  'law.minimumAge': number;
  /** Data-quality bound: a declared birth date giving a higher age on the as-of date is refused. */
  'identity.birthDate.maxAgeYears': number;

  'kur.ceilingIdr': number;
  'kur.annualRate': string;
  'kur.maxTenorMonths': number;
  'kur.graceMonths': number;
  'kur.graceInterest': GraceInterest;
  'kur.npwpThresholdIdr': number;

  'bpjs.pmi.beforeWorkIdr': number;
  'bpjs.pmi.contract24MonthsIdr': number;
  'bpjs.pmi.perMonthBeyond24Idr': number;
  'bpjs.pmi.contract12MonthsIdr': number;
  'bpjs.pmi.contract6MonthsIdr': number;

  'fee.passportRegular5yIdr': number;
  'fee.passportElectronic5yIdr': number;
  'fee.epsTopikUsdCents': number;
  'fee.medicalCheckupIdr': number;
  'fee.skckIdr': number;
  'fee.visaIdr': number;
  'fee.flightJakartaKoreaIdr': number;
  'fee.orientationIdr': number;
  'fee.koreanCourseIdr': number;
  'fee.koreanCourseRegistrationIdr': number;

  'korea.minimumWageHourlyKrw': number;
  'korea.minimumWageMonthlyKrw': number;
  'korea.returnCostInsuranceKrw': number;

  'fx.idrPerKrw': string;
  'fx.idrPerUsd': string;

  'eps.ageBand': AgeBand;
  'eps.minEducation': EducationLevel;
  'eps.topikValidityMonths': number;
  'eps.topikMinScore': number;
  'eps.topikMaxScore': number;
  'eps.maxPriorMonthsInKorea': number;

  'topik.levels': readonly TopikLevelBand[];

  'e73.wageFloorShareOfGni': string;
  /** Korea's GNI per capita, whole KRW a year (Bank of Korea, preliminary): the base of the E-7-3 wage floor. */
  'e73.gniPerCapitaKrw': number;
  'e73pilot.minTopikLevel': number;

  'routes.status': Readonly<Record<Route, RouteStatus>>;
  'ranking.weights': RankingWeights;

  'costs.zeroCostOccupations': readonly Occupation[];

  'disclosure.minCellCount': number;

  /** Minimum wages (UMK/UMP) per month as decreed: rupiah with sen, as a decimal string (opportunities/wage-floor.ts rounds them). */
  'wage.umk.kabupatenSerangIdr': string;
  'wage.umk.kotaSerangIdr': string;
  'wage.umk.kotaTangerangIdr': string;
  'wage.ump.bantenIdr': string;
  'wage.ump.dkiJakartaIdr': string;
}

export type ParameterId = keyof ParameterValues;
