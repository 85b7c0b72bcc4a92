/** The HTTP surface against a real PostgreSQL: health, readiness, request ids, limits, error shapes. */
import { MIGRATIONS } from '../src/migrations';
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ freshDatabase: true }); // start-up on an empty database: its migrations are under test
});
afterAll(async () => {
  await t?.close();
});

describe('start-up on an empty database', () => {
  it('applies every committed migration, in order', () => {
    expect(t.gateway.appliedMigrations).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('leaves the database exactly as the entity mappings describe (migrations and mappings agree)', async () => {
    const diff = await t.gateway.orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: false });
    expect(diff.trim()).toBe('');
  });
});

describe('GET /health and GET /ready', () => {
  it('/health answers while the process is up', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when the database is reachable and migrations are applied', async () => {
    const res = await fetch(`${t.baseUrl}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('/ready answers 503 while a migration is pending', async () => {
    const db = await t.db();
    const last = MIGRATIONS[MIGRATIONS.length - 1]!.name;
    const removed = await db.query('DELETE FROM mikro_orm_migrations WHERE name = $1 RETURNING *', [last]);
    try {
      const res = await fetch(`${t.baseUrl}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'migrations pending', pendingMigrations: [last] });
    } finally {
      const row = removed.rows[0] as { name: string; executed_at: Date };
      await db.query('INSERT INTO mikro_orm_migrations (name, executed_at) VALUES ($1, $2)', [row.name, row.executed_at]);
    }
    expect((await fetch(`${t.baseUrl}/ready`)).status).toBe(200);
  });
});

describe('request ids and logs', () => {
  it('echoes a caller-supplied x-request-id and logs the request under it', async () => {
    const res = await t.gql('{ routes { code } }', undefined, { 'x-request-id': 'portal-42' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('portal-42');
    const line = t.logs().find((l) => l.reqId === 'portal-42' && l.msg === 'request completed');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, level: 'info' });
  });

  it('generates one when absent or unsafe', async () => {
    const a = await t.gql('{ routes { code } }');
    const b = await t.gql('{ routes { code } }', undefined, { 'x-request-id': 'bad id with spaces' });
    for (const res of [a, b]) {
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('GraphQL over HTTP', () => {
  it('serves the vocabulary queries', async () => {
    const res = await t.gql<{ routes: Array<{ code: string; label: { idn: string; en: string } }> }>(
      '{ routes { code label { idn en } } occupations { code } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.data?.routes.map((r) => r.code)).toEqual(['E9', 'E7_3', 'E7_3_PILOT', 'E8']);
    expect(res.body.data?.routes[0]?.label.idn).toMatch(/E-9/);
  });

  it('rejects a body over the limit with BAD_USER_INPUT (413), without echoing it', async () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const res = await t.gql('query($q: String) { routes { code } }', { q: huge });
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.errors?.[0]?.extensions?.messages).toEqual({ id: expect.any(String), en: expect.any(String) });
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('answers malformed JSON with BAD_REQUEST in the GraphQL error shape', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a parse error with GRAPHQL_PARSE_FAILED and bilingual messages', async () => {
    const res = await t.gql('{ routes { code }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      messages: { id: expect.any(String), en: expect.any(String) },
    });
  });

  it('never includes a stack trace', async () => {
    const res = await t.gql('{ nope }');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\bat .*\.ts:\d+/);
  });
});

describe('unexpected errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR with the request id, and logged in full', async () => {
    const other = await startTestGateway();
    try {
      const db = await other.db();
      await db.query('ALTER TABLE party RENAME TO party_gone');
      const res = await other.gql('{ parties { totalCount } }', undefined, { 'x-request-id': 'trace-500' });
      expect(res.body.errors?.[0]).toEqual({
        message: expect.any(String),
        locations: expect.any(Array),
        path: ['parties'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', messages: { id: expect.any(String), en: expect.any(String) }, requestId: 'trace-500' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/party|relation|select/i);
      const logged = other.logs().find((l) => l.reqId === 'trace-500' && l.level === 'error');
      expect(JSON.stringify(logged)).toMatch(/relation .*party.* does not exist/);
      await db.query('ALTER TABLE party_gone RENAME TO party');
    } finally {
      await other.close();
    }
  });
});

describe('graceful stop', () => {
  it('finishes a request in flight before closing the pool', async () => {
    const other = await startTestGateway();
    const blocker = await other.db();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE party IN ACCESS EXCLUSIVE MODE');
    const inFlight = other.gql<{ parties: { totalCount: number } }>('{ parties { totalCount } }');
    await new Promise((r) => setTimeout(r, 150)); // the query is now waiting for the lock
    let stopped = false;
    const stopping = other.gateway.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(stopped).toBe(false);
    await blocker.query('COMMIT');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { parties: { totalCount: 0 } } });
    await stopping;
    expect(stopped).toBe(true);
    await other.close();
  });

  it('stops idempotently, and /health is gone afterwards', async () => {
    const other = await startTestGateway();
    const base = other.baseUrl;
    await other.close();
    await other.gateway.stop(); // second call is harmless
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
