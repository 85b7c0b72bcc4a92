/**
 * The client runs in browsers as well as Node ≥ 20: shipped sources (everything under src/
 * except tests and test helpers) use only web-standard globals and import only the SDK's own
 * files, `graphql` and types. This test reads the sources as text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const srcDir = path.join(__dirname, '..');

function shippedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' || e.name === '__typetests__' ? [] : shippedFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bfrom\s+['"]node:/, 'a node: import'],
  [/\bfrom\s+['"](fs|path|http|https|net|os|crypto|child_process|stream|url|util|buffer|events|zlib|tls)['"]/, 'a Node built-in module'],
  [/\brequire\s*\(/, 'require()'],
  [/\bprocess\.\w+/, 'process'],
  [/\bBuffer\b/, 'Buffer'],
  [/\b__dirname\b|\b__filename\b/, '__dirname / __filename'],
  [/\bglobal\./, 'the Node `global` object (use globalThis)'],
  [/\bsetImmediate\s*\(/, 'setImmediate'],
];

const ALLOWED_PACKAGES = ['graphql', '@graphql-typed-document-node/core', '@jembatan/domain'];

describe('browser portability of the shipped sources', () => {
  const files = shippedFiles(srcDir);

  it('finds the shipped sources', () => {
    expect(files.map((f) => path.relative(srcDir, f))).toEqual(expect.arrayContaining(['index.ts', path.join('client', 'create-client.ts')]));
  });

  it.each(FORBIDDEN.map(([re, what]) => [what, re] as const))('no shipped file uses %s', (_what, re) => {
    expect(files.filter((f) => re.test(code(f))).map((f) => path.relative(srcDir, f))).toEqual([]);
  });

  it('imports only relative files (with a .js extension, for ESM) and the allowed packages', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of code(f).matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        const ok = spec.startsWith('.') ? /\.js$/.test(spec) : ALLOWED_PACKAGES.includes(spec);
        if (!ok) offenders.push(`${path.relative(srcDir, f)} -> ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

});
