/**
 * The employment contract a financing plan's tenors must fit (a KUR Penempatan PMI loan is repaid
 * within the contract). The placement's contract is the one the worker signs, so it wins: a plan
 * that states another length is refused rather than silently overridden. Before a seat is
 * allocated there is no placement; then the length the officer states, else the opening's.
 *
 * Example: placement 36, requested none, opening 24 → 36; placement 36, requested 24 → refused
 * (`FINANCING.CONTRACT_MONTHS_MISMATCH`); no placement, requested none, opening 24 → 24.
 */
import { err, errorData, ok, type Result } from '../shared/domain-error';

export interface PlanContractSources {
  /** The candidate's placement (not cancelled), when it has one. */
  readonly placement: number | null;
  /** What the plan states, if anything. */
  readonly requested: number | null;
  /** The candidate's opening, when it has one and no placement. */
  readonly opening: number | null;
}

/** The contract months of the plan; null when no source states them. */
export function planContractMonths(sources: PlanContractSources): Result<number | null> {
  const { placement, requested, opening } = sources;
  if (placement !== null) {
    if (requested !== null && requested !== placement) {
      return err(
        errorData(
          'FINANCING.CONTRACT_MONTHS_MISMATCH',
          'Lama kontrak berbeda dengan penempatan kandidat; kosongkan contractMonths.',
          'The contract length differs from the candidate’s placement; leave contractMonths out.',
          { path: ['contractMonths'], details: { placementContractMonths: placement } },
        ),
      );
    }
    return ok(placement);
  }
  return ok(requested ?? opening);
}
