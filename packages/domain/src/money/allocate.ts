/**
 * Split an amount into parts proportional to weights so that the parts sum exactly to the total
 * (largest-remainder method, as dinero.js v2 `allocate`).
 *
 * Each part is floor(total × wᵢ / Σw) (taken on |total|, sign restored afterwards); the units
 * left over are handed out one each to the parts with the largest remainders, earlier parts first
 * on ties. So every part is within one minor unit of its exact share, and a zero weight gets zero.
 *
 * Example: allocate(Rp 100, [1, 1, 1]) → [34, 33, 33].
 */
import { invalid } from '../shared/domain-error';
import { assertMoney, moneyFromBigInt, type Money } from './money';
import { ratio, ratioOf, type Ratio } from './ratio';

/** Weights: non-negative numbers (e.g. 1, 0.25, 70) or decimal strings / Ratios; at least one above zero. */
export type AllocationWeight = number | string | Ratio;

function weightRatio(w: AllocationWeight, i: number): Ratio {
  const path = ['weights', String(i)];
  let r: Ratio;
  if (typeof w === 'number') {
    if (!Number.isFinite(w)) {
      invalid('ALLOCATE.INVALID_WEIGHT', 'Bobot pembagian harus angka terhingga.', 'Allocation weights must be finite numbers.', { path });
    }
    // The shortest decimal that round-trips the double: 0.1 means one tenth, as written.
    const s = String(w);
    const e = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (e) {
      const digits = BigInt(e[2]! + (e[3] ?? ''));
      const exp = Number(e[4]) - (e[3] ?? '').length;
      const signed = e[1] === '-' ? -digits : digits;
      r = exp >= 0 ? ratioOf(signed * 10n ** BigInt(exp), 1n, path) : ratioOf(signed, 10n ** BigInt(-exp), path);
    } else {
      r = ratio(s, path);
    }
  } else if (typeof w === 'string' || (typeof w === 'object' && w !== null)) {
    try {
      r = ratio(w, path);
    } catch {
      return invalid('ALLOCATE.INVALID_WEIGHT', 'Bobot pembagian tidak valid.', 'Invalid allocation weight.', { path });
    }
  } else {
    return invalid('ALLOCATE.INVALID_WEIGHT', 'Bobot pembagian tidak valid.', 'Invalid allocation weight.', { path });
  }
  if (r.num < 0n) {
    invalid('ALLOCATE.NEGATIVE_WEIGHT', 'Bobot pembagian tidak boleh negatif.', 'Allocation weights must not be negative.', { path });
  }
  return r;
}

/** Exact integer split of `total` by non-negative bigint weights (Σw > 0). */
export function allocateBigInt(total: bigint, weights: readonly bigint[]): bigint[] {
  const W = weights.reduce((a, b) => a + b, 0n);
  const neg = total < 0n;
  const t = neg ? -total : total;
  const parts = weights.map((w) => (t * w) / W);
  const remainders = weights.map((w, i) => ({ i, r: (t * w) % W }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return neg ? parts.map((p) => -p) : parts;
}

/**
 * Split `m` by `weights`. Throws `ALLOCATE.EMPTY`, `ALLOCATE.INVALID_WEIGHT`,
 * `ALLOCATE.NEGATIVE_WEIGHT`, `ALLOCATE.ZERO_TOTAL_WEIGHT` (all weights zero).
 */
export function allocate(m: Money, weights: readonly AllocationWeight[]): Money[] {
  const x = assertMoney(m, ['money']);
  if (!Array.isArray(weights) || weights.length === 0) {
    invalid('ALLOCATE.EMPTY', 'Daftar bobot pembagian kosong.', 'The list of allocation weights is empty.', { path: ['weights'] });
  }
  if (weights.length > 100_000) {
    invalid('ALLOCATE.TOO_MANY_PARTS', 'Terlalu banyak bagian (maks. 100.000).', 'Too many parts (max 100,000).', { path: ['weights'] });
  }
  const rs = weights.map(weightRatio);
  const common = rs.reduce((acc, r) => (acc % r.den === 0n ? acc : (acc * r.den) / gcd(acc, r.den)), 1n);
  const ints = rs.map((r) => (r.num * common) / r.den);
  if (ints.every((w) => w === 0n)) {
    invalid(
      'ALLOCATE.ZERO_TOTAL_WEIGHT',
      'Setidaknya satu bobot pembagian harus lebih dari nol.',
      'At least one allocation weight must be above zero.',
      { path: ['weights'] },
    );
  }
  return allocateBigInt(BigInt(x.amount), ints).map((p) => moneyFromBigInt(p, x.currency));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
