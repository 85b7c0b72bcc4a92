/**
 * Mappers and inputs have one home (graphql/mappers, graphql/inputs): no resolver imports another
 * resolver, and nothing but the schema imports a resolver (issue 9: the mou ↔ opening ↔ quota import
 * cycle came from resolvers borrowing each other's mappers).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]!));

const isResolver = (p: string): boolean => /[\\/]graphql[\\/]resolvers[\\/][^\\/]+\.resolver(\.ts)?$/.test(p);

describe('resolver imports', () => {
  const files = sources(SRC);

  it('no resolver imports another resolver', () => {
    const offenders = files.filter(isResolver).flatMap((f) => importsOf(f).filter(isResolver).map((to) => `${path.relative(SRC, f)} → ${path.relative(SRC, to)}`));
    expect(offenders).toEqual([]);
  });

  it('only the schema imports resolvers', () => {
    const importers = files
      .filter((f) => !isResolver(f) && importsOf(f).some(isResolver))
      .map((f) => path.relative(SRC, f))
      .filter((f) => f !== path.join('graphql', 'schema.ts'));
    expect(importers).toEqual([]);
  });

  it('sees the resolvers (the check itself works)', () => {
    expect(files.filter(isResolver).length).toBeGreaterThan(8);
  });
});
