/**
 * `npm run --silent api-key -- create ... --json` as a script runs it, from the repository root: the
 * build step (turbo) and npm print nothing on stdout, so the whole stdout is one JSON object, whose
 * key then works against the live gateway. Without `--json` stdout is the key alone.
 */
import { execFile } from 'node:child_process';
import { liveGateway, REPO_ROOT } from './support/live';

/** The build step is a turbo cache hit after `npm run build`, but rebuilds whatever changed since. */
const BUILD_AND_RUN_MS = 400_000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command line as a user types it (npm from PATH), with the live gateway's data directory. */
function npmRun(args: readonly string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {};
  // as from a shell: no npm_* / turbo settings inherited from the test runner (`npm test` → turbo → jest)
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|TURBO_)/i.test(k) && k !== 'DATABASE_URL') env[k] = v;
  env.JEMBATAN_DATA_DIR = liveGateway().dataDir;
  return new Promise((resolve) => {
    execFile('npm', [...args], { cwd: REPO_ROOT, env, timeout: BUILD_AND_RUN_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function routesWith(apiKey: string): Promise<number> {
  const res = await fetch(liveGateway().url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: '{ routes { code } }' }),
  });
  return res.status;
}

describe('npm run --silent api-key -- create', () => {
  it('--json: the whole stdout is one JSON object with the key, which the gateway accepts', async () => {
    const run = await npmRun(['run', '--silent', 'api-key', '--', 'create', '--role', 'ANALYST', '--name', 'e2e json script', '--expires', '2099-01-01', '--json']);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const parsed: unknown = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({
      apiKey: expect.stringMatching(/^jmb_[0-9a-f]{16}_/),
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: 'e2e json script',
      roles: ['ANALYST'],
      expiresAt: '2099-01-01T00:00:00.000Z',
      revokedAt: null,
      createdAt: expect.any(String),
    });
    const { apiKey, keyId } = parsed as { apiKey: string; keyId: string };
    expect(apiKey.slice(4, 20)).toBe(keyId);
    expect(await routesWith(apiKey)).toBe(200);
    expect(await routesWith(`${apiKey.slice(0, -1)}${apiKey.endsWith('A') ? 'B' : 'A'}`)).toBe(401);
  }, BUILD_AND_RUN_MS + 20_000);

  it('without --json: stdout is the key and a newline, the explanation is on stderr', async () => {
    const run = await npmRun(['run', '--silent', 'api-key', '--', 'create', '--role', 'ANALYST', '--name', 'e2e human']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^jmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
    expect(run.stderr).toMatch(/shown only this once/);
    expect(await routesWith(run.stdout.trim())).toBe(200);
  }, BUILD_AND_RUN_MS + 20_000);
});
