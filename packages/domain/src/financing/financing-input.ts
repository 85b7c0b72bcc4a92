/**
 * Input checks shared by the financing functions. Invalid input throws a `DomainError` with a
 * stable code and a bilingual message; the submitted values are never echoed in the message
 * (only limits are).
 *
 * Codes: `FINANCE.NEGATIVE_AMOUNT`, `FINANCE.ZERO_AMOUNT`, `FINANCE.INVALID_RATE`,
 * `FINANCE.NEGATIVE_RATE`, `FINANCE.RATE_ABOVE_100_PERCENT`, `FINANCE.NON_INTEGER_MONTHS`,
 * `FINANCE.INVALID_TENOR`, `FINANCE.TENOR_TOO_LONG`, `FINANCE.INVALID_GRACE`,
 * `FINANCE.INVALID_SHARE`, `FINANCE.INVALID_OPTION`, plus `MONEY.*` from the money module
 * (`MONEY.CURRENCY_MISMATCH` for mixed currencies).
 */
import { invalid } from '../shared/domain-error';
import { assertMoney, type Money } from '../money/money';
import { ratio, type Ratio } from '../money/ratio';
import type { Currency } from '../money/currency';

/** Longest schedule accepted (40 years): bounds the bigint work on hostile input. */
export const MAX_SCHEDULE_MONTHS = 480;

/** A positive amount of money (a loan, a wage). Throws `FINANCE.NEGATIVE_AMOUNT` / `FINANCE.ZERO_AMOUNT`. */
export function assertPositiveAmount(value: unknown, path: readonly string[]): Money {
  const m = assertMoney(value, path);
  if (m.amount < 0) {
    invalid('FINANCE.NEGATIVE_AMOUNT', 'Jumlah uang tidak boleh negatif.', 'The amount must not be negative.', { path });
  }
  if (m.amount === 0) {
    invalid('FINANCE.ZERO_AMOUNT', 'Jumlah uang harus lebih dari nol.', 'The amount must be above zero.', { path });
  }
  return m;
}

/** A non-negative amount of money. Throws `FINANCE.NEGATIVE_AMOUNT`. */
export function assertNonNegativeAmount(value: unknown, path: readonly string[]): Money {
  const m = assertMoney(value, path);
  if (m.amount < 0) {
    invalid('FINANCE.NEGATIVE_AMOUNT', 'Jumlah uang tidak boleh negatif.', 'The amount must not be negative.', { path });
  }
  return m;
}

/** Throws `MONEY.CURRENCY_MISMATCH` unless `m` is in `currency`. */
export function assertCurrencyIs(m: Money, currency: Currency, path: readonly string[]): void {
  if (m.currency !== currency) {
    invalid(
      'MONEY.CURRENCY_MISMATCH',
      `Mata uang harus ${currency}; konversikan dahulu dengan kurs bertanggal.`,
      `The currency must be ${currency}; convert first with a dated exchange rate.`,
      { path, details: { expected: currency, actual: m.currency } },
    );
  }
}

/**
 * An annual interest rate as an exact ratio, 0 ≤ rate ≤ 1 (0% to 100% a year).
 * Accepts a decimal string ("0.06") or a Ratio. Throws `FINANCE.INVALID_RATE`,
 * `FINANCE.NEGATIVE_RATE`, `FINANCE.RATE_ABOVE_100_PERCENT`.
 */
export function assertAnnualRate(value: unknown, path: readonly string[]): Ratio {
  let r: Ratio;
  try {
    r = ratio(value as string | Ratio, path);
  } catch {
    return invalid(
      'FINANCE.INVALID_RATE',
      'Suku bunga harus berupa angka desimal dengan titik, mis. "0.06" untuk 6% per tahun.',
      'The interest rate must be a decimal number with a dot, e.g. "0.06" for 6% a year.',
      { path },
    );
  }
  if (r.num < 0n) {
    invalid('FINANCE.NEGATIVE_RATE', 'Suku bunga tidak boleh negatif.', 'The interest rate must not be negative.', { path });
  }
  if (r.num > r.den) {
    invalid(
      'FINANCE.RATE_ABOVE_100_PERCENT',
      'Suku bunga tahunan tidak boleh lebih dari 100% (1.0).',
      'The annual interest rate must not be above 100% (1.0).',
      { path, details: { max: '1' } },
    );
  }
  return r;
}

/** A share between 0 and 1 inclusive (a living-cost share, a debt-service ratio). Throws `FINANCE.INVALID_SHARE`. */
export function assertShare(value: unknown, path: readonly string[]): Ratio {
  let r: Ratio | undefined;
  try {
    r = ratio(value as string | Ratio, path);
  } catch {
    r = undefined;
  }
  if (r === undefined || r.num < 0n || r.num > r.den) {
    return invalid(
      'FINANCE.INVALID_SHARE',
      'Porsi harus angka desimal antara 0 dan 1, mis. "0.3".',
      'The share must be a decimal number from 0 to 1, e.g. "0.3".',
      { path, details: { min: '0', max: '1' } },
    );
  }
  return r;
}

/** A whole number of months. Throws `FINANCE.NON_INTEGER_MONTHS`. */
export function assertWholeMonths(value: unknown, path: readonly string[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    invalid('FINANCE.NON_INTEGER_MONTHS', 'Jumlah bulan harus bilangan bulat.', 'The number of months must be a whole number.', { path });
  }
  return value;
}

/** A tenor of 1…480 months. Throws `FINANCE.NON_INTEGER_MONTHS`, `FINANCE.INVALID_TENOR`, `FINANCE.TENOR_TOO_LONG`. */
export function assertTenor(value: unknown, path: readonly string[]): number {
  const n = assertWholeMonths(value, path);
  if (n < 1) {
    invalid('FINANCE.INVALID_TENOR', 'Tenor harus paling sedikit 1 bulan.', 'The tenor must be at least 1 month.', { path, details: { min: 1 } });
  }
  if (n > MAX_SCHEDULE_MONTHS) {
    invalid(
      'FINANCE.TENOR_TOO_LONG',
      `Tenor paling lama ${MAX_SCHEDULE_MONTHS} bulan.`,
      `The tenor must be at most ${MAX_SCHEDULE_MONTHS} months.`,
      { path, details: { max: MAX_SCHEDULE_MONTHS } },
    );
  }
  return n;
}

/** Grace months: 0 ≤ grace < tenor (at least one instalment must remain). Throws `FINANCE.INVALID_GRACE`. */
export function assertGrace(value: unknown, tenorMonths: number, path: readonly string[]): number {
  const g = assertWholeMonths(value, path);
  if (g < 0 || g >= tenorMonths) {
    invalid(
      'FINANCE.INVALID_GRACE',
      'Masa tenggang harus 0 atau lebih dan lebih pendek dari tenor.',
      'The grace period must be 0 or more and shorter than the tenor.',
      { path, details: { min: 0, maxExclusive: tenorMonths } },
    );
  }
  return g;
}

/** Throws `FINANCE.INVALID_OPTION` unless `value` is one of `allowed`. */
export function assertOption<T extends string>(value: unknown, allowed: readonly T[], path: readonly string[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalid('FINANCE.INVALID_OPTION', `Pilihan tidak dikenal; gunakan ${allowed.join(', ')}.`, `Unknown option; use ${allowed.join(', ')}.`, {
      path,
      details: { allowed: allowed.join(',') },
    });
  }
  return value as T;
}

/** Throws `FINANCE.INVALID_INPUT` unless `value` is a plain object. */
export function assertObject(value: unknown, path: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid('FINANCE.INVALID_INPUT', 'Masukan tidak valid.', 'Invalid input.', { path });
  }
  return value as Record<string, unknown>;
}
