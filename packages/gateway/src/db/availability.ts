/**
 * "The database is not there right now": how the gateway recognises it and what callers get.
 *
 * During a PostgreSQL outage (the embedded child restarting, a DATABASE_URL server stopped or failing
 * over, the network to it cut) every database call fails with one of a small family of errors: the
 * connection is refused or reset, the server terminates it (SQLSTATE 57P01 admin_shutdown, 57P02
 * crash_shutdown), it refuses new ones while it recovers (57P03 cannot_connect_now), a connection
 * exception (class 08), too many connections (53300), or the pool cannot get a connection in time.
 * None of them is the caller's fault or a bug: they are answered as HTTP 503 with `extensions.code`
 * SERVICE_UNAVAILABLE, bilingual messages and `Retry-After`, never as a 500, wherever they surface
 * (authentication's API-key lookup, a resolver, a mutation's transaction, the express error handler).
 */
import type { ApolloServerPlugin } from '@apollo/server';
// only functions cross this import (errors.ts imports this module too)
import { defaultMessages } from '../graphql/errors';

/** Node / pg socket error codes that mean "no usable connection to the server". */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** Messages of pg, knex and tarn that carry no code. */
const STARTING_MESSAGE = /the database system is (starting up|in recovery mode|not yet accepting connections)/i;
const LOST_MESSAGE = [
  /^Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /not queryable/i, // pg: "Client has encountered a connection error and is not queryable"
  /the database system is shutting down/i,
  /terminating connection due to (administrator command|unexpected postmaster exit|crash of another server process)/i,
  /server closed the connection unexpectedly/i,
];

export type UnavailableReason =
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_LOST'
  | 'SERVER_SHUTTING_DOWN'
  | 'SERVER_STARTING'
  | 'POOL_TIMEOUT'
  | 'TOO_MANY_CONNECTIONS'
  | 'DATABASE_RESTARTING';

/** The reason of a SERVICE_UNAVAILABLE answer that did not come from a database error. */
export type ServiceUnavailableReason = UnavailableReason | 'STOPPING' | 'DATABASE_TROUBLE';

/** The driver's own message: knex puts the statement in front, separated by " - ". */
function driverMessage(message: string): string {
  const at = message.lastIndexOf(' - ');
  return at < 0 ? message : message.slice(at + 3);
}

function classifyOne(e: object): UnavailableReason | undefined {
  const { code, name, message: raw } = e as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code === 'ECONNREFUSED' || code === 'EAI_AGAIN' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      return 'CONNECTION_REFUSED';
    }
    if (UNAVAILABLE_ERRNO.has(code)) return 'CONNECTION_LOST';
    if (code === '57P01' || code === '57P02') return 'SERVER_SHUTTING_DOWN';
    if (code === '57P03') return 'SERVER_STARTING';
    if (code === '53300') return 'TOO_MANY_CONNECTIONS';
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'CONNECTION_LOST';
  }
  if (name === 'KnexTimeoutError') return 'POOL_TIMEOUT';
  if (typeof raw === 'string') {
    // knex prefixes the statement: "select … - Connection terminated unexpectedly". Only the driver's
    // part after the last " - " counts (the statement may quote submitted values).
    const message = driverMessage(raw);
    if (/^Knex: Timeout acquiring a connection/i.test(message)) return 'POOL_TIMEOUT';
    if (STARTING_MESSAGE.test(message)) return 'SERVER_STARTING';
    if (LOST_MESSAGE.some((re) => re.test(message))) return 'CONNECTION_LOST';
  }
  return undefined;
}

/**
 * A statement that follows a lost connection inside the same transaction does not fail with the
 * connection's error: once a statement of a knex transaction fails (its BEGIN included: knex then still
 * runs the transaction's body), knex marks it complete and every later statement of it fails with
 * "Transaction query already complete" (seen in test/db-outage.test.ts under load). That message is also what a programming error (a query after COMMIT) gives, so it is an
 * outage only when a connection to the database failed within the last TROUBLE_WINDOW_MS; otherwise it
 * stays an INTERNAL_SERVER_ERROR (logged in full), and a bug is not disguised as an outage.
 */
export const TROUBLE_WINDOW_MS = 30_000;
const AFTER_LOST_CONNECTION = /^Transaction query already complete/;
let lastTroubleAt = Number.NEGATIVE_INFINITY;

/** Record that a database connection just failed (pool connections' `error` events, classified errors). Per process. */
export function noteDatabaseTrouble(now: number = Date.now()): void {
  lastTroubleAt = Math.max(lastTroubleAt, now);
}

/** Whether a database connection failed within the last `ms` milliseconds. */
export function databaseTroubleWithin(ms: number = TROUBLE_WINDOW_MS, now: number = Date.now()): boolean {
  return now - lastTroubleAt <= ms;
}

/**
 * `error` and what it wraps (`cause`, `originalError`, MikroORM's `previous`, an AggregateError's
 * `errors`), breadth first, each object once, at most 32.
 */
function* errorChain(error: unknown): Generator<object> {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 32) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    yield e;
    const nested = e as { cause?: unknown; originalError?: unknown; previous?: unknown; errors?: unknown };
    queue.push(nested.cause, nested.originalError, nested.previous);
    if (Array.isArray(nested.errors)) queue.push(...nested.errors.slice(0, 8));
  }
}

function isAfterFailedStatement(e: object): boolean {
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && AFTER_LOST_CONNECTION.test(driverMessage(message));
}

/** Why `error` (or anything it wraps, see `errorChain`) means the database is unavailable; undefined when it does not. */
export function databaseUnavailableReason(error: unknown): UnavailableReason | undefined {
  for (const e of errorChain(error)) {
    const reason = classifyOne(e);
    if (reason) {
      noteDatabaseTrouble();
      return reason;
    }
    if (isAfterFailedStatement(e) && databaseTroubleWithin()) return 'CONNECTION_LOST';
  }
  return undefined;
}

/**
 * Whether `error` (or anything it wraps) is knex's "Transaction query already complete": a statement
 * of a transaction whose earlier statement (its BEGIN included) failed. What failed first is the cause;
 * the caller decides what it was (a lost connection, the request's deadline).
 */
export function followsFailedStatement(error: unknown): boolean {
  for (const e of errorChain(error)) if (isAfterFailedStatement(e)) return true;
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined;
}

/** The GraphQL-over-HTTP body of a 503 answered outside Apollo (authentication, express errors). */
export function serviceUnavailableBody(
  reason: ServiceUnavailableReason,
  retryAfterSeconds: number,
  requestId: string | undefined,
): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  return {
    errors: [
      {
        message: defaultMessages('SERVICE_UNAVAILABLE').en,
        extensions: {
          code: 'SERVICE_UNAVAILABLE',
          messages: defaultMessages('SERVICE_UNAVAILABLE'),
          details: { reason, retryAfterSeconds },
          ...(requestId ? { requestId } : {}),
        },
      },
    ],
  };
}

/**
 * Apollo plugin: a response that carries a SERVICE_UNAVAILABLE error goes out as HTTP 503 with
 * `Retry-After` (a query that lost the database half-way must not look like a success to a proxy,
 * and the SDK retries queries on 503). The partial `data` stays in the body.
 */
export function serviceUnavailablePlugin(retryAfterSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          // one is enough: a list whose every row failed would repeat it per field
          let seen = false;
          response.body.singleResult.errors = errors.flatMap((e) => {
            if (e.extensions?.code !== 'SERVICE_UNAVAILABLE') return [e];
            if (seen) return [];
            seen = true;
            const details = (e.extensions.details ?? {}) as Record<string, unknown>;
            return [{ ...e, extensions: { ...e.extensions, details: { ...details, retryAfterSeconds } } }];
          });
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}

/** An error a resolver threw that carries no public code: a candidate for "the outage in a shape we do not know". */
function isUncodedResolverError(error: { readonly extensions?: Record<string, unknown>; readonly originalError?: unknown }): boolean {
  if (error.extensions?.code !== undefined) return false;
  const original = error.originalError;
  if (!(original instanceof Error)) return false;
  // domain errors and class-validator failures have their own public codes (errors.ts)
  const name = original.name;
  return name !== 'DomainError' && name !== 'ArgumentValidationError' && name !== 'GatewayError';
}

/**
 * Apollo plugin: when a request failed with an error that carries no code and no database outage is
 * known, ask the database (`probe`, e.g. `select 1`, at most `timeoutMs`). If that fails as an outage
 * (or does not answer), the outage is recorded before the errors are formatted, so `formatGatewayError`
 * answers SERVICE_UNAVAILABLE instead of INTERNAL_SERVER_ERROR. This closes the race in which the first
 * failed statement after the server died surfaces in a shape the classifier does not know, before any
 * pool `error` event has recorded the outage. Costs nothing on requests without such an error.
 */
export function outageProbePlugin(probe: () => Promise<unknown>, timeoutMs = 1_000): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          if (databaseTroubleWithin() || !errors.some((e) => isUncodedResolverError(e))) return;
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), timeoutMs);
            timer.unref();
          });
          try {
            const answer = await Promise.race([probe().then(() => 'ok' as const), timedOut]);
            if (answer === 'timeout') noteDatabaseTrouble();
          } catch (e) {
            databaseUnavailableReason(e); // records the outage when it is one
          } finally {
            clearTimeout(timer);
          }
        },
      };
    },
  };
}
