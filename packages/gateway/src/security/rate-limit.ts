/**
 * Per-caller rate limits: a token bucket per key (`apiKey:<id>`, `jwt:<sub>` or `ip:<addr>`), as Express
 * middleware that answers 429 in the GraphQL error shape (`extensions.code` RATE_LIMITED) with
 * `Retry-After`. A bucket holds `capacity` requests and refills evenly over `windowMs`, so a caller may
 * burst up to `capacity` and then sustain `capacity` per window.
 *
 * `TokenBucketLimiter` keeps the buckets in this process's memory (JEMBATAN_LIMIT_STORE=memory, unit
 * tests, and the fallback while PostgreSQL is unreachable). The gateway's default is the bucket shared by
 * every replica in PostgreSQL (`SharedTokenBucket`, limit-store-rate.ts), plugged in through
 * `RateLimiter` and `credentialRateLimit`'s `limiterFor`. Memory is bounded by `maxKeys` (least recently
 * seen keys are forgotten first).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { parseApiKey } from './api-key';
import { extractCredential, type HeaderBag } from './authenticate';
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

/**
 * A rate limiter as the middleware uses it: `take` and `available` may answer at once (in-memory, or
 * from a replica's local lease) or after one statement (the shared bucket).
 */
export interface RateLimiter {
  readonly rule: RateLimitRule;
  /** Take one request from `key`'s bucket. */
  take(key: string): RateDecision | Promise<RateDecision>;
  /** Whether `key` could take one request now (nothing is taken). */
  available(key: string): boolean | Promise<boolean>;
  /** Give back what a request took (never above capacity), e.g. when its credential proved forged. */
  refund(key: string): void;
}

export interface RateLimitOptions {
  readonly now?: () => number;
  readonly maxKeys?: number;
  /**
   * The limiter of one bucket family (`anon`, `auth`, `refusal`); default an in-memory
   * `TokenBucketLimiter`. The gateway passes the shared PostgreSQL bucket here (limit-store-setup.ts).
   */
  readonly limiterFor?: (name: LimiterName, rule: RateLimitRule) => RateLimiter;
}

/** The bucket families of `credentialRateLimit`: anonymous per IP, signed-in per key, refused credentials per IP. */
export type LimiterName = 'anon' | 'auth' | 'refusal';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter implements RateLimiter {
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

  /** Whether `key` could take `cost` now (nothing is taken). */
  available(key: string, cost = 1): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket) return true;
    const { capacity, windowMs } = this.rule;
    const tokens = Math.min(capacity, bucket.tokens + Math.max(0, this.now() - bucket.updatedAt) * (capacity / windowMs));
    return tokens + 1e-9 >= cost;
  }

  /** Give back what a request took (never above capacity), e.g. when its credential proved forged. */
  refund(key: string, cost = 1): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.rule.capacity, bucket.tokens + cost);
  }

  reset(key?: string): void {
    if (key === undefined) this.buckets.clear();
    else this.buckets.delete(key);
  }
}

export interface RateLimitSelection {
  readonly limiter: RateLimiter;
  readonly key: string;
}

/** Token subjects are caller-chosen strings: their bucket is keyed by a hash (bounded size, not logged). */
function jwtSubjectKey(sub: string): string {
  return `jwt#${createHash('sha256').update(sub).digest('hex').slice(0, 32)}`;
}

/** The rate key of a request: its principal when signed in, else its IP address. */
export function rateKeyOf(principal: Principal | undefined, ip: string | undefined): string {
  if (principal && principal.kind !== 'anonymous') {
    return principal.subject.startsWith('jwt:') ? jwtSubjectKey(principal.subject.slice(4)) : principal.subject;
  }
  return `ip:${ip ?? 'unknown'}`;
}

/** The `sub` of a JWT, read without verifying it (rate limiting only); undefined when unreadable. */
function unverifiedJwtSubject(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || (parts[1] as string).length > 8192) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' && payload.sub.length > 0 && payload.sub.length <= 1024 ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

export interface PresentedRateKey {
  /** `apiKey:<keyId>`, `jwt#<hash of sub>` or `ip:<addr>`. */
  readonly key: string;
  /** Whether the key names a credential (charged to the signed-in budget) rather than the IP. */
  readonly signedIn: boolean;
  /** Whether any credential was presented (even an unreadable one). */
  readonly presented: boolean;
}

/**
 * The rate key of a request from its headers alone, before any verification (so before any database
 * lookup): a well-formed API key → `apiKey:<keyId>` and a readable JWT → `jwt#<hash of sub>`, which are
 * exactly the keys its principal gets once verified (per-key semantics unchanged); no credential, or one
 * that cannot be read (it will be refused without the database) → the IP address.
 */
export function presentedRateKey(headers: HeaderBag, ip: string | undefined): PresentedRateKey {
  const ipKey = `ip:${ip ?? 'unknown'}`;
  let credential;
  try {
    credential = extractCredential(headers);
  } catch {
    return { key: ipKey, signedIn: false, presented: true };
  }
  if (credential.kind === 'none') return { key: ipKey, signedIn: false, presented: false };
  if (credential.kind === 'apiKey') {
    const parsed = parseApiKey(credential.token);
    return parsed ? { key: `apiKey:${parsed.keyId}`, signedIn: true, presented: true } : { key: ipKey, signedIn: false, presented: true };
  }
  const sub = unverifiedJwtSubject(credential.token);
  return sub ? { key: jwtSubjectKey(sub), signedIn: true, presented: true } : { key: ipKey, signedIn: false, presented: true };
}

/**
 * Sets `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) from a decision; when it
 * refuses, answers 429 with `Retry-After` (seconds) and returns false.
 */
function answer(req: Request, res: Response, limiter: RateLimiter, key: string, decision: RateDecision): boolean {
  res.setHeader('RateLimit-Limit', String(limiter.rule.capacity));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  res.setHeader('RateLimit-Reset', String(Math.ceil(decision.resetMs / 1000)));
  if (decision.allowed) return true;
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  res.setHeader('Retry-After', String(retryAfterSeconds));
  req.log?.warn({ rateKey: key.startsWith('ip:') ? 'ip' : key, retryAfterSeconds }, 'rate limited');
  res.status(429).json(graphqlErrorBody('RATE_LIMITED', { retryAfterSeconds }, req.requestId));
  return false;
}

/** Take one request from `key`; sets the RateLimit-* headers and answers 429 when refused. */
function charge(req: Request, res: Response, limiter: RateLimiter, key: string): boolean | Promise<boolean> {
  const decision = limiter.take(key);
  return decision instanceof Promise ? decision.then((d) => answer(req, res, limiter, key, d)) : answer(req, res, limiter, key, decision);
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
    const allowed = charge(req, res, selection.limiter, selection.key);
    if (allowed instanceof Promise) allowed.then((ok) => ok && next(), next);
    else if (allowed) next();
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
export function principalRateLimitMiddleware(limits: PrincipalRateLimits, options: Omit<RateLimitOptions, 'limiterFor'> = {}) {
  const anonymous = new TokenBucketLimiter(limits.anonymous, options);
  const authenticated = new TokenBucketLimiter(limits.authenticated, options);
  const middleware = rateLimitMiddleware((req) => {
    const principal = req.principal;
    const signedIn = principal !== undefined && principal.kind !== 'anonymous';
    return { limiter: signedIn ? authenticated : anonymous, key: rateKeyOf(principal, req.ip ?? req.socket?.remoteAddress) };
  });
  return Object.assign(middleware, { limiters: { anonymous, authenticated } });
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The bucket `credentialRateLimit` charged before authentication. */
    rateCharge?: { readonly limiter: RateLimiter; readonly key: string };
  }
}

export interface CredentialRateLimit {
  /**
   * Mount BEFORE authentication: charges the bucket named by the presented credential (or the IP)
   * without verifying it, so a flood is refused before any database lookup, even while the database
   * is down. A credential-bearing request from an IP whose refused credentials used up its budget is
   * refused too (429 `details.reason` TOO_MANY_REFUSED_CREDENTIALS).
   */
  readonly beforeAuthentication: (req: Request, res: Response, next: NextFunction) => void | Promise<void>;
  /**
   * Authentication refused the presented credential: give back what it took from the credential's
   * bucket (a forged key id or token subject must not drain its owner's budget) and count the
   * refusal against the IP instead.
   */
  refused(req: Request): void;
  /**
   * Mount AFTER authentication: when the verified principal's key differs from the one charged
   * before (it never does for a valid API key or token), charge the principal's own bucket.
   */
  readonly afterAuthentication: (req: Request, res: Response, next: NextFunction) => void | Promise<void>;
  readonly limiters: { readonly anonymous: RateLimiter; readonly authenticated: RateLimiter; readonly refusals: RateLimiter };
}

/**
 * The gateway's limiter: anonymous callers per IP (`limits.anonymous`), signed-in callers per API key /
 * token subject (`limits.authenticated`), and refused credentials per IP (`limits.anonymous`), all
 * decided from the headers before the credential is verified.
 */
export function credentialRateLimit(limits: PrincipalRateLimits, options: RateLimitOptions = {}): CredentialRateLimit {
  const make = options.limiterFor ?? ((_name: LimiterName, rule: RateLimitRule): RateLimiter => new TokenBucketLimiter(rule, options));
  const anonymous = make('anon', limits.anonymous);
  const authenticated = make('auth', limits.authenticated);
  const refusals = make('refusal', limits.anonymous);
  const ipOf = (req: Request): string | undefined => req.ip ?? req.socket?.remoteAddress;
  const tooManyRefused = async (req: Request, res: Response, ipKey: string): Promise<void> => {
    const decision = await refusals.take(ipKey);
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(retryAfterSeconds));
    req.log?.warn({ rateKey: 'ip', retryAfterSeconds }, 'rate limited: too many refused credentials');
    res.status(429).json(graphqlErrorBody('RATE_LIMITED', { retryAfterSeconds, reason: 'TOO_MANY_REFUSED_CREDENTIALS' }, req.requestId));
  };
  return {
    limiters: { anonymous, authenticated, refusals },
    async beforeAuthentication(req, res, next) {
      const ip = ipOf(req);
      const presented = presentedRateKey(req.headers as HeaderBag, ip);
      const ipKey = `ip:${ip ?? 'unknown'}`;
      if (presented.presented && !(await refusals.available(ipKey))) {
        await tooManyRefused(req, res, ipKey);
        return;
      }
      const limiter = presented.signedIn ? authenticated : anonymous;
      if (!(await charge(req, res, limiter, presented.key))) return;
      req.rateCharge = { limiter, key: presented.key };
      next();
    },
    refused(req) {
      const charged = req.rateCharge;
      if (charged && charged.limiter === authenticated) charged.limiter.refund(charged.key);
      req.rateCharge = undefined;
      // counted without holding up the 401: a shared bucket may need a statement
      void Promise.resolve(refusals.take(`ip:${ipOf(req) ?? 'unknown'}`)).catch(() => undefined);
    },
    async afterAuthentication(req, res, next) {
      const principal = req.principal;
      const signedIn = principal !== undefined && principal.kind !== 'anonymous';
      const key = rateKeyOf(principal, ipOf(req));
      const charged = req.rateCharge;
      if (charged && charged.key === key) {
        next();
        return;
      }
      if (!(await charge(req, res, signedIn ? authenticated : anonymous, key))) return;
      next();
    },
  };
}
