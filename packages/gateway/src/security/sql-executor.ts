/**
 * One tiny interface over the two ways the gateway talks to PostgreSQL, so the security tables can
 * be written inside a resolver's MikroORM transaction (`emExecutor(em)`) or from a plain `pg` client
 * (CLI, tests): `all(sql, params)` with `?` placeholders, rows back.
 *
 * Parameters are strings, numbers, booleans or null only: dates travel as ISO strings with a
 * `::timestamptz` cast and JSON as a string with a `::jsonb` cast, so both paths send the same SQL.
 */
export type SqlParam = string | number | boolean | null;

export interface SqlExecutor {
  all<T extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/** The subset of MikroORM's SqlEntityManager used here. */
export interface EntityManagerLike {
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown>;
}

/**
 * Run on a MikroORM (postgresql driver) EntityManager. Inside `em.transactional(async (tem) => …)`
 * pass `tem`: `execute` then joins that transaction (MikroORM uses the fork's transaction context).
 */
export function emExecutor(em: EntityManagerLike): SqlExecutor {
  return {
    async all<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const rows = await em.execute(sql, [...params], 'all');
      return (Array.isArray(rows) ? rows : []) as T[];
    },
  };
}

/** The subset of `pg`'s Client / Pool / PoolClient used here. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** `?` → `$1, $2, …` (the SQL in this folder never has a `?` inside a literal or operator). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function pgExecutor(client: PgQueryable): SqlExecutor {
  return {
    async all<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await client.query(toPgPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
  };
}

/** Timestamps come back as Date (pg) or string (some drivers/configurations): always a Date. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** jsonb objects/arrays come back parsed (pg) or as text: always parsed. */
export function toJson(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}
