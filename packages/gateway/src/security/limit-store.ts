/**
 * The limits' shared state in PostgreSQL, so that N gateway replicas on one database enforce one rate
 * limit and one in-flight limit per caller, not N of each (tables of Migration20261201120000_shared_limits).
 *
 * No request waits for this store on its fast path: a replica leases rate tokens and in-flight slots in
 * chunks and spends them locally (limit-store-rate.ts, limit-store-slots.ts); a statement runs only
 * when the local lease is spent, and then one short one.
 *
 * It must not make an outage worse: every statement has a deadline (`timeoutMs`, client side and
 * `statement_timeout`). The first statement that fails or times out marks the store unavailable; from
 * then on no request touches it (the limiters use their per-process in-memory fallback: the behaviour
 * of one replica alone) until a background probe gets an answer again, every `retryMs`.
 *
 * Its own small pool (`poolMax`, default 3 connections), apart from the ORM's: a limit statement never
 * waits behind a slow query for a connection, and the ORM's statement counts (tests) do not include it.
 * Commits do not wait for the WAL flush (`synchronous_commit=off`): a crash of PostgreSQL may forget the
 * last few milliseconds of limit state, never a business row (the setting is per connection).
 */
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { Pool } from 'pg';
import type { Logger } from '../config/logger';

export type LimitStoreKind = 'postgres' | 'memory';

export interface LimitStoreSettings {
  /** JEMBATAN_LIMIT_STORE: `postgres` (shared by every replica on the database) or `memory` (per process). */
  readonly kind: LimitStoreKind;
  /**
   * JEMBATAN_LIMIT_LEASE_MS: how long a replica may use leased rate tokens and in-flight slots without
   * renewing them; a replica that dies holds its slots at most this long.
   */
  readonly leaseMs: number;
  /** JEMBATAN_LIMIT_STORE_TIMEOUT_MS: deadline of one limit statement; past it the store counts as down. */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMIT_STORE: LimitStoreSettings = Object.freeze({ kind: 'postgres', leaseMs: 10_000, timeoutMs: 1_000 });

/**
 * The key as stored (`varchar(200)`): rate keys are short (`apiKey:<16 hex>`, `jwt#<32 hex>`,
 * `ip:<addr>`), but an address comes from the request; a longer key is stored as its hash, so that no
 * request can make a limit statement fail (which would switch every caller to the fallback).
 */
export function storeKeyOf(key: string): string {
  return key.length <= 150 ? key : `sha256#${createHash('sha256').update(key).digest('hex')}`;
}

/** A bucket's rule as the store needs it: capacity, and tokens per second. */
export interface BucketRule {
  readonly capacity: number;
  readonly windowMs: number;
}

export interface TokenLease {
  /** Tokens handed to this replica (0..want). */
  readonly granted: number;
  /** Tokens left in the shared bucket after this lease. */
  readonly tokens: number;
}

/** What the limiters need from the shared state; `undefined` answers mean "unavailable: use the fallback". */
export interface LimitStore {
  /** This process's id in `in_flight_lease.replica_id`. */
  readonly replicaId: string;
  readonly leaseMs: number;
  /** False from a failed statement until the probe gets an answer: callers use their in-memory fallback. */
  available(): boolean;
  /** Take up to `want` tokens from the shared bucket `key` (refilled from the database's clock). */
  leaseTokens(key: string, rule: BucketRule, want: number): Promise<TokenLease | undefined>;
  /**
   * Set this replica's slots of `key` to at least `keep` and at most `want`, so that the live slots of
   * every replica stay within `max`; returns the slots now held (≥ keep).
   */
  acquireSlots(key: string, keep: number, want: number, max: number): Promise<number | undefined>;
  /** Lower this replica's slots of `key` (0 = give the lease back). */
  setSlots(key: string, slots: number): Promise<boolean>;
  /** Extend this replica's live leases of `keys`; returns the keys renewed. */
  renewSlots(keys: readonly string[]): Promise<ReadonlySet<string> | undefined>;
  /** Statements sent and statements failed (tests, metrics). */
  readonly stats: { readonly statements: number; readonly failures: number };
  /** Give this replica's leases back and close the pool. */
  close(): Promise<void>;
}

// One statement: refill from the database's clock (the same for every replica), take, return what was
// taken. Concurrent leases of one key serialize on its row (ON CONFLICT locks it and re-reads it).
const LEASE_TOKENS_SQL =
  `insert into "rate_limit_bucket" as b ("key", "tokens", "granted", "updated_at", "full_at") ` +
  `select $1, $2::float8 - g.n, g.n, c.t, c.t + make_interval(secs => g.n / $3::float8) ` +
  `from (select clock_timestamp() as t) c, lateral (select least($4::int, floor($2::float8))::int as n) g ` +
  `on conflict ("key") do update set ("tokens", "granted", "updated_at", "full_at") = (` +
  `select greatest(0, l.level - g.n), g.n, greatest(b."updated_at", l.t), ` +
  `l.t + make_interval(secs => greatest(0, $2::float8 - l.level + g.n) / $3::float8) ` +
  `from (select c.t, least($2::float8, b."tokens" + greatest(0, extract(epoch from c.t - b."updated_at")) * $3::float8) as level ` +
  `from (select clock_timestamp() as t) c) l, ` +
  // 0.9999999 tokens after an exact refill count as 1 (float drift)
  `lateral (select least($4::int, floor(l.level + 1e-9))::int as n) g) ` +
  `returning "granted", "tokens"`;

const ACQUIRE_SLOTS_SQL = `select "in_flight_acquire"($1, $2, $3, $4, $5, $6) as "slots"`;
const SET_SLOTS_SQL = `update "in_flight_lease" set "slots" = $3 where "key" = $1 and "replica_id" = $2`;
const DROP_SLOTS_SQL = `delete from "in_flight_lease" where "key" = $1 and "replica_id" = $2`;
// only leases that are still live: an expired one may already be counted as free by another replica
const RENEW_SLOTS_SQL =
  `update "in_flight_lease" set "expires_at" = clock_timestamp() + $3 * interval '1 millisecond' ` +
  `where "replica_id" = $1 and "key" = any($2::varchar[]) and "expires_at" > clock_timestamp() returning "key"`;
const DROP_REPLICA_SQL = `delete from "in_flight_lease" where "replica_id" = $1`;
// A bucket past `full_at` is full again, the same as no row. The outer condition is re-checked on a row
// that a concurrent lease just changed, so a bucket in use is never dropped.
const CLEAN_BUCKETS_SQL =
  `delete from "rate_limit_bucket" where "full_at" < clock_timestamp() and "key" in ` +
  `(select "key" from "rate_limit_bucket" where "full_at" < clock_timestamp() limit 5000)`;
const CLEAN_LEASES_SQL = `delete from "in_flight_lease" where "expires_at" < clock_timestamp() - interval '1 minute'`;

export interface PgLimitStoreOptions {
  readonly clientUrl: string;
  readonly log: Logger;
  readonly leaseMs: number;
  readonly timeoutMs: number;
  readonly poolMax?: number;
  /** Probe interval while unavailable; default 2000. */
  readonly retryMs?: number;
  /** Removal of full buckets and long-expired leases; default every 60 s. */
  readonly cleanupMs?: number;
  readonly replicaId?: string;
}

function newReplicaId(): string {
  return `${os.hostname().slice(0, 40)}/${process.pid}/${randomBytes(6).toString('hex')}`;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'ERROR';
}

export class PgLimitStore implements LimitStore {
  readonly replicaId: string;
  readonly leaseMs: number;
  readonly stats = { statements: 0, failures: 0 };
  private readonly pool: Pool;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private down = false;
  private closed = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly cleanupTimer: NodeJS.Timeout;

  constructor(options: PgLimitStoreOptions) {
    this.replicaId = options.replicaId ?? newReplicaId();
    this.leaseMs = options.leaseMs;
    this.timeoutMs = options.timeoutMs;
    this.retryMs = options.retryMs ?? 2_000;
    this.log = options.log.child({ component: 'limit-store' });
    this.pool = new Pool({
      connectionString: options.clientUrl,
      max: options.poolMax ?? 3,
      connectionTimeoutMillis: options.timeoutMs,
      statement_timeout: options.timeoutMs,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'jembatan-limits',
      options: '-c synchronous_commit=off',
    });
    // an idle connection that dies (server restart) must not crash the process; the next statement reconnects
    this.pool.on('error', (e) => this.log.debug({ reason: errorCode(e) }, 'idle limit-store connection failed'));
    this.cleanupTimer = setInterval(() => void this.cleanup(), options.cleanupMs ?? 60_000);
    this.cleanupTimer.unref();
  }

  available(): boolean {
    return !this.down && !this.closed;
  }

  async leaseTokens(key: string, rule: BucketRule, want: number): Promise<TokenLease | undefined> {
    const perSecond = rule.capacity / (rule.windowMs / 1000);
    const rows = await this.run<{ granted: number; tokens: number }>(LEASE_TOKENS_SQL, [key, rule.capacity, perSecond, want]);
    const row = rows?.[0];
    return row ? { granted: Number(row.granted), tokens: Number(row.tokens) } : undefined;
  }

  async acquireSlots(key: string, keep: number, want: number, max: number): Promise<number | undefined> {
    const rows = await this.run<{ slots: number }>(ACQUIRE_SLOTS_SQL, [key, this.replicaId, keep, want, max, this.leaseMs]);
    const row = rows?.[0];
    return row ? Number(row.slots) : undefined;
  }

  async setSlots(key: string, slots: number): Promise<boolean> {
    const rows = await this.run(slots > 0 ? SET_SLOTS_SQL : DROP_SLOTS_SQL, slots > 0 ? [key, this.replicaId, slots] : [key, this.replicaId]);
    return rows !== undefined;
  }

  async renewSlots(keys: readonly string[]): Promise<ReadonlySet<string> | undefined> {
    const rows = await this.run<{ key: string }>(RENEW_SLOTS_SQL, [this.replicaId, keys, this.leaseMs]);
    return rows ? new Set(rows.map((r) => r.key)) : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // give the slots back at once (a clean stop), rather than making the other replicas wait out the lease
    if (this.available()) await this.run(DROP_REPLICA_SQL, [this.replicaId]);
    this.closed = true;
    clearInterval(this.cleanupTimer);
    clearTimeout(this.probeTimer);
    await this.pool.end().catch(() => undefined);
  }

  /** One statement within the deadline; undefined (and the store marked down) when it fails. */
  private async run<T>(sql: string, params: unknown[]): Promise<T[] | undefined> {
    if (!this.available()) return undefined;
    this.stats.statements += 1;
    try {
      const result = await this.withDeadline(this.pool.query(sql, params));
      return result.rows as T[];
    } catch (e) {
      this.markDown(e);
      return undefined;
    }
  }

  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('limit statement timed out'), { code: 'TIMEOUT' })), this.timeoutMs);
    });
    work.catch(() => undefined); // it may still fail after the deadline: nobody waits for it any more
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private markDown(e: unknown): void {
    this.stats.failures += 1;
    if (this.down || this.closed) return;
    this.down = true;
    this.log.warn({ reason: errorCode(e), retryMs: this.retryMs }, 'limit store unavailable: rate and in-flight limits are per process until it answers');
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    this.probeTimer = setTimeout(() => {
      this.withDeadline(this.pool.query('select 1')).then(
        () => {
          if (this.closed) return;
          this.down = false;
          this.log.info('limit store available again: limits are shared by the replicas again');
        },
        () => {
          if (!this.closed) this.scheduleProbe();
        },
      );
    }, this.retryMs);
    this.probeTimer.unref();
  }

  private async cleanup(): Promise<void> {
    await this.run(CLEAN_BUCKETS_SQL, []);
    await this.run(CLEAN_LEASES_SQL, []);
  }
}
