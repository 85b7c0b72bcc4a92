/** What a comparison of opportunities answers: each option month by month, its totals under each FX scenario, its risks, and the ranking. */
import type { DomainErrorData, Messages } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import type { Occupation, PayerKind, Route } from '../shared/vocabulary';
import type { ExchangeRate } from '../money/exchange-rate';
import type { Money } from '../money/money';
import type { Affordability } from '../financing/affordability';
import type { LoanTerms } from '../financing/check-loan-request';
import type { RepaymentSchedule } from '../financing/repayment-schedule';
import type { UpfrontCashStatus } from '../costs/estimate-costs';
import type { RouteStatus } from '../parameters/parameter-values';
import type { OpportunityKind, WagePlace } from './opportunity-kinds';
import type { OpportunityParameterRef } from './wage-floor';

export const OPPORTUNITY_MONTH_PHASES = ['WAITING', 'SETTLING', 'WORKING', 'AFTER_CONTRACT'] as const;
/**
 * WAITING: before the first wage, at home (training, tests, the process abroad). SETTLING: a
 * transmigrant at the settlement before the first harvest. WORKING: a wage month.
 * AFTER_CONTRACT: the contract has ended inside the horizon (no income is assumed).
 */
export type OpportunityMonthPhase = (typeof OPPORTUNITY_MONTH_PHASES)[number];

export const INCOME_SOURCE_KINDS = ['MINIMUM_WAGE', 'WAGE_OFFER', 'STATED_INCOME', 'LIVING_ALLOWANCE'] as const;
export type IncomeSourceKind = (typeof INCOME_SOURCE_KINDS)[number];

/** Where a month's income comes from: a dated parameter (a minimum wage) or an input. */
export interface IncomeSource {
  readonly kind: IncomeSourceKind;
  readonly parameter: OpportunityParameterRef | null;
  /** The input it comes from (e.g. "options.0.monthlyWage"), null for a parameter. */
  readonly input: string | null;
}

export interface OpportunityMonth {
  /** 1-based month of the horizon. */
  readonly month: number;
  /** The snapshot's date plus (month − 1) months: the date the month's parameters are read on. */
  readonly startsOn: IsoDate;
  readonly phase: OpportunityMonthPhase;
  /** The wage in its own currency (KRW abroad), null in a month without a wage. */
  readonly wage: Money | null;
  /** Everything earned in the month, IDR (wage converted, living allowance). */
  readonly income: Money;
  readonly incomeSources: readonly IncomeSource[];
  /** Living costs at the place of work, or at home (when given) in a month away from it. */
  readonly livingCosts: Money;
  /** The person's own cash for costs this month (what a loan does not cover). */
  readonly costs: Money;
  /** Loan payment due this month. */
  readonly debtPayment: Money;
  /** income − livingCosts − costs − debtPayment. */
  readonly net: Money;
  /** Σ net up to this month. */
  readonly cumulative: Money;
}

export interface OpportunityTotals {
  readonly income: Money;
  readonly livingCosts: Money;
  readonly costs: Money;
  readonly debtPayments: Money;
  /** Loan balance still owed after the last month of the horizon. */
  readonly debtOutstandingAtEnd: Money;
  /** income − livingCosts − costs − debtPayments − debtOutstandingAtEnd (exactly). */
  readonly netSaving: Money;
}

export interface OpportunityScenario {
  readonly scenario: 'BASE' | 'FX_SHOCK';
  /** "0" for BASE, e.g. "-0.1": the wage's currency buys 10% less rupiah. */
  readonly fxChange: string;
  /** The KRW↔IDR rate used, null at home. */
  readonly exchangeRate: ExchangeRate | null;
  readonly totals: OpportunityTotals;
}

export const OPPORTUNITY_COST_TIMINGS = ['BEFORE_FIRST_WAGE', 'AFTER_FIRST_WAGE'] as const;
export type OpportunityCostTiming = (typeof OPPORTUNITY_COST_TIMINGS)[number];

export interface OpportunityCostLine {
  readonly id: string;
  readonly label: Messages;
  readonly timing: OpportunityCostTiming;
  /** IDR; null when a required input is missing (UNKNOWN, never invented). */
  readonly amount: Money | null;
  readonly payers: ReadonlyArray<{ readonly payer: PayerKind; readonly amount: Money | null }>;
  /** "estimateCosts" (the route's cost lines) or the input it comes from. */
  readonly source: string;
}

export interface OpportunityCosts {
  readonly lines: readonly OpportunityCostLine[];
  /** Known amounts per payer, every payer present. */
  readonly byPayer: Readonly<Record<PayerKind, Money>>;
  readonly workerBeforeFirstWage: Money;
  readonly workerAfterFirstWage: Money;
  /** The loan used for the worker's costs before the first wage. */
  readonly loanApplied: Money;
  /** workerBeforeFirstWage − loanApplied: the cash the person must find up front. */
  readonly upfrontCash: Money;
  /** false when a line has no amount: the net saving is then an upper bound. */
  readonly complete: boolean;
}

export interface SellsBelongingsCheck {
  /** The line given (input), null when none was given. */
  readonly line: Money | null;
  readonly upfrontCash: Money;
  /** NO_THRESHOLD, WITHIN_THRESHOLD, ABOVE_THRESHOLD, or UNKNOWN (within, but a worker-paid line before the first wage has no amount). */
  readonly status: UpfrontCashStatus;
  /** true only when ABOVE_THRESHOLD. */
  readonly crossed: boolean;
  readonly excess: Money | null;
}

export interface OpportunityLoan {
  readonly terms: LoanTerms;
  readonly schedule: RepaymentSchedule;
  /** Horizon month of the last instalment (= tenor: disbursed in month 1). */
  readonly lastPaymentMonth: number;
}

export interface OpportunityResult {
  /** Position in the input. */
  readonly index: number;
  /** 1 = the largest net saving (BASE). */
  readonly rank: number;
  readonly kind: OpportunityKind;
  readonly label: Messages;
  readonly place: WagePlace | null;
  readonly route: Route | null;
  readonly occupation: Occupation | null;
  readonly destination: string | null;
  readonly monthsUntilFirstWage: number;
  /** First month with any income (a living allowance counts), null when none falls in the horizon. */
  readonly firstIncomeMonth: number | null;
  readonly contractMonths: number | null;
  /** Last wage month (may lie beyond the horizon), null = to the end of the horizon. */
  readonly lastWageMonth: number | null;
  readonly routeStatus: RouteStatus | null;
  readonly months: readonly OpportunityMonth[];
  /** BASE first, then one per FX shock (OVERSEAS only). */
  readonly scenarios: readonly OpportunityScenario[];
  /** BASE net saving. */
  readonly netSaving: Money;
  /** The least net saving over the scenarios. */
  readonly worstNetSaving: Money;
  readonly costs: OpportunityCosts;
  readonly loan: OpportunityLoan | null;
  readonly affordability: Affordability | null;
  readonly sellsBelongings: SellsBelongingsCheck;
  /** Risks named in words (id/en), each with a stable code. */
  readonly risks: readonly DomainErrorData[];
  /** Every dated parameter a figure of this option comes from. */
  readonly parameters: readonly OpportunityParameterRef[];
  /** Every input a figure of this option comes from. */
  readonly inputs: readonly string[];
}

export interface OpportunityComparison {
  readonly asOf: IsoDate;
  readonly parameterOverlays: readonly string[];
  readonly horizonMonths: number;
  readonly fxShocks: readonly string[];
  /** Options by net saving, largest first (ties: input order). */
  readonly ranking: readonly OpportunityResult[];
  /** How the figures are built (the conventions every option shares). */
  readonly assumptions: readonly Messages[];
}
