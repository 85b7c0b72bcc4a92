/** Bearer JWTs: keys are generated with jose at run time; nothing secret is in the repository. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { ConfigError } from '../config/config';
import fc from 'fast-check';
import { CITY_CLAIM_MAX_LENGTH, createJwtVerifier, loadJwtSettings, principalFromClaims, readCityClaim, type CityClaimShape, type JwtSettings } from './jwt';
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
  return new SignJWT({ roles: ['OFFICER'], city: 'Kota Serang', ...claims })
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

  it('gives a TRAINER token its party_ids (the training providers), and no party ids to other roles', () => {
    const claims = { sub: 't1', roles: ['trainer'], party_ids: ['lpk-a', 'bad id'], name: 'Pelatih' };
    expect(principalFromClaims(claims, { rolesClaim: undefined, clientId: undefined })).toEqual({
      kind: 'jwt',
      roles: ['PUBLIC', 'TRAINER'],
      subject: 'jwt:t1',
      partyIds: ['lpk-a'],
      name: 'Pelatih',
    });
    expect(principalFromClaims({ ...claims, roles: ['analyst'] }, { rolesClaim: undefined, clientId: undefined })).not.toHaveProperty('partyIds');
  });

  it('reads a configured claim path, and a space-separated string', () => {
    expect(principalFromClaims({ sub: 'u2', app: { jembatan: 'CANDIDATE' }, candidate_id: 'c-9' }, { rolesClaim: 'app.jembatan', clientId: undefined })).toEqual({
      kind: 'jwt',
      roles: ['PUBLIC', 'CANDIDATE'],
      subject: 'jwt:u2',
      candidateId: 'c-9',
    });
    expect(principalFromClaims({ sub: 'u3', roles: 'officer analyst', city: 'Kota Serang' }, { rolesClaim: undefined, clientId: undefined }).roles).toEqual([
      'PUBLIC',
      'OFFICER',
      'ANALYST',
    ]);
  });

  it('gives a signed-in principal with no role only PUBLIC', () => {
    expect(principalFromClaims({ sub: 'u4' }, { rolesClaim: undefined, clientId: undefined }).roles).toEqual(['PUBLIC']);
  });
});

describe('the city claim fails closed (issue 8)', () => {
  const verify = (token: string) => createJwtVerifier(settings, { now: () => NOW }).verify(token);
  const LONGEST = 'K'.repeat(CITY_CLAIM_MAX_LENGTH);

  it.each<[string, unknown, CityClaimShape]>([
    ['an array with this city (Keycloak multivalued mapper)', ['Kota Serang'], 'array'],
    ['an array of two cities (aggregated attribute values)', ['Kota Serang', 'Kota Cilegon'], 'array'],
    ['an empty array', [], 'array'],
    ['a number (a region code)', 3673, 'number'],
    ['a boolean', true, 'boolean'],
    ['null', null, 'null'],
    ['an object', { name: 'Kota Serang' }, 'object'],
    ['an empty string', '', 'empty'],
    ['a blank string', '   ', 'empty'],
    ['an over-long string', `${LONGEST}K`, 'too-long'],
    ['an over-long string that starts with this city', `Kota Serang${' '.repeat(CITY_CLAIM_MAX_LENGTH)}x`, 'too-long'],
    ['a string with a NUL byte', 'Kota Serang\u0000', 'control-characters'],
    ['a string with a line break', 'Kota\nSerang', 'control-characters'],
    ['a string with a lone surrogate', 'Kota Serang\ud800', 'malformed-unicode'],
  ])('refuses a signed OFFICER token whose city is %s (CITY_CLAIM_INVALID)', async (_name, city, shape) => {
    const token = await sign(rsa, { city } as JWTPayload);
    const refusal = await verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({
      reason: 'CITY_CLAIM_INVALID',
      internalDetail: `city claim: ${shape}`,
      extensions: { code: 'UNAUTHENTICATED', details: { reason: 'CITY_CLAIM_INVALID' }, messages: { id: expect.stringContaining('city'), en: expect.stringContaining('city') } },
    });
    // nothing of the claim's value is echoed to the caller
    if (typeof city === 'string' && city.trim()) expect(JSON.stringify((refusal as AuthError).extensions)).not.toContain(city.trim());
  });

  it('refuses a signed OFFICER token without a city claim (CITY_CLAIM_MISSING): it never gets the deployment city', async () => {
    expect(await reasonOf(verify(await sign(rsa, { city: undefined })))).toBe('CITY_CLAIM_MISSING');
    // however the OFFICER role is spelled or wherever it sits
    expect(await reasonOf(verify(await sign(rsa, { city: undefined, roles: [], realm_access: { roles: ['Officer'] } })))).toBe('CITY_CLAIM_MISSING');
  });

  it('accepts one string of 1 to CITY_CLAIM_MAX_LENGTH characters, trimmed', async () => {
    await expect(verify(await sign(rsa, { city: '  Kota Serang ' }))).resolves.toMatchObject({ roles: ['PUBLIC', 'OFFICER'], city: 'Kota Serang' });
    await expect(verify(await sign(rsa, { city: LONGEST }))).resolves.toMatchObject({ city: LONGEST });
    // another city's officer is a valid token; whether it is this city's is decided per deployment (auth-checker.ts)
    await expect(verify(await sign(rsa, { city: 'Kota Cilegon' }))).resolves.toMatchObject({ roles: ['PUBLIC', 'OFFICER'], city: 'Kota Cilegon' });
  });

  it('ignores the claim of tokens without the OFFICER role, and never copies a malformed one', async () => {
    const analyst = await verify(await sign(rsa, { roles: ['analyst'], city: ['Kota Serang'] }));
    expect(analyst).toEqual({ kind: 'jwt', roles: ['PUBLIC', 'ANALYST'], subject: 'jwt:officer-1' });
    expect(await verify(await sign(rsa, { roles: ['analyst'], city: undefined }))).not.toHaveProperty('city');
  });

  it('property: an OFFICER token is accepted only with a string city claim, whatever else the claim is', async () => {
    const claims = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(claims, async (city) => {
        const outcome = await verify(await sign(rsa, { city } as JWTPayload)).then(
          (p) => ({ ok: true as const, city: p.city }),
          (e: unknown) => ({ ok: false as const, reason: (e as AuthError).reason }),
        );
        const usable = typeof city === 'string' && city.trim().length > 0 && city.trim().length <= CITY_CLAIM_MAX_LENGTH && readCityClaim({ city }).kind === 'valid';
        if (usable) expect(outcome).toEqual({ ok: true, city: (city as string).trim() });
        else expect(outcome).toEqual({ ok: false, reason: 'CITY_CLAIM_INVALID' });
      }),
      { numRuns: 60 },
    );
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
