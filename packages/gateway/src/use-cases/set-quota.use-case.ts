/**
 * setQuota: create the quota for an MoU × occupation × route, or change its seats (the domain
 * refuses fewer seats than are allocated). Locks the MoU, then the quota.
 */
import { Quota, type Occupation, type Route } from '../domain';
import { applyQuotaSnapshot, quotaSnapshotOf } from '../persistence/opening.mapper';
import type { QuotaRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { lockMou, lockQuotaRows } from './load-for-change';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface SetQuotaCommand {
  readonly mouId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  /** A new note (null clears it); absent: an existing quota keeps its note. */
  readonly note?: string | null;
}

export function setQuota(command: SetQuotaCommand, deps: UseCaseDeps): Promise<QuotaRecord> {
  const { mouId, occupation, route, seats } = command;
  return inTransaction(deps, async (em) => {
    const { mou } = await lockMou(em, mouId, ['input', 'mouId']);
    const rows = await lockQuotaRows(em, { mouId, occupation, route });
    const before = rows ? quotaSnapshotOf(rows) : null;
    let quota: Quota;
    if (rows) {
      quota = Quota.fromSnapshot(quotaSnapshotOf(rows));
      unwrap(quota.changeSeats(seats));
      // the note is free text with no rule of its own: the snapshot's validation checks its length
      if (command.note !== undefined) quota = Quota.fromSnapshot({ ...quota.toSnapshot(), note: command.note });
    } else {
      quota = unwrap(Quota.create({ id: newId(), mou, occupation, route, seats, note: command.note ?? null, asOf: dateOf(nowTimestamp(deps)) }));
    }
    const written = applyQuotaSnapshot(em, rows, quota.toSnapshot(), deps.clock.now());
    await recordChange(em, deps, { action: 'setQuota', entityType: 'Quota', entityId: quota.id, before, after: quota.toSnapshot() });
    await em.flush();
    return written.quota;
  });
}
