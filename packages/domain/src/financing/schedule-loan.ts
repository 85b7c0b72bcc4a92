/**
 * Check a request against a product and, when it passes, build its repayment schedule with the
 * product's rate and method (KUR: annuity on the declining balance) and the request's grace terms.
 */
import type { Messages, Result } from '../shared/domain-error';
import { ok } from '../shared/domain-error';
import type { Text } from '../shared/text';
import { renderTexts } from '../messages/render';
import type { RoundingMode } from '../money/rounding';
import { leanCheckLoanRequest, type LoanCheckError, type LoanRequest, type LoanTerms } from './check-loan-request';
import type { FinancingProduct } from './financing-product';
import { repaymentSchedule, type RepaymentMethod, type RepaymentSchedule } from './repayment-schedule';

/** `M`: `Text` (by reference) in what `leanScheduleLoan` returns (issue 14). */
export interface ScheduledLoan<M extends Text = Messages> {
  readonly terms: LoanTerms<M>;
  /** null for a grant (nothing to repay). */
  readonly schedule: RepaymentSchedule | null;
}

export interface ScheduleLoanOptions {
  /** Default: the product's method. Pass FLAT to show the comparison. */
  readonly method?: RepaymentMethod;
  /** Default HALF_UP. */
  readonly rounding?: RoundingMode;
}

/** `checkLoanRequest`, then `repaymentSchedule` on the accepted terms. Same error codes as both. */
export function scheduleLoan(product: FinancingProduct, request: LoanRequest, options: ScheduleLoanOptions = {}): Result<ScheduledLoan, LoanCheckError> {
  return renderTexts(leanScheduleLoan(product, request, options));
}

/** `scheduleLoan` with the check's texts by reference (`TextRef`, issue 14); `renderTexts` gives what `scheduleLoan` returns. */
export function leanScheduleLoan(
  product: FinancingProduct,
  request: LoanRequest,
  options: ScheduleLoanOptions = {},
): Result<ScheduledLoan<Text>, LoanCheckError<Text>> {
  const checked = leanCheckLoanRequest(product, request);
  if (!checked.ok) return checked;
  const terms = checked.value;
  if (terms.kind === 'GRANT') return ok(Object.freeze({ terms, schedule: null }));
  const opts = typeof options === 'object' && options !== null ? options : {};
  const schedule = repaymentSchedule({
    principal: terms.amount,
    annualRate: terms.annualRate,
    tenorMonths: terms.tenorMonths,
    graceMonths: terms.graceMonths,
    graceInterest: terms.graceInterest,
    method: opts.method ?? terms.method,
    ...(opts.rounding !== undefined ? { rounding: opts.rounding } : {}),
  });
  return ok(Object.freeze({ terms, schedule }));
}
