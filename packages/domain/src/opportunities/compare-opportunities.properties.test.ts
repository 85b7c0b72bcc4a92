/** Invariants of the comparison, for arbitrary options (fast-check). */
import fc from 'fast-check';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { money } from '../money/money';
import { compareOpportunities } from './compare-opportunities';
import type { OpportunityInput } from './opportunity-input';
import type { OpportunityResult } from './opportunity-result';

const idr = (n: number) => money(n, 'IDR');
const PARAMS = [parameterSnapshot('2025-03-01'), parameterSnapshot('2025-11-15'), parameterSnapshot('2026-02-01')];

const shareArb = fc.integer({ min: 0, max: 1000 }).map((n) => ({ share: (n / 1000).toFixed(3) }));
const livingArb = fc.oneof(shareArb, fc.integer({ min: 0, max: 9_000_000 }).map((n) => ({ monthly: idr(n) })));
const upfrontArb = fc.array(
  fc.record({
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    payer: fc.constantFrom('WORKER' as const, 'EMPLOYER' as const, 'CITY_SUBSIDY' as const),
  }),
  { maxLength: 3 },
);

function homeOption(horizon: number) {
  return fc
    .record({
      place: fc.constantFrom('KOTA_SERANG' as const, 'KABUPATEN_SERANG' as const, 'DKI_JAKARTA' as const),
      wait: fc.integer({ min: 0, max: horizon }),
      contract: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      extra: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
      living: livingArb,
      upfront: upfrontArb,
    })
    .map(
      (o): OpportunityInput => ({
        kind: o.place === 'DKI_JAKARTA' ? 'JABODETABEK' : 'LOCAL',
        place: o.place,
        monthsUntilFirstWage: o.wait,
        livingCost: o.living,
        // an offer at least the highest floor recorded (so it is never refused)
        ...(o.extra !== undefined ? { monthlyWage: idr(5_729_876 + o.extra) } : {}),
        ...(o.contract !== undefined ? { contractMonths: o.contract } : {}),
        upfrontCosts: o.upfront.map((u, i) => ({ id: `cost${i}`, label: { id: 'Biaya', en: 'Cost' }, amount: idr(u.amount), payer: u.payer, statedBy: 'test' })),
      }),
    );
}

function transmigrationOption(horizon: number) {
  return fc
    .record({
      wait: fc.integer({ min: 0, max: horizon }),
      income: fc.integer({ min: 0, max: 8_000_000 }),
      allowance: fc.integer({ min: 0, max: 2_000_000 }),
      months: fc.integer({ min: 0, max: 24 }),
      living: livingArb,
    })
    .map(
      (o): OpportunityInput => ({
        kind: 'TRANSMIGRATION',
        monthsUntilFirstWage: o.wait,
        monthlyIncome: idr(o.income),
        incomeStatedBy: 'test',
        livingCost: o.living,
        support: { livingAllowanceMonthly: idr(o.allowance), livingAllowanceMonths: o.months, statedBy: 'test' },
      }),
    );
}

const comparisonArb = fc
  .record({ horizon: fc.integer({ min: 1, max: 60 }), p: fc.integer({ min: 0, max: PARAMS.length - 1 }), home: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }) })
  .chain(({ horizon, p, home }) =>
    fc.record({
      horizon: fc.constant(horizon),
      p: fc.constant(p),
      home: fc.constant(home),
      options: fc.array(fc.oneof(homeOption(horizon), transmigrationOption(horizon)), { minLength: 1, maxLength: 6 }),
    }),
  );

function checkTotals(r: OpportunityResult): void {
  let cumulative = 0;
  const sums = { income: 0, living: 0, costs: 0, debt: 0 };
  for (const m of r.months) {
    expect(m.net.amount).toBe(m.income.amount - m.livingCosts.amount - m.costs.amount - m.debtPayment.amount);
    cumulative += m.net.amount;
    expect(m.cumulative.amount).toBe(cumulative);
    sums.income += m.income.amount;
    sums.living += m.livingCosts.amount;
    sums.costs += m.costs.amount;
    sums.debt += m.debtPayment.amount;
  }
  const t = r.scenarios[0]!.totals;
  expect([t.income.amount, t.livingCosts.amount, t.costs.amount, t.debtPayments.amount]).toEqual([sums.income, sums.living, sums.costs, sums.debt]);
  expect(t.netSaving.amount).toBe(cumulative - t.debtOutstandingAtEnd.amount);
  expect(r.netSaving).toEqual(t.netSaving);
  // the person's own cash for costs is exactly what they pay before the first wage (plus after it, when it falls in the horizon)
  expect(t.costs.amount).toBe(r.costs.upfrontCash.amount + (r.monthsUntilFirstWage < r.months.length ? r.costs.workerAfterFirstWage.amount : 0));
  // payers' parts add up to the known lines
  const known = r.costs.lines.reduce((s, l) => s + (l.amount?.amount ?? 0), 0);
  expect(Object.values(r.costs.byPayer).reduce((s, m) => s + m.amount, 0)).toBe(known);
}

describe('compareOpportunities properties', () => {
  it('ranks by net saving (ties in input order), keeps every option once, and its totals sum exactly', () => {
    fc.assert(
      fc.property(comparisonArb, ({ horizon, p, home, options }) => {
        const c = compareOpportunities({ horizonMonths: horizon, options, ...(home !== undefined ? { homeLivingCostMonthly: idr(home) } : {}) }, PARAMS[p]!);
        expect(c.ranking.map((r) => r.index).sort((a, b) => a - b)).toEqual(options.map((_, i) => i));
        c.ranking.forEach((r, k) => {
          expect(r.rank).toBe(k + 1);
          expect(r.months).toHaveLength(horizon);
          checkTotals(r);
          if (k > 0) {
            const prev = c.ranking[k - 1]!;
            expect(prev.netSaving.amount > r.netSaving.amount || (prev.netSaving.amount === r.netSaving.amount && prev.index < r.index)).toBe(true);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a higher wage offer never lowers the net saving; higher living costs never raise it', () => {
    fc.assert(
      fc.property(
        homeOption(48),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (o, horizon, raise, moreLiving) => {
          if (o.kind === 'TRANSMIGRATION' || o.kind === 'OVERSEAS') return;
          const opt = { ...o, monthsUntilFirstWage: Math.min(o.monthsUntilFirstWage, horizon) };
          const params = PARAMS[2]!;
          const net = (x: OpportunityInput) => compareOpportunities({ horizonMonths: horizon, options: [x] }, params).ranking[0]!.netSaving.amount;
          const wage = opt.monthlyWage?.amount ?? 5_729_876;
          expect(net({ ...opt, monthlyWage: idr(wage + raise) })).toBeGreaterThanOrEqual(net({ ...opt, monthlyWage: idr(wage) }));
          const lv = opt.livingCost;
          const dearer = 'share' in lv ? { share: Math.min(1, Number(lv.share) + moreLiving / 2_000_000 / 10).toFixed(3) } : { monthly: idr(lv.monthly.amount + moreLiving) };
          expect(net({ ...opt, livingCost: dearer })).toBeLessThanOrEqual(net(opt));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('abroad: a higher won wage, or a stronger won, never lowers the net saving; the scenarios order by the FX move', () => {
    const params = PARAMS[2]!;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 700 }),
        (extra, raise, wait, livingPermille) => {
          const option = (wage: number): OpportunityInput => ({
            kind: 'OVERSEAS',
            route: 'E9',
            occupation: 'MANUFACTURING_WORKER',
            contractMonths: 36,
            monthsUntilFirstWage: wait,
            livingCost: { share: (livingPermille / 1000).toFixed(3) },
            monthlyWage: money(2_156_880 + wage, 'KRW'),
          });
          const run = (wage: number) => compareOpportunities({ horizonMonths: 48, options: [option(wage)], fxShocks: ['-0.2', '-0.1', '0.1'] }, params).ranking[0]!;
          const a = run(extra);
          const b = run(extra + raise);
          expect(b.netSaving.amount).toBeGreaterThanOrEqual(a.netSaving.amount);
          const byMove = [...a.scenarios].sort((x, y) => Number(x.fxChange) - Number(y.fxChange));
          for (let i = 1; i < byMove.length; i++) expect(byMove[i]!.totals.netSaving.amount).toBeGreaterThanOrEqual(byMove[i - 1]!.totals.netSaving.amount);
          expect(a.worstNetSaving).toEqual(byMove[0]!.totals.netSaving);
          checkTotals(a);
        },
      ),
      { numRuns: 25 },
    );
  });
});
