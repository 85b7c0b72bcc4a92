/**
 * What a comparison of opportunities is asked about: one person, a horizon in months, and the
 * options to compare. Every figure the sources do not give is an input here, never a default:
 * living costs (a share of the month's income or an amount), the months until the first wage,
 * a transmigration programme's support, the income of a transmigrant's own farm, the "sells
 * belongings" line, the largest debt-service ratio accepted.
 */
import type { Messages } from '../shared/domain-error';
import type { Occupation, PayerKind, Route } from '../shared/vocabulary';
import type { ExchangeRate } from '../money/exchange-rate';
import type { Money } from '../money/money';
import type { GraceInterest } from '../parameters/parameter-values';
import type { CostInputs, CostPassportKind } from '../costs/estimate-costs';
import type { CostPolicy } from '../costs/cost-policy';
import type { WagePlace } from './opportunity-kinds';

/**
 * Living costs at the place of work: a share of the month's income (0–1), or a monthly amount
 * (IDR; for OVERSEAS also KRW, converted at the option's rate). An input: DOMAIN.md gives none.
 */
export type LivingCostInput = { readonly share: string } | { readonly monthly: Money };

/** A cost before the first wage that the caller knows of (a move to Jakarta, a deposit for a room, ...). */
export interface UpfrontCostInput {
  /** camelCase, unique within the option. */
  readonly id: string;
  readonly label: Messages;
  /** IDR. */
  readonly amount: Money;
  /** Default WORKER. */
  readonly payer?: PayerKind;
  /** Who stated the amount (a quote, a receipt, the programme's notice). */
  readonly statedBy: string;
}

interface OpportunityBase {
  /** Months from the start of the horizon to the first wage (0 = paid in the first month). An input: no source gives it. */
  readonly monthsUntilFirstWage: number;
  readonly livingCost: LivingCostInput;
  readonly upfrontCosts?: readonly UpfrontCostInput[];
}

/** A job at home: the floor is the place's UMK/UMP; an offered wage below it is refused. */
export interface WageOpportunityInput extends OpportunityBase {
  readonly kind: 'LOCAL' | 'JABODETABEK';
  readonly place: WagePlace;
  /** The wage offered, whole rupiah a month; absent = the place's floor. */
  readonly monthlyWage?: Money;
  /** Length of the contract (PKWT) in months; absent = work runs to the end of the horizon. */
  readonly contractMonths?: number;
}

/** The programme's support for a transmigrant, as the programme of the year states it (not found in the sources: an input). */
export interface TransmigrationSupportInput {
  /** Living allowance (jaminan hidup) a month, IDR. */
  readonly livingAllowanceMonthly: Money;
  /** For how many months from arrival (month 1). */
  readonly livingAllowanceMonths: number;
  /** Land given, in hectares (a decimal string; reported, not priced). */
  readonly landHectares?: string;
  readonly statedBy: string;
}

export interface TransmigrationOpportunityInput extends OpportunityBase {
  readonly kind: 'TRANSMIGRATION';
  /** Where to (free text, e.g. the settlement's name). */
  readonly destination?: string;
  /** Expected income of the person's own farm or work a month, IDR, from the first wage month (no minimum wage applies to it). */
  readonly monthlyIncome: Money;
  /** Who stated that income (an extension officer, the programme). */
  readonly incomeStatedBy: string;
  readonly support?: TransmigrationSupportInput;
}

/** KUR Penempatan PMI for the worker's pre-departure costs. */
export interface OverseasLoanInput {
  /** IDR; default: the worker's known pre-departure costs. */
  readonly amount?: Money;
  readonly tenorMonths: number;
  readonly graceMonths?: number;
  readonly graceInterest?: GraceInterest;
  readonly hasNpwp?: boolean;
}

export interface OverseasOpportunityInput extends OpportunityBase {
  readonly kind: 'OVERSEAS';
  readonly route: Route;
  readonly occupation: Occupation;
  readonly contractMonths: number;
  /** The wage offered, whole won a month; absent = the Korean monthly minimum wage of each month. */
  readonly monthlyWage?: Money;
  /** KRW↔IDR; default: the dated working default `fx.idrPerKrw`. */
  readonly exchangeRate?: ExchangeRate;
  readonly costInputs?: CostInputs;
  readonly costPolicies?: readonly CostPolicy[];
  readonly passport?: CostPassportKind;
  readonly includeKoreanCourse?: boolean;
  /** null/absent = no loan: the worker finds every cost in cash. */
  readonly loan?: OverseasLoanInput | null;
}

export type OpportunityInput = WageOpportunityInput | TransmigrationOpportunityInput | OverseasOpportunityInput;

export interface OpportunityComparisonInput {
  /** Months compared, from the snapshot's date (e.g. a 36-month contract + 12). 1–480. */
  readonly horizonMonths: number;
  /** 1–10 options. */
  readonly options: readonly OpportunityInput[];
  /** Living costs at home a month (IDR) in months without work at a place; absent = not counted (stated in the assumptions). */
  readonly homeLivingCostMonthly?: Money | null;
  /** The city's "nobody sells belongings" line for the cash found up front, IDR (an input: no source gives a figure). */
  readonly sellsBelongingsLine?: Money | null;
  /** Largest instalment ÷ wage accepted (0–1): required when an option has a loan. */
  readonly maxDebtServiceRatio?: string;
  /** Relative FX moves for OVERSEAS wages (default ["-0.1", "0.1"]: DOMAIN.md §6). */
  readonly fxShocks?: readonly string[];
}
