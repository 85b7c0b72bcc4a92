/**
 * Bundle budget of the offline calculators (issue 14): a browser app that imports only
 * `estimateCosts`, the KUR schedule (`scheduleLoan` + `kurPenempatanProduct`), `evaluateEligibility`
 * and the `parameterSnapshot` they need, bundled and minified by esbuild from the built ESM output
 * (`@jembatan/sdk` and, directly, `@jembatan/domain`), must stay under BUDGET_BYTES and must not carry
 * the entities, the seed fixture or the parameters' citations (`@jembatan/domain/sources` and the
 * `*.sources.json` files): separate entry points since issue 14.
 *
 * Measured 2026-12-02 (esbuild 0.28.2): 330,332 bytes before issue 14 (CommonJS-only domain, entities
 * and seed in the main entry); 170,095 bytes from the SDK once the entities and the seed moved out;
 * 138,821 from the SDK and 138,819 from the domain once the parameters' sources and notes moved to
 * their own files and entry point (parameter data 41.2 → 13.0 KB) and the registry stopped checking
 * the data files at load time (a test does; parameter code 11.6 → 8.5 KB). What remains is the
 * calculators themselves: the eligibility rules with their bilingual messages (58.8 KB), costs
 * (24.0 KB), financing (15.9 KB), the parameter values with their descriptions, identity and money.
 */
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** Just above the measured 138,821 bytes: a regression of about a kilobyte fails. */
const BUDGET_BYTES = 140_000;
const root = path.join(__dirname, '..', '..');

async function bundle(from: string): Promise<{ bytes: number; inputs: string[] }> {
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
  // the modules that put code into the bundle (the metafile also lists the ones tree-shaken away)
  const inOutput = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0));
  const inputs = inOutput.map(([i]) => path.relative(root, path.resolve(process.cwd(), i)));
  return { bytes, inputs };
}

describe.each(['@jembatan/sdk', '@jembatan/domain'])('the offline calculators bundled from %s', (from) => {
  let measured: { bytes: number; inputs: string[] };
  beforeAll(async () => {
    measured = await bundle(from);
    process.stdout.write(`[bundle-size] ${from}: ${measured.bytes} bytes minified (budget ${BUDGET_BYTES})\n`);
  }, 60_000);

  it(`stays under ${BUDGET_BYTES} bytes minified`, () => {
    expect(measured.bytes).toBeGreaterThan(0);
    expect(measured.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('holds code of the ESM builds only, and none of the entities, the seed fixture or the citations', () => {
    const modules = measured.inputs.filter((i) => i !== 'test/packaging/calculators-entry.js');
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((i) => !/^packages\/(domain|sdk)\/dist\/esm\//.test(i))).toEqual([]);
    expect(modules.filter((i) => /\/(entities|seed)\//.test(i))).toEqual([]);
    expect(modules.filter((i) => /\/sources\/|\.sources\.json/.test(i))).toEqual([]);
    expect(modules.filter((i) => i.endsWith('.parameter.json.js')).length).toBeGreaterThan(30);
    expect(modules).toEqual(expect.arrayContaining(['packages/domain/dist/esm/costs/estimate-costs.js']));
  });
});
