/**
 * Per-request context carried through async calls (AsyncLocalStorage), so that error formatting and
 * logging deep inside Apollo know the request id without threading it through every call.
 *
 * ONE AsyncLocalStorage carries everything a request's async calls need: the scope below and the
 * request's deadline (security/query-timeout.ts). On Node 20 every store is propagated by a hook on
 * every promise the process creates; a second store was about 2% of the job board's CPU
 * (npm run bench, --cpu-prof).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../config/logger';
import type { RequestDeadline } from '../security/query-timeout';

export interface RequestScope {
  readonly requestId: string;
  readonly log: Logger;
  /** The response being written (the landing page sets its own Content-Security-Policy on it). */
  readonly response?: Response;
}

/** What travels with a request's async calls (each part set by its own middleware). */
export interface RequestStore {
  readonly scope?: RequestScope | undefined;
  readonly deadline?: RequestDeadline | undefined;
}

const requestStore = new AsyncLocalStorage<RequestStore>();

export function currentRequestScope(): RequestScope | undefined {
  return requestStore.getStore()?.scope;
}

/** The store of the code running now (undefined outside a request). */
export function currentRequestStore(): RequestStore | undefined {
  return requestStore.getStore();
}

/** Whether the deadline of the request this code runs for has passed (false outside a request; security/query-timeout.ts sets it). */
export function requestDeadlinePassed(now: number = performance.now()): boolean {
  const d = requestStore.getStore()?.deadline;
  return d !== undefined && now >= d.deadline;
}

/** Run `fn` (and everything it starts) with the current store, `patch` applied; the caller's store is unchanged. */
export function runWithRequestStore<T>(patch: RequestStore, fn: () => T): T {
  const outer = requestStore.getStore();
  return requestStore.run(outer ? { ...outer, ...patch } : patch, fn);
}

/** Accept a caller's x-request-id only when it is a short, safe token; otherwise make one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value && /^[A-Za-z0-9._:-]{1,128}$/.test(value)) return value;
  return randomUUID();
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
    log?: Logger;
  }
}

/** Gives each request an id (echoed in `x-request-id`), a child logger, and an access-log line. */
export function requestContextMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const log = logger.child({ reqId: requestId });
    req.requestId = requestId;
    req.log = log;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs: Math.round(ms * 10) / 10 };
      if (res.statusCode >= 500) log.error(line, 'request failed');
      else log.info(line, 'request completed');
    });
    runWithRequestStore({ scope: { requestId, log, response: res } }, next);
  };
}
