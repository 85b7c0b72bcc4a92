/**
 * CORS through the real HTTP app (createHttpApp on a migrated database): the preflight and the actual
 * POST of allowed and refused origins, in production and in development. A refused origin used to fall
 * through to Apollo, whose CSRF prevention answered the preflight 400 "potential CSRF"; now it gets
 * 403 FORBIDDEN naming JEMBATAN_CORS_ORIGINS, and CSRF prevention still refuses simple requests.
 */
import { startTestGateway, type TestGateway } from '../../test/harness';
import { CORS_REFUSED_REASON } from './cors';

const PORTAL = 'https://portal.serangkota.go.id';
const VITE = 'http://localhost:5173';
const NEXT = 'http://localhost:3000';
const QUERY = JSON.stringify({ query: '{ routes { code } }' });

function preflight(t: TestGateway, origin: string): Promise<Response> {
  return fetch(t.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
  });
}

/** The POST a browser page sends after its preflight passed (the SDK's request). */
function post(t: TestGateway, origin: string): Promise<Response> {
  return fetch(t.url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: QUERY });
}

async function expectRefusal(res: Response, origin: string): Promise<void> {
  expect(res.status).toBe(403);
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const text = await res.text();
  expect(text).not.toMatch(/CSRF/i);
  const body = JSON.parse(text) as { data?: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.message).toContain('JEMBATAN_CORS_ORIGINS');
  expect(body.errors[0]?.extensions).toMatchObject({
    code: 'FORBIDDEN',
    details: { reason: CORS_REFUSED_REASON, origin, setting: 'JEMBATAN_CORS_ORIGINS' },
    messages: { id: expect.stringContaining('JEMBATAN_CORS_ORIGINS'), en: expect.stringContaining('JEMBATAN_CORS_ORIGINS') },
    requestId: res.headers.get('x-request-id'),
  });
}

async function expectAdmitted(t: TestGateway, origin: string): Promise<void> {
  const pre = await preflight(t, origin);
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
  expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
  const res = await post(t, origin);
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  const body = (await res.json()) as { data?: { routes?: unknown[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data?.routes?.length).toBeGreaterThan(0);
}

function corsWarnings(t: TestGateway, origin: string): Array<Record<string, unknown>> {
  return t.logs().filter((l) => l.level === 'warn' && l.origin === origin && String(l.msg).includes('JEMBATAN_CORS_ORIGINS'));
}

describe('CORS in production (NODE_ENV unset)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ seed: true, securityEnv: { JEMBATAN_CORS_ORIGINS: PORTAL } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('admits the listed origin: preflight 204 with the CORS headers, then the POST answers', async () => {
    await expectAdmitted(t, PORTAL);
  });

  it.each([VITE, NEXT, 'https://evil.example'])('refuses %s with the explanation, preflight and POST alike', async (origin) => {
    await expectRefusal(await preflight(t, origin), origin);
    await expectRefusal(await post(t, origin), origin);
  });

  it('tells a loopback dev server about development mode', async () => {
    const body = (await (await preflight(t, VITE)).json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toContain('NODE_ENV=development');
  });

  it('logs one warning per refused origin however many requests it sends', async () => {
    const origin = 'https://many-requests.example';
    for (let i = 0; i < 4; i += 1) {
      expect((await preflight(t, origin)).status).toBe(403);
      expect((await post(t, origin)).status).toBe(403);
    }
    expect(corsWarnings(t, origin)).toHaveLength(1);
  });

  it('keeps CSRF prevention for requests without an Origin or from the gateway itself', async () => {
    // a simple request (no preflight-forcing header) of the gateway's own origin: Apollo's CSRF prevention
    const simple = await fetch(`${t.url}?query=${encodeURIComponent('{ routes { code } }')}`, { headers: { origin: t.baseUrl } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    // server-to-server (no Origin) is not a browser: CORS does not apply
    const server = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
    expect(server.status).toBe(200);
  });
});

describe('CORS in development (NODE_ENV=development)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ seed: true, securityEnv: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([VITE, NEXT, 'http://127.0.0.1:5173'])('admits the dev server %s on any port', async (origin) => {
    await expectAdmitted(t, origin);
  });

  it.each(['http://localhost.evil.com:5173', 'https://localhost:5173', PORTAL])('refuses %s (not loopback http, not listed)', async (origin) => {
    await expectRefusal(await preflight(t, origin), origin);
    await expectRefusal(await post(t, origin), origin);
  });
});
