/** The api-key CLI against a real PostgreSQL (DATABASE_URL). */
import { readAuditLog } from '../audit-log';
import { verifyApiKey } from '../api-key';
import { pgExecutor } from '../sql-executor';
import { startSecurityDb, type SecurityDb } from '../__tests__/security-db';
import { runApiKeyCli } from './create-api-key';

let sdb: SecurityDb;
beforeAll(async () => {
  sdb = await startSecurityDb();
});
afterAll(async () => {
  await sdb?.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runApiKeyCli(argv, {
    env: { DATABASE_URL: sdb.url },
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('api-key CLI', () => {
  it('creates a key, prints it once on stdout, and audits the creation', async () => {
    const r = await cli('create', '--role', 'OFFICER', '--role', 'analyst', '--name', 'Portal Serang Smart Service', '--city', 'Kota Serang');
    expect(r.code).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^jmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(r.err).toMatch(/shown only this once/);
    expect(r.err).not.toContain(token.slice(21));
    const db = pgExecutor(await sdb.client());
    const principal = await verifyApiKey(db, token);
    expect(principal).toMatchObject({ roles: ['PUBLIC', 'OFFICER', 'ANALYST'], city: 'Kota Serang', name: 'Portal Serang Smart Service' });
    const [audit] = await readAuditLog(db, { entityType: 'ApiKey', entityId: principal.keyId });
    expect(audit).toMatchObject({ action: 'createApiKey', principalKind: 'system', actor: expect.stringMatching(/^cli:/) });
    expect(JSON.stringify(audit)).not.toContain(token.slice(21));

    const list = await cli('list');
    expect(list.out).toContain(principal.keyId);
    expect(list.out).not.toContain(token.slice(21));

    const revoked = await cli('revoke', principal.keyId as string);
    expect(revoked.code).toBe(0);
    await expect(verifyApiKey(db, token)).rejects.toMatchObject({ reason: 'CREDENTIAL_INVALID' });
    expect((await cli('list')).out).not.toContain(principal.keyId);
    expect((await cli('list', '--all')).out).toMatch(/REVOKED=/);
    expect((await readAuditLog(db, { entityId: principal.keyId })).map((a) => a.action)).toEqual(['revokeApiKey', 'createApiKey']);
  });

  it('creates a partner key with --json', async () => {
    const r = await cli('create', '--role', 'PARTNER', '--party', 'p3mi-a', '--party', 'apjati', '--name', 'P3MI A', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { apiKey: string; partyIds: string[]; roles: string[] };
    expect(json).toMatchObject({ roles: ['PARTNER'], partyIds: ['p3mi-a', 'apjati'] });
    await expect(verifyApiKey(pgExecutor(await sdb.client()), json.apiKey)).resolves.toMatchObject({ partyIds: ['p3mi-a', 'apjati'] });
  });

  it('creates a trainer key with --json (the training providers as --party)', async () => {
    const r = await cli('create', '--role', 'TRAINER', '--party', 'lpk-a', '--name', 'LPK A', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { apiKey: string; partyIds: string[]; roles: string[] };
    expect(json).toMatchObject({ roles: ['TRAINER'], partyIds: ['lpk-a'] });
    await expect(verifyApiKey(pgExecutor(await sdb.client()), json.apiKey)).resolves.toMatchObject({ roles: ['PUBLIC', 'TRAINER'], partyIds: ['lpk-a'] });
  });

  it('create --json prints exactly one JSON object on stdout, with the key and its record, and nothing on stderr', async () => {
    const r = await cli('create', '--role', 'ANALYST', '--name', 'Dashboard Disnaker', '--city', 'Kota Serang', '--expires', '2027-12-31', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['apiKey', 'candidateId', 'city', 'createdAt', 'expiresAt', 'keyId', 'name', 'partyIds', 'revokedAt', 'roles']);
    expect(json).toMatchObject({
      name: 'Dashboard Disnaker',
      roles: ['ANALYST'],
      partyIds: [],
      candidateId: null,
      city: 'Kota Serang',
      expiresAt: '2027-12-31T00:00:00.000Z',
      revokedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const token = json.apiKey as string;
    expect(token).toMatch(/^jmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(token.slice(4, 20)).toBe(json.keyId);
    await expect(verifyApiKey(pgExecutor(await sdb.client()), token)).resolves.toMatchObject({ keyId: json.keyId, roles: ['PUBLIC', 'ANALYST'] });
  });

  it('create --json that fails prints nothing on stdout', async () => {
    const r = await cli('create', '--role', 'OFFICER', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--name/);
  });

  it.each([
    [['create', '--name', 'x'], /--role/],
    [['create', '--role', 'ROOT', '--name', 'x'], /--role/],
    [['create', '--role', 'PUBLIC', '--name', 'x'], /--role/],
    [['create', '--role', 'OFFICER'], /--name/],
    [['create', '--role', 'PARTNER', '--name', 'x'], /party id/],
    [['create', '--role', 'TRAINER', '--name', 'x'], /party id/],
    [['create', '--role', 'OFFICER', '--name', 'x', '--expires', 'soon'], /YYYY-MM-DD/],
    [['create', '--role', 'OFFICER', '--name', 'x', '--expires', '2001-01-01'], /future/],
    [['revoke', 'jmb_whole_key'], /key id/],
    [['frobnicate'], /Usage/],
    [['create', '--bogus'], /Unknown option/],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('says so when there is no such key', async () => {
    const r = await cli('revoke', 'ffffffffffffffff');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No API key/);
  });

  it('--help prints the usage', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/api-key create --role/);
  });
});
