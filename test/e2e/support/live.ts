/** What the end-to-end tests use: SDK clients for each role, and a runner for the compiled examples. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { createClient, type ClientOptions, type JembatanClient } from '@jembatan/sdk';
import { liveGateway, REPO_ROOT, type KeyRole } from './live-gateway';

export { liveGateway, REPO_ROOT };

export type Caller = 'PUBLIC' | KeyRole;

/**
 * A client for the live gateway as `caller` (PUBLIC: no credentials). Without access control in the
 * gateway every caller is anonymous. No retries: a failure in a test should show at once.
 */
export function clientAs(caller: Caller, extra: Partial<ClientOptions> = {}): JembatanClient {
  const live = liveGateway();
  const apiKey = caller === 'PUBLIC' ? undefined : live.keys[caller];
  return createClient({ url: live.url, retries: 0, timeoutMs: 30_000, ...(apiKey ? { apiKey } : {}), ...extra });
}

/** Whether the gateway enforces access control (its key CLI made keys). */
export function hasAccessControl(): boolean {
  return Object.keys(liveGateway().keys).length > 0;
}

export interface ExampleRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a compiled example as a developer would (`node examples/dist/<name>/main.js ...`), with
 * JEMBATAN_URL and, for a role, JEMBATAN_API_KEY in its environment.
 */
export function runExample(name: string, args: readonly string[], options: { caller?: Caller; env?: Record<string, string> } = {}): Promise<ExampleRun> {
  const live = liveGateway();
  const key = options.caller && options.caller !== 'PUBLIC' ? live.keys[options.caller] : undefined;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    // the examples are compiled outside the repository: resolve @jembatan/sdk from its node_modules
    NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
    JEMBATAN_URL: live.url,
    ...(key ? { JEMBATAN_API_KEY: key } : {}),
    ...options.env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(live.examplesDir, name, 'main.js'), ...args],
      { cwd: REPO_ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** Today in Western Indonesia Time (the gateway's default date), YYYY-MM-DD. */
export function todayWib(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
