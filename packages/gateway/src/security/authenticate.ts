/**
 * Who is calling, from the request headers:
 *
 * - no `Authorization` and no `X-API-Key` header (or an empty one) → the anonymous PUBLIC principal;
 * - `Authorization: Bearer jmb_…`, `Authorization: ApiKey jmb_…` or `X-API-Key: jmb_…` → an API key;
 * - `Authorization: Bearer <jwt>` → a staff token (jwt.ts);
 * - anything else presented (unknown scheme, two credentials, a bad/expired/revoked credential) →
 *   AuthError UNAUTHENTICATED. A bad credential never falls back to PUBLIC: a misconfigured app must
 *   notice, not silently lose its rights.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../config/logger';
import { databaseUnavailableReason, serviceUnavailableBody } from '../db/availability';
import { looksLikeApiKey } from './api-key';
import type { JwtVerifier } from './jwt';
import { ANONYMOUS, type Principal } from './role';
import { AuthError, graphqlErrorBody } from './security-error';

export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface AuthenticatorOptions {
  /** Verify an API key (usually `(t) => verifyApiKey(emExecutor(orm.em.fork()), t)`). */
  readonly verifyApiKey: (token: string) => Promise<Principal>;
  /** Undefined when no JWKS / public key is configured: bearer JWTs are then refused. */
  readonly jwt?: JwtVerifier | undefined;
  /** City given to OFFICER API keys that name none (JEMBATAN_CITY, default "Kota Serang"); never to a JWT. */
  readonly defaultCity?: string;
}

export interface Authenticator {
  /** The principal, or throws AuthError (UNAUTHENTICATED). */
  authenticate(headers: HeaderBag): Promise<Principal>;
}

export type Credential = { readonly kind: 'none' } | { readonly kind: 'apiKey'; readonly token: string } | { readonly kind: 'bearer'; readonly token: string };

function single(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value.length > 1) throw new AuthError('CREDENTIAL_MALFORMED', `several ${name} headers`);
  return value[0];
}

/** Which credential the headers carry (no verification). Throws CREDENTIAL_MALFORMED. */
export function extractCredential(headers: HeaderBag): Credential {
  const authorization = single(headers, 'authorization')?.trim() || undefined;
  const apiKeyHeader = single(headers, 'x-api-key')?.trim() || undefined;
  if (authorization && apiKeyHeader) throw new AuthError('CREDENTIAL_MALFORMED', 'both Authorization and X-API-Key');
  if (apiKeyHeader) return { kind: 'apiKey', token: apiKeyHeader };
  if (!authorization) return { kind: 'none' };
  const m = /^(\S+)\s+(\S+)$/.exec(authorization);
  if (!m) throw new AuthError('CREDENTIAL_MALFORMED', 'authorization header shape');
  const scheme = (m[1] as string).toLowerCase();
  const token = m[2] as string;
  if (scheme === 'apikey') return { kind: 'apiKey', token };
  if (scheme === 'bearer') return looksLikeApiKey(token) ? { kind: 'apiKey', token } : { kind: 'bearer', token };
  throw new AuthError('CREDENTIAL_MALFORMED', 'unsupported authorization scheme');
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  // API keys are minted in this deployment's own database: an OFFICER key without a city means this
  // city. A bearer JWT never gets a city it does not carry (jwt.ts refuses an OFFICER token without one).
  const withDefaults = (p: Principal): Principal =>
    p.kind === 'apiKey' && p.roles.includes('OFFICER') && !p.city && options.defaultCity ? { ...p, city: options.defaultCity } : p;
  return {
    async authenticate(headers: HeaderBag): Promise<Principal> {
      const credential = extractCredential(headers);
      if (credential.kind === 'none') return ANONYMOUS;
      if (credential.kind === 'apiKey') return withDefaults(await options.verifyApiKey(credential.token));
      if (!options.jwt) throw new AuthError('AUTH_NOT_CONFIGURED', 'bearer JWT without JWKS/public key configuration');
      return withDefaults(await options.jwt.verify(credential.token));
    },
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by authenticationMiddleware; read it in the Apollo context function. */
    principal?: Principal;
  }
}

export interface AuthenticationMiddlewareOptions {
  /** Called when a presented credential is refused (the rate limiter refunds and counts it per IP). */
  readonly onRefused?: (req: Request) => void;
  /** `Retry-After` (seconds) of the 503 sent when the credential cannot be checked: database unavailable. Default 5. */
  readonly retryAfterSeconds?: number;
}

/**
 * Express middleware for `/graphql`: sets `req.principal`, or answers 401 in the GraphQL error shape
 * (`extensions.code` UNAUTHENTICATED, `details.reason`) with `WWW-Authenticate`. The credential is
 * never logged; the refusal reason and the key id / jose code are. When an API key cannot be checked
 * because the database is unavailable, the answer is 503 SERVICE_UNAVAILABLE with `Retry-After`
 * (never 500, never PUBLIC). Mount the rate limiter before it: it looks the key up in the database.
 */
export function authenticationMiddleware(authenticator: Authenticator, log?: Logger, options: AuthenticationMiddlewareOptions = {}) {
  const retryAfterSeconds = options.retryAfterSeconds ?? 5;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      req.principal = await authenticator.authenticate(req.headers as HeaderBag);
    } catch (e) {
      if (!(e instanceof AuthError)) {
        const unavailable = databaseUnavailableReason(e);
        if (!unavailable) {
          next(e);
          return;
        }
        (req.log ?? log)?.warn({ reason: unavailable }, 'credential not checked: database unavailable');
        res.setHeader('Retry-After', String(retryAfterSeconds));
        res.status(503).json(serviceUnavailableBody(unavailable, retryAfterSeconds, req.requestId));
        return;
      }
      options.onRefused?.(req);
      (req.log ?? log)?.warn({ reason: e.reason, detail: e.internalDetail }, 'credential refused');
      const error = e.reason === 'CREDENTIAL_EXPIRED' ? 'invalid_token", error_description="expired' : 'invalid_token';
      res.setHeader('WWW-Authenticate', `Bearer realm="jembatan", error="${error}"`);
      res.status(e.reason === 'AUTH_UNAVAILABLE' ? 503 : 401).json(graphqlErrorBody('UNAUTHENTICATED', { reason: e.reason }, req.requestId, e.messages));
      return;
    }
    next();
  };
}
