// The SDK's build: the shared package build (scripts/build-package.mjs at the repository root, also
// used by @jembatan/domain): CommonJS into <out>/ and ESM into <out>/esm/, both with declarations.
// Usage: node scripts/build.mjs [--out <dir>]   (default: dist)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../scripts/build-package.mjs';

runCli(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
