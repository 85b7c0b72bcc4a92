/**
 * Repayment schedules in whole minor units (whole rupiah for IDR) whose principal parts add up
 * exactly to the balance to repay.
 *
 * Timeline: the loan is disbursed at month 0; months 1…G are the grace period; months G+1…T carry
 * the n = T − G instalments (T = tenor in months, which includes the grace period).
 *
 * Grace period (month k ≤ G), interest on the balance: `interest = round(balance · i)` with
 * i = annual rate / 12 ("efektif": 6% a year → 0.5% a month).
 *  - PAID: the borrower pays that interest each grace month; the balance stays B₀ = the loan.
 *  - CAPITALISED: nothing is paid; the interest is added to the balance (it compounds monthly), so
 *    the balance to repay after grace is B = loan + Σ capitalised interest.
 *
 * ANNUITY ("bunga efektif", interest on the declining balance). The level instalment is
 * A = round(B · i · (1+i)^n / ((1+i)^n − 1)) (A = round(B/n) when i = 0; see `annuity.ts` for the
 * equation, sign convention and references). Every month but the last pays exactly A. So that
 * rounding never accumulates, the balances are not rounded month after month: the closing
 * balance after month k is the exact balance after k payments of A,
 *     b_k = B·(1+i)^k − A·((1+i)^k − 1)/i      (numpy-financial: b_k = −fv(i, k, −A, B)),
 * rounded to the rupiah; principal_k = closing_{k−1} − closing_k and interest_k = A − principal_k
 * (within one rupiah of balance × i). The last month pays what is left of the balance plus
 * round(b_{n−1} · i): it differs from A by the rounding of A accumulated over the loan
 * ("penyesuaian angsuran terakhir", a few rupiah; at most about n/2 · (1+i)^n). Hence the
 * principal parts add up to B exactly, every closing balance is within half a rupiah of the exact
 * one, and the closing balance after the last month is exactly 0. For tiny loans where A would
 * make a part negative, A rounded down, then up, is used; failing both (a few rupiah over many
 * months), interest is charged on the rounded balance and the principal capped to [0, balance].
 *
 * FLAT ("bunga flat", for comparison only): interest is charged on B, not on the declining
 * balance. Total interest = round(B · i · n); the regular interest part = round(B · i); the regular
 * principal part = round(B / n); the last month takes what is left of each, so both add up exactly.
 * If rounding up would leave the last part negative (tiny amounts), the regular parts are rounded
 * down instead.
 *
 * `rounding` (default HALF_UP, nearest rupiah with halves up) applies to every rounded quantity.
 *
 * Worked example (checked in the tests against numpy-financial's `pmt/ipmt/ppmt` via `financial`):
 * Rp 10.000.000, 6% a year, 12 months, no grace → 11 × Rp 860.664 and a last instalment of
 * Rp 860.668 that settles the rounding (12 payments of Rp 860.664 would leave Rp 3,66 unpaid:
 * 0,297 × ((1.005^12 − 1)/0.005)); total interest Rp 327.972, total paid Rp 10.327.972.
 * The same with FLAT: 11 × Rp 883.333 and Rp 883.337, total interest Rp 600.000.
 */
import { moneyFromBigInt, type Money } from '../money/money';
import { ratioOf, ratioToDecimalString, type Ratio } from '../money/ratio';
import { assertRoundingMode, divideRounded, type RoundingMode } from '../money/rounding';
import { GRACE_INTEREST_KINDS, type GraceInterest } from '../parameters/parameter-values';
import { exactAnnuityPayment } from './annuity';
import { effectiveRateOfLoan, type EffectiveRate } from './effective-rate';
import { assertAnnualRate, assertGrace, assertObject, assertOption, assertPositiveAmount, assertTenor } from './financing-input';

export const REPAYMENT_METHODS = ['ANNUITY', 'FLAT'] as const;
/** ANNUITY = level instalments on the declining balance ("bunga efektif"); FLAT = interest on the original amount ("bunga flat"). */
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export interface RepaymentScheduleInput {
  /** The amount lent (positive, integer minor units). */
  readonly principal: Money;
  /** Annual rate as a decimal string ("0.06") or Ratio, 0 ≤ rate ≤ 1; the monthly rate is rate / 12. */
  readonly annualRate: string | Ratio;
  /** Total months from disbursement to the last instalment, grace included (1…480). */
  readonly tenorMonths: number;
  /** Months without principal repayment at the start (0 ≤ grace < tenor). Default 0. */
  readonly graceMonths?: number;
  /** What happens to the interest of the grace months. Default PAID. */
  readonly graceInterest?: GraceInterest;
  /** Default ANNUITY. */
  readonly method?: RepaymentMethod;
  /** Default HALF_UP. */
  readonly rounding?: RoundingMode;
}

export const REPAYMENT_PHASES = ['GRACE', 'REPAYMENT'] as const;
export type RepaymentPhase = (typeof REPAYMENT_PHASES)[number];

export interface RepaymentRow {
  /** 1-based month after disbursement. */
  readonly month: number;
  readonly phase: RepaymentPhase;
  readonly openingBalance: Money;
  /** Interest charged for the month. */
  readonly interest: Money;
  /** The part of `interest` added to the balance instead of paid (grace, CAPITALISED). */
  readonly capitalisedInterest: Money;
  /** The part of `payment` that reduces the balance. */
  readonly principal: Money;
  /** What the borrower pays this month: interest − capitalisedInterest + principal. */
  readonly payment: Money;
  /** openingBalance + capitalisedInterest − principal; exactly 0 after the last month. */
  readonly closingBalance: Money;
}

export interface RepaymentTotals {
  /** The amount lent. */
  readonly principal: Money;
  /** Interest added to the balance during grace (0 unless CAPITALISED). */
  readonly capitalisedInterest: Money;
  /** Σ row.principal = principal + capitalisedInterest (the balance repaid by the instalments). */
  readonly principalRepaid: Money;
  /** Σ row.interest: every rupiah of interest, including the capitalised part (which is repaid with the instalments). */
  readonly interest: Money;
  /** Σ row.payment = principal + interest. */
  readonly paid: Money;
}

export interface RepaymentSchedule {
  readonly method: RepaymentMethod;
  readonly principal: Money;
  /** The annual rate as given, as a decimal string. */
  readonly annualRate: string;
  /** annualRate / 12 as a decimal string (a fraction "p/q" when it does not terminate). */
  readonly monthlyRate: string;
  readonly tenorMonths: number;
  readonly graceMonths: number;
  readonly graceInterest: GraceInterest;
  /** tenorMonths − graceMonths. */
  readonly repaymentMonths: number;
  readonly rounding: RoundingMode;
  /** The balance to repay when instalments start (principal + capitalised interest). */
  readonly balanceAfterGrace: Money;
  /** The regular instalment of the repayment phase (annuity: the level instalment; flat: regular principal + regular interest). */
  readonly regularInstalment: Money;
  /** The last instalment (regular instalment ± the rounding adjustment). */
  readonly lastInstalment: Money;
  /** lastInstalment − regularInstalment (signed): the rounding adjustment. */
  readonly lastInstalmentAdjustment: Money;
  readonly rows: readonly RepaymentRow[];
  readonly totals: RepaymentTotals;
  /** IRR of the borrower's cash flows (display only, never used for amounts). */
  readonly effectiveRate: EffectiveRate;
}

const cap = (v: bigint, lo: bigint, hi: bigint): bigint => (v < lo ? lo : v > hi ? hi : v);

/** The last part when `total` is split into n − 1 regular parts and a last one; regular parts rounded with `mode`, or down when that would leave the last negative. */
function regularAndLast(total: Ratio, n: number, exactTotal: bigint, mode: RoundingMode): { regular: bigint; last: bigint } {
  const N = BigInt(n);
  let regular = divideRounded(total.num, total.den * N, mode);
  if (exactTotal - regular * (N - 1n) < 0n) regular = divideRounded(total.num, total.den * N, 'FLOOR');
  return { regular, last: exactTotal - regular * (N - 1n) };
}

/** The grace months: interest paid, or capitalised onto the balance. */
function graceRows(
  opening: bigint,
  grace: number,
  graceInterest: GraceInterest,
  interestOn: (balance: bigint) => bigint,
  M: (v: bigint) => Money,
): { rows: RepaymentRow[]; balance: bigint; capitalisedTotal: bigint } {
  const rows: RepaymentRow[] = [];
  let balance = opening;
  let capitalisedTotal = 0n;
  for (let month = 1; month <= grace; month++) {
    const interest = interestOn(balance);
    const capitalised = graceInterest === 'CAPITALISED' ? interest : 0n;
    const closing = balance + capitalised;
    rows.push(
      Object.freeze({
        month,
        phase: 'GRACE',
        openingBalance: M(balance),
        interest: M(interest),
        capitalisedInterest: M(capitalised),
        principal: M(0n),
        payment: M(interest - capitalised),
        closingBalance: M(closing),
      }),
    );
    capitalisedTotal += capitalised;
    balance = closing;
  }
  return { rows, balance, capitalisedTotal };
}

/** The n repayment months after the grace period, by annuity or flat method. */
function repaymentRows(
  method: RepaymentMethod,
  afterGrace: bigint,
  i: Ratio,
  n: number,
  grace: number,
  mode: RoundingMode,
  M: (v: bigint) => Money,
): { rows: RepaymentRow[]; regularInstalment: bigint } {
  const rows: RepaymentRow[] = [];
  let balance = afterGrace;
  if (method === 'ANNUITY') {
    const plan = annuityRepayment(afterGrace, i, n, mode);
    plan.parts.forEach(({ interest, principal }, k) => {
      rows.push(repaymentRow(grace + k + 1, balance, interest, principal, M));
      balance -= principal;
    });
    return { rows, regularInstalment: plan.instalment };
  }
  const principalParts = regularAndLast(ratioOf(afterGrace, 1n), n, afterGrace, mode);
  const totalInterestExact = ratioOf(afterGrace * i.num * BigInt(n), i.den);
  const totalInterest = divideRounded(totalInterestExact.num, totalInterestExact.den, mode);
  const interestParts = regularAndLast(totalInterestExact, n, totalInterest, mode);
  for (let k = 1; k <= n; k++) {
    const last = k === n;
    const principal = last ? principalParts.last : principalParts.regular;
    const interest = last ? interestParts.last : interestParts.regular;
    rows.push(repaymentRow(grace + k, balance, interest, principal, M));
    balance -= principal;
  }
  return { rows, regularInstalment: principalParts.regular + interestParts.regular };
}

/**
 * Build a repayment schedule. Throws (DomainError): `FINANCE.NEGATIVE_AMOUNT`, `FINANCE.ZERO_AMOUNT`,
 * `FINANCE.INVALID_RATE`, `FINANCE.NEGATIVE_RATE`, `FINANCE.RATE_ABOVE_100_PERCENT`,
 * `FINANCE.NON_INTEGER_MONTHS`, `FINANCE.INVALID_TENOR`, `FINANCE.TENOR_TOO_LONG`,
 * `FINANCE.INVALID_GRACE`, `FINANCE.INVALID_OPTION`, `ROUNDING.UNKNOWN_MODE`, `MONEY.*`.
 */
export function repaymentSchedule(input: RepaymentScheduleInput): RepaymentSchedule {
  const inp = assertObject(input, ['input']);
  const loan = assertPositiveAmount(inp['principal'], ['principal']);
  const annual = assertAnnualRate(inp['annualRate'], ['annualRate']);
  const tenor = assertTenor(inp['tenorMonths'], ['tenorMonths']);
  const grace = assertGrace(inp['graceMonths'] ?? 0, tenor, ['graceMonths']);
  const graceInterest = assertOption(inp['graceInterest'] ?? 'PAID', GRACE_INTEREST_KINDS, ['graceInterest']);
  const method = assertOption(inp['method'] ?? 'ANNUITY', REPAYMENT_METHODS, ['method']);
  const mode = assertRoundingMode(inp['rounding'] ?? 'HALF_UP', ['rounding']);
  const cur = loan.currency;
  const M = (v: bigint): Money => moneyFromBigInt(v, cur);
  const i = ratioOf(annual.num, annual.den * 12n);
  const interestOn = (balance: bigint): bigint => divideRounded(balance * i.num, i.den, mode);

  const grow = graceRows(BigInt(loan.amount), grace, graceInterest, interestOn, M);
  const n = tenor - grace;
  const afterGrace = grow.balance;
  const repay = repaymentRows(method, afterGrace, i, n, grace, mode, M);
  const rows: RepaymentRow[] = [...grow.rows, ...repay.rows];
  const capitalisedTotal = grow.capitalisedTotal;
  const regularInstalment = repay.regularInstalment;

  const lastRow = rows[rows.length - 1]!;
  let interestTotal = 0n;
  let paidTotal = 0n;
  let principalTotal = 0n;
  for (const r of rows) {
    interestTotal += BigInt(r.interest.amount);
    paidTotal += BigInt(r.payment.amount);
    principalTotal += BigInt(r.principal.amount);
  }
  const payments = rows.map((r) => r.payment);

  return Object.freeze({
    method,
    principal: loan,
    annualRate: ratioToDecimalString(annual),
    monthlyRate: ratioToDecimalString(i),
    tenorMonths: tenor,
    graceMonths: grace,
    graceInterest,
    repaymentMonths: n,
    rounding: mode,
    balanceAfterGrace: M(afterGrace),
    regularInstalment: M(regularInstalment),
    lastInstalment: lastRow.payment,
    lastInstalmentAdjustment: M(BigInt(lastRow.payment.amount) - regularInstalment),
    rows: Object.freeze(rows),
    totals: Object.freeze({
      principal: loan,
      capitalisedInterest: M(capitalisedTotal),
      principalRepaid: M(principalTotal),
      interest: M(interestTotal),
      paid: M(paidTotal),
    }),
    effectiveRate: effectiveRateOfLoan(loan, payments),
  });
}

interface AnnuityPart {
  readonly interest: bigint;
  readonly principal: bigint;
}

interface AnnuityPlan {
  readonly instalment: bigint;
  readonly parts: readonly AnnuityPart[];
}

/**
 * The repayment phase of an annuity with instalment A: the exact balance after k instalments of A
 * is b_k = B·(1+i)^k − A·((1+i)^k − 1)/i (= B − k·A when i = 0), kept as N_k / q^k with
 * N_k = N_{k−1}·(q + p) − A·q^k for i = p/q. Month k < n: closing balance = round(b_k),
 * principal = previous closing − closing, interest = A − principal, payment = A. Month n:
 * principal = what is left, interest = round(b_{n−1} · i). Returns null when a month would get a
 * negative principal, interest or balance (only for tiny loans or extreme rate × tenor).
 */
function exactBalancePlan(balance: bigint, i: Ratio, n: number, instalment: bigint, mode: RoundingMode): AnnuityPlan | null {
  const p = i.num;
  const q = i.den;
  let N = balance;
  let qk = 1n;
  let closing = balance;
  const parts: AnnuityPart[] = [];
  for (let k = 1; k < n; k++) {
    N = N * (q + p) - instalment * qk * q;
    qk *= q;
    const next = divideRounded(N, qk, mode);
    const principal = closing - next;
    const interest = instalment - principal;
    if (next < 0n || principal < 0n || interest < 0n) return null;
    parts.push({ interest, principal });
    closing = next;
  }
  const lastInterest = divideRounded(N * p, qk * q, mode);
  if (lastInterest < 0n) return null;
  parts.push({ interest: lastInterest, principal: closing });
  return { instalment, parts };
}

/**
 * The repayment phase of an annuity. A = the exact level payment rounded with `mode`; if that
 * plan is not possible without a negative part (tiny loans), A rounded down and then up are
 * tried. If none works, a degenerate plan is used: interest = round(balance · i), principal
 * = A − interest capped to [0, balance], the last month takes the rest.
 */
function annuityRepayment(balance: bigint, i: Ratio, n: number, mode: RoundingMode): AnnuityPlan {
  const a = exactAnnuityPayment(balance, i, n);
  const candidates = new Set([mode, 'FLOOR', 'CEILING'].map((m) => divideRounded(a.num, a.den, m as RoundingMode)));
  for (const instalment of candidates) {
    const plan = exactBalancePlan(balance, i, n, instalment, mode);
    if (plan) return plan;
  }
  const instalment = divideRounded(a.num, a.den, mode);
  const parts: AnnuityPart[] = [];
  let b = balance;
  for (let k = 1; k <= n; k++) {
    const interest = divideRounded(b * i.num, i.den, mode);
    const principal = k === n ? b : cap(instalment - interest, 0n, b);
    parts.push({ interest: interest < 0n ? 0n : interest, principal });
    b -= principal;
  }
  return { instalment, parts };
}

function repaymentRow(month: number, opening: bigint, interest: bigint, principal: bigint, M: (v: bigint) => Money): RepaymentRow {
  return Object.freeze({
    month,
    phase: 'REPAYMENT' as const,
    openingBalance: M(opening),
    interest: M(interest),
    capitalisedInterest: M(0n),
    principal: M(principal),
    payment: M(interest + principal),
    closingBalance: M(opening - principal),
  });
}

