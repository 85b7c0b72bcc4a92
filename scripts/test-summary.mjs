// Adds up the per-package result files written by scripts/jest-json-reporter.js and prints
// the closing line CI reads. `--reset` clears old results before a run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.jest-results');
if (process.argv.includes('--reset')) {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
let passed = 0;
let failed = 0;
let skipped = 0;
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const f of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  const slow = (r.slowest ?? []).map((s) => `${path.basename(s.file)} ${s.seconds.toFixed(0)} s`);
  if (slow.length) console.log(`    slowest: ${slow.join(', ')}`);
  for (const f of r.failures ?? []) {
    console.log(`    FAILED ${f.test}`);
    for (const line of f.message.split('\n').filter((l) => l.trim()).slice(0, 8)) console.log(`      ${line.trim()}`);
  }
}
// Every workspace with a jest.config.js must have reported; a package whose runner crashed counts as a failure.
const root = path.join(dir, '..');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces.filter((w) =>
  fs.existsSync(path.join(root, w, 'jest.config.js')),
);
const reported = new Set(files.map((f) => f.replace(/\.json$/, '')));
for (const w of expected) {
  const name = w === 'test' ? 'e2e' : path.basename(w);
  if (!reported.has(name)) {
    failed += 1;
    console.log(`  ${name}: no test result (its test runner did not finish)`);
  }
}
// A build or typecheck task that failed before any test ran still fails the run.
const turboExit = Number((process.argv.find((a) => a.startsWith('--exit-code=')) ?? '--exit-code=0').split('=')[1]);
if (turboExit !== 0 && failed === 0) {
  failed += 1;
  console.log('  a build, codegen or typecheck task failed (see the turbo output above)');
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
