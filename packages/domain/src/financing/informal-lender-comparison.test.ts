import fc from 'fast-check';
import { money } from '../money/money';
import { compareWithInformalLender, type InformalLenderComparisonInput } from './informal-lender-comparison';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');

const base: InformalLenderComparisonInput = { principal: idr(30_000_000), tenorMonths: 24, formalAnnualRate: '0.06', informalAnnualRate: '0.3' };

describe('compareWithInformalLender', () => {
  it('shows what KUR at 6% saves against 30% a year on the same amount and tenor', () => {
    const c = compareWithInformalLender(base);
    expect(c.formalIsCheaper).toBe(true);
    expect(c.interestSaved.amount).toBe(c.informal.totals.interest.amount - c.formal.totals.interest.amount);
    expect(c.totalSaved).toEqual(c.interestSaved); // same principal
    expect(c.regularInstalmentDifference.amount).toBe(c.informal.regularInstalment.amount - c.formal.regularInstalment.amount);
    expect(c.interestSaved.amount).toBeGreaterThan(5_000_000);
    expect(c.informal.method).toBe('ANNUITY');
  });

  it('a flat-rate informal loan shows even more saved', () => {
    const annuity = compareWithInformalLender(base);
    const flat = compareWithInformalLender({ ...base, informalMethod: 'FLAT' });
    expect(flat.interestSaved.amount).toBeGreaterThan(annuity.interestSaved.amount);
    expect(flat.informal.totals.interest).toEqual(idr(18_000_000)); // 30 jt × 30% × 2 years
  });

  it('keeps the formal loan’s grace terms', () => {
    const c = compareWithInformalLender({ ...base, formalGraceMonths: 6, formalGraceInterest: 'CAPITALISED' });
    expect(c.formal.graceMonths).toBe(6);
    expect(c.informal.graceMonths).toBe(0);
  });

  it('savings are zero at equal rates and grow with the informal rate (property)', () => {
    // Whole-rupiah instalments add rounding noise to the total paid (the last instalment absorbs
    // (A* − A)·((1+i)^n − 1)/i, up to a few hundred rupiah at high rates over long tenors), so the
    // rates compared differ by at least one percentage point on loans of at least Rp 1 jt.
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 100_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.integer({ min: 100, max: 4000 }),
        (amount, tenor, formalBp, extraBp, moreBp) => {
          const formalAnnualRate = `${formalBp}/10000`;
          const same = compareWithInformalLender({ principal: idr(amount), tenorMonths: tenor, formalAnnualRate, informalAnnualRate: formalAnnualRate });
          expect(same.totalSaved.amount).toBe(0);
          const informalBp = formalBp + extraBp;
          const c = compareWithInformalLender({ principal: idr(amount), tenorMonths: tenor, formalAnnualRate, informalAnnualRate: `${informalBp}/10000` });
          expect(c.totalSaved.amount).toBeGreaterThan(0);
          expect(c.formalIsCheaper).toBe(true);
          const higher = compareWithInformalLender({
            principal: idr(amount),
            tenorMonths: tenor,
            formalAnnualRate,
            informalAnnualRate: `${Math.min(10000, informalBp + moreBp)}/10000`,
          });
          if (informalBp + moreBp <= 10000) expect(higher.totalSaved.amount).toBeGreaterThan(c.totalSaved.amount);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each<[string, Partial<Record<keyof InformalLenderComparisonInput, unknown>>, string]>([
    ['an informal rate above 100%', { informalAnnualRate: '1.5' }, 'FINANCE.RATE_ABOVE_100_PERCENT'],
    ['a negative amount', { principal: idr(-5) }, 'FINANCE.NEGATIVE_AMOUNT'],
    ['a tenor of 0', { tenorMonths: 0 }, 'FINANCE.INVALID_TENOR'],
    ['non-integer months', { tenorMonths: 2.5 }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['a missing informal rate', { informalAnnualRate: undefined }, 'FINANCE.INVALID_RATE'],
  ])('throws on %s', (_n, patch, expected) => {
    expect(() => compareWithInformalLender({ ...base, ...patch } as InformalLenderComparisonInput)).toThrow(code(expected));
  });
});
