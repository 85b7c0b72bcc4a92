/**
 * Read-model statements compiled once per shape, executed with PostgreSQL parameters.
 *
 * A hot list (the job board) costs less when its SQL is not rebuilt on every request: building it
 * through MikroORM's QueryBuilder (criteria nodes, knex compiler) was about a fifth of the job board's
 * CPU (npm run bench, --cpu-prof). Here a statement is built with knex the first time a shape is
 * seen, with a `Slot` in place of every value; `toSQL()` then gives the SQL text (`?` placeholders)
 * and the order in which the slots appear. That text is cached under the shape's key; each request
 * only lines its values up in that order and sends them as pg parameters ($1, $2, …). No value is
 * ever written into the SQL text, and nothing here concatenates input into SQL.
 *
 * Execution goes through the ORM's knex client (so the request deadline of security/query-timeout.ts
 * and the pool apply), tells the ORM's `onQuery` hook (tests count statements with it), logs like the
 * ORM, and converts driver errors with the ORM's exception converter (a 57014 stays a TIMEOUT, an
 * outage a 503). Rows are mapped to record shapes with the ORM's own result mapper
 * (`driver.mapResult`, as `QueryBuilder.execute('all', true)` does): no entity, no unit of work.
 */
import type { EntityMetadata, EntityName } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A value's place in a compiled statement. */
export class Slot<K extends string = string> {
  constructor(readonly name: K) {}
}

/** A slot where knex expects a value (knex keeps it as the binding; compileSelect reads it back). */
export function slot(name: string): Knex.Value {
  return new Slot(name) as unknown as Knex.Value;
}

/**
 * knex's `limit()` takes only an integer: a compiled statement's limit is this number, recognised in
 * the bindings and replaced by the slot `limit`. No real binding can equal it: every other value is a `Slot`.
 */
export const LIMIT_PLACEHOLDER = 2_147_480_001;

export interface CompiledSelect<K extends string> {
  /** SQL with `?` placeholders (knex raw syntax). */
  readonly sql: string;
  /** The slot behind each placeholder, in order. */
  readonly slots: readonly K[];
}

/** Compile a knex builder whose values are all `Slot`s (and whose limit is LIMIT_PLACEHOLDER). */
export function compileSelect<K extends string>(builder: Knex.QueryBuilder, limitSlot?: K): CompiledSelect<K> {
  const { sql, bindings } = builder.toSQL();
  const slots = bindings.map((b): K => {
    if (b instanceof Slot) return b.name as K;
    if (b === LIMIT_PLACEHOLDER && limitSlot !== undefined) return limitSlot;
    throw new Error(`compiled select: a binding is not a slot (${typeof b})`);
  });
  return { sql, slots };
}

/** Compiled statements by shape key; `compile` runs once per key. */
export class CompiledSelectCache<Shape, K extends string> {
  private readonly byKey = new Map<string, CompiledSelect<K>>();

  constructor(
    private readonly keyOf: (shape: Shape) => string,
    private readonly compile: (knex: Knex, shape: Shape) => CompiledSelect<K>,
  ) {}

  get(knex: Knex, shape: Shape): CompiledSelect<K> {
    const key = this.keyOf(shape);
    let compiled = this.byKey.get(key);
    if (!compiled) {
      compiled = this.compile(knex, shape);
      this.byKey.set(key, compiled);
    }
    return compiled;
  }

  /** How many shapes have been compiled (tests). */
  get size(): number {
    return this.byKey.size;
  }
}

interface LoggingConnection {
  logQuery(query: string, context?: Record<string, unknown>): void;
}

/** Run a compiled statement with `values` as pg parameters; returns the raw rows (column names). */
export async function runCompiled<K extends string>(
  em: EntityManager,
  compiled: CompiledSelect<K>,
  values: Readonly<Record<K, unknown>>,
): Promise<Array<Record<string, unknown>>> {
  return runStatement(em, compiled.sql, compiled.slots.map((s) => values[s]));
}

/**
 * Run one statement (`?` placeholders, knex raw syntax) with `bindings` as pg parameters, exactly as
 * `runCompiled` does (deadline, `onQuery`, logging, exception conversion); returns the raw rows. The
 * text must come from constant fragments (a compiled statement, read-models/sql-filter.ts clauses):
 * every value travels as a binding.
 */
export async function runStatement(em: EntityManager, text: string, bindings: readonly unknown[]): Promise<Array<Record<string, unknown>>> {
  const values = [...bindings] as Knex.RawBinding[];
  const onQuery = em.config.get('onQuery');
  const sql = onQuery(text, values);
  const started = Date.now();
  const connection = em.getConnection() as unknown as LoggingConnection;
  try {
    const result = (await em.getKnex().raw(sql, values)) as { rows: Array<Record<string, unknown>> };
    connection.logQuery(sql, { took: Date.now() - started, results: result.rows.length });
    return result.rows;
  } catch (e) {
    connection.logQuery(sql, { took: Date.now() - started, level: 'error' });
    throw em.getDriver().convertException(e as Error);
  }
}

/** The metadata of a record type (its table, its columns). */
export function metadataOf<R extends object>(em: EntityManager, entity: EntityName<R>): EntityMetadata<R> {
  return em.getMetadata(entity);
}

/** The table's columns behind the record's stored properties (what `select *` returns). */
export function storedColumns<R extends object>(meta: EntityMetadata<R>): string[] {
  return meta.props
    .filter((p) => p.persist !== false && !p.formula && (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)))
    .flatMap((p) => p.fieldNames ?? []);
}

/** A row (column names, driver values) as the record, exactly as `QueryBuilder.execute('all', true)` maps it. */
export function mapRecord<R extends object>(em: EntityManager, meta: EntityMetadata<R>, row: Record<string, unknown>): R {
  return em.getDriver().mapResult(row as never, meta) as unknown as R;
}

// ---------------------------------------------------------------- relations fetched in the same statement

/** A joined table, and the column its row comes back in (`m__row`: the row as JSON, on the first row of each). */
export interface Joined {
  readonly table: string;
  readonly rowAlias: string;
}

export function joined(table: string, prefix: string): Joined {
  return { table, rowAlias: `${prefix}row` };
}

/**
 * The joined row as one JSON value (`row_to_json`: every column, as `select *` has them), NULL when
 * the join found none: one field to parse instead of one per column, and none on the rows that do
 * not carry it.
 */
export function joinedRow(knex: Knex, alias: string, j: Joined): Knex.Raw {
  return knex.raw('case when ?? is null then null else row_to_json(??) end as ??', [`${alias}.id`, alias, j.rowAlias]);
}

/**
 * The joined records of a result, by the row's foreign key `fk`: mapped once per id, from the row
 * that carried the columns (the first row of each MoU / employer; the loaders too return one record
 * per id). Undefined when no row carried it (the join found nothing).
 */
export function joinedRecords<R extends object>(em: EntityManager, meta: EntityMetadata<R> | undefined, j: Joined, fk: string): (row: Record<string, unknown>) => R | undefined {
  if (!meta) return () => undefined;
  const byId = new Map<unknown, R>();
  return (row) => {
    const known = byId.get(row[fk]);
    if (known) return known;
    const carried = row[j.rowAlias];
    if (carried === null || carried === undefined) return undefined;
    const columns = (typeof carried === 'string' ? JSON.parse(carried) : carried) as Record<string, unknown>;
    const record = mapRecord(em, meta, columns);
    byId.set(row[fk], record);
    return record;
  };
}
