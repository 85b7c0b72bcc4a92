import fc from 'fast-check';
import { CURRENCIES } from './currency';
import { formatMoney, toDecimalString, type MoneyLocale } from './format-money';
import { money, moneyFromDecimal } from './money';

describe('formatMoney', () => {
  it.each<[number, 'IDR' | 'KRW' | 'USD', MoneyLocale, string]>([
    [1329619, 'IDR', 'id-ID', 'Rp 1.329.619'],
    [0, 'IDR', 'id-ID', 'Rp 0'],
    [-350000, 'IDR', 'id-ID', '-Rp 350.000'],
    [100000000, 'IDR', 'id-ID', 'Rp 100.000.000'],
    [2096270, 'KRW', 'id-ID', '₩2.096.270'],
    [2800, 'USD', 'id-ID', 'US$28,00'],
    [5, 'USD', 'id-ID', 'US$0,05'],
    [123456789, 'USD', 'id-ID', 'US$1.234.567,89'],
    [1329619, 'IDR', 'en', 'IDR 1,329,619'],
    [2096270, 'KRW', 'en', '₩2,096,270'],
    [2800, 'USD', 'en', '$28.00'],
    [-5, 'USD', 'en', '-$0.05'],
    [999, 'IDR', 'en', 'IDR 999'],
  ])('%d %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatMoney(money(amount, currency), locale)).toBe(expected);
  });

  it('defaults to id-ID and rejects unknown locales', () => {
    expect(formatMoney(money(1329619, 'IDR'))).toBe('Rp 1.329.619');
    expect(() => formatMoney(money(1, 'IDR'), 'fr' as MoneyLocale)).toThrow(expect.objectContaining({ code: 'MONEY.UNKNOWN_LOCALE' }));
    expect(() => formatMoney({ amount: 1.5, currency: 'IDR' })).toThrow(expect.objectContaining({ code: 'MONEY.NOT_INTEGER' }));
  });

  it('agrees with Intl.NumberFormat (CLDR) apart from the non-breaking space', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 14), max: 10 ** 14 }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom<MoneyLocale>('id-ID', 'en'),
        (amount, currency, locale) => {
          const exp = currency === 'USD' ? 2 : 0;
          const intl = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp })
            .format(Number(toDecimalString(money(amount, currency))))
            .replace(/[\u00a0\u202f]/g, ' ');
          expect(formatMoney(money(amount, currency), locale)).toBe(intl);
        },
      ),
    );
  });
});

describe('toDecimalString', () => {
  it.each<[number, 'IDR' | 'KRW' | 'USD', string]>([
    [1329619, 'IDR', '1329619'],
    [2800, 'USD', '28.00'],
    [-5, 'USD', '-0.05'],
    [0, 'USD', '0.00'],
    [-2096270, 'KRW', '-2096270'],
  ])('%d %s → %s', (amount, currency, expected) => {
    expect(toDecimalString(money(amount, currency))).toBe(expected);
  });

  it('round-trips through moneyFromDecimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...CURRENCIES), (amount, currency) => {
        const m = money(amount, currency);
        expect(moneyFromDecimal(toDecimalString(m), currency)).toEqual(m);
      }),
    );
  });
});
