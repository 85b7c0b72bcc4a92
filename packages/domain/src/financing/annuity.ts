/**
 * The level instalment of a loan repaid on the declining balance ("bunga efektif", annuity),
 * computed exactly with rationals and rounded once to whole minor units.
 *
 * Equation (numpy-financial `pmt` with `fv = 0`, payments at the end of each period, `when = 0`):
 *
 *     pv·(1 + i)^n + pmt·((1 + i)^n − 1)/i = 0
 *
 * so the instalment the borrower pays each period is
 *
 *     A = B · i · (1 + i)^n / ((1 + i)^n − 1)
 *
 * where B is the balance to amortise, i the rate per period (for an annual rate quoted "efektif",
 * i = annual / 12: 6% a year → 0.5% a month) and n the number of instalments.
 *
 * Zero-rate case: the formula is 0/0, and numpy-financial uses `pv + pmt·n = 0`, i.e. A = B / n.
 *
 * Sign convention: numpy-financial (and the `financial` port) return the payment as a cash flow,
 * negative when `pv` is positive (money leaving the borrower). Jembatan returns the amount paid as
 * a positive Money: `annuityPayment(B, i, n) = round(−pmt(i, n, B))`.
 *
 * Exactness: with i = p/q the instalment is B·p·(q + p)^n / (q·((q + p)^n − q^n)), evaluated in
 * bigint and rounded once with the chosen mode (default HALF_UP, "pembulatan ke rupiah terdekat").
 *
 * Reference: numpy-financial `_financial.py` (`pmt`); Brealey, Myers & Allen, *Principles of
 * Corporate Finance*, annuity formula; Bank Indonesia / OJK consumer guides on "bunga efektif".
 *
 * Worked example: Rp 10.000.000 at 6% a year "efektif" (i = 0.005) over 12 months:
 * A = 10,000,000 · 0.005 · 1.005^12 / (1.005^12 − 1) = 860,664.297…, so the instalment is
 * Rp 860.664 (`pmt(0.005, 12, 10_000_000)` = −860,664.297…). `repaymentSchedule` then settles the
 * few rupiah of rounding in the last instalment so that the principal is repaid exactly.
 */
import { moneyFromBigInt, type Money } from '../money/money';
import { invalid } from '../shared/domain-error';
import { ratio, ratioOf, type Ratio } from '../money/ratio';
import { assertRoundingMode, divideRounded, type RoundingMode } from '../money/rounding';
import { assertNonNegativeAmount, assertTenor } from './financing-input';

/** The exact (unrounded) annuity instalment as a ratio of minor units: B·i·(1+i)^n / ((1+i)^n − 1), or B/n when i = 0. */
export function exactAnnuityPayment(balance: bigint, ratePerPeriod: Ratio, periods: number): Ratio {
  const n = BigInt(periods);
  const { num: p, den: q } = ratePerPeriod;
  if (p === 0n) return ratioOf(balance, n);
  const growth = (q + p) ** n; // (1 + i)^n · q^n
  const qn = q ** n;
  return ratioOf(balance * p * growth, q * (growth - qn));
}

/**
 * The level instalment for `balance` at `ratePerPeriod` over `periods` periods, rounded once to
 * whole minor units with `rounding` (default HALF_UP). Throws `FINANCE.NEGATIVE_AMOUNT`,
 * `FINANCE.NEGATIVE_RATE`, `FINANCE.INVALID_RATE`, `FINANCE.INVALID_TENOR`,
 * `FINANCE.NON_INTEGER_MONTHS`, `FINANCE.TENOR_TOO_LONG`.
 *
 * `ratePerPeriod` is the rate of one period (a month), not the annual rate: pass "0.005" for
 * 6% a year "efektif". A per-period rate above 100% is refused.
 */
export function annuityPayment(
  balance: Money,
  ratePerPeriod: string | Ratio,
  periods: number,
  rounding: RoundingMode = 'HALF_UP',
): Money {
  const b = assertNonNegativeAmount(balance, ['balance']);
  let r: Ratio;
  try {
    r = ratio(ratePerPeriod, ['ratePerPeriod']);
  } catch {
    return invalid('FINANCE.INVALID_RATE', 'Suku bunga per periode tidak valid.', 'Invalid rate per period.', { path: ['ratePerPeriod'] });
  }
  if (r.num < 0n) invalid('FINANCE.NEGATIVE_RATE', 'Suku bunga tidak boleh negatif.', 'The interest rate must not be negative.', { path: ['ratePerPeriod'] });
  if (r.num > r.den) {
    invalid('FINANCE.RATE_ABOVE_100_PERCENT', 'Suku bunga per periode tidak boleh lebih dari 100%.', 'The rate per period must not be above 100%.', {
      path: ['ratePerPeriod'],
    });
  }
  const n = assertTenor(periods, ['periods']);
  const mode = assertRoundingMode(rounding);
  const a = exactAnnuityPayment(BigInt(b.amount), r, n);
  return moneyFromBigInt(divideRounded(a.num, a.den, mode), b.currency);
}
