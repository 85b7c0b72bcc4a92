/**
 * CORS for `/graphql`: the Apollo Sandbox origin (https://studio.apollographql.com, so ANALYST and
 * ADMIN users can explore the API with their key) plus the origins in JEMBATAN_CORS_ORIGINS
 * (comma-separated, exact `scheme://host[:port]`, no `*`). Requests from other origins get no CORS
 * headers, so browsers refuse to hand them the response. Credentials (cookies) are not allowed: the
 * gateway authenticates with headers only, which also keeps Apollo's CSRF prevention meaningful
 * (`csrfPrevention` must stay on: it refuses simple requests without a preflight-forcing header).
 */
import type { CorsOptions } from 'cors';
import { ConfigError } from '../config/config';

export const APOLLO_SANDBOX_ORIGIN = 'https://studio.apollographql.com';

export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
] as const;

export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'] as const;

/** Parse JEMBATAN_CORS_ORIGINS; throws ConfigError on anything that is not an exact origin. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  if (!raw || !raw.trim()) return [];
  const out: string[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (part === '*' || part.includes('*')) throw new ConfigError('JEMBATAN_CORS_ORIGINS does not accept wildcards; list exact origins');
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new ConfigError('JEMBATAN_CORS_ORIGINS must be a comma-separated list of origins like https://portal.serangkota.go.id');
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== part.replace(/\/$/, '')) {
      throw new ConfigError('JEMBATAN_CORS_ORIGINS entries must be bare origins (scheme://host[:port]) without a path');
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

export interface CorsSettings {
  readonly origins: readonly string[];
  /** Allow https://studio.apollographql.com (default true). */
  readonly allowApolloSandbox?: boolean;
}

export function allowedOrigins(settings: CorsSettings): string[] {
  const list = [...settings.origins];
  if (settings.allowApolloSandbox !== false && !list.includes(APOLLO_SANDBOX_ORIGIN)) list.unshift(APOLLO_SANDBOX_ORIGIN);
  return list;
}

export function buildCorsOptions(settings: CorsSettings): CorsOptions {
  const allowed = new Set(allowedOrigins(settings));
  return {
    origin: (origin, callback) => {
      // no Origin header: not a browser cross-origin request (curl, server-to-server): nothing to add
      callback(null, origin !== undefined && allowed.has(origin));
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: false,
    maxAge: 600,
  };
}
