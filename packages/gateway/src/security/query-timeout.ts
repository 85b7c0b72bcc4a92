/**
 * Query time limits, at three levels:
 *
 * 1. `queryTimeoutPlugin`: once a request has run longer than the limit, every further field
 *    resolution fails with TIMEOUT (graphql-js cannot abort a running resolver, but no new one
 *    starts); the response keeps a single TIMEOUT error.
 * 2. PostgreSQL `statement_timeout` (connection option, or `statementTimeoutSql` inside a
 *    transaction): the database cancels a long statement itself; this is what frees the server.
 * 3. `withTimeout(promise, ms)`: for a single awaited call (e.g. a remote service).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { QueryTimeoutError } from './security-error';

export interface QueryTimeoutOptions {
  readonly timeoutMs: number;
  /** Monotonic clock in ms (tests inject one). */
  readonly now?: () => number;
}

export function queryTimeoutPlugin(options: QueryTimeoutOptions): ApolloServerPlugin {
  const { timeoutMs } = options;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
  const now = options.now ?? (() => performance.now());
  return {
    async requestDidStart() {
      const started = now();
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (now() - started > timeoutMs) throw new QueryTimeoutError(timeoutMs);
            },
          };
        },
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
