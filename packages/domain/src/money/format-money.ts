/**
 * Display and exchange formats for money. Formatting follows CLDR conventions (what
 * `Intl.NumberFormat` prints) but is done by hand so that it is identical on every runtime and
 * uses plain spaces: id-ID 'Rp 1.329.619', '₩2.096.270', 'US$28,00'; en 'IDR 1,329,619',
 * '₩2,096,270', '$28.00'. Negative amounts get a leading '-'.
 */
import { invalid } from '../shared/domain-error';
import { CURRENCY_EXPONENT, type Currency } from './currency';
import { assertMoney, type Money } from './money';

export type MoneyLocale = 'id-ID' | 'en';
export const MONEY_LOCALES: readonly MoneyLocale[] = ['id-ID', 'en'];

const STYLE: Record<MoneyLocale, { group: string; decimal: string; prefix: Record<Currency, string> }> = {
  'id-ID': { group: '.', decimal: ',', prefix: { IDR: 'Rp ', KRW: '₩', USD: 'US$' } },
  en: { group: ',', decimal: '.', prefix: { IDR: 'IDR ', KRW: '₩', USD: '$' } },
};

function splitMajorMinor(m: Money): { negative: boolean; major: string; minor: string } {
  const exp = CURRENCY_EXPONENT[m.currency];
  const abs = BigInt(m.amount < 0 ? -m.amount : m.amount)
    .toString()
    .padStart(exp + 1, '0');
  return { negative: m.amount < 0, major: abs.slice(0, abs.length - exp), minor: abs.slice(abs.length - exp) };
}

/** Decimal string in major units, no grouping: IDR '1329619', USD '28.00', '-0.05'. */
export function toDecimalString(m: Money): string {
  const x = assertMoney(m);
  const { negative, major, minor } = splitMajorMinor(x);
  return `${negative ? '-' : ''}${major}${minor ? `.${minor}` : ''}`;
}

/** Human format for a locale (default id-ID): 'Rp 1.329.619'. Throws `MONEY.UNKNOWN_LOCALE`. */
export function formatMoney(m: Money, locale: MoneyLocale = 'id-ID'): string {
  const x = assertMoney(m);
  const style = STYLE[locale];
  if (!(MONEY_LOCALES as readonly string[]).includes(locale) || !style) {
    return invalid('MONEY.UNKNOWN_LOCALE', 'Lokal format tidak dikenal; gunakan id-ID atau en.', 'Unknown locale; use id-ID or en.', {
      path: ['locale'],
    });
  }
  const { negative, major, minor } = splitMajorMinor(x);
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return `${negative ? '-' : ''}${style.prefix[x.currency]}${grouped}${minor ? `${style.decimal}${minor}` : ''}`;
}
