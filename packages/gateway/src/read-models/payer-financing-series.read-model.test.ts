/** The month-end cells of the protected payer and financing tables (no database: the adding up and the temporal check). */
import type { DisclosureRule } from '../domain';
import { MonthEndCells, monthEndsFrom } from './payer-financing-series.read-model';

const rule: DisclosureRule = { minCellCount: 5, referenceDate: '2026-11-30' };

describe('monthEndsFrom', () => {
  it('every calendar month end from the first activity’s month to the reference date', () => {
    expect(monthEndsFrom('2026-01-15', '2026-04-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(monthEndsFrom('2025-12-31', '2026-01-31')).toEqual(['2025-12-31', '2026-01-31']);
    expect(monthEndsFrom(null, '2026-04-30')).toEqual(['2026-04-30']);
    expect(monthEndsFrom('2026-06-01', '2026-04-30')).toEqual(['2026-04-30']);
  });
});

describe('MonthEndCells', () => {
  /** Ten people with 10 juta each at the first month end; at the second, `changed` of them with another amount. */
  function cells(changed: number, how: 'AMOUNT' | 'LEFT' | 'SWAPPED'): MonthEndCells {
    const c = new MonthEndCells(['2026-10-31', '2026-11-30']);
    for (let p = 0; p < 10; p += 1) c.add('WORKER', 0, `p${p}`, [10_000_000n, 1n]);
    for (let p = 0; p < 10; p += 1) {
      if (p >= changed) c.add('WORKER', 1, `p${p}`, [10_000_000n, 1n]);
      else if (how === 'AMOUNT') c.add('WORKER', 1, `p${p}`, [12_000_000n, 1n]);
      else if (how === 'SWAPPED') c.add('WORKER', 1, `q${p}`, [10_000_000n, 1n]);
    }
    return c;
  }

  it.each([1, 2, 3, 4])('withholds the figure when %i people moved (amount edited, or left), whatever the head count', (n) => {
    for (const how of ['AMOUNT', 'LEFT'] as const) expect(cells(n, how).seriesPublishable('WORKER', rule)).toBe(false);
  });

  it('a swap moves two people (one leaves, one joins): 1 or 2 swaps are withheld although the head count is the same', () => {
    for (const n of [1, 2]) {
      expect(cells(n, 'SWAPPED').people('WORKER')).toBe(10);
      expect(cells(n, 'SWAPPED').seriesPublishable('WORKER', rule)).toBe(false);
    }
    // three swaps: six people's parts differ, a group of at least k
    expect(cells(3, 'SWAPPED').seriesPublishable('WORKER', rule)).toBe(true);
  });

  it('publishes it when none or at least k moved', () => {
    expect(cells(0, 'AMOUNT').seriesPublishable('WORKER', rule)).toBe(true);
    expect(cells(5, 'AMOUNT').seriesPublishable('WORKER', rule)).toBe(true);
    expect(cells(5, 'LEFT').seriesPublishable('WORKER', rule)).toBe(true);
  });

  it('adds a person’s parts up within a cell, and sums the cell at the reference date', () => {
    const c = new MonthEndCells(['2026-11-30']);
    c.add('ALL', 0, 'a', [5n, 1n]);
    c.add('ALL', 0, 'a', [7n, 1n]);
    c.add('ALL', 0, 'b', [1n, 1n]);
    expect(c.people('ALL')).toBe(2);
    expect(c.sums('ALL', 2)).toEqual([13n, 3n]);
    expect(c.contributions('ALL').get('a')).toEqual([12n, 2n]);
    expect(c.seriesPublishable('NONE', rule)).toBe(true);
  });
});
