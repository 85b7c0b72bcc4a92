/**
 * Currency conversion with an explicit, dated exchange rate. There is no "current rate" inside the
 * domain: the caller passes a rate with its date and source (a parameter such as `fx.idrPerKrw`,
 * which is a working default, or an officer's input).
 *
 * `rate` is the number of quote major units per one base major unit, as a decimal string:
 * { base: 'KRW', quote: 'IDR', rate: '11.5' } means ₩1 = Rp 11,5. `convert` works in both
 * directions: base → quote multiplies, quote → base divides, each rounded once, exactly.
 */
import { invalid } from '../shared/domain-error';
import { parseIsoDate, type IsoDate } from '../shared/local-date';
import { assertCurrency, minorUnitsPerMajor, type Currency } from './currency';
import { assertMoney, moneyFromBigInt, type Money } from './money';
import { ratio, ratioMultiply, ratioToDecimalString, type Ratio } from './ratio';
import { assertRoundingMode, divideRounded, type RoundingMode } from './rounding';

export interface ExchangeRate {
  readonly base: Currency;
  readonly quote: Currency;
  /** Quote major units per 1 base major unit, decimal string (e.g. '11.5' IDR per KRW). */
  readonly rate: string;
  readonly asOf: IsoDate;
  /** Where the rate comes from (a parameter id, a bank, an officer's note). */
  readonly source: string;
  /** true = a working default, not an official rate. */
  readonly isDefault: boolean;
}

function badRate(en: string, id: string, path: readonly string[]): never {
  return invalid('FX.INVALID_RATE', id, en, { path });
}

/** Validate an exchange rate and return a frozen copy. Throws `FX.INVALID_RATE`, `FX.SAME_CURRENCY`, `FX.MISSING_SOURCE`, `DATE.INVALID`, `MONEY.UNKNOWN_CURRENCY`. */
export function exchangeRate(input: ExchangeRate, path: readonly string[] = ['rate']): ExchangeRate {
  if (typeof input !== 'object' || input === null) {
    badRate('Invalid exchange rate.', 'Kurs tidak valid.', path);
  }
  const base = assertCurrency(input.base, [...path, 'base']);
  const quote = assertCurrency(input.quote, [...path, 'quote']);
  if (base === quote) {
    invalid('FX.SAME_CURRENCY', 'Kurs harus menghubungkan dua mata uang yang berbeda.', 'An exchange rate must link two different currencies.', {
      path,
    });
  }
  let r: Ratio;
  try {
    r = ratio(input.rate);
  } catch {
    return badRate(
      'The exchange rate must be a decimal number with a dot (e.g. "11.5").',
      'Kurs harus berupa angka desimal dengan titik (mis. "11.5").',
      [...path, 'rate'],
    );
  }
  if (r.num <= 0n) badRate('The exchange rate must be above zero.', 'Kurs harus lebih dari nol.', [...path, 'rate']);
  const asOf = parseIsoDate(input.asOf, [...path, 'asOf']);
  if (typeof input.source !== 'string' || input.source.trim() === '') {
    invalid('FX.MISSING_SOURCE', 'Sumber kurs wajib diisi.', 'The source of the exchange rate is required.', { path: [...path, 'source'] });
  }
  if (typeof input.isDefault !== 'boolean') {
    badRate('isDefault must be true or false.', 'isDefault harus true atau false.', [...path, 'isDefault']);
  }
  return Object.freeze({ base, quote, rate: input.rate, asOf, source: input.source, isDefault: input.isDefault });
}

/** The rate as an exact ratio (quote per base). */
export function exchangeRateRatio(rate: ExchangeRate): Ratio {
  return ratio(exchangeRate(rate).rate);
}

/**
 * Convert `m` with `rate`: from base to quote, or from quote back to base.
 * Throws `FX.CURRENCY_MISMATCH` when `m` is in neither currency of the rate.
 */
export function convert(m: Money, rate: ExchangeRate, rounding: RoundingMode = 'HALF_EVEN'): Money {
  const x = assertMoney(m, ['money']);
  const fx = exchangeRate(rate);
  const mode = assertRoundingMode(rounding);
  const r = ratio(fx.rate);
  const amount = BigInt(x.amount);
  if (x.currency === fx.base) {
    const num = amount * r.num * minorUnitsPerMajor(fx.quote);
    const den = r.den * minorUnitsPerMajor(fx.base);
    return moneyFromBigInt(divideRounded(num, den, mode), fx.quote);
  }
  if (x.currency === fx.quote) {
    const num = amount * r.den * minorUnitsPerMajor(fx.base);
    const den = r.num * minorUnitsPerMajor(fx.quote);
    return moneyFromBigInt(divideRounded(num, den, mode), fx.base);
  }
  return invalid(
    'FX.CURRENCY_MISMATCH',
    'Mata uang tidak cocok dengan kurs yang diberikan.',
    'The currency does not match the exchange rate given.',
    { details: { currency: x.currency, base: fx.base, quote: fx.quote } },
  );
}

/**
 * The same rate scaled by an exact factor, for sensitivity ranges (e.g. '0.9' and '1.1' for ±10%).
 * The source records the scaling.
 */
export function scaleExchangeRate(rate: ExchangeRate, factor: Ratio | string): ExchangeRate {
  const fx = exchangeRate(rate);
  const f = ratio(factor, ['factor']);
  if (f.num <= 0n) badRate('The scaling factor must be above zero.', 'Faktor pengali harus lebih dari nol.', ['factor']);
  return exchangeRate({
    ...fx,
    rate: ratioToDecimalString(ratioMultiply(fx.rate, f)),
    source: `${fx.source} × ${ratioToDecimalString(f)}`,
  });
}
