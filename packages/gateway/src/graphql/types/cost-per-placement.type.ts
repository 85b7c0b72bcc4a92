/**
 * `costPerPlacement` (issue 12): GraphQL types, and the table assembled from the finest cells of
 * read-models/cost-per-placement.read-model.ts with disclosure control.
 *
 * Definitions:
 * - `placements` of a row: the placements in its occupation × route × kecamatan groups (every one
 *   has at least one stored cost share). A row by PAYER keeps that denominator: its `average` is the
 *   payer's cost per placement of the group, a placement the payer pays nothing for counting as 0, so
 *   the payers' averages add up to the group's (up to rounding); `placementsWithCost` says for how
 *   many the payer bears a cost.
 * - averages: total ÷ placements in whole rupiah, rounded HALF_UP (a half rupiah goes up), the
 *   domain's `divideRounded`.
 *
 * Exact view (OFFICER / ADMIN): any `by`, any filter, every figure as is, added up from the finest
 * cells (occupation × route × kecamatan × payer × timing) of read-models/cost-per-placement.read-model.ts.
 *
 * Disclosure control (protected view, ANALYST / PARTNER): standard cell suppression on linked
 * one-dimension tables, as `trends` does. The resolver refuses more than one dimension
 * (`DISCLOSURE.TOO_MANY_DIMENSIONS`), so the tables an analyst can obtain are the total and the tables
 * by OCCUPATION, ROUTE, KECAMATAN and PAYER (the total's payer parts), each at month-end reference
 * dates; `ProtectedMargins` below decides once, on the whole program's cells (distinct candidates
 * counted in SQL), what each of them withholds, so that all the answers agree:
 * - a row with 1 to minCellCount − 1 candidates is suppressed (`suppressed: true`, figures null,
 *   never 0); when a table's suppressed rows hold 1 to minCellCount − 1 candidates together, the
 *   smallest published rows are suppressed too until they hold 0 or at least minCellCount, so the
 *   total minus the published rows never isolates a small group; the total is published when its own
 *   count is 0 or at least minCellCount;
 * - inside a row, a payer part (`byPayer`) is published whole or not at all: withheld when it or its
 *   timing split is 1 to minCellCount − 1 candidates, with the same secondary rule among the row's
 *   parts (the parts add up to the row); the row's timing split (beforeDeparture, inKorea) is withheld
 *   (both) when a timing is small or the withheld parts' candidates in a timing are 1 to
 *   minCellCount − 1; the total's parts and split also when, in any one-dimension table, the withheld
 *   cells of that part or timing across the rows are 1 to minCellCount − 1 (the total's part minus the
 *   published rows' parts would isolate them). Averages over a withheld figure are null;
 * - across dates (`asOf`, snapped to passed month ends), each of those cells is also checked on its
 *   count series over the month ends from the first placement's (the domain's `protectSeries`): a cell
 *   that differs from one of its earlier published values by 1 to minCellCount − 1 is withheld (and
 *   counts as suppressed for the secondary rule); and the withheld cells of a table (or row, or column
 *   of payer parts across rows) together, which the whole minus the published ones gives, must not
 *   differ from an earlier month end by 1 to minCellCount − 1 either (else the smallest published cell
 *   joins them), so two month ends never differ in a published or derivable figure by the costs of a
 *   small group;
 * - against `trends`: the seats it publishes (SEATS_ALLOCATED, same label) added up to a month end,
 *   minus a row's live placements there, is the row's cancellations; a row, or a group of withheld rows
 *   that a total minus the published ones gives, whose cancellations are 1 to minCellCount − 1 from 0
 *   or from an earlier month end (`protectDerivedSeries`) is withheld too;
 * - a filter (`kecamatans`, only when grouping by KECAMATAN) selects rows of the unfiltered answer
 *   after suppression; the total of a filtered answer is the sum of its rows, null as soon as one of
 *   them is withheld.
 * No maximum or single placement's cost is ever published. Known limit: payer parts overlap in people
 * (one placement has several payers), and the secondary rule adds their candidates up, as it does for
 * rows (which partition the placements).
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { divideRounded, isSmallCell, protectSeries, type DisclosureRule, type KotaSerangKecamatan, type Occupation, type PayerKind, type Route } from '../../domain';
import {
  COST_MARGIN_DIMENSIONS,
  COST_TIMINGS_REPORTED,
  placementCostMarginKey,
  type CostMarginDimension,
  type PlacementCostCell,
  type PlacementCostMargin,
} from '../../read-models/cost-per-placement.read-model';
import { derivedPasses, sumDerived, type DerivedSeries } from '../../read-models/stock-flow.read-model';
import { KecamatanEnum, OccupationEnum, PayerKindEnum, RouteEnum } from '../enums';
import { DateScalar } from '../scalars';
import { Disclosure, disclosureOf, withheldCells, type AggregateView } from './disclosure.type';
import { Money, moneyFromMinor } from './money.type';

export const COST_PER_PLACEMENT_DIMENSIONS = ['OCCUPATION', 'ROUTE', 'KECAMATAN', 'PAYER'] as const;
export type CostPerPlacementDimension = (typeof COST_PER_PLACEMENT_DIMENSIONS)[number];
export const CostPerPlacementDimensionEnum = Object.fromEntries(COST_PER_PLACEMENT_DIMENSIONS.map((d) => [d, d])) as { [K in CostPerPlacementDimension]: K };
registerEnumType(CostPerPlacementDimensionEnum, {
  name: 'CostPerPlacementDimension',
  description: 'A dimension `costPerPlacement` can group by.',
  valuesConfig: {
    OCCUPATION: { description: 'The placement’s occupation.' },
    ROUTE: { description: 'The placement’s route.' },
    KECAMATAN: { description: 'The candidate’s kecamatan (from the KTP/KK address; null: not a recognised Kota Serang one).' },
    PAYER: { description: 'Who bears the cost (one row per payer; the placements stay those of the group).' },
  },
});

/** The rounding of every average: half a rupiah goes up. */
export const AVERAGE_ROUNDING = 'HALF_UP' as const;

@ObjectType({ description: 'One payer’s part of a row of `costPerPlacement`.' })
export class CostPerPlacementPayerPart {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Int, { nullable: true, description: 'Placements of the row for which this payer bears a cost; null when withheld (protected view).' }) placementsWithCost!: number | null;
  @Field(() => Money, { nullable: true, description: 'What this payer bears (IDR); null when withheld.' }) total!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of which before departure (IDR); null when withheld.' }) beforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of which in Korea (IDR); null when withheld.' }) inKorea!: Money | null;
  @Field(() => Money, { nullable: true, description: 'total ÷ the row’s placements (all of them, a placement this payer pays nothing for counting as 0), whole rupiah rounded HALF_UP; null when withheld.' }) averagePerPlacement!: Money | null;
  @Field(() => Boolean, { description: 'True when any figure of the part is withheld (protected view).' }) suppressed!: boolean;
}

@ObjectType({ description: 'Cost per placement for one group (the dimensions in `by`; the others are null).' })
export class CostPerPlacementRow {
  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation (null unless grouped by OCCUPATION).' }) occupation!: Occupation | null;
  @Field(() => RouteEnum, { nullable: true, description: 'Route (null unless grouped by ROUTE).' }) route!: Route | null;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan (null unless grouped by KECAMATAN, or not a recognised Kota Serang one).' }) kecamatan!: KotaSerangKecamatan | null;
  @Field(() => PayerKindEnum, { nullable: true, description: 'Payer (null unless grouped by PAYER).' }) payer!: PayerKind | null;
  @Field(() => Int, { nullable: true, description: 'Placements (not cancelled on the date, with a stored estimate); null when withheld (protected view).' }) placements!: number | null;
  @Field(() => Int, { nullable: true, description: 'Grouped by PAYER: placements for which the payer bears a cost; otherwise equal to `placements`. Null when withheld.' }) placementsWithCost!: number | null;
  @Field(() => Money, { nullable: true, description: 'Total cost (IDR; grouped by PAYER: the payer’s); null when withheld.' }) total!: Money | null;
  @Field(() => Money, { nullable: true, description: 'total ÷ placements, whole rupiah rounded HALF_UP; null when withheld.' }) average!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, before departure (IDR); null when withheld.' }) beforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, in Korea (IDR); null when withheld.' }) inKorea!: Money | null;
  @Field(() => [CostPerPlacementPayerPart], { description: 'The total split by payer (one part per payer with a cost).' }) byPayer!: CostPerPlacementPayerPart[];
  @Field(() => Boolean, { description: 'True when any figure of the row is withheld (protected view: primary, secondary or month-end suppression; see the query).' }) suppressed!: boolean;
}

@ObjectType({ description: 'Cost per placement from the estimates stored at allocation (cancelled placements left out), by the dimensions asked for, with totals.' })
export class CostPerPlacement {
  @Field(() => DateScalar, { description: 'The placements are those live on this date (protected view: the reference date).' }) asOf!: string;
  @Field(() => [CostPerPlacementDimensionEnum], { description: 'The dimensions grouped by, in the order given, without repeats.' }) by!: CostPerPlacementDimension[];
  @Field(() => String, { description: 'Rounding of the averages to whole rupiah: HALF_UP (half a rupiah goes up).' }) averageRounding!: string;
  @Field(() => [CostPerPlacementRow], { description: 'One row per non-empty group, in the order of the dimensions.' }) rows!: CostPerPlacementRow[];
  @Field(() => Int, { nullable: true, description: 'Placements in all rows; null when withheld.' }) placements!: number | null;
  @Field(() => Money, { nullable: true, description: 'Total cost of all placements (IDR); null when withheld (protected view: when it has 1 to minCellCount − 1 candidates or moved by that few since an earlier month end).' }) total!: Money | null;
  @Field(() => Money, { nullable: true, description: 'total ÷ placements, whole rupiah rounded HALF_UP; null when withheld.' }) average!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, before departure; null when withheld.' }) beforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, in Korea; null when withheld.' }) inKorea!: Money | null;
  @Field(() => [CostPerPlacementPayerPart], { description: 'The total split by payer.' }) byPayer!: CostPerPlacementPayerPart[];
  @Field(() => Disclosure, { description: 'How the figures were protected (`suppressedCells`: rows with a withheld figure).' }) disclosure!: Disclosure;
}

// ---------------------------------------------------------------- assembly

type Select = (c: PlacementCostCell) => boolean;

const idr = (v: bigint): Money => moneyFromMinor(v.toString(), 'IDR');

/** Sums of finest cells (the exact view: every figure published as is). */
class Table {
  constructor(private readonly cells: readonly PlacementCostCell[]) {}

  private pick(select: Select, level: 'GROUP' | 'PAYER' | 'MONEY', payer?: PayerKind, timing?: string): PlacementCostCell[] {
    return this.cells.filter((c) => {
      if (!select(c)) return false;
      if (level === 'GROUP') return c.payer === null && c.timing === null;
      if (level === 'PAYER') return c.payer !== null && c.timing === null && c.payer === payer;
      return c.payer !== null && c.timing !== null && (payer === undefined || c.payer === payer) && (timing === undefined || c.timing === timing);
    });
  }

  /** Σ placements of the groups. */
  placements(select: Select): number | null {
    return this.pick(select, 'GROUP').reduce((n, c) => n + c.placements, 0);
  }

  placementsWithCost(select: Select, payer: PayerKind): number | null {
    return this.pick(select, 'PAYER', payer).reduce((n, c) => n + c.placements, 0);
  }

  money(select: Select, payer?: PayerKind, timing?: string): bigint | null {
    return this.pick(select, 'MONEY', payer, timing).reduce((n, c) => n + c.amount, 0n);
  }

  payers(select: Select): PayerKind[] {
    return [...new Set(this.pick(select, 'MONEY').map((c) => c.payer as PayerKind))].sort();
  }
}

function average(total: bigint | null, placements: number | null): Money | null {
  if (total === null || placements === null || placements === 0) return null;
  return idr(divideRounded(total, BigInt(placements), AVERAGE_ROUNDING));
}

const orNull = (v: bigint | null): Money | null => (v === null ? null : idr(v));

function part(t: Table, select: Select, payer: PayerKind, placements: number | null): CostPerPlacementPayerPart {
  const total = t.money(select, payer);
  const out = {
    payer,
    placementsWithCost: t.placementsWithCost(select, payer),
    total: orNull(total),
    beforeDeparture: orNull(t.money(select, payer, 'BEFORE_DEPARTURE')),
    inKorea: orNull(t.money(select, payer, 'IN_KOREA')),
    averagePerPlacement: average(total, placements),
  };
  return { ...out, suppressed: Object.values(out).some((v) => v === null) };
}

interface Figures {
  placements: number | null;
  placementsWithCost: number | null;
  total: Money | null;
  average: Money | null;
  beforeDeparture: Money | null;
  inKorea: Money | null;
  byPayer: CostPerPlacementPayerPart[];
  suppressed: boolean;
}

function figures(t: Table, select: Select, payer: PayerKind | null): Figures {
  const placements = t.placements(select);
  const payers = payer ? [payer] : t.payers(select);
  const byPayer = payers.map((p) => part(t, select, p, placements));
  const total = payer ? t.money(select, payer) : t.money(select);
  const out = {
    placements,
    placementsWithCost: payer ? t.placementsWithCost(select, payer) : placements,
    total: orNull(total),
    average: average(total, placements),
    beforeDeparture: orNull(payer ? t.money(select, payer, 'BEFORE_DEPARTURE') : t.money(select, undefined, 'BEFORE_DEPARTURE')),
    inKorea: orNull(payer ? t.money(select, payer, 'IN_KOREA') : t.money(select, undefined, 'IN_KOREA')),
  };
  return { ...out, byPayer, suppressed: Object.values(out).some((v) => v === null) || byPayer.some((p) => p.suppressed) };
}

const GROUP_DIMENSIONS = ['OCCUPATION', 'ROUTE', 'KECAMATAN'] as const;
type GroupDimension = (typeof GROUP_DIMENSIONS)[number];
const FIELD: Record<GroupDimension, 'occupation' | 'route' | 'kecamatan'> = { OCCUPATION: 'occupation', ROUTE: 'route', KECAMATAN: 'kecamatan' };

const compareKeys = (a: readonly (string | null)[], b: readonly (string | null)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '\uffff';
    const y = b[i] ?? '\uffff';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The exact view's answer (OFFICER / ADMIN) of `costPerPlacement` for `by` (deduplicated), from the finest cells. */
export function costPerPlacementOf(view: AggregateView, asOf: string, by: readonly CostPerPlacementDimension[], cells: readonly PlacementCostCell[]): CostPerPlacement {
  const dims = [...new Set(by)];
  const groupDims = dims.filter((d): d is GroupDimension => d !== 'PAYER');
  const byPayer = dims.includes('PAYER');
  const t = new Table(cells);
  const groups = cells.filter((c) => c.payer === null && c.timing === null);
  const keyOf = (c: PlacementCostCell): (string | null)[] => groupDims.map((d) => c[FIELD[d]]);
  const keys = new Map<string, (string | null)[]>();
  for (const g of groups) keys.set(JSON.stringify(keyOf(g)), keyOf(g));
  const rowKeys: Array<{ key: (string | null)[]; payer: PayerKind | null }> = [];
  for (const key of keys.values()) {
    const select: Select = (c) => JSON.stringify(keyOf(c)) === JSON.stringify(key);
    if (byPayer) for (const p of t.payers(select)) rowKeys.push({ key, payer: p });
    else rowKeys.push({ key, payer: null });
  }
  // rows in the order of the dimensions asked for
  const order = (r: { key: (string | null)[]; payer: PayerKind | null }) => dims.map((d) => (d === 'PAYER' ? r.payer : r.key[groupDims.indexOf(d)]!));
  rowKeys.sort((a, b) => compareKeys(order(a), order(b)));
  const rows: CostPerPlacementRow[] = rowKeys.map(({ key, payer }) => {
    const select: Select = (c) => JSON.stringify(keyOf(c)) === JSON.stringify(key);
    const value = (d: GroupDimension) => (groupDims.includes(d) ? key[groupDims.indexOf(d)]! : null);
    return {
      occupation: value('OCCUPATION') as Occupation | null,
      route: value('ROUTE') as Route | null,
      kecamatan: value('KECAMATAN') as KotaSerangKecamatan | null,
      payer,
      ...figures(t, select, payer),
    };
  });
  const all = figures(t, () => true, null);
  const { placementsWithCost: _same, suppressed: _s, ...totals } = all;
  return {
    asOf,
    by: dims,
    averageRounding: AVERAGE_ROUNDING,
    rows,
    ...totals,
    disclosure: disclosureOf(view, rows.filter((r) => r.suppressed).length),
  };
}

// ---------------------------------------------------------------- the protected view: linked one-dimension tables

const TIMINGS = COST_TIMINGS_REPORTED;
const marginKey = (dimension: CostMarginDimension | null, value: string | null, payer: PayerKind | null, timing: string | null): string =>
  placementCostMarginKey({ dimension, value, payer, timing });

/**
 * What the protected view withholds in the tables an analyst can obtain (the total and the tables by
 * one dimension), decided once for all of them so that every answer agrees with every other:
 * - rows of each table: primary (1 to k − 1 candidates, or failing the month-end series check), then
 *   secondary suppression of the smallest published rows until the withheld candidates are 0 or ≥ k
 *   (the trends rule, `withheldCells`);
 * - inside a published row: a payer part is published whole (placements with cost, total, timing
 *   split) or not at all, withheld when one of its cells is small or fails the series check, with the
 *   same secondary rule among the row's parts; the row's timing split (both timings or neither) is
 *   withheld when a timing is small, or when the withheld parts' candidates in a timing are 1 to k − 1
 *   (the split minus the published parts' would isolate them);
 * - the total's payer parts and timing split, in addition, when in any of the one-dimension tables
 *   the withheld cells of that part (or timing) across the rows hold 1 to k − 1 candidates (the
 *   total's part minus the published rows' would isolate them).
 */
class ProtectedMargins {
  private readonly byKey: Map<string, PlacementCostMargin>;
  private readonly hidden = new Set<string>();

  constructor(
    cells: readonly PlacementCostMargin[],
    private readonly view: AggregateView,
    private readonly rule: DisclosureRule,
    private readonly series: ReadonlyMap<string, readonly number[]>,
    /** The derived cancellations of each row against `trends` (read-models/stock-flow.read-model.ts); empty: no such check. */
    private readonly flows: ReadonlyMap<string, DerivedSeries> = new Map(),
  ) {
    this.byKey = new Map(cells.map((c) => [placementCostMarginKey(c), c]));
    this.decide();
  }

  cell(dimension: CostMarginDimension | null, value: string | null, payer: PayerKind | null, timing: string | null): PlacementCostMargin | undefined {
    return this.byKey.get(marginKey(dimension, value, payer, timing));
  }

  private contributors(key: string): number {
    return this.byKey.get(key)?.candidates ?? 0;
  }

  /** Primary: a small cell, or one whose month-end series would show a change of 1 to k − 1. */
  private fails(key: string): boolean {
    if (isSmallCell(this.contributors(key), this.rule)) return true;
    const values = this.series.get(key);
    if (values !== undefined && values.length > 0 && protectSeries(values, this.rule)[values.length - 1] !== true) return true;
    return this.flowFails([key]);
  }

  /**
   * Whether the rows `keys` together (one row, or the withheld rows a total minus the published ones
   * gives) would give, against the seats `trends` publishes, a small number of cancellations: their
   * summed derived series fails `protectDerivedSeries` at the reference date.
   */
  private flowFails(keys: readonly string[]): boolean {
    const sum = sumDerived(keys.map((k) => this.flows.get(k)).filter((d): d is DerivedSeries => d !== undefined));
    return sum !== null && !derivedPasses(sum, this.rule);
  }

  private secondary(keys: readonly string[], forced: ReadonlySet<string>): void {
    const cells = keys.map((key) => ({ key, count: 0, people: this.contributors(key) }));
    const primary = new Set(keys.filter((k) => forced.has(k) || this.fails(k)));
    const out = withheldCells(this.view, cells, primary);
    // the withheld cells together are what the whole minus the published ones gives: their summed
    // month-end series must not change by 1 to k − 1 either (a row withheld by the series check alone)
    const rest = cells.filter((c) => !out.has(c.key) && c.people > 0).sort((a, b) => a.people - b.people || (a.key < b.key ? -1 : 1));
    while (out.size > 0 && this.groupChanged([...out]) && rest.length) out.add(rest.shift()!.key);
    for (const k of out) this.hidden.add(k);
  }

  /** Whether the summed series of `keys` on the reference date differs from an earlier month end's by 1 to k − 1. */
  groupChanged(keys: readonly string[]): boolean {
    if (this.flowFails(keys)) return true;
    const all = keys.map((k) => this.series.get(k)).filter((s): s is readonly number[] => s !== undefined && s.length > 0);
    if (!all.length) return false;
    const sum = all[0]!.map((_, i) => all.reduce((n, s) => n + (s[i] ?? 0), 0));
    const last = sum[sum.length - 1]!;
    return sum.slice(0, -1).some((p) => isSmallCell(Math.abs(last - p), this.rule));
  }

  /** The rows of the table by `dimension` (null: the total's one row). */
  values(dimension: CostMarginDimension | null): (string | null)[] {
    if (dimension === null) return this.byKey.has(marginKey(null, null, null, null)) ? [null] : [];
    const out = [...this.byKey.values()].filter((c) => c.dimension === dimension && c.payer === null && c.timing === null).map((c) => c.value);
    return out.sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  }

  payers(dimension: CostMarginDimension | null, value: string | null): PayerKind[] {
    return [...this.byKey.values()]
      .filter((c) => c.dimension === dimension && c.value === value && c.payer !== null && c.timing === null)
      .map((c) => c.payer as PayerKind)
      .sort();
  }

  /** Whether a figure is withheld: its own decision, or its row's, or (payer × timing) its part's. */
  isHidden(dimension: CostMarginDimension | null, value: string | null, payer: PayerKind | null, timing: string | null): boolean {
    if (this.hidden.has(marginKey(dimension, value, null, null))) return true;
    if (payer !== null && this.hidden.has(marginKey(dimension, value, payer, null))) return true;
    return payer === null && timing !== null && this.hidden.has(marginKey(dimension, value, null, timing));
  }

  private protectRow(dimension: CostMarginDimension | null, value: string | null, forcedParts: ReadonlySet<PayerKind>, forceSplit: boolean): void {
    if (this.hidden.has(marginKey(dimension, value, null, null))) return;
    const payers = this.payers(dimension, value);
    const partKey = (p: PayerKind) => marginKey(dimension, value, p, null);
    const forced = new Set(payers.filter((p) => forcedParts.has(p) || TIMINGS.some((t) => this.fails(marginKey(dimension, value, p, t)))).map(partKey));
    this.secondary(payers.map(partKey), forced);
    const hiddenParts = payers.filter((p) => this.hidden.has(partKey(p)));
    const split =
      forceSplit ||
      TIMINGS.some(
        (t) => this.fails(marginKey(dimension, value, null, t)) || isSmallCell(hiddenParts.reduce((n, p) => n + this.contributors(marginKey(dimension, value, p, t)), 0), this.rule),
      );
    if (split) for (const t of TIMINGS) this.hidden.add(marginKey(dimension, value, null, t));
  }

  private decide(): void {
    for (const d of COST_MARGIN_DIMENSIONS) {
      const values = this.values(d);
      this.secondary(values.map((v) => marginKey(d, v, null, null)), new Set());
      for (const v of values) this.protectRow(d, v, new Set(), false);
    }
    const totalKey = marginKey(null, null, null, null);
    if (this.fails(totalKey)) this.hidden.add(totalKey);
    // the total's parts against the rows of every table: total − published rows must not isolate a small group
    const forcedParts = new Set<PayerKind>();
    let forceSplit = false;
    const small = (n: number) => isSmallCell(n, this.rule);
    for (const d of COST_MARGIN_DIMENSIONS) {
      const values = this.values(d);
      const withheld = (payer: PayerKind | null, timing: string | null) => values.filter((v) => this.isHidden(d, v, payer, timing)).map((v) => marginKey(d, v, payer, timing));
      const revealing = (payer: PayerKind | null, timing: string | null) => {
        const keys = withheld(payer, timing);
        return small(keys.reduce((n, k) => n + this.contributors(k), 0)) || this.groupChanged(keys);
      };
      for (const p of this.payers(null, null)) if ([null, ...TIMINGS].some((t) => revealing(p, t))) forcedParts.add(p);
      if (TIMINGS.some((t) => revealing(null, t))) forceSplit = true;
    }
    this.protectRow(null, null, forcedParts, forceSplit);
  }
}

function protectedPart(m: ProtectedMargins, dimension: CostMarginDimension | null, value: string | null, payer: PayerKind, placements: number | null): CostPerPlacementPayerPart {
  const hidden = m.isHidden(dimension, value, payer, null);
  const amount = (timing: string | null): bigint | null => (hidden ? null : (m.cell(dimension, value, payer, timing)?.amount ?? 0n));
  const total = amount(null);
  const out = {
    payer,
    placementsWithCost: hidden ? null : (m.cell(dimension, value, payer, null)?.placements ?? 0),
    total: orNull(total),
    beforeDeparture: orNull(amount('BEFORE_DEPARTURE')),
    inKorea: orNull(amount('IN_KOREA')),
    averagePerPlacement: average(total, placements),
  };
  return { ...out, suppressed: Object.values(out).some((v) => v === null) };
}

/** A row of a table by one dimension, or the total (`dimension` null). */
function protectedFigures(m: ProtectedMargins, dimension: CostMarginDimension | null, value: string | null): Figures {
  const hidden = m.isHidden(dimension, value, null, null);
  const whole = m.cell(dimension, value, null, null);
  const placements = hidden ? null : (whole?.placements ?? 0);
  const timing = (t: string): bigint | null => (m.isHidden(dimension, value, null, t) ? null : (m.cell(dimension, value, null, t)?.amount ?? 0n));
  const total = hidden ? null : (whole?.amount ?? 0n);
  const byPayer = hidden ? [] : m.payers(dimension, value).map((p) => protectedPart(m, dimension, value, p, placements));
  const out = {
    placements,
    placementsWithCost: placements,
    total: orNull(total),
    average: average(total, placements),
    beforeDeparture: orNull(timing('BEFORE_DEPARTURE')),
    inKorea: orNull(timing('IN_KOREA')),
  };
  return { ...out, byPayer, suppressed: Object.values(out).some((v) => v === null) || byPayer.some((p) => p.suppressed) };
}

/** A row by PAYER: the total's part of that payer, over all placements. */
function protectedPayerRow(m: ProtectedMargins, payer: PayerKind): Figures {
  const placements = m.isHidden(null, null, null, null) ? null : (m.cell(null, null, null, null)?.placements ?? 0);
  const part = protectedPart(m, null, null, payer, placements);
  const out = {
    placements,
    placementsWithCost: part.placementsWithCost,
    total: part.total,
    average: part.averagePerPlacement,
    beforeDeparture: part.beforeDeparture,
    inKorea: part.inKorea,
  };
  return { ...out, byPayer: [part], suppressed: Object.values(out).some((v) => v === null) };
}

const sumMoney = (xs: ReadonlyArray<Money | null>): bigint | null => (xs.some((x) => x === null) ? null : xs.reduce((n, x) => n + BigInt(x!.amount), 0n));

/** The total over the rows a filter selects: a sum of published rows, null as soon as one is withheld. */
function totalOfRows(rows: readonly Figures[]): Omit<Figures, 'placementsWithCost' | 'suppressed'> {
  const placements = rows.some((r) => r.placements === null) ? null : rows.reduce((n, r) => n + r.placements!, 0);
  const total = sumMoney(rows.map((r) => r.total));
  const hiddenRow = rows.some((r) => r.placements === null);
  const payers = [...new Set(rows.flatMap((r) => r.byPayer.map((p) => p.payer)))].sort();
  const byPayer = payers.map((payer): CostPerPlacementPayerPart => {
    const parts = rows.flatMap((r) => r.byPayer.filter((p) => p.payer === payer));
    const withheld = hiddenRow || parts.some((p) => p.suppressed);
    const sum = (f: (p: CostPerPlacementPayerPart) => Money | null) => (withheld ? null : sumMoney(parts.map(f)));
    const partTotal = sum((p) => p.total);
    const out = {
      payer,
      placementsWithCost: withheld ? null : parts.reduce((n, p) => n + p.placementsWithCost!, 0),
      total: orNull(partTotal),
      beforeDeparture: orNull(sum((p) => p.beforeDeparture)),
      inKorea: orNull(sum((p) => p.inKorea)),
      averagePerPlacement: average(partTotal, placements),
    };
    return { ...out, suppressed: Object.values(out).some((v) => v === null) };
  });
  return {
    placements,
    total: orNull(total),
    average: average(total, placements),
    beforeDeparture: orNull(sumMoney(rows.map((r) => r.beforeDeparture))),
    inKorea: orNull(sumMoney(rows.map((r) => r.inKorea))),
    byPayer,
  };
}

const ROW_FIELD: Record<CostMarginDimension, 'occupation' | 'route' | 'kecamatan'> = { OCCUPATION: 'occupation', ROUTE: 'route', KECAMATAN: 'kecamatan' };

/**
 * The protected view's answer (ANALYST / PARTNER) for `by` (at most one dimension, checked by the
 * resolver) from the margin cells of the whole, unfiltered program on the reference date and their
 * month-end series; `selected` says which rows a filter on the `by` dimension keeps (applied after the
 * suppression of the whole table, so a filter changes neither a row's figures nor what is withheld,
 * and the total of a filtered answer is the sum of its rows, null as soon as one of them is withheld).
 */
export function protectedCostPerPlacementOf(
  view: AggregateView,
  rule: DisclosureRule,
  by: CostPerPlacementDimension | null,
  cells: readonly PlacementCostMargin[],
  series: ReadonlyMap<string, readonly number[]>,
  selected?: (value: string | null) => boolean,
  /** The derived cancellations of each row against `trends`' SEATS_ALLOCATED (read-models/stock-flow.read-model.ts `costPlacementFlowSeries`). */
  flows?: ReadonlyMap<string, DerivedSeries>,
): CostPerPlacement {
  const m = new ProtectedMargins(cells, view, rule, series, flows);
  const empty = { occupation: null, route: null, kecamatan: null, payer: null };
  let rows: CostPerPlacementRow[];
  if (by === 'PAYER') rows = m.values(null).length ? m.payers(null, null).map((p) => ({ ...empty, payer: p, ...protectedPayerRow(m, p) })) : [];
  else if (by === null) rows = m.values(null).map(() => ({ ...empty, ...protectedFigures(m, null, null) }));
  else
    rows = m
      .values(by)
      .filter((v) => !selected || selected(v))
      .map((v) => ({ ...empty, [ROW_FIELD[by]]: v, ...protectedFigures(m, by, v) }) as CostPerPlacementRow);
  const { placementsWithCost: _same, suppressed: _s, ...whole } = protectedFigures(m, null, null);
  const totals = selected && by !== null && by !== 'PAYER' ? totalOfRows(rows) : whole;
  return {
    asOf: view.referenceDate,
    by: by ? [by] : [],
    averageRounding: AVERAGE_ROUNDING,
    rows,
    ...totals,
    disclosure: disclosureOf(view, rows.filter((r) => r.suppressed).length),
  };
}
