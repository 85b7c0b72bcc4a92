/**
 * Calculations that need no stored data: they call the domain library and return its results as they
 * are (the same answers as the SDK's offline calculators).
 */
import {
  affordability,
  compare,
  compareWithInformalLender,
  evaluateEligibility,
  exchangeRate,
  isDomainError,
  JobOpening,
  kurPenempatanProduct,
  loanTimeline,
  money,
  parameterSnapshot,
  scheduleLoan,
  upfrontCashTimeline,
  type EligibilityOpening,
  type FinancingProduct,
  type IsoDate,
  type Occupation,
  type RepaymentSchedule,
  type Route,
  type ScheduledLoan,
} from '../../domain';
import { unwrapOrThrow } from '../domain-result';
import {
  CostEstimateGql,
  CostEstimateInput,
  FinancingSimulationGql,
  FinancingSimulationInput,
  toAffordabilityGql,
  toCostEstimateGql,
  toLoanTimelineGql,
  toScheduleGql,
  toUpfrontCashGql,
  UpfrontCashInput,
  UpfrontCashTimelineGql,
} from '../types/costs.type';
import { toMoneyGql } from '../types/money.type';
import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { PUBLIC_RULE } from '../../security/rules';
import { canSeeOpening } from '../access';
import { loadOpeningRows, openingSnapshotOf } from '../../persistence/opening.mapper';
import { fromDomainError, GatewayError, notFound } from '../errors';
import { checkId } from '../ids';
import type { GatewayContext } from '../context';
import { OccupationEnum, RouteEnum } from '../enums';
import { DateScalar, isoDateOf } from '../scalars';
import { EligibilityEvaluation, toEligibilityGql } from '../types/eligibility.type';
import { CandidateProfileInput, profileOf } from '../types/profile.type';
import { estimateCostsFor, koreanCourseFor } from '../mappers/cost-estimate.mapper';

@ArgsType()
export class EligibilityCheckArgs {
  @Field(() => CandidateProfileInput, { description: 'The profile to check (nothing is stored).' })
  @ValidateNested()
  profile!: CandidateProfileInput;

  @Field(() => RouteEnum, { description: 'The route to check against.' })
  route!: Route;

  @Field(() => DateScalar, { description: 'The date the rules and parameters apply to.' })
  asOf!: Date;

  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation applied for (checks the route’s sectors and the skill verification).' })
  @IsOptional()
  occupation?: Occupation;

  @Field(() => ID, { nullable: true, description: 'A stored job opening: its occupation, extra requirements and planned departure apply.' })
  @IsOptional()
  openingId?: string;
}

@Resolver()
export class CalculationsResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => EligibilityEvaluation, {
    description:
      'Check a profile against a route’s rule set as of a date: per-rule outcomes with legal sources, a verdict that separates eligible-to-be-selected from ready-to-depart, and a checklist of next actions.',
  })
  async eligibilityCheck(@Args() args: EligibilityCheckArgs, @Ctx() ctx: GatewayContext): Promise<EligibilityEvaluation> {
    let opening: EligibilityOpening | undefined = args.occupation ? { occupation: args.occupation } : undefined;
    if (args.openingId) {
      const rows = await loadOpeningRows(ctx.em, checkId(args.openingId, ['openingId']));
      if (!rows || !canSeeOpening(ctx.principal, rows.opening.status)) throw notFound('Job opening', ['openingId']);
      const stored = JobOpening.fromSnapshot(openingSnapshotOf(rows));
      if (stored.route !== args.route || (args.occupation && args.occupation !== stored.occupation)) {
        throw new GatewayError(
          'BAD_USER_INPUT',
          { id: 'Rute atau jabatan tidak sesuai dengan lowongan.', en: 'The route or occupation does not match the opening.' },
          { field: ['openingId'] },
        );
      }
      opening = stored.toEligibilityOpening();
    }
    const evaluation = evaluateEligibility({
      profile: profileOf(args.profile),
      route: args.route,
      asOf: isoDateOf(args.asOf),
      ...(opening ? { opening } : {}),
    });
    return toEligibilityGql(evaluation);
  }
}

// ---------------------------------------------------------------- costs and financing

@ArgsType()
export class CostEstimateArgs {
  @Field(() => CostEstimateInput, { description: 'The placement to estimate.' })
  @ValidateNested()
  input!: CostEstimateInput;
}

@ArgsType()
export class FinancingSimulationArgs {
  @Field(() => FinancingSimulationInput, { description: 'The loan and wage.' })
  @ValidateNested()
  input!: FinancingSimulationInput;
}

@ArgsType()
export class UpfrontCashArgs {
  @Field(() => UpfrontCashInput, { description: 'The placement, the due dates and the financing sources.' })
  @ValidateNested()
  input!: UpfrontCashInput;
}

/** Run a domain call, giving a thrown domain error its field path under `prefix`. */
function inputPath<T>(prefix: readonly string[], run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (isDomainError(e)) throw fromDomainError(e.toJSON(), prefix);
    throw e;
  }
}

/** The KUR product as of the date (its ceiling is checked), or null when the date has no KUR terms. */
function kurProductOrNull(asOf: IsoDate): FinancingProduct | null {
  try {
    return kurPenempatanProduct(parameterSnapshot(asOf));
  } catch (e) {
    if (isDomainError(e) && e.code === 'PARAMETER.BEFORE_COVERAGE') return null;
    throw e;
  }
}

@Resolver()
export class CostsResolver {
  @Authorized(...PUBLIC_RULE)
  @Query(() => CostEstimateGql, {
    description:
      'Cost estimate of a placement: lines from dated parameters and inputs, a payer for every line by named policies (Perban BP2MI 9/2020 applied), totals per payer, and the cash the worker must find up front.',
  })
  async costEstimate(@Args() { input }: CostEstimateArgs, @Ctx() ctx: GatewayContext): Promise<CostEstimateGql> {
    const course = input.koreanCourseId ? await koreanCourseFor(ctx, input.koreanCourseId, ['input', 'koreanCourseId']) : undefined;
    return toCostEstimateGql(estimateCostsFor(input, course));
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => UpfrontCashTimelineGql, {
    description:
      'Up-front cash over time: when each of the worker’s pre-departure costs falls due against when each financing source pays out (KUR needs an employment contract and pays out late), so the bridge cash to find before the loan arrives; a KUR amount above the product’s ceiling is refused (LOAN.ABOVE_CEILING).',
  })
  async upfrontCash(@Args() { input }: UpfrontCashArgs, @Ctx() ctx: GatewayContext): Promise<UpfrontCashTimelineGql> {
    const e = input.estimate;
    const course = e.koreanCourseId ? await koreanCourseFor(ctx, e.koreanCourseId, ['input', 'estimate', 'koreanCourseId']) : undefined;
    // the sources are the financing here: the estimate's own financing list is not applied twice
    const estimate = inputPath(['input', 'estimate'], () => estimateCostsFor({ ...e, financing: [] }, course));
    const kur = inputPath(['input'], () => kurProductOrNull(isoDateOf(e.asOf)));
    const dueOn: Record<string, IsoDate> = {};
    for (const [i, d] of (input.dueOn ?? []).entries()) {
      if (Object.prototype.hasOwnProperty.call(dueOn, d.lineId)) {
        throw new GatewayError('BAD_USER_INPUT', { id: 'Baris biaya disebut dua kali.', en: 'A cost line is listed twice.' }, { field: ['input', 'dueOn', String(i), 'lineId'] });
      }
      dueOn[d.lineId] = isoDateOf(d.dueOn);
    }
    const sources = (input.sources ?? []).map((src) => ({
      productId: src.productId,
      kind: src.grant ? ('GRANT' as const) : ('LOAN' as const),
      amount: money(src.amountIdr, 'IDR'),
      paysOutOn: isoDateOf(src.paysOutOn),
      ...(kur && src.productId === kur.id && !src.grant ? { product: kur } : {}),
    }));
    const timeline = unwrapOrThrow(
      inputPath(['input'], () => upfrontCashTimeline({ estimate, dueOn, defaultDueOn: isoDateOf(input.defaultDueOn), sources })),
      ['input'],
    );
    return toUpfrontCashGql(estimate, timeline);
  }

  @Authorized(...PUBLIC_RULE)
  @Query(() => FinancingSimulationGql, {
    description:
      'KUR Penempatan PMI simulation: the product’s terms as of a date, a schedule in whole rupiah (annuity, with a flat comparison), affordability against a KRW wage under FX shocks, and the saving against an informal lender.',
  })
  financingSimulation(@Args() { input }: FinancingSimulationArgs): FinancingSimulationGql {
    const asOf = isoDateOf(input.asOf);
    const params = parameterSnapshot(asOf);
    const product = kurPenempatanProduct(params);
    const request = {
      amount: money(input.amountIdr, 'IDR'),
      tenorMonths: input.tenorMonths,
      ...(input.contractMonths ? { contractMonths: input.contractMonths } : {}),
      ...(input.graceMonths !== undefined && input.graceMonths !== null ? { graceMonths: input.graceMonths } : {}),
      ...(input.graceInterest ? { graceInterest: input.graceInterest } : {}),
      ...(input.hasNpwp !== undefined && input.hasNpwp !== null ? { hasNpwp: input.hasNpwp } : {}),
    };
    const scheduled = unwrapOrThrow(scheduleLoan(product, request), ['input']);
    const flat = unwrapOrThrow(scheduleLoan(product, request, { method: 'FLAT' }), ['input']);
    const schedule = scheduled.schedule as RepaymentSchedule;
    const flatSchedule = flat.schedule as RepaymentSchedule;
    const wage = input.monthlyWageKrw ? money(input.monthlyWageKrw, 'KRW') : money(params.get('korea.minimumWageMonthlyKrw'), 'KRW');
    const rate = simulationRate(input, params, asOf);
    const largest = compare(schedule.lastInstalment, schedule.regularInstalment) > 0 ? schedule.lastInstalment : schedule.regularInstalment;
    const afford = affordability({
      instalment: largest,
      monthlyWage: wage,
      exchangeRate: rate,
      livingCostShare: input.livingCostShare,
      maxDebtServiceRatio: input.maxDebtServiceRatio,
      ...(input.fxShocks ? { fxShocks: input.fxShocks } : {}),
    });
    const informal = informalComparison(input, scheduled.terms);
    const timeline = simulationTimeline(input, schedule);
    return {
      timeline: timeline ? toLoanTimelineGql(timeline) : null,
      productId: scheduled.terms.productId,
      amount: toMoneyGql(scheduled.terms.amount),
      npwpRequired: scheduled.terms.npwpRequired,
      npwpRuleRecorded: scheduled.terms.npwpRuleRecorded,
      loanWarnings: scheduled.terms.warnings.map((w) => ({ code: w.code, message: { id: w.message.id, en: w.message.en } })),
      schedule: toScheduleGql(schedule),
      flatComparison: toScheduleGql(flatSchedule),
      monthlyWage: toMoneyGql(wage),
      exchangeRate: { base: rate.base, quote: rate.quote, rate: rate.rate, asOf: rate.asOf, source: rate.source, isDefault: rate.isDefault },
      affordability: toAffordabilityGql(afford),
      affordableInAllScenarios: afford.affordableInAllScenarios,
      informal: informal
        ? {
            informalInterest: toMoneyGql(informal.informal.totals.interest),
            interestSaved: toMoneyGql(informal.interestSaved),
            totalSaved: toMoneyGql(informal.totalSaved),
            formalIsCheaper: informal.formalIsCheaper,
          }
        : null,
    };
  }
}

type FinancingSimulationInputGql = FinancingSimulationArgs['input'];

/** The KRW→IDR rate: the given one, else the parameter (read only then, so a date before its coverage works with a given rate). */
function simulationRate(input: FinancingSimulationInputGql, params: ReturnType<typeof parameterSnapshot>, asOf: string) {
  const fx = input.idrPerKrw ? null : params.describe('fx.idrPerKrw');
  return exchangeRate({
    base: 'KRW',
    quote: 'IDR',
    rate: fx === null ? input.idrPerKrw! : fx.value,
    asOf,
    source: fx === null ? 'input' : `parameter fx.idrPerKrw (${fx.effectiveFrom})`,
    isDefault: fx === null ? false : fx.isDefault,
  });
}

/** The saving against an informal lender, when its rate is given. */
function informalComparison(input: FinancingSimulationInputGql, terms: ScheduledLoan['terms']) {
  return input.informalAnnualRate
    ? compareWithInformalLender({
        principal: terms.amount,
        tenorMonths: terms.tenorMonths,
        formalAnnualRate: terms.annualRate,
        formalGraceMonths: terms.graceMonths,
        formalGraceInterest: terms.graceInterest,
        informalAnnualRate: input.informalAnnualRate,
      })
    : null;
}

/** The loan timeline, when the disbursement, departure and first-wage dates are all given (some of them: refused). */
function simulationTimeline(input: FinancingSimulationInputGql, schedule: RepaymentSchedule) {
  const dates = [input.disbursedOn, input.departureOn, input.firstWageOn];
  const given = dates.filter((d) => d !== undefined && d !== null).length;
  if (given !== 0 && given !== 3) {
    const field = ['disbursedOn', 'departureOn', 'firstWageOn'][dates.findIndex((d) => d === undefined || d === null)]!;
    throw new GatewayError(
      'BAD_USER_INPUT',
      { id: 'Untuk linimasa pinjaman, sebutkan tanggal pencairan, berangkat dan upah pertama.', en: 'For the loan timeline, give the disbursement, departure and first-wage dates.' },
      { field: ['input', field] },
    );
  }
  if (given !== 3) return null;
  return inputPath(['input'], () =>
    loanTimeline({ schedule, disbursedOn: isoDateOf(input.disbursedOn!), departureOn: isoDateOf(input.departureOn!), firstWageOn: isoDateOf(input.firstWageOn!) }),
  );
}
