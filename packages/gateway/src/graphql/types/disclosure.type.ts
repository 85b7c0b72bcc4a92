/**
 * Disclosure control of aggregates over people (issue 8): who gets the protected view, the date it
 * is computed on, the threshold in force, and the GraphQL type that says what was withheld. The
 * rules themselves are the domain's (`@jembatan/domain` disclosure/): primary and secondary
 * suppression, sub-counts, the month-end reference date, birth-year ages, filters on reported
 * dimensions only.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import {
  isSmallCell,
  assertFilterOnReportedDimensions,
  assertWholePassedMonths,
  disclosureRule,
  parameterSnapshot,
  protectCell,
  protectedReferenceDate,
  protectPart,
  protectTotal,
  wibDateOf,
  type DisclosureRule,
  type ProtectedFigure,
  type IsoDate,
} from '../../domain';
import { seesEveryCandidateInFull } from '../access';
import type { GatewayContext } from '../context';
import { nowTimestamp } from '../ids';
import { DateScalar, isoDateOf } from '../scalars';

@ObjectType({
  description:
    'How an aggregate was protected. OFFICER and ADMIN get exact figures (`protectedView: false`). ANALYST and PARTNER get the protected view: a cell with 1 to `minCellCount` − 1 contributors is published as `suppressed: true` with its figures null (never 0), every total, sum or average that includes a suppressed cell is null too, maxima are not published, filters may name only the dimensions the aggregate reports, and date-dependent figures are computed on `referenceDate` (the last month end that has passed, on or before `asOf`) with ages in whole years reached in that calendar year.',
})
export class Disclosure {
  @Field(() => Boolean, { description: 'True when the protected view was applied (ANALYST, PARTNER).' })
  protectedView!: boolean;

  @Field(() => Int, { nullable: true, description: 'The minimum cell count in force on the reference date (parameter `disclosure.minCellCount`); null in the exact view.' })
  minCellCount!: number | null;

  @Field(() => Int, { description: 'Cells (rows) published as suppressed.' })
  suppressedCells!: number;

  @Field(() => DateScalar, {
    description:
      'The date the figures and the threshold are for: in the protected view the last calendar month end (WIB) on or before `asOf` that has passed; in the exact view `asOf` (default today). Aggregates without `asOf` use today in the exact view and the last passed month end in the protected view.',
  })
  referenceDate!: string;
}

/** How one request sees an aggregate. */
export interface AggregateView {
  /** ANALYST / PARTNER (anyone who is not OFFICER or ADMIN). */
  readonly isProtected: boolean;
  /** The date date-dependent figures are computed on. */
  readonly referenceDate: IsoDate;
  /** The threshold in force on the reference date (protected view only). */
  readonly rule: DisclosureRule | null;
  /** Today in WIB (the request's clock): date-range filters in the protected view must end before it. */
  readonly today?: IsoDate;
}

/** Today in WIB on the request's clock (clock.ts), the gateway's only clock read for aggregates. */
export function todayWib(ctx: Pick<GatewayContext, 'clock'>): IsoDate {
  return wibDateOf(nowTimestamp(ctx));
}

/**
 * The view of a date-dependent aggregate (`asOf` given or today): exact for OFFICER and ADMIN; for
 * everyone else the month-end reference date and the threshold read for it.
 */
export function datedAggregateView(ctx: GatewayContext, asOf: IsoDate | undefined): AggregateView {
  const today = todayWib(ctx);
  if (seesEveryCandidateInFull(ctx.principal)) return { isProtected: false, referenceDate: asOf ?? today, rule: null, today };
  const referenceDate = protectedReferenceDate(asOf ?? today, today);
  return { isProtected: true, referenceDate, rule: disclosureRule(parameterSnapshot(referenceDate)), today };
}

/** The view of an aggregate of the current state (no `asOf`): the threshold is read for today. */
export function currentAggregateView(ctx: GatewayContext): AggregateView {
  const today = todayWib(ctx);
  if (seesEveryCandidateInFull(ctx.principal)) return { isProtected: false, referenceDate: today, rule: null, today };
  return { isProtected: true, referenceDate: today, rule: disclosureRule(parameterSnapshot(today)), today };
}

/**
 * In the protected view, refuse a filter on a dimension the aggregate does not report
 * (`DISCLOSURE.FILTER_NOT_ALLOWED`), and a date range (a filter value with `from` and `to`, e.g.
 * `registered`, `enteredStage`, `departed`) that is not whole calendar months (WIB) that are over
 * (`DISCLOSURE.RANGE_NOT_WHOLE_MONTHS`, field path to the range): ranges a day apart would differ by
 * the people of that day. Refused, not snapped: an answer never covers other dates than asked.
 */
export function checkProtectedFilter(view: AggregateView, filter: object | undefined | null, allowed: readonly string[], path: readonly string[] = ['filter']): void {
  if (!view.isProtected) return;
  const record = filter as Readonly<Record<string, unknown>> | undefined | null;
  assertFilterOnReportedDimensions(record ?? undefined, allowed, path);
  if (!record) return;
  const today = view.today ?? view.referenceDate;
  for (const [key, value] of Object.entries(record)) {
    if (!isDateRange(value)) continue;
    const from = dateOf(value.from);
    const to = dateOf(value.to);
    if (from === null || to === null) continue; // not a date: refused by the filter's own check
    assertWholePassedMonths({ from, to }, today, [...path, key]);
  }
}

function isDateRange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

function dateOf(v: unknown): IsoDate | null {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? isoDateOf(v) : null;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

export function disclosureOf(view: AggregateView, suppressedCells: number): Disclosure {
  return { protectedView: view.isProtected, minCellCount: view.rule?.minCellCount ?? null, suppressedCells, referenceDate: view.referenceDate };
}

/** Primary suppression of a cell in this view (exact view: the cell as is). */
export function viewCell<V extends object>(view: AggregateView, contributors: number, values: V): ProtectedFigure<V> {
  return view.rule ? protectCell(contributors, values, view.rule) : { suppressed: false, values };
}

/** Secondary suppression of a total over `covers` in this view. */
export function viewTotal<V extends object>(view: AggregateView, contributors: number, values: V, covers: readonly { readonly suppressed: boolean }[]): ProtectedFigure<V> {
  return view.rule ? protectTotal(contributors, values, covers, view.rule) : { suppressed: false, values };
}

/** A sub-count of a cell in this view. */
export function viewPart(view: AggregateView, part: number, whole: number, wholeSuppressed: boolean): number | null {
  return view.rule ? protectPart(part, whole, wholeSuppressed, view.rule) : part;
}

// ------------------------------------------------------------------ secondary suppression

/** A cell before protection (trends, cost per placement). */
export interface TrendCellInput {
  readonly key: string;
  readonly count: number;
  readonly people: number;
}

/**
 * Which cells of one bucket (one series and stage) are withheld in the protected view: primary
 * suppression (1 to k − 1 people, and the keys in `forced`, withheld for another reason such as a
 * month-end series check), then complementary suppression of the smallest published non-empty
 * cells until the withheld people are 0 or at least k. Exact view: none.
 */
export function withheldCells(view: AggregateView, cells: readonly TrendCellInput[], forced: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const rule = view.rule;
  if (!rule) return out;
  let withheldPeople = 0;
  for (const c of cells) {
    if (forced.has(c.key) || isSmallCell(c.people, rule)) {
      out.add(c.key);
      withheldPeople += c.people;
    }
  }
  const candidates = cells.filter((c) => !out.has(c.key) && c.people > 0).sort((a, b) => a.people - b.people || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const c of candidates) {
    if (withheldPeople === 0 || withheldPeople >= rule.minCellCount) break;
    out.add(c.key);
    withheldPeople += c.people;
  }
  return out;
}
