/**
 * Exact rational numbers for rates, shares and exchange rates. A `Ratio` is always reduced with a
 * positive denominator, so equal values have equal fields. Decimal strings ("0.06", "11.5", "-0.1")
 * and fractions ("1/12") convert exactly: no binary floating point is involved.
 */
import { invalid } from '../shared/domain-error';
import { divideRounded, type RoundingMode } from './rounding';

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const FRACTION_RE = /^([+-]?\d+)\/(\d+)$/;
/** Longest accepted decimal string: keeps bigint work bounded on hostile input. */
const MAX_LENGTH = 64;

function bad(path: readonly string[]): never {
  invalid(
    'RATIO.INVALID',
    'Rasio tidak valid; gunakan angka desimal dengan titik (mis. "0.06") atau pecahan (mis. "1/12").',
    'Invalid ratio; use a decimal number with a dot (e.g. "0.06") or a fraction (e.g. "1/12").',
    { path },
  );
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Build a reduced, frozen ratio from a numerator and a non-zero denominator. */
export function ratioOf(num: bigint, den: bigint, path: readonly string[] = ['ratio']): Ratio {
  if (typeof num !== 'bigint' || typeof den !== 'bigint' || den === 0n) bad(path);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return Object.freeze({ num: num / g, den: den / g });
}

/** Parse a decimal string ("0.06", "-0.1", "11.5", "16411.65") or a fraction ("1/12"); or validate a Ratio. */
export function ratio(value: string | Ratio, path: readonly string[] = ['ratio']): Ratio {
  if (typeof value === 'object' && value !== null) {
    return ratioOf((value as Ratio).num, (value as Ratio).den, path);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) bad(path);
  const d = DECIMAL_RE.exec(value);
  if (d) {
    const sign = d[1] === '-' ? -1n : 1n;
    const frac = d[3] ?? '';
    return ratioOf(sign * BigInt(d[2]! + frac), 10n ** BigInt(frac.length), path);
  }
  const f = FRACTION_RE.exec(value);
  if (f) return ratioOf(BigInt(f[1]!), BigInt(f[2]!), path);
  return bad(path);
}

export function isRatioString(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return false;
  if (DECIMAL_RE.test(value)) return true;
  const f = FRACTION_RE.exec(value);
  return f !== null && BigInt(f[2]!) !== 0n;
}

export const RATIO_ZERO: Ratio = Object.freeze({ num: 0n, den: 1n });
export const RATIO_ONE: Ratio = Object.freeze({ num: 1n, den: 1n });

export function ratioFromInteger(n: number | bigint): Ratio {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) bad(['ratio']);
  return ratioOf(BigInt(n), 1n);
}

export function ratioAdd(a: Ratio | string, b: Ratio | string): Ratio {
  const x = ratio(a);
  const y = ratio(b);
  return ratioOf(x.num * y.den + y.num * x.den, x.den * y.den);
}

export function ratioSubtract(a: Ratio | string, b: Ratio | string): Ratio {
  const y = ratio(b);
  return ratioAdd(a, { num: -y.num, den: y.den });
}

export function ratioMultiply(a: Ratio | string, b: Ratio | string): Ratio {
  const x = ratio(a);
  const y = ratio(b);
  return ratioOf(x.num * y.num, x.den * y.den);
}

/** a / b; throws `RATIO.DIVISION_BY_ZERO` when b is zero. */
export function ratioDivide(a: Ratio | string, b: Ratio | string): Ratio {
  const x = ratio(a);
  const y = ratio(b);
  if (y.num === 0n) invalid('RATIO.DIVISION_BY_ZERO', 'Pembagian dengan nol.', 'Division by zero.');
  return ratioOf(x.num * y.den, x.den * y.num);
}

/** Integer power (exponent ≥ 0, at most 1200): exact, for compounding monthly rates. */
export function ratioPow(a: Ratio | string, exponent: number): Ratio {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 1200) {
    invalid('RATIO.INVALID_EXPONENT', 'Pangkat harus bilangan bulat 0–1200.', 'The exponent must be a whole number 0–1200.');
  }
  const x = ratio(a);
  const e = BigInt(exponent);
  return ratioOf(x.num ** e, x.den ** e);
}

export function ratioCompare(a: Ratio | string, b: Ratio | string): -1 | 0 | 1 {
  const x = ratio(a);
  const y = ratio(b);
  const l = x.num * y.den;
  const r = y.num * x.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function ratioEquals(a: Ratio | string, b: Ratio | string): boolean {
  return ratioCompare(a, b) === 0;
}

/** Round a ratio to an integer. */
export function ratioToInteger(a: Ratio | string, mode: RoundingMode = 'HALF_EVEN'): bigint {
  const x = ratio(a);
  return divideRounded(x.num, x.den, mode);
}

/**
 * Decimal string of a ratio. Without `digits`, the exact expansion when it terminates
 * (1/8 → "0.125") and otherwise the fraction ("1/3"). With `digits`, rounded to that many places.
 */
export function ratioToDecimalString(a: Ratio | string, digits?: number, mode: RoundingMode = 'HALF_EVEN'): string {
  const x = ratio(a);
  if (digits === undefined) {
    let d = x.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return `${x.num}/${x.den}`;
    digits = Math.max(twos, fives);
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 40) {
    invalid('RATIO.INVALID_DIGITS', 'Jumlah digit harus 0–40.', 'Digits must be 0–40.');
  }
  const scaled = divideRounded(x.num * 10n ** BigInt(digits), x.den, mode);
  const neg = scaled < 0n;
  const s = (neg ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return neg ? `-${body}` : body;
}

/** Nearest double, for display or non-monetary statistics only; never for stored amounts. */
export function ratioToNumber(a: Ratio | string): number {
  const x = ratio(a);
  return Number(ratioToDecimalString(x, 17));
}
