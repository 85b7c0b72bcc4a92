/**
 * Money as an integer number of minor units with an explicit currency (dinero.js v2 style):
 * IDR and KRW in whole rupiah / won, USD in cents. Values are frozen, functions are standalone
 * and pure, amounts stay safe integers (|amount| ≤ 2^53 − 1) so they survive JSON and PostgreSQL
 * `bigint` columns unchanged. Floating point never produces an amount.
 */
import { invalid } from '../shared/domain-error';
import { assertCurrency, CURRENCY_EXPONENT, isCurrency, type Currency } from './currency';

export interface Money {
  /** Safe integer number of minor units (rupiah, won, cents). */
  readonly amount: number;
  readonly currency: Currency;
}

const INTEGER_STRING_RE = /^[+-]?\d{1,30}$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function unsafe(path: readonly string[]): never {
  invalid(
    'MONEY.UNSAFE_INTEGER',
    'Jumlah uang terlalu besar untuk dihitung dengan tepat (batas ±9.007.199.254.740.991 satuan terkecil).',
    'Amount too large to be handled exactly (limit ±9,007,199,254,740,991 minor units).',
    { path, details: { max: Number.MAX_SAFE_INTEGER } },
  );
}

function notInteger(path: readonly string[]): never {
  invalid(
    'MONEY.NOT_INTEGER',
    'Jumlah uang harus bilangan bulat dalam satuan terkecil (rupiah, won, sen).',
    'The amount must be a whole number of minor units (rupiah, won, cents).',
    { path },
  );
}

/** Internal: build a frozen Money from a bigint already known to be an integer. */
export function moneyFromBigInt(amount: bigint, currency: Currency, path: readonly string[] = ['amount']): Money {
  if (amount > MAX || amount < -MAX) unsafe(path);
  const n = Number(amount);
  return Object.freeze({ amount: n === 0 ? 0 : n, currency });
}

/**
 * Create money from integer minor units. Throws `MONEY.NOT_FINITE` (NaN, ±Infinity),
 * `MONEY.NOT_INTEGER`, `MONEY.UNSAFE_INTEGER`, `MONEY.INVALID_AMOUNT` (wrong type),
 * `MONEY.UNKNOWN_CURRENCY`.
 */
export function money(amount: number | bigint | string, currency: Currency, path: readonly string[] = ['amount']): Money {
  const cur = assertCurrency(currency);
  if (typeof amount === 'bigint') return moneyFromBigInt(amount, cur, path);
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) {
      invalid('MONEY.NOT_FINITE', 'Jumlah uang harus berupa angka terhingga.', 'The amount must be a finite number.', { path });
    }
    if (!Number.isInteger(amount)) notInteger(path);
    if (!Number.isSafeInteger(amount)) unsafe(path);
    return Object.freeze({ amount: amount === 0 ? 0 : amount, currency: cur });
  }
  if (typeof amount === 'string') {
    const s = amount.trim();
    if (!INTEGER_STRING_RE.test(s)) notInteger(path);
    return moneyFromBigInt(BigInt(s), cur, path);
  }
  return invalid('MONEY.INVALID_AMOUNT', 'Jumlah uang tidak valid.', 'Invalid amount.', { path });
}

/**
 * Create money from a decimal string in major units ("28.00" USD → 2800 cents, "1329619" IDR).
 * More decimals than the currency has → `MONEY.TOO_MANY_DECIMALS` (never silently rounded).
 */
export function moneyFromDecimal(value: string, currency: Currency, path: readonly string[] = ['amount']): Money {
  const cur = assertCurrency(currency);
  const m = typeof value === 'string' ? /^([+-]?)(\d{1,30})(?:\.(\d{1,30}))?$/.exec(value.trim()) : null;
  if (!m) {
    return invalid(
      'MONEY.INVALID_DECIMAL',
      'Jumlah uang tidak valid; gunakan angka dengan titik desimal (mis. "28.00").',
      'Invalid amount; use a number with a decimal point (e.g. "28.00").',
      { path },
    );
  }
  const exp = CURRENCY_EXPONENT[cur];
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > exp) {
    invalid(
      'MONEY.TOO_MANY_DECIMALS',
      `Mata uang ${cur} hanya memiliki ${exp} angka desimal.`,
      `The currency ${cur} has only ${exp} decimal places.`,
      { path, details: { exponent: exp } },
    );
  }
  const minor = BigInt(m[2]! + frac.padEnd(exp, '0'));
  return moneyFromBigInt(m[1] === '-' ? -minor : minor, cur, path);
}

export function zero(currency: Currency): Money {
  return money(0, currency);
}

/** True for a value with a safe-integer amount and a known currency (frozen or plain, e.g. from JSON). */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { amount?: unknown; currency?: unknown };
  return Number.isSafeInteger(v.amount) && isCurrency(v.currency);
}

/** Validate a Money-shaped input and return a frozen copy. Throws `MONEY.INVALID` for non-objects. */
export function assertMoney(value: unknown, path: readonly string[] = ['money']): Money {
  if (typeof value !== 'object' || value === null) {
    return invalid('MONEY.INVALID', 'Nilai uang tidak valid.', 'Invalid money value.', { path });
  }
  const v = value as { amount?: unknown; currency?: unknown };
  const currency = assertCurrency(v.currency, [...path, 'currency']);
  if (typeof v.amount !== 'number' && typeof v.amount !== 'bigint' && typeof v.amount !== 'string') {
    return invalid('MONEY.INVALID_AMOUNT', 'Jumlah uang tidak valid.', 'Invalid amount.', { path: [...path, 'amount'] });
  }
  if (Object.isFrozen(value) && typeof v.amount === 'number' && Number.isSafeInteger(v.amount)) return value as Money;
  return money(v.amount, currency, [...path, 'amount']);
}

/** Throws `MONEY.NEGATIVE` when the amount is below zero (for prices, fees, loan amounts). */
export function assertNonNegative(m: Money, path: readonly string[] = ['money']): Money {
  const v = assertMoney(m, path);
  if (v.amount < 0) {
    invalid('MONEY.NEGATIVE', 'Jumlah uang tidak boleh negatif.', 'The amount must not be negative.', { path });
  }
  return v;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    invalid(
      'MONEY.CURRENCY_MISMATCH',
      'Mata uang berbeda tidak dapat digabungkan; konversikan dahulu dengan kurs bertanggal.',
      'Different currencies cannot be combined; convert first with a dated exchange rate.',
      { details: { left: a.currency, right: b.currency } },
    );
  }
}

export function add(a: Money, b: Money): Money {
  const x = assertMoney(a, ['a']);
  const y = assertMoney(b, ['b']);
  sameCurrency(x, y);
  return moneyFromBigInt(BigInt(x.amount) + BigInt(y.amount), x.currency);
}

export function subtract(a: Money, b: Money): Money {
  const x = assertMoney(a, ['a']);
  const y = assertMoney(b, ['b']);
  sameCurrency(x, y);
  return moneyFromBigInt(BigInt(x.amount) - BigInt(y.amount), x.currency);
}

export function negate(a: Money): Money {
  const x = assertMoney(a, ['a']);
  return moneyFromBigInt(-BigInt(x.amount), x.currency);
}

/** Sum in `currency` (so that an empty list has a currency). Every item must be in that currency. */
export function sum(items: readonly Money[], currency: Currency): Money {
  const cur = assertCurrency(currency);
  if (!Array.isArray(items)) {
    invalid('MONEY.INVALID', 'Daftar nilai uang tidak valid.', 'Invalid list of money values.', { path: ['items'] });
  }
  let total = 0n;
  const ref = zero(cur);
  items.forEach((item, i) => {
    const m = assertMoney(item, ['items', String(i)]);
    sameCurrency(ref, m);
    total += BigInt(m.amount);
  });
  return moneyFromBigInt(total, cur);
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  const x = assertMoney(a, ['a']);
  const y = assertMoney(b, ['b']);
  sameCurrency(x, y);
  return x.amount < y.amount ? -1 : x.amount > y.amount ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  const x = assertMoney(a, ['a']);
  const y = assertMoney(b, ['b']);
  return x.currency === y.currency && x.amount === y.amount;
}

export function isZero(m: Money): boolean {
  return assertMoney(m).amount === 0;
}

export function isNegative(m: Money): boolean {
  return assertMoney(m).amount < 0;
}

export function isPositive(m: Money): boolean {
  return assertMoney(m).amount > 0;
}

export function maxMoney(first: Money, ...rest: Money[]): Money {
  return [first, ...rest].reduce((acc, m) => (compare(m, acc) > 0 ? assertMoney(m) : acc), assertMoney(first));
}

export function minMoney(first: Money, ...rest: Money[]): Money {
  return [first, ...rest].reduce((acc, m) => (compare(m, acc) < 0 ? assertMoney(m) : acc), assertMoney(first));
}
