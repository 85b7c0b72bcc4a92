/**
 * The parts of a cost estimate that are stored with a placement when its seat is allocated, so that
 * totals by payer are a plain sum: one share per KNOWN line and payer with a non-zero amount in IDR.
 * A line whose amount is an input nobody gave yet (UNKNOWN) has no figure to store, and a zero share
 * would only add rows that sum to nothing.
 */
import type { Money } from '../money/money';
import type { PayerKind } from '../shared/vocabulary';
import type { CostTiming } from './cost-line';
import type { CostEstimate } from './estimate-costs';

export interface PlacementCostShare {
  readonly lineId: string;
  readonly timing: CostTiming;
  readonly payer: PayerKind;
  /** In IDR, above zero. */
  readonly amountIdr: Money;
}

/** The shares to store, in the estimate's line order and each line's payer order. */
export function placementCostShares(estimate: CostEstimate): PlacementCostShare[] {
  const out: PlacementCostShare[] = [];
  for (const line of estimate.lines) {
    if (line.status !== 'KNOWN') continue;
    for (const share of line.payers) {
      if (!share.amountIdr || share.amountIdr.amount === 0) continue;
      out.push({ lineId: line.id, timing: line.timing, payer: share.payer, amountIdr: share.amountIdr });
    }
  }
  return out;
}
