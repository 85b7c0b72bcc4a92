/** The audit log in a real PostgreSQL: written in the mutation's transaction, append-only, redacted. */
import { readAuditLog, writeAudit } from './audit-log';
import { REDACTED, REDACTED_CHANGED } from './redaction';
import type { Principal } from './role';
import { emExecutor, pgExecutor } from './sql-executor';
import { startSecurityDb, type SecurityDb } from './__tests__/security-db';

let sdb: SecurityDb;
const officer: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:officer-1', city: 'Kota Serang' };

beforeAll(async () => {
  sdb = await startSecurityDb();
});
afterAll(async () => {
  await sdb?.close();
});

async function count(): Promise<number> {
  const c = await sdb.client();
  const r = await c.query('select count(*)::int as n from audit_log');
  return (r.rows[0] as { n: number }).n;
}

describe('audit_log', () => {
  it('the migration created it (and runs through MikroORM’s migrator)', () => {
    expect(sdb.appliedMigrations).toContain('Migration20261129200000_security');
  });

  it('commits with the mutation’s transaction, redacted', async () => {
    const em = sdb.orm.em.fork();
    const { id } = await em.transactional(async (tem) =>
      writeAudit(tem, {
        principal: officer,
        action: 'updateCandidateProfile',
        entityType: 'Candidate',
        entityId: 'c-1',
        before: { nik: '3673012345670001', stage: 'REGISTERED', medical: { physicallyFit: true } },
        after: { nik: '3673012345670001', stage: 'SCREENED', medical: { physicallyFit: false } },
        requestId: 'req-123',
      }),
    );
    const [row] = await readAuditLog(await sdb.client(), { entityType: 'Candidate', entityId: 'c-1' });
    expect(row).toMatchObject({
      id,
      actor: 'jwt:officer-1',
      principalKind: 'jwt',
      roles: ['OFFICER'],
      keyId: null,
      action: 'updateCandidateProfile',
      before: { nik: REDACTED, stage: 'REGISTERED', medical: REDACTED },
      after: { nik: REDACTED, stage: 'SCREENED', medical: REDACTED_CHANGED },
      requestId: 'req-123',
    });
    expect(row?.at).toBeInstanceOf(Date);
    const raw = JSON.stringify((await (await sdb.client()).query('select * from audit_log')).rows);
    expect(raw).not.toContain('3673012345670001');
  });

  it('rolls back with the mutation’s transaction', async () => {
    const before = await count();
    const em = sdb.orm.em.fork();
    await expect(
      em.transactional(async (tem) => {
        await writeAudit(tem, { principal: officer, action: 'allocateSeat', entityType: 'Quota', entityId: 'q-1', after: { seats: 1 } });
        // visible inside the transaction ...
        const inside = await emExecutor(tem).all<{ n: number }>('select count(*)::int as n from "audit_log"');
        expect(inside[0]?.n).toBe(before + 1);
        throw new Error('QUOTA_EXHAUSTED after all');
      }),
    ).rejects.toThrow('QUOTA_EXHAUSTED');
    // ... and gone with it
    expect(await count()).toBe(before);
  });

  it('also rolls back on a plain pg transaction', async () => {
    const c = await sdb.client();
    const before = await count();
    await c.query('begin');
    await writeAudit(c, { principal: { kind: 'system', subject: 'cli:root' }, action: 'createApiKey', entityType: 'ApiKey', entityId: '0123456789abcdef' });
    await c.query('rollback');
    expect(await count()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, for any database role (trigger)', async () => {
    await writeAudit(pgExecutor(await sdb.client()), { principal: officer, action: 'transitionMou', entityType: 'Mou', entityId: 'm-1' });
    const c = await sdb.client();
    await expect(c.query(`update audit_log set actor = 'someone else'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(c.query(`delete from audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(c.query(`truncate audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(c.query(`update audit_log set actor = 'x'`)).rejects.toMatchObject({ code: '42501' });
    expect((await readAuditLog(c, { entityId: 'm-1' }))[0]?.actor).toBe('jwt:officer-1');
  });

  it('reads newest first, with filters and keyset pages', async () => {
    const db = pgExecutor(await sdb.client());
    for (let i = 0; i < 5; i += 1) {
      await writeAudit(db, {
        principal: { kind: 'apiKey', subject: 'apiKey:00000000000000aa', roles: ['PUBLIC', 'PARTNER'], keyId: '00000000000000aa' },
        action: 'addDocument',
        entityType: 'Page',
        entityId: `p-${i}`,
      });
    }
    const first = await readAuditLog(db, { entityType: 'Page', limit: 2 });
    expect(first.map((r) => r.entityId)).toEqual(['p-4', 'p-3']);
    expect(first[0]).toMatchObject({ principalKind: 'apiKey', keyId: '00000000000000aa', roles: ['PARTNER'] });
    const next = await readAuditLog(db, { entityType: 'Page', limit: 2, beforeId: first[1]?.id });
    expect(next.map((r) => r.entityId)).toEqual(['p-2', 'p-1']);
    expect(await readAuditLog(db, { actor: 'apiKey:00000000000000aa', action: 'nothing' })).toEqual([]);
    await expect(readAuditLog(db, { beforeId: '1; drop table audit_log' })).rejects.toThrow(TypeError);
  });

  it('refuses an entry without action or entity type', async () => {
    const db = pgExecutor(await sdb.client());
    await expect(writeAudit(db, { principal: officer, action: ' ', entityType: 'X' })).rejects.toThrow(TypeError);
    await expect(writeAudit(db, { principal: officer, action: 'x', entityType: '' })).rejects.toThrow(TypeError);
  });
});

describe('the security migration', () => {
  it('reverts and re-applies cleanly', async () => {
    const migrator = sdb.orm.getMigrator();
    await migrator.down({ migrations: ['Migration20261129200000_security'] });
    const c = await sdb.client();
    const gone = await c.query(`select to_regclass('public.audit_log') as a, to_regclass('public.api_key') as k`);
    expect(gone.rows[0]).toEqual({ a: null, k: null });
    await migrator.up();
    const back = await c.query(`select to_regclass('public.audit_log')::text as a, to_regclass('public.api_key')::text as k`);
    expect(back.rows[0]).toEqual({ a: 'audit_log', k: 'api_key' });
    await writeAudit(c, { principal: officer, action: 'afterReapply', entityType: 'Mou' });
    await expect(c.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(c.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });
});
