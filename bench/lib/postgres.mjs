/**
 * One throw-away embedded PostgreSQL for the whole run, started with the gateway's own code
 * (db/embedded-postgres.js, as test/global-setup.ts does): data under os.tmpdir(), removed at the end.
 * `ephemeral` turns fsync off, as for the test clusters: it speeds up loading the data and does not
 * touch the read path being measured (reads write no WAL that waits for fsync).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distModule, gatewayRequire } from './paths.mjs';

export const BENCH_DATABASE = 'jembatan_bench';

export async function startPostgres() {
  const { startEmbeddedPostgres } = distModule('db/embedded-postgres.js');
  const { createLogger } = distModule('config/logger.js');
  const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-bench-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must traverse it
  const pg = await startEmbeddedPostgres({ dataDir: dir, log: createLogger('warn'), database: BENCH_DATABASE, ephemeral: true });
  let stopped = false;
  return {
    url: pg.url,
    port: pg.port,
    dataDir: dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await pg.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}


/**
 * A connected pg client (the gateway's pg). A connection that drops (PostgreSQL stopped by Ctrl-C
 * during setup) fails its queries instead of crashing the process with an unhandled 'error' event,
 * so that the teardown still runs.
 */
export async function connectClient(url) {
  const { Client } = gatewayRequire('pg');
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
