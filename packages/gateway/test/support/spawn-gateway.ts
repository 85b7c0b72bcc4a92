/** Run the real entry point (src/main.ts) in a child Node process, as `npm start` would. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedGateway {
  readonly child: ChildProcess;
  readonly url: string;
  /** Parsed JSON log lines so far. */
  logs(): Array<Record<string, unknown>>;
  /** Raw stdout + stderr so far. */
  output(): string;
  /** Send a signal and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const GATEWAY_ROOT = path.resolve(__dirname, '..', '..');

export function spawnGateway(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedGateway> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(GATEWAY_ROOT, 'test/support/swc-register.js'), path.join(GATEWAY_ROOT, 'src/main.ts')],
    {
      cwd: GATEWAY_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const handle = (url: string): SpawnedGateway => ({
    child,
    url,
    output: () => out,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (): void => {
      const m = /ready at (http:\/\/\S+\/graphql)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(handle(m[1] as string));
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with code ${code} before it was ready:\n${out}`));
    });
  });
}

/** Run `api-key` (src/security/cli/create-api-key.ts) as `npm run api-key --` would; resolves with its exit code and output. */
export function runApiKeyCli(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(GATEWAY_ROOT, 'test/support/swc-register.js'), path.join(GATEWAY_ROOT, 'src/security/cli/create-api-key.ts'), ...args],
    { cwd: GATEWAY_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
