/** Bring a set of child rows in line with a snapshot's list: update by key, insert new, delete gone. */
import type { EntityManager } from '@mikro-orm/postgresql';

export function syncChildren<R extends object, S>(
  em: EntityManager,
  existing: readonly R[],
  desired: readonly S[],
  rowKey: (r: R) => string,
  itemKey: (s: S) => string,
  write: (row: R | undefined, item: S) => R,
): R[] {
  const byKey = new Map(existing.map((r) => [rowKey(r), r]));
  const kept = new Set<string>();
  const out: R[] = [];
  for (const item of desired) {
    const key = itemKey(item);
    kept.add(key);
    const row = byKey.get(key);
    const written = write(row, item);
    if (!row) em.persist(written);
    out.push(written);
  }
  for (const [key, row] of byKey) if (!kept.has(key)) em.remove(row);
  return out;
}
