/**
 * Statistical disclosure control for aggregates over people (DOMAIN.md §10, issue 8): one engine
 * that every aggregate of the gateway runs its cells and totals through before they reach an
 * ANALYST or PARTNER.
 *
 * - **Primary suppression.** A cell with 1 to k − 1 contributors (people, placements, financing
 *   plans; k = the dated parameter `disclosure.minCellCount`) is never published: it comes back as
 *   `suppressed: true` with every value `null`, never as a silent 0. Empty cells (0) are not people
 *   and stay publishable.
 * - **Secondary suppression.** A total, sum or average that covers a suppressed cell is suppressed
 *   too, so "total minus the published cells" never isolates a suppressed one. Every figure that is
 *   published is then either a published cell or a function of published cells only.
 * - **Sub-counts** ("of which still running") are suppressed with their cell, and when the part or
 *   its complement (whole − part) is 1 to k − 1: either one would be a small cell.
 * - **Extremes** (a maximum, a minimum) are one person's value: the protected view never publishes
 *   them (`protectExtreme`).
 *
 * Pure: no clock, no I/O; the caller passes the rule in force on the reference date.
 */
import { invalid } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';

/** The threshold in force, and the reference date it was read for. */
export interface DisclosureRule {
  /** k: a published cell has 0 or at least k contributors. */
  readonly minCellCount: number;
  /** The date the parameter was read for (the protected view's reference date). */
  readonly referenceDate: IsoDate;
}

/** The rule of a parameter snapshot taken on the reference date (`parameterSnapshot(referenceDate)`). */
export function disclosureRule(params: ParameterSnapshot): DisclosureRule {
  return { minCellCount: params.get('disclosure.minCellCount'), referenceDate: params.asOf };
}

/** Every value of `V`, or null where it is withheld. */
export type Published<V> = { readonly [K in keyof V]: V[K] | null };

/** A cell or total after disclosure control. */
export interface ProtectedFigure<V> {
  readonly suppressed: boolean;
  readonly values: Published<V>;
}

function checkedCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    invalid(
      'DISCLOSURE.INVALID_COUNT',
      `Jumlah kontributor ${what} harus bilangan bulat tidak negatif.`,
      `The contributor count of ${what} must be a non-negative whole number.`,
      { details: { figure: what } },
    );
  }
  return n;
}

function checkedRule(rule: DisclosureRule): number {
  const k = rule.minCellCount;
  if (!Number.isSafeInteger(k) || k < 2) {
    invalid('DISCLOSURE.INVALID_RULE', 'Ambang sel minimum harus bilangan bulat ≥ 2.', 'The minimum cell count must be a whole number of at least 2.');
  }
  return k;
}

/** True for 1 ≤ n < k: a cell this small is never published. */
export function isSmallCell(contributors: number, rule: DisclosureRule): boolean {
  const n = checkedCount(contributors, 'cell');
  return n >= 1 && n < checkedRule(rule);
}

function withheld<V extends object>(values: V): Published<V> {
  const out: Record<string, null> = {};
  for (const key of Object.keys(values)) out[key] = null;
  return out as Published<V>;
}

/** Primary suppression of one cell: published as is, or `suppressed` with every value null. */
export function protectCell<V extends object>(contributors: number, values: V, rule: DisclosureRule): ProtectedFigure<V> {
  return isSmallCell(contributors, rule) ? { suppressed: true, values: withheld(values) } : { suppressed: false, values: { ...values } };
}

/**
 * Secondary suppression of a figure that adds up (or averages) cells: published only when none of
 * the cells it covers is suppressed and its own contributor count is not 1 to k − 1.
 */
export function protectTotal<V extends object>(
  contributors: number,
  values: V,
  covers: readonly { readonly suppressed: boolean }[],
  rule: DisclosureRule,
): ProtectedFigure<V> {
  const small = isSmallCell(contributors, rule);
  return small || covers.some((c) => c.suppressed) ? { suppressed: true, values: withheld(values) } : { suppressed: false, values: { ...values } };
}

/**
 * A count of part of a cell ("of which still running"): null when the cell is suppressed, or when
 * the part or the rest of the cell (whole − part) is 1 to k − 1.
 */
export function protectPart(part: number, whole: number, wholeSuppressed: boolean, rule: DisclosureRule): number | null {
  const p = checkedCount(part, 'part');
  const w = checkedCount(whole, 'whole');
  if (p > w) invalid('DISCLOSURE.INVALID_COUNT', 'Bagian lebih besar dari keseluruhan.', 'The part is larger than the whole.');
  if (wholeSuppressed || isSmallCell(w, rule) || isSmallCell(p, rule) || isSmallCell(w - p, rule)) return null;
  return p;
}

/** A maximum or minimum is one person's value: never published in the protected view. */
export function protectExtreme<T>(_value: T): null {
  return null;
}

/** A table after disclosure control, with what was withheld. */
export interface ProtectedTable<C, T> {
  readonly cells: ReadonlyArray<ProtectedFigure<C>>;
  /** The table's total over every cell (secondary suppression). */
  readonly total: ProtectedFigure<T>;
  readonly suppressedCells: number;
}

/** A cell of a table before disclosure control. */
export interface CellInput<V> {
  readonly contributors: number;
  readonly values: V;
}

/**
 * A whole table in one call: primary suppression of every cell, then its total over all of them
 * (suppressed as soon as one cell is).
 */
export function protectTable<C extends object, T extends object>(
  cells: readonly CellInput<C>[],
  total: CellInput<T>,
  rule: DisclosureRule,
): ProtectedTable<C, T> {
  const out = cells.map((c) => protectCell(c.contributors, c.values, rule));
  return {
    cells: out,
    total: protectTotal(total.contributors, total.values, out, rule),
    suppressedCells: out.filter((c) => c.suppressed).length,
  };
}
