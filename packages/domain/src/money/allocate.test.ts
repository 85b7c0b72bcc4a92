import fc from 'fast-check';
import { allocate, allocateBigInt } from './allocate';
import { CURRENCIES } from './currency';
import { money, sum } from './money';

const code = (c: string) => expect.objectContaining({ code: c });
const amounts = (ms: ReadonlyArray<{ amount: number }>) => ms.map((m) => m.amount);

describe('allocate', () => {
  it('splits with the largest remainder, earlier parts first on ties', () => {
    expect(amounts(allocate(money(100, 'IDR'), [1, 1, 1]))).toEqual([34, 33, 33]);
    expect(amounts(allocate(money(-100, 'IDR'), [1, 1, 1]))).toEqual([-34, -33, -33]);
    expect(amounts(allocate(money(5, 'USD'), [70, 30]))).toEqual([4, 1]); // 3.5 / 1.5 → tie, first wins
    expect(amounts(allocate(money(1000, 'IDR'), [0.5, 0.25, 0.25]))).toEqual([500, 250, 250]);
    expect(amounts(allocate(money(1000, 'IDR'), ['1/3', '1/3', '1/3']))).toEqual([334, 333, 333]);
    expect(amounts(allocate(money(7, 'KRW'), [0, 1, 0, 1]))).toEqual([0, 4, 0, 3]);
    expect(amounts(allocate(money(10, 'IDR'), [1e-7, 1e-7]))).toEqual([5, 5]);
    expect(amounts(allocate(money(10, 'IDR'), [1e21, 3e21]))).toEqual([3, 7]); // 2.5 / 7.5 → remainders tie
    expect(amounts(allocate(money(0, 'IDR'), [1, 2]))).toEqual([0, 0]);
  });

  it('returns frozen values in the same currency', () => {
    const parts = allocate(money(100, 'KRW'), [1, 3]);
    expect(parts.every((p) => Object.isFrozen(p) && p.currency === 'KRW')).toBe(true);
  });

  it.each([
    [[], 'ALLOCATE.EMPTY'],
    [[1, -1], 'ALLOCATE.NEGATIVE_WEIGHT'],
    [['-0.5', 1], 'ALLOCATE.NEGATIVE_WEIGHT'],
    [[0, 0], 'ALLOCATE.ZERO_TOTAL_WEIGHT'],
    [[NaN, 1], 'ALLOCATE.INVALID_WEIGHT'],
    [[Infinity], 'ALLOCATE.INVALID_WEIGHT'],
    [['abc'], 'ALLOCATE.INVALID_WEIGHT'],
    [[null], 'ALLOCATE.INVALID_WEIGHT'],
  ])('rejects weights %p with %s', (weights, expected) => {
    expect(() => allocate(money(100, 'IDR'), weights as number[])).toThrow(code(expected));
  });

  it('rejects invalid money', () => {
    expect(() => allocate({ amount: 0.5, currency: 'IDR' }, [1])).toThrow(code('MONEY.NOT_INTEGER'));
  });

  const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }).filter((ws) => ws.some((w) => w > 0));

  it('parts sum exactly to the total and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), weights, fc.constantFrom(...CURRENCIES), (total, ws, c) => {
        const parts = allocate(money(total, c), ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts, c).amount).toBe(total);
        const W = BigInt(ws.reduce((a, b) => a + b, 0));
        parts.forEach((p, i) => {
          // |p − total·wᵢ/W| < 1  ⇔  |p·W − total·wᵢ| < W
          const diff = BigInt(p.amount) * W - BigInt(total) * BigInt(ws[i]!);
          expect((diff < 0n ? -diff : diff) < W).toBe(true);
          if (ws[i] === 0) expect(p.amount).toBe(0);
        });
      }),
    );
  });

  it('equal weights give parts that differ by at most one, larger ones first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 60 }), (total, n) => {
        const parts = amounts(allocate(money(total, 'IDR'), Array(n).fill(1)));
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });

  it('scaling all weights does not change the result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), weights, fc.integer({ min: 2, max: 1000 }), (total, ws, k) => {
        expect(allocate(money(total, 'IDR'), ws)).toEqual(allocate(money(total, 'IDR'), ws.map((w) => w * k)));
      }),
    );
  });

  it('allocateBigInt works beyond the safe range', () => {
    const parts = allocateBigInt(10n ** 30n + 1n, [1n, 1n]);
    expect(parts[0]! + parts[1]!).toBe(10n ** 30n + 1n);
  });
});
