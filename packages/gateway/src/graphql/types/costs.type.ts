/** Cost estimate and financing simulation: GraphQL inputs and outputs mapped from the domain's results. */
import {
  COST_PASSPORT_KINDS,
  GRACE_INTEREST_KINDS,
  PAYER_KINDS,
  type CostEstimate as DomainCostEstimate,
  type LoanTimeline as DomainLoanTimeline,
  type UpfrontCashTimeline as DomainUpfrontCashTimeline,
  type Affordability as DomainAffordability,
  type ExchangeRate as DomainExchangeRate,
  type Occupation,
  type PayerKind,
  type RepaymentSchedule as DomainSchedule,
  type Route,
} from '../../domain';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OccupationEnum, PayerKindEnum, RouteEnum } from '../enums';
import { DateScalar } from '../scalars';
import { BilingualText, notAnEntityIdDeprecation } from './label.type';
import { Money, toMoneyGql } from './money.type';

const AMOUNT = /^[0-9]{1,15}$/;
const amountMessage = { message: '$property must be a whole number of rupiah, as a decimal string' };
const DECIMAL = /^-?[0-9]{1,6}(\.[0-9]{1,12})?$/;
const decimalMessage = { message: '$property must be a decimal number such as "0.3"' };

export const PassportKindEnum = Object.fromEntries(COST_PASSPORT_KINDS.map((k) => [k, k])) as { [K in (typeof COST_PASSPORT_KINDS)[number]]: K };
registerEnumType(PassportKindEnum, {
  name: 'PassportKind',
  description: 'Passport to price (PP 45/2024).',
  valuesConfig: {
    ELECTRONIC: { description: 'Electronic passport, 5 years (the dearer: the conservative default).' },
    REGULAR: { description: 'Non-electronic passport, 5 years.' },
  },
});

export const CostOverlayEnum = {
  CITY_PAYS_KOREAN_COURSE: 'CITY_PAYS_KOREAN_COURSE',
  APJATI_FACILITY_COVERS_TRAINING: 'APJATI_FACILITY_COVERS_TRAINING',
  EMPLOYER_PAYS_PLACEMENT_FEE: 'EMPLOYER_PAYS_PLACEMENT_FEE',
} as const;
export type CostOverlay = keyof typeof CostOverlayEnum;
registerEnumType(CostOverlayEnum, {
  name: 'CostPolicyOverlay',
  description: '"What-if" cost policies applied on top of the base policy (they never edit it).',
  valuesConfig: {
    CITY_PAYS_KOREAN_COURSE: { description: 'Pemkot Serang pays the Korean course.' },
    APJATI_FACILITY_COVERS_TRAINING: { description: 'An APJATI facility covers training.' },
    EMPLOYER_PAYS_PLACEMENT_FEE: { description: 'The employer pays the P3MI placement fee.' },
  },
});

export const GraceInterestEnum = Object.fromEntries(GRACE_INTEREST_KINDS.map((k) => [k, k])) as { [K in (typeof GRACE_INTEREST_KINDS)[number]]: K };
registerEnumType(GraceInterestEnum, {
  name: 'GraceInterest',
  description: 'What happens to interest during the grace months (lender-specific).',
  valuesConfig: { PAID: { description: 'Paid monthly during grace.' }, CAPITALISED: { description: 'Added to the balance.' } },
});

// ---------------------------------------------------------------- cost estimate

@InputType({ description: 'Cost inputs DOMAIN.md gives no figure for (never invented): amounts in whole rupiah.' })
export class CostInputsInput {
  @Field(() => String, { nullable: true, description: 'Skills test fee (KOSHIPA / BNSP), IDR: required for E-7-3.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  skillsTestFeeIdr?: string;

  @Field(() => String, { nullable: true, description: 'P3MI service fee, IDR: required for E-7-3.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  p3miServiceFeeIdr?: string;

  @Field(() => String, { nullable: true, description: 'The pilot’s Korean test fee, IDR: required for the E-7-3 pilot.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  koreanTestFeeIdr?: string;

  @Field(() => String, { nullable: true, description: 'Employment contract legalisation, IDR (no amount in any source: the line is UNKNOWN until given; the policies name its payer).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  contractLegalisationIdr?: string;

  @Field(() => String, { nullable: true, description: 'Local transport to tests, training and departure, IDR (no amount in any source: UNKNOWN until given).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  localTransportIdr?: string;

  @Field(() => String, { nullable: true, description: 'Accommodation during the pre-departure process, IDR (no amount in any source: UNKNOWN until given).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  accommodationIdr?: string;

  @Field(() => String, { nullable: true, description: 'The return ticket at the end of the contract (paid in Korea), IDR (no amount in any source: UNKNOWN until given).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  returnTicketIdr?: string;
}

@InputType({ description: 'Financing the worker uses for pre-departure costs.' })
export class FinancingUseInput {
  @Field(() => String, { description: 'Product id, e.g. "KUR_PENEMPATAN_PMI".' })
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'productId must be an upper-case identifier' })
  productId!: string;

  @Field(() => Boolean, { description: 'true for a grant (nothing to repay), false for a loan.' })
  @IsBoolean()
  grant!: boolean;

  @Field(() => String, { description: 'Amount, whole rupiah.' })
  @Matches(AMOUNT, amountMessage)
  amountIdr!: string;
}

@InputType({ description: 'What to estimate: a placement by route, occupation and contract length, as of a date.' })
export class CostEstimateInput {
  @Field(() => RouteEnum, { description: 'Route.' })
  route!: Route;

  @Field(() => OccupationEnum, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => Int, { description: 'Contract length, 1–120 months.' })
  @IsInt() @Min(1) @Max(120)
  contractMonths!: number;

  @Field(() => DateScalar, { description: 'Date the parameters apply to.' })
  asOf!: Date;

  @Field(() => PassportKindEnum, { nullable: true, description: 'Passport to price (default ELECTRONIC).' })
  @IsOptional() @IsIn([...COST_PASSPORT_KINDS])
  passport?: (typeof COST_PASSPORT_KINDS)[number];

  @Field(() => Boolean, { nullable: true, description: 'Include the Korean course (default true).' })
  @IsOptional() @IsBoolean()
  includeKoreanCourse?: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'A stored KOREAN_LANGUAGE course (see `courses`): its fee replaces the market parameter on the line `koreanCourse` (and the overlay CITY_PAYS_KOREAN_COURSE applies to it). NOT_FOUND when there is none; BAD_USER_INPUT (TRAINING.NOT_A_KOREAN_COURSE) for another kind. Ignored with includeKoreanCourse: false.',
  })
  @IsOptional()
  koreanCourseId?: string;

  @Field(() => CostInputsInput, { nullable: true, description: 'Amounts with no official figure.' })
  @IsOptional() @ValidateNested()
  inputs?: CostInputsInput;

  @Field(() => [CostOverlayEnum], { nullable: true, description: 'What-if policies, applied in order.' })
  @IsOptional() @ArrayMaxSize(10)
  overlays?: CostOverlay[];

  @Field(() => [FinancingUseInput], { nullable: true, description: 'Financing applied to the worker’s pre-departure costs.' })
  @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true })
  financing?: FinancingUseInput[];

  @Field(() => String, { nullable: true, description: 'The city’s "nobody sells belongings" up-front cash line, IDR (no figure in DOMAIN.md: an input).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  upfrontCashThresholdIdr?: string;
}

@ObjectType({ description: 'A dated exchange rate used for a conversion.' })
export class ExchangeRateGql {
  @Field(() => String, { description: 'Base currency.' }) base!: string;
  @Field(() => String, { description: 'Quote currency.' }) quote!: string;
  @Field(() => String, { description: 'Quote units per base unit, decimal string.' }) rate!: string;
  @Field(() => DateScalar, { description: 'Date of the rate.' }) asOf!: string;
  @Field(() => String, { description: 'Where it comes from.' }) source!: string;
  @Field(() => Boolean, { description: 'A working default, not an official rate.' }) isDefault!: boolean;
}

@ObjectType({ description: 'One payer’s part of a cost line.' })
export class PayerShareGql {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { nullable: true, description: 'Amount in IDR (null when the line is unknown).' }) amountIdr!: Money | null;
  @Field(() => String, { description: 'Policy that decided it.' }) policyId!: string;
  @Field(() => String, { description: 'Rule of that policy.' }) ruleId!: string;
}

@ObjectType({ description: 'A cost line with its payers.' })
export class CostLineGql {
  // Not an entity id: every estimate has its own "passport" line. `lineId` reads the same property.
  @Field(() => String, { name: 'id', description: 'Line id (the same as `lineId`).', deprecationReason: notAnEntityIdDeprecation('lineId') })
  @Field(() => String, { name: 'lineId', description: 'Line id, e.g. "passport" (the same line in every estimate, with its own amounts).' })
  id!: string;
  @Field(() => String, { description: 'Category.' }) category!: string;
  @Field(() => BilingualText, { description: 'Label.' }) label!: BilingualText;
  @Field(() => String, { description: 'BEFORE_DEPARTURE or IN_KOREA.' }) timing!: string;
  @Field(() => String, { description: 'KNOWN, or UNKNOWN when a required input is missing.' }) status!: string;
  @Field(() => Money, { nullable: true, description: 'Amount in the currency it is set in.' }) amount!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Amount in IDR.' }) amountIdr!: Money | null;
  @Field(() => ExchangeRateGql, { nullable: true, description: 'Rate used for the conversion.' }) exchangeRate!: ExchangeRateGql | null;
  @Field(() => [String], { description: 'Parameters the amount comes from.' }) parameters!: string[];
  @Field(() => String, { nullable: true, description: 'Input the amount comes from (or is required from).' }) input!: string | null;
  @Field(() => [PayerShareGql], { description: 'Parts per payer; known parts add up exactly to amountIdr.' }) payers!: PayerShareGql[];
}

@ObjectType({ description: 'A total for one payer.' })
export class PayerTotal {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { description: 'Known amount in IDR.' }) amount!: Money;
}

@ObjectType({ description: 'A cost policy applied.' })
export class AppliedCostPolicy {
  @Field(() => String, { description: 'Policy id.' }) id!: string;
  @Field(() => String, { description: 'BASE, REGULATION or OVERLAY.' }) kind!: string;
  @Field(() => BilingualText, { description: 'Name.' }) name!: BilingualText;
  @Field(() => String, { nullable: true, description: 'Legal basis.' }) legalBasis!: string | null;
}

@ObjectType({ description: 'A required input that was not given.' })
export class MissingCostInput {
  @Field(() => String, { description: 'Line.' }) lineId!: string;
  @Field(() => String, { description: 'Input.' }) input!: string;
  @Field(() => [PayerKindEnum], { description: 'Who would pay the line.' }) payers!: PayerKind[];
}

@ObjectType({ description: 'A warning with a stable code.' })
export class Warning {
  @Field(() => String, { description: 'Code, e.g. COSTS.DEFAULT_EXCHANGE_RATE.' }) code!: string;
  @Field(() => BilingualText, { description: 'Message.' }) message!: BilingualText;
}

@ObjectType({ description: 'Cost estimate of a placement (DOMAIN.md §5): lines, payers, totals, the worker’s up-front cash.' })
export class CostEstimateGql {
  @Field(() => DateScalar, { description: 'Date of the parameters.' }) asOf!: string;
  @Field(() => RouteEnum, { description: 'Route.' }) route!: Route;
  @Field(() => OccupationEnum, { description: 'Occupation.' }) occupation!: Occupation;
  @Field(() => Int, { description: 'Contract months.' }) contractMonths!: number;
  @Field(() => Boolean, { description: 'Listed by Perban BP2MI 9/2020 as a zero-cost job.' }) zeroCostOccupation!: boolean;
  @Field(() => [AppliedCostPolicy], { description: 'Policies in the order applied.' }) policies!: AppliedCostPolicy[];
  @Field(() => [CostLineGql], { description: 'Cost lines.' }) lines!: CostLineGql[];
  @Field(() => [PayerTotal], { description: 'Known totals per payer (IDR).' }) totalsByPayer!: PayerTotal[];
  @Field(() => Money, { description: 'Total of the known lines (IDR).' }) total!: Money;
  @Field(() => Money, { description: 'The worker’s total (IDR).' }) workerTotal!: Money;
  @Field(() => Money, { description: 'The worker’s costs before departure (IDR).' }) workerBeforeDeparture!: Money;
  @Field(() => [MissingCostInput], { description: 'Required inputs not given.' }) missingInputs!: MissingCostInput[];
  @Field(() => Boolean, { description: 'Every line has an amount.' }) complete!: boolean;
  @Field(() => [String], { description: 'Lines whose amount is UNKNOWN (e.g. contract legalisation, local transport, accommodation, the return ticket): every total here excludes them.' })
  unknownLineIds!: string[];
  @Field(() => Money, { description: 'Loans applied: what the worker will repay.' }) loanToRepay!: Money;
  @Field(() => Money, { description: 'Cash the worker must still find up front (IDR).' }) upfrontCash!: Money;
  @Field(() => String, { description: 'NO_THRESHOLD, WITHIN_THRESHOLD, ABOVE_THRESHOLD or UNKNOWN.' }) upfrontCashStatus!: string;
  @Field(() => Money, { nullable: true, description: 'How far above the threshold.' }) upfrontCashExcess!: Money | null;
  @Field(() => [Warning], { description: 'Warnings.' }) warnings!: Warning[];
}

function rateGql(r: DomainExchangeRate | null): ExchangeRateGql | null {
  return r ? { base: r.base, quote: r.quote, rate: r.rate, asOf: r.asOf, source: r.source, isDefault: r.isDefault } : null;
}

export function toCostEstimateGql(e: DomainCostEstimate): CostEstimateGql {
  return {
    asOf: e.asOf,
    route: e.route,
    occupation: e.occupation,
    contractMonths: e.contractMonths,
    zeroCostOccupation: e.zeroCostOccupation,
    policies: e.policies.map((p) => ({ id: p.id, kind: p.kind, name: { id: p.name.id, en: p.name.en }, legalBasis: p.legalBasis })),
    lines: e.lines.map((l) => ({
      id: l.id,
      category: l.category,
      label: { id: l.label.id, en: l.label.en },
      timing: l.timing,
      status: l.status,
      amount: l.amount ? toMoneyGql(l.amount) : null,
      amountIdr: l.amountIdr ? toMoneyGql(l.amountIdr) : null,
      exchangeRate: rateGql(l.exchangeRate),
      parameters: l.source.parameters.map((p) => p.id),
      input: l.source.input,
      payers: l.payers.map((s) => ({ payer: s.payer, amountIdr: s.amountIdr ? toMoneyGql(s.amountIdr) : null, policyId: s.policyId, ruleId: s.ruleId })),
    })),
    totalsByPayer: PAYER_KINDS.map((payer) => ({ payer, amount: toMoneyGql(e.totals.byPayer[payer]) })),
    total: toMoneyGql(e.totals.total),
    workerTotal: toMoneyGql(e.worker.total),
    workerBeforeDeparture: toMoneyGql(e.worker.beforeDeparture),
    missingInputs: e.missingInputs.map((m) => ({ lineId: m.lineId, input: m.input, payers: [...m.payers] })),
    complete: e.complete,
    unknownLineIds: [...e.totals.unknownLineIds],
    loanToRepay: toMoneyGql(e.loanToRepay),
    upfrontCash: toMoneyGql(e.upfrontCash),
    upfrontCashStatus: e.upfrontCashCheck.status,
    upfrontCashExcess: e.upfrontCashCheck.excess ? toMoneyGql(e.upfrontCashCheck.excess) : null,
    warnings: e.warnings.map((w) => ({ code: w.code, message: { id: w.message.id, en: w.message.en } })),
  };
}

// ---------------------------------------------------------------- financing simulation

@InputType({ description: 'A KUR Penempatan PMI loan to simulate, with the wage it is repaid from.' })
export class FinancingSimulationInput {
  @Field(() => DateScalar, { description: 'Date the loan terms, wage and FX parameters apply to.' })
  asOf!: Date;

  @Field(() => String, { description: 'Amount to borrow, whole rupiah.' })
  @Matches(AMOUNT, amountMessage)
  amountIdr!: string;

  @Field(() => Int, { description: 'Tenor in months, grace included.' })
  @IsInt() @Min(1) @Max(480)
  tenorMonths!: number;

  @Field(() => Int, { nullable: true, description: 'Contract length in months (the tenor must fit it).' })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  contractMonths?: number;

  @Field(() => Int, { nullable: true, description: 'Grace months (default: the product’s).' })
  @IsOptional() @IsInt() @Min(0) @Max(479)
  graceMonths?: number;

  @Field(() => GraceInterestEnum, { nullable: true, description: 'Grace interest treatment (default: the product’s).' })
  @IsOptional() @IsIn([...GRACE_INTEREST_KINDS])
  graceInterest?: (typeof GRACE_INTEREST_KINDS)[number];

  @Field(() => Boolean, { nullable: true, description: 'Whether the borrower has an NPWP (needed above the threshold).' })
  @IsOptional() @IsBoolean()
  hasNpwp?: boolean;

  @Field(() => String, { nullable: true, description: 'Monthly wage in whole KRW (default: the Korean monthly minimum wage on asOf).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  monthlyWageKrw?: string;

  @Field(() => String, { nullable: true, description: 'IDR per KRW (default: the dated working default parameter fx.idrPerKrw).' })
  @IsOptional() @Matches(DECIMAL, decimalMessage)
  idrPerKrw?: string;

  @Field(() => String, { description: 'Share of the wage spent on living costs in Korea, 0–1 (an input: no default).' })
  @Matches(DECIMAL, decimalMessage)
  livingCostShare!: string;

  @Field(() => String, { description: 'Largest instalment ÷ wage accepted, 0–1 (an input: no default).' })
  @Matches(DECIMAL, decimalMessage)
  maxDebtServiceRatio!: string;

  @Field(() => [String], { nullable: true, description: 'Relative FX moves to test (default ["-0.1", "0.1"]).' })
  @IsOptional() @ArrayMaxSize(20) @Matches(DECIMAL, { each: true, ...decimalMessage })
  fxShocks?: string[];

  @Field(() => String, { nullable: true, description: 'An informal lender’s annual rate to compare with (e.g. "0.3").' })
  @IsOptional() @Matches(DECIMAL, decimalMessage)
  informalAnnualRate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Disbursement date (with departureOn and firstWageOn: the loan timeline).' })
  @IsOptional()
  disbursedOn?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Departure date (not before disbursement).' })
  @IsOptional()
  departureOn?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'First wage abroad (not before departure).' })
  @IsOptional()
  firstWageOn?: Date;
}

@ObjectType({ description: 'One month of a repayment schedule.' })
export class RepaymentRowGql {
  @Field(() => Int, { description: 'Month after disbursement.' }) month!: number;
  @Field(() => String, { description: 'GRACE or REPAYMENT.' }) phase!: string;
  @Field(() => Money, { description: 'Balance at the start.' }) openingBalance!: Money;
  @Field(() => Money, { description: 'Interest charged.' }) interest!: Money;
  @Field(() => Money, { description: 'Interest added to the balance (grace, CAPITALISED).' }) capitalisedInterest!: Money;
  @Field(() => Money, { description: 'Principal repaid.' }) principal!: Money;
  @Field(() => Money, { description: 'What the borrower pays.' }) payment!: Money;
  @Field(() => Money, { description: 'Balance at the end.' }) closingBalance!: Money;
}

@ObjectType({ description: 'A repayment schedule in whole rupiah that repays the principal exactly.' })
export class RepaymentScheduleGql {
  @Field(() => String, { description: 'ANNUITY (bunga efektif) or FLAT.' }) method!: string;
  @Field(() => String, { description: 'Annual rate.' }) annualRate!: string;
  @Field(() => String, { description: 'Monthly rate.' }) monthlyRate!: string;
  @Field(() => Int, { description: 'Tenor.' }) tenorMonths!: number;
  @Field(() => Int, { description: 'Grace months.' }) graceMonths!: number;
  @Field(() => Money, { description: 'Regular instalment.' }) regularInstalment!: Money;
  @Field(() => Money, { description: 'Last instalment (with the rounding adjustment).' }) lastInstalment!: Money;
  @Field(() => Money, { description: 'Total interest.' }) totalInterest!: Money;
  @Field(() => Money, { description: 'Total paid.' }) totalPaid!: Money;
  @Field(() => String, { description: 'Compounded effective annual rate of the borrower’s cash flows ((1 + monthly IRR)^12 − 1; display only).' })
  effectiveAnnualRate!: string;
  @Field(() => [RepaymentRowGql], { description: 'Rows.' }) rows!: RepaymentRowGql[];
}

@ObjectType({ description: 'Affordability under one FX scenario.' })
export class AffordabilityScenarioGql {
  @Field(() => String, { description: 'BASE or FX_SHOCK.' }) scenario!: string;
  @Field(() => String, { description: 'Relative FX move applied.' }) fxChange!: string;
  @Field(() => Money, { description: 'The wage in rupiah.' }) wage!: Money;
  @Field(() => Money, { description: 'Living costs.' }) livingCosts!: Money;
  @Field(() => Money, { description: 'Largest instalment the ratio allows.' }) maxInstalmentByRatio!: Money;
  @Field(() => String, { description: 'Instalment ÷ wage.' }) debtServiceRatio!: string;
  @Field(() => Money, { description: 'Left after living costs and the instalment (negative when short).' }) leftAfterInstalment!: Money;
  @Field(() => Boolean, { description: 'Affordable in this scenario.' }) affordable!: boolean;
  @Field(() => [String], { description: 'Reason codes when not affordable.' }) reasons!: string[];
}

@ObjectType({ description: 'The same amount from an informal lender, for comparison.' })
export class InformalComparisonGql {
  @Field(() => Money, { description: 'Informal lender’s total interest.' }) informalInterest!: Money;
  @Field(() => Money, { description: 'Interest saved with the legal loan.' }) interestSaved!: Money;
  @Field(() => Money, { description: 'Total saved.' }) totalSaved!: Money;
  @Field(() => Boolean, { description: 'The legal loan is cheaper.' }) formalIsCheaper!: boolean;
}

@ObjectType({ description: 'A KUR placement loan: terms, schedule (and a flat comparison), affordability with FX sensitivity.' })
export class FinancingSimulationGql {
  @Field(() => String, { description: 'Product id.' }) productId!: string;
  @Field(() => Money, { description: 'Amount lent.' }) amount!: Money;
  @Field(() => Boolean, { description: 'An NPWP is required for this amount (false when no NPWP rule is recorded for the date: see npwpRuleRecorded).' }) npwpRequired!: boolean;
  @Field(() => Boolean, { description: 'false when no NPWP rule is recorded for the date (before 2024): ask the lender.' }) npwpRuleRecorded!: boolean;
  @Field(() => [Warning], { description: 'Warnings about the loan terms, e.g. LOAN.NPWP_RULE_NOT_RECORDED.' }) loanWarnings!: Warning[];
  @Field(() => RepaymentScheduleGql, { description: 'The schedule (annuity on the declining balance).' }) schedule!: RepaymentScheduleGql;
  @Field(() => RepaymentScheduleGql, { description: 'The same loan with flat interest, for comparison.' }) flatComparison!: RepaymentScheduleGql;
  @Field(() => Money, { description: 'The monthly wage used (KRW).' }) monthlyWage!: Money;
  @Field(() => ExchangeRateGql, { description: 'The KRW/IDR rate used.' }) exchangeRate!: ExchangeRateGql;
  @Field(() => [AffordabilityScenarioGql], { description: 'Base first, then each FX shock.' }) affordability!: AffordabilityScenarioGql[];
  @Field(() => Boolean, { description: 'Affordable in every scenario.' }) affordableInAllScenarios!: boolean;
  @Field(() => InformalComparisonGql, { nullable: true, description: 'Comparison with an informal lender, when a rate was given.' }) informal!: InformalComparisonGql | null;
  @Field(() => LoanTimelineGql, {
    nullable: true,
    description: 'The schedule on the calendar against disbursement, departure and the first wage, when the three dates are given (grace counts from disbursement; months before the first wage are cash without income).',
  })
  timeline!: LoanTimelineGql | null;
}

export function toScheduleGql(s: DomainSchedule): RepaymentScheduleGql {
  return {
    method: s.method,
    annualRate: s.annualRate,
    monthlyRate: s.monthlyRate,
    tenorMonths: s.tenorMonths,
    graceMonths: s.graceMonths,
    regularInstalment: toMoneyGql(s.regularInstalment),
    lastInstalment: toMoneyGql(s.lastInstalment),
    totalInterest: toMoneyGql(s.totals.interest),
    totalPaid: toMoneyGql(s.totals.paid),
    effectiveAnnualRate: s.effectiveRate.effectiveAnnualRate,
    rows: s.rows.map((r) => ({
      month: r.month,
      phase: r.phase,
      openingBalance: toMoneyGql(r.openingBalance),
      interest: toMoneyGql(r.interest),
      capitalisedInterest: toMoneyGql(r.capitalisedInterest),
      principal: toMoneyGql(r.principal),
      payment: toMoneyGql(r.payment),
      closingBalance: toMoneyGql(r.closingBalance),
    })),
  };
}

export function toAffordabilityGql(a: DomainAffordability): AffordabilityScenarioGql[] {
  return a.scenarios.map((s) => ({
    scenario: s.scenario,
    fxChange: s.fxChange,
    wage: toMoneyGql(s.wage),
    livingCosts: toMoneyGql(s.livingCosts),
    maxInstalmentByRatio: toMoneyGql(s.maxInstalmentByRatio),
    debtServiceRatio: s.debtServiceRatio,
    leftAfterInstalment: toMoneyGql(s.leftAfterInstalment),
    affordable: s.affordable,
    reasons: s.reasons.map((r) => r.code),
  }));
}

// ---------------------------------------------------------------- loan timeline (disbursement vs first wage)

@ObjectType({ description: 'One month of the schedule on the calendar.' })
export class LoanTimelineRowGql {
  @Field(() => Int, { description: 'Month after disbursement.' }) month!: number;
  @Field(() => DateScalar, { description: 'Due date (month k falls due k months after disbursement).' }) dueOn!: string;
  @Field(() => String, { description: 'GRACE or REPAYMENT.' }) phase!: string;
  @Field(() => Money, { description: 'What the borrower pays that month.' }) payment!: Money;
  @Field(() => Boolean, { description: 'The first wage is paid on or before the due date.' }) hasWage!: boolean;
}

@ObjectType({ description: 'The loan’s schedule against disbursement, departure and the first wage (the grace counts from disbursement).' })
export class LoanTimelineGql {
  @Field(() => BilingualText, { description: 'The convention used: month k falls due k months after disbursement.' }) convention!: BilingualText;
  @Field(() => DateScalar, { description: 'Disbursement.' }) disbursedOn!: string;
  @Field(() => DateScalar, { description: 'Departure.' }) departureOn!: string;
  @Field(() => DateScalar, { description: 'First wage abroad.' }) firstWageOn!: string;
  @Field(() => DateScalar, { description: 'First instalment (REPAYMENT row).' }) firstInstalmentOn!: string;
  @Field(() => Int, { description: 'Whole months of wages before the first instalment.' }) monthsOfWorkBeforeFirstInstalment!: number;
  @Field(() => Int, { description: 'Grace months with a wage.' }) graceMonthsWithWage!: number;
  @Field(() => Int, { description: 'Grace months spent before any wage.' }) graceMonthsWithoutWage!: number;
  @Field(() => Money, { description: 'Σ payments due before the first wage: cash to find without income.' }) paymentsBeforeFirstWage!: Money;
  @Field(() => Money, { nullable: true, description: 'Largest payment due in a month with a wage (null when none).' }) largestPaymentWithWage!: Money | null;
  @Field(() => [LoanTimelineRowGql], { description: 'Rows.' }) rows!: LoanTimelineRowGql[];
  @Field(() => [Warning], { description: 'LOAN.PAYMENT_BEFORE_FIRST_WAGE, LOAN.GRACE_BEFORE_WORK.' }) warnings!: Warning[];
}

export function toLoanTimelineGql(t: DomainLoanTimeline): LoanTimelineGql {
  return {
    convention: { id: t.convention.id, en: t.convention.en },
    disbursedOn: t.disbursedOn,
    departureOn: t.departureOn,
    firstWageOn: t.firstWageOn,
    firstInstalmentOn: t.firstInstalmentOn,
    monthsOfWorkBeforeFirstInstalment: t.monthsOfWorkBeforeFirstInstalment,
    graceMonthsWithWage: t.graceMonthsWithWage,
    graceMonthsWithoutWage: t.graceMonthsWithoutWage,
    paymentsBeforeFirstWage: toMoneyGql(t.paymentsBeforeFirstWage),
    largestPaymentWithWage: t.largestPaymentWithWage ? toMoneyGql(t.largestPaymentWithWage) : null,
    rows: t.rows.map((r) => ({ month: r.month, dueOn: r.dueOn, phase: r.phase, payment: toMoneyGql(r.payment), hasWage: r.hasWage })),
    warnings: t.warnings.map((w) => ({ code: w.code, message: { id: w.message.id, en: w.message.en } })),
  };
}

// ---------------------------------------------------------------- up-front cash timeline

@InputType({ description: 'When one cost line falls due.' })
export class CostLineDueInput {
  @Field(() => String, { description: 'Line id of the estimate, e.g. "koreanCourse", "epsTopikFee".' })
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { message: 'lineId must be a line id such as "koreanCourse"' })
  lineId!: string;

  @Field(() => DateScalar, { description: 'Due date.' })
  dueOn!: Date;
}

@InputType({ description: 'A financing source and the day it pays out.' })
export class FundingSourceInput {
  @Field(() => String, { description: 'Product id, e.g. "KUR_PENEMPATAN_PMI" (checked against the KUR ceiling as of the estimate’s date).' })
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'productId must be an upper-case identifier' })
  productId!: string;

  @Field(() => Boolean, { description: 'true for a grant, false for a loan.' })
  @IsBoolean()
  grant!: boolean;

  @Field(() => String, { description: 'Amount, whole rupiah.' })
  @Matches(AMOUNT, amountMessage)
  amountIdr!: string;

  @Field(() => DateScalar, { description: 'The day the money reaches the worker (KUR: on or after the employment contract and the lender’s verification).' })
  paysOutOn!: Date;
}

@InputType({ description: 'The worker’s pre-departure costs against when each financing source pays out.' })
export class UpfrontCashInput {
  @Field(() => CostEstimateInput, { description: 'The placement (its financing list is not used here: give the sources below).' })
  @ValidateNested()
  estimate!: CostEstimateInput;

  @Field(() => [CostLineDueInput], { nullable: true, description: 'Due date per line (others fall due on defaultDueOn).' })
  @IsOptional() @ArrayMaxSize(64) @ValidateNested({ each: true })
  dueOn?: CostLineDueInput[];

  @Field(() => DateScalar, { description: 'Due date of the lines dueOn does not list (e.g. the planned departure).' })
  defaultDueOn!: Date;

  @Field(() => [FundingSourceInput], { nullable: true, description: 'Financing sources with their pay-out dates.' })
  @IsOptional() @ArrayMaxSize(10) @ValidateNested({ each: true })
  sources?: FundingSourceInput[];
}

@ObjectType({ description: 'A worker cost and its due date.' })
export class CashTimelineItemGql {
  @Field(() => String, { description: 'Line id.' }) lineId!: string;
  @Field(() => DateScalar, { description: 'Due date.' }) dueOn!: string;
  @Field(() => Money, { description: 'The worker’s part (IDR).' }) amount!: Money;
}

@ObjectType({ description: 'One date of the timeline.' })
export class CashTimelineEventGql {
  @Field(() => DateScalar, { description: 'Date.' }) on!: string;
  @Field(() => Money, { description: 'Costs due that day.' }) costsDue!: Money;
  @Field(() => Money, { description: 'Financing paid out that day.' }) fundsIn!: Money;
  @Field(() => Money, { description: 'Own money spent so far and not yet covered by a source.' }) ownCashOutstanding!: Money;
}

@ObjectType({ description: 'Costs due before one source pays out.' })
export class DueBeforePayoutGql {
  @Field(() => String, { description: 'Product id.' }) productId!: string;
  @Field(() => Money, { description: 'The worker’s costs due before its pay-out.' }) amount!: Money;
}

@ObjectType({ description: 'Up-front cash over time: what the person must find before the financing arrives (figures are lower bounds while unknownLineIds is not empty).' })
export class UpfrontCashTimelineGql {
  @Field(() => CostEstimateGql, { description: 'The estimate the timeline is built from.' }) estimate!: CostEstimateGql;
  @Field(() => [CashTimelineItemGql], { description: 'The worker’s known pre-departure costs with their due dates.' }) items!: CashTimelineItemGql[];
  @Field(() => [CashTimelineEventGql], { description: 'Events by date.' }) events!: CashTimelineEventGql[];
  @Field(() => Money, { description: 'Σ items.' }) totalDue!: Money;
  @Field(() => Money, { description: 'Σ sources.' }) totalFunding!: Money;
  @Field(() => Money, { description: 'Peak own cash outstanding: the bridge cash to find before the money arrives.' }) cashBeforeFinancing!: Money;
  @Field(() => Money, { description: 'What no source covers.' }) cashNeverFinanced!: Money;
  @Field(() => [DueBeforePayoutGql], { description: 'Costs due before each source pays out.' }) dueBeforePayout!: DueBeforePayoutGql[];
  @Field(() => [String], { description: 'UNKNOWN worker lines before departure: in no figure.' }) unknownLineIds!: string[];
}

export function toUpfrontCashGql(estimate: DomainCostEstimate, t: DomainUpfrontCashTimeline): UpfrontCashTimelineGql {
  return {
    estimate: toCostEstimateGql(estimate),
    items: t.items.map((i) => ({ lineId: i.lineId, dueOn: i.dueOn, amount: toMoneyGql(i.amount) })),
    events: t.events.map((e) => ({ on: e.on, costsDue: toMoneyGql(e.costsDue), fundsIn: toMoneyGql(e.fundsIn), ownCashOutstanding: toMoneyGql(e.ownCashOutstanding) })),
    totalDue: toMoneyGql(t.totalDue),
    totalFunding: toMoneyGql(t.totalFunding),
    cashBeforeFinancing: toMoneyGql(t.cashBeforeFinancing),
    cashNeverFinanced: toMoneyGql(t.cashNeverFinanced),
    dueBeforePayout: Object.entries(t.dueBeforePayout).map(([productId, m]) => ({ productId, amount: toMoneyGql(m) })),
    unknownLineIds: [...t.unknownLineIds],
  };
}
