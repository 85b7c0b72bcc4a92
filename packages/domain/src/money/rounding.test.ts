import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { divideRounded, ROUNDING_MODES, type RoundingMode } from './rounding';

// Java BigDecimal RoundingMode reference table (value × 10 / 10).
const TABLE: Array<[string, Record<RoundingMode, bigint>]> = [
  ['5.5', { UP: 6n, DOWN: 5n, CEILING: 6n, FLOOR: 5n, HALF_UP: 6n, HALF_DOWN: 5n, HALF_EVEN: 6n }],
  ['2.5', { UP: 3n, DOWN: 2n, CEILING: 3n, FLOOR: 2n, HALF_UP: 3n, HALF_DOWN: 2n, HALF_EVEN: 2n }],
  ['1.6', { UP: 2n, DOWN: 1n, CEILING: 2n, FLOOR: 1n, HALF_UP: 2n, HALF_DOWN: 2n, HALF_EVEN: 2n }],
  ['1.1', { UP: 2n, DOWN: 1n, CEILING: 2n, FLOOR: 1n, HALF_UP: 1n, HALF_DOWN: 1n, HALF_EVEN: 1n }],
  ['1.0', { UP: 1n, DOWN: 1n, CEILING: 1n, FLOOR: 1n, HALF_UP: 1n, HALF_DOWN: 1n, HALF_EVEN: 1n }],
  ['-1.0', { UP: -1n, DOWN: -1n, CEILING: -1n, FLOOR: -1n, HALF_UP: -1n, HALF_DOWN: -1n, HALF_EVEN: -1n }],
  ['-1.1', { UP: -2n, DOWN: -1n, CEILING: -1n, FLOOR: -2n, HALF_UP: -1n, HALF_DOWN: -1n, HALF_EVEN: -1n }],
  ['-1.6', { UP: -2n, DOWN: -1n, CEILING: -1n, FLOOR: -2n, HALF_UP: -2n, HALF_DOWN: -2n, HALF_EVEN: -2n }],
  ['-2.5', { UP: -3n, DOWN: -2n, CEILING: -2n, FLOOR: -3n, HALF_UP: -3n, HALF_DOWN: -2n, HALF_EVEN: -2n }],
  ['-5.5', { UP: -6n, DOWN: -5n, CEILING: -5n, FLOOR: -6n, HALF_UP: -6n, HALF_DOWN: -5n, HALF_EVEN: -6n }],
];

describe('divideRounded', () => {
  describe.each(TABLE)('%s', (value, expected) => {
    const tenths = BigInt(value.replace('.', ''));
    it.each(ROUNDING_MODES)('%s', (mode) => {
      expect(divideRounded(tenths, 10n, mode)).toBe(expected[mode]);
      // A negative denominator is normalised.
      expect(divideRounded(-tenths, -10n, mode)).toBe(expected[mode]);
    });
  });

  it('is exact beyond the range of doubles', () => {
    const big = 10n ** 30n + 5n;
    expect(divideRounded(big, 10n, 'HALF_EVEN')).toBe(10n ** 29n);
    expect(divideRounded(big, 10n, 'HALF_UP')).toBe(10n ** 29n + 1n);
  });

  it('rejects division by zero, non-bigints and unknown modes', () => {
    expect(() => divideRounded(1n, 0n, 'HALF_EVEN')).toThrow(expect.objectContaining({ code: 'ROUNDING.DIVISION_BY_ZERO' }));
    expect(() => divideRounded(1 as unknown as bigint, 2n, 'HALF_EVEN')).toThrow(expect.objectContaining({ code: 'ROUNDING.NOT_BIGINT' }));
    expect(() => divideRounded(1n, 2n, 'HALF_ODD' as RoundingMode)).toThrow(DomainError);
    expect(() => divideRounded(1n, 2n, 'HALF_ODD' as RoundingMode)).toThrow(expect.objectContaining({ code: 'ROUNDING.UNKNOWN_MODE' }));
  });

  const frac = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }));

  it('every mode returns one of the two neighbours of the exact quotient', () => {
    fc.assert(
      fc.property(frac, fc.constantFrom(...ROUNDING_MODES), ([n, d], mode) => {
        const q = divideRounded(n, d, mode);
        // q - 1 < n/d < q + 1  ⇔  (q-1)·d < n < (q+1)·d
        return (q - 1n) * d < n && n < (q + 1n) * d;
      }),
    );
  });

  it('FLOOR ≤ exact ≤ CEILING, HALF modes are within half a unit', () => {
    fc.assert(
      fc.property(frac, ([n, d]) => {
        const f = divideRounded(n, d, 'FLOOR');
        const c = divideRounded(n, d, 'CEILING');
        expect(f * d <= n && n <= c * d).toBe(true);
        for (const mode of ['HALF_EVEN', 'HALF_UP', 'HALF_DOWN'] as const) {
          const q = divideRounded(n, d, mode);
          const diff = q * d - n; // (q - n/d)·d
          expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
        }
      }),
    );
  });

  it('modes are symmetric under negation as Java defines them', () => {
    fc.assert(
      fc.property(frac, ([n, d]) => {
        for (const mode of ['HALF_EVEN', 'HALF_UP', 'HALF_DOWN', 'UP', 'DOWN'] as const) {
          expect(divideRounded(-n, d, mode)).toBe(-divideRounded(n, d, mode));
        }
        expect(divideRounded(-n, d, 'FLOOR')).toBe(-divideRounded(n, d, 'CEILING'));
      }),
    );
  });
});
