/**
 * Query time limits. The limit (JEMBATAN_QUERY_TIMEOUT_MS) covers the whole GraphQL request, not each
 * statement: fifteen aliases of a 5 s field must not run 75 s.
 *
 * 1. The request deadline: `requestDeadlineMiddleware` gives each `/graphql` request a deadline
 *    (arrival + limit), carried through its async calls (the request's one AsyncLocalStorage,
 *    http/request-context.ts).
 * 2. `installStatementDeadlines()`: every SQL statement the ORM sends inside a request is checked
 *    against that deadline. A statement that would start after it is refused (SQLSTATE 57014, the
 *    code PostgreSQL gives a cancelled statement, so it maps to TIMEOUT like one); a statement still
 *    running at the deadline is cancelled (knex's `cancelQuery`: `pg_cancel_backend` from a separate
 *    connection, so it works when the pool is exhausted). The connection stays checked out until the
 *    cancel has been delivered, so a cancel can never hit another request's statement. Transaction
 *    control (COMMIT, ROLLBACK, RELEASE / ROLLBACK TO SAVEPOINT) always runs: a refused ROLLBACK would
 *    hand an open transaction back to the pool.
 * 3. Once the deadline has passed, no further field resolver starts: each one checks it before it runs
 *    (security/field-guards.ts; graphql-js cannot abort a running resolver, and plain property reads
 *    need no check), `queryTimeoutPlugin` refuses to start executing a request already past it, and
 *    `assertBeforeDeadline()` lets CPU-heavy resolvers (ranking) refuse to start; the response keeps
 *    a single TIMEOUT error.
 * 4. PostgreSQL `statement_timeout` = the limit on every pooled connection (server.ts): the backstop
 *    for statements outside a request (API-key lookups, /ready), and if a cancel ever fails.
 * 5. `withTimeout(promise, ms)`: for a single awaited call (e.g. a remote service).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { PostgreSqlKnexDialect } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestStore, runWithRequestStore } from '../http/request-context';
import { QueryTimeoutError } from './security-error';

/** The time budget of one request (monotonic ms, `performance.now()`). */
export interface RequestDeadline {
  readonly startedAt: number;
  readonly deadline: number;
  readonly timeoutMs: number;
}

/** The deadline of the request this code runs for, if any. */
export function currentDeadline(): RequestDeadline | undefined {
  return currentRequestStore()?.deadline;
}

/** Run `fn` (and everything it starts) under a deadline `timeoutMs` from now. */
export function runWithDeadline<T>(timeoutMs: number, fn: () => T, now: () => number = () => performance.now()): T {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
  const startedAt = now();
  return runWithRequestStore({ deadline: { startedAt, deadline: startedAt + timeoutMs, timeoutMs } }, fn);
}

/** Throw TIMEOUT when the current request's deadline has passed (no-op outside a request). */
export function assertBeforeDeadline(now: () => number = () => performance.now()): void {
  const d = currentDeadline();
  if (d && now() >= d.deadline) throw new QueryTimeoutError(d.timeoutMs);
}

/** Express middleware: the rest of the request runs under its deadline. */
export function requestDeadlineMiddleware(timeoutMs: number) {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
  return (_req: Request, _res: Response, next: NextFunction): void => {
    runWithDeadline(timeoutMs, next);
  };
}

/** The error of a statement refused after the deadline: SQLSTATE 57014 (query_canceled), like a cancelled one. */
export class StatementDeadlineError extends Error {
  readonly code = '57014';
  constructor(timeoutMs: number) {
    super(`canceling statement: the request's time limit of ${timeoutMs} ms has passed`);
    this.name = 'StatementDeadlineError';
  }
}

const TRANSACTION_END = /^\s*(commit|rollback|end|release\s+savepoint|rollback\s+to\s+savepoint)\b/i;

interface KnexConnectionLike {
  __knex__disposed?: unknown;
}
interface KnexClientLike {
  query(connection: KnexConnectionLike, obj: unknown): Promise<unknown>;
  cancelQuery(connection: KnexConnectionLike): Promise<unknown>;
}

const INSTALLED = Symbol.for('jembatan.statementDeadlines');

/** Statements seen by the deadline check (tests): refused before they started, cancelled while running. */
export const statementDeadlineStats = { refused: 0, cancelled: 0 };

/**
 * Make every statement of MikroORM's PostgreSQL client respect the request deadline (see the module
 * comment). Installed once on the dialect class, so it survives `orm.reconnect()`; statements outside
 * a request are untouched.
 */
export function installStatementDeadlines(now: () => number = () => performance.now()): void {
  const proto = PostgreSqlKnexDialect.prototype as unknown as KnexClientLike & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const original = proto.query;
  proto.query = function deadlineQuery(this: KnexClientLike, connection: KnexConnectionLike, obj: unknown): Promise<unknown> {
    const d = currentDeadline();
    if (!d) return original.call(this, connection, obj);
    const sql = typeof obj === 'string' ? obj : typeof (obj as { sql?: unknown } | null)?.sql === 'string' ? (obj as { sql: string }).sql : '';
    if (TRANSACTION_END.test(sql)) return original.call(this, connection, obj);
    const remaining = d.deadline - now();
    if (remaining <= 0) {
      statementDeadlineStats.refused += 1;
      return Promise.reject(new StatementDeadlineError(d.timeoutMs));
    }
    const running = original.call(this, connection, obj);
    let cancelling: Promise<void> | undefined;
    const timer = setTimeout(() => {
      statementDeadlineStats.cancelled += 1;
      cancelling = this.cancelQuery(connection).then(
        () => undefined,
        (e: unknown) => {
          // could not cancel: never reuse the connection (the pool destroys it); statement_timeout ends the statement
          connection.__knex__disposed = e;
        },
      );
    }, Math.ceil(remaining));
    timer.unref();
    // the connection is released only after this settles: a cancel in flight cannot reach the next user's statement
    const settle = async (): Promise<void> => {
      clearTimeout(timer);
      if (cancelling) await cancelling;
    };
    return running.then(
      async (value) => {
        await settle();
        return value;
      },
      async (error: unknown) => {
        await settle();
        throw error;
      },
    );
  };
  proto[INSTALLED] = true;
}

export interface QueryTimeoutOptions {
  readonly timeoutMs: number;
}

export function queryTimeoutPlugin(options: QueryTimeoutOptions): ApolloServerPlugin {
  const { timeoutMs } = options;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
  return {
    async requestDidStart() {
      // The deadline itself is enforced where work starts: every field resolver checks it before it runs
      // (security/field-guards.ts) and every statement (installStatementDeadlines). A per-field hook
      // here would make Apollo wrap every resolver of the schema (issue 9).
      return {
        async willSendResponse({ response }) {
          // one TIMEOUT error is enough: a timed-out list would otherwise carry one per field
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          let seen = false;
          const kept = errors.filter((e) => {
            if (e.extensions?.code !== 'TIMEOUT') return true;
            if (seen) return false;
            seen = true;
            return true;
          });
          if (kept.length !== errors.length) response.body.singleResult.errors = kept;
        },
      };
    },
  };
}

/** Reject with TIMEOUT when `promise` takes longer than `timeoutMs` (the timer never keeps Node alive). */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(timeoutMs)), timeoutMs);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `set local statement_timeout = <ms>` for the current transaction (run it first inside `em.transactional`). */
export function statementTimeoutSql(timeoutMs: number): string {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
  return `set local statement_timeout = ${timeoutMs}`;
}
