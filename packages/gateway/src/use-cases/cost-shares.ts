/**
 * The placement's cost estimate, stored per line and payer when its seat is allocated (parameters as
 * of that day), so analysts' totals by payer are a SQL `GROUP BY`. Which shares are stored is the
 * domain's decision (`placementCostShares`); an opening the estimate cannot cost (no contract
 * length, no parameters for the day) stores none and is logged, never refused: the seat matters more.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, estimateCosts, parameterSnapshot, placementCostShares, type IsoDate, type JobOpening } from '../domain';
import { PlacementCostShareRecord } from '../persistence/candidate.schema';
import type { UseCaseDeps } from './use-case';

export function storeCostShares(em: EntityManager, deps: Pick<UseCaseDeps, 'log'>, placementId: string, opening: JobOpening, asOf: IsoDate): void {
  const contractMonths = opening.contractMonths;
  if (!contractMonths) return;
  let estimate;
  try {
    estimate = estimateCosts({ route: opening.route, occupation: opening.occupation, contractMonths }, parameterSnapshot(asOf));
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    deps.log.warn({ code: e.code, placementId }, 'no cost estimate stored for the placement');
    return;
  }
  for (const share of placementCostShares(estimate)) {
    em.persist(
      Object.assign(new PlacementCostShareRecord(), {
        placementId,
        lineId: share.lineId,
        timing: share.timing,
        payer: share.payer,
        amountIdr: String(share.amountIdr.amount),
      }),
    );
  }
}
