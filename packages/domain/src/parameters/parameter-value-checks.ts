/**
 * Shape checks for each parameter's value, used when the registry loads the data files and when
 * an overlay supplies a replacement value. Each check returns a list of problems (empty = valid).
 */
import { isIsoDate } from '../shared/local-date';
import { isOneOf, OCCUPATIONS, ROUTES } from '../shared/vocabulary';
import { isRatioString, ratio } from '../money/ratio';
import { isEducationLevel } from './education-level';
import { GRACE_INTEREST_KINDS, ROUTE_STATUS_KINDS, TOPIK_TESTS, type ParameterId } from './parameter-values';

type Check = (v: unknown) => string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const wholeNumber =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? [] : [`expected a whole number from ${min} to ${max}`];

/** Money amount in minor units: a safe integer ≥ 0. */
const amount: Check = wholeNumber(0);

const decimal =
  (min: string, max?: string): Check =>
  (v) => {
    if (!isRatioString(v) || !/^\d+(\.\d+)?$/.test(v)) return ['expected a non-negative decimal string such as "0.06"'];
    const r = ratio(v);
    const lo = ratio(min);
    if (r.num * lo.den < lo.num * r.den) return [`expected at least ${min}`];
    if (max !== undefined) {
      const hi = ratio(max);
      if (r.num * hi.den > hi.num * r.den) return [`expected at most ${max}`];
    }
    return [];
  };

const messages = (v: unknown, where: string): string[] =>
  isObject(v) && typeof v['id'] === 'string' && v['id'] !== '' && typeof v['en'] === 'string' && v['en'] !== ''
    ? []
    : [`${where} needs id and en texts`];

/** A decreed monthly minimum wage: a positive decimal string of rupiah with at most 2 decimals (sen). */
const minimumWage: Check = (v) =>
  typeof v === 'string' && /^[1-9]\d{0,14}(\.\d{1,2})?$/.test(v) ? [] : ['expected a positive decimal string of rupiah with at most 2 decimals, e.g. "4418261.13"'];

const CHECKS: { readonly [K in ParameterId]: Check } = {
  'law.minimumAge': wholeNumber(1, 100),
  // above 99 the NIK's two-digit birth year can no longer agree (identity/nik.ts); below 40 it would refuse real applicants
  'identity.birthDate.maxAgeYears': wholeNumber(40, 99),
  'kur.ceilingIdr': amount,
  'kur.annualRate': decimal('0', '1'),
  'kur.maxTenorMonths': wholeNumber(1, 600),
  'kur.graceMonths': wholeNumber(0, 120),
  'kur.graceInterest': (v) => (isOneOf(GRACE_INTEREST_KINDS, v) ? [] : [`expected one of ${GRACE_INTEREST_KINDS.join(', ')}`]),
  'kur.npwpThresholdIdr': amount,
  'bpjs.pmi.beforeWorkIdr': amount,
  'bpjs.pmi.contract24MonthsIdr': amount,
  'bpjs.pmi.perMonthBeyond24Idr': amount,
  'bpjs.pmi.contract12MonthsIdr': amount,
  'bpjs.pmi.contract6MonthsIdr': amount,
  'fee.passportRegular5yIdr': amount,
  'fee.passportElectronic5yIdr': amount,
  'fee.epsTopikUsdCents': amount,
  'fee.medicalCheckupIdr': amount,
  'fee.skckIdr': amount,
  'fee.visaIdr': amount,
  'fee.flightJakartaKoreaIdr': amount,
  'fee.orientationIdr': amount,
  'fee.koreanCourseIdr': amount,
  'fee.koreanCourseRegistrationIdr': amount,
  'korea.minimumWageHourlyKrw': amount,
  'korea.minimumWageMonthlyKrw': amount,
  'korea.returnCostInsuranceKrw': amount,
  'fx.idrPerKrw': (v) => (decimal('0')(v).length === 0 && ratio(v as string).num > 0n ? [] : ['expected a positive decimal string']),
  'fx.idrPerUsd': (v) => (decimal('0')(v).length === 0 && ratio(v as string).num > 0n ? [] : ['expected a positive decimal string']),
  'eps.ageBand': (v) => {
    if (!isObject(v)) return ['expected { min, max }'];
    const p = [...wholeNumber(0, 120)(v['min']).map((s) => `min: ${s}`), ...wholeNumber(0, 120)(v['max']).map((s) => `max: ${s}`)];
    if (p.length === 0 && (v['min'] as number) > (v['max'] as number)) p.push('min is above max');
    return p;
  },
  'eps.minEducation': (v) => (isEducationLevel(v) ? [] : ['expected an education level']),
  'eps.topikValidityMonths': wholeNumber(1, 120),
  'eps.topikMinScore': wholeNumber(0, 1000),
  'eps.topikMaxScore': wholeNumber(1, 1000),
  'eps.maxPriorMonthsInKorea': wholeNumber(0, 1200),
  'topik.levels': (v) => {
    if (!Array.isArray(v) || v.length === 0) return ['expected a non-empty list of level bands'];
    const p: string[] = [];
    v.forEach((b: unknown, i) => {
      if (!isObject(b)) return p.push(`[${i}] is not an object`);
      if (!isOneOf(TOPIK_TESTS, b['test'])) p.push(`[${i}].test must be one of ${TOPIK_TESTS.join(', ')}`);
      for (const k of ['level', 'min', 'max']) p.push(...wholeNumber(0, 1000)(b[k]).map((s) => `[${i}].${k}: ${s}`));
      if ((b['min'] as number) > (b['max'] as number)) p.push(`[${i}] min is above max`);
      return undefined;
    });
    // Bands of one test must not overlap.
    for (const test of TOPIK_TESTS) {
      const bands = (v as Array<{ test: string; min: number; max: number }>).filter((b) => isObject(b) && b.test === test).sort((a, b) => a.min - b.min);
      for (let i = 1; i < bands.length; i++) if (bands[i]!.min <= bands[i - 1]!.max) p.push(`${test} bands overlap`);
    }
    return p;
  },
  'e73.wageFloorShareOfGni': decimal('0', '10'),
  // whole won a year; positive (a floor of 0 would admit any wage)
  'e73.gniPerCapitaKrw': wholeNumber(1),
  // 1 would publish every cell: at least 2 contributors, so that a published cell is never one person
  'disclosure.minCellCount': wholeNumber(2, 100),
  'e73pilot.minTopikLevel': wholeNumber(1, 6),
  'routes.status': (v) => {
    if (!isObject(v)) return ['expected an object keyed by route'];
    const p: string[] = [];
    for (const route of ROUTES) {
      const s = v[route];
      if (!isObject(s)) {
        p.push(`${route} is missing`);
        continue;
      }
      if (!isOneOf(ROUTE_STATUS_KINDS, s['status'])) p.push(`${route}.status must be one of ${ROUTE_STATUS_KINDS.join(', ')}`);
      if (s['until'] !== undefined && !isIsoDate(s['until'])) p.push(`${route}.until is not an ISO date`);
      p.push(...messages(s['note'], `${route}.note`));
    }
    for (const k of Object.keys(v)) if (!isOneOf(ROUTES, k)) p.push(`unknown route ${k}`);
    return p;
  },
  'ranking.weights': (v) => {
    if (!isObject(v)) return ['expected { korean, skill, skillOtherCertifier, readiness }'];
    const p = ['korean', 'skill', 'skillOtherCertifier', 'readiness'].flatMap((k) => wholeNumber(0, 10_000)(v[k]).map((s) => `${k}: ${s}`));
    if (p.length === 0 && (v['skillOtherCertifier'] as number) > (v['skill'] as number)) p.push('skillOtherCertifier is above skill');
    for (const k of Object.keys(v)) if (!['korean', 'skill', 'skillOtherCertifier', 'readiness'].includes(k)) p.push(`unknown key ${k}`);
    return p;
  },
  'costs.zeroCostOccupations': (v) => {
    if (!Array.isArray(v)) return ['expected a list of occupations'];
    const p = v.filter((o) => !isOneOf(OCCUPATIONS, o)).map((o) => `unknown occupation ${String(o)}`);
    if (new Set(v).size !== v.length) p.push('duplicate occupations');
    return p;
  },
  'wage.umk.kabupatenSerangIdr': minimumWage,
  'wage.umk.kotaSerangIdr': minimumWage,
  'wage.umk.kotaTangerangIdr': minimumWage,
  'wage.ump.bantenIdr': minimumWage,
  'wage.ump.dkiJakartaIdr': minimumWage,
};

/** Problems with `value` as a value of parameter `id` (empty when valid). */
export function parameterValueProblems(id: ParameterId, value: unknown): string[] {
  const check = CHECKS[id];
  return check ? check(value) : [`unknown parameter ${String(id)}`];
}
