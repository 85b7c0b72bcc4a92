/**
 * Loading aggregates for a change, inside the use case's transaction. The `lock…` helpers take a row
 * lock (`SELECT … FOR UPDATE`) held until the transaction ends. Lock order everywhere:
 * opening → MoU → quota → candidate, so two changes that need the same rows queue instead of
 * deadlocking (seat-context.ts).
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JobOpening, Mou, Party, type Occupation, type Route } from '../domain';
import { loadMouRows, mouSnapshotOf, type MouRows } from '../persistence/mou.mapper';
import { loadOpeningRows, openingSnapshotOf, type QuotaRows } from '../persistence/opening.mapper';
import { QuotaRecord, SeatAllocationRecord } from '../persistence/opening.schema';
import { partySnapshotOf } from '../persistence/party.mapper';
import { PartyRecord } from '../persistence/party.schema';
import { notFound, type FieldPath } from './use-case-error';

/** The MoU for a change, its row locked; NOT_FOUND at `field` when there is none. */
export async function lockMou(em: EntityManager, id: string, field: FieldPath): Promise<{ rows: MouRows; mou: Mou }> {
  const rows = await loadMouRows(em, id, true);
  if (!rows) throw notFound('MoU', field);
  return { rows, mou: Mou.fromSnapshot(mouSnapshotOf(rows)) };
}

/** A party (not locked: a change reads it, never writes it); NOT_FOUND at `field` when there is none. */
export async function loadParty(em: EntityManager, id: string, field: FieldPath): Promise<Party> {
  const record = await em.findOne(PartyRecord, { id });
  if (!record) throw notFound('Party', field);
  return Party.fromSnapshot(partySnapshotOf(record));
}

/** The quota of an MoU × occupation × route with its allocations, its row locked. */
export async function lockQuotaRows(em: EntityManager, key: { mouId: string; occupation: Occupation; route: Route }): Promise<QuotaRows | undefined> {
  const quota = await em.findOne(QuotaRecord, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!quota) return undefined;
  const allocations = await em.find(SeatAllocationRecord, { quotaId: quota.id });
  return { quota, allocations };
}

/** An opening as the domain sees it (not locked), when `id` is given and exists. */
export async function loadOpening(em: EntityManager, id: string | null): Promise<JobOpening | undefined> {
  if (!id) return undefined;
  const rows = await loadOpeningRows(em, id);
  return rows ? JobOpening.fromSnapshot(openingSnapshotOf(rows)) : undefined;
}
