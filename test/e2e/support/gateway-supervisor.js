// Runs the gateway (packages/gateway/dist/main.js, as `npm start` does) as a child process and stops
// it when the test runner goes away: the runner starts this script with an IPC channel, which
// closes when the runner exits for any reason (even SIGKILL), so no gateway or PostgreSQL is left
// behind. SIGTERM/SIGINT are passed on; the gateway's exit code becomes this script's. Any further
// arguments are paths removed once the gateway has exited (the demo gateway's work directory,
// demo-gateway.ts).
'use strict';
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');

const main = process.argv[2];
const removeAfter = process.argv.slice(3);
if (!main) {
  process.stderr.write('usage: gateway-supervisor.js <path to dist/main.js> [path to remove after exit ...]\n');
  process.exit(2);
}
const child = spawn(process.execPath, [main], { stdio: 'inherit', env: process.env });
let stopping = false;
const stop = () => {
  if (stopping || child.exitCode !== null) return;
  stopping = true;
  child.kill('SIGTERM');
  // the gateway's own shutdown timeout is 10 s; never hang longer than that plus PostgreSQL's stop
  setTimeout(() => child.kill('SIGKILL'), 25_000).unref();
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => {
  for (const p of removeAfter) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // best effort: a leftover temporary directory is not worth a failed run
    }
  }
  process.exit(code ?? (signal ? 1 : 0));
});
