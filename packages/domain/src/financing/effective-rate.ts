/**
 * The true cost of a loan as a rate: the internal rate of return (IRR) of the borrower's cash
 * flows, per month and annualised. For display and comparison only: it never produces an amount.
 *
 * Equation (numpy-financial `irr`): the rate r per period that makes the net present value zero,
 *
 *     Σ_{t=0..N} CF_t / (1 + r)^t = 0
 *
 * with CF_0 = +principal received at disbursement and CF_t = −payment_t at the end of month t
 * (zero during a grace period whose interest is capitalised). Annualised two ways:
 *
 *     nominal annual rate   = 12 · r                (how Indonesian lenders quote "6% efektif")
 *     effective annual rate = (1 + r)^12 − 1        (compounded; 0.5% a month → 6.1678%)
 *
 * Zero-rate case: when the payments add up to exactly the principal, r = 0 (all three rates "0").
 *
 * Sign convention: the borrower's view, as numpy-financial: money received is positive, money
 * paid is negative. A flow with more than one sign change can have several roots; loans here have
 * one (received first, paid after), so the root is unique and r > −1.
 *
 * Method: Newton's method safeguarded by bisection, in fixed-point bigint arithmetic (scale
 * 10^40), until the step is one unit of the scale; then rounded HALF_EVEN to `digits` decimals
 * (default 10). No floating point.
 * Exactness: about 35 significant digits before rounding; the printed digits are exact up to the
 * last one.
 *
 * Reference: numpy-financial `_financial.py` (`irr`); the `financial` npm port is the test oracle.
 *
 * Worked example: Rp 10.000.000 at 6% a year "efektif" over 12 months is repaid by 11 × Rp 860.664
 * and a last Rp 860.668 (rounding) → r = 0.0050000049 a month, nominal 0.0600000592, effective
 * 0.0616778744 a year (the few rupiah of rounding show in the 8th decimal; 1.005^12 − 1 =
 * 0.0616778119). The same loan "flat
 * 6%" (11 × Rp 883.333 and Rp 883.337) has r = 0.0090803158 a month, nominal 0.1089637902: the
 * flat quote hides almost twice the cost.
 */
import { invalid } from '../shared/domain-error';
import { assertMoney, negate, type Money } from '../money/money';
import { ratioOf, ratioToDecimalString } from '../money/ratio';

export interface EffectiveRate {
  /** IRR per month, decimal string (e.g. "0.0050000000"). */
  readonly monthlyRate: string;
  /** 12 × the monthly IRR (the "efektif" annual quote). */
  readonly nominalAnnualRate: string;
  /** (1 + monthly)^12 − 1, the compounded annual rate. */
  readonly effectiveAnnualRate: string;
}

const SCALE = 10n ** 40n;

/** NPV × SCALE of `flows` at rate R/SCALE per period (R > −SCALE), and its derivative with respect to r (also × SCALE). */
function npvScaled(flows: readonly bigint[], R: bigint): { npv: bigint; slope: bigint } {
  const v = (SCALE * SCALE) / (SCALE + R); // 1/(1+r), scaled
  let d = SCALE;
  let npv = 0n;
  let slope = 0n;
  flows.forEach((cf, t) => {
    npv += cf * d;
    slope -= BigInt(t) * cf * d;
    d = (d * v) / SCALE;
  });
  return { npv, slope: (slope * SCALE) / (SCALE + R) };
}

/**
 * The IRR per period of loan flows (first non-zero flow positive, later flows ≤ 0), scaled by
 * 10^40: Newton's method safeguarded by bisection (a step that leaves the bracket is replaced by
 * the midpoint), until the step or the bracket is one unit of the scale.
 */
function irrScaled(flows: readonly bigint[]): bigint {
  const at0 = flows.reduce((a, b) => a + b, 0n);
  if (at0 === 0n) return 0n;
  // For a loan the NPV rises with r. Bracket the root: NPV(lo) < 0 < NPV(hi).
  let lo: bigint;
  let hi: bigint;
  if (at0 < 0n) {
    lo = 0n;
    hi = SCALE;
    let guard = 0;
    while (npvScaled(flows, hi).npv < 0n) {
      lo = hi;
      hi *= 2n;
      if (++guard > 20) {
        invalid('FINANCE.IRR_UNDEFINED', 'Tingkat bunga efektif tidak dapat dihitung.', 'The effective rate cannot be computed.');
      }
    }
  } else {
    // Less comes back than was received: r < 0. Rates below −99% a period are not computed.
    lo = (-SCALE * 99n) / 100n;
    hi = 0n;
    if (npvScaled(flows, lo).npv > 0n) {
      invalid('FINANCE.IRR_UNDEFINED', 'Tingkat bunga efektif di bawah −99% per periode.', 'The effective rate is below −99% a period.');
    }
  }
  let R = at0 < 0n ? lo + (hi - lo) / 100n : hi - (hi - lo) / 100n;
  for (let iter = 0; iter < 400 && hi - lo > 1n; iter++) {
    const { npv, slope } = npvScaled(flows, R);
    if (npv === 0n) return R;
    if (npv < 0n) lo = R;
    else hi = R;
    if (slope <= 0n) {
      R = (lo + hi) / 2n;
      continue;
    }
    const step = (npv * SCALE) / slope;
    if (step === 0n) return R; // the root is less than one unit of the scale away
    let next = R - step;
    if (next <= lo || next >= hi) next = (lo + hi) / 2n;
    if ((next > R ? next - R : R - next) <= 1n) return next;
    R = next;
  }
  return (lo + hi) / 2n;
}

/**
 * IRR per period of a series of cash flows (index = period), as a decimal string with `digits`
 * decimals. All flows in one currency. Throws `FINANCE.IRR_UNDEFINED` unless the flows are a loan
 * (the first non-zero flow positive, every later flow zero or negative, at least one negative),
 * `MONEY.CURRENCY_MISMATCH`, `FINANCE.INVALID_OPTION` (digits outside 0–30).
 */
export function internalRateOfReturn(cashFlows: readonly Money[], digits = 10): string {
  return ratioToDecimalString(ratioOf(loanIrrScaled(cashFlows, digits), SCALE), digits);
}

/** Validate loan cash flows and return their IRR scaled by 10^40. */
function loanIrrScaled(cashFlows: readonly Money[], digits: number): bigint {
  if (!Number.isInteger(digits) || digits < 0 || digits > 30) {
    invalid('FINANCE.INVALID_OPTION', 'Jumlah digit harus 0–30.', 'Digits must be 0–30.', { path: ['digits'] });
  }
  if (!Array.isArray(cashFlows) || cashFlows.length < 2 || cashFlows.length > 1000) {
    invalid('FINANCE.IRR_UNDEFINED', 'Arus kas harus berisi 2–1000 periode.', 'Cash flows must cover 2–1000 periods.', { path: ['cashFlows'] });
  }
  const ms = cashFlows.map((m, i) => assertMoney(m, ['cashFlows', String(i)]));
  const currency = ms[0]!.currency;
  ms.forEach((m, i) => {
    if (m.currency !== currency) {
      invalid('MONEY.CURRENCY_MISMATCH', 'Semua arus kas harus dalam satu mata uang.', 'All cash flows must be in one currency.', {
        path: ['cashFlows', String(i)],
      });
    }
  });
  const flows = ms.map((m) => BigInt(m.amount));
  const first = flows.findIndex((f) => f !== 0n);
  const isLoan = first >= 0 && flows[first]! > 0n && flows.slice(first + 1).every((f) => f <= 0n) && flows.slice(first + 1).some((f) => f < 0n);
  if (!isLoan) {
    invalid(
      'FINANCE.IRR_UNDEFINED',
      'Tingkat bunga efektif hanya dihitung untuk pinjaman: dana diterima lebih dahulu, lalu angsuran.',
      'The effective rate is computed only for a loan: money received first, instalments after.',
      { path: ['cashFlows'] },
    );
  }
  return irrScaled(flows);
}

/** Monthly IRR of a loan of `principal` repaid by `payments` (month 1, 2, …), nominal and effective annual. */
export function effectiveRateOfLoan(principal: Money, payments: readonly Money[], digits = 10): EffectiveRate {
  const p = assertMoney(principal, ['principal']);
  if (!Array.isArray(payments)) invalid('FINANCE.IRR_UNDEFINED', 'Daftar angsuran tidak valid.', 'Invalid list of payments.', { path: ['payments'] });
  const flows = [p, ...payments.map((m, i) => negate(assertMoney(m, ['payments', String(i)])))];
  // The annual figures come from the unrounded root, so they do not inherit the monthly rounding.
  const R = loanIrrScaled(flows, digits);
  const monthlyRate = ratioToDecimalString(ratioOf(R, SCALE), digits);
  const nominal = ratioOf(12n * R, SCALE);
  const effective = ratioOf((SCALE + R) ** 12n - SCALE ** 12n, SCALE ** 12n);
  return Object.freeze({
    monthlyRate,
    nominalAnnualRate: ratioToDecimalString(nominal, digits),
    effectiveAnnualRate: ratioToDecimalString(effective, digits),
  });
}
