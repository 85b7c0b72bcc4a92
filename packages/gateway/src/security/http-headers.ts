/**
 * HTTP hygiene (issue 8): the security headers on every response, HSTS only behind TLS, the Content
 * Security Policy of the Sandbox landing page, and the JSON 404 for every path and method the
 * gateway does not serve.
 *
 * Every response (GraphQL, `/health`, `/ready`, 401/403/404/413/429/500, CORS preflights) carries,
 * from helmet (mounted first, so nothing answers before it):
 *
 * | header | value | why |
 * | --- | --- | --- |
 * | `Content-Security-Policy` | `default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'` | JSON needs nothing: a response rendered as a page can load, run and frame nothing |
 * | `X-Content-Type-Options` | `nosniff` | JSON is never sniffed into HTML or script |
 * | `X-Frame-Options` | `DENY` | with `frame-ancestors 'none'`: no framing (click-jacking), older browsers too |
 * | `Referrer-Policy` | `no-referrer` | URLs (GET queries, variables) never leak to other sites |
 * | `Cross-Origin-Opener-Policy` / `-Resource-Policy` | `same-origin` | no cross-origin window handles; no `<script src>` / `<img src>` embedding of API responses (CORS fetches are not affected) |
 * | `Strict-Transport-Security` | `max-age=31536000; includeSubDomains` | only on requests that arrived over TLS (`req.secure`: TLS here, or `X-Forwarded-Proto: https` from a proxy trusted by JEMBATAN_TRUST_PROXY) |
 *
 * plus helmet's `Origin-Agent-Cluster`, `X-DNS-Prefetch-Control: off`, `X-Download-Options: noopen`,
 * `X-Permitted-Cross-Domain-Policies: none`, `X-XSS-Protection: 0`; `X-Powered-By` is off.
 *
 * The landing page (Apollo's embedded Sandbox, served in development or with JEMBATAN_SANDBOX=true)
 * is the one HTML response. Apollo writes its own policy into a `<meta>` tag with a fresh nonce per
 * page; browsers enforce both policies, so the header must admit what the page loads. The header of
 * that response is replaced by LANDING_PAGE_CSP with the same nonce (read from the page Apollo
 * rendered): the scripts and styles of Apollo's CDNs and the page's nonce, the Sandbox frame
 * (https://sandbox.embed.apollographql.com), Google Fonts, the CDN's icon and manifest, and
 * `connect-src 'self'` (the embedded Sandbox sends the operations from this page to this origin).
 * Still `frame-ancestors 'none'`, no `unsafe-inline`, no `unsafe-eval`.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `JEMBATAN_TRUST_PROXY` | `false` | which proxies' `X-Forwarded-For` / `-Proto` to believe (Express `trust proxy`): `false`, a hop count `1`–`10`, or a comma-separated list of `loopback`, `linklocal`, `uniquelocal`, IP addresses and CIDR ranges. `true` (trust anybody) is refused: any caller could then fake its address (rate limits) and `https` |
 * | `JEMBATAN_HSTS_MAX_AGE` | `31536000` | HSTS `max-age` in seconds (1 year: RFC 6797 §11.2 advises a long one; the hstspreload.org minimum); `0` withdraws HSTS from browsers that cached it |
 */
import { isIP } from 'node:net';
import type { ApolloServerPlugin, GraphQLServerListener, LandingPage } from '@apollo/server';
import type { Messages } from '@jembatan/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ConfigError } from '../config/config';
import { currentRequestScope } from '../http/request-context';

// ------------------------------------------------------------------------------------------ settings

/** Express `trust proxy`: false, a hop count, or the trusted addresses / ranges. */
export type TrustProxySetting = false | number | readonly string[];

export interface HttpHeaderSettings {
  readonly trustProxy: TrustProxySetting;
  readonly hstsMaxAgeSeconds: number;
}

/** One year: RFC 6797 §11.2 ("a long max-age"); https://hstspreload.org asks for at least 31536000. */
export const DEFAULT_HSTS_MAX_AGE_SECONDS = 31_536_000;
/** Longest HSTS max-age accepted: two years (the longest value browsers' preload lists use). */
const MAX_HSTS_MAX_AGE_SECONDS = 63_072_000;
/** More than 10 proxy hops in front of one gateway is a misconfiguration, not a topology. */
const MAX_TRUST_PROXY_HOPS = 10;
const PROXY_ADDRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_ADDRESS_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** JEMBATAN_TRUST_PROXY → Express `trust proxy` (see the table above). Throws ConfigError. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const value = raw?.trim().toLowerCase();
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '*') {
    throw new ConfigError(
      'JEMBATAN_TRUST_PROXY=true would believe X-Forwarded-* from anybody; give the hop count (e.g. 1) or the proxy addresses (e.g. loopback, 10.0.0.0/8)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_TRUST_PROXY_HOPS) throw new ConfigError(`JEMBATAN_TRUST_PROXY: a hop count is 1 to ${MAX_TRUST_PROXY_HOPS}`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0 || !entries.every(isAddressOrRange)) {
    throw new ConfigError('JEMBATAN_TRUST_PROXY must be false, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges');
  }
  return entries;
}

export function loadHttpHeaderSettings(env: NodeJS.ProcessEnv = process.env): HttpHeaderSettings {
  const rawAge = env.JEMBATAN_HSTS_MAX_AGE?.trim();
  let hstsMaxAgeSeconds = DEFAULT_HSTS_MAX_AGE_SECONDS;
  if (rawAge) {
    if (!/^\d{1,9}$/.test(rawAge) || Number(rawAge) > MAX_HSTS_MAX_AGE_SECONDS) {
      throw new ConfigError(`JEMBATAN_HSTS_MAX_AGE must be a whole number of seconds between 0 and ${MAX_HSTS_MAX_AGE_SECONDS}`);
    }
    hstsMaxAgeSeconds = Number(rawAge);
  }
  return { trustProxy: parseTrustProxy(env.JEMBATAN_TRUST_PROXY), hstsMaxAgeSeconds };
}

/** The value for `app.set('trust proxy', …)`. */
export function expressTrustProxy(setting: TrustProxySetting): boolean | number | string[] {
  return typeof setting === 'number' || setting === false ? setting : [...setting];
}

// ------------------------------------------------------------------------------------------ headers

/** The policy of every response but the landing page: JSON loads nothing and is framed by nobody. */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * What Apollo's landing page loads (node_modules/@apollo/server/dist/cjs/plugin/landingPage/default:
 * its `scriptSafeList`, `styleSafeList`, `iframeSafeList`, the icon and manifest links, Google
 * Fonts). `embed.apollo.local:3000` (Apollo's own development host) is left out.
 */
export const APOLLO_LANDING_PAGE_SOURCES = {
  script: [
    'https://apollo-server-landing-page.cdn.apollographql.com',
    'https://embeddable-sandbox.cdn.apollographql.com',
    'https://embeddable-explorer.cdn.apollographql.com',
  ],
  style: [
    'https://apollo-server-landing-page.cdn.apollographql.com',
    'https://embeddable-sandbox.cdn.apollographql.com',
    'https://embeddable-explorer.cdn.apollographql.com',
    'https://fonts.googleapis.com',
  ],
  frame: ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
  font: ['https://fonts.gstatic.com'],
  img: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  manifest: ['https://apollo-server-landing-page.cdn.apollographql.com'],
} as const;

/** The landing page's policy, with the nonce Apollo gave that page's inline script and styles. */
export function landingPageCsp(nonce: string): string {
  const s = APOLLO_LANDING_PAGE_SOURCES;
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' ${s.script.join(' ')}`,
    `style-src 'nonce-${nonce}' ${s.style.join(' ')}`,
    `font-src ${s.font.join(' ')}`,
    `img-src ${s.img.join(' ')}`,
    `manifest-src ${s.manifest.join(' ')}`,
    `frame-src ${s.frame.join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Every security header, for every response: mount first (`app.use(securityHeaders(settings))`).
 * HSTS goes only on requests that came over TLS; on plain HTTP browsers ignore it anyway, and
 * sending it there would tell a proxy-less deployment's users nothing true.
 */
export function securityHeaders(settings: Pick<HttpHeaderSettings, 'hstsMaxAgeSeconds'>): RequestHandler {
  const base = helmet({
    // set below as one exact string (API_CSP), replaced on the landing page only
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const hsts = `max-age=${settings.hstsMaxAgeSeconds}; includeSubDomains`;
  return (req: Request, res: Response, next: NextFunction) => {
    base(req, res, (err?: unknown) => {
      if (err) {
        next(err);
        return;
      }
      res.setHeader('Content-Security-Policy', API_CSP);
      if (req.secure) res.setHeader('Strict-Transport-Security', hsts);
      next();
    });
  };
}

/** Apollo's landing page puts `'nonce-…'` in its `<meta>` policy and on every inline tag. */
export function landingPageNonce(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="[^"]*'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(html)?.[1];
}

/**
 * Wrap the landing page plugin (security/introspection.ts `landingPagePlugin`) so that the page's
 * response carries landingPageCsp with the page's own nonce. A page without a nonce (a future Apollo
 * that renders differently) keeps the strict API_CSP: the page then stops working, visibly, rather
 * than the policy silently widening. A plugin without a landing page (disabled) is returned as is.
 */
export function withLandingPageCsp(plugin: ApolloServerPlugin): ApolloServerPlugin {
  return mapLandingPageHtml(plugin, (text) => {
    const nonce = landingPageNonce(text);
    // the request scope (http/request-context.ts) carries the response being written
    const res = currentRequestScope()?.response;
    if (nonce && res && !res.headersSent) res.setHeader('Content-Security-Policy', landingPageCsp(nonce));
    return text;
  });
}

/**
 * Wrap a landing page plugin so that `map` sees (and may change) the page's HTML each time it is
 * rendered. A plugin without a landing page (disabled) is returned as is.
 */
export function mapLandingPageHtml(plugin: ApolloServerPlugin, map: (html: string) => string): ApolloServerPlugin {
  const start = plugin.serverWillStart;
  if (!start) return plugin;
  return {
    ...plugin,
    async serverWillStart(service): Promise<GraphQLServerListener | void> {
      const listener = await start.call(plugin, service);
      const render = listener?.renderLandingPage;
      if (!listener || !render) return listener;
      return {
        ...listener,
        async renderLandingPage(): Promise<LandingPage> {
          const page = await render.call(listener);
          const html = page.html;
          return { ...page, html: async () => map(typeof html === 'string' ? html : await html()) };
        },
      };
    },
  };
}

// ------------------------------------------------------------------------------------------ 404

export const NOT_FOUND_MESSAGES: Messages = {
  id: 'Alamat atau metode ini tidak dilayani gateway. Gunakan POST atau GET /graphql, GET /health atau GET /ready.',
  en: 'The gateway does not serve this path or method. Use POST or GET /graphql, GET /health or GET /ready.',
};

/** The JSON 404 in the gateway's error shape; the path is not echoed. */
export function notFoundBody(requestId: string | undefined): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  return {
    errors: [
      {
        message: NOT_FOUND_MESSAGES.en,
        extensions: { code: 'NOT_FOUND', reason: 'NO_SUCH_ROUTE', messages: NOT_FOUND_MESSAGES, ...(requestId ? { requestId } : {}) },
      },
    ],
  };
}

/** Last handler before the error handlers: whatever no route answered (an unknown path, a wrong method). */
export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json(notFoundBody(req.requestId));
}

/**
 * `app.use('/graphql', …)` would also answer `/graphql/anything`: only the mount point itself (with
 * or without a trailing slash) is the endpoint; deeper paths get the 404. Mount before the endpoint.
 */
export function exactMountPath(mount: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    if (path === mount || path === `${mount}/` || !path.startsWith(`${mount}/`)) {
      next();
      return;
    }
    notFoundHandler(req, res);
  };
}
