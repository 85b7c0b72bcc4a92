/**
 * Comparing opportunities (issue 13): GraphQL inputs and outputs for the domain's
 * `compareOpportunities`. GraphQL has no input unions, so an option is one input type with the
 * fields of every kind; the domain refuses a field missing for the kind with its own code.
 */
import {
  COST_PASSPORT_KINDS,
  GRACE_INTEREST_KINDS,
  INCOME_SOURCE_KINDS,
  OPPORTUNITY_COST_TIMINGS,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_KIND_LABELS,
  OPPORTUNITY_MONTH_PHASES,
  PAYER_KINDS,
  UPFRONT_CASH_STATUSES,
  WAGE_PLACES,
  WAGE_PLACE_INFO,
  type DomainErrorData,
  type OpportunityComparison as DomainComparison,
  type OpportunityKind,
  type OpportunityParameterRef,
  type OpportunityResult as DomainResult,
  type Occupation,
  type PayerKind,
  type Route,
  type WagePlace,
} from '../../domain';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OccupationEnum, PayerKindEnum, RouteEnum } from '../enums';
import { DateScalar } from '../scalars';
import { BilingualText } from './label.type';
import { Money, toMoneyGql } from './money.type';
import {
  CostInputsInput,
  CostOverlayEnum,
  ExchangeRateGql,
  GraceInterestEnum,
  PassportKindEnum,
  RepaymentScheduleGql,
  AffordabilityScenarioGql,
  toAffordabilityGql,
  toScheduleGql,
  type CostOverlay,
} from './costs.type';

const AMOUNT = /^[0-9]{1,15}$/;
const amountMessage = { message: '$property must be a whole number (rupiah or won), as a decimal string' };
const DECIMAL = /^-?[0-9]{1,6}(\.[0-9]{1,12})?$/;
const decimalMessage = { message: '$property must be a decimal number such as "0.3"' };

export const OpportunityKindEnum = Object.fromEntries(OPPORTUNITY_KINDS.map((k) => [k, k])) as { [K in OpportunityKind]: K };
registerEnumType(OpportunityKindEnum, {
  name: 'OpportunityKind',
  description: 'The opportunities the city offers (DOMAIN.md §1).',
  valuesConfig: Object.fromEntries(OPPORTUNITY_KINDS.map((k) => [k, { description: `${OPPORTUNITY_KIND_LABELS[k].en} (${OPPORTUNITY_KIND_LABELS[k].id})` }])),
});

export const WagePlaceEnum = Object.fromEntries(WAGE_PLACES.map((k) => [k, k])) as { [K in WagePlace]: K };
registerEnumType(WagePlaceEnum, {
  name: 'WagePlace',
  description: 'A place of work at home whose minimum wage (UMK, or the UMP where there is no UMK) is a dated parameter.',
  valuesConfig: Object.fromEntries(
    WAGE_PLACES.map((p) => [p, { description: `${WAGE_PLACE_INFO[p].label.en}: ${WAGE_PLACE_INFO[p].kind}, floor ${WAGE_PLACE_INFO[p].floorKind} (parameter ${WAGE_PLACE_INFO[p].floorParameter})` }]),
  ),
});

// ---------------------------------------------------------------- inputs

@InputType({ description: 'A cost before the first wage that the caller knows of (a move, a room deposit, ...).' })
export class OpportunityCostInput {
  @Field(() => String, { description: 'camelCase code of the line, unique within the option (the result’s `lineId`).' })
  @Matches(/^[a-z][A-Za-z0-9]{1,63}$/, { message: 'code must be camelCase' })
  code!: string;

  @Field(() => String, { description: 'Label in Bahasa Indonesia.' })
  @MaxLength(200)
  labelIdn!: string;

  @Field(() => String, { description: 'Label in English.' })
  @MaxLength(200)
  labelEn!: string;

  @Field(() => String, { description: 'Amount, whole rupiah.' })
  @Matches(AMOUNT, amountMessage)
  amountIdr!: string;

  @Field(() => PayerKindEnum, { nullable: true, description: 'Who pays (default WORKER).' })
  @IsOptional() @IsIn([...PAYER_KINDS])
  payer?: PayerKind;

  @Field(() => String, { description: 'Who stated the amount (a quote, a receipt, a notice).' })
  @MaxLength(200)
  statedBy!: string;
}

@InputType({ description: 'A transmigration programme’s support, as the programme of the year states it (not found in the sources: an input).' })
export class TransmigrationSupportInput {
  @Field(() => String, { description: 'Living allowance (jaminan hidup) a month, whole rupiah.' })
  @Matches(AMOUNT, amountMessage)
  livingAllowanceMonthlyIdr!: string;

  @Field(() => Int, { description: 'Months of living allowance from arrival.' })
  @IsInt() @Min(0) @Max(480)
  livingAllowanceMonths!: number;

  @Field(() => String, { nullable: true, description: 'Land given, hectares (reported, not priced).' })
  @IsOptional() @Matches(/^\d{1,4}(\.\d{1,4})?$/, { message: 'landHectares must be a decimal number such as "2"' })
  landHectares?: string;

  @Field(() => String, { description: 'Who states the support (the programme’s notice).' })
  @MaxLength(200)
  statedBy!: string;
}

@InputType({ description: 'A KUR Penempatan PMI loan for the worker’s costs before the first wage (OVERSEAS).' })
export class OpportunityLoanInput {
  @Field(() => String, { nullable: true, description: 'Amount, whole rupiah (default: the worker’s known costs before the first wage).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  amountIdr?: string;

  @Field(() => Int, { description: 'Tenor in months, grace included (within the contract).' })
  @IsInt() @Min(1) @Max(480)
  tenorMonths!: number;

  @Field(() => Int, { nullable: true, description: 'Grace months (default: the product’s).' })
  @IsOptional() @IsInt() @Min(0) @Max(480)
  graceMonths?: number;

  @Field(() => GraceInterestEnum, { nullable: true, description: 'Grace interest treatment (default: the product’s).' })
  @IsOptional() @IsIn([...GRACE_INTEREST_KINDS])
  graceInterest?: (typeof GRACE_INTEREST_KINDS)[number];

  @Field(() => Boolean, { nullable: true, description: 'Whether the borrower has an NPWP.' })
  @IsOptional() @IsBoolean()
  hasNpwp?: boolean;
}

@InputType({
  description:
    'One option to compare. Every kind: kind, monthsUntilFirstWage and exactly one living cost (livingCostShare, livingCostMonthlyIdr or, abroad, livingCostMonthlyKrw). LOCAL/JABODETABEK: place (+ monthlyWageIdr, contractMonths). TRANSMIGRATION: monthlyIncomeIdr, incomeStatedBy (+ destination, support). OVERSEAS: route, occupation, contractMonths (+ monthlyWageKrw, idrPerKrw, costInputs, overlays, passport, includeKoreanCourse, loan).',
})
export class OpportunityOptionInput {
  @Field(() => OpportunityKindEnum, { description: 'Kind of opportunity.' })
  kind!: OpportunityKind;

  @Field(() => Int, { description: 'Months until the first wage (0 = paid in month 1). An input: no source gives it.' })
  @IsInt() @Min(0) @Max(480)
  monthsUntilFirstWage!: number;

  @Field(() => String, { nullable: true, description: 'Living costs as a share of the month’s income, 0–1.' })
  @IsOptional() @Matches(DECIMAL, decimalMessage)
  livingCostShare?: string;

  @Field(() => String, { nullable: true, description: 'Living costs a month, whole rupiah.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  livingCostMonthlyIdr?: string;

  @Field(() => String, { nullable: true, description: 'Living costs a month in Korea, whole won (OVERSEAS).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  livingCostMonthlyKrw?: string;

  @Field(() => [OpportunityCostInput], { nullable: true, description: 'Costs before the first wage the caller knows of.' })
  @IsOptional() @ArrayMaxSize(30) @ValidateNested({ each: true })
  upfrontCosts?: OpportunityCostInput[];

  @Field(() => WagePlaceEnum, { nullable: true, description: 'LOCAL/JABODETABEK: the place, which names the floor.' })
  @IsOptional() @IsIn([...WAGE_PLACES])
  place?: WagePlace;

  @Field(() => String, { nullable: true, description: 'LOCAL/JABODETABEK: the wage offered, whole rupiah a month (default: the floor; below it is refused).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  monthlyWageIdr?: string;

  @Field(() => Int, { nullable: true, description: 'Contract length in months (OVERSEAS: required, 1–120; at home: default to the end of the horizon).' })
  @IsOptional() @IsInt() @Min(1) @Max(480)
  contractMonths?: number;

  @Field(() => String, { nullable: true, description: 'TRANSMIGRATION: where to.' })
  @IsOptional() @MaxLength(200)
  destination?: string;

  @Field(() => String, { nullable: true, description: 'TRANSMIGRATION: expected income of the person’s own farm or work a month, whole rupiah.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  monthlyIncomeIdr?: string;

  @Field(() => String, { nullable: true, description: 'TRANSMIGRATION: who stated that income.' })
  @IsOptional() @MaxLength(200)
  incomeStatedBy?: string;

  @Field(() => TransmigrationSupportInput, { nullable: true, description: 'TRANSMIGRATION: the programme’s support.' })
  @IsOptional() @ValidateNested()
  support?: TransmigrationSupportInput;

  @Field(() => RouteEnum, { nullable: true, description: 'OVERSEAS: the Korea route.' })
  @IsOptional()
  route?: Route;

  @Field(() => OccupationEnum, { nullable: true, description: 'OVERSEAS: the occupation.' })
  @IsOptional()
  occupation?: Occupation;

  @Field(() => String, { nullable: true, description: 'OVERSEAS: the wage offered, whole won a month (default: the Korean monthly minimum wage; below it is refused).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  monthlyWageKrw?: string;

  @Field(() => String, { nullable: true, description: 'OVERSEAS: IDR per KRW (default: the dated working default fx.idrPerKrw).' })
  @IsOptional() @Matches(DECIMAL, decimalMessage)
  idrPerKrw?: string;

  @Field(() => CostInputsInput, { nullable: true, description: 'OVERSEAS: cost amounts with no official figure.' })
  @IsOptional() @ValidateNested()
  costInputs?: CostInputsInput;

  @Field(() => [CostOverlayEnum], { nullable: true, description: 'OVERSEAS: what-if cost policies, applied in order.' })
  @IsOptional() @ArrayMaxSize(10)
  overlays?: CostOverlay[];

  @Field(() => PassportKindEnum, { nullable: true, description: 'OVERSEAS: passport to price (default ELECTRONIC).' })
  @IsOptional() @IsIn([...COST_PASSPORT_KINDS])
  passport?: (typeof COST_PASSPORT_KINDS)[number];

  @Field(() => Boolean, { nullable: true, description: 'OVERSEAS: include the Korean course (default true).' })
  @IsOptional() @IsBoolean()
  includeKoreanCourse?: boolean;

  @Field(() => OpportunityLoanInput, { nullable: true, description: 'OVERSEAS: a KUR Penempatan PMI loan (none = cash).' })
  @IsOptional() @ValidateNested()
  loan?: OpportunityLoanInput;
}

@InputType({ description: 'One person’s options compared over a horizon from a date.' })
export class OpportunityComparisonInput {
  @Field(() => DateScalar, { description: 'Start of the horizon: the date the parameters apply to (month by month after it).' })
  asOf!: Date;

  @Field(() => Int, { description: 'Months compared (e.g. a 36-month contract + 12), 1–480.' })
  @IsInt() @Min(1) @Max(480)
  horizonMonths!: number;

  @Field(() => [OpportunityOptionInput], { description: 'The options, 1–10.' })
  @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true })
  options!: OpportunityOptionInput[];

  @Field(() => String, { nullable: true, description: 'Living costs at home a month (whole rupiah) in months without work at a place; absent = not counted.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  homeLivingCostMonthlyIdr?: string;

  @Field(() => String, { nullable: true, description: 'The city’s "nobody sells belongings" line for the cash found up front, whole rupiah (no figure in the sources: an input).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  sellsBelongingsLineIdr?: string;

  @Field(() => String, { nullable: true, description: 'Largest instalment ÷ wage accepted, 0–1: required when an option has a loan.' })
  @IsOptional() @Matches(DECIMAL, decimalMessage)
  maxDebtServiceRatio?: string;

  @Field(() => [String], { nullable: true, description: 'Relative FX moves for wages abroad (default ["-0.1", "0.1"]).' })
  @IsOptional() @ArrayMaxSize(20) @Matches(DECIMAL, { each: true, ...decimalMessage })
  fxShocks?: string[];
}

// ---------------------------------------------------------------- outputs

@ObjectType({ description: 'A dated parameter a figure comes from.' })
export class OpportunityParameterRefGql {
  @Field(() => String, { description: 'Parameter id (its sources: the `parameters` query).' }) parameterId!: string;
  @Field(() => DateScalar, { description: 'The date from which the value used applies.' }) effectiveFrom!: string;
  @Field(() => Boolean, { description: 'A working default, not an official figure.' }) isDefault!: boolean;
  @Field(() => String, { nullable: true, description: 'The what-if overlay that supplied the value.' }) overlaidBy!: string | null;
}

@ObjectType({ description: 'Where a month’s income comes from.' })
export class IncomeSourceGql {
  @Field(() => String, { description: `${INCOME_SOURCE_KINDS.join(', ')}.` }) kind!: string;
  @Field(() => OpportunityParameterRefGql, { nullable: true, description: 'The minimum-wage parameter, when the floor is paid.' }) parameter!: OpportunityParameterRefGql | null;
  @Field(() => String, { nullable: true, description: 'The input it comes from.' }) input!: string | null;
}

@ObjectType({ description: 'One month of an option.' })
export class OpportunityMonthGql {
  @Field(() => Int, { description: 'Month of the horizon, from 1.' }) month!: number;
  @Field(() => DateScalar, { description: 'The date its parameters are read on.' }) startsOn!: string;
  @Field(() => String, { description: `${OPPORTUNITY_MONTH_PHASES.join(', ')}.` }) phase!: string;
  @Field(() => Money, { nullable: true, description: 'The wage in its own currency (KRW abroad).' }) wage!: Money | null;
  @Field(() => Money, { description: 'Income in rupiah.' }) income!: Money;
  @Field(() => [IncomeSourceGql], { description: 'Where the income comes from.' }) incomeSources!: IncomeSourceGql[];
  @Field(() => Money, { description: 'Living costs.' }) livingCosts!: Money;
  @Field(() => Money, { description: 'The person’s own cash for costs.' }) costs!: Money;
  @Field(() => Money, { description: 'Loan payment.' }) debtPayment!: Money;
  @Field(() => Money, { description: 'income − livingCosts − costs − debtPayment.' }) net!: Money;
  @Field(() => Money, { description: 'Σ net so far.' }) cumulative!: Money;
}

@ObjectType({ description: 'Totals of an option under one FX scenario.' })
export class OpportunityScenarioGql {
  @Field(() => String, { description: 'BASE or FX_SHOCK.' }) scenario!: string;
  @Field(() => String, { description: 'Relative FX move ("0" for BASE).' }) fxChange!: string;
  @Field(() => ExchangeRateGql, { nullable: true, description: 'The KRW↔IDR rate used (null at home).' }) exchangeRate!: ExchangeRateGql | null;
  @Field(() => Money, { description: 'Income.' }) income!: Money;
  @Field(() => Money, { description: 'Living costs.' }) livingCosts!: Money;
  @Field(() => Money, { description: 'Own cash for costs.' }) costs!: Money;
  @Field(() => Money, { description: 'Loan payments in the horizon.' }) debtPayments!: Money;
  @Field(() => Money, { description: 'Loan balance still owed at the end.' }) debtOutstandingAtEnd!: Money;
  @Field(() => Money, { description: 'income − livingCosts − costs − debtPayments − debtOutstandingAtEnd.' }) netSaving!: Money;
}

@ObjectType({ description: 'A payer’s part of a cost line.' })
export class OpportunityPayerShareGql {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { nullable: true, description: 'Amount (null when unknown).' }) amount!: Money | null;
}

@ObjectType({ description: 'A cost of an option and who pays it.' })
export class OpportunityCostLineGql {
  @Field(() => String, { description: 'Line id.' }) lineId!: string;
  @Field(() => BilingualText, { description: 'Label.' }) label!: BilingualText;
  @Field(() => String, { description: `${OPPORTUNITY_COST_TIMINGS.join(' or ')}.` }) timing!: string;
  @Field(() => Money, { nullable: true, description: 'Amount in rupiah; null = UNKNOWN (an input is missing).' }) amount!: Money | null;
  @Field(() => [OpportunityPayerShareGql], { description: 'Parts per payer.' }) payers!: OpportunityPayerShareGql[];
  @Field(() => String, { description: 'Where it comes from.' }) source!: string;
}

@ObjectType({ description: 'A payer’s total.' })
export class OpportunityPayerTotalGql {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { description: 'Known amounts.' }) amount!: Money;
}

@ObjectType({ description: 'An option’s costs.' })
export class OpportunityCostsGql {
  @Field(() => [OpportunityCostLineGql], { description: 'Lines.' }) lines!: OpportunityCostLineGql[];
  @Field(() => [OpportunityPayerTotalGql], { description: 'Known totals per payer.' }) byPayer!: OpportunityPayerTotalGql[];
  @Field(() => Money, { description: 'The worker’s costs before the first wage.' }) workerBeforeFirstWage!: Money;
  @Field(() => Money, { description: 'The worker’s costs from the first wage (abroad).' }) workerAfterFirstWage!: Money;
  @Field(() => Money, { description: 'Loan used for the costs before the first wage.' }) loanApplied!: Money;
  @Field(() => Money, { description: 'Cash the person must find up front.' }) upfrontCash!: Money;
  @Field(() => Boolean, { description: 'false = some line has no amount (the net saving is an upper bound).' }) complete!: boolean;
}

@ObjectType({ description: 'The "nobody sells belongings" check on the cash found up front.' })
export class SellsBelongingsGql {
  @Field(() => Money, { nullable: true, description: 'The line given.' }) line!: Money | null;
  @Field(() => Money, { description: 'Cash up front.' }) upfrontCash!: Money;
  @Field(() => String, { description: `${UPFRONT_CASH_STATUSES.join(', ')}.` }) status!: string;
  @Field(() => Boolean, { description: 'true when the cash is above the line.' }) crossed!: boolean;
  @Field(() => Money, { nullable: true, description: 'cash − line when above.' }) excess!: Money | null;
}

@ObjectType({ description: 'A risk named in words, with a stable code.' })
export class OpportunityRiskGql {
  @Field(() => String, { description: 'Code, e.g. OPPORTUNITIES.DEBT_ABOVE_AFFORDABILITY.' }) code!: string;
  @Field(() => BilingualText, { description: 'The risk in words.' }) message!: BilingualText;
  @Field(() => String, { nullable: true, description: 'Details as JSON (limits, months), never personal data.' }) details!: string | null;
}

@ObjectType({ description: 'The KUR loan of an option.' })
export class OpportunityLoanGql {
  @Field(() => String, { description: 'Product id.' }) productId!: string;
  @Field(() => Money, { description: 'Amount lent.' }) amount!: Money;
  @Field(() => Boolean, { description: 'NPWP required.' }) npwpRequired!: boolean;
  @Field(() => Int, { description: 'Horizon month of the last instalment.' }) lastPaymentMonth!: number;
  @Field(() => RepaymentScheduleGql, { description: 'The schedule (month k = horizon month k).' }) schedule!: RepaymentScheduleGql;
}

@ObjectType({ description: 'One option, compared.' })
export class OpportunityResultGql {
  @Field(() => Int, { description: 'Position in the input.' }) index!: number;
  @Field(() => Int, { description: '1 = the largest net saving.' }) rank!: number;
  @Field(() => OpportunityKindEnum, { description: 'Kind.' }) kind!: OpportunityKind;
  @Field(() => BilingualText, { description: 'Label.' }) label!: BilingualText;
  @Field(() => WagePlaceEnum, { nullable: true, description: 'Place (at home).' }) place!: WagePlace | null;
  @Field(() => RouteEnum, { nullable: true, description: 'Route (abroad).' }) route!: Route | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation (abroad).' }) occupation!: Occupation | null;
  @Field(() => String, { nullable: true, description: 'Destination (transmigration).' }) destination!: string | null;
  @Field(() => Int, { description: 'Months until the first wage.' }) monthsUntilFirstWage!: number;
  @Field(() => Int, { nullable: true, description: 'First month with any income.' }) firstIncomeMonth!: number | null;
  @Field(() => Int, { nullable: true, description: 'Contract length.' }) contractMonths!: number | null;
  @Field(() => String, { nullable: true, description: 'Route status on the date (OPEN, SUSPENDED, CLOSED).' }) routeStatus!: string | null;
  @Field(() => Money, { description: 'Net saving at the end (BASE).' }) netSaving!: Money;
  @Field(() => Money, { description: 'The least net saving over the FX scenarios.' }) worstNetSaving!: Money;
  @Field(() => [OpportunityMonthGql], { description: 'Month by month (BASE).' }) months!: OpportunityMonthGql[];
  @Field(() => [OpportunityScenarioGql], { description: 'BASE, then each FX shock (abroad).' }) scenarios!: OpportunityScenarioGql[];
  @Field(() => OpportunityCostsGql, { description: 'Costs and who pays them.' }) costs!: OpportunityCostsGql;
  @Field(() => OpportunityLoanGql, { nullable: true, description: 'The loan, if any.' }) loan!: OpportunityLoanGql | null;
  @Field(() => [AffordabilityScenarioGql], { nullable: true, description: 'Affordability of the instalment (with a loan).' }) affordability!: AffordabilityScenarioGql[] | null;
  @Field(() => SellsBelongingsGql, { description: 'The "sells belongings" check.' }) sellsBelongings!: SellsBelongingsGql;
  @Field(() => [OpportunityRiskGql], { description: 'Risks named in words.' }) risks!: OpportunityRiskGql[];
  @Field(() => [OpportunityParameterRefGql], { description: 'Dated parameters the figures come from.' }) parameters!: OpportunityParameterRefGql[];
  @Field(() => [String], { description: 'Inputs the figures come from.' }) inputs!: string[];
}

@ObjectType({ description: 'Opportunities compared for one person (issue 13): ranked by net saving, each with its months, costs, risks and sources.' })
export class OpportunityComparisonGql {
  @Field(() => DateScalar, { description: 'Start of the horizon.' }) asOf!: string;
  @Field(() => Int, { description: 'Months compared.' }) horizonMonths!: number;
  @Field(() => [String], { description: 'FX moves applied abroad.' }) fxShocks!: string[];
  @Field(() => [OpportunityResultGql], { description: 'Options, largest net saving first.' }) ranking!: OpportunityResultGql[];
  @Field(() => [BilingualText], { description: 'How the figures are built.' }) assumptions!: BilingualText[];
}

// ---------------------------------------------------------------- mapping

const ref = (r: OpportunityParameterRef): OpportunityParameterRefGql => ({ parameterId: r.id, effectiveFrom: r.effectiveFrom, isDefault: r.isDefault, overlaidBy: r.overlaidBy ?? null });
const m = toMoneyGql;
const risk = (r: DomainErrorData): OpportunityRiskGql => ({ code: r.code, message: { id: r.message.id, en: r.message.en }, details: r.details ? JSON.stringify(r.details) : null });

function toResultGql(r: DomainResult): OpportunityResultGql {
  return {
    index: r.index,
    rank: r.rank,
    kind: r.kind,
    label: { id: r.label.id, en: r.label.en },
    place: r.place,
    route: r.route,
    occupation: r.occupation,
    destination: r.destination,
    monthsUntilFirstWage: r.monthsUntilFirstWage,
    firstIncomeMonth: r.firstIncomeMonth,
    contractMonths: r.contractMonths,
    routeStatus: r.routeStatus?.status ?? null,
    netSaving: m(r.netSaving),
    worstNetSaving: m(r.worstNetSaving),
    months: r.months.map((x) => ({
      month: x.month,
      startsOn: x.startsOn,
      phase: x.phase,
      wage: x.wage ? m(x.wage) : null,
      income: m(x.income),
      incomeSources: x.incomeSources.map((s) => ({ kind: s.kind, parameter: s.parameter ? ref(s.parameter) : null, input: s.input })),
      livingCosts: m(x.livingCosts),
      costs: m(x.costs),
      debtPayment: m(x.debtPayment),
      net: m(x.net),
      cumulative: m(x.cumulative),
    })),
    scenarios: r.scenarios.map((s) => ({
      scenario: s.scenario,
      fxChange: s.fxChange,
      exchangeRate: s.exchangeRate
        ? { base: s.exchangeRate.base, quote: s.exchangeRate.quote, rate: s.exchangeRate.rate, asOf: s.exchangeRate.asOf, source: s.exchangeRate.source, isDefault: s.exchangeRate.isDefault }
        : null,
      income: m(s.totals.income),
      livingCosts: m(s.totals.livingCosts),
      costs: m(s.totals.costs),
      debtPayments: m(s.totals.debtPayments),
      debtOutstandingAtEnd: m(s.totals.debtOutstandingAtEnd),
      netSaving: m(s.totals.netSaving),
    })),
    costs: {
      lines: r.costs.lines.map((l) => ({
        lineId: l.id,
        label: { id: l.label.id, en: l.label.en },
        timing: l.timing,
        amount: l.amount ? m(l.amount) : null,
        payers: l.payers.map((p) => ({ payer: p.payer, amount: p.amount ? m(p.amount) : null })),
        source: l.source,
      })),
      byPayer: PAYER_KINDS.map((p) => ({ payer: p, amount: m(r.costs.byPayer[p]) })),
      workerBeforeFirstWage: m(r.costs.workerBeforeFirstWage),
      workerAfterFirstWage: m(r.costs.workerAfterFirstWage),
      loanApplied: m(r.costs.loanApplied),
      upfrontCash: m(r.costs.upfrontCash),
      complete: r.costs.complete,
    },
    loan: r.loan
      ? { productId: r.loan.terms.productId, amount: m(r.loan.terms.amount), npwpRequired: r.loan.terms.npwpRequired, lastPaymentMonth: r.loan.lastPaymentMonth, schedule: toScheduleGql(r.loan.schedule) }
      : null,
    affordability: r.affordability ? toAffordabilityGql(r.affordability) : null,
    sellsBelongings: {
      line: r.sellsBelongings.line ? m(r.sellsBelongings.line) : null,
      upfrontCash: m(r.sellsBelongings.upfrontCash),
      status: r.sellsBelongings.status,
      crossed: r.sellsBelongings.crossed,
      excess: r.sellsBelongings.excess ? m(r.sellsBelongings.excess) : null,
    },
    risks: r.risks.map(risk),
    parameters: r.parameters.map(ref),
    inputs: [...r.inputs],
  };
}

export function toOpportunityComparisonGql(c: DomainComparison): OpportunityComparisonGql {
  return {
    asOf: c.asOf,
    horizonMonths: c.horizonMonths,
    fxShocks: [...c.fxShocks],
    ranking: c.ranking.map(toResultGql),
    assumptions: c.assumptions.map((a) => ({ id: a.id, en: a.en })),
  };
}
