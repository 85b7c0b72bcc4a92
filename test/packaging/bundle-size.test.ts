/**
 * Bundle budget of the offline calculators (issue 14): a browser app that imports only
 * `estimateCosts`, the KUR schedule (`scheduleLoan` + `kurPenempatanProduct`), `evaluateEligibility`
 * and the `parameterSnapshot` they need, bundled and minified by esbuild from the built ESM output
 * (`@jembatan/sdk` and, directly, `@jembatan/domain`), must stay under BUDGET_BYTES and must not carry
 * the entities, the seed fixture, training or the parameters' descriptions and citations
 * (`@jembatan/domain/sources` and the `*.sources.json` files): separate entry points since issue 14. The test prints the size and
 * where it comes from (esbuild's metafile: bytes each module puts into the minified output), by area
 * and by module.
 *
 * Measured (esbuild 0.28.2): 330,332 bytes before issue 14 (CommonJS-only domain, entities and seed in
 * the main entry); 170,095 once the entities and the seed moved out; 138,821 once the parameters'
 * sources and notes moved to their own entry point and the registry stopped checking the data files
 * at load time; 146,193 on 2026-12-03 with that day's additions to costs, financing (KUR) and the
 * parameters (the five UMK/UMP wage parameters are in the registry, so in every snapshot); 147,420 on
 * 2026-12-03 before the parameters' bilingual descriptions moved from `*.parameter.json` to
 * `*.sources.json` (served by `@jembatan/domain/sources`; `snapshot.describe` no longer carries them):
 * 140,502 after (-6.9 KB), and 139,047 once the build writes a string a data file repeats (the route
 * notes under each dated value of `routes.status`) once (-1.5 KB; parameters/data 15.5 -> 7.2 KB). Tree shaking
 * is complete (no unreferenced top-level code is left in the bundle): what remains is the calculators'
 * own code and text. Of the 139.0 KB, about 80 KB are string literals and about 45 KB bilingual prose
 * that results and errors carry (messages, actions, rule titles, labels, route notes): the eligibility
 * rules 34.5 KB (about 16 KB prose), the rest of eligibility 24.7 KB (the profile validation alone
 * 10.5 KB), costs 26.6 KB, financing 18.0 KB, the parameter code 9.4 KB, the parameter values 7.2 KB,
 * identity 7.2 KB, money 7.1 KB, shared 4.3 KB. Getting to about 110 KB needs the results' texts out
 * of the calculators' import graph (codes and parameters in the results, a separate messages entry
 * point that renders them for the gateway and the SDK), not changes in the packaging.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * About 2.8% above the 139.0 KB measured on 2026-12-03 (the issue's ceiling is "well under 150 KB"),
 * so a regression of the kind issue 14 removed (an entry point, a data table or the parameters'
 * descriptions pulled back into the calculators, +6 KB and more) fails. Lower it when the calculators
 * shrink.
 */
const BUDGET_BYTES = 143_000;
const root = path.join(__dirname, '..', '..');

interface Measured {
  readonly bytes: number;
  /** The minified bundle. */
  readonly text: string;
  /** Modules that put code into the bundle (the metafile also lists the ones tree-shaken away), with their bytes in the output. */
  readonly modules: readonly { readonly path: string; readonly bytes: number }[];
}

async function bundle(from: string): Promise<Measured> {
  const contents = `import { estimateCosts, evaluateEligibility, kurPenempatanProduct, parameterSnapshot, scheduleLoan } from '${from}';
const params = parameterSnapshot('2026-03-01');
export const costs = (input) => estimateCosts(input, params);
export const eligibility = (input) => evaluateEligibility(input, params);
export const kur = (request) => scheduleLoan(kurPenempatanProduct(params), request);
`;
  const result = await esbuild.build({
    stdin: { contents, resolveDir: __dirname, loader: 'js', sourcefile: 'calculators-entry.js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents.length;
  const text = result.outputFiles[0]!.text;
  const modules = Object.values(result.metafile.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([i, { bytesInOutput }]) => ({ path: path.relative(root, path.resolve(process.cwd(), i)), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes, text, modules };
}

function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFilesUnder(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The bilingual descriptions of the parameters (in `*.sources.json` since issue 14), but those that a
 * calculator also writes itself (a cost line labelled like the fee parameter it reads, e.g. "Flight
 * Jakarta–Korea").
 */
function parameterDescriptionTexts(): string[] {
  const src = path.join(root, 'packages', 'domain', 'src');
  const dataDir = path.join(src, 'parameters', 'data');
  const code = tsFilesUnder(src).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.endsWith('.sources.json'))
    .flatMap((f) => {
      const file = JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')) as { description: { id: string; en: string } };
      return [file.description.id, file.description.en];
    })
    .filter((t) => !code.includes(t));
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** `eligibility/rules`, `parameters/data`, or the top folder of a module of a package's ESM build. */
function area(modulePath: string): string {
  const m = /^packages\/(domain|sdk)\/dist\/esm\/(.*)$/.exec(modulePath);
  if (!m) return modulePath === 'test/packaging/calculators-entry.js' ? '(the app entry)' : modulePath;
  const parts = m[2]!.split('/');
  const folder = parts.length === 1 ? '(index)' : /^(eligibility\/rules|parameters\/data)\//.test(m[2]!) ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return `${m[1]}:${folder}`;
}

function report(from: string, measured: Measured): string {
  const byArea = new Map<string, { bytes: number; count: number }>();
  for (const mod of measured.modules) {
    const a = byArea.get(area(mod.path)) ?? { bytes: 0, count: 0 };
    byArea.set(area(mod.path), { bytes: a.bytes + mod.bytes, count: a.count + 1 });
  }
  const areas = [...byArea].sort((a, b) => b[1].bytes - a[1].bytes).map(([name, a]) => `    ${name.padEnd(28)} ${kb(a.bytes).padStart(9)}  (${a.count} module${a.count === 1 ? '' : 's'})`);
  const top = measured.modules.slice(0, 10).map((mod) => `    ${mod.path.replace(/^packages\/domain\/dist\/esm\//, '').padEnd(50)} ${kb(mod.bytes).padStart(9)}`);
  return [
    `[bundle-size] ${from}: ${measured.bytes} bytes minified (budget ${BUDGET_BYTES}, ${measured.modules.length} modules)`,
    '  by area:',
    ...areas,
    '  largest modules (of the domain ESM build):',
    ...top,
    '',
  ].join('\n');
}

describe.each(['@jembatan/sdk', '@jembatan/domain'])('the offline calculators bundled from %s', (from) => {
  let measured: Measured;
  beforeAll(async () => {
    measured = await bundle(from);
    process.stdout.write(report(from, measured));
  }, 60_000);

  it(`stays under ${BUDGET_BYTES} bytes minified`, () => {
    expect(measured.bytes).toBeGreaterThan(0);
    expect(measured.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('holds code of the ESM builds only, and none of the entities, the seed fixture, training or the citations', () => {
    const modules = measured.modules.map((m) => m.path).filter((i) => i !== 'test/packaging/calculators-entry.js');
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((i) => !/^packages\/(domain|sdk)\/dist\/esm\//.test(i))).toEqual([]);
    expect(modules.filter((i) => /\/(entities|seed|training)\//.test(i))).toEqual([]);
    expect(modules.filter((i) => /\/sources\/|\.sources\.json/.test(i))).toEqual([]);
    expect(modules.filter((i) => i.endsWith('.parameter.json.js')).length).toBeGreaterThan(30);
    expect(modules).toEqual(expect.arrayContaining(['packages/domain/dist/esm/costs/estimate-costs.js']));
  });

  it("carries none of the parameters' bilingual descriptions (they are served by @jembatan/domain/sources)", () => {
    const texts = parameterDescriptionTexts();
    expect(texts.length).toBeGreaterThan(60);
    // Compared as esbuild writes a string (non-ASCII as \u escapes): JSON.stringify without the quotes, escaped the same way.
    const asWritten = (t: string) => JSON.stringify(t).slice(1, -1).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(texts.filter((t) => measured.text.includes(t) || measured.text.includes(asWritten(t)))).toEqual([]);
  });

  it('adds nothing of the SDK but its re-exports (the same calculators, whichever package the app imports)', () => {
    const sdkBytes = measured.modules.filter((m) => m.path.startsWith('packages/sdk/')).reduce((s, m) => s + m.bytes, 0);
    expect(sdkBytes).toBeLessThan(200);
  });
});
