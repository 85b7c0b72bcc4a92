import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ConfigError } from '../config/config';
import { API_CSP, DEFAULT_HSTS_MAX_AGE_SECONDS, landingPageCsp, landingPageNonce, loadHttpHeaderSettings, parseTrustProxy, withLandingPageCsp } from './http-headers';

describe('JEMBATAN_TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, fd00::/8, 192.168.1.7', ['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']],
    ['UniqueLocal', ['uniquelocal']],
  ])('%p → %p', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });

  it.each(['true', '*', '11', '10.0.0.0/33', 'fd00::/129', 'example.com', '10.0.0.1/8/1', 'loopback,,nonsense', '-1'])('refuses %p', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(ConfigError);
  });
});

describe('JEMBATAN_HSTS_MAX_AGE', () => {
  it('defaults to one year and accepts 0 (withdraw) up to two years', () => {
    expect(loadHttpHeaderSettings({}).hstsMaxAgeSeconds).toBe(DEFAULT_HSTS_MAX_AGE_SECONDS);
    expect(DEFAULT_HSTS_MAX_AGE_SECONDS).toBe(365 * 24 * 3600);
    expect(loadHttpHeaderSettings({ JEMBATAN_HSTS_MAX_AGE: '0' }).hstsMaxAgeSeconds).toBe(0);
    expect(loadHttpHeaderSettings({ JEMBATAN_HSTS_MAX_AGE: '63072000' }).hstsMaxAgeSeconds).toBe(63_072_000);
  });
  it.each(['-1', '1.5', 'year', '63072001'])('refuses %p', (raw) => {
    expect(() => loadHttpHeaderSettings({ JEMBATAN_HSTS_MAX_AGE: raw })).toThrow(ConfigError);
  });
});

describe('content security policies', () => {
  it('the API policy loads nothing and may be framed by nobody', () => {
    expect(API_CSP).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it('the landing page policy carries the page nonce and no unsafe source', () => {
    const csp = landingPageCsp('abc123abc123abc123');
    expect(csp).toContain("script-src 'self' 'nonce-abc123abc123abc123' https://apollo-server-landing-page.cdn.apollographql.com");
    expect(csp).toContain("style-src 'nonce-abc123abc123abc123' ");
    expect(csp).toContain('frame-src https://sandbox.embed.apollographql.com https://explorer.embed.apollographql.com');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-|\*|http:/);
  });

  it('reads the nonce of the page only from its CSP meta tag', () => {
    expect(landingPageNonce(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-${'f'.repeat(64)}' https://x" />`)).toBe('f'.repeat(64));
    expect(landingPageNonce(`<script nonce="${'f'.repeat(64)}"></script>`)).toBeUndefined();
    expect(landingPageNonce(`<meta http-equiv="Content-Security-Policy" content="script-src 'nonce-short'" />`)).toBeUndefined();
  });

  it('leaves a disabled landing page plugin untouched', () => {
    const disabled = ApolloServerPluginLandingPageDisabled();
    expect(withLandingPageCsp(disabled)).toBe(disabled);
  });
});
