/**
 * The measured servers run in child processes of their own (never in the load generator's event
 * loop). Their stdout and stderr go straight to a log file (no pipe through this process, which would
 * cost the load generator CPU while it measures).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Poll `readyUrl` until it answers 200, the child exits, or the time runs out. */
async function waitReady(child, readyUrl, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`process exited (${child.exitCode ?? child.signalCode}) before it was ready; log ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready within ${timeoutMs} ms (${readyUrl}); log ${logFile}:\n${tail(logFile)}`);
}

/**
 * Start `node <args>` with exactly `env` (plus PATH/HOME), logging to `logFile`; resolves once
 * `readyUrl` answers 200. `stop()` sends SIGTERM to that child only, then SIGKILL after `graceMs`.
 */
export async function startChild({ name, args, env, cwd, logFile, readyUrl, timeoutMs = 90_000 }) {
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await waitReady(child, readyUrl, logFile, timeoutMs);
  } catch (e) {
    await stop(2000);
    throw new Error(`${name}: ${e.message}`);
  }
  return { name, pid: child.pid, logFile, stop };
}

/**
 * Runs `run(cleanup)` and exits: 0 when it returned true, 1 when it returned false or threw (`name
 * failed:` and the stack on stderr). `cleanup` collects teardown functions, run newest first, once,
 * whoever asks first (the end of the run, or SIGINT/SIGTERM, which exits 130 after it).
 */
export async function runWithCleanup(name, say, run) {
  const cleanup = [];
  let tearingDown;
  const teardown = () =>
    (tearingDown ??= (async () => {
      for (const fn of cleanup.splice(0).reverse()) await fn().catch((e) => process.stderr.write(`cleanup: ${e.message}\n`));
    })());
  const onSignal = () => teardown().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let ok = false;
  try {
    ok = await run(cleanup);
  } catch (e) {
    process.stderr.write(`\n${name} failed: ${e.stack ?? e}\n`);
  } finally {
    await teardown();
  }
  say(ok ? 'done' : 'done, with failures (see above)');
  process.exit(ok ? 0 : 1);
}
