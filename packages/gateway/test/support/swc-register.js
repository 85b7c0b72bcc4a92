// Lets a child `node` process run the gateway's TypeScript sources directly (same swc settings as
// jest.base.js: legacy decorators with metadata), e.g. `node -r ./test/support/swc-register.js src/main.ts`.
//
// The output is cached on disk (OS temp directory), keyed by the file's path and content, the swc version
// and the options: the tests spawn the gateway a dozen times a run (db-outage, restart, multi-replica, the
// API-key CLI), and each spawn would otherwise compile its ~250 files again (about 0.8 s). A changed file
// has another key, so a stale entry is never used.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const OPTIONS = {
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const SWC_VERSION = require('@swc/core/package.json').version;
const CACHE_DIR = path.join(
  os.tmpdir(),
  `jembatan-swc-register-${crypto.createHash('sha256').update(`${SWC_VERSION}\0${JSON.stringify(OPTIONS)}`).digest('hex').slice(0, 16)}`,
);

function compile(source, filename) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const file = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // not cached yet
  }
  const { code } = transformSync(source, { ...OPTIONS, filename });
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // written whole, then renamed: a concurrent reader sees the old state or the complete file
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  } catch {
    // an unwritable temp directory only costs the next process the compilation
  }
  return code;
}

Module._extensions['.ts'] = function compileTs(module, filename) {
  module._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
