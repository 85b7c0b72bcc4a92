/**
 * `npm start` as a user runs it: the real entry point in a child process with the embedded default
 * (no DATABASE_URL), a data directory under the OS temp dir, SIGTERM, and a restart on the same data.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runApiKeyCli, spawnGateway } from './support/spawn-gateway';

let dataDir: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'jembatan-restart-'));
  await chmod(base, 0o755);
  dataDir = path.join(base, 'data');
});
afterAll(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

async function query<T>(pgPort: number, sql: string): Promise<T[]> {
  const creds = JSON.parse(await readFile(path.join(dataDir, 'embedded-postgres.json'), 'utf8')) as { user: string; password: string };
  const c = new Client({ host: '127.0.0.1', port: pgPort, user: creds.user, password: creds.password, database: 'jembatan' });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

function pgPortFrom(logs: Array<Record<string, unknown>>): number {
  const line = logs.find((l) => l.msg === 'embedded PostgreSQL ready');
  if (!line) throw new Error('no "embedded PostgreSQL ready" log line');
  return line.port as number;
}

it('starts embedded PostgreSQL, migrates, seeds once, stops on SIGTERM, and keeps its data across a restart', async () => {
  let partiesBefore = '';
  // first start: a new cluster, every migration, the seed
  const first = await spawnGateway({ JEMBATAN_DATA_DIR: dataDir });
  try {
    const logs = first.logs();
    expect(logs.find((l) => l.msg === 'embedded PostgreSQL ready')).toMatchObject({ reused: false });
    expect(logs.find((l) => l.msg === 'migrations applied')).toBeDefined();
    expect(logs.find((l) => l.msg === 'seed loaded')).toBeDefined();
    const res = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ routes { code } }' }),
    });
    expect(res.status).toBe(200);
    expect((await fetch(first.url.replace('/graphql', '/ready'))).status).toBe(200);
    const pgPort = pgPortFrom(logs);
    expect(await query(pgPort, 'select name from seed_run')).toHaveLength(1);
    // an officer's key from the CLI (`npm run api-key -- create …`), against the running gateway's cluster
    const cli = await runApiKeyCli(['create', '--role', 'OFFICER', '--name', 'Restart test'], { JEMBATAN_DATA_DIR: dataDir });
    expect(cli.code).toBe(0);
    const key = cli.stdout.trim();
    expect(key).toMatch(/^jmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(cli.stderr).not.toContain(key.slice(21));
    // user data written through the API
    const created = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation { createParty(input: { kind: EMPLOYER, name: "Kept across restarts", country: "KR" }) { id } }' }),
    });
    expect(((await created.json()) as { errors?: unknown }).errors).toBeUndefined();
    partiesBefore = (await query<{ count: string }>(pgPort, 'select count(*) from party'))[0]!.count;
  } finally {
    expect(await first.stop('SIGTERM')).toBe(0);
  }
  expect(first.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutdown complete', 'embedded PostgreSQL stopped']));

  // second start on the same directory: same cluster, nothing to migrate, the seed does not run again
  const second = await spawnGateway({ JEMBATAN_DATA_DIR: dataDir });
  try {
    const logs = second.logs();
    expect(logs.find((l) => l.msg === 'embedded PostgreSQL ready')).toMatchObject({ reused: true });
    expect(logs.find((l) => l.msg === 'database schema up to date')).toBeDefined();
    expect(logs.find((l) => l.msg === 'seed already loaded')).toBeDefined();
    const pgPort = pgPortFrom(logs);
    expect(await query(pgPort, 'select name from seed_run')).toHaveLength(1);
    expect((await query<{ count: string }>(pgPort, 'select count(*) from party'))[0]!.count).toBe(partiesBefore);
    expect(await query(pgPort, `select id from party where name = 'Kept across restarts'`)).toHaveLength(1);
  } finally {
    expect(await second.stop('SIGINT')).toBe(0);
  }
});

it('refuses a non-PostgreSQL directory in the data dir with a message, not an initdb error', async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'jembatan-bad-'));
  await chmod(base, 0o755);
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(path.join(base, 'postgres'));
  await writeFile(path.join(base, 'postgres', 'notes.txt'), 'not a cluster');
  try {
    await expect(spawnGateway({ JEMBATAN_DATA_DIR: base }, 30_000)).rejects.toThrow(/not a PostgreSQL data directory/);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});
