import { pmt } from 'financial';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { cityGrantProduct } from './city-grant.product';
import { kurPenempatanProduct } from './kur-penempatan.product';
import { scheduleLoan } from './schedule-loan';
import { zeroInterestFacilityProduct } from './zero-interest-facility.product';

const idr = (n: number) => money(n, 'IDR');
const kur = kurPenempatanProduct(parameterSnapshot('2026-01-15'));

describe('scheduleLoan', () => {
  it('KUR Rp 25 jt over 24 months: default grace (6 months, capitalised), then an annuity at 0.5% a month', () => {
    const r = scheduleLoan(kur, { amount: idr(25_000_000), tenorMonths: 24, contractMonths: 36 });
    if (!r.ok) throw new Error(r.error.code);
    const s = r.value.schedule!;
    expect(s.method).toBe('ANNUITY');
    expect(s.graceMonths).toBe(6);
    expect(s.graceInterest).toBe('CAPITALISED');
    expect(s.repaymentMonths).toBe(18);
    expect(s.regularInstalment.amount).toBe(Math.round(-pmt(0.005, 18, s.balanceAfterGrace.amount)));
    expect(s.totals.principal).toEqual(idr(25_000_000));
  });

  it('shows the FLAT comparison on request', () => {
    const r = scheduleLoan(kur, { amount: idr(25_000_000), tenorMonths: 24, contractMonths: 36, graceMonths: 0 }, { method: 'FLAT' });
    expect(r.ok && r.value.schedule!.method).toBe('FLAT');
    expect(r.ok && r.value.schedule!.totals.interest).toEqual(idr(3_000_000)); // 25 jt × 6% × 2 years
  });

  it('passes a rejection through with its reasons', () => {
    const r = scheduleLoan(kur, { amount: idr(25_000_000), tenorMonths: 40, contractMonths: 24 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.reasons.map((x) => x.code)).toEqual(['LOAN.TENOR_EXCEEDS_MAX', 'LOAN.TENOR_EXCEEDS_CONTRACT']);
  });

  it('a zero-interest facility costs exactly the principal', () => {
    const f = zeroInterestFacilityProduct({ provider: { id: 'APJATI', en: 'APJATI' }, statedBy: 'example', ceiling: null, maxTenorMonths: 24 });
    const r = scheduleLoan(f, { amount: idr(7_000_001), tenorMonths: 12, contractMonths: 24 });
    expect(r.ok && r.value.schedule!.totals.paid).toEqual(idr(7_000_001));
    expect(r.ok && r.value.schedule!.totals.interest).toEqual(idr(0));
  });

  it('a grant has no schedule', () => {
    const g = cityGrantProduct({ statedBy: 'example', ceiling: null });
    const r = scheduleLoan(g, { amount: idr(1_000_000) });
    expect(r.ok && r.value.schedule).toBeNull();
  });
});
