/**
 * One live gateway for the whole end-to-end run, started by global-setup.ts: the real entry point
 * (packages/gateway/dist/main.js) on a fresh embedded PostgreSQL in a temporary data directory,
 * seeded as `npm start` seeds it, with API keys made by the gateway's own CLI
 * (`api-key create --role ...`) when the gateway has access control. Tests read it with `liveGateway()`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const GATEWAY_DIR = path.dirname(require.resolve('@jembatan/gateway/package.json'));

export type KeyRole = 'ADMIN' | 'OFFICER' | 'ANALYST';

export interface LiveGatewayInfo {
  /** GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  readonly url: string;
  /** API keys by role; empty when the gateway has no access control (no key CLI). */
  readonly keys: Partial<Record<KeyRole, string>>;
  /** The compiled examples (tsc -p examples), one folder per example. */
  readonly examplesDir: string;
  readonly dataDir: string;
  /** Milliseconds from spawning the gateway to "ready". */
  readonly startMs: number;
}

const ENV_KEY = 'JEMBATAN_E2E_LIVE';

/** The live gateway of this run (set by global-setup.ts). */
export function liveGateway(): LiveGatewayInfo {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error(`${ENV_KEY} is not set: run the end-to-end tests through jest (test/jest.config.js globalSetup)`);
  return JSON.parse(raw) as LiveGatewayInfo;
}

interface Running {
  readonly supervisor: ChildProcess;
  readonly workDir: string;
  output(): string;
}

/** Environment of the gateway under test: a temporary data directory, any free port, loopback only. */
export function gatewayEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    JEMBATAN_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The whole suite comes from one address; the graphql-http audit alone sends ~60 requests.
    JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '100000',
    JEMBATAN_RATE_LIMIT_PER_MINUTE: '100000',
  };
}

export async function createKey(dataDir: string, role: KeyRole): Promise<string> {
  const cli = path.join(GATEWAY_DIR, 'dist', 'security', 'cli', 'create-api-key.js');
  const { stdout } = await execFileAsync(process.execPath, [cli, 'create', '--role', role, '--name', `e2e ${role.toLowerCase()}`, '--json'], {
    env: gatewayEnv(dataDir),
    timeout: 30_000,
  });
  const parsed = JSON.parse(stdout) as { apiKey?: unknown };
  if (typeof parsed.apiKey !== 'string') throw new Error(`api-key create --role ${role} printed no key`);
  return parsed.apiKey;
}

async function compileExamples(outDir: string): Promise<void> {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    await execFileAsync(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'examples', 'tsconfig.json'), '--outDir', outDir], { timeout: 120_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`examples do not compile (tsc -p examples):\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

export async function startLiveGateway(): Promise<{ info: LiveGatewayInfo; running: Running }> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'jembatan-e2e-'));
  await chmod(workDir, 0o755); // as root, PostgreSQL runs as `postgres`, which must traverse it
  const dataDir = path.join(workDir, 'data');
  const examplesDir = path.join(workDir, 'examples');
  const main = path.join(GATEWAY_DIR, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the gateway first (npm run build)`);

  const started = Date.now();
  const supervisor = spawn(process.execPath, [path.join(__dirname, 'gateway-supervisor.js'), main], {
    env: gatewayEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  supervisor.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  supervisor.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const running: Running = { supervisor, workDir, output: () => out };

  const compiling = compileExamples(examplesDir);
  compiling.catch(() => undefined);
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gateway did not start within 90 s:\n${out}`)), 90_000);
      const onData = (): void => {
        const m = /ready at (http:\/\/\S+\/graphql)/.exec(out);
        if (m) {
          clearTimeout(timer);
          supervisor.stdout?.off('data', onData);
          resolve(m[1] as string);
        }
      };
      supervisor.stdout?.on('data', onData);
      supervisor.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited with code ${code} before it was ready:\n${out}`));
      });
    });
  } catch (e) {
    await stopLiveGateway(running);
    throw e;
  }
  const startMs = Date.now() - started;
  try {
    const keyCli = path.join(GATEWAY_DIR, 'dist', 'security', 'cli', 'create-api-key.js');
    const roles: KeyRole[] = existsSync(keyCli) ? ['ADMIN', 'OFFICER', 'ANALYST'] : [];
    const made = await Promise.all(roles.map(async (role) => [role, await createKey(dataDir, role)] as const));
    await compiling;
    return { info: { url, keys: Object.fromEntries(made), examplesDir, dataDir, startMs }, running };
  } catch (e) {
    await stopLiveGateway(running);
    throw e;
  }
}

/** Stops the gateway (SIGTERM: it drains, closes the pool and stops PostgreSQL) and removes the work directory. */
export async function stopLiveGateway(running: Running): Promise<void> {
  const { supervisor } = running;
  if (supervisor.exitCode === null && supervisor.signalCode === null) {
    const exited = new Promise<void>((resolve) => supervisor.once('exit', () => resolve()));
    supervisor.kill('SIGTERM');
    const timer = setTimeout(() => supervisor.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  await writeFile(path.join(running.workDir, 'gateway.log'), running.output()).catch(() => undefined);
  const errors = running
    .output()
    .split('\n')
    .filter((l) => /^\{.*"level":(50|60)/.test(l));
  if (errors.length > 0) process.stderr.write(`[e2e] the gateway logged ${errors.length} error line(s):\n${errors.slice(0, 5).join('\n')}\n`);
  await rm(running.workDir, { recursive: true, force: true });
}

export { ENV_KEY as LIVE_GATEWAY_ENV };
