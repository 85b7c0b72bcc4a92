/**
 * The rows every seat change locks, in the one order every change uses: the opening, then its quota
 * (then the MoU, read without a lock, then the candidate). Concurrent changes for one quota therefore
 * run one after another; the CHECK constraints `allocated <= seats` on quota and job_opening back
 * this up in the database.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { JobOpening, Quota, QuotaErrors } from '../domain';
import { applyQuotaSnapshot, loadOpeningRows, openingSnapshotOf, quotaSnapshotOf, type OpeningRows, type QuotaRows } from '../persistence/opening.mapper';
import { lockQuotaRows } from './load-for-change';
import { domainFailure, notFound, type FieldPath } from './use-case-error';

export interface SeatContext {
  readonly openingRows: OpeningRows;
  readonly opening: JobOpening;
  readonly quotaRows: QuotaRows;
  readonly quota: Quota;
}

/** Lock the opening, then its quota. NOT_FOUND at `field` without the opening; QUOTA.* without the quota. */
export async function lockSeatContext(em: EntityManager, openingId: string, field: FieldPath): Promise<SeatContext> {
  const openingRows = await loadOpeningRows(em, openingId, true);
  if (!openingRows) throw notFound('Job opening', field);
  const opening = JobOpening.fromSnapshot(openingSnapshotOf(openingRows));
  const quotaRows = await lockQuotaRows(em, { mouId: opening.mouId, occupation: opening.occupation, route: opening.route });
  if (!quotaRows) throw domainFailure({ ...QuotaErrors.openingMismatch(), path: [] }, field);
  return { openingRows, opening, quotaRows, quota: Quota.fromSnapshot(quotaSnapshotOf(quotaRows)) };
}

/** Write back the quota and keep its opening's `allocated` counter in step with the allocation rows. */
export function writeSeats(em: EntityManager, seat: SeatContext, now: Date): void {
  applyQuotaSnapshot(em, seat.quotaRows, seat.quota.toSnapshot(), now);
  seat.openingRows.opening.allocated = seat.quota.allocatedFor(seat.openingRows.opening.id);
  seat.openingRows.opening.updatedAt = now;
}
