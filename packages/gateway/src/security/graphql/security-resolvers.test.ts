/** API key administration and the audit log over GraphQL, on a real PostgreSQL. */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'type-graphql';
import { formatGatewayError } from '../../graphql/errors';
import { authChecker } from '../auth-checker';
import { verifyApiKey } from '../api-key';
import { readAuditLog } from '../audit-log';
import { ANONYMOUS, type Principal } from '../role';
import { pgExecutor } from '../sql-executor';
import { startSecurityDb, type SecurityDb } from '../__tests__/security-db';
import { auditCursor, auditCursorId, SECURITY_RESOLVERS, type SecurityContext } from './index';

let sdb: SecurityDb;
let server: ApolloServer<SecurityContext>;
const admin: Principal = { kind: 'jwt', roles: ['PUBLIC', 'ADMIN'], subject: 'jwt:admin-1' };
const officer: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:officer-1', city: 'Kota Serang' };
const partner: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'PARTNER'], subject: 'apiKey:00000000000000ff', keyId: '00000000000000ff', partyIds: ['p'] };
const analyst: Principal = { kind: 'jwt', roles: ['PUBLIC', 'ANALYST'], subject: 'jwt:analyst-1' };

beforeAll(async () => {
  sdb = await startSecurityDb();
  const schema = await buildSchema({
    resolvers: SECURITY_RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  server = new ApolloServer<SecurityContext>({ schema, formatError: (f, e) => formatGatewayError(f, e, undefined) });
  await server.start();
});
afterAll(async () => {
  await server?.stop();
  await sdb?.close();
});

async function gql(query: string, principal: Principal, variables?: Record<string, unknown>) {
  const res = await server.executeOperation(
    { query, ...(variables ? { variables } : {}) },
    { contextValue: { em: sdb.orm.em.fork(), principal, requestId: 'req-test' } },
  );
  if (res.body.kind !== 'single') throw new Error('incremental');
  return res.body.singleResult as { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: any }> };
}

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey key { keyId name roles partyIds city createdBy revokedAt } } }`;

describe('API key administration', () => {
  it('ADMIN creates a key: shown once, audited, usable', async () => {
    const r = await gql(CREATE, admin, { input: { name: 'Vacancy board', roles: ['ANALYST'] } });
    expect(r.errors).toBeUndefined();
    const { apiKey, key } = r.data.createApiKey;
    expect(apiKey).toMatch(/^jmb_[0-9a-f]{16}_/);
    expect(key).toMatchObject({ name: 'Vacancy board', roles: ['ANALYST'], createdBy: 'jwt:admin-1', revokedAt: null });
    const db = pgExecutor(await sdb.client());
    await expect(verifyApiKey(db, apiKey)).resolves.toMatchObject({ keyId: key.keyId });
    const [audit] = await readAuditLog(db, { entityType: 'ApiKey', entityId: key.keyId });
    expect(audit).toMatchObject({ action: 'createApiKey', actor: 'jwt:admin-1', requestId: 'req-test' });
    expect(JSON.stringify(audit)).not.toContain(apiKey.slice(21));

    const list = await gql('{ apiKeys { keyId name } }', admin);
    expect(list.data.apiKeys.map((k: { keyId: string }) => k.keyId)).toContain(key.keyId);
    expect(JSON.stringify(list)).not.toContain(apiKey.slice(21));
  });

  it('refuses others: officer FORBIDDEN, anonymous UNAUTHENTICATED, and nothing is written', async () => {
    const before = (await readAuditLog(await sdb.client(), { limit: 100 })).length;
    const o = await gql(CREATE, officer, { input: { name: 'Sneaky', roles: ['ADMIN'] } });
    expect(o.data).toBeNull();
    expect(o.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const a = await gql(CREATE, ANONYMOUS, { input: { name: 'Sneaky', roles: ['ADMIN'] } });
    expect(a.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql('{ apiKeys { keyId } }', partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const c = await sdb.client();
    expect((await c.query(`select count(*)::int as n from api_key where name = 'Sneaky'`)).rows[0]).toEqual({ n: 0 });
    expect((await readAuditLog(c, { limit: 100 })).length).toBe(before);
  });

  it('checks the input: PARTNER needs parties, roles must be known', async () => {
    const r = await gql(CREATE, admin, { input: { name: 'P3MI', roles: ['PARTNER'] } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'partyIds'] });
    const bad = await gql(CREATE, admin, { input: { name: 'x', roles: ['ROOT'] } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await gql(CREATE, admin, { input: { name: 'P3MI', roles: ['PARTNER'], partyIds: ['p3mi-a'] } });
    expect(ok.data.createApiKey.key.partyIds).toEqual(['p3mi-a']);
  });

  it('revokes, audits once, and refuses the key afterwards', async () => {
    const created = (await gql(CREATE, admin, { input: { name: 'To revoke', roles: ['OFFICER'] } })).data.createApiKey;
    const REVOKE = `mutation ($id: String!) { revokeApiKey(keyId: $id) { keyId revokedAt } }`;
    const r = await gql(REVOKE, admin, { id: created.key.keyId });
    expect(r.data.revokeApiKey.revokedAt).toBeTruthy();
    await gql(REVOKE, admin, { id: created.key.keyId });
    const db = pgExecutor(await sdb.client());
    await expect(verifyApiKey(db, created.apiKey)).rejects.toMatchObject({ reason: 'CREDENTIAL_INVALID' });
    expect((await readAuditLog(db, { entityId: created.key.keyId })).map((a) => a.action)).toEqual(['revokeApiKey', 'createApiKey']);
    const missing = await gql(REVOKE, admin, { id: 'ffffffffffffffff' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await gql(REVOKE, admin, { id: 'jmb_not_an_id' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('auditLog query', () => {
  const QUERY = `query ($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id actor action entityType entityId after requestId } }
    } }`;

  it('OFFICER and ADMIN read it newest first, page by page', async () => {
    const filter = { entityType: 'ApiKey', action: 'createApiKey' };
    const p1 = await gql(QUERY, officer, { first: 2, filter });
    expect(p1.errors).toBeUndefined();
    const total = p1.data.auditLog.totalCount;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(p1.data.auditLog.edges).toHaveLength(2);
    expect(p1.data.auditLog.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const ids1 = p1.data.auditLog.edges.map((e: { node: { id: string } }) => Number(e.node.id));
    expect(ids1[0]).toBeGreaterThan(ids1[1]);
    const p2 = await gql(QUERY, admin, { first: 100, after: p1.data.auditLog.pageInfo.endCursor, filter });
    expect(p2.data.auditLog.edges).toHaveLength(total - 2);
    expect(p2.data.auditLog.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(Math.max(...p2.data.auditLog.edges.map((e: { node: { id: string } }) => Number(e.node.id)))).toBeLessThan(Math.min(...ids1));
  });

  it('is refused to PARTNER and ANALYST, and has no mutation at all', async () => {
    expect((await gql(QUERY, partner, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(QUERY, analyst, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const schemaMutations = await gql('{ __schema { mutationType { fields { name } } } }', admin);
    const names = schemaMutations.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });

  it('refuses a forged cursor', async () => {
    const r = await gql(QUERY, officer, { after: Buffer.from('audit:1 or 1=1').toString('base64url') });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    expect(auditCursorId(auditCursor('42'))).toBe('42');
  });
});
