/**
 * Security settings from the environment, read once at start (values are validated; none is ever
 * logged or echoed).
 *
 * | variable                          | default       | meaning                                                       |
 * | --------------------------------- | ------------- | ------------------------------------------------------------- |
 * | NODE_ENV                          | (unset)       | `development` opens introspection and the Sandbox to everyone, and CORS to `http://localhost:*` / `http://127.0.0.1:*` (cors.ts) |
 * | JEMBATAN_CITY                     | Kota Serang   | city of OFFICER credentials that name none                    |
 * | JEMBATAN_CORS_ORIGINS             | (none)        | extra browser origins, comma-separated (cors.ts); others get 403 naming this variable |
 * | JEMBATAN_SANDBOX                  | false         | serve the Sandbox landing page outside development            |
 * | JEMBATAN_EXPLORER                 | true          | serve the offline explorer (GraphiQL) at /explorer, in development and production (http/explorer/explorer.ts) |
 * | JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE | 60          | anonymous requests per IP per minute (burst = same)           |
 * | JEMBATAN_RATE_LIMIT_PER_MINUTE    | 600           | signed-in requests per key/subject per minute                 |
 * | JEMBATAN_QUERY_TIMEOUT_MS         | 10000         | per-request time limit, whole request (query-timeout.ts)      |
 * | JEMBATAN_MAX_IN_FLIGHT_PER_KEY    | 4             | GraphQL requests in flight per key/subject (concurrency-limit.ts) |
 * | JEMBATAN_MAX_IN_FLIGHT_ANON       | 4             | GraphQL requests in flight per anonymous IP                   |
 * | JEMBATAN_LIMIT_STORE              | postgres      | where the rate and in-flight limits live: `postgres` (shared by every replica on the database; per process while it is unreachable) or `memory` (per process) (limit-store.ts) |
 * | JEMBATAN_LIMIT_LEASE_MS           | 10000         | how long a replica may use leased tokens / slots unrenewed; a dead replica's slots are free after it |
 * | JEMBATAN_LIMIT_STORE_TIMEOUT_MS   | 1000          | deadline of one limit statement; past it the limits are per process until the database answers |
 * | JEMBATAN_MAX_DEPTH / _COST / _ALIASES / _DIRECTIVES / _TOKENS | armor.ts | document limits            |
 * | JEMBATAN_JWT_* / JEMBATAN_JWKS_*  |               | bearer tokens (jwt.ts)                                        |
 * | JEMBATAN_TRUST_PROXY              | false         | proxies whose X-Forwarded-For / -Proto are believed (http-headers.ts) |
 * | JEMBATAN_HSTS_MAX_AGE             | 31536000      | HSTS max-age, sent on TLS requests only (http-headers.ts)     |
 */
import { ConfigError } from '../config/config';
import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from './armor';
import { DEFAULT_CONCURRENCY_LIMITS, type ConcurrencyLimits } from './concurrency-limit';
import { parseCorsOrigins } from './cors';
import { loadHttpHeaderSettings, type HttpHeaderSettings } from './http-headers';
import { loadJwtSettings, type JwtSettings } from './jwt';
import { DEFAULT_LIMIT_STORE, type LimitStoreKind, type LimitStoreSettings } from './limit-store';
import type { PrincipalRateLimits } from './rate-limit';

export interface SecurityConfig {
  readonly development: boolean;
  readonly city: string;
  readonly corsOrigins: readonly string[];
  readonly sandboxInProduction: boolean;
  /** JEMBATAN_EXPLORER: serve /explorer (http/explorer/explorer.ts); undefined = true. */
  readonly explorer?: boolean;
  readonly rateLimits: PrincipalRateLimits;
  readonly queryTimeoutMs: number;
  readonly concurrencyLimits: ConcurrencyLimits;
  /** JEMBATAN_LIMIT_STORE, JEMBATAN_LIMIT_LEASE_MS, JEMBATAN_LIMIT_STORE_TIMEOUT_MS (limit-store.ts). */
  readonly limitStore: LimitStoreSettings;
  readonly abuseLimits: AbuseLimits;
  readonly jwt: JwtSettings | undefined;
  /** JEMBATAN_TRUST_PROXY, JEMBATAN_HSTS_MAX_AGE (http-headers.ts). */
  readonly httpHeaders: HttpHeaderSettings;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number between 1 and ${max}`);
  }
  return Number(raw);
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

function limitStoreKind(env: NodeJS.ProcessEnv): LimitStoreKind {
  const raw = env.JEMBATAN_LIMIT_STORE?.trim().toLowerCase();
  if (!raw) return DEFAULT_LIMIT_STORE.kind;
  if (raw === 'postgres' || raw === 'memory') return raw;
  throw new ConfigError('JEMBATAN_LIMIT_STORE must be postgres or memory');
}

function bounded(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = positiveInt(env, name, fallback, max);
  if (value < min) throw new ConfigError(`${name} must be a whole number between ${min} and ${max}`);
  return value;
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const city = env.JEMBATAN_CITY?.trim() || 'Kota Serang';
  if (city.length > 100) throw new ConfigError('JEMBATAN_CITY is too long');
  return {
    development: env.NODE_ENV?.trim() === 'development',
    city,
    corsOrigins: parseCorsOrigins(env.JEMBATAN_CORS_ORIGINS),
    sandboxInProduction: bool(env, 'JEMBATAN_SANDBOX', false),
    explorer: bool(env, 'JEMBATAN_EXPLORER', true),
    rateLimits: {
      anonymous: { capacity: positiveInt(env, 'JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE', 60, 1_000_000), windowMs: 60_000 },
      authenticated: { capacity: positiveInt(env, 'JEMBATAN_RATE_LIMIT_PER_MINUTE', 600, 1_000_000), windowMs: 60_000 },
    },
    queryTimeoutMs: positiveInt(env, 'JEMBATAN_QUERY_TIMEOUT_MS', 10_000, 600_000),
    concurrencyLimits: {
      perPrincipal: positiveInt(env, 'JEMBATAN_MAX_IN_FLIGHT_PER_KEY', DEFAULT_CONCURRENCY_LIMITS.perPrincipal, 10_000),
      perAnonymousAddress: positiveInt(env, 'JEMBATAN_MAX_IN_FLIGHT_ANON', DEFAULT_CONCURRENCY_LIMITS.perAnonymousAddress, 10_000),
    },
    limitStore: {
      kind: limitStoreKind(env),
      leaseMs: bounded(env, 'JEMBATAN_LIMIT_LEASE_MS', DEFAULT_LIMIT_STORE.leaseMs, 1_000, 600_000),
      timeoutMs: bounded(env, 'JEMBATAN_LIMIT_STORE_TIMEOUT_MS', DEFAULT_LIMIT_STORE.timeoutMs, 50, 60_000),
    },
    abuseLimits: {
      maxDepth: positiveInt(env, 'JEMBATAN_MAX_DEPTH', DEFAULT_ABUSE_LIMITS.maxDepth, 100),
      maxCost: positiveInt(env, 'JEMBATAN_MAX_COST', DEFAULT_ABUSE_LIMITS.maxCost, 10_000_000),
      maxAliases: positiveInt(env, 'JEMBATAN_MAX_ALIASES', DEFAULT_ABUSE_LIMITS.maxAliases, 1_000),
      maxDirectives: positiveInt(env, 'JEMBATAN_MAX_DIRECTIVES', DEFAULT_ABUSE_LIMITS.maxDirectives, 1_000),
      maxTokens: positiveInt(env, 'JEMBATAN_MAX_TOKENS', DEFAULT_ABUSE_LIMITS.maxTokens, 1_000_000),
    },
    jwt: loadJwtSettings(env),
    httpHeaders: loadHttpHeaderSettings(env),
  };
}
