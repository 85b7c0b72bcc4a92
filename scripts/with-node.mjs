#!/usr/bin/env node
// Runs a command under another Node.js line, taken from the npm registry (the package
// `node-<platform>-<arch>`, the binary the `node@<line>` package installs), without touching the
// machine's Node. The binary is unpacked once into .cache/node/<version>/ (gitignored), then the
// command runs with that directory first on PATH, so `npm`, turbo's tasks and jest all run on it.
//
//   node scripts/with-node.mjs 24 -- npm test        (what `npm run test:node24` does)
//   node scripts/with-node.mjs 22 -- node --version
//
// The versions are pinned here, so a run can be repeated; raise them deliberately.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PINNED = { 22: '22.23.5', 24: '24.22.3', 26: '26.10.0' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [line, sep, ...command] = process.argv.slice(2);
if (!PINNED[line] || sep !== '--' || command.length === 0) {
  console.error(`usage: node scripts/with-node.mjs <${Object.keys(PINNED).join('|')}> -- <command...>`);
  process.exit(2);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/** The directory holding `node` for the pinned version, unpacked from the registry on first use. */
function nodeBinDir(version) {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const pkg = `node-${platform}-${process.arch}`;
  const dir = path.join(root, '.cache', 'node', version);
  const bin = path.join(dir, 'package', 'bin');
  if (fs.existsSync(path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node'))) return bin;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jembatan-node-'));
  console.error(`with-node: fetching ${pkg}@${version} from the npm registry`);
  if (run('npm', ['pack', `${pkg}@${version}`, '--pack-destination', tmp, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
    console.error(`with-node: ${pkg}@${version} is not on the registry for this platform`);
    process.exit(1);
  }
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  fs.mkdirSync(dir, { recursive: true });
  if (!tgz || run('tar', ['-xzf', path.join(tmp, tgz), '-C', dir]) !== 0) process.exit(1);
  fs.rmSync(tmp, { recursive: true, force: true });
  return bin;
}

const bin = nodeBinDir(PINNED[line]);
// TURBO_FORCE: builds cached under another Node line are rebuilt, so the whole run is on this one.
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, TURBO_FORCE: 'true' };
const version = spawnSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
console.error(`with-node: running \`${command.join(' ')}\` on Node ${version}`);
process.exit(run(command[0], command.slice(1), { env, cwd: root, shell: process.platform === 'win32' }));
