/**
 * At most `max` requests of the page in flight at once. The gateway admits a few requests per key at a
 * time (JEMBATAN_MAX_IN_FLIGHT_PER_KEY, 4 by default) and answers more with 429 RATE_LIMITED
 * (TOO_MANY_IN_FLIGHT); the dashboard reads eight aggregates together, so it queues them here rather
 * than have the gateway refuse half of them. The slot is freed when the answer has arrived or failed.
 */
import type { FetchLike } from '@jembatan/sdk';

/** One below the gateway's default of 4: room for the moment between the gateway's answer and the release of its slot. */
export const MAX_IN_FLIGHT = 3;

export function limitedFetch(max: number, inner: FetchLike = (url, init) => globalThis.fetch(url, init)): FetchLike {
  if (!Number.isInteger(max) || max < 1) throw new Error(`max must be a whole number ≥ 1: ${max}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return async (url, init) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      const res = await inner(url, init);
      // the body is what the gateway sent in full (one JSON document): read it before freeing the slot
      const text = await res.text();
      return { status: res.status, ...(res.statusText !== undefined ? { statusText: res.statusText } : {}), ...(res.headers ? { headers: res.headers } : {}), text: async () => text };
    } finally {
      release();
    }
  };
}
