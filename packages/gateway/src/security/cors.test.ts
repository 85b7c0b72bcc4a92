import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { ConfigError } from '../config/config';
import { allowedOrigins, APOLLO_SANDBOX_ORIGIN, buildCorsOptions, parseCorsOrigins } from './cors';

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

describe('CORS over HTTP', () => {
  let baseUrl: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = express();
    app.use('/graphql', cors(buildCorsOptions({ origins: ['https://portal.serangkota.go.id'] })), (_req, res) => {
      res.json({ data: {} });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(async () => close());

  const preflight = (origin: string) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('admits the Sandbox and configured origins, with the auth headers', async () => {
    for (const origin of [APOLLO_SANDBOX_ORIGIN, 'https://portal.serangkota.go.id']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('gives other origins no CORS headers (the browser refuses them)', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes the request id and rate-limit headers to allowed browsers', async () => {
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { origin: APOLLO_SANDBOX_ORIGIN } });
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id.*retry-after/);
  });
});
