/**
 * Dependencies point one way: sdk → (schema file, domain); gateway → domain; domain → nothing.
 * This test reads package manifests and import statements of every package's source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(p);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const rules: Array<{ pkg: string; forbidden: RegExp[] }> = [
  { pkg: 'domain', forbidden: [/^@jembatan\//, /packages\/(gateway|sdk)/] },
  { pkg: 'gateway', forbidden: [/^@jembatan\/sdk/, /packages\/sdk/, /\.\.\/\.\.\/(sdk|domain)\/src/] },
  { pkg: 'sdk', forbidden: [/^@jembatan\/gateway/, /gateway\/src/] },
];

describe('dependency direction', () => {
  it.each(rules)('$pkg imports only what it may', ({ pkg, forbidden }) => {
    const src = files(path.join(root, 'packages', pkg, 'src'));
    expect(src.length).toBeGreaterThan(0);
    const bad = src.flatMap((f) =>
      importsOf(f)
        .filter((i) => forbidden.some((re) => re.test(i)))
        .map((i) => `${path.relative(root, f)} -> ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('examples use the SDK only (its re-exported calculators included), never the gateway or the domain directly', () => {
    const src = files(path.join(root, 'examples')).filter((f) => f.endsWith('.ts'));
    expect(src.length).toBeGreaterThan(0);
    // the program dashboard (a browser page) also draws with its charting library
    const charting = (f: string, i: string) => i === 'chart.js' && f.includes(`${path.sep}program-dashboard${path.sep}`);
    const bad = src.flatMap((f) =>
      importsOf(f)
        .filter((i) => !(i === '@jembatan/sdk' || i.startsWith('.') || i.startsWith('node:') || charting(f, i)))
        .map((i) => `${path.relative(root, f)} -> ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('manifests agree: domain depends on nothing, gateway not on sdk, sdk not on gateway', () => {
    const deps = (pkg: string) => {
      const j = JSON.parse(fs.readFileSync(path.join(root, 'packages', pkg, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      return Object.keys(j.dependencies ?? {});
    };
    expect(deps('domain')).toEqual([]);
    expect(deps('gateway')).not.toContain('@jembatan/sdk');
    expect(deps('sdk')).not.toContain('@jembatan/gateway');
  });
});
