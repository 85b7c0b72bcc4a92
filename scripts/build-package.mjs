// Builds a publishable workspace package (@jembatan/domain, @jembatan/sdk) twice from the same
// sources, both with declarations:
//   <out>/      CommonJS   (tsconfig.build.json)  -> package.json "require" condition
//   <out>/esm/  ES modules (tsconfig.esm.json)    -> package.json "import" condition
// <out>/esm/ gets a {"type":"module"} marker so Node loads its .js (and .d.ts) files as ES modules.
//
// Node's ESM loader (and browsers) need full relative specifiers, which tsc does not write: the ESM
// output is then rewritten so every relative import names a file (`./money` -> `./money/index.js`,
// `./nik` -> `./nik.js`), in the .js and the .d.ts files alike. JSON imports (the domain's parameter
// files) become ES modules next to the data (`x.parameter.json` -> `x.parameter.json.js`, with
// `export default`), so the output needs no import attributes and loads the same in Node 20, in
// browsers and in bundlers. A string that a data file repeats (e.g. a route's note under every
// dated value) is written once, as a `const` the data refers to, so a bundle carries it once (issue
// 14); the module's value is the same as the JSON's. A relative import that resolves to no file
// fails the build. The output is built in a staging directory and moved into <out> at the end
// (readers never see half a build).
//
// Usage: node scripts/build-package.mjs [--package <dir>] [--out <dir>]   (paths from the current directory)
//        (package defaults to the current directory, out to <package>/dist)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

function tsc(pkgDir, config, outDir, extraArgs = []) {
  const bin = createRequire(path.join(pkgDir, 'package.json')).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [bin, '-p', path.join(pkgDir, config), '--outDir', outDir, ...extraArgs], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc -p ${config} failed (exit ${r.status ?? r.signal})`);
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile();

/** The full specifier for `spec` imported from `file`, or a thrown error naming both. */
function fullSpecifier(file, spec) {
  const abs = path.resolve(path.dirname(file), spec);
  const declaration = file.endsWith('.d.ts');
  const candidates = declaration
    ? [
        [spec.endsWith('.js') ? abs.replace(/\.js$/, '.d.ts') : null, spec],
        [`${abs}.d.ts`, `${spec}.js`],
        [path.join(abs, 'index.d.ts'), `${spec}/index.js`],
      ]
    : [
        [spec.endsWith('.js') ? abs : null, spec],
        [spec.endsWith('.json') ? `${abs}.js` : null, `${spec}.js`],
        [`${abs}.js`, `${spec}.js`],
        [path.join(abs, 'index.js'), `${spec}/index.js`],
      ];
  const hit = candidates.find(([candidate]) => candidate !== null && isFile(candidate));
  if (!hit) throw new Error(`${file}: relative import '${spec}' resolves to no file of the ESM output`);
  return hit[1];
}

/** Rewrites the relative specifiers of one emitted file (found by TypeScript's scanner, so comments are skipped). */
function rewriteSpecifiers(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ts = require('typescript');
  const refs = ts.preProcessFile(text, true, true).importedFiles.filter((r) => /^\.\.?(\/|$)/.test(r.fileName));
  let out = text;
  for (const ref of [...refs].sort((a, b) => b.pos - a.pos)) {
    const start = ref.pos + 1; // after the opening quote
    if (out.slice(start, start + ref.fileName.length) !== ref.fileName) throw new Error(`${file}: cannot locate '${ref.fileName}'`);
    out = out.slice(0, start) + fullSpecifier(file, ref.fileName) + out.slice(start + ref.fileName.length);
  }
  if (out !== text) fs.writeFileSync(file, out);
}

/**
 * The ES module of a JSON value: `export default <value>`, with every string value of 16 characters
 * or more that occurs more than once hoisted into a `const` (written once, referred to by name).
 */
export function jsonModule(data) {
  const counts = new Map();
  const walk = (v) => {
    if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
    else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) walk(x);
  };
  walk(data);
  const hasNul = [...counts.keys()].some((str) => str.includes('\0'));
  const repeated = hasNul ? [] : [...counts].filter(([str, n]) => n > 1 && str.length >= 16).map(([str]) => str);
  const names = new Map(repeated.map((str, i) => [str, `s${i}`]));
  // Each repeated string becomes a placeholder between NULs (escaped by JSON.stringify, and in no string of the data), then its name.
  const body = JSON.stringify(data, (key, v) => (key !== '' && typeof v === 'string' && names.has(v) ? `\0${names.get(v)}\0` : v), 2).replace(
    /"\\u0000(s\d+)\\u0000"/g,
    '$1',
  );
  const consts = repeated.map((str) => `const ${names.get(str)} = ${JSON.stringify(str)};\n`).join('');
  return `${consts}export default ${body};\n`;
}

/** Makes `<esmDir>` loadable as ES modules: JSON as modules, full relative specifiers, the type marker. */
export function finishEsmOutput(esmDir) {
  for (const json of filesUnder(esmDir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(json, 'utf8'));
    fs.writeFileSync(`${json}.js`, jsonModule(data));
    fs.rmSync(json);
  }
  for (const file of filesUnder(esmDir).filter((f) => /\.(d\.ts|js)$/.test(f))) rewriteSpecifiers(file);
  fs.writeFileSync(path.join(esmDir, 'package.json'), '{ "type": "module", "sideEffects": false }\n');
}

/**
 * CommonJS into `out`, ESM into `out/esm`, both with declarations (see the header). Built next to
 * `out` (same depth, so source-map paths are the same) and moved into place at the end: a gateway
 * or test reading `out` meanwhile sees the previous build, never a half-written one.
 */
export function buildPackage(pkgDir, out = path.join(pkgDir, 'dist')) {
  const staging = path.join(path.dirname(out), `.${path.basename(out)}-build-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    tsc(pkgDir, 'tsconfig.build.json', staging);
    // The same sources again, only the module format differs: the pass above has type-checked them,
    // so this one emits without a second full check (--noCheck; same output, about a third less work).
    tsc(pkgDir, 'tsconfig.esm.json', path.join(staging, 'esm'), ['--noCheck']);
    finishEsmOutput(path.join(staging, 'esm'));
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(staging, out);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The command line: `[--package <dir>] [--out <dir>]`; exits 1 with the message when the build fails. */
export function runCli(defaultPkgDir = process.cwd()) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : undefined;
  };
  try {
    buildPackage(arg('--package') ?? defaultPkgDir, arg('--out'));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli();
