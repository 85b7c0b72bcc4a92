/**
 * Bulk writes without the unit of work's per-entity flush: the records persisted on a `collector` fork
 * are inserted through `em` as one multi-row INSERT per table, in `order` (parents before the rows
 * that point at them). Used by the batched candidate import (use-cases/register-candidates.use-case.ts)
 * and the demo loader (seed/demo/load-demo.ts). A record of a table not in `order` is a programming
 * error: it throws before anything of the remaining tables is written (the caller's transaction rolls
 * the rest back).
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function insertCollected(
  em: EntityManager,
  collector: EntityManager,
  order: readonly (abstract new (...args: never[]) => object)[],
  unexpected: () => Error,
): Promise<void> {
  const byClass = new Map<unknown, object[]>();
  for (const entity of collector.getUnitOfWork().getPersistStack()) {
    const list = byClass.get(entity.constructor) ?? [];
    list.push(entity);
    byClass.set(entity.constructor, list);
  }
  for (const cls of byClass.keys()) {
    if (!order.includes(cls as (typeof order)[number])) throw unexpected();
  }
  for (const cls of order) {
    const rows = byClass.get(cls);
    if (rows?.length) await em.insertMany(rows);
  }
  collector.clear();
}
