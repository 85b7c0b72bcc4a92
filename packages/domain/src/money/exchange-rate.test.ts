import fc from 'fast-check';
import { convert, exchangeRate, exchangeRateRatio, scaleExchangeRate, type ExchangeRate } from './exchange-rate';
import { money } from './money';
import { ratio } from './ratio';

const code = (c: string) => expect.objectContaining({ code: c });

const KRW_IDR: ExchangeRate = { base: 'KRW', quote: 'IDR', rate: '11.5', asOf: '2025-10-01', source: 'fx.idrPerKrw', isDefault: true };
const USD_IDR: ExchangeRate = { base: 'USD', quote: 'IDR', rate: '16411.65', asOf: '2025-02-01', source: 'fx.idrPerUsd', isDefault: true };

describe('exchange rates', () => {
  it('converts base → quote', () => {
    expect(convert(money(2096270, 'KRW'), KRW_IDR)).toEqual(money(24107105, 'IDR'));
    // DOMAIN.md §5: USD 28 = Rp459,526 at Rp16,411.65/USD (459,526.2 → 459,526).
    expect(convert(money(2800, 'USD'), USD_IDR)).toEqual(money(459526, 'IDR'));
    expect(convert(money(1, 'KRW'), KRW_IDR)).toEqual(money(12, 'IDR')); // 11.5 → 12 (half even)
    expect(convert(money(3, 'KRW'), KRW_IDR)).toEqual(money(34, 'IDR')); // 34.5 → 34 (half even)
    expect(convert(money(3, 'KRW'), KRW_IDR, 'HALF_UP')).toEqual(money(35, 'IDR'));
  });

  it('converts quote → base (the other direction of the same rate)', () => {
    expect(convert(money(24107105, 'IDR'), KRW_IDR)).toEqual(money(2096270, 'KRW'));
    expect(convert(money(459526, 'IDR'), USD_IDR)).toEqual(money(2800, 'USD'));
    expect(convert(money(100, 'IDR'), KRW_IDR, 'FLOOR')).toEqual(money(8, 'KRW')); // 8.69…
    expect(convert(money(100, 'IDR'), KRW_IDR, 'CEILING')).toEqual(money(9, 'KRW'));
  });

  it('handles rates between two non-IDR currencies and the exponents of each', () => {
    const usdKrw: ExchangeRate = { base: 'USD', quote: 'KRW', rate: '1400', asOf: '2025-01-01', source: 'test input', isDefault: false };
    expect(convert(money(2800, 'USD'), usdKrw)).toEqual(money(39200, 'KRW'));
    expect(convert(money(39200, 'KRW'), usdKrw)).toEqual(money(2800, 'USD'));
    expect(convert(money(1, 'KRW'), usdKrw)).toEqual(money(0, 'USD')); // 0.07 cents
  });

  it.each<[Partial<ExchangeRate>, string]>([
    [{ quote: 'KRW' }, 'FX.SAME_CURRENCY'],
    [{ rate: '0' }, 'FX.INVALID_RATE'],
    [{ rate: '-11.5' }, 'FX.INVALID_RATE'],
    [{ rate: '11,5' }, 'FX.INVALID_RATE'],
    [{ rate: 11.5 as unknown as string }, 'FX.INVALID_RATE'],
    [{ asOf: '2025-02-30' }, 'DATE.INVALID'],
    [{ source: ' ' }, 'FX.MISSING_SOURCE'],
    [{ isDefault: 'yes' as unknown as boolean }, 'FX.INVALID_RATE'],
    [{ base: 'JPY' as 'KRW' }, 'MONEY.UNKNOWN_CURRENCY'],
  ])('rejects %p with %s', (patch, expected) => {
    const bad = { ...KRW_IDR, ...patch };
    expect(() => exchangeRate(bad)).toThrow(code(expected));
    expect(() => convert(money(1, 'KRW'), bad)).toThrow(code(expected));
  });

  it('refuses money in neither currency of the rate', () => {
    expect(() => convert(money(1, 'USD'), KRW_IDR)).toThrow(code('FX.CURRENCY_MISMATCH'));
  });

  it('returns a frozen, validated copy and scales exactly', () => {
    const fx = exchangeRate(KRW_IDR);
    expect(Object.isFrozen(fx)).toBe(true);
    expect(exchangeRateRatio(fx)).toEqual(ratio('11.5'));
    const up = scaleExchangeRate(fx, '1.1');
    const down = scaleExchangeRate(fx, '0.9');
    expect(up.rate).toBe('12.65');
    expect(down.rate).toBe('10.35');
    expect(up.source).toBe('fx.idrPerKrw × 1.1');
    expect(up.isDefault).toBe(true);
    expect(fx.rate).toBe('11.5');
    expect(() => scaleExchangeRate(fx, '0')).toThrow(code('FX.INVALID_RATE'));
  });

  const rates = fc
    .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
    .map(([n, k]) => (Number(n) / 10 ** k).toFixed(k)) // a decimal string with k places
    .filter((s) => ratio(s).num > 0n);

  it('round trip stays within the rounding of both legs', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), rates, (x, rate) => {
        const fx: ExchangeRate = { ...KRW_IDR, rate };
        const r = ratio(rate);
        const there = convert(money(x, 'KRW'), fx);
        const back = convert(there, fx);
        // Leg 1 errs by ≤ ½ rupiah, which is ≤ ½/rate won; leg 2 adds ≤ ½ won:
        // |back − x| ≤ ½ + ½/rate  ⇔  2·|back − x|·num ≤ num + den.
        const diff = BigInt(Math.abs(back.amount - x));
        expect(2n * diff * r.num <= r.num + r.den).toBe(true);
      }),
    );
  });

  it('converting to the finer currency and back is lossless when the rate is ≥ 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), rates.filter((s) => ratio(s).num >= ratio(s).den), (x, rate) => {
        const fx: ExchangeRate = { ...KRW_IDR, rate };
        expect(convert(convert(money(x, 'KRW'), fx), fx)).toEqual(money(x, 'KRW'));
      }),
    );
  });

  it('conversion is monotone in the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 6 }), rates, (x, dx, rate) => {
        const fx: ExchangeRate = { ...USD_IDR, rate };
        expect(convert(money(x + dx, 'USD'), fx).amount).toBeGreaterThanOrEqual(convert(money(x, 'USD'), fx).amount);
      }),
    );
  });
});
