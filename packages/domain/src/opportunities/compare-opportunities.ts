/**
 * Compare opportunities for one person over a horizon (e.g. a 36-month contract + 12 months):
 * month by month what they earn, what they spend on living costs, the costs before the first wage
 * and who pays them, the loan and its instalments, and the net saved at the end; then the options
 * ranked by that net saving, each with its risks named in words and whether the city's "sells
 * belongings" line is crossed.
 *
 * Earnings. At home the floor is the place's UMK/UMP of each month (wage-floor.ts: decreed with
 * sen, paid in whole rupiah rounded up); a wage offered below the floor in force when the work
 * starts is refused (`OPPORTUNITIES.WAGE_BELOW_MINIMUM`: an employer may not pay less, and an
 * illegal offer is not an opportunity to rank); when a later decree raises the floor above the
 * offer, the month is paid the floor. Abroad the same holds against the Korean monthly minimum
 * wage; won are converted at one dated rate (an input, or the working default `fx.idrPerKrw`),
 * rounded down, and again with the rate moved by each FX shock (default ±10%, DOMAIN.md §6).
 * A transmigrant earns the stated income of their own farm (no minimum wage applies) and the
 * programme's living allowance, both inputs.
 *
 * Costs. OVERSEAS reuses `estimateCosts` (lines, payers, Perban 9/2020) and the KUR Penempatan PMI
 * product and schedule (`scheduleLoan`); affordability reuses `affordability`. The costs before
 * the first wage fall in month 1, the worker's costs abroad in the first wage month. The loan is
 * disbursed in month 1 and its schedule's month k is the horizon's month k (grace counts from
 * disbursement: a payment that falls before the first wage is named as a risk).
 *
 * Net saving = income − living costs − the person's cash for costs − loan payments in the horizon
 * − the loan balance still owed at its end (so a loan never looks like income). Exact: every amount
 * is whole rupiah, each rounding is named, and the totals are sums of the months.
 */
import { DomainError, errorData, invalid, isDomainError, type DomainErrorData, type Messages } from '../shared/domain-error';
import { addMonths, type IsoDate } from '../shared/local-date';
import { isOneOf, OCCUPATIONS, PAYER_KINDS, ROUTE_LABELS, ROUTES, type PayerKind } from '../shared/vocabulary';
import { convert, exchangeRate as assertExchangeRate, scaleExchangeRate, type ExchangeRate } from '../money/exchange-rate';
import { assertMoney, moneyFromBigInt, type Money } from '../money/money';
import { multiply } from '../money/multiply';
import { ratio, ratioAdd, ratioDivide, ratioOf, ratioToDecimalString, RATIO_ONE, type Ratio } from '../money/ratio';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { RouteStatus } from '../parameters/parameter-values';
import { affordability, type Affordability } from '../financing/affordability';
import { kurPenempatanProduct } from '../financing/kur-penempatan.product';
import { scheduleLoan } from '../financing/schedule-loan';
import type { RepaymentSchedule } from '../financing/repayment-schedule';
import { estimateCosts, type CostEstimate } from '../costs/estimate-costs';
import { OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, WAGE_PLACE_INFO, WAGE_PLACES, type OpportunityKind, type WagePlace } from './opportunity-kinds';
import type {
  OpportunityComparisonInput,
  OpportunityInput,
  OverseasOpportunityInput,
  TransmigrationOpportunityInput,
  UpfrontCostInput,
  WageOpportunityInput,
} from './opportunity-input';
import type {
  IncomeSource,
  OpportunityComparison,
  OpportunityCostLine,
  OpportunityCosts,
  OpportunityLoan,
  OpportunityMonth,
  OpportunityMonthPhase,
  OpportunityResult,
  OpportunityScenario,
  OpportunityTotals,
  SellsBelongingsCheck,
} from './opportunity-result';
import { isBelowDecreed, koreaMinimumWageAsOf, wageFloorAsOf, type OpportunityParameterRef } from './wage-floor';

export const MAX_OPPORTUNITY_HORIZON_MONTHS = 480;
export const MAX_OPPORTUNITIES = 10;
export const DEFAULT_FX_SHOCKS: readonly string[] = Object.freeze(['-0.1', '0.1']);

const LINE_ID_RE = /^[a-z][A-Za-z0-9]{1,63}$/;

// ---------------------------------------------------------------- input checks

type Path = readonly string[];

function bad(code: string, id: string, en: string, path: Path, details?: DomainErrorData['details']): never {
  return invalid(code, id, en, { path, ...(details ? { details } : {}) });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wholeMonths(v: unknown, min: number, max: number, path: Path): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    bad('OPPORTUNITIES.INVALID_MONTHS', `Jumlah bulan harus bilangan bulat ${min}–${max}.`, `The number of months must be a whole number from ${min} to ${max}.`, path, {
      min,
      max,
    });
  }
  return v;
}

function idrAmount(v: unknown, path: Path, positive = false): Money {
  const m = assertMoney(v, path);
  if (m.currency !== 'IDR') {
    invalid('MONEY.CURRENCY_MISMATCH', 'Jumlah harus dalam rupiah (IDR).', 'The amount must be in rupiah (IDR).', { path, details: { expected: 'IDR' } });
  }
  if (m.amount < 0 || (positive && m.amount === 0)) {
    bad('OPPORTUNITIES.INVALID_AMOUNT', positive ? 'Jumlah harus lebih dari nol.' : 'Jumlah tidak boleh negatif.', positive ? 'The amount must be above zero.' : 'The amount must not be negative.', path);
  }
  return m;
}

function share(v: unknown, path: Path): Ratio {
  let r: Ratio | undefined;
  try {
    r = ratio(v as string, path);
  } catch {
    r = undefined;
  }
  if (typeof v !== 'string' || r === undefined || r.num < 0n || r.num > r.den) {
    return bad('OPPORTUNITIES.INVALID_SHARE', 'Porsi harus angka desimal antara 0 dan 1, mis. "0.4".', 'The share must be a decimal number from 0 to 1, e.g. "0.4".', path, {
      min: '0',
      max: '1',
    });
  }
  return r;
}

function text(v: unknown, path: Path, max = 200): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) {
    bad('OPPORTUNITIES.INVALID_TEXT', `Isian teks wajib diisi (maks. ${max} karakter).`, `The text is required (at most ${max} characters).`, path, { max });
  }
  return v.trim();
}

function messages(v: unknown, path: Path): Messages {
  if (!isObject(v) || typeof v['id'] !== 'string' || typeof v['en'] !== 'string' || !v['id'].trim() || !v['en'].trim() || v['id'].length > 200 || v['en'].length > 200) {
    bad('OPPORTUNITIES.INVALID_TEXT', 'Label harus dalam bahasa Indonesia dan Inggris.', 'The label needs Indonesian and English texts.', path);
  }
  return Object.freeze({ id: v['id'] as string, en: v['en'] as string });
}

type Living = { readonly kind: 'SHARE'; readonly share: Ratio } | { readonly kind: 'MONTHLY'; readonly amount: Money };

function living(v: unknown, allowKrw: boolean, path: Path): Living {
  if (!isObject(v) || ('share' in v) === ('monthly' in v)) {
    bad('OPPORTUNITIES.INVALID_LIVING_COST', 'Biaya hidup: isi salah satu, porsi (share) atau jumlah per bulan (monthly).', 'Living costs: give either a share or a monthly amount, not both.', path);
  }
  if ('share' in v) return { kind: 'SHARE', share: share(v['share'], [...path, 'share']) };
  const m = assertMoney(v['monthly'], [...path, 'monthly']);
  if (m.currency !== 'IDR' && !(allowKrw && m.currency === 'KRW')) {
    invalid('MONEY.CURRENCY_MISMATCH', 'Biaya hidup harus dalam rupiah (atau won untuk Korea).', 'Living costs must be in rupiah (or won for Korea).', { path: [...path, 'monthly'] });
  }
  if (m.amount < 0) bad('OPPORTUNITIES.INVALID_AMOUNT', 'Jumlah tidak boleh negatif.', 'The amount must not be negative.', [...path, 'monthly']);
  return { kind: 'MONTHLY', amount: m };
}

interface UpfrontLine {
  readonly id: string;
  readonly label: Messages;
  readonly amount: Money;
  readonly payer: PayerKind;
  readonly statedBy: string;
}

function upfrontLines(v: unknown, path: Path): UpfrontLine[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.length > 30) bad('OPPORTUNITIES.INVALID_COST_LINE', 'Daftar biaya tidak valid (maks. 30).', 'Invalid list of costs (at most 30).', path);
  const seen = new Set<string>();
  return v.map((l: UpfrontCostInput, i) => {
    const p = [...path, String(i)];
    if (!isObject(l)) bad('OPPORTUNITIES.INVALID_COST_LINE', 'Baris biaya tidak valid.', 'Invalid cost line.', p);
    if (typeof l.id !== 'string' || !LINE_ID_RE.test(l.id) || seen.has(l.id)) {
      bad('OPPORTUNITIES.INVALID_COST_LINE', 'Kode baris harus camelCase dan unik.', 'The line id must be camelCase and unique.', [...p, 'id']);
    }
    seen.add(l.id);
    const payer = l.payer ?? 'WORKER';
    if (!isOneOf(PAYER_KINDS, payer)) bad('OPPORTUNITIES.INVALID_COST_LINE', 'Pembayar tidak dikenal.', 'Unknown payer.', [...p, 'payer'], { allowed: PAYER_KINDS.join(',') });
    return {
      id: l.id,
      label: messages(l.label, [...p, 'label']),
      amount: idrAmount(l.amount, [...p, 'amount']),
      payer,
      statedBy: text(l.statedBy, [...p, 'statedBy']),
    };
  });
}

function fxShocks(v: unknown): Ratio[] {
  const list = v ?? DEFAULT_FX_SHOCKS;
  if (!Array.isArray(list) || list.length > 20) {
    bad('OPPORTUNITIES.INVALID_FX_SHOCK', 'Daftar perubahan kurs tidak valid (maks. 20).', 'Invalid list of FX shocks (at most 20).', ['fxShocks']);
  }
  return list.map((s: unknown, i) => {
    let r: Ratio | undefined;
    try {
      r = typeof s === 'string' ? ratio(s) : undefined;
    } catch {
      r = undefined;
    }
    if (r === undefined || r.num <= -r.den || r.num >= 10n * r.den) {
      bad('OPPORTUNITIES.INVALID_FX_SHOCK', 'Perubahan kurs harus angka desimal di atas -1, mis. "-0.1".', 'An FX shock must be a decimal number above -1, e.g. "-0.1".', ['fxShocks', String(i)]);
    }
    return r;
  });
}

/** Run `f`; a domain error it throws gets `prefix` in front of its path (so the caller sees which option). */
function under<T>(prefix: Path, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    throw new DomainError({ ...e.toJSON(), path: [...prefix, ...(e.path ?? [])] });
  }
}

// ---------------------------------------------------------------- money helpers

const idr = (n: bigint): Money => moneyFromBigInt(n, 'IDR');
const ZERO = idr(0n);
const big = (m: Money): bigint => BigInt(m.amount);

/** The rate moved by `change` so that the won buys (1 + change) times as much rupiah (as in `affordability`). */
function shocked(rate: ExchangeRate, change: Ratio): ExchangeRate {
  if (change.num === 0n) return rate;
  const factor = ratioAdd(RATIO_ONE, change);
  return scaleExchangeRate(rate, rate.base === 'KRW' ? factor : ratioDivide(RATIO_ONE, factor));
}

// ---------------------------------------------------------------- the plan of one option

interface WageOfMonth {
  /** In the wage's currency. */
  readonly wage: Money;
  readonly source: IncomeSource;
}

interface Plan {
  readonly index: number;
  readonly kind: OpportunityKind;
  readonly label: Messages;
  readonly place: WagePlace | null;
  readonly route: OverseasOpportunityInput['route'] | null;
  readonly occupation: OverseasOpportunityInput['occupation'] | null;
  readonly destination: string | null;
  readonly monthsUntilFirstWage: number;
  readonly contractMonths: number | null;
  /** null = to the end of the horizon. */
  readonly lastWageMonth: number | null;
  readonly living: Living;
  /** The wage of a working month, in its own currency. */
  readonly wageAt: (date: IsoDate) => WageOfMonth;
  /** Living allowance months (transmigration), from month 1. */
  readonly allowance: { readonly monthly: Money; readonly months: number; readonly input: string } | null;
  readonly rate: ExchangeRate | null;
  readonly routeStatus: RouteStatus | null;
  readonly costs: OpportunityCosts;
  readonly loan: OpportunityLoan | null;
  readonly affordability: Affordability | null;
  readonly estimate: CostEstimate | null;
  readonly parameters: OpportunityParameterRef[];
  readonly inputs: string[];
}

interface Context {
  readonly params: ParameterSnapshot;
  readonly horizon: number;
  readonly home: Money | null;
  readonly line: Money | null;
  readonly maxDsr: Ratio | null;
  readonly shocks: readonly Ratio[];
}

function optionInputs(o: Record<string, unknown>, prefix: string): string[] {
  const used = ['monthsUntilFirstWage', 'livingCost'];
  for (const k of ['monthlyWage', 'contractMonths', 'upfrontCosts', 'monthlyIncome', 'support', 'exchangeRate', 'costInputs', 'costPolicies', 'passport', 'includeKoreanCourse', 'loan']) {
    if (o[k] !== undefined && o[k] !== null) used.push(k);
  }
  return used.map((k) => `${prefix}.${k}`);
}

function inputCostLines(lines: readonly UpfrontLine[], prefix: string): OpportunityCostLine[] {
  return lines.map((l) =>
    Object.freeze({
      id: l.id,
      label: l.label,
      timing: 'BEFORE_FIRST_WAGE' as const,
      amount: l.amount,
      payers: Object.freeze([Object.freeze({ payer: l.payer, amount: l.amount })]),
      source: `${prefix}.upfrontCosts.${l.id} (${l.statedBy})`,
    }),
  );
}

function costsOf(lines: readonly OpportunityCostLine[], loanApplied: Money): OpportunityCosts {
  const byPayer = Object.fromEntries(PAYER_KINDS.map((p) => [p, 0n])) as Record<PayerKind, bigint>;
  let before = 0n;
  let after = 0n;
  for (const l of lines) {
    for (const s of l.payers) {
      if (s.amount === null) continue;
      byPayer[s.payer] += big(s.amount);
      if (s.payer === 'WORKER') {
        if (l.timing === 'BEFORE_FIRST_WAGE') before += big(s.amount);
        else after += big(s.amount);
      }
    }
  }
  return Object.freeze({
    lines: Object.freeze([...lines]),
    byPayer: Object.freeze(Object.fromEntries(PAYER_KINDS.map((p) => [p, idr(byPayer[p])])) as Record<PayerKind, Money>),
    workerBeforeFirstWage: idr(before),
    workerAfterFirstWage: idr(after),
    loanApplied,
    upfrontCash: idr(before - big(loanApplied)),
    complete: lines.every((l) => l.amount !== null),
  });
}

function wagePlan(o: WageOpportunityInput, i: number, c: Context, base: BaseParts): Plan {
  const path = ['options', String(i)];
  if (!isOneOf(WAGE_PLACES, o.place)) {
    bad('OPPORTUNITIES.UNKNOWN_PLACE', 'Tempat kerja tidak dikenal.', 'Unknown place of work.', [...path, 'place'], { allowed: WAGE_PLACES.join(',') });
  }
  const info = WAGE_PLACE_INFO[o.place];
  if (info.kind !== o.kind) {
    bad('OPPORTUNITIES.PLACE_NOT_OF_KIND', 'Tempat kerja tidak termasuk jenis peluang ini.', 'The place is not part of this kind of opportunity.', [...path, 'place'], {
      kind: o.kind,
    });
  }
  const offer = o.monthlyWage === undefined || o.monthlyWage === null ? null : idrAmount(o.monthlyWage, [...path, 'monthlyWage'], true);
  const contractMonths = o.contractMonths === undefined || o.contractMonths === null ? null : wholeMonths(o.contractMonths, 1, MAX_OPPORTUNITY_HORIZON_MONTHS, [...path, 'contractMonths']);
  const place = o.place;
  const startDate = addMonths(c.params.asOf, Math.min(base.monthsUntilFirstWage, c.horizon - 1));
  const startFloor = under([...path, 'place'], () => wageFloorAsOf(place, startDate, c.params));
  if (offer !== null && isBelowDecreed(offer, startFloor.decreed)) {
    bad(
      'OPPORTUNITIES.WAGE_BELOW_MINIMUM',
      `Upah yang ditawarkan di bawah ${startFloor.kind} ${info.label.id} (Rp ${startFloor.decreed.replace('.', ',')} per bulan); pemberi kerja dilarang membayar di bawah upah minimum. Laporkan ke Disnaker.`,
      `The wage offered is below the ${startFloor.kind} of ${info.label.en} (Rp ${startFloor.decreed} a month); an employer may not pay less than the minimum wage. Report it to Disnaker.`,
      [...path, 'monthlyWage'],
      { parameter: startFloor.parameter.id, effectiveFrom: startFloor.parameter.effectiveFrom, floorDecreed: startFloor.decreed },
    );
  }
  const lines = inputCostLines(base.upfront, `options.${i}`);
  return {
    ...base.common,
    place,
    route: null,
    occupation: null,
    destination: null,
    contractMonths,
    lastWageMonth: contractMonths === null ? null : base.monthsUntilFirstWage + contractMonths,
    wageAt(date) {
      const floor = under([...path, 'place'], () => wageFloorAsOf(place, date, c.params));
      if (offer !== null && offer.amount >= floor.monthly.amount) return { wage: offer, source: { kind: 'WAGE_OFFER', parameter: null, input: `options.${i}.monthlyWage` } };
      return { wage: floor.monthly, source: { kind: 'MINIMUM_WAGE', parameter: floor.parameter, input: null } };
    },
    allowance: null,
    rate: null,
    routeStatus: null,
    costs: costsOf(lines, ZERO),
    loan: null,
    affordability: null,
    estimate: null,
  };
}

function transmigrationPlan(o: TransmigrationOpportunityInput, i: number, c: Context, base: BaseParts): Plan {
  const path = ['options', String(i)];
  const income = idrAmount(o.monthlyIncome, [...path, 'monthlyIncome']);
  text(o.incomeStatedBy, [...path, 'incomeStatedBy']);
  const destination = o.destination === undefined || o.destination === null ? null : text(o.destination, [...path, 'destination']);
  let allowance: Plan['allowance'] = null;
  if (o.support !== undefined && o.support !== null) {
    const sp = [...path, 'support'];
    if (!isObject(o.support)) bad('OPPORTUNITIES.INVALID_SUPPORT', 'Dukungan program tidak valid.', 'Invalid programme support.', sp);
    const s = o.support;
    const monthly = idrAmount(s.livingAllowanceMonthly, [...sp, 'livingAllowanceMonthly']);
    const months = wholeMonths(s.livingAllowanceMonths, 0, MAX_OPPORTUNITY_HORIZON_MONTHS, [...sp, 'livingAllowanceMonths']);
    text(s.statedBy, [...sp, 'statedBy']);
    if (s.landHectares !== undefined && s.landHectares !== null && (typeof s.landHectares !== 'string' || !/^\d{1,4}(\.\d{1,4})?$/.test(s.landHectares))) {
      bad('OPPORTUNITIES.INVALID_SUPPORT', 'Luas lahan dalam hektare, angka desimal (mis. "2").', 'Land in hectares, a decimal number (e.g. "2").', [...sp, 'landHectares']);
    }
    allowance = { monthly, months, input: `options.${i}.support.livingAllowanceMonthly` };
  }
  const lines = inputCostLines(base.upfront, `options.${i}`);
  return {
    ...base.common,
    place: null,
    route: null,
    occupation: null,
    destination,
    contractMonths: null,
    lastWageMonth: null,
    wageAt: () => ({ wage: income, source: { kind: 'STATED_INCOME', parameter: null, input: `options.${i}.monthlyIncome` } }),
    allowance,
    rate: null,
    routeStatus: null,
    costs: costsOf(lines, ZERO),
    loan: null,
    affordability: null,
    estimate: null,
  };
}

/** The KRW↔IDR rate: the input, or the dated working default `fx.idrPerKrw` (its reference added to `parameters`). */
function overseasRate(o: OverseasOpportunityInput, path: Path, params: ParameterSnapshot, parameters: OpportunityParameterRef[]): ExchangeRate {
  if (o.exchangeRate !== undefined && o.exchangeRate !== null) {
    const rate = under([...path, 'exchangeRate'], () => assertExchangeRate(o.exchangeRate as ExchangeRate));
    const pair = [rate.base, rate.quote];
    if (!pair.includes('KRW') || !pair.includes('IDR')) {
      invalid('MONEY.CURRENCY_MISMATCH', 'Kurs harus menghubungkan KRW dan IDR.', 'The exchange rate must link KRW and IDR.', { path: [...path, 'exchangeRate'] });
    }
    return rate;
  }
  const fx = params.describe('fx.idrPerKrw');
  parameters.push({ id: 'fx.idrPerKrw', effectiveFrom: fx.effectiveFrom, isDefault: fx.isDefault, ...(fx.overlaidBy !== undefined ? { overlaidBy: fx.overlaidBy } : {}) });
  return assertExchangeRate({ base: 'KRW', quote: 'IDR', rate: fx.value, asOf: params.asOf, source: `parameter fx.idrPerKrw (${fx.effectiveFrom})`, isDefault: fx.isDefault });
}

/** The month's wage abroad: the offer, or the Korean minimum wage when it is higher; an offer below it when work starts is refused. */
function overseasWage(o: OverseasOpportunityInput, i: number, c: Context, base: BaseParts): (date: IsoDate) => WageOfMonth {
  const path = ['options', String(i)];
  const params = c.params;
  const offer = o.monthlyWage === undefined || o.monthlyWage === null ? null : assertMoney(o.monthlyWage, [...path, 'monthlyWage']);
  if (offer !== null && (offer.currency !== 'KRW' || offer.amount <= 0)) {
    invalid('MONEY.CURRENCY_MISMATCH', 'Upah di Korea dalam won (KRW), lebih dari nol.', 'A wage in Korea is in won (KRW), above zero.', { path: [...path, 'monthlyWage'] });
  }
  const startDate = addMonths(params.asOf, Math.min(base.monthsUntilFirstWage, c.horizon - 1));
  const startMin = under(path, () => koreaMinimumWageAsOf(startDate, params));
  if (offer !== null && offer.amount < startMin.monthly.amount) {
    bad(
      'OPPORTUNITIES.WAGE_BELOW_MINIMUM',
      'Upah yang ditawarkan di bawah upah minimum Korea per bulan; upah minimum berlaku juga bagi pekerja asing.',
      'The wage offered is below the Korean monthly minimum wage, which applies to foreign workers too.',
      [...path, 'monthlyWage'],
      { parameter: startMin.parameter.id, effectiveFrom: startMin.parameter.effectiveFrom, floor: startMin.monthly.amount },
    );
  }
  return (date) => {
    const min = under(path, () => koreaMinimumWageAsOf(date, params));
    if (offer !== null && offer.amount >= min.monthly.amount) return { wage: offer, source: { kind: 'WAGE_OFFER', parameter: null, input: `options.${i}.monthlyWage` } };
    return { wage: min.monthly, source: { kind: 'MINIMUM_WAGE', parameter: min.parameter, input: null } };
  };
}

/** The route's cost lines (`estimateCosts`, with the option's rate, inputs and policies), then the caller's own lines. */
function overseasCosts(o: OverseasOpportunityInput, i: number, contractMonths: number, rate: ExchangeRate, c: Context, base: BaseParts, parameters: OpportunityParameterRef[]) {
  const path = ['options', String(i)];
  const estimate = under(path, () =>
    estimateCosts(
      {
        route: o.route,
        occupation: o.occupation,
        contractMonths,
        ...(o.passport !== undefined ? { passport: o.passport } : {}),
        ...(o.includeKoreanCourse !== undefined ? { includeKoreanCourse: o.includeKoreanCourse } : {}),
        exchangeRates: { krwIdr: rate },
        ...(o.costInputs !== undefined ? { inputs: o.costInputs } : {}),
        upfrontCashThreshold: null,
      },
      c.params,
      o.costPolicies ?? [],
    ),
  );
  for (const l of estimate.lines) for (const p of l.source.parameters) parameters.push(p);
  const estimateLines: OpportunityCostLine[] = estimate.lines.map((l) =>
    Object.freeze({
      id: l.id,
      label: l.label,
      timing: l.timing === 'IN_KOREA' ? ('AFTER_FIRST_WAGE' as const) : ('BEFORE_FIRST_WAGE' as const),
      amount: l.amountIdr,
      payers: Object.freeze(l.payers.map((s) => Object.freeze({ payer: s.payer, amount: s.amountIdr }))),
      source: l.source.input !== null ? `estimateCosts: ${l.source.input}` : 'estimateCosts',
    }),
  );
  return { estimate, lines: [...estimateLines, ...inputCostLines(base.upfront, `options.${i}`)] };
}

/** The KUR Penempatan PMI loan for the worker's costs before the first wage, disbursed in month 1 (null: no loan, or nothing to finance). */
function overseasLoan(o: OverseasOpportunityInput, i: number, contractMonths: number, workerBefore: Money, params: ParameterSnapshot, parameters: OpportunityParameterRef[]): OpportunityLoan | null {
  if (o.loan === undefined || o.loan === null) return null;
  const lp = ['options', String(i), 'loan'];
  if (!isObject(o.loan)) bad('OPPORTUNITIES.INVALID_LOAN', 'Pinjaman tidak valid.', 'Invalid loan.', lp);
  const l = o.loan;
  const amount = l.amount === undefined || l.amount === null ? workerBefore : idrAmount(l.amount, [...lp, 'amount'], true);
  if (amount.amount > workerBefore.amount) {
    bad('LOAN.ABOVE_PLACEMENT_COSTS', 'Jumlah pinjaman melebihi biaya pekerja sebelum upah pertama.', 'The loan is above the worker’s costs before the first wage.', [...lp, 'amount']);
  }
  if (amount.amount === 0) return null;
  const product = under(lp, () => kurPenempatanProduct(params));
  const scheduled = under(lp, () =>
    scheduleLoan(product, {
      amount,
      tenorMonths: l.tenorMonths,
      contractMonths,
      placementCosts: workerBefore,
      ...(l.graceMonths !== undefined && l.graceMonths !== null ? { graceMonths: l.graceMonths } : {}),
      ...(l.graceInterest !== undefined && l.graceInterest !== null ? { graceInterest: l.graceInterest } : {}),
      ...(l.hasNpwp !== undefined && l.hasNpwp !== null ? { hasNpwp: l.hasNpwp } : {}),
    }),
  );
  if (!scheduled.ok) {
    const e = scheduled.error;
    throw new DomainError({ code: e.code, message: e.message, path: [...lp, ...(e.path ?? [])], details: { ...(e.details ?? {}), reasons: e.reasons.map((r) => r.code).join(',') } });
  }
  const schedule = scheduled.value.schedule as RepaymentSchedule;
  for (const s of product.sources) {
    if (s.parameterId === undefined || s.effectiveFrom === undefined) continue;
    parameters.push({ id: s.parameterId, effectiveFrom: s.effectiveFrom, isDefault: s.isDefault === true, ...(s.overlaidBy !== undefined ? { overlaidBy: s.overlaidBy } : {}) });
  }
  return Object.freeze({ terms: scheduled.value.terms, schedule, lastPaymentMonth: schedule.rows.length });
}

/** Affordability of the largest instalment against the first month's wage under the FX shocks (`affordability`). */
function overseasAffordability(loan: OpportunityLoan, firstWage: Money, rate: ExchangeRate, lv: Living, c: Context, path: Path): Affordability {
  if (c.maxDsr === null) {
    bad('OPPORTUNITIES.DEBT_RATIO_REQUIRED', 'Sertakan rasio cicilan/upah maksimum (maxDebtServiceRatio) untuk menilai pinjaman.', 'Give the largest instalment-to-wage ratio (maxDebtServiceRatio) to assess the loan.', [
      'maxDebtServiceRatio',
    ]);
  }
  const maxDsr = c.maxDsr;
  const wageIdr = convert(firstWage, rate, 'FLOOR');
  let livingShare: Ratio;
  if (lv.kind === 'SHARE') livingShare = lv.share;
  else {
    const r = lv.amount.currency === 'KRW' ? ratioOf(big(lv.amount), big(firstWage)) : wageIdr.amount > 0 ? ratioOf(big(lv.amount), big(wageIdr)) : RATIO_ONE;
    livingShare = r.num > r.den ? RATIO_ONE : r;
  }
  const s = loan.schedule;
  const instalment = s.lastInstalment.amount > s.regularInstalment.amount ? s.lastInstalment : s.regularInstalment;
  return under(path, () =>
    affordability({ instalment, monthlyWage: firstWage, exchangeRate: rate, livingCostShare: livingShare, maxDebtServiceRatio: maxDsr, fxShocks: c.shocks.map((x) => ratioToDecimalString(x)) }),
  );
}

function overseasPlan(o: OverseasOpportunityInput, i: number, c: Context, base: BaseParts): Plan {
  const path = ['options', String(i)];
  if (!isOneOf(ROUTES, o.route)) bad('OPPORTUNITIES.UNKNOWN_ROUTE', `Jalur tidak dikenal; gunakan ${ROUTES.join(', ')}.`, `Unknown route; use ${ROUTES.join(', ')}.`, [...path, 'route']);
  if (!isOneOf(OCCUPATIONS, o.occupation)) bad('OPPORTUNITIES.UNKNOWN_OCCUPATION', 'Jabatan tidak dikenal.', 'Unknown occupation.', [...path, 'occupation']);
  const contractMonths = wholeMonths(o.contractMonths, 1, 120, [...path, 'contractMonths']);
  const parameters: OpportunityParameterRef[] = [];
  const rate = overseasRate(o, path, c.params, parameters);
  const wageAt = overseasWage(o, i, c, base);
  const { estimate, lines } = overseasCosts(o, i, contractMonths, rate, c, base, parameters);
  const loan = overseasLoan(o, i, contractMonths, costsOf(lines, ZERO).workerBeforeFirstWage, c.params, parameters);
  const firstWage = wageAt(addMonths(c.params.asOf, base.monthsUntilFirstWage)).wage;
  const afford = loan === null ? null : overseasAffordability(loan, firstWage, rate, base.living, c, path);
  return {
    ...base.common,
    place: null,
    route: o.route,
    occupation: o.occupation,
    destination: null,
    contractMonths,
    lastWageMonth: base.monthsUntilFirstWage + contractMonths,
    wageAt,
    allowance: null,
    rate,
    routeStatus: estimate.routeStatus,
    costs: costsOf(lines, loan === null ? ZERO : loan.terms.amount),
    loan,
    affordability: afford,
    estimate,
    parameters: [...base.common.parameters, ...parameters],
  };
}

interface BaseParts {
  readonly monthsUntilFirstWage: number;
  readonly living: Living;
  readonly upfront: readonly UpfrontLine[];
  readonly common: Pick<Plan, 'index' | 'kind' | 'label' | 'monthsUntilFirstWage' | 'living' | 'parameters' | 'inputs'>;
}

function planOf(o: OpportunityInput, i: number, c: Context): Plan {
  const path = ['options', String(i)];
  if (!isObject(o)) bad('OPPORTUNITIES.INVALID_INPUT', 'Pilihan tidak valid.', 'Invalid option.', path);
  if (!isOneOf(OPPORTUNITY_KINDS, o.kind)) {
    bad('OPPORTUNITIES.UNKNOWN_KIND', `Jenis peluang tidak dikenal; gunakan ${OPPORTUNITY_KINDS.join(', ')}.`, `Unknown kind of opportunity; use ${OPPORTUNITY_KINDS.join(', ')}.`, [...path, 'kind']);
  }
  const monthsUntilFirstWage = wholeMonths(o.monthsUntilFirstWage, 0, c.horizon, [...path, 'monthsUntilFirstWage']);
  const lv = living(o.livingCost, o.kind === 'OVERSEAS', [...path, 'livingCost']);
  const upfront = upfrontLines(o.upfrontCosts, [...path, 'upfrontCosts']);
  const common = {
    index: i,
    kind: o.kind,
    label: OPPORTUNITY_KIND_LABELS[o.kind],
    monthsUntilFirstWage,
    living: lv,
    parameters: [] as OpportunityParameterRef[],
    inputs: optionInputs(o as unknown as Record<string, unknown>, `options.${i}`),
  };
  const base: BaseParts = { monthsUntilFirstWage, living: lv, upfront, common };
  switch (o.kind) {
    case 'LOCAL':
    case 'JABODETABEK':
      return wagePlan(o, i, c, base);
    case 'TRANSMIGRATION':
      return transmigrationPlan(o, i, c, base);
    default:
      return overseasPlan(o, i, c, base);
  }
}

// ---------------------------------------------------------------- month by month

function phaseOf(plan: Plan, m: number): OpportunityMonthPhase {
  if (m <= plan.monthsUntilFirstWage) return plan.kind === 'TRANSMIGRATION' ? 'SETTLING' : 'WAITING';
  if (plan.lastWageMonth !== null && m > plan.lastWageMonth) return 'AFTER_CONTRACT';
  return 'WORKING';
}

interface Projection {
  readonly months: OpportunityMonth[];
  readonly totals: OpportunityTotals;
  readonly refs: OpportunityParameterRef[];
}

function project(plan: Plan, c: Context, rate: ExchangeRate | null): Projection {
  const months: OpportunityMonth[] = [];
  const refs: OpportunityParameterRef[] = [];
  const rows = plan.loan?.schedule.rows ?? [];
  const firstWageMonth = plan.monthsUntilFirstWage + 1;
  let cumulative = 0n;
  const sums = { income: 0n, living: 0n, costs: 0n, debt: 0n };
  for (let m = 1; m <= c.horizon; m++) {
    const startsOn = addMonths(c.params.asOf, m - 1);
    const phase = phaseOf(plan, m);
    const sources: IncomeSource[] = [];
    let wage: Money | null = null;
    let income = 0n;
    if (phase === 'WORKING') {
      const w = plan.wageAt(startsOn);
      wage = w.wage;
      if (w.source.parameter) refs.push(w.source.parameter);
      sources.push(w.source);
      income += big(rate !== null && w.wage.currency !== 'IDR' ? convert(w.wage, rate, 'FLOOR') : w.wage);
    }
    if (plan.allowance !== null && m <= plan.allowance.months) {
      income += big(plan.allowance.monthly);
      sources.push({ kind: 'LIVING_ALLOWANCE', parameter: null, input: plan.allowance.input });
    }
    const atPlace = phase === 'WORKING' || phase === 'SETTLING';
    let livingCosts = 0n;
    if (atPlace) {
      const lv = plan.living;
      if (lv.kind === 'SHARE') livingCosts = big(multiply(idr(income), lv.share, 'CEILING'));
      else livingCosts = big(lv.amount.currency === 'IDR' || rate === null ? lv.amount : convert(lv.amount, rate, 'CEILING'));
    } else if (c.home !== null) livingCosts = big(c.home);
    let costs = 0n;
    if (m === 1) costs += big(plan.costs.upfrontCash);
    if (m === firstWageMonth) costs += big(plan.costs.workerAfterFirstWage);
    const debt = m <= rows.length ? big(rows[m - 1]!.payment) : 0n;
    const net = income - livingCosts - costs - debt;
    cumulative += net;
    sums.income += income;
    sums.living += livingCosts;
    sums.costs += costs;
    sums.debt += debt;
    months.push(
      Object.freeze({
        month: m,
        startsOn,
        phase,
        wage,
        income: idr(income),
        incomeSources: Object.freeze(sources.map((s) => Object.freeze(s))),
        livingCosts: idr(livingCosts),
        costs: idr(costs),
        debtPayment: idr(debt),
        net: idr(net),
        cumulative: idr(cumulative),
      }),
    );
  }
  const outstanding = rows.length > c.horizon ? big(rows[c.horizon - 1]!.closingBalance) : 0n;
  const totals: OpportunityTotals = Object.freeze({
    income: idr(sums.income),
    livingCosts: idr(sums.living),
    costs: idr(sums.costs),
    debtPayments: idr(sums.debt),
    debtOutstandingAtEnd: idr(outstanding),
    netSaving: idr(cumulative - outstanding),
  });
  return { months, totals, refs };
}

// ---------------------------------------------------------------- risks and the "sells belongings" line

function sellsBelongingsOf(plan: Plan, line: Money | null): SellsBelongingsCheck {
  const cash = plan.costs.upfrontCash;
  if (line === null) return Object.freeze({ line: null, upfrontCash: cash, status: 'NO_THRESHOLD', crossed: false, excess: null });
  if (cash.amount > line.amount) return Object.freeze({ line, upfrontCash: cash, status: 'ABOVE_THRESHOLD', crossed: true, excess: idr(big(cash) - big(line)) });
  const unknownWorkerLine = plan.costs.lines.some((l) => l.timing === 'BEFORE_FIRST_WAGE' && l.payers.some((p) => p.payer === 'WORKER' && p.amount === null));
  return Object.freeze({ line, upfrontCash: cash, status: unknownWorkerLine ? 'UNKNOWN' : 'WITHIN_THRESHOLD', crossed: false, excess: null });
}

const rupiah = (m: Money): string => String(m.amount);

/** A route closed or suspended on the comparison date. */
function routeRisks(plan: Plan): DomainErrorData[] {
  const risks: DomainErrorData[] = [];
  if (plan.routeStatus !== null && plan.routeStatus.status !== 'OPEN' && plan.route !== null) {
    const closed = plan.routeStatus.status === 'CLOSED';
    risks.push(
      errorData(
        closed ? 'OPPORTUNITIES.ROUTE_CLOSED' : 'OPPORTUNITIES.ROUTE_SUSPENDED',
        `Jalur ${ROUTE_LABELS[plan.route].id} ${closed ? 'ditutup' : 'ditangguhkan'} pada tanggal perbandingan: ${plan.routeStatus.note.id}`,
        `The ${ROUTE_LABELS[plan.route].en} route is ${closed ? 'closed' : 'suspended'} on the comparison date: ${plan.routeStatus.note.en}`,
        { details: { status: plan.routeStatus.status, until: plan.routeStatus.until ?? null } },
      ),
    );
  }
  return risks;
}

/** The debt: above the affordability line, or running longer than the paid part of the contract. */
function debtRisks(plan: Plan, base: Projection, horizon: number): DomainErrorData[] {
  const risks: DomainErrorData[] = [];
  if (plan.affordability !== null && !plan.affordability.affordableInAllScenarios) {
    const w = plan.affordability.worstCase;
    risks.push(
      errorData(
        'OPPORTUNITIES.DEBT_ABOVE_AFFORDABILITY',
        'Angsuran pinjaman melebihi batas keterjangkauan dari upah (setelah biaya hidup atau di atas rasio cicilan/upah) dalam setidaknya satu skenario kurs.',
        'The loan instalment is above the affordability line of the wage (after living costs, or above the instalment-to-wage ratio) in at least one FX scenario.',
        { details: { worstFxChange: w.fxChange, debtServiceRatio: w.debtServiceRatio, leftAfterInstalment: rupiah(w.leftAfterInstalment) } },
      ),
    );
  }
  if (plan.loan !== null) {
    // The loan runs from disbursement (month 1, before departure); the contract pays only from the
    // first wage. A payment due in a month without a wage means the paid contract is shorter than the loan.
    const loanMonths = plan.loan.lastPaymentMonth;
    const withoutWage = base.months.filter((m) => m.month <= loanMonths && m.debtPayment.amount > 0 && m.phase !== 'WORKING').length;
    const beyondHorizon = loanMonths > horizon && plan.lastWageMonth !== null && loanMonths > plan.lastWageMonth ? loanMonths - Math.max(plan.lastWageMonth, horizon) : 0;
    if (withoutWage + beyondHorizon > 0) {
      const wageMonths = base.months.filter((m) => m.month <= loanMonths && m.phase === 'WORKING').length;
      risks.push(
        errorData(
          'OPPORTUNITIES.CONTRACT_SHORTER_THAN_LOAN',
          `Pinjaman berjalan ${loanMonths} bulan sejak pencairan, tetapi hanya ${wageMonths} bulan di antaranya ada upah: ${withoutWage + beyondHorizon} angsuran jatuh tempo tanpa upah (masa tenggang dihitung sejak pencairan, sebelum berangkat).`,
          `The loan runs ${loanMonths} months from disbursement, but only ${wageMonths} of them have a wage: ${withoutWage + beyondHorizon} payments fall due without a wage (the grace period counts from disbursement, before departure).`,
          { details: { loanMonths, wageMonthsDuringLoan: wageMonths, paymentsWithoutWage: withoutWage + beyondHorizon, contractEndsMonth: plan.lastWageMonth } },
        ),
      );
    }
  }
  return risks;
}

/** The cash up front, missing figures, a loss, a debt left, months without income. */
function outcomeRisks(plan: Plan, scenarios: readonly OpportunityScenario[], base: Projection, sells: SellsBelongingsCheck, horizon: number): DomainErrorData[] {
  const risks: DomainErrorData[] = [];
  if (sells.crossed && sells.line !== null && sells.excess !== null) {
    risks.push(
      errorData(
        'OPPORTUNITIES.SELLS_BELONGINGS',
        'Uang tunai yang harus disiapkan di muka melebihi batas "tidak ada warga yang menjual harta benda".',
        'The cash to find up front is above the "nobody sells belongings" line.',
        { details: { upfrontCash: rupiah(sells.upfrontCash), line: rupiah(sells.line), excess: rupiah(sells.excess) } },
      ),
    );
  }
  if (!plan.costs.complete) {
    risks.push(
      errorData(
        'OPPORTUNITIES.COSTS_INCOMPLETE',
        'Ada pos biaya tanpa angka (masukan belum diisi): tabungan bersih ini batas atas.',
        'Some cost lines have no amount (inputs missing): this net saving is an upper bound.',
        { details: { unknownLines: plan.costs.lines.filter((l) => l.amount === null).map((l) => l.id).join(',') } },
      ),
    );
  }
  const worst = scenarios.reduce((w, s) => (s.totals.netSaving.amount < w.totals.netSaving.amount ? s : w));
  if (worst.totals.netSaving.amount < 0) {
    risks.push(
      errorData(
        'OPPORTUNITIES.NET_LOSS',
        'Pada akhir jangka waktu, uang yang tersisa negatif dalam setidaknya satu skenario.',
        'At the end of the horizon the money left is negative in at least one scenario.',
        { details: { worstNetSaving: rupiah(worst.totals.netSaving), fxChange: worst.fxChange } },
      ),
    );
  }
  if (base.totals.debtOutstandingAtEnd.amount > 0) {
    risks.push(
      errorData(
        'OPPORTUNITIES.DEBT_OUTSTANDING_AT_END',
        'Pinjaman belum lunas pada akhir jangka waktu; sisa pokok sudah dikurangkan dari tabungan bersih.',
        'The loan is not repaid by the end of the horizon; the balance is deducted from the net saving.',
        { details: { outstanding: rupiah(base.totals.debtOutstandingAtEnd) } },
      ),
    );
  }
  if (plan.lastWageMonth !== null && plan.lastWageMonth < horizon) {
    risks.push(
      errorData(
        'OPPORTUNITIES.NO_INCOME_AFTER_CONTRACT',
        `Kontrak berakhir pada bulan ${plan.lastWageMonth}; sisa ${horizon - plan.lastWageMonth} bulan dihitung tanpa penghasilan.`,
        `The contract ends in month ${plan.lastWageMonth}; the remaining ${horizon - plan.lastWageMonth} months are counted without income.`,
        { details: { contractEndsMonth: plan.lastWageMonth, monthsWithoutIncome: horizon - plan.lastWageMonth } },
      ),
    );
  }
  return risks;
}

function risksOf(plan: Plan, scenarios: readonly OpportunityScenario[], base: Projection, sells: SellsBelongingsCheck, horizon: number): DomainErrorData[] {
  return [...routeRisks(plan), ...debtRisks(plan, base, horizon), ...outcomeRisks(plan, scenarios, base, sells, horizon)].map((r) => Object.freeze(r));
}

function uniqueRefs(refs: readonly OpportunityParameterRef[]): OpportunityParameterRef[] {
  const seen = new Map<string, OpportunityParameterRef>();
  for (const r of refs) seen.set(`${r.id}@${r.effectiveFrom}@${r.overlaidBy ?? ''}`, r);
  return [...seen.values()].sort((a, b) => (a.id === b.id ? a.effectiveFrom.localeCompare(b.effectiveFrom) : a.id.localeCompare(b.id))).map((r) => Object.freeze(r));
}

const ASSUMPTIONS: readonly Messages[] = Object.freeze(
  [
    {
      id: 'Upah minimum tiap bulan adalah yang berlaku pada hari pertama bulan itu; setelah keputusan terakhir yang tercatat, keputusan itu tetap berlaku (tidak diasumsikan ada kenaikan).',
      en: 'Each month’s minimum wage is the one in force on its first day; after the last recorded decree that decree stays in force (no raise is assumed).',
    },
    {
      id: 'UMK/UMP ditetapkan dengan sen; upah dibayar dalam rupiah penuh, dibulatkan ke atas agar tidak di bawah keputusan.',
      en: 'The UMK/UMP is decreed with sen; wages are paid in whole rupiah, rounded up so as not to fall below the decree.',
    },
    {
      id: 'Biaya sebelum upah pertama jatuh pada bulan 1, biaya pekerja di luar negeri pada bulan upah pertama; pinjaman dicairkan pada bulan 1 dan bulan ke-k jadwalnya adalah bulan ke-k perbandingan.',
      en: 'Costs before the first wage fall in month 1, the worker’s costs abroad in the first wage month; the loan is disbursed in month 1 and its schedule’s month k is the comparison’s month k.',
    },
    {
      id: 'Upah di luar negeri dikonversi dengan satu kurs bertanggal (dibulatkan ke bawah); skenario kurs mengubah upah dan biaya hidup dalam won, bukan taksiran biaya.',
      en: 'Wages abroad are converted at one dated rate (rounded down); the FX scenarios move the wage and living costs in won, not the cost estimate.',
    },
    {
      id: 'Biaya hidup adalah masukan (porsi dari penghasilan, dibulatkan ke atas, atau jumlah per bulan); biaya hidup di rumah pada bulan tanpa kerja dihitung hanya bila diberikan.',
      en: 'Living costs are inputs (a share of income, rounded up, or a monthly amount); living costs at home in months without work are counted only when given.',
    },
    {
      id: 'Tabungan bersih = penghasilan − biaya hidup − uang sendiri untuk biaya − angsuran dalam jangka waktu − sisa pinjaman pada akhirnya.',
      en: 'Net saving = income − living costs − own cash for costs − loan payments in the horizon − the loan balance left at its end.',
    },
  ].map((m) => Object.freeze(m)),
);

/**
 * Compare `input.options` for one person over `input.horizonMonths` from the snapshot's date.
 * Throws (invalid input): `OPPORTUNITIES.INVALID_INPUT`, `OPPORTUNITIES.INVALID_HORIZON`,
 * `OPPORTUNITIES.INVALID_OPTIONS`, `OPPORTUNITIES.UNKNOWN_KIND`, `OPPORTUNITIES.UNKNOWN_PLACE`,
 * `OPPORTUNITIES.PLACE_NOT_OF_KIND`, `OPPORTUNITIES.UNKNOWN_ROUTE`, `OPPORTUNITIES.UNKNOWN_OCCUPATION`,
 * `OPPORTUNITIES.INVALID_MONTHS`, `OPPORTUNITIES.INVALID_AMOUNT`, `OPPORTUNITIES.INVALID_SHARE`,
 * `OPPORTUNITIES.INVALID_LIVING_COST`, `OPPORTUNITIES.INVALID_COST_LINE`, `OPPORTUNITIES.INVALID_SUPPORT`,
 * `OPPORTUNITIES.INVALID_LOAN`, `OPPORTUNITIES.INVALID_TEXT`, `OPPORTUNITIES.INVALID_FX_SHOCK`,
 * `OPPORTUNITIES.DEBT_RATIO_REQUIRED`, `OPPORTUNITIES.WAGE_BELOW_MINIMUM`, the loan's refusal codes
 * (`LOAN.*`, with every reason in `details.reasons`), and the codes of `estimateCosts` (`COSTS.*`),
 * `affordability`, money (`MONEY.*`, `FX.*`) and parameters (`PARAMETER.BEFORE_COVERAGE` when a
 * figure is not recorded for a month), each with its path under `options.<i>`.
 */
export function compareOpportunities(input: OpportunityComparisonInput, params: ParameterSnapshot): OpportunityComparison {
  if (!isObject(input)) bad('OPPORTUNITIES.INVALID_INPUT', 'Masukan tidak valid.', 'Invalid input.', ['input']);
  const p = params as ParameterSnapshot | null;
  if (typeof p !== 'object' || p === null || typeof p.get !== 'function' || typeof p.describe !== 'function' || typeof p.asOf !== 'string') {
    bad('OPPORTUNITIES.INVALID_PARAMETERS', 'Snapshot parameter tidak valid.', 'Invalid parameter snapshot.', ['params']);
  }
  const h = input.horizonMonths;
  if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_OPPORTUNITY_HORIZON_MONTHS) {
    bad('OPPORTUNITIES.INVALID_HORIZON', `Jangka waktu harus 1–${MAX_OPPORTUNITY_HORIZON_MONTHS} bulan.`, `The horizon must be 1 to ${MAX_OPPORTUNITY_HORIZON_MONTHS} months.`, ['horizonMonths'], {
      min: 1,
      max: MAX_OPPORTUNITY_HORIZON_MONTHS,
    });
  }
  if (!Array.isArray(input.options) || input.options.length < 1 || input.options.length > MAX_OPPORTUNITIES) {
    bad('OPPORTUNITIES.INVALID_OPTIONS', `Berikan 1–${MAX_OPPORTUNITIES} pilihan.`, `Give 1 to ${MAX_OPPORTUNITIES} options.`, ['options'], { min: 1, max: MAX_OPPORTUNITIES });
  }
  const home = input.homeLivingCostMonthly === undefined || input.homeLivingCostMonthly === null ? null : idrAmount(input.homeLivingCostMonthly, ['homeLivingCostMonthly']);
  const line = input.sellsBelongingsLine === undefined || input.sellsBelongingsLine === null ? null : idrAmount(input.sellsBelongingsLine, ['sellsBelongingsLine']);
  const maxDsr = input.maxDebtServiceRatio === undefined || input.maxDebtServiceRatio === null ? null : share(input.maxDebtServiceRatio, ['maxDebtServiceRatio']);
  const shocks = fxShocks(input.fxShocks);
  const c: Context = { params, horizon: h, home, line, maxDsr, shocks };

  const results = input.options.map((o, i): Omit<OpportunityResult, 'rank'> => {
    const plan = planOf(o, i, c);
    const base = project(plan, c, plan.rate);
    const scenarios: OpportunityScenario[] = [Object.freeze({ scenario: 'BASE', fxChange: '0', exchangeRate: plan.rate, totals: base.totals })];
    if (plan.rate !== null) {
      const rate = plan.rate;
      for (const s of shocks) {
        const r = shocked(rate, s);
        scenarios.push(Object.freeze({ scenario: 'FX_SHOCK', fxChange: ratioToDecimalString(s), exchangeRate: r, totals: project(plan, c, r).totals }));
      }
    }
    const sells = sellsBelongingsOf(plan, line);
    const risks = risksOf(plan, scenarios, base, sells, h);
    const firstIncome = base.months.find((m) => m.income.amount > 0);
    const worst = scenarios.reduce((w, s) => (s.totals.netSaving.amount < w.totals.netSaving.amount ? s : w));
    return Object.freeze({
      index: i,
      kind: plan.kind,
      label: plan.place !== null ? Object.freeze({ id: `${plan.label.id}: ${WAGE_PLACE_INFO[plan.place].label.id}`, en: `${plan.label.en}: ${WAGE_PLACE_INFO[plan.place].label.en}` }) : plan.route !== null ? Object.freeze({ id: `${plan.label.id}: ${ROUTE_LABELS[plan.route].id}`, en: `${plan.label.en}: ${ROUTE_LABELS[plan.route].en}` }) : plan.label,
      place: plan.place,
      route: plan.route,
      occupation: plan.occupation,
      destination: plan.destination,
      monthsUntilFirstWage: plan.monthsUntilFirstWage,
      firstIncomeMonth: firstIncome ? firstIncome.month : null,
      contractMonths: plan.contractMonths,
      lastWageMonth: plan.lastWageMonth,
      routeStatus: plan.routeStatus,
      months: Object.freeze(base.months),
      scenarios: Object.freeze(scenarios),
      netSaving: base.totals.netSaving,
      worstNetSaving: worst.totals.netSaving,
      costs: plan.costs,
      loan: plan.loan,
      affordability: plan.affordability,
      sellsBelongings: sells,
      risks: Object.freeze(risks),
      parameters: Object.freeze(uniqueRefs([...plan.parameters, ...base.refs])),
      inputs: Object.freeze([...plan.inputs]),
    });
  });

  const ranking = [...results]
    .sort((a, b) => (b.netSaving.amount !== a.netSaving.amount ? (b.netSaving.amount > a.netSaving.amount ? 1 : -1) : a.index - b.index))
    .map((r, k) => Object.freeze({ ...r, rank: k + 1 }));
  return Object.freeze({
    asOf: params.asOf,
    parameterOverlays: Object.freeze([...(params.overlays ?? [])]),
    horizonMonths: h,
    fxShocks: Object.freeze(shocks.map((s) => ratioToDecimalString(s))),
    ranking: Object.freeze(ranking),
    assumptions: ASSUMPTIONS,
  });
}

/** The largest net saving (rank 1) — a convenience for callers that only show the best option. */
export function bestOpportunity(c: OpportunityComparison): OpportunityResult {
  return c.ranking[0]!;
}

