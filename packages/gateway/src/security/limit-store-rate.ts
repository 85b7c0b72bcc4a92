/**
 * A rate limit shared by every replica: one token bucket per key in PostgreSQL (limit-store.ts), from
 * which each replica leases tokens in chunks and spends them locally.
 *
 * - Chunk: `max(1, floor(capacity / 50))` tokens. A replica asks again when its local tokens run low
 *   (in the background, so that the next request finds them), or at once, for all the requests then
 *   waiting, when it has none. Low limits (60 a minute) cost about one short statement per request,
 *   mostly off the request's path; high limits (600 and up) one per chunk.
 * - Never looser than one bucket: a request is admitted only with a token taken from the shared bucket
 *   (or one given back by `refund`), so over any stretch of time all the replicas together admit at most
 *   what the bucket hands out: its capacity plus its refill. What a replica leased and did not spend
 *   within `leaseMs` is dropped (stricter, never looser): at most two chunks per replica and key.
 * - A refusal is cached: when the shared bucket is empty, this replica refuses the key without a
 *   statement until the bucket will hold a token again (computed from the rate), so a flood of refused
 *   requests costs no SQL.
 * - While the store is unavailable, the in-memory `TokenBucketLimiter` decides (per process, as with one
 *   replica alone).
 * - `RateLimit-Remaining` / `RateLimit-Reset` are this replica's view: its local tokens plus what the
 *   shared bucket held at its last lease.
 */
import { storeKeyOf, type LimitStore } from './limit-store';
import { TokenBucketLimiter, type RateDecision, type RateLimiter, type RateLimitRule } from './rate-limit';

interface LocalTokens {
  /** Leased tokens not spent yet; usable until `expiresAt`. */
  tokens: number;
  expiresAt: number;
  /** The shared bucket was empty: refuse without asking until then. */
  emptyUntil: number;
  /** Tokens left in the shared bucket at the last lease. */
  shared: number;
  /** Requests waiting for the lease in flight. */
  waiting: number;
  pending: Promise<void> | undefined;
}

export interface SharedTokenBucketOptions {
  readonly now?: () => number;
  readonly maxKeys?: number;
}

/** Rounds of leasing one request may wait for before it is refused (a flood keeps taking what arrives). */
const MAX_ROUNDS = 4;

export class SharedTokenBucket implements RateLimiter {
  readonly rule: RateLimitRule;
  /** Tokens one lease asks for when no more requests are waiting. */
  readonly chunk: number;
  private readonly fallback: TokenBucketLimiter;
  private readonly local = new Map<string, LocalTokens>();
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly perMs: number;

  /** `name` keeps bucket families apart in the shared table (`anon|ip:…` and `refusal|ip:…`). */
  constructor(
    private readonly name: string,
    rule: RateLimitRule,
    private readonly store: LimitStore,
    options: SharedTokenBucketOptions = {},
  ) {
    this.fallback = new TokenBucketLimiter(rule, options);
    this.rule = rule;
    this.chunk = Math.max(1, Math.floor(rule.capacity / 50));
    this.now = options.now ?? (() => Date.now());
    this.maxKeys = options.maxKeys ?? 100_000;
    this.perMs = rule.capacity / rule.windowMs;
  }

  take(key: string): RateDecision | Promise<RateDecision> {
    if (!this.store.available()) return this.fallback.take(key);
    const s = this.state(key);
    const spent = this.spend(key, s);
    if (spent) return spent;
    if (this.now() < s.emptyUntil) return this.refusal(s);
    return this.takeAfterLease(key, s);
  }

  available(key: string): boolean | Promise<boolean> {
    if (!this.store.available()) return this.fallback.available(key);
    const s = this.state(key);
    const known = this.knownAvailable(s);
    return known ?? this.availableAfterLease(key, s);
  }

  refund(key: string): void {
    if (!this.store.available()) {
      this.fallback.refund(key);
      return;
    }
    const s = this.state(key);
    const t = this.now();
    if (s.expiresAt <= t) {
      s.tokens = 0;
      s.expiresAt = t + this.store.leaseMs;
    }
    // a token taken from the shared bucket for a request that was not served: it may serve another
    s.tokens = Math.min(this.rule.capacity, s.tokens + 1);
    s.emptyUntil = 0;
  }

  /** Keys with local state (tests, metrics). */
  get size(): number {
    return this.local.size;
  }

  private state(key: string): LocalTokens {
    let s = this.local.get(key);
    if (s) {
      this.local.delete(key); // re-inserted below: Map order = least recently seen first
    } else {
      s = { tokens: 0, expiresAt: 0, emptyUntil: 0, shared: this.rule.capacity, waiting: 0, pending: undefined };
      while (this.local.size >= this.maxKeys) this.local.delete(this.local.keys().next().value as string);
    }
    this.local.set(key, s);
    return s;
  }

  /** Spend a local token when there is one; lease more in the background when they run low. */
  private spend(key: string, s: LocalTokens): RateDecision | undefined {
    if (s.expiresAt <= this.now()) s.tokens = 0;
    if (s.tokens < 1) return undefined;
    s.tokens -= 1;
    if (s.tokens < Math.max(1, this.chunk / 2) && this.now() >= s.emptyUntil) void this.lease(key, s);
    const level = Math.min(this.rule.capacity, s.tokens + s.shared);
    return { allowed: true, remaining: Math.floor(level), retryAfterMs: 0, resetMs: Math.ceil((this.rule.capacity - level) / this.perMs) };
  }

  private refusal(s: LocalTokens): RateDecision {
    return {
      allowed: false,
      remaining: 0,
      retryAfterMs: Math.max(1, s.emptyUntil - this.now()),
      resetMs: Math.ceil((this.rule.capacity - s.shared) / this.perMs),
    };
  }

  private knownAvailable(s: LocalTokens): boolean | undefined {
    if (s.expiresAt <= this.now()) s.tokens = 0;
    if (s.tokens >= 1) return true;
    if (this.now() < s.emptyUntil) return false;
    return undefined;
  }

  private async takeAfterLease(key: string, s: LocalTokens): Promise<RateDecision> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      await this.waitForLease(key, s);
      if (!this.store.available()) return this.fallback.take(key);
      const spent = this.spend(key, s);
      if (spent) return spent;
      if (this.now() < s.emptyUntil) return this.refusal(s);
    }
    return { allowed: false, remaining: 0, retryAfterMs: 1000, resetMs: Math.ceil((this.rule.capacity - s.shared) / this.perMs) };
  }

  private async availableAfterLease(key: string, s: LocalTokens): Promise<boolean> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      await this.waitForLease(key, s);
      if (!this.store.available()) return this.fallback.available(key);
      const known = this.knownAvailable(s);
      if (known !== undefined) return known;
    }
    return false;
  }

  private async waitForLease(key: string, s: LocalTokens): Promise<void> {
    s.waiting += 1;
    try {
      await this.lease(key, s);
    } finally {
      s.waiting -= 1;
    }
  }

  /** One lease at a time per key; the requests that arrive meanwhile share it (or the next one). */
  private lease(key: string, s: LocalTokens): Promise<void> {
    s.pending ??= this.leaseNow(key, s).finally(() => {
      s.pending = undefined;
    });
    return s.pending;
  }

  private async leaseNow(key: string, s: LocalTokens): Promise<void> {
    // let the requests of this turn of the event loop join, so that one statement serves them all
    await new Promise<void>((resolve) => setImmediate(resolve));
    const want = Math.min(this.rule.capacity, Math.max(this.chunk, s.waiting));
    const started = this.now();
    const lease = await this.store.leaseTokens(storeKeyOf(`${this.name}|${key}`), this.rule, want);
    if (!lease) return;
    if (s.expiresAt <= started) s.tokens = 0;
    s.tokens += lease.granted;
    s.expiresAt = started + this.store.leaseMs;
    s.shared = lease.tokens;
    // the bucket ran dry: refuse here until it holds a token again
    s.emptyUntil = lease.granted < want ? started + Math.max(1, Math.ceil((1 - lease.tokens) / this.perMs)) : 0;
  }
}
