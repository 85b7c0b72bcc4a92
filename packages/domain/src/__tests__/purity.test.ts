/**
 * The domain package stays pure: no I/O modules, no clock, no randomness, no process access,
 * no decorators, and no runtime dependencies. This test reads the source as text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const srcDir = path.join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.(test|spec)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Strip comments so that documentation may mention `Date.now()` without tripping the check. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bfrom\s+['"](node:)?(fs|fs\/promises|net|http|https|http2|crypto|child_process|os|dgram|dns|tls|worker_threads|cluster|process|path|stream|zlib|readline|vm|perf_hooks)['"]/, 'an I/O or platform module'],
  [/\brequire\s*\(\s*['"](node:)?[a-z_/]+['"]\s*\)/, 'require() of a module'],
  [/\bimport\s*\(/, 'a dynamic import'],
  [/\bDate\.now\s*\(/, 'the clock (Date.now)'],
  [/\bnew\s+Date\s*\(\s*\)/, 'the clock (new Date())'],
  [/\bperformance\.now\s*\(/, 'the clock (performance.now)'],
  [/\bMath\.random\s*\(/, 'randomness (Math.random)'],
  [/\bcrypto\.(getRandomValues|randomUUID)\b/, 'randomness (crypto)'],
  [/\bprocess\.\w+/, 'the process (env, argv, ...)'],
  [/\b(fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval)\s*\(/, 'network or timers'],
  [/^\s*@\w+\s*\(/m, 'a decorator'],
];

describe('domain purity', () => {
  const files = sourceFiles(srcDir);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(FORBIDDEN.map(([re, what]) => [what, re] as const))('no file uses %s', (_what, re) => {
    const offenders = files.filter((f) => re.test(code(f))).map((f) => path.relative(srcDir, f));
    expect(offenders).toEqual([]);
  });

  it('imports only relative modules or JSON data (no runtime dependencies)', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of code(f).matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        if (!m[1]!.startsWith('.')) offenders.push(`${path.relative(srcDir, f)} -> ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('declares no runtime dependencies in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(srcDir, '..', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['dependencies'] ?? {}).toEqual({});
    expect(pkg['peerDependencies'] ?? {}).toEqual({});
  });

  it('the checker itself catches a violation', () => {
    const sample = "import { readFileSync } from 'fs';\nconst t = Date.now();\nconst r = Math.random();";
    const hits = FORBIDDEN.filter(([re]) => re.test(sample)).length;
    expect(hits).toBe(3);
  });
});
