/**
 * The citations of the dated parameters: one well-formed `<id>.sources.json` next to every
 * `<id>.parameter.json`, served by id, and kept out of the calculators (no module outside this
 * folder imports it or the sources files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARAMETER_IDS } from '../parameters/parameter-registry';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import {
  describeParameter,
  PARAMETER_SOURCE_FILES,
  parameterSourceFileProblems,
  parameterSources,
  withParameterSources,
  type ParameterSourceFile,
} from './index';

const SRC = path.join(__dirname, '..');
const DATA_DIR = path.join(SRC, 'parameters', 'data');
const sourceFileNames = fs.readdirSync(DATA_DIR).filter((f) => f.endsWith('.sources.json'));
const code = (c: string) => expect.objectContaining({ code: c });

describe('parameter sources files', () => {
  it('one sources file next to every values file, all served', () => {
    const valueIds = fs.readdirSync(DATA_DIR).filter((f) => f.endsWith('.parameter.json')).map((f) => f.replace(/\.parameter\.json$/, ''));
    expect(sourceFileNames.map((f) => f.replace(/\.sources\.json$/, '')).sort()).toEqual(valueIds.sort());
    expect(Object.keys(PARAMETER_SOURCE_FILES).sort()).toEqual([...PARAMETER_IDS]);
    expect(fs.readdirSync(DATA_DIR).filter((f) => !/\.(parameter|sources)\.json$/.test(f))).toEqual([]);
  });

  describe.each(sourceFileNames)('%s', (fileName) => {
    const raw = JSON.parse(fs.readFileSync(path.join(DATA_DIR, fileName), 'utf8')) as ParameterSourceFile;
    const id = fileName.replace(/\.sources\.json$/, '');

    it('is well formed: id matches the file name, at least one source with readOn and a reference', () => {
      expect(parameterSourceFileProblems(raw, id)).toEqual([]);
      expect(raw.sources.length).toBeGreaterThan(0);
    });

    it('is what parameterSources serves, frozen', () => {
      expect(parameterSources(raw.id)).toEqual(raw);
      expect(Object.isFrozen(parameterSources(raw.id).sources[0])).toBe(true);
    });
  });

  it('says where a range was reduced to one conservative value', () => {
    for (const id of ['fee.flightJakartaKoreaIdr', 'fee.koreanCourseIdr', 'fee.koreanCourseRegistrationIdr'] as const) {
      expect(parameterSources(id).sources.some((s) => /conservative/i.test(s.note ?? ''))).toBe(true);
    }
  });
});

describe('parameterSourceFileProblems', () => {
  const FILE = { id: 'test.rate', description: { id: 'Uji', en: 'Test' }, sources: [{ title: 'Test', regulation: 'None', readOn: '2026-11-29' }], note: 'How the dates were chosen.' };

  it('accepts a well-formed file', () => {
    expect(parameterSourceFileProblems(FILE, 'test.rate')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['wrong id', { id: 'other.rate' }, /does not match/],
    ['no sources', { sources: [] }, /sources are missing/],
    ['source without readOn', { sources: [{ title: 'x', url: 'https://example.org' }] }, /readOn/],
    ['source without a title', { sources: [{ url: 'https://example.org', readOn: '2026-11-29' }] }, /title is missing/],
    ['source without any reference', { sources: [{ title: 'x', readOn: '2026-11-29' }] }, /url, a regulation, or a note/],
    ['bad url', { sources: [{ title: 'x', url: 'example.org', readOn: '2026-11-29' }] }, /not a URL/],
    ['unknown source key', { sources: [{ title: 'x', url: 'https://example.org', readOn: '2026-11-29', page: 3 }] }, /unexpected key page/],
    ['note not a string', { note: 3 }, /note must be a string/],
    ['no description', { description: undefined }, /description needs id and en/],
    ['description without English', { description: { id: 'Uji', en: '' } }, /description needs id and en/],
    ['values in the sources file', { values: { '2020-01-01': 1 } }, /unexpected key values/],
  ])('reports %s', (_name, patch, re) => {
    const problems = parameterSourceFileProblems({ ...FILE, ...patch }, 'test.rate');
    expect(problems.some((p) => re.test(p))).toBe(true);
  });

  it('rejects non-objects', () => {
    expect(parameterSourceFileProblems(null)).toEqual(['not an object']);
    expect(parameterSourceFileProblems([])).toEqual(['not an object']);
  });
});

describe('looking up citations', () => {
  it('describeParameter is the snapshot description plus the bilingual description, sources and note of the file', () => {
    const s = parameterSnapshot('2026-03-01');
    const d = describeParameter(s, 'kur.annualRate');
    const file = parameterSources('kur.annualRate');
    expect(d).toEqual({ ...s.describe('kur.annualRate'), description: file.description, sources: file.sources, note: file.note });
    expect(d).toMatchObject({ id: 'kur.annualRate', value: '0.06', effectiveFrom: '2024-01-01' });
    expect(d.description.id).toMatch(/Suku bunga KUR/);
    expect(d.description.en).toMatch(/interest rate/);
    expect(d.sources.some((x) => x.regulation === 'Permen P2MI 18/2025')).toBe(true);
    expect(Object.isFrozen(d)).toBe(true);
  });

  it('leaves the note out when the file has none', () => {
    const id = PARAMETER_IDS.find((p) => parameterSources(p).note === undefined)!;
    expect(withParameterSources(parameterSnapshot('2026-03-01').describe(id))).not.toHaveProperty('note');
  });

  it('an overlaid value keeps the sources of the base file, and says which overlay supplied it', () => {
    const s = parameterSnapshot('2026-03-01', [{ name: 'kur-5', description: { id: 'KUR 5%', en: 'KUR 5%' }, values: { 'kur.annualRate': '0.05' } }]);
    expect(describeParameter(s, 'kur.annualRate')).toMatchObject({ value: '0.05', overlaidBy: 'kur-5', sources: parameterSources('kur.annualRate').sources });
  });

  it('cites and describes every parameter in force', () => {
    for (const d of parameterSnapshot('2026-03-01').all()) {
      expect(withParameterSources(d).sources.length).toBeGreaterThan(0);
      expect(withParameterSources(d).description).toEqual(parameterSources(d.id).description);
    }
  });

  it('refuses an unknown id with PARAMETER.UNKNOWN', () => {
    expect(() => parameterSources('no.such' as never)).toThrow(code('PARAMETER.UNKNOWN'));
    expect(() => parameterSources(42 as never)).toThrow(code('PARAMETER.UNKNOWN'));
    expect(() => describeParameter(parameterSnapshot('2026-03-01'), 'no.such' as never)).toThrow(code('PARAMETER.UNKNOWN'));
  });
});

describe('the calculators do not carry the citations', () => {
  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return p === __dirname ? [] : sourceFiles(p);
      return e.name.endsWith('.ts') && !/\.test\.ts$/.test(e.name) && !p.includes(`${path.sep}__tests__${path.sep}`) ? [p] : [];
    });
  }

  it('no module outside src/sources imports the sources entry or a sources file', () => {
    const importers = sourceFiles(SRC).filter((f) => /from\s+['"][^'"]*(\/sources(\/index)?|\.sources\.json)['"]/.test(fs.readFileSync(f, 'utf8')));
    expect(importers.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('the main entry does not re-export it', () => {
    expect(fs.readFileSync(path.join(SRC, 'index.ts'), 'utf8')).not.toMatch(/['"]\.\/sources['"]/);
  });
});
