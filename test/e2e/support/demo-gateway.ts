/**
 * A second live gateway for the end-to-end suites that need realistic volumes: the real entry point
 * (packages/gateway/dist/main.js) on its own fresh embedded PostgreSQL, loaded with the synthetic
 * demo program (`JEMBATAN_SEED=demo`, packages/gateway/src/seed/demo, dated up to DEMO_AS_OF), with
 * ANALYST, OFFICER and ADMIN keys made by the gateway's own CLI. Like the main e2e gateway it runs in
 * production mode (no NODE_ENV): introspection and the explorer answer ANALYST and ADMIN keys only.
 *
 *   const demo = await demoGateway(); // { url, keys: { ANALYST, OFFICER, ADMIN }, asOf }
 *
 * Started lazily, once per jest worker process: Jest gives every test file its own module registry,
 * so the running gateway is recorded in a file named after the worker's pid (in the main gateway's
 * work directory, which lives as long as the run); the next test file in the same worker finds it
 * and reuses it. Stopped at the end: the global teardown stops every recorded demo gateway
 * (`stopDemoGateways`), and if the worker dies first, the supervisor (gateway-supervisor.js) sees
 * its IPC channel close and stops the gateway; either way it removes the gateway's work directory.
 * Tests must not change the demo data in ways another suite would notice (it is shared).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKey, GATEWAY_DIR, gatewayEnv, liveGateway, type KeyRole } from './live-gateway';

export interface DemoGatewayInfo {
  /** GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql */
  readonly url: string;
  readonly keys: Readonly<Record<KeyRole, string>>;
  /** The demo's own "today" (DEMO_AS_OF): the last date its histories reach. */
  readonly asOf: string;
}

interface Registered extends DemoGatewayInfo {
  readonly supervisorPid: number;
  readonly workDir: string;
  readonly logFile: string;
}

const START_TIMEOUT_MS = 240_000;
const REGISTRY_PREFIX = 'demo-gateway-';

/** Where this run records its demo gateways: the main e2e gateway's work directory. */
function registryDir(): string {
  return path.dirname(liveGateway().dataDir);
}

function registryFile(pid: number = process.pid): string {
  return path.join(registryDir(), `${REGISTRY_PREFIX}${pid}.json`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(5_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The demo's as-of date, from the gateway's own build (seed/demo/program.ts DEMO_AS_OF). */
function demoAsOf(): string {
  const program = require(path.join(GATEWAY_DIR, 'dist', 'seed', 'demo', 'program.js')) as { DEMO_AS_OF?: unknown };
  if (typeof program.DEMO_AS_OF !== 'string') throw new Error('the gateway build has no seed/demo/program.js DEMO_AS_OF: rebuild the gateway');
  return program.DEMO_AS_OF;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function start(): Promise<Registered> {
  const main = path.join(GATEWAY_DIR, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the gateway first (npm run build)`);
  const workDir = await mkdtemp(path.join(tmpdir(), 'jembatan-e2e-demo-'));
  await chmod(workDir, 0o755); // as root, PostgreSQL runs as `postgres`, which must traverse it
  const dataDir = path.join(workDir, 'data');
  // the gateway writes to a file, not to pipes read by this test file's context (which Jest tears
  // down after the file while the gateway lives on for the next one); the file is kept beside the
  // registry (the run's directory), so that a gateway that failed can still be read after its work
  // directory was removed
  const logFile = path.join(registryDir(), `${REGISTRY_PREFIX}${process.pid}-${Date.now()}.log`);
  const log = openSync(logFile, 'a');
  const supervisor = spawn(process.execPath, [path.join(__dirname, 'gateway-supervisor.js'), main, workDir], {
    env: { ...gatewayEnv(dataDir), JEMBATAN_SEED: 'demo' },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  // the worker may exit whenever Jest is done with it: nothing here keeps it alive
  supervisor.unref();
  supervisor.channel?.unref();
  const pid = supervisor.pid;
  if (pid === undefined) throw new Error('could not start the demo gateway (no pid)');

  const output = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + START_TIMEOUT_MS;
  let url: string | undefined;
  while (!url) {
    const m = /ready at (http:\/\/\S+\/graphql)/.exec(output());
    if (m) url = m[1] as string;
    else if (supervisor.exitCode !== null || supervisor.signalCode !== null) {
      throw new Error(`the demo gateway exited (${supervisor.exitCode ?? supervisor.signalCode}) before it was ready:\n${output()}`);
    } else if (Date.now() > deadline) {
      supervisor.kill('SIGTERM');
      throw new Error(`the demo gateway did not start within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
    } else await sleep(250);
  }
  try {
    const roles = ['ANALYST', 'OFFICER', 'ADMIN'] as const;
    const made = await Promise.all(roles.map(async (role) => [role, await createKey(dataDir, role)] as const));
    const keys = Object.fromEntries(made) as Record<KeyRole, string>;
    return { url, keys, asOf: demoAsOf(), supervisorPid: pid, workDir, logFile };
  } catch (e) {
    supervisor.kill('SIGTERM');
    throw e;
  }
}

async function reuseOrStart(): Promise<DemoGatewayInfo> {
  const file = registryFile();
  if (existsSync(file)) {
    const known = JSON.parse(await readFile(file, 'utf8')) as Registered;
    if (alive(known.supervisorPid) && (await healthy(known.url))) return { url: known.url, keys: known.keys, asOf: known.asOf };
  }
  const started = Date.now();
  const running = await start();
  await writeFile(file, JSON.stringify(running));
  process.stdout.write(`\n[e2e] demo gateway (JEMBATAN_SEED=demo, as of ${running.asOf}) ready at ${running.url} in ${Date.now() - started} ms\n`);
  return { url: running.url, keys: running.keys, asOf: running.asOf };
}

let current: Promise<DemoGatewayInfo> | undefined;

/** The demo-data gateway of this jest worker, started on first use (see the top of this file). */
export function demoGateway(): Promise<DemoGatewayInfo> {
  current ??= reuseOrStart();
  current.catch(() => {
    current = undefined; // let the next call try again rather than repeat a stale failure
  });
  return current;
}

/**
 * Global teardown: stop every demo gateway this run started (SIGTERM to its supervisor, which
 * drains the gateway, stops its PostgreSQL and removes its work directory), and report the error
 * lines it logged.
 */
export async function stopDemoGateways(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.startsWith(REGISTRY_PREFIX) && f.endsWith('.json'));
  await Promise.all(
    files.map(async (f) => {
      const known = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Registered;
      if (alive(known.supervisorPid)) {
        process.kill(known.supervisorPid, 'SIGTERM');
        const deadline = Date.now() + 40_000;
        while (alive(known.supervisorPid) && Date.now() < deadline) await sleep(200);
        if (alive(known.supervisorPid)) process.kill(known.supervisorPid, 'SIGKILL');
      }
      const errors = existsSync(known.logFile)
        ? readFileSync(known.logFile, 'utf8')
            .split('\n')
            .filter((l) => /^\{.*"level":(50|60)/.test(l))
        : [];
      if (errors.length > 0) process.stderr.write(`[e2e] the demo gateway logged ${errors.length} error line(s):\n${errors.slice(0, 5).join('\n')}\n`);
    }),
  );
}
