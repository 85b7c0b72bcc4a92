/**
 * The rate limit runs before any database lookup (issue 8 item 6): it is decided from the headers
 * alone (the presented key's id, a token's subject, or the IP), so a flood costs no SQL even when
 * every request carries a key the database would have to look up, and keeps working while the
 * database is down. A forged key id does not drain its owner's budget, and an address whose
 * credentials keep being refused is stopped before verification.
 */
import { randomBytes } from 'node:crypto';
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ securityEnv: { JEMBATAN_RATE_LIMIT_PER_MINUTE: '5', JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '5' } });
});
afterAll(async () => t.close());

const QUERY = '{ routes { code } }';
const secret = (): string => randomBytes(32).toString('base64url');
const apiKeySql = (): string[] => t.sql.statements.filter((s) => s.includes('"api_key"'));

it('a key id that is presented with a wrong secret does not use up the key owner’s budget', async () => {
  const { token, keyId } = await t.createKey({ roles: ['ANALYST'], name: 'victim' });
  for (let i = 0; i < 3; i += 1) {
    const forged = await t.gql(QUERY, undefined, { authorization: `Bearer jmb_${keyId}_${secret()}` });
    expect(forged.status).toBe(401);
  }
  // the owner still has its whole budget of 5
  const statuses = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await t.as({ token }).gql(QUERY)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
});

it('a signed-in caller over its budget is refused before its key is looked up', async () => {
  const { token } = await t.createKey({ roles: ['ANALYST'], name: 'flooder' });
  for (let i = 0; i < 5; i += 1) expect((await t.as({ token }).gql(QUERY)).status).toBe(200);
  t.resetSql();
  const refused = await t.as({ token }).gql(QUERY);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', messages: { id: expect.any(String), en: expect.any(String) } });
  expect(t.sql.count).toBe(0); // not even the API-key lookup
});

it('an address whose credentials keep being refused is stopped before verification (no SQL)', async () => {
  // 3 refusals above; 2 more use up the address's budget of 5 refused credentials per minute
  for (let i = 0; i < 2; i += 1) {
    const res = await t.gql(QUERY, undefined, { authorization: `Bearer jmb_${randomBytes(8).toString('hex')}_${secret()}` });
    expect(res.status).toBe(401);
  }
  expect(apiKeySql().length).toBeGreaterThan(0); // those were looked up
  t.resetSql();
  const flood = await Promise.all(
    Array.from({ length: 10 }, () => t.gql(QUERY, undefined, { authorization: `Bearer jmb_${randomBytes(8).toString('hex')}_${secret()}` })),
  );
  expect(flood.map((r) => r.status)).toEqual(flood.map(() => 429));
  expect(flood[0]?.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'TOO_MANY_REFUSED_CREDENTIALS' } });
  expect(t.sql.count).toBe(0);
  // an anonymous caller from that address is limited by its own budget, not by the refusals
  expect((await t.gql(QUERY)).status).toBe(200);
});
