/**
 * Per-principal concurrency limit: at most `maxInFlight` GraphQL requests of one caller (API key,
 * JWT subject, or anonymous IP address: the rate-limit key) run at the same time. A request over the
 * limit is answered at once with 429 `RATE_LIMITED`, `Retry-After: 1` and
 * `details: { reason: 'TOO_MANY_IN_FLIGHT', maxInFlight }`, before its body is read; the caller's
 * other requests and every other caller are unaffected.
 *
 * Why: the rate limit counts requests per minute, not how long they hold the database. With the
 * request deadline (query-timeout.ts) each request holds a connection for at most the query timeout;
 * this bounds how many of the pool's connections one caller can hold at once. Defaults (sized to the
 * pool of 10 connections, db/orm.ts): 4 per signed-in caller (JEMBATAN_MAX_IN_FLIGHT_PER_KEY) and 4
 * per anonymous address (JEMBATAN_MAX_IN_FLIGHT_ANON; residents behind one carrier NAT share an
 * address), so that one caller's requests hold at most 4 of the 10 connections when each runs one
 * statement at a time, and the others keep the rest. (A request whose fields resolve in parallel can
 * run several statements at once; the cost limit bounds how much work that is, the deadline how long.)
 *
 * 429 rather than 503: the server is healthy, this caller is asking for too much at once; clients
 * (the SDK) already back off on 429 with Retry-After.
 *
 * The count is kept by an `InFlightLimiter`: `InFlightCounter` counts in this process's memory
 * (JEMBATAN_LIMIT_STORE=memory, unit tests); the gateway's default, `SharedInFlightSlots`
 * (limit-store-slots.ts), holds the limit across every replica on one PostgreSQL.
 */
import type { NextFunction, Request, Response } from 'express';
import { rateKeyOf } from './rate-limit';
import { graphqlErrorBody } from './security-error';

export interface ConcurrencyLimits {
  /** In-flight requests per signed-in caller (API key or token subject). */
  readonly perPrincipal: number;
  /** In-flight requests per anonymous IP address. */
  readonly perAnonymousAddress: number;
}

export const DEFAULT_CONCURRENCY_LIMITS: ConcurrencyLimits = Object.freeze({ perPrincipal: 4, perAnonymousAddress: 4 });

/** Admits a request of `key` when fewer than `max` are in flight: the release function, or undefined. */
export interface InFlightLimiter {
  tryAcquire(key: string, max: number): (() => void) | undefined | Promise<(() => void) | undefined>;
}

/** Counts in-flight requests per key; forgets a key when its count is back to 0 (memory = callers in flight). */
export class InFlightCounter implements InFlightLimiter {
  private readonly counts = new Map<string, number>();

  /** Take a slot for `key` when fewer than `max` are taken; returns the release function, or undefined. */
  tryAcquire(key: string, max: number): (() => void) | undefined {
    const n = this.counts.get(key) ?? 0;
    if (n >= max) return undefined;
    this.counts.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }

  inFlight(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Keys with a request in flight (tests, metrics). */
  get size(): number {
    return this.counts.size;
  }
}

/**
 * Express middleware for `/graphql`, after authentication (`req.principal`). The slot is released
 * when the response is finished or the connection is closed, whichever comes first.
 */
export function concurrencyLimitMiddleware(limits: ConcurrencyLimits, counter: InFlightLimiter = new InFlightCounter()) {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`concurrency limit ${name} must be a positive integer`);
  }
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'OPTIONS') {
      next();
      return;
    }
    const principal = req.principal;
    const signedIn = !!principal && principal.kind !== 'anonymous';
    const key = rateKeyOf(principal, req.ip);
    const max = signedIn ? limits.perPrincipal : limits.perAnonymousAddress;
    const decide = (release: (() => void) | undefined): void => {
      if (!release) {
        res.setHeader('Retry-After', '1');
        req.log?.warn({ rateKey: signedIn ? key : 'ip', maxInFlight: max }, 'too many requests in flight');
        res.status(429).json(graphqlErrorBody('RATE_LIMITED', { reason: 'TOO_MANY_IN_FLIGHT', maxInFlight: max, retryAfterSeconds: 1 }, req.requestId));
        return;
      }
      res.once('finish', release);
      res.once('close', release);
      next();
    };
    const slot = counter.tryAcquire(key, max);
    if (!(slot instanceof Promise)) {
      decide(slot);
      return;
    }
    // the caller may go away while the slot is being leased: then it is given back at once
    let closed = false;
    const onClose = (): void => {
      closed = true;
    };
    res.once('close', onClose);
    slot.then((release) => {
      res.off('close', onClose);
      if (closed) release?.();
      else decide(release);
    }, next);
  };
}
