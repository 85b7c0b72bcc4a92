// Runs GraphQL Code Generator (codegen.ts) for the SDK, from the package directory.
//
//   node scripts/codegen.mjs            generate src/generated/ from ../gateway/schema.graphql
//   node scripts/codegen.mjs --check    exit 1 if src/generated/ differs from what the schema gives
//
// The gateway's schema file is committed, so a missing schema is an error in both modes (exit 1 with
// what to do): the SDK is built from that file, never from gateway source.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const schema = path.resolve(pkgDir, process.env.JEMBATAN_CODEGEN_SCHEMA ?? '../gateway/schema.graphql');
const generated = path.resolve(pkgDir, process.env.JEMBATAN_CODEGEN_OUT ?? 'src/generated');
const rel = (p) => path.relative(process.cwd(), p) || '.';

if (!fs.existsSync(schema)) {
  console.error(
    `[sdk codegen] ${rel(schema)} is missing: build the gateway (\`npm run build -w @jembatan/gateway\` writes it) and commit it.`,
  );
  process.exit(1);
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
