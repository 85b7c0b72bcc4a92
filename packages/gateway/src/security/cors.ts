/**
 * CORS for `/graphql`: the Apollo Sandbox origin (https://studio.apollographql.com, so ANALYST and
 * ADMIN users can explore the API with their key) plus the origins in JEMBATAN_CORS_ORIGINS
 * (comma-separated, exact `scheme://host[:port]`, no `*`); in development (NODE_ENV=development) also
 * any `http://localhost:<port>` and `http://127.0.0.1:<port>` (dev servers: Vite :5173, Next.js :3000).
 * Credentials (cookies) are not allowed: the gateway authenticates with headers only, which also keeps
 * Apollo's CSRF prevention meaningful (`csrfPrevention` must stay on: it refuses simple requests
 * without a preflight-forcing header).
 *
 * A browser request from another origin (an `Origin` header that is neither allowed nor the gateway's
 * own) is answered here, before anything else runs: 403 FORBIDDEN with `details.reason`
 * `CORS_ORIGIN_NOT_ALLOWED`, the origin and the setting to change (JEMBATAN_CORS_ORIGINS), and no CORS
 * headers, so the browser still withholds the answer from the page. Without this, the preflight of a
 * refused origin fell through to Apollo, which answered it 400 "potential CSRF", a misleading cause.
 * The log gets one warning per refused origin (a bounded set of recent ones), not one per request.
 */
import type { Messages } from '@jembatan/domain';
import cors, { type CorsOptions } from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ConfigError } from '../config/config';
import type { Logger } from '../config/logger';

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
  /** Development (NODE_ENV=development): also allow `http://localhost:<any port>` and `http://127.0.0.1:<any port>`. */
  readonly development?: boolean;
}

export function allowedOrigins(settings: CorsSettings): string[] {
  const list = [...settings.origins];
  if (settings.allowApolloSandbox !== false && !list.includes(APOLLO_SANDBOX_ORIGIN)) list.unshift(APOLLO_SANDBOX_ORIGIN);
  return list;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

/**
 * `http://localhost:<port>` or `http://127.0.0.1:<port>` exactly as browsers send it (any port, or
 * none): not https, not `localhost.evil.com`, no path or user info.
 */
export function isLoopbackDevOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin;
}

/** Whether a browser page of `origin` may call the gateway (the Sandbox, the listed origins, loopback in development). */
export function originPolicy(settings: CorsSettings): (origin: string) => boolean {
  const allowed = new Set(allowedOrigins(settings));
  const development = settings.development === true;
  return (origin) => allowed.has(origin) || (development && isLoopbackDevOrigin(origin));
}

export function buildCorsOptions(settings: CorsSettings): CorsOptions {
  const isAllowed = originPolicy(settings);
  return {
    origin: (origin, callback) => {
      // no Origin header: not a browser cross-origin request (curl, server-to-server): nothing to add
      callback(null, origin !== undefined && isAllowed(origin));
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: false,
    maxAge: 600,
  };
}

/** `details.reason` of the refusal (with `code` FORBIDDEN); clients and tests branch on it. */
export const CORS_REFUSED_REASON = 'CORS_ORIGIN_NOT_ALLOWED';
export const CORS_ORIGINS_SETTING = 'JEMBATAN_CORS_ORIGINS';
/** Longest origin echoed in an answer or the log (a real one is far shorter). */
const MAX_ORIGIN_LENGTH = 200;
/** How many distinct refused origins are remembered for "warn once": the oldest is forgotten first. */
export const CORS_WARNED_ORIGINS_MAX = 256;

export function corsRefusalMessages(origin: string, development: boolean): Messages {
  // a dev server on loopback refused only because the gateway does not run in development mode
  const devNote =
    !development && isLoopbackDevOrigin(origin)
      ? {
          id: ' Untuk pengembangan lokal, jalankan gateway dengan NODE_ENV=development: http://localhost:<port> dan http://127.0.0.1:<port> lalu diizinkan.',
          en: ' For local development, run the gateway with NODE_ENV=development: http://localhost:<port> and http://127.0.0.1:<port> are then allowed.',
        }
      : { id: '', en: '' };
  return {
    id: `Origin ${origin} tidak diizinkan oleh pengaturan CORS gateway. Tambahkan origin ini ke ${CORS_ORIGINS_SETTING} (dipisah koma, misalnya https://portal.serangkota.go.id) lalu jalankan ulang gateway.${devNote.id}`,
    en: `The origin ${origin} is not allowed by the gateway's CORS settings. Add it to ${CORS_ORIGINS_SETTING} (comma-separated, e.g. https://portal.serangkota.go.id) and restart the gateway.${devNote.en}`,
  };
}

/** The body of the refusal, in the GraphQL error shape of every other gateway answer. */
export function corsRefusalBody(origin: string, development: boolean, requestId: string | undefined): Record<string, unknown> {
  const messages = corsRefusalMessages(origin, development);
  return {
    errors: [
      {
        message: messages.en,
        extensions: {
          code: 'FORBIDDEN',
          messages,
          details: { reason: CORS_REFUSED_REASON, origin, setting: CORS_ORIGINS_SETTING },
          ...(requestId ? { requestId } : {}),
        },
      },
    ],
  };
}

/**
 * A set of the most recently seen `limit` keys: `add` is true for a key not in it (then remembered,
 * forgetting the oldest when full). Memory stays bounded whatever origins callers make up.
 */
export function recentKeySet(limit: number): { add(key: string): boolean; readonly size: number } {
  const seen = new Set<string>();
  return {
    add(key) {
      if (seen.has(key)) return false;
      if (seen.size >= limit) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      seen.add(key);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

/**
 * The request comes from a page of the gateway's own origin (the embedded Sandbox landing page):
 * the browser says so (`Sec-Fetch-Site`, which pages cannot set), or `Origin` is this host.
 */
function isSameOrigin(req: Request, origin: string): boolean {
  if (req.get('sec-fetch-site') === 'same-origin') return true;
  const host = req.get('host');
  return host !== undefined && origin === `${req.protocol}://${host}`;
}

/** CORS for `/graphql` (see the top of this file): refuses other browser origins with the explanation. */
export function corsMiddleware(settings: CorsSettings, log: Logger): RequestHandler {
  const isAllowed = originPolicy(settings);
  const development = settings.development === true;
  const standard = cors<cors.CorsRequest>(buildCorsOptions(settings));
  const warned = recentKeySet(CORS_WARNED_ORIGINS_MAX);
  return (req: Request, res: Response, next: NextFunction): void => {
    const raw = req.headers.origin;
    if (raw === undefined || isAllowed(raw) || isSameOrigin(req, raw)) {
      standard(req, res, next);
      return;
    }
    const origin = raw.slice(0, MAX_ORIGIN_LENGTH);
    if (warned.add(origin)) {
      (req.log ?? log).warn(
        { origin, setting: CORS_ORIGINS_SETTING, development },
        `browser origin refused by CORS: add it to ${CORS_ORIGINS_SETTING} to allow it (logged once per origin)`,
      );
    }
    res.status(403).json(corsRefusalBody(origin, development, req.requestId));
  };
}
