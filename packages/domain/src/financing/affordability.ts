/**
 * Can the worker pay the instalment from a Korean wage? The projected monthly wage (e.g. KRW, the
 * Korean minimum wage parameter or a job offer) is converted at a dated exchange rate into the
 * instalment's currency (IDR); a share of it goes to living costs in Korea; the instalment must
 * fit both in what is left and under a maximum debt-service ratio (instalment ÷ wage). The same is
 * shown with the exchange rate moved by each shock (default −10% and +10%: DOMAIN.md §6 says FX
 * has no official reference and affordability must be shown under a range).
 *
 * The living-cost share and the maximum debt-service ratio are INPUTS: DOMAIN.md gives no value
 * for them, so there is no default and nothing is invented. Callers state their own (e.g. the
 * officer's assumption) and the result repeats them.
 *
 * Rounding is conservative for the worker: the converted wage is rounded down, living costs up,
 * the largest affordable instalment down.
 *
 * A shock of −10% means the wage's currency buys 10% less of the instalment's currency
 * (₩1 = Rp 11,5 becomes Rp 10,35).
 */
import { errorData, invalid, type DomainErrorData } from '../shared/domain-error';
import { convert, exchangeRate as assertExchangeRate, scaleExchangeRate, type ExchangeRate } from '../money/exchange-rate';
import { moneyFromBigInt, type Money } from '../money/money';
import { multiply } from '../money/multiply';
import { ratio, ratioAdd, ratioDivide, ratioOf, ratioToDecimalString, type Ratio } from '../money/ratio';
import { assertObject, assertPositiveAmount, assertShare } from './financing-input';

export interface AffordabilityInput {
  /** The instalment to pay each month (pass the largest one, e.g. max(regular, last)). */
  readonly instalment: Money;
  /** Projected monthly wage, usually in KRW. */
  readonly monthlyWage: Money;
  /** A dated rate linking the wage's and the instalment's currencies (either direction). Not needed when both are the same currency. */
  readonly exchangeRate?: ExchangeRate;
  /** Share of the wage spent on living costs in Korea, 0–1 (input, no default). */
  readonly livingCostShare: string | Ratio;
  /** Largest instalment ÷ wage accepted, 0–1 (input, no default). */
  readonly maxDebtServiceRatio: string | Ratio;
  /** Relative FX moves to test, each above −1 (default ["-0.1", "0.1"]). */
  readonly fxShocks?: readonly string[];
}

export const AFFORDABILITY_SCENARIOS = ['BASE', 'FX_SHOCK'] as const;
export type AffordabilityScenarioKind = (typeof AFFORDABILITY_SCENARIOS)[number];

export interface AffordabilityScenario {
  readonly scenario: AffordabilityScenarioKind;
  /** Relative FX move applied: "0" for BASE, e.g. "-0.1". */
  readonly fxChange: string;
  /** The rate used (null when no conversion was needed). */
  readonly exchangeRate: ExchangeRate | null;
  /** The wage in the instalment's currency. */
  readonly wage: Money;
  readonly livingCosts: Money;
  /** wage − livingCosts. */
  readonly availableAfterLivingCosts: Money;
  /** wage × maxDebtServiceRatio, rounded down. */
  readonly maxInstalmentByRatio: Money;
  /** instalment ÷ wage, decimal string (6 decimals). */
  readonly debtServiceRatio: string;
  /** availableAfterLivingCosts − instalment (negative when short). */
  readonly leftAfterInstalment: Money;
  readonly affordable: boolean;
  /** `AFFORDABILITY.ABOVE_DEBT_SERVICE_RATIO`, `AFFORDABILITY.ABOVE_INCOME_AFTER_LIVING_COSTS`. */
  readonly reasons: readonly DomainErrorData[];
}

export interface Affordability {
  readonly instalment: Money;
  readonly monthlyWage: Money;
  readonly livingCostShare: string;
  readonly maxDebtServiceRatio: string;
  /** BASE first, then one per shock in the order given. */
  readonly scenarios: readonly AffordabilityScenario[];
  readonly affordableInAllScenarios: boolean;
  /** The scenario with the least left after the instalment. */
  readonly worstCase: AffordabilityScenario;
}

function shockRatio(value: unknown, i: number): Ratio {
  let r: Ratio | undefined;
  try {
    r = ratio(value as string, ['fxShocks', String(i)]);
  } catch {
    r = undefined;
  }
  if (r === undefined || r.num <= -r.den || r.num >= 10n * r.den) {
    return invalid(
      'AFFORDABILITY.INVALID_FX_SHOCK',
      'Perubahan kurs harus angka desimal di atas -1, mis. "-0.1" untuk turun 10%.',
      'An FX shock must be a decimal number above -1, e.g. "-0.1" for a 10% fall.',
      { path: ['fxShocks', String(i)] },
    );
  }
  return r;
}

/** The rate between the wage's and the instalment's currencies (`null` when they are the same). */
function wageRate(inp: Record<string, unknown>, wage: Money, instalment: Money): ExchangeRate | null {
  if (wage.currency === instalment.currency) return null;
  if (inp['exchangeRate'] === undefined || inp['exchangeRate'] === null) {
    invalid(
      'AFFORDABILITY.EXCHANGE_RATE_REQUIRED',
      'Upah dan angsuran berbeda mata uang: sertakan kurs bertanggal.',
      'The wage and the instalment are in different currencies: give a dated exchange rate.',
      { path: ['exchangeRate'] },
    );
  }
  const rate = assertExchangeRate(inp['exchangeRate'] as ExchangeRate, ['exchangeRate']);
  const pair = [rate.base, rate.quote];
  if (!pair.includes(wage.currency) || !pair.includes(instalment.currency)) {
    invalid(
      'MONEY.CURRENCY_MISMATCH',
      'Kurs tidak menghubungkan mata uang upah dan angsuran.',
      'The exchange rate does not link the wage and instalment currencies.',
      { path: ['exchangeRate'], details: { wage: wage.currency, instalment: instalment.currency } },
    );
  }
  return rate;
}

interface ScenarioTerms {
  readonly rate: ExchangeRate | null;
  readonly wage: Money;
  readonly instalment: Money;
  readonly living: Ratio;
  readonly maxDsr: Ratio;
}

/** One scenario: the wage converted at the rate moved by `change`, living costs, the debt-service ratio, what is left. */
function scenarioOf(kind: AffordabilityScenarioKind, change: Ratio, t: ScenarioTerms): AffordabilityScenario {
  const { rate, wage, instalment, living, maxDsr } = t;
  const factor = ratioAdd(ratioOf(1n, 1n), change);
  // Scale so that the wage's currency is worth `factor` times as much.
  const fx = rate === null ? null : scaleExchangeRate(rate, rate.base === wage.currency ? factor : ratioDivide(ratioOf(1n, 1n), factor));
  const wageConverted = fx === null ? wage : convert(wage, fx, 'FLOOR');
  if (wageConverted.amount <= 0) {
    invalid(
      'AFFORDABILITY.WAGE_TOO_SMALL',
      'Upah setelah konversi bernilai nol; periksa jumlah upah dan kurs.',
      'The converted wage is zero; check the wage and the exchange rate.',
      { path: ['monthlyWage'] },
    );
  }
  const livingCosts = multiply(wageConverted, living, 'CEILING');
  const available = moneyFromBigInt(BigInt(wageConverted.amount) - BigInt(livingCosts.amount), instalment.currency);
  const maxByRatio = multiply(wageConverted, maxDsr, 'FLOOR');
  const left = moneyFromBigInt(BigInt(available.amount) - BigInt(instalment.amount), instalment.currency);
  const reasons: DomainErrorData[] = [];
  if (instalment.amount > maxByRatio.amount) {
    reasons.push(
      errorData(
        'AFFORDABILITY.ABOVE_DEBT_SERVICE_RATIO',
        'Angsuran melebihi porsi maksimum upah untuk cicilan.',
        'The instalment is above the largest share of the wage allowed for repayments.',
        { details: { maxDebtServiceRatio: ratioToDecimalString(maxDsr, 6) } },
      ),
    );
  }
  if (left.amount < 0) {
    reasons.push(
      errorData(
        'AFFORDABILITY.ABOVE_INCOME_AFTER_LIVING_COSTS',
        'Angsuran melebihi sisa upah setelah biaya hidup.',
        'The instalment is above what is left of the wage after living costs.',
      ),
    );
  }
  const dsr = ratioOf(BigInt(instalment.amount), BigInt(wageConverted.amount));
  return Object.freeze({
    scenario: kind,
    fxChange: ratioToDecimalString(change),
    exchangeRate: fx,
    wage: wageConverted,
    livingCosts,
    availableAfterLivingCosts: available,
    maxInstalmentByRatio: maxByRatio,
    debtServiceRatio: ratioToDecimalString(dsr, 6),
    leftAfterInstalment: left,
    affordable: reasons.length === 0,
    reasons: Object.freeze(reasons),
  });
}

/**
 * Affordability of `instalment` against `monthlyWage` at the base rate and under each FX shock.
 * Throws `FINANCE.NEGATIVE_AMOUNT`, `FINANCE.ZERO_AMOUNT`, `FINANCE.INVALID_SHARE`,
 * `AFFORDABILITY.INVALID_FX_SHOCK`, `AFFORDABILITY.EXCHANGE_RATE_REQUIRED`, `AFFORDABILITY.WAGE_TOO_SMALL`, `FX.*`,
 * `MONEY.CURRENCY_MISMATCH` (the rate does not link the two currencies).
 */
export function affordability(input: AffordabilityInput): Affordability {
  const inp = assertObject(input, ['input']);
  const instalment = assertPositiveAmount(inp['instalment'], ['instalment']);
  const wage = assertPositiveAmount(inp['monthlyWage'], ['monthlyWage']);
  const living = assertShare(inp['livingCostShare'], ['livingCostShare']);
  const maxDsr = assertShare(inp['maxDebtServiceRatio'], ['maxDebtServiceRatio']);
  const shocksIn = inp['fxShocks'] ?? ['-0.1', '0.1'];
  if (!Array.isArray(shocksIn) || shocksIn.length > 20) {
    invalid('AFFORDABILITY.INVALID_FX_SHOCK', 'Daftar perubahan kurs tidak valid (maks. 20).', 'Invalid list of FX shocks (max 20).', { path: ['fxShocks'] });
  }
  const shocks = shocksIn.map(shockRatio);

  const rate = wageRate(inp, wage, instalment);
  const terms: ScenarioTerms = { rate, wage, instalment, living, maxDsr };
  const scenario = (kind: AffordabilityScenarioKind, change: Ratio): AffordabilityScenario => scenarioOf(kind, change, terms);

  const scenarios = [scenario('BASE', ratioOf(0n, 1n)), ...shocks.map((s) => scenario('FX_SHOCK', s))];
  const worstCase = scenarios.reduce((w, s) => (s.leftAfterInstalment.amount < w.leftAfterInstalment.amount ? s : w));
  return Object.freeze({
    instalment,
    monthlyWage: wage,
    livingCostShare: ratioToDecimalString(living, 6),
    maxDebtServiceRatio: ratioToDecimalString(maxDsr, 6),
    scenarios: Object.freeze(scenarios),
    affordableInAllScenarios: scenarios.every((s) => s.affordable),
    worstCase,
  });
}
