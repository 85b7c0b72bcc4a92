/**
 * Which PostgreSQL a command-line tool (api-key, import) uses: `DATABASE_URL`; else the embedded
 * cluster of the running gateway in `JEMBATAN_DATA_DIR` (its port from postmaster.pid, its
 * credentials from embedded-postgres.json); else one started for the command and stopped after it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/config';
import type { Logger } from '../config/logger';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres';

/** The port of a running embedded cluster, from its postmaster.pid (line 4), if the process lives. */
export async function runningEmbeddedPort(pgDataDir: string): Promise<number | undefined> {
  const pidFile = path.join(pgDataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return undefined; // EPERM: alive, owned by postgres
  }
  return port;
}

export interface CommandDatabase {
  readonly url: string;
  /** Set when the command started the cluster itself: stop it when the command ends. */
  readonly embedded: EmbeddedPostgres | undefined;
}

/** Throws `ConfigError` (from loadConfig) on bad settings. `log` receives the embedded cluster's lines. */
export async function commandDatabase(env: NodeJS.ProcessEnv, log: Logger): Promise<CommandDatabase> {
  const config = loadConfig(env);
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const port = await runningEmbeddedPort(path.join(config.dataDir, 'postgres'));
  const credentialsFile = path.join(config.dataDir, 'embedded-postgres.json');
  if (port !== undefined && existsSync(credentialsFile)) {
    const c = JSON.parse(await readFile(credentialsFile, 'utf8')) as { user: string; password: string };
    return { url: `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/jembatan`, embedded: undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  return { url: embedded.url, embedded };
}
