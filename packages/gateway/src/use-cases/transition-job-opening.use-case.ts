/**
 * transitionJobOpening: publish, close, reopen or mark filled. Locks the opening, then its MoU, then
 * its quota (the seat-change order); the domain's guards read all three and the day's parameters.
 */
import { JobOpening, parameterSnapshot, Quota, type OpeningStatus } from '../domain';
import { applyOpeningSnapshot, loadOpeningRows, openingSnapshotOf, quotaSnapshotOf } from '../persistence/opening.mapper';
import type { JobOpeningRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { lockMou, lockQuotaRows } from './load-for-change';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

export interface TransitionJobOpeningCommand {
  readonly id: string;
  readonly to: OpeningStatus;
  readonly note: string | null;
}

export function transitionJobOpening(command: TransitionJobOpeningCommand, deps: UseCaseDeps): Promise<JobOpeningRecord> {
  return inTransaction(deps, async (em) => {
    const rows = await loadOpeningRows(em, command.id, true);
    if (!rows) throw notFound('Job opening', ['id']);
    const opening = JobOpening.fromSnapshot(openingSnapshotOf(rows));
    const before = opening.toSnapshot();
    const { mou } = await lockMou(em, opening.mouId, ['id']);
    const quotaRows = await lockQuotaRows(em, { mouId: opening.mouId, occupation: opening.occupation, route: opening.route });
    const at = nowTimestamp(deps);
    unwrap(
      opening.transitionTo(command.to, {
        at,
        actor: deps.actor,
        note: command.note,
        mou,
        ...(quotaRows ? { quota: Quota.fromSnapshot(quotaSnapshotOf(quotaRows)) } : {}),
        params: parameterSnapshot(dateOf(at)),
      }),
      [],
    );
    const written = applyOpeningSnapshot(em, rows, opening.toSnapshot(), deps.clock.now());
    await recordChange(em, deps, { action: 'transitionJobOpening', entityType: 'JobOpening', entityId: command.id, before, after: opening.toSnapshot() });
    await em.flush();
    return written.opening;
  });
}
