/** Writing an MoU: its rows from the snapshot, the audit row, one flush. Shared by the MoU use cases. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Mou } from '../domain';
import { applyMouSnapshot, type MouRows } from '../persistence/mou.mapper';
import type { MouRecord } from '../persistence/mou.schema';
import { recordChange } from './audit';
import type { UseCaseDeps } from './use-case';

export async function saveMou(
  em: EntityManager,
  deps: UseCaseDeps,
  rows: MouRows | undefined,
  mou: Mou,
  change: { readonly action: string; readonly before: unknown },
): Promise<MouRecord> {
  const after = mou.toSnapshot();
  const written = applyMouSnapshot(em, rows, after, deps.clock.now());
  await recordChange(em, deps, { action: change.action, entityType: 'Mou', entityId: mou.id, before: change.before, after });
  await em.flush();
  return written.mou;
}
