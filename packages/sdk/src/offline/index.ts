/**
 * The domain's pure calculators, re-exported for offline use (a resident's self-check page, a
 * simulator in a browser): the same functions the gateway calls, so an answer computed here equals
 * the gateway's for the same input and date. They do no I/O and read no clock: every date is an
 * `asOf` you pass in, every figure comes from `parameterSnapshot(asOf)`.
 *
 * Outputs name the parameters they read by id, with value, unit and effective date; what each
 * parameter is (its bilingual `description`) and its citations (sources, notes) come from
 * `@jembatan/domain/sources`, re-exported here: `describeParameter`, `withParameterSources`,
 * `parameterSources`. A bundler drops them when an app does not use them.
 *
 * Names that the GraphQL types also use (`Money`, `Route`, ...) are the generated GraphQL types in
 * this package; the domain's own `Money` is exported as `DomainMoney` (amount is a number here, a
 * string on the wire: convert with `fromGraphQLMoney`).
 */
export {
  // parameters
  parameterSnapshot,
  valueAsOf,
  isParameterId,
  PARAMETER_IDS,
  educationRank,
  EDUCATION_LEVELS,
  // money
  money,
  moneyFromDecimal,
  zero,
  add,
  subtract,
  sum,
  negate,
  compare,
  equals,
  isZero,
  isNegative,
  isPositive,
  maxMoney,
  minMoney,
  multiply,
  allocate,
  ratio,
  convert,
  exchangeRate,
  formatMoney,
  toDecimalString,
  CURRENCIES,
  // identity
  parseNik,
  isValidNik,
  maskNik,
  checkNikAgainstDeclared,
  decideKotaSerangResidency,
  // eligibility
  evaluateEligibility,
  rankCandidates,
  validateCandidateProfile,
  listCandidateProfileIssues,
  // costs
  estimateCosts,
  BASE_COST_POLICY,
  CITY_PAYS_KOREAN_COURSE,
  APJATI_FACILITY_COVERS_TRAINING,
  EMPLOYER_PAYS_PLACEMENT_FEE,
  // financing
  kurPenempatanProduct,
  zeroInterestFacilityProduct,
  cityGrantProduct,
  checkLoanRequest,
  scheduleLoan,
  repaymentSchedule,
  annuityPayment,
  effectiveRateOfLoan,
  affordability,
  compareWithInformalLender,
  loanTimeline,
  LOAN_TIMELINE_CONVENTION,
  upfrontCashTimeline,
  // opportunities compared (Kota Serang, Jabodetabek, transmigration, Korea)
  compareOpportunities,
  wageFloorAsOf,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_KIND_LABELS,
  WAGE_PLACES,
  WAGE_PLACE_INFO,
  // shared vocabulary and dates
  DomainError,
  isDomainError,
  isIsoDate,
  ageOn,
  ROUTES,
  ROUTE_LABELS,
  OCCUPATIONS,
  OCCUPATION_LABELS,
  PAYER_KINDS,
  KOTA_SERANG_KECAMATAN,
} from '@jembatan/domain';

export type {
  Money as DomainMoney,
  Ratio,
  ExchangeRate,
  IsoDate,
  Messages,
  Result,
  DomainErrorData,
  ParameterSnapshot,
  ParameterOverlay,
  ParameterId,
  ParameterValues,
  CandidateProfile,
  EvaluateEligibilityInput,
  EligibilityEvaluation,
  RankedCandidate,
  CostEstimate,
  CostPolicy,
  FinancingProduct,
  LoanRequest,
  ScheduledLoan,
  RepaymentSchedule,
  Affordability,
  AffordabilityInput,
  AffordabilityScenario,
  InformalLenderComparison,
  LoanTimeline,
  LoanTimelineInput,
  LoanTimelineRow,
  UpfrontCashTimeline,
  UpfrontCashTimelineInput,
  FundingSource,
  CashTimelineItem,
  CashTimelineEvent,
  KoreanCourseFee,
  CostInputs,
  WageFloor,
  OpportunityInput,
  OpportunityResult,
  OpportunityMonth,
  OpportunityScenario,
  LivingCostInput,
  OpportunityComparisonInput as DomainOpportunityComparisonInput,
  OpportunityComparison as DomainOpportunityComparison,
} from '@jembatan/domain';

export { describeParameter, parameterSources, withParameterSources } from '@jembatan/domain/sources';
export type { CitedParameterDescription, ParameterSourceFile, SourceRef } from '@jembatan/domain/sources';

export { fromGraphQLMoney, toGraphQLMoney, type WireMoney } from './graphql-money.js';
