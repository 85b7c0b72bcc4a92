/**
 * Currencies the program handles and their minor-unit exponents (ISO 4217 as used here):
 * IDR and KRW are counted in whole rupiah / whole won, USD in cents.
 */
import { invalid } from '../shared/domain-error';

export const CURRENCIES = ['IDR', 'KRW', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Minor units per major unit = 10 ** exponent. */
export const CURRENCY_EXPONENT: Readonly<Record<Currency, number>> = Object.freeze({ IDR: 0, KRW: 0, USD: 2 });

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** Validate a currency code; throws `MONEY.UNKNOWN_CURRENCY`. */
export function assertCurrency(value: unknown, path: readonly string[] = ['currency']): Currency {
  if (!isCurrency(value)) {
    invalid(
      'MONEY.UNKNOWN_CURRENCY',
      `Mata uang tidak dikenal; gunakan salah satu dari ${CURRENCIES.join(', ')}.`,
      `Unknown currency; use one of ${CURRENCIES.join(', ')}.`,
      { path, details: { allowed: CURRENCIES.join(',') } },
    );
  }
  return value;
}

/** 10 ** exponent as a bigint: the number of minor units in one major unit. */
export function minorUnitsPerMajor(currency: Currency): bigint {
  return 10n ** BigInt(CURRENCY_EXPONENT[assertCurrency(currency)]);
}
