/** Placement costs by payer (GraphQL types) and their protected view for non-officers. */
import { Field, Int, ObjectType } from 'type-graphql';
import { type PayerKind, type ProtectedFigure, type Published } from '../../domain';
import { ALL_PAYERS, PAYER_FIGURES, type MonthEndCells } from '../../read-models/payer-financing-series.read-model';
import { derivedOutflow, derivedPasses } from '../../read-models/stock-flow.read-model';
import { PayerKindEnum } from '../enums';
import { Disclosure, disclosureOf, viewCell, viewTotal, type AggregateView } from '../types/disclosure.type';
import { Money, moneyFromMinor } from '../types/money.type';

@ObjectType({ description: 'Placement costs borne by one payer.' })
export class PayerCostRow {
  @Field(() => PayerKindEnum, { description: 'Payer.' }) payer!: PayerKind;
  @Field(() => Money, { nullable: true, description: 'Before departure (IDR); null when suppressed.' }) beforeDeparture!: Money | null;
  @Field(() => Money, { nullable: true, description: 'In Korea (IDR); null when suppressed.' }) inKorea!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Total (IDR); null when suppressed.' }) total!: Money | null;
  @Field(() => Int, { nullable: true, description: 'Placements with a cost for this payer; null when suppressed.' }) placements!: number | null;
  @Field(() => Boolean, { description: 'True when fewer than minCellCount candidates have a cost for this payer (protected view): the figures are null.' }) suppressed!: boolean;
}

@ObjectType({ description: 'Placement costs by payer, from the estimates stored at allocation.' })
export class PlacementCostTotals {
  @Field(() => [PayerCostRow], { description: 'One row per payer with costs.' }) rows!: PayerCostRow[];
  @Field(() => Money, { nullable: true, description: 'Total over all payers (IDR); null when any payer row is suppressed.' }) total!: Money | null;
  @Field(() => Int, { nullable: true, description: 'Placements counted (cancelled ones are left out); null when any payer row is suppressed or there are 1 to minCellCount − 1 candidates.' }) placements!: number | null;
  @Field(() => Disclosure, { description: 'How the figures were protected.' }) disclosure!: Disclosure;
}

/** Placement costs per payer as read from SQL, before disclosure control. */
export interface PayerCostFigures {
  readonly payer: PayerKind;
  readonly beforeDeparture: unknown;
  readonly inKorea: unknown;
  readonly total: unknown;
  readonly placements: number;
  /** Distinct candidates behind the placements (the contributors). */
  readonly candidates: number;
}

/**
 * The temporal check of the protected view: whether each figure at the reference date passes
 * `protectContributionSeries` against the earlier month ends (a payer row by payer; the total).
 */
export interface PayerTableSeriesCheck {
  readonly rows: ReadonlyMap<PayerKind, boolean>;
  readonly total: boolean;
}

/**
 * The payer table after disclosure control (used by `placementCosts` and `financingTotals.placementCosts`):
 * a payer row with 1 to k − 1 candidates is suppressed, and (protected view, `series`) one whose
 * contributors or figures moved by 1 to k − 1 people since an earlier month end; the total and the
 * placement count cover every row, and are withheld too when the total itself moved that way.
 */
export function protectedPlacementCosts(
  view: AggregateView,
  rows: readonly PayerCostFigures[],
  all: { readonly total: unknown; readonly placements: number; readonly candidates: number },
  series?: PayerTableSeriesCheck,
): PlacementCostTotals {
  const cells = rows.map((r) => {
    const values = {
      beforeDeparture: moneyFromMinor(String(r.beforeDeparture ?? 0), 'IDR'),
      inKorea: moneyFromMinor(String(r.inKorea ?? 0), 'IDR'),
      total: moneyFromMinor(String(r.total ?? 0), 'IDR'),
      placements: r.placements,
    };
    const figure = series && series.rows.get(r.payer) === false ? withheldFigure(values) : viewCell(view, r.candidates, values);
    return { payer: r.payer, figure };
  });
  const totalValues = { total: moneyFromMinor(String(all.total ?? 0), 'IDR'), placements: all.placements };
  const total = series && !series.total ? withheldFigure(totalValues) : viewTotal(view, all.candidates, totalValues, cells.map((c) => c.figure));
  const suppressedCells = cells.filter((c) => c.figure.suppressed).length;
  return {
    rows: cells.map((c) => ({ payer: c.payer, ...c.figure.values, suppressed: c.figure.suppressed })),
    total: total.values.total,
    placements: total.values.placements,
    disclosure: disclosureOf(view, suppressedCells),
  };
}

/** A figure withheld by the temporal rule: suppressed, every value null. */
export function withheldFigure<V extends object>(values: V): ProtectedFigure<V> {
  return { suppressed: true, values: Object.fromEntries(Object.keys(values).map((k) => [k, null])) as Published<V> };
}

/**
 * The protected payer table at the reference date from the month-end cells
 * (read-models/payer-financing-series.read-model.ts): the figures of the last month end, each
 * checked against the earlier ones (`seriesPublishable`), and each placement count, a stock of live
 * placements, against the seats `trends` publishes as allocated (`seats`, cumulative at each month
 * end): seats − live placements is the cancellations, which must pass `protectDerivedSeries` too.
 * `seats` is null when the table is not the whole program's (a partner's candidates: `trends`, which
 * only OFFICER and ANALYST read, counts the whole program, so there is nothing to subtract).
 */
export function protectedPayerTableOf(view: AggregateView, cells: MonthEndCells, seats: readonly number[] | null): PlacementCostTotals {
  const rule = view.rule!;
  const passes = (cell: string) =>
    cells.seriesPublishable(cell, rule) && (seats === null || derivedPasses(derivedOutflow(seats, cells.seriesOf(cell, PAYER_FIGURES - 1)), rule));
  const payers = cells.keys().filter((k) => k !== ALL_PAYERS && cells.people(k) > 0) as PayerKind[];
  const rows = payers.map((payer) => {
    const [beforeDeparture, inKorea, total, placements] = cells.sums(payer, PAYER_FIGURES) as [bigint, bigint, bigint, bigint];
    return { payer, beforeDeparture, inKorea, total, placements: Number(placements), candidates: cells.people(payer) };
  });
  const [, , total, placements] = cells.sums(ALL_PAYERS, PAYER_FIGURES) as [bigint, bigint, bigint, bigint];
  return protectedPlacementCosts(
    view,
    rows,
    { total, placements: Number(placements), candidates: cells.people(ALL_PAYERS) },
    { rows: new Map(payers.map((p) => [p, passes(p)])), total: passes(ALL_PAYERS) },
  );
}
