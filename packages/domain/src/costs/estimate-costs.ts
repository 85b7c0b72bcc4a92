/**
 * Cost estimate of a placement: cost lines from dated parameters and inputs for the route,
 * occupation and contract length; a payer for every line decided by named cost policies (the
 * base policy, the Perban BP2MI 9/2020 exemption for its 10 jobs, then the caller's overlays);
 * totals per payer; the worker's total; financing applied (grants first, then loans, never more
 * than the worker's pre-departure costs); the cash the worker must still find up front; and a flag
 * when that is above the city's threshold (an input: DOMAIN.md gives no figure).
 *
 * Which lines apply to which route, and where each amount comes from, is data: the dated line
 * sets of cost-line-sets.ts (with the table of lines per route).
 *
 * The passport defaults to the electronic one (the dearer, so the conservative choice).
 * Amounts in USD or KRW are converted at the given rates or at the parameter defaults (flagged
 * `isDefault`), rounded HALF_UP to the rupiah.
 */
import type { DomainErrorData, Messages } from '../shared/domain-error';
import { invalidText, textErrorData, textRef, type Text } from '../shared/text';
import { rendered } from '../messages/render';
import type { IsoDate } from '../shared/local-date';
import { OCCUPATIONS, PAYER_KINDS, ROUTES, isOneOf, type Occupation, type PayerKind, type Route } from '../shared/vocabulary';
import { convert, exchangeRate as assertExchangeRate, type ExchangeRate } from '../money/exchange-rate';
import { assertMoney, money, moneyFromBigInt, type Money } from '../money/money';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { ParameterId, RouteStatus } from '../parameters/parameter-values';
import type { FinancingKind } from '../financing/financing-product';
import { BASE_COST_POLICY } from './base-cost-policy';
import { assertCostContractMonths, leanBpjsDuringWorkContribution } from './bpjs-contribution';
import {
  COST_CATEGORIES,
  COST_LINE_IDS,
  COST_TIMINGS,
  type CostCategory,
  type CostLine,
  type CostLineSource,
  type CostParameterRef,
  type CostTiming,
  type PayerShare,
} from './cost-line';
import { applyCostPolicy, leanDefineCostPolicy, type CostPolicy, type CostPolicyKind } from './cost-policy';
import { zeroCostPolicy } from './zero-cost-policy';
import { COST_INPUT_KEYS, costLineSetAsOf, type CostLineDefinition } from './cost-line-sets';
import { assertOccupationInRouteSectors } from '../eligibility/rule-sets';

export const COST_PASSPORT_KINDS = ['ELECTRONIC', 'REGULAR'] as const;
export type CostPassportKind = (typeof COST_PASSPORT_KINDS)[number];

/** Values DOMAIN.md does not give: required inputs for the routes that need them. */
export interface CostInputs {
  /** Skill verification test (KOSHIPA for shipbuilding, BNSP/LSP): required for E7_3 and E7_3_PILOT. */
  readonly skillsTestFee?: Money;
  /** P3MI service fee (no official cap for E-7 was found): required for E7_3 and E7_3_PILOT. */
  readonly p3miServiceFee?: Money;
  /** The pilot's Korean test (TOPIK-1 level plus speaking): required for E7_3_PILOT. */
  readonly koreanTestFee?: Money;
  /** Employment contract legalisation (no amount in any source): required, UNKNOWN until given. */
  readonly contractLegalisation?: Money;
  /** Local transport to tests, training and departure (no amount in any source): required, UNKNOWN until given. */
  readonly localTransport?: Money;
  /** Accommodation during the pre-departure process (no amount in any source): required, UNKNOWN until given. */
  readonly accommodation?: Money;
  /** The return ticket at the end of the contract (paid in Korea; no amount in any source): required, UNKNOWN until given. */
  readonly returnTicket?: Money;
}

/**
 * The Korean course a candidate actually takes (training/course-cost-line.ts gives it from a
 * Course): its fee replaces the market parameter `fee.koreanCourseIdr` on the line `koreanCourse`,
 * so the overlay `CITY_PAYS_KOREAN_COURSE` (which matches that line) applies to it. The course's
 * fee is the provider's whole fee: the market registration line (`fee.koreanCourseRegistrationIdr`)
 * is left out unless `registration` is given.
 */
export interface KoreanCourseFee {
  readonly amount: Money;
  /** The course (and provider) the fee comes from, e.g. "course <id> (provider <id>)". */
  readonly statedBy: string;
  readonly label?: Messages;
  /** The provider's separate registration fee, when it charges one. */
  readonly registration?: Money;
}

/** A cost the caller knows of (local transport, accommodation, contract legalisation, …). */
export interface AdditionalCostLine {
  /** camelCase, not one of the standard line ids. */
  readonly id: string;
  readonly category: CostCategory;
  readonly label: Messages;
  readonly amount: Money;
  /** Default BEFORE_DEPARTURE. */
  readonly timing?: CostTiming;
  /** Who stated the amount (a quote, a receipt, an MoU clause). */
  readonly statedBy: string;
}

/** Financing the worker uses for pre-departure costs (e.g. the `LoanTerms` of an accepted KUR request). */
export interface FinancingUse {
  readonly productId: string;
  readonly kind: FinancingKind;
  /** In IDR. */
  readonly amount: Money;
  readonly label?: Messages;
}

export interface CostEstimateInput {
  readonly route: Route;
  readonly occupation: Occupation;
  /** Employment contract length, 1–120 months. */
  readonly contractMonths: number;
  /** Default ELECTRONIC. */
  readonly passport?: CostPassportKind;
  /** Default true. */
  readonly includeKoreanCourse?: boolean;
  /** The actual Korean course (replaces the market fee); ignored with includeKoreanCourse: false. */
  readonly koreanCourse?: KoreanCourseFee;
  /** Rates for the USD and KRW lines and inputs; default: the parameters fx.idrPerUsd / fx.idrPerKrw (working defaults). */
  readonly exchangeRates?: { readonly usdIdr?: ExchangeRate; readonly krwIdr?: ExchangeRate };
  readonly inputs?: CostInputs;
  readonly additionalLines?: readonly AdditionalCostLine[];
  readonly financing?: readonly FinancingUse[];
  /** The city's "nobody sells belongings" line for up-front cash, in IDR (input; null/absent = no check). */
  readonly upfrontCashThreshold?: Money | null;
}

export interface AppliedPolicy {
  readonly id: string;
  readonly kind: CostPolicyKind;
  readonly name: Messages;
  readonly legalBasis: string | null;
  readonly statedBy?: string;
}

export interface AppliedFinancing {
  readonly productId: string;
  readonly kind: FinancingKind;
  readonly label: Messages | null;
  readonly requested: Money;
  /** The part used for the worker's pre-departure costs. */
  readonly applied: Money;
  /** requested − applied (not needed for known costs). */
  readonly unused: Money;
}

export const UPFRONT_CASH_STATUSES = ['NO_THRESHOLD', 'WITHIN_THRESHOLD', 'ABOVE_THRESHOLD', 'UNKNOWN'] as const;
/** UNKNOWN: the known cash is within the threshold but a worker-paid line has no amount yet. */
export type UpfrontCashStatus = (typeof UPFRONT_CASH_STATUSES)[number];

export interface UpfrontCashCheck {
  readonly threshold: Money | null;
  readonly status: UpfrontCashStatus;
  /** upfrontCash − threshold when above, else null. */
  readonly excess: Money | null;
}

/** Every total covers the KNOWN lines only: `unknownLineIds` names the lines it leaves out. */
export interface CostTotals {
  /** Known amounts in IDR per payer (every payer kind present, 0 when none). */
  readonly byPayer: Readonly<Record<PayerKind, Money>>;
  /** Σ known lines in IDR = Σ byPayer. */
  readonly total: Money;
  readonly beforeDeparture: Money;
  readonly inKorea: Money;
  /** The UNKNOWN lines, whose amounts no total includes (empty when the estimate is complete). */
  readonly unknownLineIds: readonly string[];
}

export interface WorkerCosts {
  readonly total: Money;
  readonly beforeDeparture: Money;
  readonly inKorea: Money;
  /** UNKNOWN lines the worker pays (in part or whole): the worker's totals exclude them. */
  readonly unknownLineIds: readonly string[];
}

export interface MissingCostInput {
  readonly lineId: string;
  readonly input: string;
  /** Who would pay the line under the policies (so the caller sees whether it hits the worker). */
  readonly payers: readonly PayerKind[];
}

/** `M`: `Text` (by reference) in what `leanEstimateCosts` returns (issue 14): the lines' labels and notes, the warnings. */
export interface CostEstimate<M extends Text = Messages> {
  readonly asOf: IsoDate;
  /** Names of parameter overlays in the snapshot. */
  readonly parameterOverlays: readonly string[];
  readonly route: Route;
  readonly occupation: Occupation;
  readonly contractMonths: number;
  readonly routeStatus: RouteStatus;
  /** true when Perban BP2MI 9/2020 lists the occupation on the estimate's date. */
  readonly zeroCostOccupation: boolean;
  /** Base, regulation (when it applies) and overlays, in the order applied. */
  readonly policies: readonly AppliedPolicy[];
  readonly lines: readonly CostLine<M>[];
  readonly totals: CostTotals;
  readonly worker: WorkerCosts;
  /** Required inputs that were not given (their lines are UNKNOWN). */
  readonly missingInputs: readonly MissingCostInput[];
  /** true when every line has an amount. */
  readonly complete: boolean;
  readonly financing: readonly AppliedFinancing[];
  /** Σ applied loans: what the worker will repay (see the financing module for the schedule). */
  readonly loanToRepay: Money;
  /** The worker's known pre-departure costs minus the financing applied. */
  readonly upfrontCash: Money;
  readonly upfrontCashCheck: UpfrontCashCheck;
  /** `COSTS.ROUTE_NOT_OPEN`, `COSTS.DEFAULT_EXCHANGE_RATE`, `COSTS.INPUT_NOT_APPLICABLE`, `COSTS.INCOMPLETE`. */
  readonly warnings: readonly DomainErrorData<M>[];
}

const LINE_ID_RE = /^[a-z][A-Za-z0-9]{1,63}$/;

interface RawLine {
  readonly id: string;
  readonly category: CostCategory;
  readonly label: Text;
  readonly timing: CostTiming;
  readonly amount: Money | null;
  readonly source: CostLineSource<Text>;
}

/** Invalid input: a `DomainError` with its text by reference (`estimateCosts` renders it). */
function badInput(code: string, text: Text, path: readonly string[]): never {
  return invalidText(code, text, { path });
}

function nonNegative(value: unknown, path: readonly string[]): Money {
  const m = assertMoney(value, path);
  if (m.amount < 0) badInput('COSTS.NEGATIVE_AMOUNT', textRef('COSTS.NEGATIVE_AMOUNT'), path);
  return m;
}

function assertParams(params: unknown): ParameterSnapshot {
  const p = params as ParameterSnapshot | null;
  if (typeof p !== 'object' || p === null || typeof p.get !== 'function' || typeof p.describe !== 'function' || typeof p.asOf !== 'string') {
    badInput('COSTS.INVALID_PARAMETERS', textRef('COSTS.INVALID_PARAMETERS'), ['params']);
  }
  return p;
}

/** The checked options of an estimate. */
interface EstimateOptions {
  readonly snapshot: ParameterSnapshot;
  readonly route: Route;
  readonly occupation: Occupation;
  readonly contractMonths: number;
  readonly passport: CostPassportKind;
  readonly includeKoreanCourse: boolean;
  readonly koreanCourse: KoreanCourseFee | null;
  readonly overlays: readonly CostPolicy[];
}

function checkOptions(input: CostEstimateInput, params: ParameterSnapshot, policies: readonly CostPolicy[]): EstimateOptions {
  if (typeof input !== 'object' || input === null) badInput('COSTS.INVALID_INPUT', textRef('COSTS.INVALID_INPUT.input'), ['input']);
  const snapshot = assertParams(params);
  if (!isOneOf(ROUTES, input.route)) {
    invalidText('COSTS.UNKNOWN_ROUTE', textRef('COSTS.UNKNOWN_ROUTE', ROUTES.join(', ')), {
      path: ['route'],
      details: { allowed: ROUTES.join(',') },
    });
  }
  if (!isOneOf(OCCUPATIONS, input.occupation)) {
    invalidText('COSTS.UNKNOWN_OCCUPATION', textRef('COSTS.UNKNOWN_OCCUPATION'), { path: ['occupation'], details: { allowed: OCCUPATIONS.join(',') } });
  }
  assertOccupationInRouteSectors(input.route, input.occupation, snapshot.asOf);
  const contractMonths = assertCostContractMonths(input.contractMonths);
  const passport = input.passport ?? 'ELECTRONIC';
  if (!isOneOf(COST_PASSPORT_KINDS, passport)) {
    badInput('COSTS.INVALID_OPTION', textRef('COSTS.INVALID_OPTION.passport'), ['passport']);
  }
  const includeKoreanCourse = input.includeKoreanCourse ?? true;
  if (typeof includeKoreanCourse !== 'boolean') {
    badInput('COSTS.INVALID_OPTION', textRef('COSTS.INVALID_OPTION.includeKoreanCourse'), ['includeKoreanCourse']);
  }
  if (!Array.isArray(policies)) badInput('COSTS.INVALID_POLICY', textRef('COSTS.INVALID_POLICY.list'), ['policies']);
  const overlays = policies.map((p) => leanDefineCostPolicy(p));
  const koreanCourse = input.koreanCourse === undefined || input.koreanCourse === null ? null : koreanCourseFee(input.koreanCourse);
  return { snapshot, route: input.route, occupation: input.occupation, contractMonths, passport, includeKoreanCourse, koreanCourse, overlays };
}

type ToIdr = (m: Money) => { idr: Money; rate: ExchangeRate | null; ref: CostParameterRef | null };

/** Conversion to IDR at the given rates, or at the parameter defaults (read lazily: only lines in USD or KRW need them). */
function idrConverter(input: CostEstimateInput, snapshot: ParameterSnapshot, warnings: DomainErrorData<Text>[]): ToIdr {
  const rates = input.exchangeRates ?? {};
  if (typeof rates !== 'object' || rates === null) badInput('COSTS.INVALID_EXCHANGE_RATE', textRef('COSTS.INVALID_EXCHANGE_RATE.rates'), ['exchangeRates']);
  const rateCache = new Map<'USD' | 'KRW', { rate: ExchangeRate; ref: CostParameterRef | null }>();
  const rateFor = (currency: 'USD' | 'KRW'): { rate: ExchangeRate; ref: CostParameterRef | null } => {
    const cached = rateCache.get(currency);
    if (cached) return cached;
    const given = currency === 'USD' ? rates.usdIdr : rates.krwIdr;
    const out = given !== undefined ? givenRate(currency, given) : defaultRate(currency, snapshot, warnings);
    rateCache.set(currency, out);
    return out;
  };
  return (m) => {
    if (m.currency === 'IDR') return { idr: m, rate: null, ref: null };
    const { rate, ref } = rateFor(m.currency as 'USD' | 'KRW');
    return { idr: convert(m, rate, 'HALF_UP'), rate, ref };
  };
}

function givenRate(currency: 'USD' | 'KRW', given: ExchangeRate): { rate: ExchangeRate; ref: null } {
  const path = ['exchangeRates', currency === 'USD' ? 'usdIdr' : 'krwIdr'];
  const fx = assertExchangeRate(given, path);
  const pair = [fx.base, fx.quote];
  if (!pair.includes(currency) || !pair.includes('IDR')) {
    badInput('COSTS.INVALID_EXCHANGE_RATE', textRef('COSTS.INVALID_EXCHANGE_RATE.pair', currency), path);
  }
  return { rate: fx, ref: null };
}

function defaultRate(currency: 'USD' | 'KRW', snapshot: ParameterSnapshot, warnings: DomainErrorData<Text>[]): { rate: ExchangeRate; ref: CostParameterRef } {
  const id: ParameterId = currency === 'USD' ? 'fx.idrPerUsd' : 'fx.idrPerKrw';
  const ref = paramRef(snapshot, id);
  const fx = assertExchangeRate({ base: currency, quote: 'IDR', rate: snapshot.get(id) as string, asOf: ref.effectiveFrom, source: `parameter ${id}`, isDefault: ref.isDefault });
  if (ref.isDefault) {
    warnings.push(textErrorData('COSTS.DEFAULT_EXCHANGE_RATE', textRef('COSTS.DEFAULT_EXCHANGE_RATE', currency), { details: { parameter: id } }));
  }
  return { rate: fx, ref };
}

/** The standard lines of the route's line set in force on the snapshot's date, then the caller's additional lines. */
function rawLines(input: CostEstimateInput, o: EstimateOptions, warnings: DomainErrorData<Text>[]): RawLine[] {
  if (input.inputs !== undefined && (typeof input.inputs !== 'object' || input.inputs === null)) {
    badInput('COSTS.INVALID_INPUT', textRef('COSTS.INVALID_INPUT.inputs'), ['inputs']);
  }
  const { definition } = costLineSetAsOf(o.route, o.snapshot.asOf);
  const read = new Set(definition.lines.flatMap((d) => (d.kind === 'INPUT' ? [d.input] : [])));
  for (const key of COST_INPUT_KEYS) {
    if (!read.has(key) && input.inputs?.[key] !== undefined) {
      warnings.push(textErrorData('COSTS.INPUT_NOT_APPLICABLE', textRef('COSTS.INPUT_NOT_APPLICABLE'), { path: ['inputs', key] }));
    }
  }
  const raw: RawLine[] = [];
  for (const d of definition.lines) {
    const line = standardLine(d, input, o);
    if (line) raw.push(line);
  }
  const extra = input.additionalLines ?? [];
  if (!Array.isArray(extra)) badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.lines'), ['additionalLines']);
  extra.forEach((l, i) => raw.push(additionalLine(l, i, raw)));
  return raw;
}

/** One line of a line set; `undefined` when an option or a missing optional input leaves it out. */
function standardLine(d: CostLineDefinition, input: CostEstimateInput, o: EstimateOptions): RawLine | undefined {
  const fromParam = (label: Text, parameter: ParameterId, currency: 'IDR' | 'USD' | 'KRW' = 'IDR', timing: CostTiming = 'BEFORE_DEPARTURE'): RawLine => ({
    id: d.id,
    category: d.category,
    label,
    timing,
    amount: money(o.snapshot.get(parameter) as number, currency),
    source: { parameters: [paramRef(o.snapshot, parameter)], input: null },
  });
  switch (d.kind) {
    case 'PARAMETER':
      if (d.option === 'includeKoreanCourse' && !o.includeKoreanCourse) return undefined;
      if (o.koreanCourse !== null && (d.id === 'koreanCourse' || d.id === 'koreanCourseRegistration')) return courseLine(d, o.koreanCourse);
      return fromParam(d.label, d.parameter, d.currency, d.timing);
    case 'PASSPORT':
      return fromParam(d.variants[o.passport].label, d.variants[o.passport].parameter);
    case 'INPUT': {
      const given = input.inputs?.[d.input];
      const source = { parameters: [], input: `inputs.${d.input}` };
      if (given === undefined || given === null) {
        return d.required ? { id: d.id, category: d.category, label: d.label, timing: d.timing ?? 'BEFORE_DEPARTURE', amount: null, source } : undefined;
      }
      return { id: d.id, category: d.category, label: d.label, timing: d.timing ?? 'BEFORE_DEPARTURE', amount: nonNegative(given, ['inputs', d.input]), source };
    }
    case 'BPJS_DURING_WORK': {
      const bpjs = leanBpjsDuringWorkContribution(o.contractMonths, o.snapshot);
      return {
        id: d.id,
        category: d.category,
        label: d.label,
        timing: 'BEFORE_DEPARTURE',
        amount: bpjs.amount,
        source: { parameters: bpjs.parameterIds.map((id) => paramRef(o.snapshot, id)), input: null, note: bpjs.note },
      };
    }
  }
}

/** The actual course's fee on the line `koreanCourse` (and its registration, when it charges one); `undefined` leaves the line out. */
function courseLine(d: CostLineDefinition, c: KoreanCourseFee): RawLine | undefined {
  const amount = d.id === 'koreanCourse' ? c.amount : c.registration;
  if (amount === undefined) return undefined;
  const label = d.id === 'koreanCourse' && c.label !== undefined ? c.label : (d as { label: Text }).label;
  const inputName = d.id === 'koreanCourse' ? 'koreanCourse.amount' : 'koreanCourse.registration';
  return { id: d.id, category: d.category, label, timing: 'BEFORE_DEPARTURE', amount, source: { parameters: [], input: inputName, statedBy: c.statedBy } };
}

/** Each line in IDR with its payers under the policies, in order. */
function pricedLine(r: RawLine, toIdr: ToIdr, applied: readonly CostPolicy[], o: EstimateOptions): CostLine<Text> {
  const converted = r.amount === null ? null : toIdr(r.amount);
  const parameters = converted?.ref ? [...r.source.parameters, converted.ref] : r.source.parameters;
  const known = converted !== null;
  let shares: PayerShare[] = [
    { payer: 'WORKER', amountIdr: converted?.idr ?? null, policyId: BASE_COST_POLICY.id, ruleId: `${BASE_COST_POLICY.id}/DEFAULT` },
  ];
  const context = { lineId: r.id, category: r.category, timing: r.timing, route: o.route, occupation: o.occupation };
  for (const policy of applied) shares = applyCostPolicy(shares, context, policy, known);
  return Object.freeze({
    id: r.id,
    category: r.category,
    label: r.label,
    timing: r.timing,
    status: known ? ('KNOWN' as const) : ('UNKNOWN' as const),
    amount: r.amount,
    amountIdr: converted?.idr ?? null,
    exchangeRate: converted?.rate ?? null,
    source: Object.freeze({ ...r.source, parameters: Object.freeze(parameters) }),
    payers: Object.freeze(shares.map((s) => Object.freeze(s))),
  });
}

interface Sums {
  readonly byPayer: Record<PayerKind, bigint>;
  readonly total: bigint;
  readonly before: bigint;
  readonly inKorea: bigint;
  readonly workerBefore: bigint;
  readonly workerInKorea: bigint;
}

function sumLines(lines: readonly CostLine<Text>[]): Sums {
  const byPayer = Object.fromEntries(PAYER_KINDS.map((p) => [p, 0n])) as Record<PayerKind, bigint>;
  let total = 0n;
  let before = 0n;
  let inKorea = 0n;
  let workerBefore = 0n;
  let workerInKorea = 0n;
  for (const l of lines) {
    if (l.amountIdr === null) continue;
    const a = BigInt(l.amountIdr.amount);
    total += a;
    if (l.timing === 'BEFORE_DEPARTURE') before += a;
    else inKorea += a;
    for (const s of l.payers) {
      const v = BigInt(s.amountIdr!.amount);
      byPayer[s.payer] += v;
      if (s.payer === 'WORKER') {
        if (l.timing === 'BEFORE_DEPARTURE') workerBefore += v;
        else workerInKorea += v;
      }
    }
  }
  return { byPayer, total, before, inKorea, workerBefore, workerInKorea };
}

const idr = (v: bigint) => moneyFromBigInt(v, 'IDR');

function missingInputsOf(lines: readonly CostLine<Text>[], warnings: DomainErrorData<Text>[]): MissingCostInput[] {
  const missingInputs = lines
    .filter((l) => l.status === 'UNKNOWN')
    .map((l) => Object.freeze({ lineId: l.id, input: l.source.input!, payers: Object.freeze([...new Set(l.payers.map((s) => s.payer))]) }));
  if (missingInputs.length > 0) {
    warnings.push(textErrorData('COSTS.INCOMPLETE', textRef('COSTS.INCOMPLETE'), { details: { missing: missingInputs.map((m) => m.input).join(',') } }));
  }
  return missingInputs;
}

function routeStatusOf(o: EstimateOptions, warnings: DomainErrorData<Text>[]): RouteStatus {
  const routeStatus = o.snapshot.get('routes.status')[o.route];
  if (routeStatus.status !== 'OPEN') {
    warnings.push(
      textErrorData('COSTS.ROUTE_NOT_OPEN', textRef('COSTS.ROUTE_NOT_OPEN', routeStatus.status), {
        path: ['route'],
        details: { status: routeStatus.status, until: routeStatus.until ?? null },
      }),
    );
  }
  return routeStatus;
}

/** Grants first, then loans, capped at what the worker must pay before departure. */
function applyFinancing(input: CostEstimateInput, workerBefore: bigint): { financing: AppliedFinancing[]; loanToRepay: bigint; upfrontCash: bigint } {
  const uses = input.financing ?? [];
  if (!Array.isArray(uses)) badInput('COSTS.INVALID_FINANCING', textRef('COSTS.INVALID_FINANCING.list'), ['financing']);
  const checkedUses = uses.map((u, i) => financingUse(u, i));
  const order = [...checkedUses.keys()].sort((a, b) => rank(checkedUses[a]!.kind) - rank(checkedUses[b]!.kind) || a - b);
  let remaining = workerBefore;
  const appliedAmounts = new Map<number, bigint>();
  for (const i of order) {
    const want = BigInt(checkedUses[i]!.amount.amount);
    const use = want < remaining ? want : remaining;
    appliedAmounts.set(i, use);
    remaining -= use;
  }
  const financing = checkedUses.map((u, i) =>
    Object.freeze({
      productId: u.productId,
      kind: u.kind,
      label: u.label ?? null,
      requested: u.amount,
      applied: idr(appliedAmounts.get(i)!),
      unused: idr(BigInt(u.amount.amount) - appliedAmounts.get(i)!),
    }),
  );
  const loanToRepay = financing.filter((f) => f.kind === 'LOAN').reduce((a, f) => a + BigInt(f.applied.amount), 0n);
  return { financing, loanToRepay, upfrontCash: remaining };
}

/** The city's threshold for up-front cash. */
function upfrontCashCheck(input: CostEstimateInput, upfrontCash: bigint, missingInputs: readonly MissingCostInput[], lines: readonly CostLine<Text>[]): UpfrontCashCheck {
  const thresholdIn = input.upfrontCashThreshold ?? null;
  if (thresholdIn === null) return { threshold: null, status: 'NO_THRESHOLD', excess: null };
  const t = nonNegative(thresholdIn, ['upfrontCashThreshold']);
  if (t.currency !== 'IDR') {
    invalidText('MONEY.CURRENCY_MISMATCH', textRef('COSTS.CURRENCY.cashThreshold'), { path: ['upfrontCashThreshold'] });
  }
  const workerUnknown = missingInputs.some((m) => m.payers.includes('WORKER') && lines.find((l) => l.id === m.lineId)!.timing === 'BEFORE_DEPARTURE');
  const above = upfrontCash > BigInt(t.amount);
  return {
    threshold: t,
    status: above ? 'ABOVE_THRESHOLD' : workerUnknown ? 'UNKNOWN' : 'WITHIN_THRESHOLD',
    excess: above ? idr(upfrontCash - BigInt(t.amount)) : null,
  };
}

/**
 * Estimate the costs of a placement. Throws (invalid input): `COSTS.INVALID_INPUT`,
 * `COSTS.UNKNOWN_ROUTE`, `COSTS.UNKNOWN_OCCUPATION`, `COSTS.NON_INTEGER_MONTHS`,
 * `COSTS.INVALID_CONTRACT_MONTHS`, `COSTS.INVALID_OPTION`, `COSTS.NEGATIVE_AMOUNT`,
 * `COSTS.INVALID_LINE`, `COSTS.INVALID_EXCHANGE_RATE`, `COSTS.INVALID_FINANCING`,
 * `COSTS.INVALID_PARAMETERS`, `COSTS.INVALID_POLICY`, `MONEY.CURRENCY_MISMATCH`, `MONEY.*`,
 * `FX.*`, `COSTS.BEFORE_COVERAGE` / `COSTS.LINE_SET_ENDED` when the route has no cost line set
 * on the snapshot's date (cost-line-sets.ts), and `PARAMETER.BEFORE_COVERAGE` /
 * `PARAMETER.REPEALED` when a needed parameter has no value on the snapshot's date.
 */
export function estimateCosts(input: CostEstimateInput, params: ParameterSnapshot, policies: readonly CostPolicy[] = []): CostEstimate {
  return rendered(leanEstimateCosts, input, params, policies);
}

/**
 * `estimateCosts` with the texts it writes by reference (`TextRef`, issue 14): the lines' labels and
 * notes and the warnings; `renderTexts` (`@jembatan/domain/messages`) gives what `estimateCosts`
 * returns. A `DomainError` it throws for invalid input has its text by reference too (`renderError`
 * renders it); the errors of the shared helpers (money, dates, parameters, policies) carry `Messages`.
 */
export function leanEstimateCosts(input: CostEstimateInput, params: ParameterSnapshot, policies: readonly CostPolicy[] = []): CostEstimate<Text> {
  const o = checkOptions(input, params, policies);
  const { snapshot } = o;
  const warnings: DomainErrorData<Text>[] = [];
  const toIdr = idrConverter(input, snapshot, warnings);
  const raw = rawLines(input, o, warnings);

  const zeroCostList = snapshot.get('costs.zeroCostOccupations');
  const zeroCostOccupation = zeroCostList.includes(o.occupation);
  const applied: CostPolicy[] = [BASE_COST_POLICY, ...(zeroCostOccupation ? [zeroCostPolicy(zeroCostList)] : []), ...o.overlays];
  const lines = raw.map((r) => pricedLine(r, toIdr, applied, o));

  const sums = sumLines(lines);
  const missingInputs = missingInputsOf(lines, warnings);
  const routeStatus = routeStatusOf(o, warnings);
  const { financing, loanToRepay, upfrontCash } = applyFinancing(input, sums.workerBefore);
  const check = upfrontCashCheck(input, upfrontCash, missingInputs, lines);

  return Object.freeze({
    asOf: snapshot.asOf,
    parameterOverlays: Object.freeze([...(snapshot.overlays ?? [])]),
    route: o.route,
    occupation: o.occupation,
    contractMonths: o.contractMonths,
    routeStatus,
    zeroCostOccupation,
    policies: Object.freeze(
      applied.map((p) =>
        Object.freeze({ id: p.id, kind: p.kind, name: p.name, legalBasis: p.legalBasis, ...(p.statedBy !== undefined ? { statedBy: p.statedBy } : {}) }),
      ),
    ),
    lines: Object.freeze(lines),
    totals: Object.freeze({
      byPayer: Object.freeze(Object.fromEntries(PAYER_KINDS.map((p) => [p, idr(sums.byPayer[p])])) as Record<PayerKind, Money>),
      total: idr(sums.total),
      beforeDeparture: idr(sums.before),
      inKorea: idr(sums.inKorea),
      unknownLineIds: Object.freeze(lines.filter((l) => l.status === 'UNKNOWN').map((l) => l.id)),
    }),
    worker: Object.freeze({
      total: idr(sums.workerBefore + sums.workerInKorea),
      beforeDeparture: idr(sums.workerBefore),
      inKorea: idr(sums.workerInKorea),
      unknownLineIds: Object.freeze(lines.filter((l) => l.status === 'UNKNOWN' && l.payers.some((p) => p.payer === 'WORKER')).map((l) => l.id)),
    }),
    missingInputs: Object.freeze(missingInputs),
    complete: missingInputs.length === 0,
    financing: Object.freeze(financing),
    loanToRepay: idr(loanToRepay),
    upfrontCash: idr(upfrontCash),
    upfrontCashCheck: Object.freeze(check),
    warnings: Object.freeze(warnings),
  });
}

function rank(kind: FinancingKind): number {
  return kind === 'GRANT' ? 0 : 1;
}

function paramRef(params: ParameterSnapshot, id: ParameterId): CostParameterRef {
  const d = params.describe(id);
  return Object.freeze({ id, effectiveFrom: d.effectiveFrom, isDefault: d.isDefault, ...(d.overlaidBy !== undefined ? { overlaidBy: d.overlaidBy } : {}) });
}

function additionalLine(l: AdditionalCostLine, i: number, existing: readonly RawLine[]): RawLine {
  const path = ['additionalLines', String(i)];
  if (typeof l !== 'object' || l === null) badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.line'), path);
  if (typeof l.id !== 'string' || !LINE_ID_RE.test(l.id) || isOneOf(COST_LINE_IDS, l.id) || existing.some((r) => r.id === l.id)) {
    badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.id'), [...path, 'id']);
  }
  if (!isOneOf(COST_CATEGORIES, l.category)) badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.category'), [...path, 'category']);
  const timing = l.timing ?? 'BEFORE_DEPARTURE';
  if (!isOneOf(COST_TIMINGS, timing)) badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.timing'), [...path, 'timing']);
  const label = l.label as Messages | undefined;
  if (typeof label !== 'object' || label === null || typeof label.id !== 'string' || typeof label.en !== 'string' || !label.id || !label.en) {
    badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.label'), [...path, 'label']);
  }
  if (typeof l.statedBy !== 'string' || !l.statedBy.trim()) {
    badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.statedBy'), [...path, 'statedBy']);
  }
  return {
    id: l.id,
    category: l.category,
    label: Object.freeze({ id: label.id, en: label.en }),
    timing,
    amount: nonNegative(l.amount, [...path, 'amount']),
    source: { parameters: [], input: `additionalLines.${l.id}`, statedBy: l.statedBy },
  };
}

function koreanCourseFee(c: KoreanCourseFee): KoreanCourseFee {
  const path = ['koreanCourse'];
  if (typeof c !== 'object' || c === null) badInput('COSTS.INVALID_INPUT', textRef('COSTS.INVALID_INPUT.koreanCourse'), path);
  if (typeof c.statedBy !== 'string' || !c.statedBy.trim()) {
    badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.courseStatedBy'), [...path, 'statedBy']);
  }
  const idrOnly = (m: Money, p: readonly string[]): Money => {
    if (m.currency !== 'IDR') invalidText('MONEY.CURRENCY_MISMATCH', textRef('COSTS.CURRENCY.courseFee'), { path: p });
    return m;
  };
  const label = c.label as Messages | undefined;
  if (label !== undefined && (typeof label !== 'object' || label === null || typeof label.id !== 'string' || typeof label.en !== 'string' || !label.id || !label.en)) {
    badInput('COSTS.INVALID_LINE', textRef('COSTS.INVALID_LINE.label'), [...path, 'label']);
  }
  return {
    amount: idrOnly(nonNegative(c.amount, [...path, 'amount']), [...path, 'amount']),
    statedBy: c.statedBy.trim(),
    ...(label !== undefined ? { label: { id: label.id, en: label.en } } : {}),
    ...(c.registration !== undefined ? { registration: idrOnly(nonNegative(c.registration, [...path, 'registration']), [...path, 'registration']) } : {}),
  };
}

function financingUse(u: FinancingUse, i: number): FinancingUse {
  const path = ['financing', String(i)];
  if (typeof u !== 'object' || u === null || typeof u.productId !== 'string' || !u.productId.trim()) {
    badInput('COSTS.INVALID_FINANCING', textRef('COSTS.INVALID_FINANCING.product'), path);
  }
  if (u.kind !== 'LOAN' && u.kind !== 'GRANT') badInput('COSTS.INVALID_FINANCING', textRef('COSTS.INVALID_FINANCING.kind'), [...path, 'kind']);
  const amount = nonNegative(u.amount, [...path, 'amount']);
  if (amount.currency !== 'IDR') {
    invalidText('MONEY.CURRENCY_MISMATCH', textRef('COSTS.CURRENCY.financing'), { path: [...path, 'amount'] });
  }
  return { productId: u.productId, kind: u.kind, amount, ...(u.label !== undefined ? { label: u.label } : {}) };
}
