import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { CURRENCIES, CURRENCY_EXPONENT, type Currency } from './currency';
import {
  add,
  assertMoney,
  assertNonNegative,
  compare,
  equals,
  isMoney,
  isNegative,
  isPositive,
  isZero,
  maxMoney,
  minMoney,
  money,
  moneyFromDecimal,
  negate,
  subtract,
  sum,
  zero,
} from './money';
import { multiply } from './multiply';

const code = (c: string) => expect.objectContaining({ code: c });
const MAX = Number.MAX_SAFE_INTEGER;

describe('money', () => {
  it('exposes the currencies and their exponents', () => {
    expect(CURRENCIES).toEqual(['IDR', 'KRW', 'USD']);
    expect(CURRENCY_EXPONENT).toEqual({ IDR: 0, KRW: 0, USD: 2 });
    expect(Object.isFrozen(CURRENCY_EXPONENT)).toBe(true);
  });

  it('creates frozen values from numbers, bigints and integer strings', () => {
    const m = money(1329619, 'IDR');
    expect(m).toEqual({ amount: 1329619, currency: 'IDR' });
    expect(Object.isFrozen(m)).toBe(true);
    expect(money(10n ** 15n, 'KRW').amount).toBe(1e15);
    expect(money(' -2800 ', 'USD')).toEqual({ amount: -2800, currency: 'USD' });
    expect(money(MAX, 'IDR').amount).toBe(MAX);
    expect(Object.is(money(-0, 'IDR').amount, 0)).toBe(true);
    expect(() => {
      (m as { amount: number }).amount = 5;
    }).toThrow(TypeError);
  });

  it.each([
    [1.5, 'MONEY.NOT_INTEGER'],
    [0.1, 'MONEY.NOT_INTEGER'],
    ['1.5', 'MONEY.NOT_INTEGER'],
    ['1e3', 'MONEY.NOT_INTEGER'],
    ['', 'MONEY.NOT_INTEGER'],
    [NaN, 'MONEY.NOT_FINITE'],
    [Infinity, 'MONEY.NOT_FINITE'],
    [-Infinity, 'MONEY.NOT_FINITE'],
    [MAX + 1, 'MONEY.UNSAFE_INTEGER'],
    [2n ** 53n, 'MONEY.UNSAFE_INTEGER'],
    ['9007199254740992', 'MONEY.UNSAFE_INTEGER'],
    [-(2n ** 53n), 'MONEY.UNSAFE_INTEGER'],
    [null, 'MONEY.INVALID_AMOUNT'],
    [{}, 'MONEY.INVALID_AMOUNT'],
  ])('rejects %p with %s', (amount, expected) => {
    expect(() => money(amount as number, 'IDR')).toThrow(DomainError);
    expect(() => money(amount as number, 'IDR')).toThrow(code(expected));
  });

  it('rejects unknown currencies with a bilingual message', () => {
    try {
      money(1, 'EUR' as Currency);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const d = e as DomainError;
      expect(d.code).toBe('MONEY.UNKNOWN_CURRENCY');
      expect(d.messages.id).toMatch(/Mata uang/);
      expect(d.messages.en).toMatch(/Unknown currency/);
    }
    expect(() => zero('idr' as Currency)).toThrow(code('MONEY.UNKNOWN_CURRENCY'));
  });

  it('parses major-unit decimals without rounding', () => {
    expect(moneyFromDecimal('28.00', 'USD')).toEqual({ amount: 2800, currency: 'USD' });
    expect(moneyFromDecimal('28.5', 'USD').amount).toBe(2850);
    expect(moneyFromDecimal('-0.05', 'USD').amount).toBe(-5);
    expect(moneyFromDecimal('1329619', 'IDR').amount).toBe(1329619);
    expect(moneyFromDecimal('1329619.000', 'IDR').amount).toBe(1329619);
    expect(() => moneyFromDecimal('0.5', 'IDR')).toThrow(code('MONEY.TOO_MANY_DECIMALS'));
    expect(() => moneyFromDecimal('1.234', 'USD')).toThrow(code('MONEY.TOO_MANY_DECIMALS'));
    expect(() => moneyFromDecimal('1,5', 'USD')).toThrow(code('MONEY.INVALID_DECIMAL'));
  });

  it('adds, subtracts, negates and sums within one currency', () => {
    const a = money(350000, 'IDR');
    const b = money(650000, 'IDR');
    expect(add(a, b)).toEqual(money(1000000, 'IDR'));
    expect(subtract(a, b)).toEqual(money(-300000, 'IDR'));
    expect(negate(a)).toEqual(money(-350000, 'IDR'));
    expect(sum([a, b, a], 'IDR')).toEqual(money(1350000, 'IDR'));
    expect(sum([], 'KRW')).toEqual(zero('KRW'));
    expect(Object.isFrozen(add(a, b))).toBe(true);
  });

  it('refuses mixed currencies', () => {
    const idr = money(1, 'IDR');
    const krw = money(1, 'KRW');
    expect(() => add(idr, krw)).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => subtract(idr, krw)).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => compare(idr, krw)).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => sum([idr, krw], 'IDR')).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => sum([krw], 'IDR')).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(equals(idr, krw)).toBe(false);
  });

  it('detects overflow instead of losing precision', () => {
    expect(() => add(money(MAX, 'IDR'), money(1, 'IDR'))).toThrow(code('MONEY.UNSAFE_INTEGER'));
    expect(() => subtract(money(-MAX, 'IDR'), money(1, 'IDR'))).toThrow(code('MONEY.UNSAFE_INTEGER'));
    expect(() => sum([money(MAX, 'IDR'), money(MAX, 'IDR'), money(-MAX, 'IDR')], 'IDR')).not.toThrow();
  });

  it('validates plain Money-shaped inputs (e.g. from JSON)', () => {
    expect(add({ amount: 1, currency: 'IDR' }, { amount: 2, currency: 'IDR' })).toEqual(money(3, 'IDR'));
    expect(() => add({ amount: 1.5, currency: 'IDR' }, money(1, 'IDR'))).toThrow(code('MONEY.NOT_INTEGER'));
    expect(() => assertMoney(null)).toThrow(code('MONEY.INVALID'));
    expect(() => assertMoney({ amount: 1, currency: 'XYZ' })).toThrow(code('MONEY.UNKNOWN_CURRENCY'));
    expect(isMoney({ amount: 1, currency: 'IDR' })).toBe(true);
    expect(isMoney({ amount: NaN, currency: 'IDR' })).toBe(false);
    expect(isMoney('Rp 1')).toBe(false);
    expect(() => assertNonNegative(money(-1, 'IDR'))).toThrow(code('MONEY.NEGATIVE'));
    expect(assertNonNegative(money(0, 'IDR'))).toEqual(zero('IDR'));
  });

  it('compares and picks extremes', () => {
    const a = money(5, 'KRW');
    const b = money(7, 'KRW');
    expect(compare(a, b)).toBe(-1);
    expect(compare(b, a)).toBe(1);
    expect(compare(a, money(5, 'KRW'))).toBe(0);
    expect(maxMoney(a, b, money(-1, 'KRW'))).toEqual(b);
    expect(minMoney(a, b, money(-1, 'KRW'))).toEqual(money(-1, 'KRW'));
    expect(isZero(zero('USD'))).toBe(true);
    expect(isNegative(money(-1, 'USD'))).toBe(true);
    expect(isPositive(money(1, 'USD'))).toBe(true);
    expect(isPositive(zero('USD'))).toBe(false);
  });

  it('multiplies by exact ratios with named rounding', () => {
    expect(multiply(money(100000000, 'IDR'), '0.005')).toEqual(money(500000, 'IDR'));
    expect(multiply(money(25, 'IDR'), '0.1')).toEqual(money(2, 'IDR')); // 2.5 → 2 (half even)
    expect(multiply(money(35, 'IDR'), '0.1')).toEqual(money(4, 'IDR')); // 3.5 → 4
    expect(multiply(money(25, 'IDR'), '0.1', 'HALF_UP')).toEqual(money(3, 'IDR'));
    expect(multiply(money(-25, 'IDR'), '0.1', 'FLOOR')).toEqual(money(-3, 'IDR'));
    expect(multiply(money(1000, 'IDR'), '1/3', 'DOWN')).toEqual(money(333, 'IDR'));
    expect(() => multiply(money(1, 'IDR'), 'x')).toThrow(code('RATIO.INVALID'));
    expect(() => multiply(money(1, 'IDR'), '2', 'BANKERS' as 'HALF_EVEN')).toThrow(code('ROUNDING.UNKNOWN_MODE'));
    expect(() => multiply(money(MAX, 'IDR'), '2')).toThrow(code('MONEY.UNSAFE_INTEGER'));
  });

  const amount = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
  const currency = fc.constantFrom(...CURRENCIES);

  it('add and subtract are inverse, add commutes and has zero as identity', () => {
    fc.assert(
      fc.property(amount, amount, currency, (x, y, c) => {
        const a = money(x, c);
        const b = money(y, c);
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(a, zero(c))).toEqual(a);
        expect(add(a, negate(a))).toEqual(zero(c));
      }),
    );
  });

  it('sum equals the exact integer sum, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), currency, (xs, c) => {
        const total = xs.reduce((acc, x) => acc + BigInt(x), 0n);
        expect(BigInt(sum(xs.map((x) => money(x, c)), c).amount)).toBe(total);
        expect(sum([...xs].reverse().map((x) => money(x, c)), c).amount).toBe(Number(total));
      }),
    );
  });

  it('multiply by an integer equals repeated addition; by 1 is identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 1000 }), currency, (x, k, c) => {
        expect(multiply(money(x, c), String(k)).amount).toBe(x * k + 0); // + 0 turns -0 into 0: amounts are never -0
        expect(multiply(money(x, c), '1')).toEqual(money(x, c));
      }),
    );
  });

  it('compare is antisymmetric and consistent with equals', () => {
    fc.assert(
      fc.property(amount, amount, currency, (x, y, c) => {
        const a = money(x, c);
        const b = money(y, c);
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
        expect(compare(a, b) === 0).toBe(equals(a, b));
      }),
    );
  });
});
