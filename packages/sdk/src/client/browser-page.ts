/**
 * Whether the SDK runs in a browser page, and that page's origin: a `fetch` that fails there with a
 * `TypeError` is, more often than not, the browser refusing a cross-origin answer (CORS), which the
 * page's script cannot tell apart from a network failure. The NETWORK_ERROR message then says so.
 */

/** The page the SDK runs in. `origin` is `location.origin` (`http://localhost:5173`), when readable. */
export interface BrowserPage {
  readonly origin?: string;
  /** `location.href`, to resolve a relative gateway url. */
  readonly href?: string;
}

/**
 * The browser page of `scope` (default `globalThis`): `window` and `document` both exist. Node, Deno
 * without a DOM, and workers have no page: `undefined`. Tests pass their own scope.
 */
export function browserPage(scope: unknown = globalThis): BrowserPage | undefined {
  const g = scope as { window?: unknown; document?: unknown; location?: { origin?: unknown; href?: unknown } } | null;
  if (typeof g !== 'object' || g === null || typeof g.window === 'undefined' || typeof g.document === 'undefined') return undefined;
  let location: { origin?: unknown; href?: unknown } | undefined;
  try {
    location = g.location;
  } catch {
    location = undefined;
  }
  const origin = typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : undefined;
  const href = typeof location?.href === 'string' ? location.href : undefined;
  return { ...(origin ? { origin } : {}), ...(href ? { href } : {}) };
}

/** What browsers throw when fetch fails for CORS or the network: a `TypeError` ("Failed to fetch", "Load failed", "NetworkError ..."). */
export function isFetchTypeError(cause: unknown): boolean {
  return cause instanceof TypeError || (cause instanceof Error && cause.name === 'TypeError');
}

/**
 * The failure may be CORS: a browser page, a TypeError, and a gateway on another origin than the page
 * (a same-origin request is never refused by CORS). An origin that cannot be compared counts as other.
 */
export function mayBeCorsRefusal(page: BrowserPage | undefined, gatewayUrl: string, cause: unknown): boolean {
  if (page === undefined || !isFetchTypeError(cause)) return false;
  if (page.origin === undefined) return true;
  try {
    return new URL(gatewayUrl, page.href ?? page.origin).origin !== page.origin;
  } catch {
    return true;
  }
}
