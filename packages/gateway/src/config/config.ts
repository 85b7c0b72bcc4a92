/**
 * Gateway configuration, read once from environment variables.
 *
 * | variable            | default                   | meaning                                                     |
 * | ------------------- | ------------------------- | ----------------------------------------------------------- |
 * | PORT                | 4000                      | HTTP port (0 = any free port)                               |
 * | HOST                | (all interfaces)          | interface to bind                                           |
 * | DATABASE_URL        | (unset → embedded)        | postgres://user:pass@host:port/db; unset starts embedded PG |
 * | LOG_LEVEL           | info                      | pino level: fatal, error, warn, info, debug, trace, silent  |
 * | JEMBATAN_DATA_DIR   | <repo root>/.data         | embedded PostgreSQL data (absolute or relative to the cwd)  |
 * | JEMBATAN_PG_PORT    | (a free port)             | port of the embedded PostgreSQL                             |
 * | JEMBATAN_BODY_LIMIT | 1mb                       | largest accepted request body                               |
 * | JEMBATAN_SHUTDOWN_TIMEOUT_MS | 10000            | how long shutdown waits for in-flight requests              |
 * | JEMBATAN_SEED       | true                      | load the seed program into an empty database once          |
 * |                     |                           | (`demo`: the synthetic demo program instead, seed/demo/)    |
 * | JEMBATAN_DEMO_CANDIDATES | 2000                 | candidates in the demo program (1 to 200,000)               |
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface GatewayConfig {
  readonly port: number;
  readonly host: string | undefined;
  /** When undefined, an embedded PostgreSQL is started with its data in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** Absolute path. */
  readonly dataDir: string;
  readonly embeddedPgPort: number | undefined;
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
  readonly seed: boolean;
  /** JEMBATAN_SEED=demo: load the synthetic demo program (seed/demo/load-demo.ts) instead of the seed program. */
  readonly seedDemo?: boolean;
  /** JEMBATAN_DEMO_CANDIDATES: the demo's size. */
  readonly demoCandidates?: number;
}

export const DEMO_DEFAULT_CANDIDATES = 2000;
export const DEMO_MAX_CANDIDATES = 200_000;

/** JEMBATAN_DEMO_CANDIDATES: default 2,000; 1 to 200,000 (ConfigError otherwise). */
export function parseDemoCandidates(raw: string | undefined): number {
  const v = raw?.trim().replace(/[_,.]/g, '');
  if (!v) return DEMO_DEFAULT_CANDIDATES;
  if (!/^\d{1,7}$/.test(v) || Number(v) < 1 || Number(v) > DEMO_MAX_CANDIDATES) {
    throw new ConfigError(`JEMBATAN_DEMO_CANDIDATES must be a whole number from 1 to ${DEMO_MAX_CANDIDATES}`);
  }
  return Number(v);
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The repository root: the nearest ancestor whose package.json declares npm workspaces. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown };
        if (json.workspaces) return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function parsePort(name: string, raw: string | undefined, fallback: number | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim();
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535`);
  }
  return Number(value);
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): GatewayConfig {
  const port = parsePort('PORT', env.PORT, 4000) as number;
  const logLevelRaw = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevelRaw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // never echo the URL: it usually carries a password
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// connection URL');
  }
  const dataDirRaw = env.JEMBATAN_DATA_DIR?.trim();
  const dataDir = dataDirRaw ? path.resolve(cwd, dataDirRaw) : path.join(findRepoRoot(), '.data');
  const bodyLimit = env.JEMBATAN_BODY_LIMIT?.trim() || '1mb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) throw new ConfigError('JEMBATAN_BODY_LIMIT must look like 512kb or 1mb');
  const timeoutRaw = env.JEMBATAN_SHUTDOWN_TIMEOUT_MS?.trim();
  if (timeoutRaw && !/^\d{1,7}$/.test(timeoutRaw)) {
    throw new ConfigError('JEMBATAN_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds');
  }
  const demo = env.JEMBATAN_SEED?.trim().toLowerCase() === 'demo';
  return {
    port,
    host: env.HOST?.trim() || undefined,
    databaseUrl,
    logLevel: logLevelRaw as LogLevel,
    dataDir,
    embeddedPgPort: parsePort('JEMBATAN_PG_PORT', env.JEMBATAN_PG_PORT, undefined),
    bodyLimit,
    shutdownTimeoutMs: timeoutRaw ? Number(timeoutRaw) : 10_000,
    seed: demo ? true : parseBoolean('JEMBATAN_SEED', env.JEMBATAN_SEED, true),
    ...(demo ? { seedDemo: true, demoCandidates: parseDemoCandidates(env.JEMBATAN_DEMO_CANDIDATES) } : {}),
  };
}

/** The URL with its password replaced, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
