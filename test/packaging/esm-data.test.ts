/**
 * The domain's parameter data in its ESM build (scripts/build-package.mjs): each `x.parameter.json`
 * becomes `x.parameter.json.js` (`export default`), with a string the file repeats written once as a
 * `const` (issue 14: the route notes of `routes.status` under every dated value). The module's value
 * must equal the JSON file it comes from, read by Node's own ESM loader.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const srcData = path.join(root, 'packages', 'domain', 'src', 'parameters', 'data');
const esmData = path.join(root, 'packages', 'domain', 'dist', 'esm', 'parameters', 'data');
const names = fs.readdirSync(srcData).filter((f) => f.endsWith('.parameter.json')).sort();

/** `{ file name: default export }` of every ESM data module, loaded by a Node ES module. */
function loadEsmModules(): Record<string, unknown> {
  const script = `const out = {};
for (const n of ${JSON.stringify(names)}) out[n] = (await import(${JSON.stringify(`${esmData}/`)} + n + '.js')).default;
process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('the parameter data in the ESM build', () => {
  it('every module has the value of its JSON file', () => {
    expect(names.length).toBeGreaterThan(30);
    const loaded = loadEsmModules();
    for (const n of names) expect([n, loaded[n]]).toEqual([n, JSON.parse(fs.readFileSync(path.join(srcData, n), 'utf8'))]);
  });

  it('writes a repeated string once (the route notes of routes.status)', () => {
    const text = fs.readFileSync(path.join(esmData, 'routes.status.parameter.json.js'), 'utf8');
    const json = JSON.parse(fs.readFileSync(path.join(srcData, 'routes.status.parameter.json'), 'utf8')) as {
      values: Record<string, Record<string, { note: { id: string; en: string } }>>;
    };
    const note = json.values['2025-01-01']!['E9']!.note.en;
    expect(Object.values(json.values).filter((v) => v['E9']?.note.en === note).length).toBeGreaterThan(1);
    expect(text.split(JSON.stringify(note)).length - 1).toBe(1);
    expect(text).toMatch(/^const s\d+ = /m);
  });
});
