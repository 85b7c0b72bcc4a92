/**
 * Abuse limits over real HTTP (issue 5): an attack corpus refused quickly without slowing a normal
 * request; per-key rate limits (429 RATE_LIMITED); the query timeout (PostgreSQL cancels the
 * statement: TIMEOUT); introspection and the Sandbox for ANALYST / ADMIN (everyone in development);
 * CORS for the Sandbox and the configured origins; CSRF prevention; batching off; body limit.
 */
import { startTestGateway, type GraphqlResponse, type TestGateway } from './harness';
import { readmeQueries } from './support/documents';

const PORTAL = 'https://portal.serangkota.go.id';
const SANDBOX = 'https://studio.apollographql.com';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ seed: true, securityEnv: { JEMBATAN_CORS_ORIGINS: PORTAL } });
});
afterAll(async () => {
  await t?.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<GraphqlResponse> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

describe('the README queries', () => {
  it.each(readmeQueries().map((q) => [q.source, q] as const))('%s runs for the public, within the limits', async (_source, q) => {
    const res = await t.gql(q.text);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data ?? {}).length).toBeGreaterThan(0);
  });
});

describe('the attack corpus', () => {
  const deep = `{ mous { edges { node { ${'parent { '.repeat(30)}id${' }'.repeat(30)} } } } }`;
  const ATTACKS: Array<{ name: string; body: unknown; status: number; code?: string; message?: RegExp }> = [
    { name: 'deep nesting', body: { query: deep }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /depth limit of 10 exceeded/ },
    {
      name: '1,000 aliases',
      body: { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: parties { totalCount }`).join(' ')} }` },
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      message: /1000 tokens/,
    },
    {
      name: '20 aliases (under the token limit)',
      body: { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: routes { code }`).join(' ')} }` },
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /Aliases limit of 15 exceeded/,
    },
    {
      name: 'a circular fragment',
      body: { query: '{ mous { edges { node { ...A } } } } fragment A on Mou { parent { ...B } } fragment B on Mou { parent { ...A } }' },
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'a huge list argument in the document',
      body: { query: `{ jobOpenings(filter: { routes: [${'E9, '.repeat(5000)}E9] }) { totalCount } }` },
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      name: 'a huge list argument in the variables',
      body: { query: 'query($r: [Route!]) { jobOpenings(filter: { routes: $r }) { totalCount } }', variables: { r: Array(50_000).fill('E9') } },
      status: 200,
      code: 'BAD_USER_INPUT',
    },
    { name: 'a directive flood', body: { query: `{ routes { ${'code @include(if: true) '.repeat(11)} } }` }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Directives limit/ },
    { name: 'a batch of operations', body: Array.from({ length: 50 }, () => ({ query: '{ parties { totalCount } }' })), status: 400 },
    { name: 'a body over the limit', body: { query: '{ routes { code } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }, status: 413, code: 'BAD_USER_INPUT' },
  ];

  // "Before any work": the refusal sends no SQL at all (a wall-clock bound said the same thing, and
  // broke on a loaded CI machine; performance is the bench's business, not a unit test's).
  it.each(ATTACKS.map((a) => [a.name, a] as const))('refuses %s before any work, with no data', async (_name, attack) => {
    t.resetSql();
    const res = await post(attack.body);
    expect(res.status).toBe(attack.status);
    expect(res.body.data ?? null).toBeNull();
    if (attack.code) expect(res.body.errors?.[0]?.extensions?.code).toBe(attack.code);
    if (attack.message) expect(res.body.errors?.map((e) => e.message).join(' ')).toMatch(attack.message);
    expect(t.sql.statements).toEqual([]);
  });

  it('says which limit a document broke, with the numbers only', async () => {
    const res = await post({ query: deep });
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ message: 'Query depth limit of 10 exceeded, found 34.', extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'LIMIT_EXCEEDED' }) }),
    );
    // the cost is computed after validation, with the variables (query-cost.ts): its own refusal, same shape
    const costly = await post({ query: 'query($n: Int) { jobOpenings(first: $n) { edges { node { rankedCandidates(first: $n) { rank } } } } }', variables: { n: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Query Cost limit of 20000 exceeded, found \d+\.$/), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'LIMIT_EXCEEDED' }) }),
    ]);
  });

  it('hides field suggestions: probing with typos maps nothing of the schema', async () => {
    const probes: Array<[string, RegExp]> = [
      ['{ routs { code } }', /routes/],
      ['{ routes { cod } }', /"code"/],
      ['{ candidate(id: "x") { profil { ni } } }', /profile|nik/],
      ['{ jobOpenings(filtr: { route: [E9] }) { totalCount } }', /"filter"/],
      ['{ jobOpenings(filter: { route: [E9] }) { totalCount } }', /routes/],
    ];
    for (const [query, leak] of probes) {
      const res = await t.gql(query);
      expect(res.status).toBe(400);
      const messages = (res.body.errors ?? []).map((e) => e.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        expect(m).not.toMatch(/did you mean|\?$/i);
        expect(m).not.toMatch(leak);
      }
    }
    const variable = await t.gql('query($r: Route!) { jobOpenings(filter: { routes: [$r] }) { totalCount } }', { r: 'E7' });
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(variable.body)).not.toMatch(/did you mean|E7_3|"E9"/i);
  });

  it('refuses the whole corpus at once while a normal request is served as usual', async () => {
    const normal = '{ mous(first: 5) { totalCount edges { node { title { en } quotas { seats allocated } } } } quotaFill { seats } }';
    const alone = await t.gql(normal);
    expect(alone.body.errors).toBeUndefined();
    t.resetSql();
    const aloneStatements = (await t.gql(normal), t.sql.count);
    expect(aloneStatements).toBeGreaterThan(0); // the counter sees this gateway's SQL
    t.resetSql();
    const [attacks, during] = await Promise.all([
      Promise.all([...ATTACKS, ...ATTACKS, ...ATTACKS].map((a) => post(a.body))),
      (async () => {
        await new Promise((r) => setTimeout(r, 5));
        return t.gql(normal);
      })(),
    ]);
    expect(attacks.map((r) => r.status)).toEqual([...ATTACKS, ...ATTACKS, ...ATTACKS].map((a) => a.status));
    expect(during.status).toBe(200);
    expect(during.body).toEqual(alone.body);
    // the 33 refusals added no SQL to the normal request's own statements
    expect(t.sql.count).toBe(aloneStatements);
  });
});

describe('credentials on a gateway without bearer-token configuration', () => {
  it('refuses a JWT (AUTH_NOT_CONFIGURED), never treats it as anonymous', async () => {
    const jwtShaped = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"sub":"x","roles":["admin"]}').toString('base64url')}.c2ln`;
    const res = await t.gql('{ routes { code } }', undefined, { authorization: `Bearer ${jwtShaped}` });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'AUTH_NOT_CONFIGURED' } });
  });
});

describe('introspection and the Sandbox landing page', () => {
  const INTROSPECT = '{ __schema { queryType { name } types { name } } }';

  it('introspection is for ANALYST and ADMIN only (403 FORBIDDEN for the others)', async () => {
    const anonymous = await t.gql(INTROSPECT);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(anonymous.body)).not.toMatch(/Candidate|Mou/);
    expect((await t.as('officer').gql('{ __type(name: "Candidate") { name } }')).status).toBe(403);
    for (const who of ['analyst', 'admin'] as const) {
      const res = await t.as(who).gql(INTROSPECT);
      expect(res.status).toBe(200);
      expect(res.body.data?.__schema.types.map((x: { name: string }) => x.name)).toContain('Candidate');
    }
    expect((await t.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('serves no landing page outside development', async () => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('in development (NODE_ENV=development) both are open to everyone', async () => {
    const dev = await startTestGateway({ securityEnv: { NODE_ENV: 'development' } });
    try {
      const res = await dev.gql(INTROSPECT);
      expect(res.status).toBe(200);
      const page = await fetch(dev.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toMatch(/sandbox/i);
    } finally {
      await dev.close();
    }
  });
});

describe('CORS and CSRF', () => {
  const preflight = (origin: string) =>
    fetch(t.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });

  it('admits the Apollo Sandbox and the configured origins, with the credential headers', async () => {
    for (const origin of [SANDBOX, PORTAL]) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('gives other origins no CORS headers (the browser withholds the answer)', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await t.gql('{ routes { code } }', undefined, { origin: 'https://evil.example' });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses requests a browser would send without a preflight (CSRF prevention)', async () => {
    const get = await fetch(`${t.url}?query=${encodeURIComponent('{ routes { code } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
    const form = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ routes { code } }' }) });
    expect(form.status).toBeGreaterThanOrEqual(400);
    const ok = await fetch(`${t.url}?query=${encodeURIComponent('{ routes { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });
});

describe('per-key rate limit and query timeout', () => {
  let tight: TestGateway;
  beforeAll(async () => {
    tight = await startTestGateway({
      securityEnv: { JEMBATAN_RATE_LIMIT_PER_MINUTE: '3', JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '2', JEMBATAN_QUERY_TIMEOUT_MS: '300' },
    });
  });
  afterAll(async () => {
    await tight?.close();
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key has spent its budget; other keys are unaffected', async () => {
    const a = tight.as({ token: (await tight.createKey({ roles: ['ANALYST'], name: 'busy app' })).token });
    const b = tight.as({ token: (await tight.createKey({ roles: ['ANALYST'], name: 'quiet app' })).token });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await a.gql('{ routes { code } }')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await a.gql('{ routes { code } }');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.data).toBeUndefined();
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect((await b.gql('{ routes { code } }')).status).toBe(200);
  });

  it('limits anonymous callers per address', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await tight.gql('{ routes { code } }')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('stops a query that runs past the timeout (TIMEOUT), and serves the next one', async () => {
    const officer = tight.as({ token: (await tight.createKey({ roles: ['OFFICER'], name: 'slow' })).token });
    const blocker = await tight.db();
    await blocker.query('begin');
    await blocker.query('lock table party in access exclusive mode');
    try {
      // the lock is held until the rollback below: without the timeout this request would never answer
      const res = await officer.gql('{ parties { totalCount } }');
      expect(res.body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(res.body.data).toBeNull();
    } finally {
      await blocker.query('rollback');
    }
    const after = await officer.gql('{ parties { totalCount } }');
    expect(after.body).toEqual({ data: { parties: { totalCount: 0 } } });
  });
});
