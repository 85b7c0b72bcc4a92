import { rm } from 'node:fs/promises';
import type { EmbeddedPostgres } from '../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as Record<string, unknown>).__jembatanTestCluster as
    | { pg: EmbeddedPostgres; dir: string }
    | undefined;
  if (!cluster) return;
  await cluster.pg.stop();
  await rm(cluster.dir, { recursive: true, force: true });
}
