import fc from 'fast-check';
import { money } from '../money/money';
import { addMonths } from '../shared/local-date';
import { repaymentSchedule } from './repayment-schedule';
import { loanTimeline } from './loan-timeline';

const idr = (n: number) => money(n, 'IDR');
const schedule = (graceInterest: 'PAID' | 'CAPITALISED') =>
  repaymentSchedule({ principal: idr(20_000_000), annualRate: '0.06', tenorMonths: 36, graceMonths: 6, graceInterest });

describe('loanTimeline: grace counts from disbursement, wages start later', () => {
  const dates = { disbursedOn: '2026-03-01', departureOn: '2026-05-01', firstWageOn: '2026-06-10' };

  it('puts each month on the calendar and says how many grace months have a wage', () => {
    const t = loanTimeline({ schedule: schedule('CAPITALISED'), ...dates });
    expect(t.convention.en).toContain('counts from disbursement');
    expect(t.rows[0]!.dueOn).toBe('2026-04-01');
    expect(t.rows.slice(0, 6).map((r) => r.hasWage)).toEqual([false, false, false, true, true, true]);
    expect(t.firstInstalmentOn).toBe('2026-10-01');
    expect(t.graceMonthsWithoutWage).toBe(3);
    expect(t.graceMonthsWithWage).toBe(3);
    expect(t.monthsOfWorkBeforeFirstInstalment).toBe(3);
    expect(t.warnings.map((w) => w.code)).toEqual(['LOAN.GRACE_BEFORE_WORK']);
    expect(t.paymentsBeforeFirstWage).toEqual(idr(0));
  });

  it('never counts a month with no wage as affordable: grace interest PAID before the first wage is cash to find', () => {
    const t = loanTimeline({ schedule: schedule('PAID'), ...dates });
    // 20,000,000 × 0.5% = 100,000 in each of the three grace months due before the first wage (1 Apr, 1 May, 1 Jun).
    expect(t.paymentsBeforeFirstWage).toEqual(idr(300_000));
    expect(t.warnings.map((w) => w.code)).toEqual(['LOAN.PAYMENT_BEFORE_FIRST_WAGE', 'LOAN.GRACE_BEFORE_WORK']);
    expect(t.largestPaymentWithWage!.amount).toBe(Math.max(...t.rows.filter((r) => r.hasWage).map((r) => r.payment.amount)));
  });

  it('refuses dates in the wrong order', () => {
    const s = schedule('PAID');
    expect(() => loanTimeline({ schedule: s, disbursedOn: '2026-03-01', departureOn: '2026-02-01', firstWageOn: '2026-06-01' })).toThrow(expect.objectContaining({ code: 'LOAN.INVALID_DATES' }));
    expect(() => loanTimeline({ schedule: s, disbursedOn: '2026-03-01', departureOn: '2026-04-01', firstWageOn: '2026-03-15' })).toThrow(expect.objectContaining({ code: 'LOAN.INVALID_DATES' }));
    expect(() => loanTimeline({ schedule: s, disbursedOn: '2026-02-30', departureOn: '2026-04-01', firstWageOn: '2026-05-15' })).toThrow(expect.objectContaining({ code: 'DATE.INVALID' }));
  });

  it('property: payments split exactly into months with and without a wage; a later first wage never means less cash without a wage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('PAID' as const, 'CAPITALISED' as const),
        (grace, toDeparture, toWage, gi) => {
          const s = repaymentSchedule({ principal: idr(15_000_000), annualRate: '0.06', tenorMonths: 24, graceMonths: grace, graceInterest: gi });
          const disbursedOn = '2026-01-15';
          const departureOn = addMonths(disbursedOn, toDeparture);
          const t = loanTimeline({ schedule: s, disbursedOn, departureOn, firstWageOn: addMonths(departureOn, toWage) });
          const later = loanTimeline({ schedule: s, disbursedOn, departureOn, firstWageOn: addMonths(departureOn, toWage + 1) });
          const withWage = t.rows.filter((r) => r.hasWage).reduce((a, r) => a + r.payment.amount, 0);
          expect(withWage + t.paymentsBeforeFirstWage.amount).toBe(s.totals.paid.amount);
          expect(t.rows.every((r) => r.hasWage === (r.dueOn >= t.firstWageOn))).toBe(true);
          expect(later.paymentsBeforeFirstWage.amount).toBeGreaterThanOrEqual(t.paymentsBeforeFirstWage.amount);
          expect(t.graceMonthsWithWage + t.graceMonthsWithoutWage).toBe(grace);
        },
      ),
      { numRuns: 150 },
    );
  });
});
