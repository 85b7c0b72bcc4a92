/**
 * Exact integer division with a named rounding mode (the semantics of Java's `RoundingMode`,
 * the same family as dinero.js v2's `halfEven`, `halfUp`, ... helpers):
 *
 * | mode      | rounds toward            | ties           | 2.5 | -2.5 | 2.4 |
 * |-----------|--------------------------|----------------|-----|------|-----|
 * | HALF_EVEN | nearest                  | even neighbour | 2   | -2   | 2   |
 * | HALF_UP   | nearest                  | away from zero | 3   | -3   | 2   |
 * | HALF_DOWN | nearest                  | toward zero    | 2   | -2   | 2   |
 * | UP        | away from zero           | -              | 3   | -3   | 3   |
 * | DOWN      | zero (truncate)          | -              | 2   | -2   | 2   |
 * | CEILING   | +infinity                | -              | 3   | -2   | 3   |
 * | FLOOR     | -infinity                | -              | 2   | -3   | 2   |
 *
 * Only bigint arithmetic is used: no floating point touches the result.
 */
import { invalid } from '../shared/domain-error';

export const ROUNDING_MODES = ['HALF_EVEN', 'HALF_UP', 'HALF_DOWN', 'UP', 'DOWN', 'CEILING', 'FLOOR'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

export function assertRoundingMode(value: unknown, path: readonly string[] = ['rounding']): RoundingMode {
  if (!isRoundingMode(value)) {
    invalid(
      'ROUNDING.UNKNOWN_MODE',
      `Mode pembulatan tidak dikenal; gunakan salah satu dari ${ROUNDING_MODES.join(', ')}.`,
      `Unknown rounding mode; use one of ${ROUNDING_MODES.join(', ')}.`,
      { path, details: { allowed: ROUNDING_MODES.join(',') } },
    );
  }
  return value;
}

/** num / den rounded to an integer with `mode`. Throws `ROUNDING.DIVISION_BY_ZERO`, `ROUNDING.NOT_BIGINT`. */
export function divideRounded(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (typeof num !== 'bigint' || typeof den !== 'bigint') {
    invalid('ROUNDING.NOT_BIGINT', 'Pembilang dan penyebut harus bigint.', 'Numerator and denominator must be bigints.');
  }
  if (den === 0n) invalid('ROUNDING.DIVISION_BY_ZERO', 'Pembagian dengan nol.', 'Division by zero.');
  assertRoundingMode(mode);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncated toward zero
  const r = num % den; // same sign as num
  if (r === 0n) return q;
  const away = num < 0n ? q - 1n : q + 1n; // the neighbour further from zero
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'UP':
      return away;
    case 'CEILING':
      return num > 0n ? away : q;
    case 'FLOOR':
      return num < 0n ? away : q;
    case 'HALF_UP':
      return twice >= den ? away : q;
    case 'HALF_DOWN':
      return twice > den ? away : q;
    case 'HALF_EVEN':
      if (twice > den) return away;
      if (twice < den) return q;
      return q % 2n === 0n ? q : away;
  }
}
