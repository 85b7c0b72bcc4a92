/**
 * Temporal suppression of a cell whose figures are sums over people (rupiah sums, counts of their
 * placements or plans), not only a head count. `protectSeries` compares the head counts of a cell at
 * successive reference dates; but a sum can move while its head count does not: one person's loan
 * edited, or one person leaving the cell while another joins it. Two published sums at two month ends
 * would then differ by one person's change.
 *
 * Each date's cell is given as its contributors, each with the key of what they add to the cell's
 * figures (e.g. their amounts joined into a string). Between two dates, the contributors who changed
 * are those present at one date only, or present at both with a different key. A value is published
 * only when
 * - its head count passes `protectSeries` (not a small cell, and 0 or at least k away from every
 *   earlier published head count), and
 * - for every earlier date published by this rule, the contributors who changed in between are 0 or
 *   at least k.
 * Then any two published values of a cell differ by the parts of 0 or at least k people, and by head
 * counts 0 or at least k apart, whichever two dates are compared. The decision for a date depends on
 * the earlier dates only: an answer never changes when later months are published.
 *
 * Pure: the caller reads the contributors at each date (oldest first) from its histories.
 */
import type { DisclosureRule } from './cell-suppression';
import { isSmallCell } from './cell-suppression';
import { protectSeries } from './temporal';

/** The contributors of a cell at one date: who → the key of what they add to the cell's figures. */
export type CellContributors = ReadonlyMap<string, string>;

/** The contributors present at one date only, or at both with a different key. */
export function changedContributors(a: CellContributors, b: CellContributors): number {
  let n = 0;
  for (const [who, key] of a) if (b.get(who) !== key) n += 1;
  for (const who of b.keys()) if (!a.has(who)) n += 1;
  return n;
}

/** Which values of a cell's series of contributors (oldest first) may be published (see above). */
export function protectContributionSeries(series: readonly CellContributors[], rule: DisclosureRule): boolean[] {
  const byCount = protectSeries(
    series.map((s) => s.size),
    rule,
  );
  const published: CellContributors[] = [];
  return series.map((s, i) => {
    if (isSmallCell(s.size, rule)) return false;
    if (published.some((p) => isSmallCell(changedContributors(p, s), rule))) return false;
    published.push(s);
    return byCount[i]!;
  });
}
