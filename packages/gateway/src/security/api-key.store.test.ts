/** API keys in a real PostgreSQL: create, verify, last-used, revoke, expiry; only the hash is stored. */
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, verifyApiKey } from './api-key';
import { AuthError } from './security-error';
import { emExecutor, pgExecutor, type SqlExecutor } from './sql-executor';
import { startSecurityDb, type SecurityDb } from './__tests__/security-db';

let sdb: SecurityDb;
let db: SqlExecutor;

beforeAll(async () => {
  sdb = await startSecurityDb();
  db = pgExecutor(await sdb.client());
});
afterAll(async () => {
  await sdb?.close();
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

describe('api_key storage', () => {
  it('creates a key, stores only its hash, and verifies it into a principal', async () => {
    const { record, token } = await createApiKey(db, {
      name: 'Portal Serang Smart Service',
      roles: ['OFFICER', 'ANALYST'],
      city: 'Kota Serang',
      createdBy: 'jwt:admin-1',
    });
    expect(record.roles).toEqual(['OFFICER', 'ANALYST']);
    expect(record.lastUsedAt).toBeNull();

    const raw = await sdb.client().then((c) => c.query('select * from api_key where id = $1', [record.keyId]));
    const row = raw.rows[0] as Record<string, unknown>;
    const secret = token.split('_').slice(2).join('_');
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const principal = await verifyApiKey(db, token);
    expect(principal).toEqual({
      kind: 'apiKey',
      roles: ['PUBLIC', 'OFFICER', 'ANALYST'],
      subject: `apiKey:${record.keyId}`,
      keyId: record.keyId,
      name: 'Portal Serang Smart Service',
      city: 'Kota Serang',
    });
  });

  it('refreshes last_used_at, at most once per resolution window', async () => {
    let now = new Date('2026-03-01T08:00:00.000Z');
    const clock = { now: () => now, lastUsedResolutionMs: 60_000 };
    const { record, token } = await createApiKey(db, { name: 'Vacancy board', roles: ['ANALYST'], createdBy: 'cli:test' }, clock);
    await verifyApiKey(db, token, clock);
    expect((await getApiKey(db, record.keyId))?.lastUsedAt?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    now = new Date('2026-03-01T08:00:30.000Z');
    await verifyApiKey(db, token, clock);
    expect((await getApiKey(db, record.keyId))?.lastUsedAt?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    now = new Date('2026-03-01T08:01:00.000Z');
    await verifyApiKey(db, token, clock);
    expect((await getApiKey(db, record.keyId))?.lastUsedAt?.toISOString()).toBe('2026-03-01T08:01:00.000Z');
  });

  it('refuses a revoked key (same answer as an unknown one), and revocation is idempotent', async () => {
    const { record, token } = await createApiKey(db, { name: 'Old app', roles: ['OFFICER'], createdBy: 'cli:test' });
    await verifyApiKey(db, token);
    const revoked = await revokeApiKey(db, record.keyId, 'jwt:admin-1', { now: () => new Date('2026-04-01T00:00:00Z') });
    expect(revoked?.revokedAt?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(await reasonOf(verifyApiKey(db, token))).toBe('CREDENTIAL_INVALID');
    const again = await revokeApiKey(db, record.keyId, 'jwt:admin-2', { now: () => new Date('2026-05-01T00:00:00Z') });
    expect(again?.revokedAt?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(again?.revokedBy).toBe('jwt:admin-1');
    expect(await revokeApiKey(db, 'ffffffffffffffff', 'x')).toBeUndefined();
    expect((await listApiKeys(db)).map((k) => k.keyId)).not.toContain(record.keyId);
    expect((await listApiKeys(db, { includeRevoked: true })).map((k) => k.keyId)).toContain(record.keyId);
  });

  it('refuses a wrong secret, an unknown key id, a malformed key and an expired key', async () => {
    const { record, token } = await createApiKey(db, { name: 'App', roles: ['OFFICER'], createdBy: 'cli:test' });
    const wrongSecret = `jmb_${record.keyId}_${'A'.repeat(43)}`;
    expect(await reasonOf(verifyApiKey(db, wrongSecret))).toBe('CREDENTIAL_INVALID');
    expect(await reasonOf(verifyApiKey(db, token.replace(record.keyId, 'ffffffffffffffff')))).toBe('CREDENTIAL_INVALID');
    expect(await reasonOf(verifyApiKey(db, 'jmb_garbage'))).toBe('CREDENTIAL_MALFORMED');

    const created = new Date('2026-01-01T00:00:00Z');
    const expiring = await createApiKey(
      db,
      { name: 'Short-lived', roles: ['ANALYST'], createdBy: 'cli:test', expiresAt: new Date('2026-02-01T00:00:00Z') },
      { now: () => created },
    );
    await expect(verifyApiKey(db, expiring.token, { now: () => new Date('2026-01-31T23:59:59Z') })).resolves.toMatchObject({ kind: 'apiKey' });
    expect(await reasonOf(verifyApiKey(db, expiring.token, { now: () => new Date('2026-02-01T00:00:00Z') }))).toBe('CREDENTIAL_EXPIRED');
  });

  it('scopes partner and candidate keys', async () => {
    const partner = await createApiKey(db, { name: 'P3MI A', roles: ['PARTNER'], partyIds: ['p3mi-a', 'p3mi-a', 'apjati'], createdBy: 'cli:test' });
    expect(await verifyApiKey(db, partner.token)).toMatchObject({ roles: ['PUBLIC', 'PARTNER'], partyIds: ['p3mi-a', 'apjati'] });
    const candidate = await createApiKey(db, { name: 'Candidate app', roles: ['CANDIDATE'], candidateId: 'cand-42', createdBy: 'cli:test' });
    expect(await verifyApiKey(db, candidate.token)).toMatchObject({ roles: ['PUBLIC', 'CANDIDATE'], candidateId: 'cand-42' });
    const trainer = await createApiKey(db, { name: 'LPK A', roles: ['TRAINER'], partyIds: ['lpk-a'], createdBy: 'cli:test' });
    expect(await verifyApiKey(db, trainer.token)).toMatchObject({ roles: ['PUBLIC', 'TRAINER'], partyIds: ['lpk-a'] });
  });

  it('the table itself refuses keys that break the scoping rules', async () => {
    const c = await sdb.client();
    const insert = (roles: string, parties = '[]', candidate: string | null = null) =>
      c.query(
        `insert into api_key (id, name, roles, party_ids, candidate_id, secret_hash, created_by) values ($1, 'x', $2::jsonb, $3::jsonb, $4, $5, 'test')`,
        [Math.random().toString(16).slice(2, 10).padEnd(16, '0'), roles, parties, candidate, 'a'.repeat(64)],
      );
    await expect(insert('["PARTNER"]')).rejects.toThrow(/api_key_partner_has_party/);
    await expect(insert('["TRAINER"]')).rejects.toThrow(/api_key_trainer_has_party/);
    await expect(insert('["TRAINER"]', '["lpk-a"]')).resolves.toMatchObject({ rowCount: 1 });
    await expect(insert('["CANDIDATE"]')).rejects.toThrow(/api_key_candidate_has_record/);
    await expect(insert('["ROOT"]')).rejects.toThrow(/api_key_roles_valid/);
    await expect(insert('[]')).rejects.toThrow(/api_key_roles_valid/);
  });

  it('works the same through a MikroORM EntityManager', async () => {
    const em = sdb.orm.em.fork();
    const { token } = await createApiKey(emExecutor(em), { name: 'Through the ORM', roles: ['ADMIN'], createdBy: 'cli:test' });
    await expect(verifyApiKey(emExecutor(sdb.orm.em.fork()), token)).resolves.toMatchObject({ roles: ['PUBLIC', 'ADMIN'] });
  });
});
