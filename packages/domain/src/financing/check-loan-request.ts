/**
 * Check a financing request against a product's terms. Invalid input (negative amount, tenor 0,
 * non-integer months, a currency other than the product's) throws a `DomainError`; terms the
 * request does not meet come back as an `Err` listing every reason, each with a stable code:
 *
 * | code                              | when                                                        |
 * |-----------------------------------|-------------------------------------------------------------|
 * | `LOAN.ABOVE_CEILING`              | amount > product ceiling                                    |
 * | `LOAN.ABOVE_PLACEMENT_COSTS`      | amount > the placement costs it finances (when given)       |
 * | `LOAN.TENOR_EXCEEDS_MAX`          | tenor > the product's longest tenor                         |
 * | `LOAN.TENOR_EXCEEDS_CONTRACT`     | tenor > employment contract months (products that require it) |
 * | `LOAN.GRACE_EXCEEDS_PRODUCT`      | grace months > the product's grace period                   |
 * | `LOAN.GRACE_NOT_BELOW_TENOR`      | grace months ≥ tenor (no month left to repay)               |
 * | `LOAN.GRACE_INTEREST_NOT_OFFERED` | the chosen grace-interest treatment is not offered          |
 * | `LOAN.NPWP_REQUIRED`              | amount > NPWP threshold and the borrower has no NPWP        |
 * | `LOAN.TERM_NOT_RECORDED`          | grace months asked for on a date with no recorded grace term (details name the parameter) |
 *
 * When the product has no NPWP rule recorded on its date, the accepted terms carry the warning
 * `LOAN.NPWP_RULE_NOT_RECORDED` (naming the parameter) and `npwpRuleRecorded: false`: whether an
 * NPWP is needed is then for the lender to say, never decided here.
 *
 * The `Err` carries the first reason's code and message and `reasons` with all of them.
 */
import { err, invalid, ok, type DomainErrorData, type Messages, type Result } from '../shared/domain-error';
import { textErrorData, textRef, type Text } from '../shared/text';
import { renderTexts } from '../messages/render';
import type { Money } from '../money/money';
import { formatMoney } from '../money/format-money';
import { GRACE_INTEREST_KINDS, type GraceInterest } from '../parameters/parameter-values';
import { assertCurrencyIs, assertObject, assertOption, assertPositiveAmount, assertTenor, assertWholeMonths } from './financing-input';
import { defineFinancingProduct, type FinancingKind, type FinancingProduct } from './financing-product';
import type { RepaymentMethod } from './repayment-schedule';

export interface LoanRequest {
  /** Amount asked for, in the product's currency. */
  readonly amount: Money;
  /** Loan tenor in months, grace included. Required for loans; ignored for grants. */
  readonly tenorMonths?: number;
  /** Length of the employment contract in months. Required for products whose tenor must fit the contract. */
  readonly contractMonths?: number;
  /** Default: the product's grace months. */
  readonly graceMonths?: number;
  /** Default: the product's treatment. */
  readonly graceInterest?: GraceInterest;
  /** Whether the borrower has an NPWP. Default false. */
  readonly hasNpwp?: boolean;
  /** The placement costs the loan is for; when given, the amount may not exceed them. */
  readonly placementCosts?: Money;
}

/** The terms of an accepted request, ready for `repaymentSchedule`. */
/** `M`: `Text` (by reference) in what `leanCheckLoanRequest` returns (issue 14). */
export interface LoanTerms<M extends Text = Messages> {
  readonly productId: string;
  readonly kind: FinancingKind;
  readonly amount: Money;
  readonly annualRate: string;
  readonly method: RepaymentMethod;
  /** 0 for a grant. */
  readonly tenorMonths: number;
  readonly graceMonths: number;
  readonly graceInterest: GraceInterest;
  /** tenorMonths − graceMonths (0 for a grant). */
  readonly repaymentMonths: number;
  /** true when the amount is above the product's NPWP threshold (false when no NPWP rule is recorded: see `npwpRuleRecorded`). */
  readonly npwpRequired: boolean;
  /** false when the product has no NPWP rule recorded on its date. */
  readonly npwpRuleRecorded: boolean;
  /** `LOAN.NPWP_RULE_NOT_RECORDED` when `npwpRuleRecorded` is false. */
  readonly warnings: readonly DomainErrorData<M>[];
}

export interface LoanCheckError<M extends Text = Messages> extends DomainErrorData<M> {
  readonly reasons: readonly DomainErrorData<M>[];
}

/** Check `request` against `product`. See the table above for the reason codes. */
export function checkLoanRequest(product: FinancingProduct, request: LoanRequest): Result<LoanTerms, LoanCheckError> {
  return renderTexts(leanCheckLoanRequest(product, request));
}

/**
 * `checkLoanRequest` with the reasons' and warnings' texts by reference (`TextRef`, issue 14);
 * `renderTexts` (`@jembatan/domain/messages`) gives what `checkLoanRequest` returns. Thrown errors are
 * the same.
 */
export function leanCheckLoanRequest(product: FinancingProduct, request: LoanRequest): Result<LoanTerms<Text>, LoanCheckError<Text>> {
  const prod = defineFinancingProduct(product);
  const req = assertObject(request, ['request']);
  const amount = assertPositiveAmount(req['amount'], ['amount']);
  assertCurrencyIs(amount, prod.currency, ['amount']);
  if (req['hasNpwp'] !== undefined && typeof req['hasNpwp'] !== 'boolean') {
    invalid('FINANCE.INVALID_INPUT', 'hasNpwp harus true atau false.', 'hasNpwp must be true or false.', { path: ['hasNpwp'] });
  }
  const { reasons, npwpRequired } = amountReasons(prod, req, amount);

  if (prod.kind === 'GRANT') {
    if (reasons.length > 0) return rejected(reasons);
    return accepted(prod, amount, npwpRequired, 0, 0, prod.graceInterest);
  }

  const terms = tenorTerms(prod, req);
  reasons.push(...terms.reasons);
  if (reasons.length > 0) return rejected(reasons);
  return accepted(prod, amount, npwpRequired, terms.tenor, terms.grace, terms.graceInterest);
}

/** Reasons about the amount: ceiling, placement costs, NPWP threshold. */
function amountReasons(prod: FinancingProduct, req: Record<string, unknown>, amount: Money): { reasons: DomainErrorData<Text>[]; npwpRequired: boolean } {
  const reasons: DomainErrorData<Text>[] = [];

  if (prod.ceiling !== null && amount.amount > prod.ceiling.amount) {
    reasons.push(
      textErrorData(
        'LOAN.ABOVE_CEILING',
        textRef('LOAN.ABOVE_CEILING', formatMoney(prod.ceiling, 'id-ID'), formatMoney(prod.ceiling, 'en')),
        { path: ['amount'], details: { ceiling: prod.ceiling.amount, currency: prod.currency } },
      ),
    );
  }
  if (req['placementCosts'] !== undefined) {
    const costs = assertPositiveAmount(req['placementCosts'], ['placementCosts']);
    assertCurrencyIs(costs, prod.currency, ['placementCosts']);
    if (amount.amount > costs.amount) {
      reasons.push(
        textErrorData('LOAN.ABOVE_PLACEMENT_COSTS', textRef('LOAN.ABOVE_PLACEMENT_COSTS'), { path: ['amount'] }),
      );
    }
  }
  const npwpRequired = prod.npwpThreshold !== null && amount.amount > prod.npwpThreshold.amount;
  if (npwpRequired) {
    if (req['hasNpwp'] !== true) {
      reasons.push(
        textErrorData(
          'LOAN.NPWP_REQUIRED',
          textRef('LOAN.NPWP_REQUIRED', formatMoney(prod.npwpThreshold!, 'id-ID'), formatMoney(prod.npwpThreshold!, 'en')),
          { path: ['hasNpwp'], details: { threshold: prod.npwpThreshold!.amount, currency: prod.currency } },
        ),
      );
    }
  }
  return { reasons, npwpRequired };
}

/** A loan's tenor and grace (invalid values throw), with the reasons they break the product's terms. */
function tenorTerms(prod: FinancingProduct, req: Record<string, unknown>): { tenor: number; grace: number; graceInterest: GraceInterest; reasons: DomainErrorData<Text>[] } {
  const reasons: DomainErrorData<Text>[] = [];
  const tenor = assertTenor(req['tenorMonths'], ['tenorMonths']);
  const grace = assertWholeMonths(req['graceMonths'] ?? prod.graceMonths, ['graceMonths']);
  if (grace < 0) {
    invalid('FINANCE.INVALID_GRACE', 'Masa tenggang tidak boleh negatif.', 'The grace period must not be negative.', { path: ['graceMonths'] });
  }
  const graceInterest = assertOption(req['graceInterest'] ?? prod.graceInterest, GRACE_INTEREST_KINDS, ['graceInterest']);

  if (prod.maxTenorMonths !== null && tenor > prod.maxTenorMonths) {
    reasons.push(
      textErrorData(
        'LOAN.TENOR_EXCEEDS_MAX',
        textRef('LOAN.TENOR_EXCEEDS_MAX', prod.maxTenorMonths),
        { path: ['tenorMonths'], details: { max: prod.maxTenorMonths } },
      ),
    );
  }
  if (prod.tenorWithinContract) {
    const contract = assertTenor(req['contractMonths'], ['contractMonths']);
    if (tenor > contract) {
      reasons.push(
        textErrorData('LOAN.TENOR_EXCEEDS_CONTRACT', textRef('LOAN.TENOR_EXCEEDS_CONTRACT'), { path: ['tenorMonths'] }),
      );
    }
  }
  const graceUnrecorded = prod.unrecordedTerms.find((u) => u.term === 'graceMonths');
  if (graceUnrecorded && grace > 0) {
    reasons.push(
      textErrorData(
        'LOAN.TERM_NOT_RECORDED',
        textRef('LOAN.TERM_NOT_RECORDED', graceUnrecorded.parameterId, graceUnrecorded.recordedFrom),
        { path: ['graceMonths'], details: { parameter: graceUnrecorded.parameterId, recordedFrom: graceUnrecorded.recordedFrom } },
      ),
    );
  } else if (grace > prod.graceMonths) {
    reasons.push(
      textErrorData(
        'LOAN.GRACE_EXCEEDS_PRODUCT',
        textRef('LOAN.GRACE_EXCEEDS_PRODUCT', prod.graceMonths),
        { path: ['graceMonths'], details: { max: prod.graceMonths } },
      ),
    );
  }
  if (grace >= tenor) {
    reasons.push(
      textErrorData('LOAN.GRACE_NOT_BELOW_TENOR', textRef('LOAN.GRACE_NOT_BELOW_TENOR'), { path: ['graceMonths'] }),
    );
  }
  if (!prod.graceInterestOptions.includes(graceInterest)) {
    reasons.push(
      textErrorData(
        'LOAN.GRACE_INTEREST_NOT_OFFERED',
        textRef('LOAN.GRACE_INTEREST_NOT_OFFERED', prod.graceInterestOptions.join(', ')),
        { path: ['graceInterest'], details: { allowed: prod.graceInterestOptions.join(',') } },
      ),
    );
  }
  return { tenor, grace, graceInterest, reasons };
}

/** The terms of an accepted request: repayment runs over the tenor after the grace period. */
function accepted(
  prod: FinancingProduct,
  amount: Money,
  npwpRequired: boolean,
  tenorMonths: number,
  graceMonths: number,
  graceInterest: GraceInterest,
): Result<LoanTerms<Text>, LoanCheckError<Text>> {
  const npwpUnrecorded = prod.unrecordedTerms.find((u) => u.term === 'npwpThreshold');
  const warnings = npwpUnrecorded
    ? [
        textErrorData(
          'LOAN.NPWP_RULE_NOT_RECORDED',
          textRef('LOAN.NPWP_RULE_NOT_RECORDED', npwpUnrecorded.parameterId, npwpUnrecorded.recordedFrom),
          { path: ['hasNpwp'], details: { parameter: npwpUnrecorded.parameterId, recordedFrom: npwpUnrecorded.recordedFrom } },
        ),
      ]
    : [];
  return ok(
    Object.freeze({
      productId: prod.id,
      kind: prod.kind,
      amount,
      annualRate: prod.annualRate,
      method: prod.method,
      tenorMonths,
      graceMonths,
      graceInterest,
      repaymentMonths: tenorMonths - graceMonths,
      npwpRequired,
      npwpRuleRecorded: npwpUnrecorded === undefined,
      warnings: Object.freeze(warnings),
    }),
  );
}

function rejected(reasons: DomainErrorData<Text>[]): Result<never, LoanCheckError<Text>> {
  const first = reasons[0]!;
  return err(Object.freeze({ ...first, reasons: Object.freeze(reasons) }));
}
