/**
 * Differencing across reference dates: a table published at two month ends lets an analyst subtract
 * one answer from the other. For a point-in-time count (people in a stage × kecamatan … on a date)
 * the difference of a cell is the people who joined or left it in between; when both values are
 * published and differ by 1 to k − 1, that difference is a small group the table never shows.
 *
 * Temporal suppression: the values of one cell at successive reference dates (oldest first), each
 * published only when it is not a small cell and it differs from every value of the cell published
 * before by 0 or at least k. Then no two published values of a cell differ by 1 to k − 1, whichever
 * dates are compared. The decision for a date depends on the earlier dates only, so an answer never
 * changes when later months are published. An empty cell (0) is publishable (the answer shows it as
 * no row) and takes part in the comparisons, since an analyst sees it as 0.
 */
import type { DisclosureRule } from './cell-suppression';
import { isSmallCell } from './cell-suppression';

/** Which values of a cell's series (oldest first) may be published under temporal suppression. */
export function protectSeries(values: readonly number[], rule: DisclosureRule): boolean[] {
  const published: number[] = [];
  return values.map((v) => {
    if (isSmallCell(v, rule)) return false;
    const conflict = published.some((p) => isSmallCell(Math.abs(v - p), rule));
    if (conflict) return false;
    published.push(v);
    return true;
  });
}

/**
 * Temporal suppression of a derived series: a figure the reader can compute from two published ones
 * but that is never published itself, such as the people who left a stage by a month end (the
 * entries `trends` publishes, added up, minus the stock `candidateCounts` publishes at that month end).
 * Its values may be negative (a stock that grew without a recorded entry). The stock is published at
 * index i only when this says so: |value| is 0 or at least k, and it differs by 0 or at least k from
 * every earlier value that was published or that the reader knows whatever was decided
 * (`disclosed[i]`, e.g. a stock of 0, shown as no row, which nothing can withhold). Then no two
 * month ends a reader can compare differ in the derived figure by 1 to k − 1 (the value before the
 * first month end is 0: the first published value is not small either). The decision for a date
 * depends on the earlier dates only.
 */
export function protectDerivedSeries(values: readonly number[], rule: DisclosureRule, disclosed: readonly boolean[] = []): boolean[] {
  const known: number[] = [];
  return values.map((v, i) => {
    const ok = !isSmallCell(Math.abs(v), rule) && !known.some((p) => isSmallCell(Math.abs(v - p), rule));
    if (ok || disclosed[i] === true) known.push(v);
    return ok;
  });
}
