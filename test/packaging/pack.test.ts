/**
 * The two publishable packages as another city app installs them (issue 14): `npm pack` of the
 * built @jembatan/domain and @jembatan/sdk, the tarballs installed into a fresh project under the OS
 * temp directory (outside the workspace, so nothing can resolve to this repository's node_modules),
 * then used there three ways:
 *  (a) type-checked with the workspace's TypeScript version, strict + exactOptionalPropertyTypes +
 *      nodenext: the README's `sdk-quick-start` snippet as `app.mts`, and an .mts and a .cts file
 *      importing every entry point (every subpath of each package's `exports` map);
 *  (b) imported from an ES module (.mjs) and (c) required from CommonJS (.cjs), each computing a cost
 *      estimate through both packages and building the seed program, compared with this workspace,
 *      and loading every entry point, which must resolve to the file its `exports` map names.
 * Each tarball also carries the repository's LICENSE (MIT, as `license` says) and the root `engines`.
 * The packages must be built first (turbo builds them before this workspace's tests: test/package.json
 * depends on both). Network: the npm registry only (graphql, typescript; --prefer-offline).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { estimateCosts, formatMoney, parameterSnapshot } from '@jembatan/domain';
import { buildSeedProgram, seedProgramSummary } from '@jembatan/domain/seed';

const root = path.join(__dirname, '..', '..');
const PACKAGES = ['@jembatan/domain', '@jembatan/sdk'] as const;
const PACKAGE_DIRS: Record<(typeof PACKAGES)[number], string> = { '@jembatan/domain': 'packages/domain', '@jembatan/sdk': 'packages/sdk' };
const TS_VERSION = (JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }).version;

interface PackedFile {
  readonly path: string;
}
interface Packed {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly PackedFile[];
}
type ExportTarget = string | { readonly [condition: string]: ExportTarget };
interface Manifest {
  readonly name: string;
  readonly license: string;
  readonly engines: { readonly node: string };
  readonly exports: Readonly<Record<string, ExportTarget>>;
}
interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without npm's own variables: a child npm must not see this workspace as its project. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(command: string, args: readonly string[], cwd: string): Ran {
  const r = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const r = run(command, args, cwd);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const manifests = Object.fromEntries(PACKAGES.map((p) => [p, readJson<Manifest>(path.join(root, PACKAGE_DIRS[p], 'package.json'))])) as Record<
  (typeof PACKAGES)[number],
  Manifest
>;

/** Every file an `exports` entry names, under any condition (`./dist/esm/index.js` -> `dist/esm/index.js`). */
function exportTargets(target: ExportTarget): string[] {
  return typeof target === 'string' ? [target.replace(/^\.\//, '')] : Object.values(target).flatMap(exportTargets);
}

/** The file a condition path (`['import', 'default']`) leads to in an `exports` entry. */
function exportTarget(target: ExportTarget, conditions: readonly string[]): string {
  let t: ExportTarget | undefined = target;
  for (const c of conditions) t = typeof t === 'object' ? t[c] : t;
  if (typeof t !== 'string') throw new Error(`no ${conditions.join('/')} target in ${JSON.stringify(target)}`);
  return t.replace(/^\.\//, '');
}

/** Every code entry point as a specifier (`@jembatan/domain`, `@jembatan/domain/sources`, ...): each `exports` key but `./package.json`. */
const ENTRY_POINTS: readonly { readonly specifier: string; readonly pkg: (typeof PACKAGES)[number]; readonly target: ExportTarget }[] = PACKAGES.flatMap((pkg) =>
  Object.entries(manifests[pkg].exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({ specifier: subpath === '.' ? pkg : `${pkg}/${subpath.slice(2)}`, pkg, target })),
);
const SPECIFIERS = ENTRY_POINTS.map((e) => e.specifier);

/** The `sdk-quick-start` block of the root README (same rule as test/readme/readme-snippets.test.ts). */
function quickStartSnippet(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n\/\/ readme-test: ([^\n]+)\n([\s\S]*?)```/g)].find((m) => m[1]!.trim() === 'sdk-quick-start');
  if (!block) throw new Error('README.md has no `// readme-test: sdk-quick-start` block');
  return block[2]!;
}

const INPUT = { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 } as const;
const AS_OF = '2026-03-01';

let tmp: string;
let app: string;
let packed: Packed[];

beforeAll(() => {
  for (const dir of ['packages/domain/dist/esm/index.js', 'packages/sdk/dist/esm/index.js', 'packages/sdk/dist/index.js']) {
    if (!fs.existsSync(path.join(root, dir))) throw new Error(`${dir} is missing: build first (npx turbo run build --filter=@jembatan/sdk...)`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jembatan-pack-'));
  const packDir = path.join(tmp, 'packs');
  app = path.join(tmp, 'app');
  fs.mkdirSync(packDir);
  fs.mkdirSync(app);
  const workspaces = PACKAGES.flatMap((p) => ['--workspace', p]);
  packed = JSON.parse(mustRun('npm', ['pack', ...workspaces, '--pack-destination', packDir, '--json', '--ignore-scripts'], root)) as Packed[];
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'jembatan-consumer', private: true }));
  const tarballs = packed.map((p) => path.join(packDir, p.filename));
  mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs, `typescript@${TS_VERSION}`], app);
}, 150_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

it('packs both packages with CommonJS, ESM and declarations, without sources or tests', () => {
  expect(packed.map((p) => `${p.name}@${p.version}`)).toEqual(['@jembatan/domain@0.1.0', '@jembatan/sdk@0.1.0']);
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/esm/package.json']),
    );
    expect(files.filter((f) => /^src\/|\.test\.|__tests__|__typetests__|\.tsbuildinfo$/.test(f))).toEqual([]);
  }
  // every file of every `exports` entry (each subpath, each condition: import/require, types/default) is in its tarball
  expect(SPECIFIERS).toEqual(
    expect.arrayContaining(['@jembatan/domain', '@jembatan/domain/entities', '@jembatan/domain/seed', '@jembatan/domain/training', '@jembatan/domain/sources', '@jembatan/sdk']),
  );
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    const targets = Object.values(manifests[p.name as (typeof PACKAGES)[number]].exports).flatMap(exportTargets);
    expect(targets.length).toBeGreaterThanOrEqual(5);
    expect(targets.filter((t) => !files.includes(t))).toEqual([]);
  }
  // the installed SDK uses the installed domain (one copy, from the tarball), not one of its own
  const installed = (p: string) => path.join(app, 'node_modules', p);
  expect(fs.lstatSync(installed('@jembatan/domain')).isSymbolicLink()).toBe(false);
  expect(fs.existsSync(path.join(installed('@jembatan/sdk'), 'node_modules', '@jembatan', 'domain'))).toBe(false);
});

it('ships the repository LICENSE (MIT) in each tarball and declares the root engines', () => {
  const license = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Pemerintah Kota Serang and the Jembatan contributors\n/);
  const rootEngines = readJson<{ engines: { node: string } }>(path.join(root, 'package.json')).engines.node;
  for (const p of packed) {
    expect(p.files.map((f) => f.path)).toContain('LICENSE');
    // the copy in the package (what npm packs) is the root LICENSE, as installed from the tarball
    expect(fs.readFileSync(path.join(app, 'node_modules', p.name, 'LICENSE'), 'utf8')).toBe(license);
    const installed = readJson<Manifest>(path.join(app, 'node_modules', p.name, 'package.json'));
    expect({ license: installed.license, engines: installed.engines }).toEqual({ license: 'MIT', engines: { node: rootEngines } });
  }
});

it('type-checks the README quick start and every entry point (strict, exactOptionalPropertyTypes, nodenext)', () => {
  // what @types/node declares for `process.env`, without installing it
  fs.writeFileSync(path.join(app, 'env.d.ts'), 'declare const process: { readonly env: Readonly<Record<string, string | undefined>> };\n');
  fs.writeFileSync(path.join(app, 'app.mts'), quickStartSnippet());
  // every entry point's declarations, as namespaces (a missing or broken .d.ts is an error)
  const namespaces = SPECIFIERS.map((spec, i) => `import * as entry${i} from '${spec}';`).join('\n');
  const entries = `${namespaces}
export const entryPoints = [${SPECIFIERS.map((_, i) => `entry${i}`).join(', ')}];
import { estimateCosts, parameterSnapshot, type CostEstimate } from '@jembatan/domain';
import { Mou, isEntityId } from '@jembatan/domain/entities';
import { buildSeedProgram } from '@jembatan/domain/seed';
import { createClient, type ClientOptions, type DomainMoney } from '@jembatan/sdk';
const options: ClientOptions = { url: 'https://jembatan.example/graphql', apiKey: undefined, token: undefined, retries: { maxDelayMs: undefined } };
export const client = createClient(options);
export const estimate: CostEstimate = estimateCosts({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 }, parameterSnapshot('2026-03-01'));
export const total: DomainMoney = estimate.worker.total;
const built = buildSeedProgram();
export const firstMou: Mou | undefined = built.ok ? built.value.mous[0] : undefined;
export const checked: boolean = isEntityId('mou-1');
// @ts-expect-error not a route of the program
estimateCosts({ route: 'E99', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 }, parameterSnapshot('2026-03-01'));
`;
  fs.writeFileSync(path.join(app, 'entries.mts'), entries);
  fs.writeFileSync(path.join(app, 'entries.cts'), entries);
  const compilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    types: [],
    noEmit: true,
    skipLibCheck: false,
  };
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['env.d.ts', 'app.mts', 'entries.mts', 'entries.cts'] }));
  const r = run(process.execPath, [path.join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

/** What the consumer programs print, and what this workspace's own domain says it must be. */
const consumerBody = `
const input = ${JSON.stringify(INPUT)};
const built = seed.buildSeedProgram();
console.log(JSON.stringify({
  domain: domain.formatMoney(domain.estimateCosts(input, domain.parameterSnapshot('${AS_OF}')).worker.total),
  sdk: sdk.formatMoney(sdk.estimateCosts(input, sdk.parameterSnapshot('${AS_OF}')).worker.total),
  sameCalculator: sdk.estimateCosts === domain.estimateCosts,
  seed: built.ok ? seed.seedProgramSummary(built.value) : built.error,
  seedUsesEntities: built.ok && built.value.mous[0] instanceof entities.Mou,
  resolved: RESOLVED,
  exported: EXPORTED,
}));
`;

function expected(): Record<string, unknown> {
  const total = formatMoney(estimateCosts(INPUT, parameterSnapshot(AS_OF)).worker.total);
  const built = buildSeedProgram();
  if (!built.ok) throw new Error('the workspace seed program does not build');
  return { domain: total, sdk: total, sameCalculator: true, seed: JSON.parse(JSON.stringify(seedProgramSummary(built.value))), seedUsesEntities: true };
}

function runConsumer(file: string, source: string): { out: Record<string, unknown>; resolved: string[]; exported: (number | string)[] } {
  fs.writeFileSync(path.join(app, file), source);
  const r = run(process.execPath, [file], app);
  expect(r.stderr).toBe(''); // no warnings either (e.g. experimental JSON modules)
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  const resolved = out.resolved as string[];
  const exported = out.exported as (number | string)[];
  delete out.resolved;
  delete out.exported;
  return { out, resolved, exported };
}

it('loads both packages from a Node ES module (.mjs) through the "import" condition, every entry point as its exports map says', () => {
  const { out, resolved, exported } = runConsumer(
    'consumer.mjs',
    `import * as domain from '@jembatan/domain';
import * as entities from '@jembatan/domain/entities';
import * as seed from '@jembatan/domain/seed';
import * as sdk from '@jembatan/sdk';
import { createRequire } from 'node:module';
const SPECIFIERS = ${JSON.stringify(SPECIFIERS)};
const RESOLVED = SPECIFIERS.map((s) => import.meta.resolve(s));
const require = createRequire(import.meta.url);
// each entry point's runtime exports, through "import" and through "require" (the two builds must agree)
const EXPORTED = await Promise.all(SPECIFIERS.map(async (s) => {
  const names = Object.keys(await import(s)).sort();
  const cjs = Object.keys(require(s)).sort();
  return JSON.stringify(names) === JSON.stringify(cjs) ? names.length : \`\${s}: import and require differ\`;
}));
${consumerBody}`,
  );
  expect(out).toEqual(expected());
  const app_ = fs.realpathSync(app);
  expect(resolved).toEqual(ENTRY_POINTS.map((e) => `file://${app_}/node_modules/${e.pkg}/${exportTarget(e.target, ['import', 'default'])}`));
  expect(resolved.slice(0, 2)).toEqual([`file://${app_}/node_modules/@jembatan/domain/dist/esm/index.js`, `file://${app_}/node_modules/@jembatan/domain/dist/esm/entities/index.js`]);
  // every entry point loads and exports something, the same names from both builds
  expect(exported.filter((n) => typeof n !== 'number' || n === 0)).toEqual([]);
  expect(exported).toHaveLength(SPECIFIERS.length);
}, 60_000);

it('loads both packages from CommonJS (.cjs) through the "require" condition, every entry point as its exports map says', () => {
  const { out, resolved, exported } = runConsumer(
    'consumer.cjs',
    `const domain = require('@jembatan/domain');
const entities = require('@jembatan/domain/entities');
const seed = require('@jembatan/domain/seed');
const sdk = require('@jembatan/sdk');
const SPECIFIERS = ${JSON.stringify(SPECIFIERS)};
const RESOLVED = SPECIFIERS.map((s) => require.resolve(s));
const EXPORTED = SPECIFIERS.map((s) => Object.keys(require(s)).length);
${consumerBody}`,
  );
  expect(out).toEqual(expected());
  const app_ = fs.realpathSync(app);
  expect(resolved).toEqual(ENTRY_POINTS.map((e) => `${app_}/node_modules/${e.pkg}/${exportTarget(e.target, ['require', 'default'])}`));
  expect(resolved.slice(0, 2)).toEqual([`${app_}/node_modules/@jembatan/domain/dist/index.js`, `${app_}/node_modules/@jembatan/domain/dist/entities/index.js`]);
  expect(exported.filter((n) => typeof n !== 'number' || n === 0)).toEqual([]);
  expect(exported).toHaveLength(SPECIFIERS.length);
}, 60_000);
