import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { authenticationMiddleware, createAuthenticator, extractCredential, type HeaderBag } from './authenticate';
import { createJwtVerifier, loadJwtSettings, type JwtSettings } from './jwt';
import { ANONYMOUS, type Principal } from './role';
import { AuthError } from './security-error';

const KEY = `jmb_0123456789abcdef_${'a'.repeat(43)}`;
const officerKey: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'OFFICER'], subject: 'apiKey:0123456789abcdef', keyId: '0123456789abcdef' };

/** A stand-in for the database-backed verifier (that one is tested against PostgreSQL in api-key.store.test.ts). */
async function fakeVerifyApiKey(token: string): Promise<Principal> {
  if (token === KEY) return officerKey;
  throw new AuthError('CREDENTIAL_INVALID', 'unknown');
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as AuthError).reason;
  }
}

describe('extractCredential', () => {
  it.each<[string, HeaderBag, string]>([
    ['no headers', {}, 'none'],
    ['empty authorization', { authorization: '  ' }, 'none'],
    ['bearer API key', { authorization: `Bearer ${KEY}` }, 'apiKey'],
    ['ApiKey scheme', { authorization: `ApiKey ${KEY}` }, 'apiKey'],
    ['x-api-key', { 'x-api-key': KEY }, 'apiKey'],
    ['bearer JWT', { authorization: 'Bearer aaa.bbb.ccc' }, 'bearer'],
    ['scheme in lower case', { authorization: `bearer ${KEY}` }, 'apiKey'],
  ])('%s', (_name, headers, kind) => {
    expect(extractCredential(headers).kind).toBe(kind);
  });

  it.each<[string, HeaderBag]>([
    ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['scheme without token', { authorization: 'Bearer' }],
    ['extra parts', { authorization: 'Bearer a b' }],
    ['two credentials', { authorization: 'Bearer aaa.bbb.ccc', 'x-api-key': KEY }],
    ['repeated x-api-key header', { 'x-api-key': [KEY, KEY] }],
  ])('refuses %s as malformed', (_name, headers) => {
    expect(reasonOf(() => extractCredential(headers))).toBe('CREDENTIAL_MALFORMED');
  });
});

describe('createAuthenticator', () => {
  let settings: JwtSettings;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    settings = loadJwtSettings({
      JEMBATAN_JWT_ISSUER: 'https://idp.test',
      JEMBATAN_JWT_AUDIENCE: 'jembatan',
      JEMBATAN_JWKS_JSON: JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] }),
    }) as JwtSettings;
  });
  const token = (roles: string[], exp = Math.floor(Date.now() / 1000) + 300, claims: Record<string, unknown> = {}) =>
    new SignJWT({ roles, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://idp.test')
      .setAudience('jembatan')
      .setSubject('staff-7')
      .setExpirationTime(exp)
      .sign(privateKey);

  it('no credentials → the anonymous PUBLIC principal', async () => {
    const auth = createAuthenticator({ verifyApiKey: fakeVerifyApiKey });
    await expect(auth.authenticate({})).resolves.toBe(ANONYMOUS);
  });

  it('an API key → its principal, with the deployment city for officers', async () => {
    const auth = createAuthenticator({ verifyApiKey: fakeVerifyApiKey, defaultCity: 'Kota Serang' });
    await expect(auth.authenticate({ 'x-api-key': KEY })).resolves.toEqual({ ...officerKey, city: 'Kota Serang' });
  });

  it('a bad API key is refused, never downgraded to PUBLIC', async () => {
    const auth = createAuthenticator({ verifyApiKey: fakeVerifyApiKey });
    await expect(auth.authenticate({ authorization: `Bearer jmb_ffffffffffffffff_${'b'.repeat(43)}` })).rejects.toMatchObject({
      reason: 'CREDENTIAL_INVALID',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('a JWT when no JWKS is configured is refused with AUTH_NOT_CONFIGURED', async () => {
    const auth = createAuthenticator({ verifyApiKey: fakeVerifyApiKey });
    await expect(auth.authenticate({ authorization: `Bearer ${await token(['ADMIN'])}` })).rejects.toMatchObject({ reason: 'AUTH_NOT_CONFIGURED' });
  });

  it('a valid JWT → its principal; an expired one → CREDENTIAL_EXPIRED', async () => {
    const auth = createAuthenticator({ verifyApiKey: fakeVerifyApiKey, jwt: createJwtVerifier(settings), defaultCity: 'Kota Serang' });
    const inFuture = Math.floor(Date.now() / 1000) + 300;
    await expect(auth.authenticate({ authorization: `Bearer ${await token(['officer'], inFuture, { city: 'Kota Serang' })}` })).resolves.toEqual({
      kind: 'jwt',
      roles: ['PUBLIC', 'OFFICER'],
      subject: 'jwt:staff-7',
      city: 'Kota Serang',
    });
    // the deployment's city is for API keys only: an OFFICER token without a city claim is refused
    await expect(auth.authenticate({ authorization: `Bearer ${await token(['officer'])}` })).rejects.toMatchObject({
      reason: 'CITY_CLAIM_MISSING',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const expired = await token(['ADMIN'], Math.floor(Date.now() / 1000) - 3600);
    await expect(auth.authenticate({ authorization: `Bearer ${expired}` })).rejects.toMatchObject({ reason: 'CREDENTIAL_EXPIRED' });
  });
});

describe('authenticationMiddleware over HTTP', () => {
  let baseUrl: string;
  let close: () => Promise<void>;
  const warnings: unknown[] = [];
  beforeAll(async () => {
    const app = express();
    const log = { warn: (obj: unknown) => warnings.push(obj) } as never;
    app.use(authenticationMiddleware(createAuthenticator({ verifyApiKey: fakeVerifyApiKey }), log));
    app.get('/who', (req, res) => {
      res.json(req.principal);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(async () => close());

  it('passes the principal on', async () => {
    expect(await (await fetch(`${baseUrl}/who`)).json()).toEqual(ANONYMOUS);
    expect(await (await fetch(`${baseUrl}/who`, { headers: { 'x-api-key': KEY } })).json()).toEqual(officerKey);
  });

  it('answers 401 in the GraphQL error shape, without echoing the credential', async () => {
    const bad = `jmb_ffffffffffffffff_${'z'.repeat(43)}`;
    const res = await fetch(`${baseUrl}/who`, { headers: { authorization: `Bearer ${bad}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="jembatan", error="invalid_token"/);
    const text = await res.text();
    expect(text).not.toContain('zzzz');
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', details: { reason: 'CREDENTIAL_INVALID' }, messages: { id: expect.any(String), en: expect.any(String) } } }],
    });
    expect(JSON.stringify(warnings)).not.toContain('zzzz');
  });
});
