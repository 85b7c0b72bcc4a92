/**
 * The package as a consumer installs it: built by scripts/build.mjs, copied into a scratch
 * node_modules, then loaded by name from an ES module and from a CommonJS module (package.json
 * `exports`), and type-checked from .mts and .cts files with Node16 module resolution.
 *
 * The build is the package's own dist/ when it is current (`npm test` builds it first: turbo.json
 * `@jembatan/sdk#test` depends on the package's `build`, the same scripts/build.mjs), so the suite
 * does not compile the SDK twice more; when dist/ is missing or older than any build input (a source
 * edited since, `npx jest` without a build), the suite builds into the scratch directory itself.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const pkgDir = path.resolve(__dirname, '..', '..');
const repoModules = path.resolve(pkgDir, '..', '..', 'node_modules');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** dist/ (both conditions) written after every input of scripts/build.mjs was last changed. */
function distIsCurrent(): boolean {
  const outputs = [path.join(pkgDir, 'dist', 'index.js'), path.join(pkgDir, 'dist', 'esm', 'index.js')];
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const builtAt = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const inputs = [
    ...filesUnder(path.join(pkgDir, 'src')),
    ...['package.json', 'tsconfig.build.json', 'tsconfig.esm.json', 'scripts/build.mjs'].map((f) => path.join(pkgDir, f)),
    ...['tsconfig.base.json', 'scripts/build-package.mjs'].map((f) => path.join(pkgDir, '..', '..', f)),
  ];
  return inputs.every((f) => fs.statSync(f).mtimeMs <= builtAt);
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jembatan-sdk-package-'));
  const target = path.join(tmp, 'node_modules', '@jembatan', 'sdk');
  fs.mkdirSync(target, { recursive: true });
  if (distIsCurrent()) {
    fs.cpSync(path.join(pkgDir, 'dist'), path.join(target, 'dist'), { recursive: true });
  } else {
    const build = spawnSync(process.execPath, [path.join(pkgDir, 'scripts', 'build.mjs'), '--out', path.join(target, 'dist')], {
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(target, 'package.json'));
  for (const dep of ['graphql', '@graphql-typed-document-node/core', '@jembatan/domain']) {
    const link = path.join(tmp, 'node_modules', dep);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(repoModules, dep)), link, 'dir');
  }
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const program = (load: string) => `
${load}
const doc = parse('query Probe { ping }');
const client = createClient({ url: 'http://127.0.0.1:9/graphql', retries: 0, timeoutMs: 5000, fetch: async () => { throw new TypeError('fetch failed'); } });
client.request(doc).then(
  () => console.log(JSON.stringify({ ok: true })),
  (e) => console.log(JSON.stringify({ code: e.code, isSdkError: isJembatanError(e, 'NETWORK_ERROR'), instance: e instanceof JembatanError, resolved: RESOLVED })),
);
`;

function run(file: string, source: string): Record<string, unknown> {
  fs.writeFileSync(path.join(tmp, file), source);
  const r = spawnSync(process.execPath, [path.join(tmp, file)], { cwd: tmp, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

it('loads as an ES module through the "import" condition', () => {
  const out = run(
    'consumer.mjs',
    program(`import { createClient, isJembatanError, JembatanError } from '@jembatan/sdk';
import { parse } from 'graphql';
const RESOLVED = import.meta.resolve('@jembatan/sdk');`),
  );
  expect(out).toMatchObject({ code: 'NETWORK_ERROR', isSdkError: true, instance: true });
  expect(String(out.resolved)).toMatch(/\/dist\/esm\/index\.js$/);
});

it('loads as CommonJS through the "require" condition', () => {
  const out = run(
    'consumer.cjs',
    program(`const { createClient, isJembatanError, JembatanError } = require('@jembatan/sdk');
const { parse } = require('graphql');
const RESOLVED = require.resolve('@jembatan/sdk');`),
  );
  expect(out).toMatchObject({ code: 'NETWORK_ERROR', isSdkError: true, instance: true });
  expect(String(out.resolved)).toMatch(/\/dist\/index\.js$/);
});

it('ships type declarations for both conditions (Node16 resolution)', () => {
  const body = `
const client = createClient({ url: 'https://jembatan.example/graphql' });
const doc = null as unknown as TypedDocumentNode<{ ping: string }, { id: string }>;
export async function f(): Promise<string> {
  // @ts-expect-error id must be a string
  await client.request(doc, { id: 1 });
  const d = await client.request(doc, { id: 'x' });
  return d.ping;
}
export const guard: (e: unknown) => boolean = (e) => isJembatanError(e, 'TIMEOUT');
`;
  fs.writeFileSync(path.join(tmp, 'esm-consumer.mts'), `import { createClient, isJembatanError, type TypedDocumentNode } from '@jembatan/sdk';\n${body}`);
  fs.writeFileSync(path.join(tmp, 'cjs-consumer.cts'), `import { createClient, isJembatanError, type TypedDocumentNode } from '@jembatan/sdk';\n${body}`);
  fs.writeFileSync(
    path.join(tmp, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'node16',
        moduleResolution: 'node16',
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['esm-consumer.mts', 'cjs-consumer.cts'],
    }),
  );
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(tmp, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
