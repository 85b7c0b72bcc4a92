/** GraphQL input → the domain's `compareOpportunities` input (one home for the resolver). */
import {
  APJATI_FACILITY_COVERS_TRAINING,
  CITY_PAYS_KOREAN_COURSE,
  compareOpportunities,
  EMPLOYER_PAYS_PLACEMENT_FEE,
  money,
  parameterSnapshot,
  type CostInputs,
  type CostPolicy,
  type LivingCostInput,
  type OpportunityComparison,
  type OpportunityInput,
} from '../../domain';
import type { CostOverlay } from '../types/costs.type';
import type { OpportunityComparisonInput, OpportunityOptionInput } from '../types/opportunities.type';
import { isoDateOf } from '../scalars';

const OVERLAYS: Record<CostOverlay, CostPolicy> = {
  CITY_PAYS_KOREAN_COURSE,
  APJATI_FACILITY_COVERS_TRAINING,
  EMPLOYER_PAYS_PLACEMENT_FEE,
};

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;
const idr = (v: string | null | undefined) => (given(v) ? money(v, 'IDR') : undefined);

/** Exactly one living cost is expected; none or several reach the domain as neither, which refuses them (`OPPORTUNITIES.INVALID_LIVING_COST`). */
function livingOf(o: OpportunityOptionInput): LivingCostInput {
  const given3 = [o.livingCostShare, o.livingCostMonthlyIdr, o.livingCostMonthlyKrw].filter(given);
  if (given3.length !== 1) return {} as LivingCostInput;
  if (given(o.livingCostShare)) return { share: o.livingCostShare };
  return { monthly: given(o.livingCostMonthlyIdr) ? money(o.livingCostMonthlyIdr, 'IDR') : money(o.livingCostMonthlyKrw as string, 'KRW') };
}

function optionOf(o: OpportunityOptionInput, asOf: string): OpportunityInput {
  const common = {
    monthsUntilFirstWage: o.monthsUntilFirstWage,
    livingCost: livingOf(o),
    ...(o.upfrontCosts?.length
      ? {
          upfrontCosts: o.upfrontCosts.map((c) => ({
            id: c.code,
            label: { id: c.labelIdn, en: c.labelEn },
            amount: money(c.amountIdr, 'IDR'),
            ...(given(c.payer) ? { payer: c.payer } : {}),
            statedBy: c.statedBy,
          })),
        }
      : {}),
  };
  switch (o.kind) {
    case 'LOCAL':
    case 'JABODETABEK':
      return {
        ...common,
        kind: o.kind,
        place: o.place as never,
        ...(given(o.monthlyWageIdr) ? { monthlyWage: money(o.monthlyWageIdr, 'IDR') } : {}),
        ...(given(o.contractMonths) ? { contractMonths: o.contractMonths } : {}),
      };
    case 'TRANSMIGRATION':
      return {
        ...common,
        kind: 'TRANSMIGRATION',
        monthlyIncome: idr(o.monthlyIncomeIdr) as never,
        incomeStatedBy: o.incomeStatedBy as never,
        ...(given(o.destination) ? { destination: o.destination } : {}),
        ...(given(o.support)
          ? {
              support: {
                livingAllowanceMonthly: money(o.support.livingAllowanceMonthlyIdr, 'IDR'),
                livingAllowanceMonths: o.support.livingAllowanceMonths,
                ...(given(o.support.landHectares) ? { landHectares: o.support.landHectares } : {}),
                statedBy: o.support.statedBy,
              },
            }
          : {}),
      };
    default: {
      const inputs: CostInputs = Object.fromEntries(
        Object.entries({
          skillsTestFee: idr(o.costInputs?.skillsTestFeeIdr),
          p3miServiceFee: idr(o.costInputs?.p3miServiceFeeIdr),
          koreanTestFee: idr(o.costInputs?.koreanTestFeeIdr),
        }).filter(([, v]) => v !== undefined),
      );
      return {
        ...common,
        kind: 'OVERSEAS',
        route: o.route as never,
        occupation: o.occupation as never,
        contractMonths: o.contractMonths as never,
        ...(given(o.monthlyWageKrw) ? { monthlyWage: money(o.monthlyWageKrw, 'KRW') } : {}),
        // checked by the domain (FX.INVALID_RATE under options.<i>.exchangeRate)
        ...(given(o.idrPerKrw) ? { exchangeRate: { base: 'KRW' as const, quote: 'IDR' as const, rate: o.idrPerKrw, asOf, source: 'input', isDefault: false } } : {}),
        costInputs: inputs,
        costPolicies: (o.overlays ?? []).map((x) => OVERLAYS[x]),
        ...(given(o.passport) ? { passport: o.passport } : {}),
        ...(given(o.includeKoreanCourse) ? { includeKoreanCourse: o.includeKoreanCourse } : {}),
        ...(given(o.loan)
          ? {
              loan: {
                tenorMonths: o.loan.tenorMonths,
                ...(given(o.loan.amountIdr) ? { amount: money(o.loan.amountIdr, 'IDR') } : {}),
                ...(given(o.loan.graceMonths) ? { graceMonths: o.loan.graceMonths } : {}),
                ...(given(o.loan.graceInterest) ? { graceInterest: o.loan.graceInterest } : {}),
                ...(given(o.loan.hasNpwp) ? { hasNpwp: o.loan.hasNpwp } : {}),
              },
            }
          : {}),
      };
    }
  }
}

/** The domain's comparison for a GraphQL input (parameters as of `asOf`). */
export function compareOpportunitiesFor(input: OpportunityComparisonInput): OpportunityComparison {
  const asOf = isoDateOf(input.asOf);
  return compareOpportunities(
    {
      horizonMonths: input.horizonMonths,
      options: input.options.map((o) => optionOf(o, asOf)),
      ...(given(input.homeLivingCostMonthlyIdr) ? { homeLivingCostMonthly: money(input.homeLivingCostMonthlyIdr, 'IDR') } : {}),
      ...(given(input.sellsBelongingsLineIdr) ? { sellsBelongingsLine: money(input.sellsBelongingsLineIdr, 'IDR') } : {}),
      ...(given(input.maxDebtServiceRatio) ? { maxDebtServiceRatio: input.maxDebtServiceRatio } : {}),
      ...(given(input.fxShocks) ? { fxShocks: input.fxShocks } : {}),
    },
    parameterSnapshot(asOf),
  );
}

/** Domain input names → this schema's field names (the amounts carry their currency in the name here). */
const TOP_FIELDS: Record<string, string> = { homeLivingCostMonthly: 'homeLivingCostMonthlyIdr', sellsBelongingsLine: 'sellsBelongingsLineIdr' };
const OPTION_FIELDS: Record<string, string> = { monthlyIncome: 'monthlyIncomeIdr', exchangeRate: 'idrPerKrw', costPolicies: 'overlays', costInputs: 'costInputs' };
const NESTED_FIELDS: Record<string, Record<string, string>> = {
  costInputs: { skillsTestFee: 'skillsTestFeeIdr', p3miServiceFee: 'p3miServiceFeeIdr', koreanTestFee: 'koreanTestFeeIdr' },
  support: { livingAllowanceMonthly: 'livingAllowanceMonthlyIdr' },
  loan: { amount: 'amountIdr' },
};

/**
 * The GraphQL field path of a domain error's path: `options.0.monthlyWage` is `monthlyWageIdr` or
 * `monthlyWageKrw` by the option's kind, `livingCost.share` is `livingCostShare`, and so on. Deeper
 * parts the schema has no field for (e.g. an exchange rate's `rate`) are dropped: the path stops at
 * the field the caller sent.
 */
export function opportunityFieldPath(path: readonly string[], input: OpportunityComparisonInput): string[] {
  const [head, index, field, ...rest] = path;
  if (head !== 'options' || index === undefined) return head === undefined ? [] : [TOP_FIELDS[head] ?? head, ...(index !== undefined ? [index] : [])];
  const option = input.options[Number(index)];
  if (field === undefined || option === undefined) return ['options', index];
  if (field === 'monthlyWage') return ['options', index, option.kind === 'OVERSEAS' ? 'monthlyWageKrw' : 'monthlyWageIdr'];
  if (field === 'livingCost') {
    const which = given(option.livingCostShare) ? 'livingCostShare' : given(option.livingCostMonthlyKrw) ? 'livingCostMonthlyKrw' : 'livingCostMonthlyIdr';
    return ['options', index, rest.length === 0 ? 'livingCostShare' : which];
  }
  if (field === 'upfrontCosts') {
    const [i, f] = rest;
    return ['options', index, 'upfrontCosts', ...(i !== undefined ? [i] : []), ...(f === 'amount' ? ['amountIdr'] : f === 'label' ? ['labelIdn'] : f === 'id' ? ['code'] : f !== undefined ? [f] : [])];
  }
  if (field === 'place' || field === 'exchangeRate') return ['options', index, OPTION_FIELDS[field] ?? field];
  const nested = NESTED_FIELDS[field];
  if (nested) return ['options', index, field, ...(rest[0] !== undefined ? [nested[rest[0]] ?? rest[0]] : [])];
  return ['options', index, OPTION_FIELDS[field] ?? field, ...rest];
}
