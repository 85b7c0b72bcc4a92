import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { cityGrantProduct } from './city-grant.product';
import { defineFinancingProduct, type FinancingProductInput } from './financing-product';
import { KUR_PENEMPATAN_PMI_ID, kurPenempatanProduct } from './kur-penempatan.product';
import { zeroInterestFacilityProduct } from './zero-interest-facility.product';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');

describe('KUR Penempatan PMI from the parameter snapshot', () => {
  it('reads the current terms (Permen P2MI 18/2025)', () => {
    const kur = kurPenempatanProduct(parameterSnapshot('2025-09-01'));
    expect(kur).toMatchObject({
      id: KUR_PENEMPATAN_PMI_ID,
      kind: 'LOAN',
      currency: 'IDR',
      ceiling: idr(100_000_000),
      annualRate: '0.06',
      method: 'ANNUITY',
      maxTenorMonths: 36,
      tenorWithinContract: true,
      graceMonths: 6,
      graceInterest: 'CAPITALISED',
      graceInterestOptions: ['PAID', 'CAPITALISED'],
      npwpThreshold: idr(50_000_000),
    });
    expect(kur.sources.map((s) => s.parameterId)).toEqual([
      'kur.ceilingIdr',
      'kur.annualRate',
      'kur.maxTenorMonths',
      'kur.graceMonths',
      'kur.graceInterest',
      'kur.npwpThresholdIdr',
    ]);
    expect(kur.sources.find((s) => s.parameterId === 'kur.graceInterest')).toMatchObject({ isDefault: true, effectiveFrom: '2025-08-29' });
    expect(kur.conditions.length).toBeGreaterThan(0);
    expect(Object.isFrozen(kur)).toBe(true);
  });

  it('follows the effective-date boundary of the current scheme (29 Aug 2025)', () => {
    // Before it, the 2024 terms apply, with no grace term recorded (kur-history.test.ts).
    expect(kurPenempatanProduct(parameterSnapshot('2025-08-28'))).toMatchObject({ graceMonths: 0, unrecordedTerms: [expect.objectContaining({ term: 'graceMonths' }), expect.objectContaining({ term: 'graceInterest' })] });
    expect(kurPenempatanProduct(parameterSnapshot('2025-08-29'))).toMatchObject({ maxTenorMonths: 36, graceMonths: 6, unrecordedTerms: [] });
  });

  it('takes what-if overlays without editing the base', () => {
    const overlay = {
      name: 'kur-5-persen',
      description: { id: 'Bunga KUR 5%', en: 'KUR at 5%' },
      values: { 'kur.annualRate': '0.05', 'kur.graceInterest': 'PAID' as const },
    };
    const reform = kurPenempatanProduct(parameterSnapshot('2026-01-01', [overlay]));
    expect(reform.annualRate).toBe('0.05');
    expect(reform.graceInterest).toBe('PAID');
    expect(reform.sources.find((s) => s.parameterId === 'kur.annualRate')).toMatchObject({ overlaidBy: 'kur-5-persen' });
    expect(kurPenempatanProduct(parameterSnapshot('2026-01-01')).annualRate).toBe('0.06');
  });
});

describe('other products as data', () => {
  it('a zero-interest facility needs its terms stated; nothing is invented', () => {
    const f = zeroInterestFacilityProduct({
      provider: { id: 'Fasilitas APJATI', en: 'APJATI facility' },
      statedBy: 'MoU APJATI–Pemkot Serang, clause (example)',
      ceiling: idr(10_000_000),
      maxTenorMonths: 12,
    });
    expect(f).toMatchObject({ kind: 'LOAN', annualRate: '0', ceiling: idr(10_000_000), maxTenorMonths: 12, graceMonths: 0, npwpThreshold: null });
    expect(f.sources).toEqual([{ term: 'all', statedBy: 'MoU APJATI–Pemkot Serang, clause (example)' }]);
    expect(() =>
      zeroInterestFacilityProduct({ provider: { id: 'x', en: 'x' }, statedBy: ' ', ceiling: null, maxTenorMonths: null }),
    ).toThrow(code('FINANCE.INVALID_PRODUCT'));
  });

  it('a city grant is not repaid', () => {
    const g = cityGrantProduct({ statedBy: 'Perwal (example)', ceiling: idr(2_000_000) });
    expect(g).toMatchObject({ id: 'CITY_GRANT', kind: 'GRANT', annualRate: '0', maxTenorMonths: null, graceMonths: 0, ceiling: idr(2_000_000) });
    expect(() => cityGrantProduct({ statedBy: '', ceiling: null })).toThrow(code('FINANCE.INVALID_PRODUCT'));
  });

  const base: FinancingProductInput = {
    id: 'TEST_LOAN',
    kind: 'LOAN',
    name: { id: 'Uji', en: 'Test' },
    provider: { id: 'Bank', en: 'Bank' },
    currency: 'IDR',
    ceiling: idr(1_000_000),
    annualRate: '0.1',
    maxTenorMonths: 12,
    tenorWithinContract: false,
  };

  it.each<[string, Partial<Record<keyof FinancingProductInput, unknown>>, string]>([
    ['a lower-case id', { id: 'test' }, 'FINANCE.INVALID_PRODUCT'],
    ['a grant with interest', { kind: 'GRANT', maxTenorMonths: null }, 'FINANCE.INVALID_PRODUCT'],
    ['a grant with a tenor', { kind: 'GRANT', annualRate: '0' }, 'FINANCE.INVALID_PRODUCT'],
    ['a ceiling in another currency', { ceiling: money(1000, 'KRW') }, 'MONEY.CURRENCY_MISMATCH'],
    ['a negative ceiling', { ceiling: idr(-1) }, 'FINANCE.NEGATIVE_AMOUNT'],
    ['a rate above 100%', { annualRate: '2' }, 'FINANCE.RATE_ABOVE_100_PERCENT'],
    ['a max tenor of 0', { maxTenorMonths: 0 }, 'FINANCE.INVALID_TENOR'],
    ['grace as long as the max tenor', { graceMonths: 12 }, 'FINANCE.INVALID_GRACE'],
    ['a default grace treatment not offered', { graceInterest: 'CAPITALISED', graceInterestOptions: ['PAID'] }, 'FINANCE.INVALID_PRODUCT'],
    ['no grace options', { graceInterestOptions: [] }, 'FINANCE.INVALID_PRODUCT'],
    ['a name without English', { name: { id: 'Uji', en: '' } }, 'FINANCE.INVALID_PRODUCT'],
    ['an unknown kind', { kind: 'BOND' }, 'FINANCE.INVALID_OPTION'],
    ['tenorWithinContract missing', { tenorWithinContract: undefined }, 'FINANCE.INVALID_PRODUCT'],
  ])('defineFinancingProduct refuses %s', (_n, patch, expected) => {
    expect(() => defineFinancingProduct({ ...base, ...patch } as FinancingProductInput)).toThrow(code(expected));
  });
});
