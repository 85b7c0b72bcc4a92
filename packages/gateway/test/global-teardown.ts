import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const cluster = g.__jembatanTestCluster as { pg: EmbeddedPostgres; dir: string } | undefined;
  const template = g.__jembatanTestTemplate as { adminUrl: string; name: string } | undefined;
  if (template && !cluster) {
    // an external server: leave nothing behind (the throw-away cluster goes as a whole)
    const admin = new Client({ connectionString: template.adminUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${template.name}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${template.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (!cluster) return;
  await cluster.pg.stop();
  await rm(cluster.dir, { recursive: true, force: true });
}
