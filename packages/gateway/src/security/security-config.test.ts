import { ConfigError } from '../config/config';
import { DEFAULT_ABUSE_LIMITS } from './armor';
import { DEFAULT_CONCURRENCY_LIMITS } from './concurrency-limit';
import { loadSecurityConfig } from './security-config';

describe('loadSecurityConfig', () => {
  it('has safe defaults', () => {
    expect(loadSecurityConfig({})).toEqual({
      development: false,
      city: 'Kota Serang',
      corsOrigins: [],
      sandboxInProduction: false,
      explorer: true,
      rateLimits: { anonymous: { capacity: 60, windowMs: 60_000 }, authenticated: { capacity: 600, windowMs: 60_000 } },
      queryTimeoutMs: 10_000,
      concurrencyLimits: DEFAULT_CONCURRENCY_LIMITS,
      limitStore: { kind: 'postgres', leaseMs: 10_000, timeoutMs: 1_000 },
      abuseLimits: DEFAULT_ABUSE_LIMITS,
      jwt: undefined,
      httpHeaders: { trustProxy: false, hstsMaxAgeSeconds: 31_536_000 },
    });
  });
  it('reads the proxy and HSTS settings, and refuses to trust every proxy', () => {
    expect(loadSecurityConfig({ JEMBATAN_TRUST_PROXY: '1', JEMBATAN_HSTS_MAX_AGE: '86400' }).httpHeaders).toEqual({ trustProxy: 1, hstsMaxAgeSeconds: 86_400 });
    expect(() => loadSecurityConfig({ JEMBATAN_TRUST_PROXY: 'true' })).toThrow(ConfigError);
  });
  it('reads overrides', () => {
    const c = loadSecurityConfig({
      NODE_ENV: 'development',
      JEMBATAN_CITY: 'Kota Cilegon',
      JEMBATAN_CORS_ORIGINS: 'https://a.go.id',
      JEMBATAN_SANDBOX: 'yes',
      JEMBATAN_RATE_LIMIT_PER_MINUTE: '1200',
      JEMBATAN_MAX_DEPTH: '15',
      JEMBATAN_QUERY_TIMEOUT_MS: '3000',
      JEMBATAN_MAX_IN_FLIGHT_PER_KEY: '8',
      JEMBATAN_MAX_IN_FLIGHT_ANON: '2',
    });
    expect(c).toMatchObject({
      development: true,
      city: 'Kota Cilegon',
      corsOrigins: ['https://a.go.id'],
      sandboxInProduction: true,
      queryTimeoutMs: 3000,
      abuseLimits: { ...DEFAULT_ABUSE_LIMITS, maxDepth: 15 },
    });
    expect(c.rateLimits.authenticated.capacity).toBe(1200);
    expect(c.concurrencyLimits).toEqual({ perPrincipal: 8, perAnonymousAddress: 2 });
  });
  it('serves the explorer unless JEMBATAN_EXPLORER is false', () => {
    expect(loadSecurityConfig({ JEMBATAN_EXPLORER: 'false' }).explorer).toBe(false);
    expect(loadSecurityConfig({ JEMBATAN_EXPLORER: 'on' }).explorer).toBe(true);
  });
  it('reads the limit store settings', () => {
    expect(loadSecurityConfig({ JEMBATAN_LIMIT_STORE: 'Memory', JEMBATAN_LIMIT_LEASE_MS: '3000', JEMBATAN_LIMIT_STORE_TIMEOUT_MS: '250' }).limitStore).toEqual({
      kind: 'memory',
      leaseMs: 3000,
      timeoutMs: 250,
    });
  });
  it.each([
    ['JEMBATAN_MAX_DEPTH', '0'],
    ['JEMBATAN_MAX_DEPTH', 'deep'],
    ['JEMBATAN_RATE_LIMIT_PER_MINUTE', '-5'],
    ['JEMBATAN_SANDBOX', 'maybe'],
    ['JEMBATAN_EXPLORER', 'maybe'],
    ['JEMBATAN_CORS_ORIGINS', '*'],
    ['JEMBATAN_QUERY_TIMEOUT_MS', '99999999'],
    ['JEMBATAN_MAX_IN_FLIGHT_PER_KEY', '0'],
    ['JEMBATAN_MAX_IN_FLIGHT_ANON', 'many'],
    ['JEMBATAN_LIMIT_STORE', 'redis'],
    ['JEMBATAN_LIMIT_LEASE_MS', '500'],
    ['JEMBATAN_LIMIT_STORE_TIMEOUT_MS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadSecurityConfig({ [name]: value })).toThrow(ConfigError);
  });
});
