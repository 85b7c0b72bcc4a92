/**
 * Per-caller rate limits: an in-memory token bucket per key (`apiKey:<id>`, `jwt:<sub>` or `ip:<addr>`),
 * as Express middleware that answers 429 in the GraphQL error shape (`extensions.code` RATE_LIMITED)
 * with `Retry-After`. A bucket holds `capacity` requests and refills evenly over `windowMs`, so a
 * caller may burst up to `capacity` and then sustain `capacity` per window.
 *
 * In-memory means per process: with several gateway replicas, each enforces its own share (size the
 * limits per replica, or put a shared limiter in front). Memory is bounded by `maxKeys` (least recently
 * seen keys are forgotten first).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from './role';
import { graphqlErrorBody } from './security-error';

export interface RateLimitRule {
  /** Requests allowed in a burst, and per window on average. */
  readonly capacity: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole requests left after this one. */
  readonly remaining: number;
  /** When allowed is false: ms until one request is allowed again. */
  readonly retryAfterMs: number;
  /** ms until the bucket is full again. */
  readonly resetMs: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter {
  readonly rule: RateLimitRule;
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(rule: RateLimitRule, options: { now?: () => number; maxKeys?: number } = {}) {
    if (!Number.isSafeInteger(rule.capacity) || rule.capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!Number.isSafeInteger(rule.windowMs) || rule.windowMs < 1) throw new RangeError('windowMs must be a positive integer');
    this.rule = rule;
    this.now = options.now ?? (() => Date.now());
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Number of keys tracked (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): RateDecision {
    const { capacity, windowMs } = this.rule;
    const rate = capacity / windowMs; // tokens per ms
    const t = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key); // re-inserted below: Map order = least recently seen first
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, t - bucket.updatedAt) * rate);
      bucket.updatedAt = Math.max(bucket.updatedAt, t);
    } else {
      bucket = { tokens: capacity, updatedAt: t };
      while (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next().value as string;
        this.buckets.delete(oldest);
      }
    }
    this.buckets.set(key, bucket);
    // tolerate float drift: 0.9999999 tokens after an exact refill counts as 1
    const epsilon = 1e-9;
    if (bucket.tokens + epsilon >= cost) {
      bucket.tokens = Math.max(0, bucket.tokens - cost);
      return {
        allowed: true,
        remaining: Math.floor(bucket.tokens + epsilon),
        retryAfterMs: 0,
        resetMs: Math.ceil((capacity - bucket.tokens) / rate),
      };
    }
    return {
      allowed: false,
      remaining: 0,
      retryAfterMs: Math.max(1, Math.ceil((cost - bucket.tokens) / rate)),
      resetMs: Math.ceil((capacity - bucket.tokens) / rate),
    };
  }

  reset(key?: string): void {
    if (key === undefined) this.buckets.clear();
    else this.buckets.delete(key);
  }
}

export interface RateLimitSelection {
  readonly limiter: TokenBucketLimiter;
  readonly key: string;
}

/** The rate key of a request: its principal when signed in, else its IP address. */
export function rateKeyOf(principal: Principal | undefined, ip: string | undefined): string {
  if (principal && principal.kind !== 'anonymous') return principal.subject;
  return `ip:${ip ?? 'unknown'}`;
}

/**
 * Express middleware. `select` picks the limiter and key for a request (undefined = not limited).
 * Sets `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) on every response, and
 * `Retry-After` (seconds) on a 429.
 */
export function rateLimitMiddleware(select: (req: Request) => RateLimitSelection | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const selection = select(req);
    if (!selection) {
      next();
      return;
    }
    const decision = selection.limiter.take(selection.key);
    res.setHeader('RateLimit-Limit', String(selection.limiter.rule.capacity));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(Math.ceil(decision.resetMs / 1000)));
    if (decision.allowed) {
      next();
      return;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(retryAfterSeconds));
    req.log?.warn({ rateKey: selection.key.startsWith('ip:') ? 'ip' : selection.key, retryAfterSeconds }, 'rate limited');
    res.status(429).json(graphqlErrorBody('RATE_LIMITED', { retryAfterSeconds }, req.requestId));
  };
}

export interface PrincipalRateLimits {
  /** Anonymous callers, per IP address. */
  readonly anonymous: RateLimitRule;
  /** Signed-in callers, per API key / token subject. */
  readonly authenticated: RateLimitRule;
}

/**
 * The usual pair: anonymous callers limited per IP, signed-in callers per key/subject. Mount it after
 * `authenticationMiddleware` (it reads `req.principal`). Use `req.ip` only with a correct Express
 * `trust proxy` setting behind a reverse proxy, or every caller shares the proxy's address.
 */
export function principalRateLimitMiddleware(limits: PrincipalRateLimits, options: { now?: () => number; maxKeys?: number } = {}) {
  const anonymous = new TokenBucketLimiter(limits.anonymous, options);
  const authenticated = new TokenBucketLimiter(limits.authenticated, options);
  const middleware = rateLimitMiddleware((req) => {
    const principal = req.principal;
    const signedIn = principal !== undefined && principal.kind !== 'anonymous';
    return { limiter: signedIn ? authenticated : anonymous, key: rateKeyOf(principal, req.ip ?? req.socket?.remoteAddress) };
  });
  return Object.assign(middleware, { limiters: { anonymous, authenticated } });
}
