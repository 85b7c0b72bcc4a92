/**
 * The read side's one way to SQL: MikroORM's QueryBuilder (criteria → parameterised SQL through knex),
 * executed with `execute('all')`, which maps columns to property names and converts types exactly as
 * hydration would, but creates no entities: no unit of work, no identity map, no change-set snapshot.
 * Lists and lookups read plain objects shaped like the persistence records (`JobOpeningRecord`, ...);
 * writes keep loading managed entities through the EntityManager (use-cases/).
 *
 * `where` is a MikroORM filter (`{ status: { $in: [...] } }`), never a string: nothing here builds SQL
 * by concatenation.
 */
import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GatewayError } from '../graphql/errors';

export type OrderBy<R> = ReadonlyArray<readonly [keyof R & string, 'asc' | 'desc']>;

export interface SelectOptions<R> {
  readonly orderBy?: OrderBy<R>;
  readonly limit?: number;
}

function orderMap<R>(orderBy: OrderBy<R>): QueryOrderMap<R>[] {
  return orderBy.map(([key, dir]) => ({ [key]: dir }) as QueryOrderMap<R>);
}

/** Plain rows of `entity` matching `where` (property names, converted values; not managed). */
export async function selectRows<R extends object>(
  em: EntityManager,
  entity: EntityName<R>,
  where: FilterQuery<R>,
  options: SelectOptions<R> = {},
): Promise<R[]> {
  return (await rowsQuery(em, entity, where, options).execute('all', true)) as R[];
}

/** The SELECT behind `selectRows`, for a caller that combines several (e.g. `UNION ALL`). */
export function rowsQuery<R extends object>(em: EntityManager, entity: EntityName<R>, where: FilterQuery<R>, options: SelectOptions<R> = {}) {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (options.orderBy?.length) qb.orderBy(orderMap(options.orderBy));
  if (options.limit !== undefined) qb.limit(options.limit);
  return qb;
}

/** How many rows match `where` (one `count(*)`). */
export async function countRows<R extends object>(em: EntityManager, entity: EntityName<R>, where: FilterQuery<R>): Promise<number> {
  const row = (await em.createQueryBuilder(entity).count().where(where).execute('get', false)) as { count?: unknown } | undefined;
  return Number(row?.count ?? 0);
}

export interface KeysetPageRequest<R> {
  readonly first: number;
  /** A cursor from `pageInfo.endCursor` (already checked by `checkedCursor`). */
  readonly after?: string | undefined;
  /** The sort, ascending, ending with a unique key (usually `id`): the keyset. */
  readonly keys: ReadonlyArray<keyof R & string>;
}

export interface KeysetPage<R> {
  readonly rows: R[];
  readonly hasNextPage: boolean;
  /** Whether the page was asked for after a cursor (MikroORM's meaning of hasPrevPage, kept). */
  readonly hasPreviousPage: boolean;
  readonly cursorOf: (row: R) => string;
  /** Counted only when a caller asks for it (`totalCount`), once. */
  readonly totalCount: () => Promise<number>;
}

/**
 * `(k1, k2, ...) > (v1, v2, ...)` as a MikroORM filter: `k1 > v1 or (k1 = v1 and (k2 > v2 or ...))`.
 * Cursors are MikroORM's own format (`Cursor.encode` of the key values), so a cursor from an earlier
 * release keeps working.
 */
function afterFilter<R>(keys: ReadonlyArray<keyof R & string>, values: readonly unknown[]): FilterQuery<R> {
  const [key, ...rest] = keys;
  const [value, ...restValues] = values;
  if (key === undefined) return {} as FilterQuery<R>;
  const greater = { [key]: { $gt: value } };
  if (rest.length === 0) return greater as FilterQuery<R>;
  return { $or: [greater, { [key]: value, ...(afterFilter<R>(rest, restValues) as object) }] } as FilterQuery<R>;
}

/** One page of a forward keyset pagination: `first + 1` rows in one statement tell whether more follow. */
export async function keysetPage<R extends object>(
  em: EntityManager,
  entity: EntityName<R>,
  where: FilterQuery<R>,
  request: KeysetPageRequest<R>,
): Promise<KeysetPage<R>> {
  const after = decodeKeysetAfter(request.after, request.keys.length);
  const pageWhere = after?.length ? ({ $and: [where, afterFilter<R>(request.keys, after)] } as FilterQuery<R>) : where;
  const rows = await selectRows(em, entity, pageWhere, {
    orderBy: request.keys.map((k) => [k, 'asc'] as const),
    limit: request.first + 1,
  });
  const hasNextPage = rows.length > request.first;
  if (hasNextPage) rows.length = request.first;
  let counted: Promise<number> | undefined;
  return {
    rows,
    hasNextPage,
    hasPreviousPage: after !== undefined,
    cursorOf: (row) => Cursor.encode(request.keys.map((k) => row[k])),
    totalCount: () => (counted ??= countRows(em, entity, where)),
  };
}

/** The common list shape: oldest first (`createdAt`, then `id`), `first` / `after` from the page arguments. */
export function createdOrderPage<R extends { createdAt: Date; id: string }>(
  em: EntityManager,
  entity: EntityName<R>,
  where: FilterQuery<R>,
  args: { readonly first: number; readonly after?: string | undefined },
): Promise<KeysetPage<R>> {
  return keysetPage(em, entity, where, { first: args.first, after: args.after, keys: ['createdAt', 'id'] as Array<keyof R & string> });
}

/**
 * The key values of a page cursor (`Cursor.encode` of `keys` values, by default `[createdAt, id]`;
 * undefined: the first page). A cursor of another list (its sort has other keys) is refused rather
 * than silently restarting at page 1.
 */
export function decodeKeysetAfter(after: string | undefined, keys = 2): readonly unknown[] | undefined {
  if (!after) return undefined;
  const values = Cursor.decode(after);
  if (values.length !== keys) {
    throw new GatewayError('BAD_USER_INPUT', { id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' }, { field: ['after'] });
  }
  return values;
}
