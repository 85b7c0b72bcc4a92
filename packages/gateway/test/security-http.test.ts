/**
 * HTTP hygiene over real HTTP (issue 8): the security headers on every kind of response the gateway
 * sends (GraphQL, /health, /ready, 401, 404, 413, 400, 429, preflights, wrong methods), HSTS only
 * behind TLS, the JSON 404 for unknown paths and methods, and a landing page whose header policy
 * admits exactly what Apollo's Sandbox page loads.
 */
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t?.close();
});

const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers a city security review asks for, on any response. */
function expectSecurityHeaders(res: Response, csp: string | RegExp = API_CSP): void {
  const h = res.headers;
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('x-frame-options')).toBe('DENY');
  if (typeof csp === 'string') expect(h.get('content-security-policy')).toBe(csp);
  else expect(h.get('content-security-policy')).toMatch(csp);
  expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(h.get('referrer-policy')).toBe('no-referrer');
  expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(h.get('x-powered-by')).toBeNull();
}

async function expectJson404(res: Response, path?: string): Promise<void> {
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expectSecurityHeaders(res);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre|Cannot (GET|POST|PUT|DELETE)/i);
  if (path) expect(text).not.toContain(path);
  expect(JSON.parse(text)).toEqual({
    errors: [
      {
        message: expect.any(String),
        extensions: {
          code: 'NOT_FOUND',
          reason: 'NO_SUCH_ROUTE',
          messages: { id: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) },
          requestId: res.headers.get('x-request-id'),
        },
      },
    ],
  });
}

describe('security headers on every response', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each<[string, () => Promise<Response>, number]>([
    ['a GraphQL query (POST)', () => post(JSON.stringify({ query: '{ routes { code } }' })), 200],
    ['a GraphQL query (GET)', () => fetch(`${t.url}?query=${encodeURIComponent('{ routes { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } }), 200],
    ['a GraphQL error (validation)', () => post(JSON.stringify({ query: '{ nope }' })), 400],
    ['a GraphQL refusal (FORBIDDEN in a 200)', () => post(JSON.stringify({ query: '{ apiKeys { keyId } }' }), t.as('analyst').headers), 200],
    ['a refused credential (401)', () => post(JSON.stringify({ query: '{ routes { code } }' }), { authorization: `Bearer jmb_ffffffffffffffff_${'b'.repeat(43)}` }), 401],
    ['a malformed body (400)', () => post('{"query":'), 400],
    ['a body over the limit (413)', () => post(JSON.stringify({ query: `{ routes { code } } #${'x'.repeat(1_100_000)}` })), 413],
    ['a GET without a CSRF-safe header (Apollo CSRF prevention)', () => fetch(`${t.url}?query=${encodeURIComponent('{ routes { code } }')}`), 400],
    ['/health', () => fetch(`${t.baseUrl}/health`), 200],
    ['/ready', () => fetch(`${t.baseUrl}/ready`), 200],
    ['HEAD /health', () => fetch(`${t.baseUrl}/health`, { method: 'HEAD' }), 200],
    ['an unknown path', () => fetch(`${t.baseUrl}/admin`), 404],
    ['a wrong method on /health', () => fetch(`${t.baseUrl}/health`, { method: 'POST' }), 404],
    ['a path under /graphql', () => fetch(`${t.url}/extra`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 404],
    ['a wrong method on /graphql', () => fetch(t.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }), 405],
  ])('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res);
    expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
    if (res.status >= 400 && res.headers.get('content-type')) expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  });

  it.each([
    ['the Apollo Sandbox origin', 'https://studio.apollographql.com', true],
    ['another origin', 'https://evil.example', false],
  ])('a CORS preflight from %s', async (_name, origin, allowed) => {
    const res = await fetch(t.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    // an origin CORS does not admit gets 403 naming JEMBATAN_CORS_ORIGINS (JSON; security/cors.ts)
    expect(res.status).toBe(allowed ? 204 : 403);
    expectSecurityHeaders(res);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
  });

  it('a rate-limited request (429)', async () => {
    const limited = await startTestGateway({ securityEnv: { JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '1' } });
    try {
      const send = () => fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ routes { code } }' }) });
      await send();
      const res = await send();
      expect(res.status).toBe(429);
      expectSecurityHeaders(res);
    } finally {
      await limited.close();
    }
  });
});

describe('JSON 404', () => {
  it.each<[string, string, string]>([
    ['an unknown path', 'GET', '/wp-admin/setup.php'],
    ['the root', 'GET', '/'],
    ['an unknown path, POST', 'POST', '/api/v1/candidates'],
    ['a wrong method on /health', 'POST', '/health'],
    ['a wrong method on /ready', 'DELETE', '/ready'],
    ['a path under /graphql', 'GET', '/graphql/schema'],
    ['a path that looks like HTML injection', 'GET', '/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ])('%s (%s %s) gets NOT_FOUND in the gateway error shape', async (_name, method, path) => {
    const res = await fetch(`${t.baseUrl}${path}`, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
    // the path is not echoed (the message names the three real endpoints, so only other paths are checked)
    const known = ['/health', '/ready'].includes(path);
    await expectJson404(res, path.length > 1 && !known ? decodeURIComponent(path) : undefined);
  });

  it('keeps the caller’s request id', async () => {
    const res = await fetch(`${t.baseUrl}/nope`, { headers: { 'x-request-id': 'probe-404-1' } });
    expect(((await res.json()) as { errors: Array<{ extensions: { requestId: string } }> }).errors[0]!.extensions.requestId).toBe('probe-404-1');
  });

  it('a wrong method on /graphql is JSON too (Apollo: 405 with Allow)', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(t.url, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toMatch(/GET, POST/);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await res.text()).not.toMatch(/<html/i);
    }
  });
});

describe('HSTS only behind TLS', () => {
  const health = (url: string, headers: Record<string, string> = {}) => fetch(`${url}/health`, { headers });

  it('is never sent over plain HTTP, even when a caller claims https without a trusted proxy', async () => {
    expect((await health(t.baseUrl)).headers.get('strict-transport-security')).toBeNull();
    expect((await health(t.baseUrl, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBeNull();
  });

  it('is sent when a trusted proxy (JEMBATAN_TRUST_PROXY) says the request came over https', async () => {
    const proxied = await startTestGateway({ securityEnv: { JEMBATAN_TRUST_PROXY: 'loopback' } });
    try {
      const tls = await health(proxied.baseUrl, { 'x-forwarded-proto': 'https' });
      expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expectSecurityHeaders(tls);
      expect((await health(proxied.baseUrl, { 'x-forwarded-proto': 'http' })).headers.get('strict-transport-security')).toBeNull();
      const notFound = await fetch(`${proxied.baseUrl}/nope`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(notFound.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
  });

  it('refuses JEMBATAN_TRUST_PROXY=true (anybody could fake https and their address)', async () => {
    await expect(startTestGateway({ securityEnv: { JEMBATAN_TRUST_PROXY: 'true' } })).rejects.toThrow(/JEMBATAN_TRUST_PROXY/);
  });
});

// ------------------------------------------------------------------------------------------------
// The landing page: the header policy must admit what Apollo's page loads, and nothing more.

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const out: Policy = new Map();
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}

const FALLBACK: Record<string, string> = {
  'script-src-elem': 'script-src',
  'style-src-elem': 'style-src',
  'script-src': 'default-src',
  'style-src': 'default-src',
  'img-src': 'default-src',
  'font-src': 'default-src',
  'frame-src': 'child-src',
  'child-src': 'default-src',
  'connect-src': 'default-src',
  'manifest-src': 'default-src',
};

function sourcesFor(policy: Policy, directive: string): string[] | undefined {
  let d: string | undefined = directive;
  while (d) {
    const v = policy.get(d);
    if (v) return v;
    d = FALLBACK[d];
  }
  return undefined; // no directive and no default-src: allowed
}

/** CSP3 source matching, enough for these policies: 'self', nonces, scheme+host sources. */
function allows(policy: Policy, directive: string, what: { url?: string; nonce?: string }, self: string): boolean {
  const sources = sourcesFor(policy, directive);
  if (!sources) return true;
  if (sources.includes("'none'")) return false;
  if (what.nonce !== undefined) return sources.includes(`'nonce-${what.nonce}'`);
  const url = new URL(what.url!);
  return sources.some((s) => {
    if (s === "'self'") return url.origin === self;
    if (/^https?:\/\/[^/]+$/.test(s)) return url.origin === s;
    return false;
  });
}

describe('the Sandbox landing page (development, or JEMBATAN_SANDBOX=true)', () => {
  let sandbox: TestGateway;
  beforeAll(async () => {
    sandbox = await startTestGateway({ securityEnv: { JEMBATAN_SANDBOX: 'true' } });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('is served with a header policy that admits exactly what the page loads, under both policies', async () => {
    const res = await fetch(sandbox.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
    const header = res.headers.get('content-security-policy') ?? '';
    expectSecurityHeaders(res, /^default-src 'none'; script-src 'self' 'nonce-/);
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const meta = parsePolicy(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!);
    const policies = [parsePolicy(header), meta];
    const self = new URL(sandbox.url).origin;

    // a fresh nonce per page, the same in the header and the page
    const nonce = /'nonce-([^']+)'/.exec(header)![1]!;
    expect(html).toContain(`'nonce-${nonce}'`);
    const again = await fetch(sandbox.url, { headers: { accept: 'text/html' } });
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);

    const loads: Array<[string, { url?: string; nonce?: string }]> = [];
    for (const m of html.matchAll(/<script([^>]*)>/g)) {
      const attrs = m[1]!;
      const src = /src="([^"]+)"/.exec(attrs)?.[1];
      const n = /nonce="?([^"\s>]+)"?/.exec(attrs)?.[1];
      loads.push(['script-src', src ? { url: src } : { nonce: n ?? '' }]);
      if (src) expect(n).toBe(nonce); // external scripts carry the nonce too
    }
    for (const m of html.matchAll(/<style([^>]*)>/g)) loads.push(['style-src', { nonce: /nonce="?([^"\s>]+)"?/.exec(m[1]!)?.[1] ?? '' }]);
    for (const m of html.matchAll(/<link\s+([^>]*?)\/?>/gs)) {
      const rel = /rel="([^"]+)"/.exec(m[1]!)?.[1];
      const href = /href="\s*([^"\s]+)\s*"/.exec(m[1]!)?.[1];
      if (!href) continue;
      if (rel === 'stylesheet') loads.push(['style-src', { url: href }]);
      if (rel === 'icon' || rel === 'apple-touch-icon') loads.push(['img-src', { url: href }]);
      if (rel === 'manifest') loads.push(['manifest-src', { url: href }]);
    }
    // what the Sandbox script does once loaded: frames the Sandbox, sends operations to this page's URL
    loads.push(['frame-src', { url: 'https://sandbox.embed.apollographql.com/sandbox/explorer' }]);
    loads.push(['connect-src', { url: sandbox.url }]);
    loads.push(['font-src', { url: 'https://fonts.gstatic.com/s/sourcesanspro/v22/x.woff2' }]);
    expect(loads.filter(([d]) => d === 'script-src').length).toBeGreaterThanOrEqual(2);
    expect(loads.filter(([d]) => d === 'style-src').length).toBeGreaterThanOrEqual(3);
    for (const [directive, what] of loads) {
      for (const policy of policies) expect([directive, what, allows(policy, directive, what, self)]).toEqual([directive, what, true]);
    }

    // and nothing else: another script host, an inline script without the nonce, other frames and hosts
    const header0 = policies[0]!;
    expect(allows(header0, 'script-src', { url: 'https://evil.example/x.js' }, self)).toBe(false);
    expect(allows(header0, 'script-src', { nonce: 'guess' }, self)).toBe(false);
    expect(allows(header0, 'frame-src', { url: 'https://evil.example/' }, self)).toBe(false);
    expect(allows(header0, 'connect-src', { url: 'https://evil.example/collect' }, self)).toBe(false);
    expect(allows(header0, 'img-src', { url: 'https://evil.example/pixel.gif' }, self)).toBe(false);
    expect(header0.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('JSON answers of the same gateway keep the strict policy', async () => {
    const res = await sandbox.gql('{ routes { code } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(API_CSP);
  });

  it('without the Sandbox there is no landing page, and the strict policy', async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    expectSecurityHeaders(res);
    expect(await res.text()).not.toContain('embeddable-sandbox');
  });
});
