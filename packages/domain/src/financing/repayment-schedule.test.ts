import fc from 'fast-check';
import { fv, ipmt, irr, pmt, ppmt } from 'financial';
import { money, type Money } from '../money/money';
import { repaymentSchedule, type RepaymentSchedule, type RepaymentScheduleInput } from './repayment-schedule';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');
const sumOf = (ms: readonly Money[]) => ms.reduce((a, m) => a + m.amount, 0);
const repayRows = (s: RepaymentSchedule) => s.rows.filter((r) => r.phase === 'REPAYMENT');

/** Annual rate as an exact decimal string from basis points (0 … 10000 = 0% … 100%). */
const rateFromBp = (bp: number) => (bp / 10000).toFixed(4);

describe('repaymentSchedule — worked examples', () => {
  it('Rp 10 jt, 6% efektif, 12 months: 11 × Rp 860.664 and a last Rp 860.668', () => {
    const s = repaymentSchedule({ principal: idr(10_000_000), annualRate: '0.06', tenorMonths: 12 });
    expect(s.monthlyRate).toBe('0.005');
    expect(s.regularInstalment).toEqual(idr(860_664));
    expect(s.regularInstalment.amount).toBe(Math.round(-pmt(0.005, 12, 10_000_000)));
    expect(repayRows(s).slice(0, 11).every((r) => r.payment.amount === 860_664)).toBe(true);
    // The last instalment settles the rounding of A: A + what 12 payments of A leave unpaid (−fv).
    expect(s.lastInstalment).toEqual(idr(860_668));
    expect(Math.abs(s.lastInstalment.amount - (860_664 - fv(0.005, 12, -860_664, 10_000_000)))).toBeLessThanOrEqual(1);
    expect(s.lastInstalmentAdjustment).toEqual(idr(4));
    expect(s.totals.interest).toEqual(idr(327_972));
    expect(s.totals.paid).toEqual(idr(10_327_972));
    expect(s.rows[0]).toMatchObject({ interest: idr(50_000), principal: idr(810_664), closingBalance: idr(9_189_336) });
    expect(s.rows[11]!.closingBalance).toEqual(idr(0));
  });

  it('the same loan FLAT: 11 × Rp 883.333 and Rp 883.337, interest Rp 600.000, a higher true rate', () => {
    const flat = repaymentSchedule({ principal: idr(10_000_000), annualRate: '0.06', tenorMonths: 12, method: 'FLAT' });
    const annuity = repaymentSchedule({ principal: idr(10_000_000), annualRate: '0.06', tenorMonths: 12 });
    expect(flat.regularInstalment).toEqual(idr(883_333));
    expect(flat.lastInstalment).toEqual(idr(883_337));
    expect(flat.totals.interest).toEqual(idr(600_000));
    expect(flat.rows.every((r) => r.interest.amount === 50_000)).toBe(true);
    expect(Number(flat.effectiveRate.nominalAnnualRate)).toBeGreaterThan(2 * Number(annuity.effectiveRate.nominalAnnualRate) * 0.9);
    expect(flat.effectiveRate.monthlyRate).toBe('0.0090803158');
  });

  it('KUR Rp 100 jt, 36 months with 6 months grace, interest PAID: Rp 500.000 a month, then an annuity over 30', () => {
    const s = repaymentSchedule({ principal: idr(100_000_000), annualRate: '0.06', tenorMonths: 36, graceMonths: 6, graceInterest: 'PAID' });
    const grace = s.rows.filter((r) => r.phase === 'GRACE');
    expect(grace).toHaveLength(6);
    expect(grace.every((r) => r.payment.amount === 500_000 && r.closingBalance.amount === 100_000_000)).toBe(true);
    expect(s.repaymentMonths).toBe(30);
    expect(s.regularInstalment.amount).toBe(Math.round(-pmt(0.005, 30, 100_000_000)));
    expect(s.totals.capitalisedInterest).toEqual(idr(0));
  });

  it('KUR Rp 100 jt, 36 months with 6 months grace, interest CAPITALISED: the balance grows monthly, then an annuity over 30', () => {
    const s = repaymentSchedule({ principal: idr(100_000_000), annualRate: '0.06', tenorMonths: 36, graceMonths: 6, graceInterest: 'CAPITALISED' });
    const grace = s.rows.filter((r) => r.phase === 'GRACE');
    expect(grace.every((r) => r.payment.amount === 0)).toBe(true);
    // Capitalised monthly: 100 jt × 1.005^6 (numpy-financial: −fv(0.005, 6, 0, 1e8)), each month rounded.
    expect(Math.abs(s.balanceAfterGrace.amount - -fv(0.005, 6, 0, 100_000_000))).toBeLessThanOrEqual(3);
    expect(s.balanceAfterGrace).toEqual(idr(103_037_751 + 1));
    expect(s.totals.capitalisedInterest.amount).toBe(s.balanceAfterGrace.amount - 100_000_000);
    expect(s.regularInstalment.amount).toBe(Math.round(-pmt(0.005, 30, s.balanceAfterGrace.amount)));
    expect(s.totals.principalRepaid).toEqual(s.balanceAfterGrace);
    expect(s.totals.paid.amount).toBe(100_000_000 + s.totals.interest.amount);
  });

  it('zero rate: B/n each month, no interest, an IRR of exactly 0', () => {
    const s = repaymentSchedule({ principal: idr(1_000_000), annualRate: '0', tenorMonths: 3 });
    expect(s.rows.map((r) => r.payment.amount)).toEqual([333_333, 333_333, 333_334]);
    expect(s.totals.interest).toEqual(idr(0));
    expect(s.effectiveRate).toEqual({ monthlyRate: '0.0000000000', nominalAnnualRate: '0.0000000000', effectiveAnnualRate: '0.0000000000' });
  });

  it('returns frozen values', () => {
    const s = repaymentSchedule({ principal: idr(5_000_000), annualRate: '0.06', tenorMonths: 6 });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.rows)).toBe(true);
    expect(Object.isFrozen(s.rows[0])).toBe(true);
    expect(Object.isFrozen(s.totals)).toBe(true);
  });
});

describe('repaymentSchedule — against numpy-financial (the `financial` package)', () => {
  const realistic = fc.record({
    amount: fc.integer({ min: 100_000, max: 1_000_000_000 }),
    bp: fc.integer({ min: 0, max: 5000 }),
    tenor: fc.integer({ min: 1, max: 60 }),
  });

  it('the regular instalment is −pmt rounded to the rupiah; the last one settles what A leaves unpaid (−fv)', () => {
    fc.assert(
      fc.property(realistic, ({ amount, bp, tenor }) => {
        const s = repaymentSchedule({ principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor });
        const i = bp / 10000 / 12;
        const ref = -pmt(i, tenor, amount);
        const A = s.regularInstalment.amount;
        // Half a rupiah, plus the float error of pmt at tiny rates (Rp 809.220.000 at 0.01 % for one month
        // is exactly …743.5, rounded half up to 744 by the domain, while pmt says …743.4947)
        expect(Math.abs(A - ref)).toBeLessThanOrEqual(0.5 + 1e-10 * amount);
        expect(Math.abs(s.lastInstalment.amount - (A - fv(i, tenor, -A, amount)))).toBeLessThanOrEqual(1 + 1e-10 * amount);
      }),
      { numRuns: 300, examples: [[{ amount: 809_220_000, bp: 1, tenor: 1 }]] },
    );
  });

  it('every closing balance is the exact balance (−fv with the actual instalment) to the half rupiah', () => {
    fc.assert(
      fc.property(realistic, ({ amount, bp, tenor }) => {
        const s = repaymentSchedule({ principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor });
        const i = bp / 10000 / 12;
        const A = s.regularInstalment.amount;
        s.rows.slice(0, -1).forEach((r, k) => {
          // Half a rupiah, plus the float error of fv at tiny rates ((1+i)^k − 1)/i cancels digits).
          expect(Math.abs(r.closingBalance.amount - -fv(i, k + 1, -A, amount))).toBeLessThanOrEqual(0.5 + 1e-10 * amount);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('interest and principal of each month are within a rupiah of ipmt / ppmt', () => {
    fc.assert(
      fc.property(realistic, ({ amount, bp, tenor }) => {
        const s = repaymentSchedule({ principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor });
        const i = bp / 10000 / 12;
        s.rows.forEach((r, k) => {
          // ipmt/ppmt use the unrounded payment; the rounding of A (≤ ½ rupiah) compounds to at most
          // ½ · ((1+i)^k − 1) in the interest, well under a rupiah for these tenors and rates.
          const drift = 0.5 * ((1 + i) ** (k + 1) - 1) + 1e-6;
          expect(Math.abs(r.interest.amount - -ipmt(i, k + 1, tenor, amount))).toBeLessThanOrEqual(1 + drift);
          if (k < tenor - 1) expect(Math.abs(r.principal.amount - -ppmt(i, k + 1, tenor, amount))).toBeLessThanOrEqual(1.5 + drift);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the effective rate is the IRR of the cash flows (numpy-financial irr)', () => {
    fc.assert(
      fc.property(realistic, fc.integer({ min: 0, max: 5 }), fc.constantFrom('PAID', 'CAPITALISED' as const), fc.constantFrom('ANNUITY', 'FLAT' as const), ({ amount, bp, tenor }, g, gi, method) => {
        fc.pre(tenor > g && bp > 0);
        const s = repaymentSchedule({ principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor, graceMonths: g, graceInterest: gi, method });
        const ref = irr([amount, ...s.rows.map((r) => -r.payment.amount)], 0.01, 1e-12, 500);
        expect(Math.abs(Number(s.effectiveRate.monthlyRate) - ref)).toBeLessThan(1e-9);
        expect(Math.abs(Number(s.effectiveRate.effectiveAnnualRate) - ((1 + ref) ** 12 - 1))).toBeLessThan(1e-8);
      }),
      { numRuns: 150 },
    );
  });
});

describe('repaymentSchedule — invariants for ANY amount, rate, tenor and grace', () => {
  const anyInput = fc
    .record({
      amount: fc.integer({ min: 1, max: 1_000_000_000_000 }),
      bp: fc.integer({ min: 0, max: 10000 }),
      tenor: fc.integer({ min: 1, max: 480 }),
      graceShare: fc.double({ min: 0, max: 1, noNaN: true }),
      graceInterest: fc.constantFrom('PAID', 'CAPITALISED' as const),
      method: fc.constantFrom('ANNUITY', 'FLAT' as const),
      rounding: fc.constantFrom('HALF_UP', 'HALF_EVEN', 'FLOOR', 'CEILING', 'DOWN', 'UP' as const),
    })
    .filter((r) => {
      // Keep every amount a safe integer: capitalising a long grace at a high rate can overflow 2^53.
      const g = Math.min(r.tenor - 1, Math.floor(r.graceShare * r.tenor));
      return r.amount * (1 + r.bp / 120000) ** g * (r.tenor + 1) < 4e15;
    })
    .map(
      (r): RepaymentScheduleInput => ({
        principal: idr(r.amount),
        annualRate: rateFromBp(r.bp),
        tenorMonths: r.tenor,
        graceMonths: Math.min(r.tenor - 1, Math.floor(r.graceShare * r.tenor)),
        graceInterest: r.graceInterest,
        method: r.method,
        rounding: r.rounding,
      }),
    );

  it('principal parts repay the loan exactly (plus any capitalised interest), balances never go negative, every amount is a whole rupiah', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const s = repaymentSchedule(input);
        const loan = input.principal.amount;
        expect(s.rows).toHaveLength(input.tenorMonths);
        expect(sumOf(s.rows.map((r) => r.principal)) - sumOf(s.rows.map((r) => r.capitalisedInterest))).toBe(loan);
        expect(s.totals.principalRepaid.amount).toBe(s.balanceAfterGrace.amount);
        expect(s.totals.paid.amount).toBe(loan + s.totals.interest.amount);
        expect(sumOf(s.rows.map((r) => r.payment))).toBe(s.totals.paid.amount);
        expect(s.rows[s.rows.length - 1]!.closingBalance.amount).toBe(0);
        // Plain checks per row (one expect at the end keeps 480-row schedules fast).
        let opening = loan;
        const bad: string[] = [];
        for (const r of s.rows) {
          if (r.openingBalance.amount !== opening) bad.push(`opening ${r.month}`);
          for (const m of [r.interest, r.capitalisedInterest, r.principal, r.payment, r.closingBalance]) {
            if (!Number.isSafeInteger(m.amount) || m.amount < 0) bad.push(`amount ${r.month}`);
          }
          if (r.payment.amount !== r.interest.amount - r.capitalisedInterest.amount + r.principal.amount) bad.push(`payment ${r.month}`);
          if (r.closingBalance.amount !== r.openingBalance.amount + r.capitalisedInterest.amount - r.principal.amount) bad.push(`closing ${r.month}`);
          opening = r.closingBalance.amount;
        }
        expect(bad).toEqual([]);
        if (input.annualRate === '0.0000') expect(s.totals.interest.amount).toBe(0);
      }),
      { numRuns: 250 },
    );
  });

  it('flat instalments are equal except the last, for any input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const s = repaymentSchedule({ ...input, method: 'FLAT' });
        const rows = repayRows(s);
        expect(rows.slice(0, -1).every((r) => r.payment.amount === s.regularInstalment.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('annuity instalments are equal except the last (loans ≥ Rp 10.000 over ≤ 60 months at 0–100%)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('PAID', 'CAPITALISED' as const),
        (amount, bp, tenor, g, graceInterest) => {
          const graceMonths = Math.min(g, tenor - 1);
          const s = repaymentSchedule({ principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor, graceMonths, graceInterest });
          const rows = repayRows(s);
          expect(rows.slice(0, -1).every((r) => r.payment.amount === s.regularInstalment.amount)).toBe(true);
          expect(s.lastInstalmentAdjustment.amount).toBe(s.lastInstalment.amount - s.regularInstalment.amount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grace interest PAID keeps the balance; CAPITALISED never costs less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 100_000_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 2, max: 48 }), fc.integer({ min: 1, max: 12 }), (amount, bp, tenor, g) => {
        fc.pre(g < tenor);
        const base = { principal: idr(amount), annualRate: rateFromBp(bp), tenorMonths: tenor, graceMonths: g };
        const paid = repaymentSchedule({ ...base, graceInterest: 'PAID' });
        const cap = repaymentSchedule({ ...base, graceInterest: 'CAPITALISED' });
        expect(paid.balanceAfterGrace.amount).toBe(amount);
        expect(cap.balanceAfterGrace.amount).toBeGreaterThanOrEqual(amount);
        // In exact arithmetic capitalising costs at least as much. Each month's interest is rounded to a
        // whole rupiah, so the two schedules may differ by at most a rupiah a month the other way
        // (seen: Rp 100,009 at 0.07 % over 42 months, 2 of grace: Rp 100,140 against Rp 100,141).
        expect(cap.totals.paid.amount + tenor).toBeGreaterThanOrEqual(paid.totals.paid.amount);
        expect(cap.totals.interest.amount + cap.totals.capitalisedInterest.amount + tenor).toBeGreaterThanOrEqual(paid.totals.interest.amount);
      }),
      { numRuns: 150 },
    );
  });

  it('capitalised grace interest may cost a rupiah less only through monthly rounding (the case fast-check found)', () => {
    const base = { principal: idr(100_009), annualRate: rateFromBp(7), tenorMonths: 42, graceMonths: 2 };
    const paid = repaymentSchedule({ ...base, graceInterest: 'PAID' });
    const cap = repaymentSchedule({ ...base, graceInterest: 'CAPITALISED' });
    expect(cap.totals.capitalisedInterest.amount).toBeGreaterThan(0);
    expect(paid.totals.paid.amount - cap.totals.paid.amount).toBeLessThanOrEqual(1);
    // with a rate large enough for the interest on interest to exceed the rounding, it costs more
    const dear = { ...base, principal: idr(10_000_000), annualRate: rateFromBp(600) };
    expect(repaymentSchedule({ ...dear, graceInterest: 'CAPITALISED' }).totals.paid.amount).toBeGreaterThan(
      repaymentSchedule({ ...dear, graceInterest: 'PAID' }).totals.paid.amount,
    );
  });
});

describe('repaymentSchedule — bad input', () => {
  const ok: RepaymentScheduleInput = { principal: idr(1_000_000), annualRate: '0.06', tenorMonths: 12 };
  it.each<[string, Partial<Record<keyof RepaymentScheduleInput, unknown>>, string]>([
    ['negative amount', { principal: idr(-1) }, 'FINANCE.NEGATIVE_AMOUNT'],
    ['zero amount', { principal: idr(0) }, 'FINANCE.ZERO_AMOUNT'],
    ['fractional amount', { principal: { amount: 10.5, currency: 'IDR' } }, 'MONEY.NOT_INTEGER'],
    ['NaN amount', { principal: { amount: Number.NaN, currency: 'IDR' } }, 'MONEY.NOT_FINITE'],
    ['unknown currency', { principal: { amount: 1, currency: 'EUR' } }, 'MONEY.UNKNOWN_CURRENCY'],
    ['rate above 100%', { annualRate: '1.01' }, 'FINANCE.RATE_ABOVE_100_PERCENT'],
    ['negative rate', { annualRate: '-0.01' }, 'FINANCE.NEGATIVE_RATE'],
    ['rate with a comma', { annualRate: '0,06' }, 'FINANCE.INVALID_RATE'],
    ['rate as a float', { annualRate: 0.06 }, 'FINANCE.INVALID_RATE'],
    ['tenor 0', { tenorMonths: 0 }, 'FINANCE.INVALID_TENOR'],
    ['negative tenor', { tenorMonths: -3 }, 'FINANCE.INVALID_TENOR'],
    ['non-integer tenor', { tenorMonths: 12.5 }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['tenor as a string', { tenorMonths: '12' }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['tenor too long', { tenorMonths: 481 }, 'FINANCE.TENOR_TOO_LONG'],
    ['grace = tenor', { graceMonths: 12 }, 'FINANCE.INVALID_GRACE'],
    ['negative grace', { graceMonths: -1 }, 'FINANCE.INVALID_GRACE'],
    ['non-integer grace', { graceMonths: 1.5 }, 'FINANCE.NON_INTEGER_MONTHS'],
    ['unknown grace treatment', { graceInterest: 'DEFERRED' }, 'FINANCE.INVALID_OPTION'],
    ['unknown method', { method: 'BALLOON' }, 'FINANCE.INVALID_OPTION'],
    ['unknown rounding', { rounding: 'NEAREST' }, 'ROUNDING.UNKNOWN_MODE'],
  ])('%s → %s', (_name, patch, expected) => {
    expect(() => repaymentSchedule({ ...ok, ...patch } as RepaymentScheduleInput)).toThrow(code(expected));
  });

  it('rejects a missing input object', () => {
    expect(() => repaymentSchedule(null as unknown as RepaymentScheduleInput)).toThrow(code('FINANCE.INVALID_INPUT'));
  });

  it('never echoes the submitted amount in its messages', () => {
    try {
      repaymentSchedule({ ...ok, principal: idr(-123_456_789) });
      throw new Error('expected a DomainError');
    } catch (e) {
      const { messages } = e as { messages: { id: string; en: string } };
      expect(`${messages.id} ${messages.en}`).not.toMatch(/123/);
    }
  });
});
