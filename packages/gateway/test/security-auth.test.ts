/**
 * Credentials over real HTTP (issue 5): API keys (revoked, expired, unknown, malformed: refused with
 * 401 UNAUTHENTICATED, never treated as PUBLIC) and staff bearer JWTs verified against a JWKS
 * (expired, wrongly signed, wrong audience: refused). Keys are generated at test time; nothing secret
 * is in the repository, and no credential reaches the logs.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { startTestGateway, type GraphqlResponse, type TestGateway } from './harness';

const ISSUER = 'https://sso.serangkota.go.id/realms/jembatan';
const AUDIENCE = 'jembatan-gateway';

interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const nowSec = (): number => Math.floor(Date.now() / 1000);

function sign(key: TestKey, claims: JWTPayload = {}, options: { expiresIn?: number; kid?: string } = {}): Promise<string> {
  return new SignJWT({ roles: ['officer'], city: 'Kota Serang', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer((claims.iss as string | undefined) ?? ISSUER)
    .setAudience((claims.aud as string | undefined) ?? AUDIENCE)
    .setSubject((claims.sub as string | undefined) ?? 'pegawai-42')
    .setIssuedAt(nowSec() - 60)
    .setExpirationTime(nowSec() + (options.expiresIn ?? 300))
    .sign(key.privateKey);
}

let t: TestGateway;
let idp: TestKey;
let impostor: TestKey;

beforeAll(async () => {
  idp = await makeKey('idp-2026');
  impostor = await makeKey('idp-2026'); // same kid, another private key
  t = await startTestGateway({
    securityEnv: {
      JEMBATAN_JWKS_JSON: JSON.stringify({ keys: [idp.jwk] }),
      JEMBATAN_JWT_ISSUER: ISSUER,
      JEMBATAN_JWT_AUDIENCE: AUDIENCE,
    },
  });
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const PUBLIC_QUERY = '{ routes { code } }';
const CREATE = 'mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }';

function expectRefused(res: GraphqlResponse, reason: string): void {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="jembatan", error="invalid_token"/);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toEqual([
    {
      message: expect.any(String),
      extensions: { code: 'UNAUTHENTICATED', messages: { id: expect.any(String), en: expect.any(String) }, details: { reason }, requestId: expect.any(String) },
    },
  ]);
}

describe('API keys', () => {
  it('a revoked key is refused from the next request on, exactly like an unknown key', async () => {
    const { token, keyId } = await t.createKey({ roles: ['PARTNER'], partyIds: ['8d3c1f5e-0000-4000-8000-000000000001'], name: 'PT Dicabut' });
    expect((await t.gql(PUBLIC_QUERY, undefined, bearer(token))).status).toBe(200);
    const revoked = await t.as('admin').gql('mutation($k: String!) { revokeApiKey(keyId: $k) { keyId revokedAt } }', { k: keyId });
    expect(revoked.body.data?.revokeApiKey).toEqual({ keyId, revokedAt: expect.any(String) });
    const res = await t.gql(PUBLIC_QUERY, undefined, bearer(token));
    expectRefused(res, 'CREDENTIAL_INVALID');
    // an unknown key of the same shape answers the same: key ids cannot be probed
    const unknown = await t.gql(PUBLIC_QUERY, undefined, bearer(`jmb_${'0'.repeat(16)}_${token.slice(21)}`));
    expectRefused(unknown, 'CREDENTIAL_INVALID');
    expect({ ...unknown.body.errors![0]!.extensions, requestId: 0 }).toEqual({ ...res.body.errors![0]!.extensions, requestId: 0 });
    // and the wrong secret for a live key too
    const wrongSecret = await t.gql(PUBLIC_QUERY, undefined, bearer(`${t.keys.analyst.slice(0, 21)}${'A'.repeat(43)}`));
    expectRefused(wrongSecret, 'CREDENTIAL_INVALID');
  });

  it('an expired key is refused (CREDENTIAL_EXPIRED)', async () => {
    const { token, keyId } = await t.createKey({ roles: ['ANALYST'], name: 'Kedaluwarsa', expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await t.gql(PUBLIC_QUERY, undefined, bearer(token))).status).toBe(200);
    const db = await t.db();
    await db.query(`update api_key set expires_at = now() - interval '1 minute' where id = $1`, [keyId]);
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(token)), 'CREDENTIAL_EXPIRED');
  });

  it('a bad credential never falls back to the public role, even for public data', async () => {
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer('jmb_not-a-key')), 'CREDENTIAL_MALFORMED');
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, { authorization: 'Basic dXNlcjpwYXNz' }), 'CREDENTIAL_MALFORMED');
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, { authorization: `Bearer ${t.keys.officer}`, 'x-api-key': t.keys.admin }), 'CREDENTIAL_MALFORMED');
    // without any credential the same query is public
    expect((await t.gql(PUBLIC_QUERY)).body.errors).toBeUndefined();
  });

  it('accepts the X-API-Key header as well, and records when a key was last used', async () => {
    const { token, keyId } = await t.createKey({ roles: ['OFFICER'], name: 'Header' });
    const res = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'Via X-API-Key', country: 'KR' } }, { 'x-api-key': token });
    expect(res.body.errors).toBeUndefined();
    const keys = await t.as('admin').gql('{ apiKeys { keyId lastUsedAt } }');
    expect(keys.body.data?.apiKeys.find((k: { keyId: string }) => k.keyId === keyId).lastUsedAt).toEqual(expect.any(String));
  });
});

describe('staff bearer JWTs (JWKS, issuer, audience, expiry)', () => {
  it('a valid token signs the caller in with the roles of its claims; the subject is the recorded actor', async () => {
    const token = await sign(idp, { sub: 'pegawai-42', roles: ['officer', 'offline_access'] });
    const created = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'Via JWT', country: 'KR' } }, bearer(token));
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createParty.id;
    const audit = await t.as('admin').gql('query($id: String!) { auditLog(filter: { entityId: $id }) { edges { node { action actor principalKind roles } } } }', { id });
    expect(audit.body.data?.auditLog.edges).toEqual([{ node: { action: 'createParty', actor: 'jwt:pegawai-42', principalKind: 'jwt', roles: ['OFFICER'] } }]);
  });

  it('roles come from the token: an analyst token reads masked records and cannot write', async () => {
    const token = await sign(idp, { sub: 'analis-7', realm_access: { roles: ['analyst'] }, roles: [] });
    const read = await t.gql('{ candidateCounts(asOf: "2026-11-01") { total } }', undefined, bearer(token));
    expect(read.body.errors).toBeUndefined();
    const write = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'No', country: 'KR' } }, bearer(token));
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an expired token is refused (beyond the 30 s clock tolerance)', async () => {
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(idp, {}, { expiresIn: -120 }))), 'CREDENTIAL_EXPIRED');
  });

  it('a token signed with another key (same kid) is refused', async () => {
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(impostor))), 'CREDENTIAL_INVALID');
  });

  it('a token with an unknown kid, another issuer or another audience is refused', async () => {
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(idp, {}, { kid: 'other' }))), 'CREDENTIAL_INVALID');
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(idp, { iss: 'https://evil.example/realms/x' }))), 'CREDENTIAL_INVALID');
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(idp, { aud: 'another-app' }))), 'CREDENTIAL_INVALID');
  });

  it('an unsigned token (alg none) or a tampered payload is refused', async () => {
    const valid = await sign(idp, { roles: ['analyst'] });
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    forged.roles = ['admin'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expectRefused(await t.gql('{ apiKeys { keyId } }', undefined, bearer(tampered)), 'CREDENTIAL_INVALID');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.`;
    const res = await t.gql('{ apiKeys { keyId } }', undefined, bearer(none));
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the city claim of an OFFICER token fails closed (issue 8)', () => {
  const parties = async (): Promise<number> => {
    const db = await t.db();
    return (await db.query('select count(*)::int as n from party')).rows[0].n as number;
  };

  it.each<[string, unknown]>([
    ['an array holding this city (Keycloak "Multivalued" ON)', ['Kota Serang']],
    ['an array of cities ("Aggregate attribute values" ON)', ['Kota Serang', 'Kota Cilegon']],
    ['a number', 3673],
    ['an empty string', ''],
    ['an over-long string', `Kota Serang ${'x'.repeat(200)}`],
    ['null', null],
    ['an object', { value: 'Kota Serang' }],
  ])('a validly signed officer token whose city is %s is refused: 401 CITY_CLAIM_INVALID, nothing written', async (_name, city) => {
    const before = await parties();
    const token = await sign(idp, { sub: 'pegawai-city', city } as JWTPayload);
    const write = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'Fail-open probe', country: 'KR' } }, bearer(token));
    expectRefused(write, 'CITY_CLAIM_INVALID');
    expect(write.body.errors?.[0]?.extensions?.messages).toEqual({ id: expect.stringContaining('`city`'), en: expect.stringContaining('`city`') });
    // not even public data: the credential is refused, never downgraded
    expectRefused(await t.gql(PUBLIC_QUERY, undefined, bearer(token)), 'CITY_CLAIM_INVALID');
    expect(await parties()).toBe(before);
    const logged = t.logs().filter((l) => l.msg === 'credential refused' && l.reason === 'CITY_CLAIM_INVALID');
    expect(logged.length).toBeGreaterThan(0);
  });

  it('a validly signed officer token without a city claim is refused: 401 CITY_CLAIM_MISSING', async () => {
    const token = await sign(idp, { sub: 'pegawai-no-city', city: undefined });
    expectRefused(await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'No city', country: 'KR' } }, bearer(token)), 'CITY_CLAIM_MISSING');
  });

  it('an officer token of another city keeps its identity but not the role: FORBIDDEN, with the reason in the log', async () => {
    const before = await parties();
    const token = await sign(idp, { sub: 'pegawai-cilegon', city: 'Kota Cilegon', roles: ['officer', 'analyst'] });
    const write = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'Elsewhere', country: 'KR' } }, bearer(token));
    expect(write.status).toBe(200);
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', messages: { id: expect.any(String), en: expect.any(String) } });
    expect(await parties()).toBe(before);
    // its other roles stay: the analyst's aggregates are served
    expect((await t.gql('{ candidateCounts(asOf: "2026-11-01") { total } }', undefined, bearer(token))).body.errors).toBeUndefined();
    expect(t.logs()).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('OFFICER role not granted'), reason: 'OTHER_CITY', subject: 'jwt:pegawai-cilegon' }));
  });

  it('this city, spelled with other case, spacing or dots, is this city', async () => {
    const token = await sign(idp, { sub: 'pegawai-caps', city: ' KOTA  SERANG. ' });
    const created = await t.gql(CREATE, { input: { kind: 'EMPLOYER', name: 'Caps city', country: 'KR' } }, bearer(token));
    expect(created.body.errors).toBeUndefined();
  });
});

it('never writes a credential into the logs', async () => {
  const token = await sign(idp);
  await t.gql(PUBLIC_QUERY, undefined, bearer(token));
  await t.gql(PUBLIC_QUERY, undefined, bearer(await sign(impostor)));
  const logs = JSON.stringify(t.logs());
  expect(logs).toContain('credential refused');
  for (const secret of [token.split('.')[2]!, t.keys.admin.slice(21), t.keys.officer.slice(21), t.keys.analyst.slice(21)]) {
    expect(logs).not.toContain(secret);
  }
});
