/**
 * KUR Penempatan before the current scheme (issue 13): the product works on every date its
 * parameters cover (from 2017-01-01), and terms not recorded on a date are named, never invented.
 */
import fc from 'fast-check';
import { pmt } from 'financial';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { checkLoanRequest } from './check-loan-request';
import { kurPenempatanProduct, ratePercentText } from './kur-penempatan.product';
import { scheduleLoan } from './schedule-loan';

const idr = (n: number) => money(n, 'IDR');
const kurOn = (asOf: string) => kurPenempatanProduct(parameterSnapshot(asOf));

describe('KUR Penempatan PMI on 2018-06-01 (Permenko 11/2017)', () => {
  const product = kurOn('2018-06-01');

  it('Rp 25.000.000 over 12 months gives the 7% annuity schedule', () => {
    const r = scheduleLoan(product, { amount: idr(25_000_000), tenorMonths: 12, contractMonths: 24 });
    if (!r.ok) throw new Error(r.error.code);
    const s = r.value.schedule!;
    expect(s.annualRate).toBe('0.07');
    expect(s.graceMonths).toBe(0);
    expect(s.repaymentMonths).toBe(12);
    const reference = Math.round(-pmt(0.07 / 12, 12, 25_000_000));
    expect(s.regularInstalment.amount).toBe(reference);
    expect(s.rows).toHaveLength(12);
    expect(s.rows.reduce((a, row) => a + row.principal.amount, 0)).toBe(25_000_000);
    expect(s.rows[11]!.closingBalance.amount).toBe(0);
    expect(r.value.terms.npwpRuleRecorded).toBe(false);
    expect(r.value.terms.warnings.map((w) => w.code)).toEqual(['LOAN.NPWP_RULE_NOT_RECORDED']);
    expect(r.value.terms.warnings[0]!.details).toEqual({ parameter: 'kur.npwpThresholdIdr', recordedFrom: '2024-01-01' });
  });

  it('Rp 30.000.000 is refused for the Rp 25 jt ceiling', () => {
    const r = checkLoanRequest(product, { amount: idr(30_000_000), tenorMonths: 12, contractMonths: 24 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('LOAN.ABOVE_CEILING');
    expect(r.error.details).toEqual({ ceiling: 25_000_000, currency: 'IDR' });
  });

  it('the 3-year tenor limit applies (Permenko 11/2017 Pasal 23(3))', () => {
    expect(product.maxTenorMonths).toBe(36);
    const r = checkLoanRequest(product, { amount: idr(20_000_000), tenorMonths: 37, contractMonths: 48 });
    expect(!r.ok && r.error.reasons.map((x) => x.code)).toEqual(['LOAN.TENOR_EXCEEDS_MAX']);
  });

  it('names the grace and NPWP terms it has no record of, and refuses a grace period', () => {
    expect(product.unrecordedTerms.map((u) => [u.term, u.parameterId, u.recordedFrom])).toEqual([
      ['graceMonths', 'kur.graceMonths', '2025-08-29'],
      ['graceInterest', 'kur.graceInterest', '2025-08-29'],
      ['npwpThreshold', 'kur.npwpThresholdIdr', '2024-01-01'],
    ]);
    expect(product.graceMonths).toBe(0);
    expect(product.npwpThreshold).toBeNull();
    expect(product.sources.map((s) => s.parameterId)).toEqual(['kur.ceilingIdr', 'kur.annualRate', 'kur.maxTenorMonths']);
    const r = checkLoanRequest(product, { amount: idr(20_000_000), tenorMonths: 24, contractMonths: 24, graceMonths: 6 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('LOAN.TERM_NOT_RECORDED');
    expect(r.error.details).toEqual({ parameter: 'kur.graceMonths', recordedFrom: '2025-08-29' });
  });

  it('builds the rate in the conditions from the parameter, not from a fixed "6%"', () => {
    expect(product.conditions.some((c) => c.en.includes('7%') && c.id.includes('7%'))).toBe(true);
    expect(product.conditions.some((c) => c.en.includes('6%'))).toBe(false);
  });
});

describe('KUR on later dates', () => {
  it('2024: Rp100 jt at 6%, NPWP above Rp50 jt (Permenko 1/2023), grace still not recorded', () => {
    const p = kurOn('2024-06-01');
    expect(p).toMatchObject({ ceiling: idr(100_000_000), annualRate: '0.06', maxTenorMonths: 36, npwpThreshold: idr(50_000_000), graceMonths: 0 });
    expect(p.unrecordedTerms.map((u) => u.term)).toEqual(['graceMonths', 'graceInterest']);
    const r = checkLoanRequest(p, { amount: idr(60_000_000), tenorMonths: 24, contractMonths: 36 });
    expect(!r.ok && r.error.code).toBe('LOAN.NPWP_REQUIRED');
  });

  it('the current scheme has every term recorded and states its rate in the conditions', () => {
    const p = kurOn('2026-01-15');
    expect(p.unrecordedTerms).toEqual([]);
    expect(p.conditions.some((c) => c.en.includes('beyond the 6% rate'))).toBe(true);
    const r = checkLoanRequest(p, { amount: idr(20_000_000), tenorMonths: 24, contractMonths: 24 });
    expect(r.ok && r.value.warnings).toEqual([]);
  });

  it('an overlaid rate changes the condition text', () => {
    const p = kurPenempatanProduct(parameterSnapshot('2026-01-15', [{ name: 'rate', description: { id: 'x', en: 'x' }, values: { 'kur.annualRate': '0.055' } }]));
    expect(p.conditions.some((c) => c.id.includes('bunga 5,5%') && c.en.includes('the 5.5% rate'))).toBe(true);
  });

  it('refuses a date before any KUR record, naming the parameter', () => {
    expect(() => kurOn('2016-12-31')).toThrow(expect.objectContaining({ code: 'PARAMETER.BEFORE_COVERAGE' }));
  });

  it('ratePercentText', () => {
    expect(ratePercentText('0.06')).toEqual({ id: '6%', en: '6%' });
    expect(ratePercentText('0.0725')).toEqual({ id: '7,25%', en: '7.25%' });
    expect(ratePercentText('0')).toEqual({ id: '0%', en: '0%' });
  });

  it('property: on any covered date, any loan within the ceiling and tenor limits is scheduled and repays its principal exactly', () => {
    const day = fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 36 }), (asOf, per, tenor) => {
        const p = kurOn(asOf);
        const amount = Math.max(1, Math.floor((p.ceiling!.amount * per) / 1000));
        const r = scheduleLoan(p, { amount: idr(amount), tenorMonths: tenor, contractMonths: 36, hasNpwp: true, graceMonths: Math.min(p.graceMonths, tenor - 1) });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const s = r.value.schedule!;
        expect(s.rows.reduce((a, row) => a + row.principal.amount, 0)).toBe(s.balanceAfterGrace.amount);
        expect(s.annualRate).toBe(asOf < '2024-01-01' ? '0.07' : '0.06');
      }),
      { numRuns: 150 },
    );
  });
});
