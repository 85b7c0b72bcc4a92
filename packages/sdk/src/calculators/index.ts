/**
 * `@jembatan/sdk/calculators` (issue 14): the offline calculators for a browser app that keeps its
 * bundle small, re-exported from `@jembatan/domain/calculators`. Their results carry texts by
 * reference (`TextRef`) where the main entry's carry `Messages`; `renderTexts` of
 * `@jembatan/sdk/messages` gives the main entry's result (import it where the app shows the texts,
 * e.g. lazily). By reference so far: the eligibility evaluation's texts, the cost estimate's labels,
 * notes and warnings, and the loan check's reasons and warnings (thrown errors keep their `Messages`).
 */
export {
  evaluateEligibility,
  estimateCosts,
  scheduleLoan,
  checkLoanRequest,
  kurPenempatanProduct,
  parameterSnapshot,
  isTextRef,
  type EvaluateEligibilityInput,
  type CostEstimateInput,
  type LoanRequest,
  type Text,
  type TextArg,
  type TextRef,
} from '@jembatan/domain/calculators';
