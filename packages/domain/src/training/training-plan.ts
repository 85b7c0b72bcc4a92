/**
 * Plan to the target (issue 10): how many cohorts must start, and by when, to place `target` people
 * by `targetDate`; whether that is reachable at all; and, when it is not, the binding constraint.
 * Every figure is an input (DOMAIN.md gives none for cohort yields, trainer capacity or test dates).
 *
 * Model (days are calendar days; L = 7 × cohortWeeks):
 * - a cohort started on day S has its last day on S + L − 1 and can sit the first official test
 *   date T ≥ S + L; those who pass depart by T + passToDepartureDays, which must be ≤ targetDate;
 * - a test date T is usable when T + lag ≤ targetDate and T − L ≥ planStart; the latest start date
 *   is T* − L for the latest usable T* (any start from planStart to it reaches a usable test);
 * - at most `maxConcurrentCohorts` cohorts run at once (the providers' trainers / rooms), so cohorts
 *   start in waves of that many, back to back: the most cohorts that fit is
 *   maxCohorts = maxConcurrentCohorts × (⌊(latestStart − planStart) / L⌋ + 1);
 * - each cohort yields whole people: completers = ⌊cohortSize × (1 − dropoutRate)⌋ and
 *   passers = ⌊completers × passRate⌋ (rates are exact fractions: "3/20", "0.15", or basis points
 *   with `basisPoints(1500)`); cohortsNeeded = ⌈target / passers⌉.
 * Reachable when passers > 0 (or target = 0) and cohortsNeeded ≤ maxCohorts. The waves are scheduled
 * as late as possible: the last wave starts on the latest start date, each earlier one L days before.
 *
 * Binding constraint when not reachable, checked in this order: PASS_RATE (a pass rate of 0, or a
 * cohort too small to yield a passer) or DROPOUT_RATE (no completer); TIME (even a test on the day
 * after the first possible cohort ends would depart too late); TEST_DATES (no listed test date is
 * usable, or a test on targetDate − lag would make it reachable with the same capacity);
 * TRAINER_CAPACITY otherwise.
 *
 * Worked example: target 1,000 by 2026-12-31, plan start 2026-01-05, cohorts of 40 for 12 weeks
 * (L = 84), 5 at once, tests on 2026-04-20, 2026-07-20 and 2026-10-19, 60 days to depart, dropout
 * 1/10, pass 3/4: completers ⌊40 × 9/10⌋ = 36, passers ⌊36 × 3/4⌋ = 27, cohorts needed ⌈1000/27⌉ = 38.
 * Latest usable test 2026-10-19 (+60 = 2026-12-18), latest start 2026-07-27, ⌊203/84⌋ + 1 = 3 waves
 * → 15 cohorts, 405 placements: not reachable; a test on 2026-11-01 would allow ⌊216/84⌋ + 1 = 3
 * waves too, so the binding constraint is TRAINER_CAPACITY (13 at once would do: 3 waves × 13 = 39 ≥ 38).
 */
import { invalid, type Messages } from '../shared/domain-error';
import { compareDates, daysBetween, fromParts, parseIsoDate, toParts, type IsoDate } from '../shared/local-date';
import { isRatioString, ratio, ratioCompare, RATIO_ONE, RATIO_ZERO, type Ratio } from '../money/ratio';
import { DomainError } from '../shared/domain-error';
import { TrainingErrors } from './training.errors';

/** Sanity caps (not policy figures). */
export const PLAN_MAX_TARGET = 100_000;
export const PLAN_MAX_TEST_DATES = 1000;

export interface TrainingPlanInput {
  /** People to place (depart) by `targetDate`. */
  readonly target: number;
  readonly targetDate: IsoDate;
  /** Earliest day a cohort can start. */
  readonly planStart: IsoDate;
  readonly cohortSize: number;
  readonly cohortWeeks: number;
  /** Cohorts the providers can run at once (trainers, rooms). */
  readonly maxConcurrentCohorts: number;
  readonly officialTestDates: readonly IsoDate[];
  /** Days from the test to departure (results, medical, documents, visa). */
  readonly passToDepartureDays: number;
  /** Exact fraction in [0, 1]: "1/10", "0.1", basisPoints(1000). */
  readonly dropoutRate: string;
  readonly passRate: string;
}

export const PLAN_CONSTRAINTS = ['TRAINER_CAPACITY', 'TEST_DATES', 'PASS_RATE', 'DROPOUT_RATE', 'TIME'] as const;
export type PlanConstraint = (typeof PLAN_CONSTRAINTS)[number];

export interface PlanWave {
  readonly cohorts: number;
  readonly latestStart: IsoDate;
  /** Last day of these cohorts if they start on `latestStart`. */
  readonly endsOn: IsoDate;
  readonly testDate: IsoDate;
  readonly departBy: IsoDate;
}

export interface TrainingPlan {
  readonly reachable: boolean;
  /** null when reachable. */
  readonly bindingConstraint: PlanConstraint | null;
  readonly explanation: Messages;
  readonly completersPerCohort: number;
  readonly passersPerCohort: number;
  /** null when a cohort yields no passer. */
  readonly cohortsNeeded: number | null;
  /** The most cohorts that fit before the latest start date with the capacity. */
  readonly maxCohorts: number;
  readonly maxPlacements: number;
  readonly latestUsableTestDate: IsoDate | null;
  readonly latestStartDate: IsoDate | null;
  /** Latest start dates, earliest wave first: for the cohorts needed when reachable, else for the most that fit. */
  readonly waves: readonly PlanWave[];
}

/** Basis points as an exact fraction string: basisPoints(1500) = "1500/10000" (15 %). */
export function basisPoints(bps: number): string {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new DomainError(TrainingErrors.rateInvalid(['basisPoints']));
  return `${bps}/10000`;
}

export function addCalendarDays(d: IsoDate, days: number): IsoDate {
  const p = toParts(d);
  const t = new Date(0);
  t.setUTCFullYear(p.year, p.month - 1, p.day + days);
  return fromParts({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

function rate(v: unknown, path: string): Ratio {
  if (!isRatioString(v)) throw new DomainError(TrainingErrors.rateInvalid([path]));
  const r = ratio(v, [path]);
  if (ratioCompare(r, RATIO_ZERO) < 0 || ratioCompare(r, RATIO_ONE) > 0) throw new DomainError(TrainingErrors.rateInvalid([path]));
  return r;
}

function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new DomainError(TrainingErrors.planInputInvalid([path], `Harus bilangan bulat ${min}–${max}.`, `Must be a whole number from ${min} to ${max}.`));
  }
  return v;
}

interface CleanPlanInput {
  readonly target: number;
  readonly targetDate: IsoDate;
  readonly planStart: IsoDate;
  readonly cohortSize: number;
  readonly lengthDays: number;
  readonly capacity: number;
  readonly tests: readonly IsoDate[];
  readonly lag: number;
  readonly dropout: Ratio;
  readonly pass: Ratio;
}

function cleanInput(input: TrainingPlanInput): CleanPlanInput {
  if (typeof input !== 'object' || input === null) invalid('TRAINING.PLAN_INPUT_INVALID', 'Masukan rencana tidak valid.', 'Invalid plan input.', { path: [] });
  const targetDate = parseIsoDate(input.targetDate, ['targetDate']);
  const planStart = parseIsoDate(input.planStart, ['planStart']);
  if (compareDates(targetDate, planStart) < 0) throw new DomainError(TrainingErrors.datesOutOfOrder(['targetDate']));
  if (!Array.isArray(input.officialTestDates) || input.officialTestDates.length > PLAN_MAX_TEST_DATES) {
    throw new DomainError(TrainingErrors.planInputInvalid(['officialTestDates'], `Daftar tanggal ujian (paling banyak ${PLAN_MAX_TEST_DATES}).`, `A list of test dates (at most ${PLAN_MAX_TEST_DATES}).`));
  }
  const tests = input.officialTestDates.map((d, i) => parseIsoDate(d, ['officialTestDates', String(i)])).sort(compareDates);
  return {
    target: int(input.target, 'target', 0, PLAN_MAX_TARGET),
    targetDate,
    planStart,
    cohortSize: int(input.cohortSize, 'cohortSize', 1, 1000),
    lengthDays: 7 * int(input.cohortWeeks, 'cohortWeeks', 1, 520),
    capacity: int(input.maxConcurrentCohorts, 'maxConcurrentCohorts', 0, 10_000),
    tests,
    lag: int(input.passToDepartureDays, 'passToDepartureDays', 0, 3650),
    dropout: rate(input.dropoutRate, 'dropoutRate'),
    pass: rate(input.passRate, 'passRate'),
  };
}

/** Cohorts that fit with starts from planStart to latestStart, `capacity` at a time. */
function cohortsThatFit(c: CleanPlanInput, latestStart: IsoDate | null): number {
  if (latestStart === null || compareDates(latestStart, c.planStart) < 0) return 0;
  return c.capacity * (Math.floor(daysBetween(c.planStart, latestStart) / c.lengthDays) + 1);
}

function waves(c: CleanPlanInput, latestStart: IsoDate, cohorts: number): PlanWave[] {
  if (c.capacity === 0 || cohorts === 0) return [];
  const count = Math.ceil(cohorts / c.capacity);
  const out: PlanWave[] = [];
  for (let j = count - 1; j >= 0; j -= 1) {
    const start = addCalendarDays(latestStart, -j * c.lengthDays);
    const ready = addCalendarDays(start, c.lengthDays);
    const testDate = c.tests.find((t) => compareDates(t, ready) >= 0)!;
    const size = j === count - 1 ? cohorts - (count - 1) * c.capacity : c.capacity;
    out.push({ cohorts: size, latestStart: start, endsOn: addCalendarDays(ready, -1), testDate, departBy: addCalendarDays(testDate, c.lag) });
  }
  return out;
}

const EXPLAIN: Readonly<Record<PlanConstraint | 'REACHABLE', Messages>> = {
  REACHABLE: { id: 'Target dapat dicapai dengan jadwal ini.', en: 'The target is reachable with this schedule.' },
  PASS_RATE: { id: 'Tingkat kelulusan tidak menghasilkan peserta lulus per angkatan.', en: 'The pass rate yields no passer per cohort.' },
  DROPOUT_RATE: { id: 'Tingkat putus pelatihan tidak menyisakan peserta yang selesai.', en: 'The dropout rate leaves no one to complete a cohort.' },
  TIME: { id: 'Waktu tidak cukup: angkatan pertama pun tidak dapat berangkat sebelum tanggal target.', en: 'Not enough time: not even the first cohort could depart by the target date.' },
  TEST_DATES: { id: 'Jadwal ujian resmi membatasi: tidak ada ujian pada waktu yang dibutuhkan.', en: 'The official test dates bind: there is no test when one is needed.' },
  TRAINER_CAPACITY: { id: 'Kapasitas pelatih/angkatan bersamaan tidak cukup untuk target.', en: 'Trainer capacity (cohorts at once) is not enough for the target.' },
};

/** Plan the cohorts to reach `target` by `targetDate`. Throws `DomainError` (`TRAINING.*`, `DATE.INVALID`) on invalid input. */
export function planTraining(input: TrainingPlanInput): TrainingPlan {
  const c = cleanInput(input);
  const completers = Number((BigInt(c.cohortSize) * (c.dropout.den - c.dropout.num)) / c.dropout.den);
  const passers = Number((BigInt(completers) * c.pass.num) / c.pass.den);
  const usable = c.tests.filter((t) => compareDates(addCalendarDays(t, c.lag), c.targetDate) <= 0 && compareDates(addCalendarDays(t, -c.lengthDays), c.planStart) >= 0);
  const latestTest = usable.length > 0 ? usable[usable.length - 1]! : null;
  const latestStart = latestTest === null ? null : addCalendarDays(latestTest, -c.lengthDays);
  const maxCohorts = cohortsThatFit(c, latestStart);
  const needed = passers > 0 ? Math.ceil(c.target / passers) : c.target === 0 ? 0 : null;
  const reachable = needed !== null && needed <= maxCohorts && (needed === 0 || latestStart !== null);
  const binding = reachable ? null : bindingConstraint(c, completers, passers, latestTest, needed ?? 0);
  const scheduled = reachable ? needed! : maxCohorts;
  return {
    reachable,
    bindingConstraint: binding,
    explanation: EXPLAIN[binding ?? 'REACHABLE'],
    completersPerCohort: completers,
    passersPerCohort: passers,
    cohortsNeeded: needed,
    maxCohorts,
    maxPlacements: maxCohorts * passers,
    latestUsableTestDate: latestTest,
    latestStartDate: latestStart,
    waves: latestStart === null ? [] : waves(c, latestStart, scheduled),
  };
}

function bindingConstraint(c: CleanPlanInput, completers: number, passers: number, latestTest: IsoDate | null, needed: number): PlanConstraint {
  if (passers === 0) return c.pass.num === 0n || completers > 0 ? 'PASS_RATE' : 'DROPOUT_RATE';
  if (compareDates(addCalendarDays(c.planStart, c.lengthDays + c.lag), c.targetDate) > 0) return 'TIME';
  if (latestTest === null) return 'TEST_DATES';
  const idealStart = addCalendarDays(c.targetDate, -c.lag - c.lengthDays);
  return c.capacity > 0 && needed <= cohortsThatFit(c, idealStart) ? 'TEST_DATES' : 'TRAINER_CAPACITY';
}
