import fc from 'fast-check';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { checkLoanRequest, type LoanRequest } from './check-loan-request';
import { cityGrantProduct } from './city-grant.product';
import { kurPenempatanProduct } from './kur-penempatan.product';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');
const kur = kurPenempatanProduct(parameterSnapshot('2026-01-15'));
const good: LoanRequest = { amount: idr(30_000_000), tenorMonths: 36, contractMonths: 36 };

const codes = (r: ReturnType<typeof checkLoanRequest>) => (r.ok ? [] : r.error.reasons.map((x) => x.code));

describe('checkLoanRequest — KUR Penempatan PMI', () => {
  it('accepts a request within the terms, with the product defaults', () => {
    const r = checkLoanRequest(kur, good);
    expect(r).toEqual({
      ok: true,
      value: {
        productId: 'KUR_PENEMPATAN_PMI',
        kind: 'LOAN',
        amount: idr(30_000_000),
        annualRate: '0.06',
        method: 'ANNUITY',
        tenorMonths: 36,
        graceMonths: 6,
        graceInterest: 'CAPITALISED',
        repaymentMonths: 30,
        npwpRequired: false,
        npwpRuleRecorded: true,
        warnings: [],
      },
    });
  });

  it('lets the request choose the grace-interest treatment and a shorter grace', () => {
    const r = checkLoanRequest(kur, { ...good, graceMonths: 3, graceInterest: 'PAID' });
    expect(r.ok && r.value).toMatchObject({ graceMonths: 3, graceInterest: 'PAID', repaymentMonths: 33 });
  });

  it.each<[string, Partial<LoanRequest>, string[]]>([
    ['above the ceiling (with an NPWP)', { amount: idr(100_000_001), hasNpwp: true }, ['LOAN.ABOVE_CEILING']],
    ['exactly the ceiling (with an NPWP)', { amount: idr(100_000_000), hasNpwp: true }, []],
    ['tenor beyond the contract', { tenorMonths: 30, contractMonths: 24 }, ['LOAN.TENOR_EXCEEDS_CONTRACT']],
    ['tenor beyond 36 months', { tenorMonths: 48, contractMonths: 48 }, ['LOAN.TENOR_EXCEEDS_MAX']],
    ['above the NPWP threshold without an NPWP', { amount: idr(50_000_001) }, ['LOAN.NPWP_REQUIRED']],
    ['exactly the NPWP threshold', { amount: idr(50_000_000) }, []],
    ['above the threshold with an NPWP', { amount: idr(80_000_000), hasNpwp: true }, []],
    ['grace longer than the product', { graceMonths: 7 }, ['LOAN.GRACE_EXCEEDS_PRODUCT']],
    ['grace not shorter than the tenor', { tenorMonths: 6, contractMonths: 6 }, ['LOAN.GRACE_NOT_BELOW_TENOR']],
    ['more than the placement costs', { placementCosts: idr(20_000_000) }, ['LOAN.ABOVE_PLACEMENT_COSTS']],
    [
      'everything at once',
      { amount: idr(120_000_000), tenorMonths: 48, contractMonths: 24, graceMonths: 8 },
      ['LOAN.ABOVE_CEILING', 'LOAN.NPWP_REQUIRED', 'LOAN.TENOR_EXCEEDS_MAX', 'LOAN.TENOR_EXCEEDS_CONTRACT', 'LOAN.GRACE_EXCEEDS_PRODUCT'],
    ],
  ])('%s → %p', (_n, patch, expected) => {
    const r = checkLoanRequest(kur, { ...good, ...patch });
    expect(codes(r)).toEqual(expected);
    expect(r.ok).toBe(expected.length === 0);
    if (!r.ok) {
      expect(r.error.code).toBe(expected[0]);
      for (const reason of r.error.reasons) {
        expect(reason.message.id.length).toBeGreaterThan(0);
        expect(reason.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('reports a grace treatment the product does not offer', () => {
    const paidOnly = { ...kur, graceInterest: 'PAID' as const, graceInterestOptions: ['PAID' as const] };
    expect(codes(checkLoanRequest(paidOnly, { ...good, graceInterest: 'CAPITALISED' }))).toEqual(['LOAN.GRACE_INTEREST_NOT_OFFERED']);
  });

  it('never echoes the amount asked in its messages', () => {
    const r = checkLoanRequest(kur, { ...good, amount: idr(123_456_789) });
    expect(JSON.stringify(r)).not.toMatch(/123\.?456\.?789|123,456,789/);
  });

  it('accepts exactly what fits the terms (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (amount, tenor, contract, grace, hasNpwp) => {
          const r = checkLoanRequest(kur, { amount: idr(amount), tenorMonths: tenor, contractMonths: contract, graceMonths: grace, hasNpwp });
          const fits = amount <= 100_000_000 && tenor <= 36 && tenor <= contract && grace <= 6 && grace < tenor && (amount <= 50_000_000 || hasNpwp);
          expect(r.ok).toBe(fits);
        },
      ),
    );
  });

  it.each<[string, Partial<Record<keyof LoanRequest, unknown>>, string]>([
    ['a negative amount', { amount: idr(-1) }, 'FINANCE.NEGATIVE_AMOUNT'],
    ['a zero amount', { amount: idr(0) }, 'FINANCE.ZERO_AMOUNT'],
    ['an amount in KRW', { amount: money(1_000_000, 'KRW') }, 'MONEY.CURRENCY_MISMATCH'],
    ['placement costs in USD', { placementCosts: money(100, 'USD') }, 'MONEY.CURRENCY_MISMATCH'],
    ['a tenor of 0', { tenorMonths: 0 }, 'FINANCE.INVALID_TENOR'],
    ['a missing tenor', { tenorMonths: undefined }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['a non-integer tenor', { tenorMonths: 12.5 }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['a non-integer contract', { contractMonths: 23.5 }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['a missing contract', { contractMonths: undefined }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['a negative grace', { graceMonths: -1 }, 'FINANCE.INVALID_GRACE'],
    ['an unknown grace treatment', { graceInterest: 'LATER' }, 'FINANCE.INVALID_OPTION'],
    ['hasNpwp as text', { hasNpwp: 'yes' }, 'FINANCE.INVALID_INPUT'],
  ])('throws on %s', (_n, patch, expected) => {
    expect(() => checkLoanRequest(kur, { ...good, ...patch } as LoanRequest)).toThrow(code(expected));
  });
});

describe('checkLoanRequest — a city grant', () => {
  const grant = cityGrantProduct({ statedBy: 'Perwal (example)', ceiling: idr(2_000_000) });
  it('needs no tenor and checks the ceiling', () => {
    const r = checkLoanRequest(grant, { amount: idr(1_500_000) });
    expect(r.ok && r.value).toMatchObject({ kind: 'GRANT', tenorMonths: 0, repaymentMonths: 0, annualRate: '0' });
    expect(codes(checkLoanRequest(grant, { amount: idr(2_000_001) }))).toEqual(['LOAN.ABOVE_CEILING']);
  });
});
