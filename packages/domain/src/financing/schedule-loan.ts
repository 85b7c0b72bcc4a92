/**
 * Check a request against a product and, when it passes, build its repayment schedule with the
 * product's rate and method (KUR: annuity on the declining balance) and the request's grace terms.
 */
import type { Result } from '../shared/domain-error';
import { ok } from '../shared/domain-error';
import type { RoundingMode } from '../money/rounding';
import { checkLoanRequest, type LoanCheckError, type LoanRequest, type LoanTerms } from './check-loan-request';
import type { FinancingProduct } from './financing-product';
import { repaymentSchedule, type RepaymentMethod, type RepaymentSchedule } from './repayment-schedule';

export interface ScheduledLoan {
  readonly terms: LoanTerms;
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
  const checked = checkLoanRequest(product, request);
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
