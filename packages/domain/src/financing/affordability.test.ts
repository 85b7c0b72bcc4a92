import fc from 'fast-check';
import type { ExchangeRate } from '../money/exchange-rate';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { affordability, type AffordabilityInput } from './affordability';
import { kurPenempatanProduct } from './kur-penempatan.product';
import { scheduleLoan } from './schedule-loan';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');
const krw = (n: number) => money(n, 'KRW');
const KRW_IDR: ExchangeRate = { base: 'KRW', quote: 'IDR', rate: '11.5', asOf: '2025-10-01', source: 'fx.idrPerKrw', isDefault: true };

const base: AffordabilityInput = {
  instalment: idr(3_000_000),
  monthlyWage: krw(2_156_880), // Korean minimum wage 2026 (korea.minimumWageMonthlyKrw)
  exchangeRate: KRW_IDR,
  livingCostShare: '0.4',
  maxDebtServiceRatio: '0.3',
};

describe('affordability', () => {
  it('converts the wage, takes living costs and the debt-service limit, at the base rate and at ±10%', () => {
    const a = affordability(base);
    expect(a.scenarios.map((s) => [s.scenario, s.fxChange, s.exchangeRate?.rate, s.wage.amount])).toEqual([
      ['BASE', '0', '11.5', 24_804_120],
      ['FX_SHOCK', '-0.1', '10.35', 22_323_708],
      ['FX_SHOCK', '0.1', '12.65', 27_284_532],
    ]);
    const b = a.scenarios[0]!;
    expect(b.livingCosts).toEqual(idr(9_921_648));
    expect(b.availableAfterLivingCosts).toEqual(idr(14_882_472));
    expect(b.maxInstalmentByRatio).toEqual(idr(7_441_236));
    expect(b.debtServiceRatio).toBe('0.120948');
    expect(b.leftAfterInstalment).toEqual(idr(11_882_472));
    expect(a.affordableInAllScenarios).toBe(true);
    expect(a.worstCase.fxChange).toBe('-0.1');
    expect(a).toMatchObject({ livingCostShare: '0.400000', maxDebtServiceRatio: '0.300000' });
  });

  it('flags an instalment above the ratio and above what is left after living costs', () => {
    const a = affordability({ ...base, instalment: idr(16_000_000) });
    expect(a.affordableInAllScenarios).toBe(false);
    expect(a.scenarios[0]!.reasons.map((r) => r.code)).toEqual(['AFFORDABILITY.ABOVE_DEBT_SERVICE_RATIO', 'AFFORDABILITY.ABOVE_INCOME_AFTER_LIVING_COSTS']);
    expect(a.scenarios[0]!.leftAfterInstalment.amount).toBeLessThan(0);
  });

  it('can be affordable at the base rate and not after a 10% fall of the won', () => {
    const a = affordability({ ...base, instalment: idr(7_000_000) });
    expect(a.scenarios.map((s) => s.affordable)).toEqual([true, false, true]);
    expect(a.affordableInAllScenarios).toBe(false);
  });

  it('gives the same wages whichever way the rate is quoted', () => {
    const krwIdr: ExchangeRate = { ...KRW_IDR, rate: '12.5' };
    const idrKrw: ExchangeRate = { ...KRW_IDR, base: 'IDR', quote: 'KRW', rate: '0.08' };
    const a = affordability({ ...base, exchangeRate: krwIdr });
    const b = affordability({ ...base, exchangeRate: idrKrw });
    expect(b.scenarios.map((s) => s.wage)).toEqual(a.scenarios.map((s) => s.wage));
  });

  it('needs no rate when wage and instalment share a currency', () => {
    const a = affordability({ instalment: idr(1_000_000), monthlyWage: idr(10_000_000), livingCostShare: '0.5', maxDebtServiceRatio: '0.2' });
    expect(a.scenarios.every((s) => s.exchangeRate === null && s.wage.amount === 10_000_000)).toBe(true);
  });

  it('the KUR instalment against the 2026 Korean minimum wage at the parameter rate', () => {
    const params = parameterSnapshot('2026-01-15');
    const loan = scheduleLoan(kurPenempatanProduct(params), { amount: idr(40_000_000), tenorMonths: 36, contractMonths: 36 });
    if (!loan.ok) throw new Error(loan.error.code);
    const s = loan.value.schedule!;
    const fx: ExchangeRate = { base: 'KRW', quote: 'IDR', rate: params.get('fx.idrPerKrw'), asOf: params.describe('fx.idrPerKrw').effectiveFrom, source: 'fx.idrPerKrw', isDefault: true };
    const a = affordability({
      instalment: idr(Math.max(s.regularInstalment.amount, s.lastInstalment.amount)),
      monthlyWage: krw(params.get('korea.minimumWageMonthlyKrw')),
      exchangeRate: fx,
      livingCostShare: '0.5',
      maxDebtServiceRatio: '0.3',
    });
    expect(a.affordableInAllScenarios).toBe(true);
  });

  it('properties: the wage follows the FX shocks, and a lower instalment is never less affordable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 100_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        (inst, wage, living, dsr, less) => {
          const input = { ...base, instalment: idr(inst), monthlyWage: krw(wage), livingCostShare: (living / 100).toFixed(2), maxDebtServiceRatio: (dsr / 100).toFixed(2) };
          const a = affordability(input);
          const [b, down, up] = a.scenarios;
          expect(down!.wage.amount).toBeLessThanOrEqual(b!.wage.amount);
          expect(up!.wage.amount).toBeGreaterThanOrEqual(b!.wage.amount);
          expect(b!.availableAfterLivingCosts.amount + b!.livingCosts.amount).toBe(b!.wage.amount);
          const cheaper = affordability({ ...input, instalment: idr(Math.max(1, inst - less)) });
          cheaper.scenarios.forEach((s, i) => {
            if (a.scenarios[i]!.affordable) expect(s.affordable).toBe(true);
          });
        },
      ),
    );
  });

  it.each<[string, Partial<Record<keyof AffordabilityInput, unknown>>, string]>([
    ['a negative instalment', { instalment: idr(-1) }, 'FINANCE.NEGATIVE_AMOUNT'],
    ['a zero wage', { monthlyWage: krw(0) }, 'FINANCE.ZERO_AMOUNT'],
    ['a living-cost share above 1', { livingCostShare: '1.2' }, 'FINANCE.INVALID_SHARE'],
    ['a missing living-cost share', { livingCostShare: undefined }, 'FINANCE.INVALID_SHARE'],
    ['a negative debt-service ratio', { maxDebtServiceRatio: '-0.1' }, 'FINANCE.INVALID_SHARE'],
    ['a shock of −100%', { fxShocks: ['-1'] }, 'AFFORDABILITY.INVALID_FX_SHOCK'],
    ['a shock that is not a number', { fxShocks: ['ten percent'] }, 'AFFORDABILITY.INVALID_FX_SHOCK'],
    ['no rate for two currencies', { exchangeRate: undefined }, 'AFFORDABILITY.EXCHANGE_RATE_REQUIRED'],
    ['a rate that does not link them', { exchangeRate: { ...KRW_IDR, base: 'USD' } }, 'MONEY.CURRENCY_MISMATCH'],
    ['an undated rate', { exchangeRate: { ...KRW_IDR, asOf: 'kemarin' } }, 'DATE.INVALID'],
    ['a wage that converts to nothing', { instalment: krw(1), monthlyWage: idr(5), exchangeRate: KRW_IDR }, 'AFFORDABILITY.WAGE_TOO_SMALL'],
  ])('throws on %s', (_n, patch, expected) => {
    expect(() => affordability({ ...base, ...patch } as AffordabilityInput)).toThrow(code(expected));
  });
});
