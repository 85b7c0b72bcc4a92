/**
 * Where the bench finds the repository and the built gateway. The gateway is CommonJS (dist/), so its
 * modules are loaded with a `require` rooted in the gateway package: the bench then uses exactly the
 * code and the dependency versions (pg, embedded-postgres, @jembatan/domain) that the gateway runs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const GATEWAY_DIR = path.join(REPO_ROOT, 'packages', 'gateway');
export const GATEWAY_DIST = path.join(GATEWAY_DIR, 'dist');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

/** `require` as the gateway package sees it (its node_modules, its workspace links). */
export const gatewayRequire = createRequire(path.join(GATEWAY_DIR, 'package.json'));

/** A module of the built gateway, e.g. `distModule('db/embedded-postgres.js')`. */
export function distModule(relative) {
  const file = path.join(GATEWAY_DIST, relative);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the gateway first (npx turbo run build --filter=@jembatan/gateway...)`);
  }
  return gatewayRequire(file);
}
