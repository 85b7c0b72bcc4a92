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

const ALLOWED_PACKAGES = ['graphql', '@graphql-typed-document-node/core', '@jembatan/domain', '@jembatan/domain/sources', '@jembatan/domain/calculators', '@jembatan/domain/messages'];

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

/**
 * Stronger than reading sources: load the SDK (its sources, transpiled), the domain it re-exports
 * (its built files) and graphql into a V8 context that has only web-standard globals and a
 * `require` that refuses every Node built-in, then use the client and an offline calculator there.
 */
describe('the SDK runs where only web globals exist (a browser-like sandbox)', () => {
  const vm = require('node:vm') as typeof import('node:vm');
  const ts = require('typescript') as typeof import('typescript');
  const repoModules = path.resolve(srcDir, '..', '..', '..', 'node_modules');
  const domainEntry = require.resolve('@jembatan/domain');

  function sandbox(fetchImpl: unknown) {
    const context = vm.createContext({
      fetch: fetchImpl,
      AbortController,
      AbortSignal,
      URL,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      console,
    });
    const cache = new Map<string, { exports: unknown }>();
    const refused: string[] = [];
    const resolveFile = (from: string, spec: string): string => {
      if (spec === '@jembatan/domain') return domainEntry;
      if (spec === '@jembatan/domain/sources' || spec === '@jembatan/domain/calculators' || spec === '@jembatan/domain/messages') return require.resolve(spec);
      if (spec === 'graphql') return path.join(repoModules, 'graphql', 'index.js');
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(from), spec);
        const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.js`, `${base}.ts`, path.join(base, 'index.js'), path.join(base, 'index.ts')];
        const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
        if (hit) return hit;
      }
      refused.push(spec);
      throw new Error(`not available in a browser: ${spec}`);
    };
    const load = (file: string): unknown => {
      const cached = cache.get(file);
      if (cached) return cached.exports;
      const module = { exports: {} as unknown };
      cache.set(file, module);
      let source = fs.readFileSync(file, 'utf8');
      if (file.endsWith('.json')) {
        module.exports = JSON.parse(source);
        return module.exports;
      }
      if (file.endsWith('.ts')) {
        source = ts.transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        }).outputText;
      }
      const fn = vm.runInContext(`(function (exports, require, module) {${source}\n})`, context, { filename: file }) as (
        e: unknown,
        r: (s: string) => unknown,
        m: { exports: unknown },
      ) => void;
      fn(module.exports, (spec) => load(resolveFile(file, spec)), module);
      return module.exports;
    };
    return { load, refused, context };
  }

  it('has no process, Buffer or require in the sandbox itself', () => {
    const { context } = sandbox(undefined);
    expect(vm.runInContext('[typeof process, typeof Buffer, typeof require, typeof global].join()', context)).toBe(
      'undefined,undefined,undefined,undefined',
    );
  });

  it('loads the SDK entry with the domain re-export, lists openings through fetch and computes costs offline', async () => {
    const bodies: string[] = [];
    const fakeFetch = async (_url: string, init: { body: string }) => {
      bodies.push(init.body);
      return {
        status: 200,
        headers: { get: (n: string) => (n.toLowerCase() === 'content-type' ? 'application/json' : null) },
        text: async () =>
          JSON.stringify({
            data: { jobOpenings: { totalCount: 1, edges: [{ node: { id: 'o-1' } }], pageInfo: { hasNextPage: false, endCursor: 'c' } } },
          }),
      };
    };
    const { load, refused } = sandbox(fakeFetch);
    const sdk = load(path.join(srcDir, 'index.ts')) as typeof import('../index');
    const client = sdk.createClient({ url: 'https://jembatan.example/graphql', retries: 0 });
    const ids: string[] = [];
    for await (const o of client.openings.list({ route: 'E7_3' })) ids.push(o.id);
    expect(ids).toEqual(['o-1']);
    expect(JSON.parse(bodies[0]!).operationName).toBe('ListOpenings');

    const estimate = sdk.estimateCosts(
      { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 },
      sdk.parameterSnapshot('2026-01-15'),
    );
    expect(estimate.worker.total.currency).toBe('IDR');
    expect(estimate.worker.total.amount).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });

  it('loads the lean calculators and, apart, the messages entry: the rendered lean estimate is the main entry’s', () => {
    const { load, refused } = sandbox(undefined);
    const lean = load(path.join(srcDir, 'calculators', 'index.ts')) as typeof import('../calculators');
    const messages = load(path.join(srcDir, 'messages', 'index.ts')) as typeof import('../messages');
    const sdk = load(path.join(srcDir, 'index.ts')) as typeof import('../index');
    const input = { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 } as const;
    const estimate = lean.estimateCosts(input, lean.parameterSnapshot('2026-01-15'));
    expect(lean.isTextRef(estimate.lines[0]!.label)).toBe(true);
    expect(JSON.stringify(messages.renderTexts(estimate))).toBe(JSON.stringify(sdk.estimateCosts(input, sdk.parameterSnapshot('2026-01-15'))));
    expect(refused).toEqual([]);
  });
});
