/**
 * `npm run migrate`: apply the committed migrations and exit. Uses DATABASE_URL, or the embedded
 * PostgreSQL in JEMBATAN_DATA_DIR when it is unset.
 */
import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { createOrm, migrate } from '../db/orm';

async function run(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  try {
    const orm = await createOrm({ clientUrl: config.databaseUrl ?? (embedded as NonNullable<typeof embedded>).url, log });
    try {
      const applied = await migrate(orm);
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}\n` : 'No pending migrations.\n');
    } finally {
      await orm.close(true);
    }
  } finally {
    await embedded?.stop();
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`Migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
