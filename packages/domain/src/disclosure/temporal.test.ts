/** Temporal suppression attacked by differencing every pair of dates of random series. */
import fc from 'fast-check';
import type { DisclosureRule } from './cell-suppression';
import { protectDerivedSeries, protectSeries } from './temporal';

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

describe('protectDerivedSeries', () => {
  it('examples: a derived outflow of 3 (10 entered, 7 still there) is withheld; one known anyway joins the comparisons', () => {
    // cumulative entries − stock at each month end: 0, 3 (3 left), 3, 8 (5 more), 9
    expect(protectDerivedSeries([0, 3, 3, 8, 9], rule(5))).toEqual([true, false, false, true, false]);
    // a negative value counts by its size
    expect(protectDerivedSeries([-2, -6, 0], rule(5))).toEqual([false, true, true]);
    // index 1 fails but the reader knows it (disclosed): index 2, 5 away from 0 but 2 from 3, is withheld
    expect(protectDerivedSeries([0, 3, 5], rule(5))).toEqual([true, false, true]);
    expect(protectDerivedSeries([0, 3, 5], rule(5), [false, true, false])).toEqual([true, false, false]);
  });

  it('no two values a reader can compare (published, or disclosed, and a later published one) differ by 1 to k − 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 40 }), fc.boolean()), { maxLength: 30 }),
        fc.integer({ min: 2, max: 12 }),
        (points, k) => {
          const values = points.map(([v]) => v);
          const disclosed = points.map(([, d]) => d);
          const out = protectDerivedSeries(values, rule(k), disclosed);
          const small = (n: number) => n >= 1 && n < k;
          values.forEach((v, j) => {
            if (!out[j]) return;
            expect(small(Math.abs(v))).toBe(false);
            for (let i = 0; i < j; i++) if (out[i] || disclosed[i]) expect(small(Math.abs(v - values[i]!))).toBe(false);
          });
        },
      ),
    );
  });

  it('the decision for a date does not depend on later dates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 40 }), { maxLength: 30 }), fc.array(fc.integer({ min: -20, max: 40 }), { maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 40 }), (values, later, disclosed) => {
        const k = rule(5);
        expect(protectDerivedSeries([...values, ...later], k, disclosed).slice(0, values.length)).toEqual(protectDerivedSeries(values, k, disclosed));
      }),
    );
  });

  it('on non-negative values without disclosed points it decides as protectSeries', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), (values) => expect(protectDerivedSeries(values, rule(5))).toEqual(protectSeries(values, rule(5)))));
  });
});
