/**
 * The audit log (table `audit_log`): who did what to which record, when, with a redacted
 * before/after and the request id. `writeAudit` runs on the executor of the mutation's own
 * transaction, so the row commits or rolls back with the change it describes:
 *
 * ```ts
 * await ctx.em.transactional(async (tem) => {
 *   const before = toAuditView(mou);
 *   mou.transition(...);
 *   await writeAudit(tem, { principal: ctx.principal, action: 'transitionMou', entityType: 'Mou',
 *     entityId: mou.id, before, after: toAuditView(mou), requestId: ctx.requestId });
 * });
 * ```
 *
 * The table is append-only in the database itself (triggers refuse UPDATE, DELETE and TRUNCATE), and
 * the API offers reads only (`readAuditLog`, for OFFICER and ADMIN).
 */
import type { Principal, PrincipalKind } from './role';
import { redactChange } from './redaction';
import { emExecutor, pgExecutor, toDate, toJson, type EntityManagerLike, type PgQueryable, type SqlExecutor, type SqlParam } from './sql-executor';

export type AuditActorKind = PrincipalKind | 'system';

/** Who acted: a request's principal, or `system` for CLI commands and jobs (`subject` e.g. `cli:root`). */
export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly subject: string;
  readonly roles?: readonly string[];
  readonly keyId?: string;
}

export interface AuditEntry {
  readonly principal: Principal | AuditActor;
  /** The mutation or command, e.g. `transitionMou`, `createApiKey`. */
  readonly action: string;
  /** e.g. `Mou`, `Candidate`, `ApiKey`. */
  readonly entityType: string;
  readonly entityId?: string | null;
  /** Plain snapshots; redacted here (redaction.ts) before they are stored. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
  /**
   * When it happened, from the gateway's clock (clock.ts; resolvers pass `ctx.clock.now()`); default the
   * database's `clock_timestamp()` (e.g. the CLI).
   */
  readonly at?: Date;
}

export interface AuditRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly principalKind: AuditActorKind;
  readonly roles: readonly string[];
  readonly keyId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
}

export type AuditDb = SqlExecutor | EntityManagerLike | PgQueryable;

export function toExecutor(db: AuditDb): SqlExecutor {
  if ('all' in db && typeof db.all === 'function') return db;
  if ('execute' in db && typeof db.execute === 'function') return emExecutor(db);
  if ('query' in db && typeof db.query === 'function') return pgExecutor(db);
  throw new TypeError('toExecutor: not a SqlExecutor, EntityManager or pg client');
}

const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

function checkName(field: string, value: string, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    throw new TypeError(`writeAudit: ${field} must be a non-empty string of at most ${max} characters`);
  }
  return value.trim();
}

const AUDIT_INSERT = `insert into "audit_log" ("at", "actor", "principal_kind", "roles", "key_id", "action", "entity_type", "entity_id", "before", "after", "request_id") values `;
const AUDIT_ROW = `(coalesce(?::timestamptz, clock_timestamp()), ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`;

/** The parameters of one row (AUDIT_ROW), checked and redacted. */
function auditParams(entry: AuditEntry): SqlParam[] {
  const action = checkName('action', entry.action, 100);
  const entityType = checkName('entityType', entry.entityType, 100);
  const p = entry.principal;
  const kind: AuditActorKind = p.kind;
  const { before, after } = redactChange(entry.before, entry.after);
  return [
    entry.at ? entry.at.toISOString() : null,
    clip(p.subject, 300),
    kind,
    JSON.stringify([...(p.roles ?? [])].filter((r) => r !== 'PUBLIC')),
    p.keyId ?? null,
    action,
    entityType,
    entry.entityId === undefined || entry.entityId === null ? null : clip(String(entry.entityId), 100),
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
    entry.requestId ? clip(entry.requestId, 128) : null,
  ];
}

/** Append one row in the caller's transaction; returns its id and time. */
export async function writeAudit(db: AuditDb, entry: AuditEntry): Promise<{ id: string; at: Date }> {
  const rows = await toExecutor(db).all<{ id: string | number; at: unknown }>(`${AUDIT_INSERT}${AUDIT_ROW} returning "id", "at"`, auditParams(entry));
  const row = rows[0];
  if (!row) throw new Error('audit_log insert returned no row');
  return { id: String(row.id), at: toDate(row.at) as Date };
}

/** Rows per multi-row INSERT of `writeAuditMany` (11 parameters a row, well under PostgreSQL's 65,535). */
export const AUDIT_ROWS_PER_INSERT = 500;

/**
 * Append many rows in the caller's transaction, as `writeAudit` writes each (same checks, redaction
 * and columns; ids in the order given), in multi-row INSERTs of AUDIT_ROWS_PER_INSERT: one round trip
 * per chunk instead of one per row (the candidate import, import/write.ts). Every value is a parameter.
 */
export async function writeAuditMany(db: AuditDb, entries: readonly AuditEntry[]): Promise<number> {
  const params = entries.map(auditParams); // every entry checked before anything is sent
  const executor = toExecutor(db);
  let written = 0;
  for (let i = 0; i < params.length; i += AUDIT_ROWS_PER_INSERT) {
    const chunk = params.slice(i, i + AUDIT_ROWS_PER_INSERT);
    const rows = await executor.all<{ id: string | number }>(`${AUDIT_INSERT}${chunk.map(() => AUDIT_ROW).join(', ')} returning "id"`, chunk.flat());
    if (rows.length !== chunk.length) throw new Error(`audit_log insert returned ${rows.length} rows for ${chunk.length}`);
    written += rows.length;
  }
  return written;
}

export interface AuditQuery {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly since?: Date;
  readonly until?: Date;
  /** Keyset pagination: rows with a smaller id than this (newest first). */
  readonly beforeId?: string;
  /** 1–100, default 50. */
  readonly limit?: number;
}

interface AuditRow {
  id: string | number;
  at: unknown;
  actor: string;
  principal_kind: AuditActorKind;
  roles: unknown;
  key_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

function auditWhere(query: AuditQuery, withCursor: boolean): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | number): void => {
    where.push(sql);
    params.push(value);
  };
  if (query.entityType) add(`"entity_type" = ?`, query.entityType);
  if (query.entityId) add(`"entity_id" = ?`, query.entityId);
  if (query.actor) add(`"actor" = ?`, query.actor);
  if (query.action) add(`"action" = ?`, query.action);
  if (query.since) add(`"at" >= ?::timestamptz`, query.since.toISOString());
  if (query.until) add(`"at" < ?::timestamptz`, query.until.toISOString());
  if (withCursor && query.beforeId !== undefined) {
    if (!/^\d{1,19}$/.test(query.beforeId)) throw new TypeError('readAuditLog: beforeId must be a row id');
    add(`"id" < ?::bigint`, query.beforeId);
  }
  return { sql: where.length ? ` where ${where.join(' and ')}` : '', params };
}

/** Rows matching the filters (the cursor ignored), for `totalCount`. */
export async function countAuditLog(db: AuditDb, query: AuditQuery = {}): Promise<number> {
  const { sql, params } = auditWhere(query, false);
  const rows = await toExecutor(db).all<{ n: string | number }>(`select count(*) as n from "audit_log"${sql}`, params);
  return Number(rows[0]?.n ?? 0);
}

/** Newest first. Filters are exact matches; pagination by `beforeId`. */
export async function readAuditLog(db: AuditDb, query: AuditQuery = {}): Promise<AuditRecord[]> {
  const { sql: whereSql, params } = auditWhere(query, true);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 100);
  const rows = await toExecutor(db).all<AuditRow>(
    `select "id", "at", "actor", "principal_kind", "roles", "key_id", "action", "entity_type", "entity_id", "before", "after", "request_id" ` +
      `from "audit_log"${whereSql} order by "id" desc limit ${limit}`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    at: toDate(r.at) as Date,
    actor: r.actor,
    principalKind: r.principal_kind,
    roles: (() => {
      const v = toJson(r.roles);
      return Array.isArray(v) ? v.map(String) : [];
    })(),
    keyId: r.key_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: toJson(r.before),
    after: toJson(r.after),
    requestId: r.request_id,
  }));
}
