/** Temporal suppression over contributors, attacked by differencing every pair of dates of random series. */
import fc from 'fast-check';
import type { DisclosureRule } from './cell-suppression';
import { changedContributors, protectContributionSeries, type CellContributors } from './contribution-series';
import { protectSeries } from './temporal';

const rule = (k: number): DisclosureRule => ({ minCellCount: k, referenceDate: '2026-11-30' });
const cell = (entries: Record<string, string>): CellContributors => new Map(Object.entries(entries));
const people = (n: number, key = '10', prefix = 'p'): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, key]));

/** A random series: at each date, who of a small population contributes and with which of a few keys. */
const series = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), { minLength: 12, maxLength: 12 }), { maxLength: 12 }).map((dates) =>
  dates.map((d) => new Map(d.flatMap((key, who) => (key === undefined ? [] : [[`p${who}`, String(key)] as const])))),
);

describe('protectContributionSeries', () => {
  it('examples: one person’s amount edited is withheld although the head count did not move', () => {
    const before = cell(people(6));
    const edited = cell({ ...people(6), p0: '11' });
    expect(protectContributionSeries([before, before, edited], rule(5))).toEqual([true, true, false]);
    expect(protectSeries([6, 6, 6], rule(5))).toEqual([true, true, true]); // the head counts alone miss it
    // one leaves, another joins: same count, two changed
    const swapped = cell({ ...people(5), q: '10' });
    expect(changedContributors(before, swapped)).toBe(2);
    expect(protectContributionSeries([before, swapped], rule(5))).toEqual([true, false]);
    // five new people: published again
    expect(protectContributionSeries([before, edited, cell({ ...people(6), ...people(5, '10', 'n') })], rule(5))).toEqual([true, false, true]);
    expect(protectContributionSeries([], rule(5))).toEqual([]);
  });

  it('no two published values differ by the parts of 1 to k − 1 people, nor by a head count of 1 to k − 1; none is small', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 6 }), (s, k) => {
        const out = protectContributionSeries(s, rule(k));
        const published = s.filter((_, i) => out[i]);
        for (const a of published) {
          expect(a.size === 0 || a.size >= k).toBe(true);
          for (const b of published) {
            const changed = changedContributors(a, b);
            expect(changed === 0 || changed >= k).toBe(true);
            expect(a.size === b.size || Math.abs(a.size - b.size) >= k).toBe(true);
          }
        }
      }),
    );
  });

  it('publishes nothing protectSeries would withhold on the head counts', () => {
    fc.assert(
      fc.property(series, (s) => {
        const byCount = protectSeries(s.map((x) => x.size), rule(3));
        protectContributionSeries(s, rule(3)).forEach((p, i) => p && expect(byCount[i]).toBe(true));
      }),
    );
  });

  it('the decision for a date does not depend on later dates', () => {
    fc.assert(
      fc.property(series, series, (s, later) => {
        expect(protectContributionSeries([...s, ...later], rule(3)).slice(0, s.length)).toEqual(protectContributionSeries(s, rule(3)));
      }),
    );
  });
});
