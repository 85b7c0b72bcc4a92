import type { JembatanErrorInit, OperationType } from '../errors/jembatan-error.js';

export interface RetryOptions {
  /** Extra attempts after the first, for queries only. Default 2, at most 5. 0 disables retries. */
  readonly retries?: number | undefined;
  /** First backoff delay; doubles each retry. Default 200 ms. */
  readonly baseDelayMs?: number | undefined;
  /** Upper bound of one backoff delay, and of an honoured `Retry-After`. Default 5,000 ms. */
  readonly maxDelayMs?: number | undefined;
}

export interface ResolvedRetry {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const MAX_RETRIES = 5;
/** Statuses that mean "a proxy or the gateway is briefly unavailable": the query never ran or can run again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Only queries are retried: they do not change data, so running one twice is harmless.
 * A mutation is never retried, whatever the failure: the first attempt may have reached the
 * server and committed, and repeating it could register a candidate or allocate a seat twice.
 */
export function isRetryable(error: JembatanErrorInit, operationType: OperationType): boolean {
  if (operationType !== 'query') return false;
  if (error.code === 'NETWORK_ERROR') return true;
  return error.status !== undefined && RETRYABLE_STATUSES.has(error.status);
}

/**
 * Delay before retry number `retry` (1-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many clients do not retry in lockstep. A `Retry-After`
 * from the server raises the delay to what it asked for, up to the cap.
 */
export function backoffDelay(retry: number, policy: ResolvedRetry, random: number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = exp / 2 + (exp / 2) * Math.min(Math.max(random, 0), 1);
  const wanted = retryAfterMs !== undefined ? Math.max(jittered, retryAfterMs) : jittered;
  return Math.round(Math.min(wanted, policy.maxDelayMs));
}
