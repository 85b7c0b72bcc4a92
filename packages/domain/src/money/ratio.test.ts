import fc from 'fast-check';
import {
  ratio,
  ratioAdd,
  ratioCompare,
  ratioDivide,
  ratioMultiply,
  ratioOf,
  ratioPow,
  ratioSubtract,
  ratioToDecimalString,
  ratioToInteger,
  ratioToNumber,
  isRatioString,
} from './ratio';

const code = (c: string) => expect.objectContaining({ code: c });

describe('ratio', () => {
  it.each([
    ['0.06', 3n, 50n],
    ['11.5', 23n, 2n],
    ['-0.1', -1n, 10n],
    ['+2', 2n, 1n],
    ['16411.65', 328233n, 20n],
    ['0', 0n, 1n],
    ['1/12', 1n, 12n],
    ['-6/4', -3n, 2n],
    ['0.0000000000000000000001', 1n, 10n ** 22n],
  ])('parses %s exactly', (s, num, den) => {
    const r = ratio(s);
    expect(r).toEqual({ num, den });
    expect(Object.isFrozen(r)).toBe(true);
  });

  it.each(['', ' ', '1,5', '1.', '.5', 'abc', '1e3', 'NaN', 'Infinity', '1/0', '1/-2', '--1', '0x10', '1'.repeat(65)])(
    'rejects %j with RATIO.INVALID',
    (s) => {
      expect(() => ratio(s)).toThrow(code('RATIO.INVALID'));
      expect(isRatioString(s)).toBe(false);
    },
  );

  it('rejects non-strings and zero denominators', () => {
    expect(() => ratio(0.06 as unknown as string)).toThrow(code('RATIO.INVALID'));
    expect(() => ratio({ num: 1n, den: 0n })).toThrow(code('RATIO.INVALID'));
    expect(() => ratio({ num: 1, den: 2 } as unknown as { num: bigint; den: bigint })).toThrow(code('RATIO.INVALID'));
  });

  it('reduces and normalises the sign of ratios', () => {
    expect(ratioOf(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(ratio({ num: 10n, den: 20n })).toEqual({ num: 1n, den: 2n });
  });

  it('arithmetic', () => {
    expect(ratioAdd('0.1', '0.2')).toEqual(ratio('0.3'));
    expect(ratioSubtract('0.3', '0.1')).toEqual(ratio('0.2'));
    expect(ratioMultiply('0.06', '1/12')).toEqual(ratio('0.005'));
    expect(ratioDivide('0.06', '12')).toEqual(ratio('0.005'));
    expect(ratioPow('1.005', 12)).toEqual({ num: 201n ** 12n, den: 200n ** 12n });
    expect(ratioCompare('0.1', '1/10')).toBe(0);
    expect(ratioCompare('-1', '0')).toBe(-1);
    expect(() => ratioDivide('1', '0')).toThrow(code('RATIO.DIVISION_BY_ZERO'));
    expect(() => ratioPow('2', -1)).toThrow(code('RATIO.INVALID_EXPONENT'));
  });

  it('prints decimals and fractions', () => {
    expect(ratioToDecimalString('1/8')).toBe('0.125');
    expect(ratioToDecimalString('1/3')).toBe('1/3');
    expect(ratioToDecimalString('-0.05')).toBe('-0.05');
    expect(ratioToDecimalString('2/3', 4)).toBe('0.6667');
    expect(ratioToDecimalString('-2/3', 0)).toBe('-1');
    expect(ratioToDecimalString('12')).toBe('12');
    expect(ratioToInteger('2.5')).toBe(2n);
    expect(ratioToInteger('2.5', 'HALF_UP')).toBe(3n);
    expect(ratioToNumber('0.06')).toBe(0.06);
    expect(() => ratioToDecimalString('1/3', 41)).toThrow(code('RATIO.INVALID_DIGITS'));
  });

  const dec = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }))
    .map(([n, k]) => ratioToDecimalString(ratioOf(n, 10n ** BigInt(k))));

  it('decimal strings round-trip', () => {
    fc.assert(fc.property(dec, (s) => ratioToDecimalString(ratio(s)) === s));
  });

  it('add and subtract are inverse; multiply and divide are inverse', () => {
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        expect(ratioSubtract(ratioAdd(a, b), b)).toEqual(ratio(a));
        if (ratio(b).num !== 0n) expect(ratioDivide(ratioMultiply(a, b), b)).toEqual(ratio(a));
      }),
    );
  });
});
