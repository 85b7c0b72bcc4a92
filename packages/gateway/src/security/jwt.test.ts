/** Bearer JWTs: keys are generated with jose at run time; nothing secret is in the repository. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { ConfigError } from '../config/config';
import { createJwtVerifier, loadJwtSettings, principalFromClaims, type JwtSettings } from './jwt';
import { AuthError } from './security-error';

const ISSUER = 'https://sso.serangkota.go.id/realms/jembatan';
const AUDIENCE = 'jembatan-gateway';
const NOW = new Date('2026-06-01T10:00:00Z');
const nowSec = Math.floor(NOW.getTime() / 1000);

interface TestKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  readonly jwk: JWK;
}

async function makeKey(kid: string, alg: 'RS256' | 'ES256' | 'EdDSA' = 'RS256'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwk };
}

function sign(key: TestKey, claims: JWTPayload = {}, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ roles: ['OFFICER'], ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .setIssuer((claims.iss as string | undefined) ?? ISSUER)
    .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
    .setSubject((claims.sub as string | undefined) ?? 'officer-1')
    .setIssuedAt(nowSec - 60)
    .setExpirationTime((claims.exp as number | undefined) ?? nowSec + 300)
    .sign(key.privateKey);
}

let rsa: TestKey;
let ec: TestKey;
let stranger: TestKey;
let settings: JwtSettings;

beforeAll(async () => {
  rsa = await makeKey('rsa-1');
  ec = await makeKey('ec-1', 'ES256');
  stranger = await makeKey('rsa-1'); // same kid, different key: a forged signature
  settings = loadJwtSettings({
    JEMBATAN_JWT_ISSUER: ISSUER,
    JEMBATAN_JWT_AUDIENCE: `${AUDIENCE}, other-audience`,
    JEMBATAN_JWKS_JSON: JSON.stringify({ keys: [rsa.jwk, ec.jwk] }),
  }) as JwtSettings;
});

async function reasonOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(AuthError);
    expect((e as AuthError).extensions.code).toBe('UNAUTHENTICATED');
    return (e as AuthError).reason;
  }
}

describe('JWT verification against an inline JWKS', () => {
  const verify = (token: string, at: Date = NOW) => createJwtVerifier(settings, { now: () => at }).verify(token);

  it('accepts a valid token (RS256 and ES256) and maps its claims', async () => {
    await expect(verify(await sign(rsa, { name: 'Siti Officer', city: 'Kota Serang' }))).resolves.toEqual({
      kind: 'jwt',
      roles: ['PUBLIC', 'OFFICER'],
      subject: 'jwt:officer-1',
      city: 'Kota Serang',
      name: 'Siti Officer',
    });
    await expect(verify(await sign(ec, { roles: ['ANALYST'] }))).resolves.toMatchObject({ roles: ['PUBLIC', 'ANALYST'] });
  });

  it('accepts any configured audience', async () => {
    await expect(verify(await sign(rsa, { aud: 'other-audience' }))).resolves.toMatchObject({ kind: 'jwt' });
  });

  it('refuses an expired token beyond the clock tolerance, accepts one within it', async () => {
    const token = await sign(rsa, { exp: nowSec - 10 });
    await expect(verify(token)).resolves.toMatchObject({ kind: 'jwt' }); // 10 s late < 30 s tolerance
    expect(await reasonOf(verify(token, new Date(NOW.getTime() + 60_000)))).toBe('CREDENTIAL_EXPIRED');
  });

  it('refuses a token not yet valid (nbf) beyond the tolerance', async () => {
    const token = await sign(rsa, { nbf: nowSec + 3600 });
    expect(await reasonOf(verify(token))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses a wrong signature (a different key under a known kid)', async () => {
    expect(await reasonOf(verify(await sign(stranger)))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses a tampered payload', async () => {
    const [h, , s] = (await sign(rsa)).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE, exp: nowSec + 60 })).toString('base64url');
    expect(await reasonOf(verify(`${h}.${payload}.${s}`))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    expect(await reasonOf(verify(await sign(rsa, { iss: 'https://evil.example/realms/jembatan' })))).toBe('CREDENTIAL_INVALID');
    expect(await reasonOf(verify(await sign(rsa, { aud: 'another-api' })))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses an unknown kid', async () => {
    const other = await makeKey('unknown-kid');
    expect(await reasonOf(verify(await sign(other)))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses alg "none" and HS256 (symmetric) tokens', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'x', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE, exp: nowSec + 60 }),
    ).toString('base64url')}.`;
    expect(await reasonOf(verify(unsigned))).toBe('CREDENTIAL_MALFORMED');
    const hs = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime(nowSec + 60)
      .sign(new TextEncoder().encode('a-shared-secret-that-must-never-be-accepted'));
    expect(await reasonOf(verify(hs))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses a token without sub or without exp', async () => {
    const noSub = await new SignJWT({ roles: ['OFFICER'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(nowSec + 60)
      .sign(rsa.privateKey);
    expect(await reasonOf(verify(noSub))).toBe('CREDENTIAL_INVALID');
    const noExp = await new SignJWT({ roles: ['OFFICER'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .sign(rsa.privateKey);
    expect(await reasonOf(verify(noExp))).toBe('CREDENTIAL_INVALID');
  });

  it('refuses garbage without calling jose', async () => {
    expect(await reasonOf(verify('not a jwt'))).toBe('CREDENTIAL_MALFORMED');
    expect(await reasonOf(verify('a.b'))).toBe('CREDENTIAL_MALFORMED');
  });
});

describe('JWT verification against a PEM public key and a remote JWKS', () => {
  it('verifies with JEMBATAN_JWT_PUBLIC_KEY (alg taken from the key)', async () => {
    const pem = (await exportSPKI(ec.publicKey)).replace(/\n/g, '\\n'); // as an env var would carry it
    const s = loadJwtSettings({ JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWT_PUBLIC_KEY: pem }) as JwtSettings;
    const verifier = createJwtVerifier(s, { now: () => NOW });
    await expect(verifier.verify(await sign(ec))).resolves.toMatchObject({ subject: 'jwt:officer-1' });
    expect(await reasonOf(verifier.verify(await sign(rsa)))).toBe('CREDENTIAL_INVALID'); // RS256 not allowed for an EC key
  });

  describe('remote JWKS', () => {
    let server: Server;
    let requests = 0;
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        requests += 1;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [rsa.jwk] }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/jembatan/protocol/openid-connect/certs`;
    });
    afterAll(async () => {
      await new Promise<void>((r) => server.close(() => r()));
    });

    it('fetches the JWKS once and verifies tokens with it', async () => {
      const s = loadJwtSettings({ JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_URL: url }) as JwtSettings;
      const verifier = createJwtVerifier(s, { now: () => NOW });
      await expect(verifier.verify(await sign(rsa))).resolves.toMatchObject({ kind: 'jwt' });
      await expect(verifier.verify(await sign(rsa, { sub: 'officer-2' }))).resolves.toMatchObject({ subject: 'jwt:officer-2' });
      expect(requests).toBe(1);
      expect(await reasonOf(verifier.verify(await sign(stranger)))).toBe('CREDENTIAL_INVALID');
    });

    it('refuses (never lets through) when the JWKS cannot be fetched', async () => {
      const s = loadJwtSettings({
        JEMBATAN_JWT_ISSUER: ISSUER,
        JEMBATAN_JWT_AUDIENCE: AUDIENCE,
        JEMBATAN_JWKS_URL: 'http://127.0.0.1:1/certs',
      }) as JwtSettings;
      const reason = await reasonOf(createJwtVerifier(s, { now: () => NOW }).verify(await sign(rsa)));
      expect(reason).toBe('AUTH_UNAVAILABLE');
    });
  });
});

describe('principalFromClaims', () => {
  it('reads Keycloak realm roles and client roles, ignoring roles that are not ours', () => {
    const p = principalFromClaims(
      {
        sub: 'u1',
        realm_access: { roles: ['offline_access', 'partner'] },
        resource_access: { 'jembatan-gateway': { roles: ['analyst'] } },
        party_ids: ['p3mi-a', 'not valid!'],
        preferred_username: 'andi',
      },
      { rolesClaim: undefined, clientId: 'jembatan-gateway' },
    );
    expect(p).toEqual({ kind: 'jwt', roles: ['PUBLIC', 'PARTNER', 'ANALYST'], subject: 'jwt:u1', partyIds: ['p3mi-a'], name: 'andi' });
  });

  it('reads a configured claim path, and a space-separated string', () => {
    expect(principalFromClaims({ sub: 'u2', app: { jembatan: 'CANDIDATE' }, candidate_id: 'c-9' }, { rolesClaim: 'app.jembatan', clientId: undefined })).toEqual({
      kind: 'jwt',
      roles: ['PUBLIC', 'CANDIDATE'],
      subject: 'jwt:u2',
      candidateId: 'c-9',
    });
    expect(principalFromClaims({ sub: 'u3', roles: 'officer analyst' }, { rolesClaim: undefined, clientId: undefined }).roles).toEqual([
      'PUBLIC',
      'OFFICER',
      'ANALYST',
    ]);
  });

  it('gives a signed-in principal with no role only PUBLIC', () => {
    expect(principalFromClaims({ sub: 'u4' }, { rolesClaim: undefined, clientId: undefined }).roles).toEqual(['PUBLIC']);
  });
});

describe('loadJwtSettings', () => {
  const jwks = () => JSON.stringify({ keys: [rsa.jwk] });
  it('is off without a key source', () => {
    expect(loadJwtSettings({})).toBeUndefined();
  });
  it.each([
    ['issuer without key', { JEMBATAN_JWT_ISSUER: ISSUER }],
    ['key without issuer', { JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: '{"keys":[]}' }],
    ['key without audience', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWKS_JSON: '{"keys":[]}' }],
    ['two key sources', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: '{"keys":[]}', JEMBATAN_JWKS_URL: 'https://x/certs' }],
    ['plain http JWKS URL', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_URL: 'http://sso.example/certs' }],
    ['JWKS that is not JSON', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: '{keys' }],
    ['a private key in the JWKS', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: '{"keys":[{"kty":"RSA","n":"x","e":"AQAB","d":"secret"}]}' }],
    ['a symmetric key in the JWKS', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}' }],
    ['a non-PEM public key', { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWT_PUBLIC_KEY: 'abc' }],
  ])('refuses %s', (_name, env) => {
    expect(() => loadJwtSettings(env)).toThrow(ConfigError);
  });
  it('refuses HS256 or none in the algorithm list, and a silly clock tolerance', () => {
    const base = { JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: jwks() };
    expect(() => loadJwtSettings({ ...base, JEMBATAN_JWT_ALGORITHMS: 'RS256,HS256' })).toThrow(ConfigError);
    expect(() => loadJwtSettings({ ...base, JEMBATAN_JWT_ALGORITHMS: 'none' })).toThrow(ConfigError);
    expect(() => loadJwtSettings({ ...base, JEMBATAN_JWT_CLOCK_TOLERANCE: '3600' })).toThrow(ConfigError);
    expect(loadJwtSettings({ ...base, JEMBATAN_JWT_CLOCK_TOLERANCE: '5' })?.clockToleranceSeconds).toBe(5);
  });
  it('never echoes the configured key material in its errors', () => {
    const secretish = '{"keys":[{"kty":"RSA","n":"SENTINEL-N","e":"AQAB","d":"SENTINEL-D"}]}';
    try {
      loadJwtSettings({ JEMBATAN_JWT_ISSUER: ISSUER, JEMBATAN_JWT_AUDIENCE: AUDIENCE, JEMBATAN_JWKS_JSON: secretish });
    } catch (e) {
      expect((e as Error).message).not.toContain('SENTINEL');
    }
  });
});
