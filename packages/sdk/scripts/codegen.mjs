// Runs GraphQL Code Generator (codegen.ts) for the SDK, from the package directory.
//
//   node scripts/codegen.mjs            generate src/generated/ from ../gateway/schema.graphql
//   node scripts/codegen.mjs --check    exit 1 if src/generated/ differs from what the schema gives
//
// While the gateway's schema file does not exist yet, it prints why it skipped and exits 0, so that
// the build keeps working; set JEMBATAN_REQUIRE_SCHEMA=1 (or pass --require-schema) to make a
// missing schema an error instead. In --check mode without a schema, generated files that are
// already there are reported as stale (they cannot have come from a schema that is not there).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const requireSchema = args.includes('--require-schema') || process.env.JEMBATAN_REQUIRE_SCHEMA === '1';
const schema = path.resolve(pkgDir, process.env.JEMBATAN_CODEGEN_SCHEMA ?? '../gateway/schema.graphql');
const generated = path.resolve(pkgDir, process.env.JEMBATAN_CODEGEN_OUT ?? 'src/generated');
const rel = (p) => path.relative(process.cwd(), p) || '.';

if (!fs.existsSync(schema)) {
  if (requireSchema) {
    console.error(`[sdk codegen] ${rel(schema)} is missing: build the gateway (it writes the schema) and commit it.`);
    process.exit(1);
  }
  if (check && fs.existsSync(generated) && fs.readdirSync(generated).length > 0) {
    console.error(`[sdk codegen] ${rel(generated)} exists but ${rel(schema)} does not: the generated files are stale.`);
    process.exit(1);
  }
  console.log(`[sdk codegen] skipped: ${rel(schema)} does not exist yet (the gateway writes it). Nothing generated.`);
  process.exit(0);
}

const cliDir = path.dirname(createRequire(import.meta.url).resolve('@graphql-codegen/cli/package.json'));
const result = spawnSync(
  process.execPath,
  [path.join(cliDir, 'cjs', 'bin.js'), '--config', 'codegen.ts', ...(check ? ['--check'] : [])],
  { cwd: pkgDir, stdio: 'inherit', env: process.env },
);
if (result.status !== 0) {
  if (check) console.error('[sdk codegen] generated files are stale: run `npm run codegen -w @jembatan/sdk` and commit the result.');
  process.exit(result.status ?? 1);
}
console.log(`[sdk codegen] ${check ? 'up to date' : 'generated'}: ${rel(generated)}`);
