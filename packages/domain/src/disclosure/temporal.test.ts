/** Temporal suppression attacked by differencing every pair of dates of random series. */
import fc from 'fast-check';
import type { DisclosureRule } from './cell-suppression';
import { protectSeries } from './temporal';

const rule = (k: number): DisclosureRule => ({ minCellCount: k, referenceDate: '2026-11-30' });

describe('protectSeries', () => {
  it('examples: a cell that grows by 2 is withheld until the difference is no longer small', () => {
    expect(protectSeries([6, 8, 8, 11, 12], rule(5))).toEqual([true, false, false, true, false]);
    expect(protectSeries([0, 3, 5, 6, 0], rule(5))).toEqual([true, false, true, false, true]);
    expect(protectSeries([], rule(5))).toEqual([]);
  });

  it('no two published values of a series differ by 1 to k − 1, and none is small', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), fc.integer({ min: 2, max: 12 }), (values, k) => {
        const out = protectSeries(values, rule(k));
        const published = values.filter((_, i) => out[i]);
        for (const v of published) expect(v === 0 || v >= k).toBe(true);
        for (const a of published) for (const b of published) expect(a === b || Math.abs(a - b) >= k).toBe(true);
      }),
    );
  });

  it('the decision for a date does not depend on later dates (answers do not change as months pass)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), fc.array(fc.nat({ max: 40 }), { maxLength: 10 }), (values, later) => {
        const k = rule(5);
        expect(protectSeries([...values, ...later], k).slice(0, values.length)).toEqual(protectSeries(values, k));
      }),
    );
  });

  it('a constant series of a publishable value is always published', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 100 }), fc.integer({ min: 1, max: 24 }), (v, n) => expect(protectSeries(Array(n).fill(v), rule(5)).every(Boolean)).toBe(true)));
  });
});
