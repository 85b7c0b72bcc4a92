// Builds the SDK twice from the same sources: CommonJS into <out>/ and ESM into <out>/esm/
// (with a {"type":"module"} marker so Node loads those .js files as ES modules), both with
// declarations. Usage: node scripts/build.mjs [--out <dir>]   (default: dist)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--out');
const out = path.resolve(pkgDir, i > 0 && process.argv[i + 1] ? process.argv[i + 1] : 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

fs.rmSync(out, { recursive: true, force: true });
for (const [config, dir] of [
  ['tsconfig.build.json', out],
  ['tsconfig.esm.json', path.join(out, 'esm')],
]) {
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(pkgDir, config), '--outDir', dir], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
fs.writeFileSync(path.join(out, 'esm', 'package.json'), '{ "type": "module", "sideEffects": false }\n');
