import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { ConfigError } from '../config/config';
import { createLogger } from '../config/logger';
import {
  allowedOrigins,
  APOLLO_SANDBOX_ORIGIN,
  corsMiddleware,
  corsRefusalMessages,
  CORS_REFUSED_REASON,
  isLoopbackDevOrigin,
  originPolicy,
  parseCorsOrigins,
  recentKeySet,
  type CorsSettings,
} from './cors';

describe('parseCorsOrigins', () => {
  it('reads a comma-separated list of exact origins', () => {
    expect(parseCorsOrigins(' https://portal.serangkota.go.id , http://localhost:5173/ ,https://portal.serangkota.go.id')).toEqual([
      'https://portal.serangkota.go.id',
      'http://localhost:5173',
    ]);
    expect(parseCorsOrigins(undefined)).toEqual([]);
  });
  it.each(['*', 'https://*.serangkota.go.id', 'portal.serangkota.go.id', 'https://x.go.id/path', 'ftp://x.go.id'])('refuses %s', (raw) => {
    expect(() => parseCorsOrigins(raw)).toThrow(ConfigError);
  });
  it('always includes the Apollo Sandbox unless turned off', () => {
    expect(allowedOrigins({ origins: ['https://a.go.id'] })).toEqual([APOLLO_SANDBOX_ORIGIN, 'https://a.go.id']);
    expect(allowedOrigins({ origins: [], allowApolloSandbox: false })).toEqual([]);
  });
});

describe('the origin policy', () => {
  it.each(['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:8080', 'http://localhost'])('%s is a loopback dev origin', (origin) => {
    expect(isLoopbackDevOrigin(origin)).toBe(true);
  });
  it.each([
    'https://localhost:5173', // https: only http dev servers
    'http://localhost.evil.com',
    'http://localhost.evil.com:5173',
    'http://evil-localhost:5173',
    'http://127.0.0.1.evil.com',
    'http://127.0.0.2:5173',
    'http://[::1]:5173',
    'http://localhost:5173/path',
    'http://user@localhost:5173',
    'http://LOCALHOST:5173', // browsers send lower case; anything else is not a browser's Origin
    'null',
    '',
  ])('%j is not', (origin) => {
    expect(isLoopbackDevOrigin(origin)).toBe(false);
  });

  it('development adds loopback origins on any port; production only what is listed', () => {
    const production = originPolicy({ origins: ['https://portal.serangkota.go.id'] });
    const development = originPolicy({ origins: ['https://portal.serangkota.go.id'], development: true });
    for (const allowed of [production, development]) {
      expect(allowed('https://portal.serangkota.go.id')).toBe(true);
      expect(allowed(APOLLO_SANDBOX_ORIGIN)).toBe(true);
      expect(allowed('https://evil.example')).toBe(false);
      expect(allowed('http://localhost.evil.com:5173')).toBe(false);
    }
    expect(production('http://localhost:5173')).toBe(false);
    expect(development('http://localhost:5173')).toBe(true);
    expect(development('http://127.0.0.1:3000')).toBe(true);
    // a listed loopback origin is allowed in production too
    expect(originPolicy({ origins: ['http://localhost:5173'] })('http://localhost:5173')).toBe(true);
    expect(originPolicy({ origins: ['http://localhost:5173'] })('http://localhost:5174')).toBe(false);
  });
});

describe('the refusal messages', () => {
  it('name the origin and JEMBATAN_CORS_ORIGINS in both languages', () => {
    const m = corsRefusalMessages('https://evil.example', false);
    for (const text of [m.id, m.en]) {
      expect(text).toContain('https://evil.example');
      expect(text).toContain('JEMBATAN_CORS_ORIGINS');
      expect(text).not.toContain('NODE_ENV');
    }
    expect(m.id).toMatch(/tidak diizinkan/);
    expect(m.en).toMatch(/not allowed/);
  });
  it('point a loopback dev server at development mode, only outside development', () => {
    expect(corsRefusalMessages('http://localhost:5173', false).en).toContain('NODE_ENV=development');
    expect(corsRefusalMessages('http://localhost:5173', false).id).toContain('NODE_ENV=development');
    expect(corsRefusalMessages('http://192.168.1.20:5173', true).en).not.toContain('NODE_ENV');
  });
});

describe('recentKeySet', () => {
  it('is true once per key and stays within its limit, forgetting the oldest', () => {
    const set = recentKeySet(3);
    expect([set.add('a'), set.add('a'), set.add('b'), set.add('c')]).toEqual([true, false, true, true]);
    expect(set.add('d')).toBe(true); // forgets a
    expect(set.size).toBe(3);
    expect(set.add('b')).toBe(false);
    expect(set.add('a')).toBe(true);
    for (let i = 0; i < 1000; i += 1) set.add(`https://o${i}.example`);
    expect(set.size).toBe(3);
  });
});

/** An express app with only the CORS middleware in front of a handler that answers `{ data: {} }`. */
async function serve(settings: CorsSettings): Promise<{ baseUrl: string; logs: Array<Record<string, unknown>>; close: () => Promise<void> }> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = express();
  let handled = 0;
  app.use('/graphql', corsMiddleware(settings, createLogger('info', sink)), (_req, res) => {
    handled += 1;
    res.json({ data: {}, handled });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('CORS over HTTP', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve({ origins: ['https://portal.serangkota.go.id'] });
  });
  afterAll(async () => s.close());

  const preflight = (origin: string) =>
    fetch(`${s.baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('admits the Sandbox and configured origins, with the auth headers', async () => {
    for (const origin of [APOLLO_SANDBOX_ORIGIN, 'https://portal.serangkota.go.id']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('refuses other origins with 403 naming JEMBATAN_CORS_ORIGINS, without CORS headers', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.message).toContain('JEMBATAN_CORS_ORIGINS');
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: CORS_REFUSED_REASON, origin: 'https://evil.example', setting: 'JEMBATAN_CORS_ORIGINS' },
      messages: { id: expect.stringContaining('JEMBATAN_CORS_ORIGINS'), en: expect.stringContaining('JEMBATAN_CORS_ORIGINS') },
    });
    const post = await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(JSON.stringify(await post.json())).not.toContain('handled');
  });

  it('lets requests without an Origin (servers, curl) and same-origin pages through', async () => {
    expect((await fetch(`${s.baseUrl}/graphql`, { method: 'POST' })).status).toBe(200);
    // the gateway's own origin (the embedded Sandbox landing page)
    expect((await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin: s.baseUrl } })).status).toBe(200);
    // the browser's own word that the page is same-origin (a proxy in front changed the Host)
    const behindProxy = await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin: 'https://jembatan.serangkota.go.id', 'sec-fetch-site': 'same-origin' } });
    expect(behindProxy.status).toBe(200);
    expect((await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('exposes the request id and rate-limit headers to allowed browsers', async () => {
    const res = await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin: APOLLO_SANDBOX_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id.*retry-after/);
  });

  it('warns once per refused origin, not once per request', async () => {
    const origin = 'https://once.example';
    for (let i = 0; i < 5; i += 1) expect((await preflight(origin)).status).toBe(403);
    expect((await preflight('https://twice.example')).status).toBe(403);
    const warnings = s.logs.filter((l) => l.level === 'warn' && String(l.msg).includes('JEMBATAN_CORS_ORIGINS'));
    expect(warnings.filter((l) => l.origin === origin)).toHaveLength(1);
    expect(warnings.filter((l) => l.origin === 'https://twice.example')).toHaveLength(1);
  });

  it('cuts an over-long origin short in the answer and the log', async () => {
    const long = `https://${'a'.repeat(500)}.example`;
    const res = await preflight(long);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: Array<{ extensions: { details: { origin: string } } }> };
    expect(body.errors[0]?.extensions.details.origin.length).toBe(200);
  });
});

describe('CORS over HTTP in development', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve({ origins: [], development: true });
  });
  afterAll(async () => s.close());

  it.each(['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:4173'])('admits the dev server %s', async (origin) => {
    const pre = await fetch(`${s.baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    const post = await fetch(`${s.baseUrl}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it.each(['http://localhost.evil.com:5173', 'https://localhost:5173', 'https://evil.example'])('still refuses %s', async (origin) => {
    const pre = await fetch(`${s.baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
