/** Placement costs by payer (GraphQL types) and their protected view for non-officers. */
import { Field, Int, ObjectType } from 'type-graphql';
import { type PayerKind } from '../../domain';
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
 * The payer table after disclosure control (used by `placementCosts` and `financingTotals.placementCosts`):
 * a payer row with 1 to k − 1 candidates is suppressed; the total and the placement count cover every row.
 */
export function protectedPlacementCosts(
  view: AggregateView,
  rows: readonly PayerCostFigures[],
  all: { readonly total: unknown; readonly placements: number; readonly candidates: number },
): PlacementCostTotals {
  const cells = rows.map((r) => ({
    payer: r.payer,
    figure: viewCell(view, r.candidates, {
      beforeDeparture: moneyFromMinor(String(r.beforeDeparture ?? 0), 'IDR'),
      inKorea: moneyFromMinor(String(r.inKorea ?? 0), 'IDR'),
      total: moneyFromMinor(String(r.total ?? 0), 'IDR'),
      placements: r.placements,
    }),
  }));
  const total = viewTotal(view, all.candidates, { total: moneyFromMinor(String(all.total ?? 0), 'IDR'), placements: all.placements }, cells.map((c) => c.figure));
  const suppressedCells = cells.filter((c) => c.figure.suppressed).length;
  return {
    rows: cells.map((c) => ({ payer: c.payer, ...c.figure.values, suppressed: c.figure.suppressed })),
    total: total.values.total,
    placements: total.values.placements,
    disclosure: disclosureOf(view, suppressedCells),
  };
}
