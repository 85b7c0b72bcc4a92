/**
 * The gateway's limiters from its settings: with JEMBATAN_LIMIT_STORE=postgres (the default) the rate
 * buckets and in-flight slots are shared through the gateway's own database (limit-store.ts); with
 * `memory`, or without a connection URL to share, each process keeps its own (the pre-replica
 * behaviour).
 */
import type { Logger } from '../config/logger';
import { InFlightCounter, type InFlightLimiter } from './concurrency-limit';
import { PgLimitStore, type LimitStore, type LimitStoreSettings } from './limit-store';
import { SharedTokenBucket } from './limit-store-rate';
import { SharedInFlightSlots } from './limit-store-slots';
import type { RateLimitOptions } from './rate-limit';

export interface GatewayLimits {
  /** For `credentialRateLimit` (the shared buckets, or none: in-memory). */
  readonly rateLimitOptions: RateLimitOptions;
  /** For `concurrencyLimitMiddleware`. */
  readonly inFlight: InFlightLimiter;
  /** The shared store, when there is one (tests, metrics). */
  readonly store: LimitStore | undefined;
  /** After the HTTP server has drained: give this replica's slots back, close the store's pool. */
  close(): Promise<void>;
}

export function createGatewayLimits(settings: LimitStoreSettings, database: { readonly clientUrl: string | undefined; readonly log: Logger }): GatewayLimits {
  if (settings.kind === 'memory' || !database.clientUrl) {
    if (settings.kind === 'postgres') database.log.warn('no database URL to share the limits through: rate and in-flight limits are per process');
    return { rateLimitOptions: {}, inFlight: new InFlightCounter(), store: undefined, close: async () => undefined };
  }
  const store = new PgLimitStore({ clientUrl: database.clientUrl, log: database.log, leaseMs: settings.leaseMs, timeoutMs: settings.timeoutMs });
  const inFlight = new SharedInFlightSlots(store);
  return {
    rateLimitOptions: { limiterFor: (name, rule) => new SharedTokenBucket(name, rule, store) },
    inFlight,
    store,
    async close() {
      inFlight.close();
      await store.close();
    },
  };
}
