/**
 * Per-request DataLoaders: every relation a list resolves goes through one of these, so a page of any
 * size costs the same number of SQL statements (one `where id in (...)` per relation and level).
 * They read plain rows (read-models/rows.ts): no entity, no unit of work, no identity map.
 */
import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { selectRows, type OrderBy } from '../read-models/rows';
import type { GatewayContext } from './context';

function memo<K, V>(ctx: GatewayContext, name: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = make();
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** Load records by a unique key (usually the id): one query per batch. */
export function byKeyLoader<R extends object, K extends string>(
  ctx: GatewayContext,
  entity: EntityName<R>,
  key: keyof R & string,
  name = `${String((entity as { name?: string }).name ?? entity)}.${key}`,
): DataLoader<K, R | undefined> {
  return memo(ctx, `one:${name}`, () =>
    new DataLoader<K, R | undefined>(async (keys) => {
      const rows = await selectRows(ctx.em, entity, { [key]: { $in: [...new Set(keys)] } } as FilterQuery<R>);
      const byKey = new Map(rows.map((r) => [String(r[key]), r]));
      return keys.map((k) => byKey.get(k));
    }),
  );
}

/** Load the records that point at each key (a one-to-many): one query per batch, in `order`. */
export function groupLoader<R extends object, K extends string>(
  ctx: GatewayContext,
  entity: EntityName<R>,
  foreignKey: keyof R & string,
  orderBy: OrderBy<R>,
  name = `${String((entity as { name?: string }).name ?? entity)}.${foreignKey}`,
): DataLoader<K, R[]> {
  return memo(ctx, `many:${name}:${orderBy.map(([k, d]) => `${k} ${d}`).join(',')}`, () =>
    new DataLoader<K, R[]>(async (keys) => {
      const rows = await selectRows(ctx.em, entity, { [foreignKey]: { $in: [...new Set(keys)] } } as FilterQuery<R>, { orderBy });
      const groups = new Map<string, R[]>();
      for (const r of rows) {
        const k = String(r[foreignKey]);
        const list = groups.get(k);
        if (list) list.push(r);
        else groups.set(k, [r]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    }),
  );
}
