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
 * Disclosure control (protected view, ANALYST / PARTNER): the finest cells are group
 * (occupation × route × kecamatan) for counts, group × payer for `placementsWithCost`, and
 * group × payer × timing for money, each with its distinct candidates as contributors. A figure is
 * published only when every finest cell it adds up has 0 or at least minCellCount contributors. So
 * no published figure includes a small cell, and no combination of published figures (a total minus
 * its rows, a table by occupation minus one by occupation × kecamatan, a kecamatan filter against
 * none, the timing split against the total) can isolate one. Averages need both their total and
 * their count published. No maximum or single placement's cost is ever published.
 *
 * Across dates (`asOf`, snapped to passed month ends): a finest cell is publishable on the reference
 * date only when its contributors there differ from each of its earlier published month-end values by
 * 0 or at least minCellCount (the domain's `protectSeries` over the series from the first placement's
 * month), so two answers on two month ends never differ in a published figure by the costs of 1 to
 * minCellCount − 1 people.
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { divideRounded, protectSeries, type KotaSerangKecamatan, type Occupation, type PayerKind, type Route } from '../../domain';
import { placementCostCellKey, type PlacementCostCell } from '../../read-models/cost-per-placement.read-model';
import { KecamatanEnum, OccupationEnum, PayerKindEnum, RouteEnum } from '../enums';
import { DateScalar } from '../scalars';
import { Disclosure, disclosureOf, viewCell, type AggregateView } from './disclosure.type';
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
  @Field(() => Boolean, { description: 'True when any figure of the row is withheld (protected view: it would include a cell of 1 to minCellCount − 1 candidates).' }) suppressed!: boolean;
}

@ObjectType({ description: 'Cost per placement from the estimates stored at allocation (cancelled placements left out), by the dimensions asked for, with totals.' })
export class CostPerPlacement {
  @Field(() => DateScalar, { description: 'The placements are those live on this date (protected view: the reference date).' }) asOf!: string;
  @Field(() => [CostPerPlacementDimensionEnum], { description: 'The dimensions grouped by, in the order given, without repeats.' }) by!: CostPerPlacementDimension[];
  @Field(() => String, { description: 'Rounding of the averages to whole rupiah: HALF_UP (half a rupiah goes up).' }) averageRounding!: string;
  @Field(() => [CostPerPlacementRow], { description: 'One row per non-empty group, in the order of the dimensions.' }) rows!: CostPerPlacementRow[];
  @Field(() => Int, { nullable: true, description: 'Placements in all rows; null when withheld.' }) placements!: number | null;
  @Field(() => Money, { nullable: true, description: 'Total cost of all placements (IDR); null when withheld (protected view: when it includes a small cell).' }) total!: Money | null;
  @Field(() => Money, { nullable: true, description: 'total ÷ placements, whole rupiah rounded HALF_UP; null when withheld.' }) average!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, before departure; null when withheld.' }) beforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Of the total, in Korea; null when withheld.' }) inKorea!: Money | null;
  @Field(() => [CostPerPlacementPayerPart], { description: 'The total split by payer.' }) byPayer!: CostPerPlacementPayerPart[];
  @Field(() => Disclosure, { description: 'How the figures were protected (`suppressedCells`: rows with a withheld figure).' }) disclosure!: Disclosure;
}

// ---------------------------------------------------------------- assembly

type Select = (c: PlacementCostCell) => boolean;

const idr = (v: bigint): Money => moneyFromMinor(v.toString(), 'IDR');

/** Sums of finest cells, each with whether every cell added is publishable in this view. */
class Table {
  constructor(
    private readonly cells: readonly PlacementCostCell[],
    private readonly view: AggregateView,
    private readonly seriesOk: (c: PlacementCostCell) => boolean,
  ) {}

  private ok(c: PlacementCostCell): boolean {
    return !viewCell(this.view, c.candidates, {}).suppressed && (this.view.rule === null || this.seriesOk(c));
  }

  private pick(select: Select, level: 'GROUP' | 'PAYER' | 'MONEY', payer?: PayerKind, timing?: string): PlacementCostCell[] {
    return this.cells.filter((c) => {
      if (!select(c)) return false;
      if (level === 'GROUP') return c.payer === null && c.timing === null;
      if (level === 'PAYER') return c.payer !== null && c.timing === null && c.payer === payer;
      return c.payer !== null && c.timing !== null && (payer === undefined || c.payer === payer) && (timing === undefined || c.timing === timing);
    });
  }

  /** Σ placements of the groups, or null when one group is a small cell. */
  placements(select: Select): number | null {
    const cells = this.pick(select, 'GROUP');
    return cells.every((c) => this.ok(c)) ? cells.reduce((n, c) => n + c.placements, 0) : null;
  }

  placementsWithCost(select: Select, payer: PayerKind): number | null {
    const cells = this.pick(select, 'PAYER', payer);
    return cells.every((c) => this.ok(c)) ? cells.reduce((n, c) => n + c.placements, 0) : null;
  }

  money(select: Select, payer?: PayerKind, timing?: string): bigint | null {
    const cells = this.pick(select, 'MONEY', payer, timing);
    return cells.every((c) => this.ok(c)) ? cells.reduce((n, c) => n + c.amount, 0n) : null;
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

/** The answer of `costPerPlacement` for `by` (deduplicated) from the finest cells. */
export function costPerPlacementOf(
  view: AggregateView,
  asOf: string,
  by: readonly CostPerPlacementDimension[],
  cells: readonly PlacementCostCell[],
  series: ReadonlyMap<string, readonly number[]> = new Map(),
): CostPerPlacement {
  const dims = [...new Set(by)];
  const groupDims = dims.filter((d): d is GroupDimension => d !== 'PAYER');
  const byPayer = dims.includes('PAYER');
  const rule = view.rule;
  const t = new Table(cells, view, (c) => {
    const values = series.get(placementCostCellKey(c));
    return rule === null || values === undefined || protectSeries(values, rule)[values.length - 1] === true;
  });
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
