/**
 * `@jembatan/domain/calculators` (issue 14): the offline calculators for a browser app, with their
 * results' texts by reference (`TextRef`) where the main entry's give `Messages`, so the app's bundle
 * carries no prose of them. `renderTexts` of `@jembatan/domain/messages` turns such a result into
 * the main entry's (import it when the app shows the texts, e.g. lazily).
 *
 * By reference so far: the eligibility evaluation's rule titles, outcomes, actions, checklist and
 * verdict summary (`evaluateEligibility` here is the main entry's `leanEvaluateEligibility`), and the
 * cost estimate's line labels, notes and warnings (`estimateCosts` is `leanEstimateCosts`), and the
 * loan check's reasons and warnings (`scheduleLoan` / `checkLoanRequest` are `leanScheduleLoan` /
 * `leanCheckLoanRequest`). Thrown errors (invalid input) carry their `Messages` as before.
 */
export { leanEvaluateEligibility as evaluateEligibility } from '../eligibility/evaluate-eligibility';
export type { EvaluateEligibilityInput } from '../eligibility/evaluate-eligibility';
export { leanEstimateCosts as estimateCosts } from '../costs/estimate-costs';
export type { CostEstimateInput } from '../costs/estimate-costs';
export { leanScheduleLoan as scheduleLoan } from '../financing/schedule-loan';
export { leanCheckLoanRequest as checkLoanRequest } from '../financing/check-loan-request';
export type { LoanRequest } from '../financing/check-loan-request';
export { kurPenempatanProduct } from '../financing/kur-penempatan.product';
export { parameterSnapshot } from '../parameters/parameter-snapshot';
export { isTextRef, type Text, type TextArg, type TextRef } from '../shared/text';
