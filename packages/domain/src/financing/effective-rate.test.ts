import fc from 'fast-check';
import { irr } from 'financial';
import { money } from '../money/money';
import { effectiveRateOfLoan, internalRateOfReturn } from './effective-rate';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');

describe('internalRateOfReturn', () => {
  it('solves simple loans exactly', () => {
    expect(internalRateOfReturn([idr(100), idr(-110)])).toBe('0.1000000000');
    expect(internalRateOfReturn([idr(100), idr(-50), idr(-50)])).toBe('0.0000000000');
    expect(internalRateOfReturn([idr(100), idr(-121)], 6)).toBe('0.210000');
    // Two periods: 100 = 121 / (1 + r)^2 → r = 10%.
    expect(internalRateOfReturn([idr(100), idr(0), idr(-121)])).toBe('0.1000000000');
  });

  it('gives a negative rate when less than the principal comes back', () => {
    expect(internalRateOfReturn([idr(100), idr(-90)])).toBe('-0.1000000000');
  });

  it('agrees with numpy-financial irr on loan cash flows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 60 }),
        (principal, payments) => {
          fc.pre(payments.some((p) => p > 0));
          const total = payments.reduce((a, b) => a + b, 0);
          fc.pre(total > principal * 0.5 && total < principal * 3);
          const ref = irr([principal, ...payments.map((p) => -p)], 0.01, 1e-13, 1000);
          fc.pre(Number.isFinite(ref));
          const ours = Number(internalRateOfReturn([idr(principal), ...payments.map((p) => idr(-p))], 12));
          expect(Math.abs(ours - ref)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each<[string, number[], string]>([
    ['a single flow', [100], 'FINANCE.IRR_UNDEFINED'],
    ['money paid first', [-100, 110], 'FINANCE.IRR_UNDEFINED'],
    ['no repayment', [100, 0, 0], 'FINANCE.IRR_UNDEFINED'],
    ['two sign changes', [100, -50, 20, -80], 'FINANCE.IRR_UNDEFINED'],
    ['almost nothing repaid (below −99%)', [1_000_000, -1], 'FINANCE.IRR_UNDEFINED'],
  ])('refuses %s', (_n, flows, expected) => {
    expect(() => internalRateOfReturn(flows.map(idr))).toThrow(code(expected));
  });

  it('refuses mixed currencies and bad digits', () => {
    expect(() => internalRateOfReturn([idr(100), money(-110, 'KRW')])).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => internalRateOfReturn([idr(100), idr(-110)], 31)).toThrow(code('FINANCE.INVALID_OPTION'));
    expect(() => internalRateOfReturn([idr(100), idr(-110)], 1.5)).toThrow(code('FINANCE.INVALID_OPTION'));
  });
});

describe('effectiveRateOfLoan', () => {
  it('annualises nominally (× 12) and by compounding', () => {
    // 0.5% a month exactly: 100 received, 100.5 repaid after one month.
    const r = effectiveRateOfLoan(money(1_000_000, 'IDR'), [money(1_005_000, 'IDR')]);
    expect(r).toEqual({ monthlyRate: '0.0050000000', nominalAnnualRate: '0.0600000000', effectiveAnnualRate: '0.0616778119' });
  });

  it('works in any single currency and refuses mixed ones', () => {
    expect(effectiveRateOfLoan(money(1000, 'KRW'), [money(1100, 'KRW')]).monthlyRate).toBe('0.1000000000');
    expect(() => effectiveRateOfLoan(money(1000, 'KRW'), [money(1100, 'IDR')])).toThrow(code('MONEY.CURRENCY_MISMATCH'));
  });
});
