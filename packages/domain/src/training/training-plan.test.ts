import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error';
import { addCalendarDays, basisPoints, planTraining, type TrainingPlanInput } from './training-plan';

const example: TrainingPlanInput = {
  target: 1000,
  targetDate: '2026-12-31',
  planStart: '2026-01-05',
  cohortSize: 40,
  cohortWeeks: 12,
  maxConcurrentCohorts: 5,
  officialTestDates: ['2026-10-19', '2026-04-20', '2026-07-20'],
  passToDepartureDays: 60,
  dropoutRate: '1/10',
  passRate: '3/4',
};

const thrownCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
  return 'NONE';
};

describe('planTraining: worked examples', () => {
  it('1,000 by 2026-12-31 with 5 cohorts at once is not reachable: trainer capacity binds', () => {
    const p = planTraining(example);
    expect(p).toMatchObject({
      reachable: false,
      bindingConstraint: 'TRAINER_CAPACITY',
      completersPerCohort: 36,
      passersPerCohort: 27,
      cohortsNeeded: 38,
      maxCohorts: 15,
      maxPlacements: 405,
      latestUsableTestDate: '2026-10-19',
      latestStartDate: '2026-07-27',
    });
    // as late as possible: the last wave starts on the latest start date, each earlier one 84 days before
    expect(p.waves).toEqual([
      { cohorts: 5, latestStart: '2026-02-09', endsOn: '2026-05-03', testDate: '2026-07-20', departBy: '2026-09-18' },
      { cohorts: 5, latestStart: '2026-05-04', endsOn: '2026-07-26', testDate: '2026-10-19', departBy: '2026-12-18' },
      { cohorts: 5, latestStart: '2026-07-27', endsOn: '2026-10-18', testDate: '2026-10-19', departBy: '2026-12-18' },
    ]);
  });

  it('13 cohorts at once reach it: 38 cohorts in 3 waves, as late as possible', () => {
    const p = planTraining({ ...example, maxConcurrentCohorts: 13 });
    expect(p).toMatchObject({ reachable: true, bindingConstraint: null, cohortsNeeded: 38, maxCohorts: 39 });
    expect(p.waves.map((w) => [w.cohorts, w.latestStart, w.testDate])).toEqual([
      [12, '2026-02-09', '2026-07-20'],
      [13, '2026-05-04', '2026-10-19'],
      [13, '2026-07-27', '2026-10-19'],
    ]);
    expect(planTraining({ ...example, maxConcurrentCohorts: 12 }).reachable).toBe(false);
  });

  it('names TEST_DATES when a later test would have been enough', () => {
    // only the April test: 1 wave of 5 cohorts (135 placements); a test on the target date (lag 0) would allow 4 waves = 20 ≥ 17 needed
    const p = planTraining({ ...example, target: 450, passToDepartureDays: 0, officialTestDates: ['2026-04-20'] });
    expect(p).toMatchObject({ reachable: false, bindingConstraint: 'TEST_DATES', latestUsableTestDate: '2026-04-20', maxCohorts: 5 });
    expect(planTraining({ ...example, officialTestDates: [] }).bindingConstraint).toBe('TEST_DATES');
  });

  it('names TIME when not even the first cohort could depart by the target date', () => {
    expect(planTraining({ ...example, targetDate: '2026-04-30' }).bindingConstraint).toBe('TIME');
  });

  it('names PASS_RATE and DROPOUT_RATE when a cohort yields no passer', () => {
    expect(planTraining({ ...example, passRate: '0' })).toMatchObject({ reachable: false, bindingConstraint: 'PASS_RATE', passersPerCohort: 0, cohortsNeeded: null });
    expect(planTraining({ ...example, dropoutRate: '1' })).toMatchObject({ reachable: false, bindingConstraint: 'DROPOUT_RATE' });
    expect(planTraining({ ...example, cohortSize: 1, passRate: '1/2', dropoutRate: '0' }).bindingConstraint).toBe('PASS_RATE');
  });

  it('takes rates as exact fractions or basis points', () => {
    const a = planTraining({ ...example, dropoutRate: basisPoints(1000), passRate: basisPoints(7500) });
    expect(a).toEqual(planTraining(example));
    expect(thrownCode(() => planTraining({ ...example, passRate: '1.5' }))).toBe('TRAINING.RATE_INVALID');
    expect(thrownCode(() => planTraining({ ...example, passRate: '0.5 ' }))).toBe('TRAINING.RATE_INVALID');
    expect(thrownCode(() => basisPoints(10_001))).toBe('TRAINING.RATE_INVALID');
    expect(thrownCode(() => planTraining({ ...example, cohortSize: 0 }))).toBe('TRAINING.PLAN_INPUT_INVALID');
    expect(thrownCode(() => planTraining({ ...example, targetDate: '2025-12-31' }))).toBe('TRAINING.DATES_OUT_OF_ORDER');
  });

  it('a target of 0 needs no cohort', () => {
    expect(planTraining({ ...example, target: 0, passRate: '0' })).toMatchObject({ reachable: true, cohortsNeeded: 0, waves: [] });
  });

  it('adds calendar days across months and leap years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

const day = (n: number) => addCalendarDays('2026-01-05', n);
const arbInput = fc.record({
  target: fc.integer({ min: 0, max: 3000 }),
  targetDay: fc.integer({ min: 0, max: 1500 }),
  cohortSize: fc.integer({ min: 1, max: 60 }),
  cohortWeeks: fc.integer({ min: 1, max: 26 }),
  maxConcurrentCohorts: fc.integer({ min: 0, max: 20 }),
  tests: fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 8 }),
  passToDepartureDays: fc.integer({ min: 0, max: 200 }),
  dropout: fc.integer({ min: 0, max: 10_000 }),
  pass: fc.integer({ min: 0, max: 10_000 }),
});
type PlanArb = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;
const toInput = (a: PlanArb, planStart = day(0)): TrainingPlanInput => ({
  target: a.target,
  targetDate: day(a.targetDay),
  planStart,
  cohortSize: a.cohortSize,
  cohortWeeks: a.cohortWeeks,
  maxConcurrentCohorts: a.maxConcurrentCohorts,
  officialTestDates: a.tests.map(day),
  passToDepartureDays: a.passToDepartureDays,
  dropoutRate: basisPoints(a.dropout),
  passRate: basisPoints(a.pass),
});

describe('planTraining: properties', () => {
  it('more capacity never makes a target less reachable', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 20 }), (a, extra) => {
        const p = planTraining(toInput(a));
        const q = planTraining(toInput({ ...a, maxConcurrentCohorts: a.maxConcurrentCohorts + extra }));
        expect(q.maxPlacements).toBeGreaterThanOrEqual(p.maxPlacements);
        if (p.reachable) expect(q.reachable).toBe(true);
      }),
    );
  });

  it('a pass rate of 0 is never reachable for a target above 0', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const p = planTraining(toInput({ ...a, target: Math.max(1, a.target), pass: 0 }));
        expect(p.reachable).toBe(false);
        expect(p.bindingConstraint).toBe('PASS_RATE');
      }),
    );
  });

  it('more time never hurts (a later target date, or an earlier plan start)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, later, earlier) => {
        const p = planTraining(toInput(a));
        const longer = planTraining(toInput({ ...a, targetDay: a.targetDay + later }));
        const sooner = planTraining(toInput(a, day(-earlier)));
        expect(longer.maxPlacements).toBeGreaterThanOrEqual(p.maxPlacements);
        expect(sooner.maxPlacements).toBeGreaterThanOrEqual(p.maxPlacements);
        if (p.reachable) {
          expect(longer.reachable).toBe(true);
          expect(sooner.reachable).toBe(true);
        }
      }),
    );
  });

  it('a reachable plan schedules exactly the cohorts needed, never more at once than the capacity, each departing in time', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const input = toInput(a);
        const p = planTraining(input);
        if (!p.reachable) return;
        expect(p.waves.reduce((s, w) => s + w.cohorts, 0)).toBe(p.cohortsNeeded);
        for (const w of p.waves) {
          expect(w.cohorts).toBeLessThanOrEqual(input.maxConcurrentCohorts);
          expect(w.latestStart >= input.planStart).toBe(true);
          expect(w.testDate > w.endsOn).toBe(true);
          expect(w.departBy <= input.targetDate).toBe(true);
        }
        expect(p.cohortsNeeded! * p.passersPerCohort).toBeGreaterThanOrEqual(input.target);
      }),
    );
  });
});
