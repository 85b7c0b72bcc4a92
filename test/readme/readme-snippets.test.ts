/**
 * The README's code must work as written. Every ```ts block whose first line is
 * `// readme-test: <name>` is compiled with TypeScript, run, and each `console.log(...)` line that
 * carries a `// → expected` comment must print exactly that text, in order.
 * Snippets that need a running gateway get one through the `gatewayUrl` global, when the
 * test supplies it (see test/e2e).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Snippet {
  name: string;
  code: string;
  expected: string[];
}

export function readmeSnippets(): Snippet[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const out: Snippet[] = [];
  for (const m of readme.matchAll(/```ts\n\/\/ readme-test: ([^\n]+)\n([\s\S]*?)```/g)) {
    const code = m[2]!;
    const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ → (.*)$/gm)].map((e) => e[1]!.trim());
    out.push({ name: m[1]!.trim(), code, expected });
  }
  return out;
}

export async function runSnippet(snippet: Snippet, globals: Record<string, unknown> = {}): Promise<string[]> {
  const js = ts.transpileModule(`${snippet.code}\nexport {};`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const printed: string[] = [];
  const fakeConsole = { ...console, log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
  const wrapped = `return (async () => { ${js} })();`;
  const fn = new Function('require', 'console', 'exports', 'module', ...Object.keys(globals), wrapped) as (
    ...a: unknown[]
  ) => Promise<void>;
  const mod = { exports: {} };
  await fn(require, fakeConsole, mod.exports, mod, ...Object.values(globals));
  return printed;
}

describe('README snippets (domain)', () => {
  const snippets = readmeSnippets().filter((s) => s.name.startsWith('domain'));

  it('the README has the domain tour snippets', () => {
    expect(snippets.map((s) => s.name)).toEqual(expect.arrayContaining(['domain-eligibility', 'domain-costs', 'domain-financing']));
  });

  it.each(snippets.map((s) => [s.name, s] as const))('%s runs and prints what the README says', async (_name, snippet) => {
    expect(snippet.expected.length).toBeGreaterThan(0);
    const printed = await runSnippet(snippet);
    expect(printed).toEqual(snippet.expected);
  });
});

describe('README snippets (SDK, against the live gateway)', () => {
  const snippets = readmeSnippets().filter((s) => s.name.startsWith('sdk'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { liveGateway } = require('../e2e/support/live-gateway') as typeof import('../e2e/support/live-gateway');

  it('the README has the "Use the SDK" section with its snippet and a line per example', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain('\n## Use the SDK\n');
    expect(snippets.map((s) => s.name)).toEqual(['sdk-quick-start']);
    const lines = snippets[0]!.code.trim().split('\n').filter((l) => l.trim() && !l.startsWith('//'));
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const example of ['vacancy-board', 'eligibility-self-check', 'cost-and-loan-simulator', 'officer-workflow', 'analyst-queries/']) {
      expect(readme).toMatch(new RegExp(`\\n- \`${example.replace('/', '\\/')}[^\\n]* — `));
    }
  });

  it.each(snippets.map((s) => [s.name, s] as const))('%s runs as written (no credentials) and prints what the README says', async (_name, snippet) => {
    expect(snippet.expected.length).toBeGreaterThan(0);
    // `process.env` as a developer would set it: the gateway's URL, no API key
    const env: NodeJS.ProcessEnv = { ...process.env, JEMBATAN_URL: liveGateway().url };
    delete env.JEMBATAN_API_KEY;
    const printed = await runSnippet(snippet, { process: { ...process, env } });
    expect(printed).toEqual(snippet.expected);
  });
});
