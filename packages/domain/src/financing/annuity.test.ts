import fc from 'fast-check';
import { pmt } from 'financial';
import { money } from '../money/money';
import { annuityPayment, exactAnnuityPayment } from './annuity';
import { ratio } from '../money/ratio';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');

describe('annuityPayment', () => {
  it('worked example: Rp 10 jt at 0.5% a month over 12 months → Rp 860.664', () => {
    expect(annuityPayment(idr(10_000_000), '0.005', 12)).toEqual(idr(860_664));
    const exact = exactAnnuityPayment(10_000_000n, ratio('0.005'), 12);
    expect(Number(exact.num) / Number(exact.den)).toBeCloseTo(860_664.297, 3);
  });

  it('zero rate: B / n', () => {
    expect(annuityPayment(idr(1_200_000), '0', 12)).toEqual(idr(100_000));
    expect(annuityPayment(idr(100), '0', 3)).toEqual(idr(33));
    expect(annuityPayment(idr(100), '0', 3, 'CEILING')).toEqual(idr(34));
  });

  it('matches −pmt from numpy-financial to the rupiah', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 480 }), (b, bp, n) => {
        const i = bp / 10000 / 12;
        // The monthly rate bp/120000 as an exact fraction.
        const exact = annuityPayment(idr(b), `${bp}/120000`, n);
        const ref = -pmt(i, n, b);
        expect(Math.abs(exact.amount - ref)).toBeLessThanOrEqual(0.5 + 1e-9 * Math.max(1, Math.abs(ref)));
      }),
      { numRuns: 300 },
    );
  });

  it('rounding modes bracket the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 120 }), (b, bp, n) => {
        const r = `${bp}/120000`;
        const lo = annuityPayment(idr(b), r, n, 'FLOOR').amount;
        const hi = annuityPayment(idr(b), r, n, 'CEILING').amount;
        const mid = annuityPayment(idr(b), r, n).amount;
        expect(hi - lo).toBeLessThanOrEqual(1);
        expect(mid >= lo && mid <= hi).toBe(true);
      }),
    );
  });

  it.each<[string, string, () => unknown]>([
    ['negative balance', 'FINANCE.NEGATIVE_AMOUNT', () => annuityPayment(idr(-1), '0.005', 12)],
    ['rate above 100% a period', 'FINANCE.RATE_ABOVE_100_PERCENT', () => annuityPayment(idr(1), '1.5', 12)],
    ['negative rate', 'FINANCE.NEGATIVE_RATE', () => annuityPayment(idr(1), '-0.005', 12)],
    ['unparseable rate', 'FINANCE.INVALID_RATE', () => annuityPayment(idr(1), 'half a percent', 12)],
    ['0 periods', 'FINANCE.INVALID_TENOR', () => annuityPayment(idr(1), '0.005', 0)],
    ['fractional periods', 'FINANCE.NON_INTEGER_MONTHS', () => annuityPayment(idr(1), '0.005', 1.5)],
    ['unknown rounding', 'ROUNDING.UNKNOWN_MODE', () => annuityPayment(idr(1), '0.005', 2, 'ROUND' as 'UP')],
  ])('%s → %s', (_n, expected, f) => {
    expect(f).toThrow(code(expected));
  });
});
