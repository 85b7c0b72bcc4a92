/**
 * Multiply money by an exact factor (a rate, a share, a number of months) with a named rounding
 * mode: amount × num / den is computed in bigint and rounded once.
 */
import { assertMoney, moneyFromBigInt, type Money } from './money';
import { ratio, type Ratio } from './ratio';
import { assertRoundingMode, divideRounded, type RoundingMode } from './rounding';

/** m × factor, rounded to whole minor units (default HALF_EVEN). `factor` is a Ratio or a decimal string ("0.06"). */
export function multiply(m: Money, factor: Ratio | string, rounding: RoundingMode = 'HALF_EVEN'): Money {
  const x = assertMoney(m, ['money']);
  const f = ratio(factor, ['factor']);
  const mode = assertRoundingMode(rounding);
  return moneyFromBigInt(divideRounded(BigInt(x.amount) * f.num, f.den, mode), x.currency);
}
