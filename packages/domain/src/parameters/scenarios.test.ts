/**
 * Table-driven scenarios (OpenFisca `tests/*.yaml` style): each file under ./scenarios lists
 * as-of dates, optional what-if overlays, and the values (or error codes) expected. The expected
 * values are written by hand in the scenario files, independently of the data files, and a
 * coverage check makes sure the tables step across every effective date of every parameter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { effectiveDates } from './parameter-file';
import { isParameterId, PARAMETER_FILES, PARAMETER_IDS } from './parameter-registry';
import { parameterSnapshot, type ParameterOverlay } from './parameter-snapshot';
import type { ParameterId } from './parameter-values';

interface ScenarioCase {
  name: string;
  asOf: string;
  overlays?: ParameterOverlay[];
  expect?: Record<string, unknown>;
  expectErrors?: Record<string, string>;
}
interface ScenarioFile {
  description: string;
  cases: ScenarioCase[];
}

const DIR = path.join(__dirname, 'scenarios');
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.scenario.json'))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as ScenarioFile] as const);

function dayBefore(d: string): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return new Date(t - 86_400_000).toISOString().slice(0, 10);
}

describe('parameter scenarios', () => {
  it('there are scenario files, each with a description and cases', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const [, f] of files) {
      expect(typeof f.description).toBe('string');
      expect(f.cases.length).toBeGreaterThan(0);
    }
  });

  describe.each(files)('%s', (_file, scenario) => {
    it.each(scenario.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const ids = [...Object.keys(c.expect ?? {}), ...Object.keys(c.expectErrors ?? {})];
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !isParameterId(id))).toEqual([]);
      const snapshot = parameterSnapshot(c.asOf, c.overlays ?? []);
      for (const [id, expected] of Object.entries(c.expect ?? {})) {
        const actual = snapshot.get(id as ParameterId);
        if (typeof expected === 'object' && expected !== null && !Array.isArray(expected)) expect(actual).toMatchObject(expected);
        else expect(actual).toEqual(expected);
      }
      for (const [id, codeExpected] of Object.entries(c.expectErrors ?? {})) {
        expect(() => snapshot.get(id as ParameterId)).toThrow(expect.objectContaining({ code: codeExpected }));
      }
    });
  });

  it('step across every effective date of every parameter (the day before and the day itself)', () => {
    const covered = new Set<string>();
    for (const [, f] of files) {
      for (const c of f.cases) {
        const overlaid = new Set((c.overlays ?? []).flatMap((o) => Object.keys(o.values)));
        for (const id of [...Object.keys(c.expect ?? {}), ...Object.keys(c.expectErrors ?? {})]) {
          if (!overlaid.has(id)) covered.add(`${id}@${c.asOf}`);
        }
      }
    }
    const missing: string[] = [];
    for (const id of PARAMETER_IDS) {
      for (const d of effectiveDates(PARAMETER_FILES[id])) {
        for (const day of [dayBefore(d), d]) if (!covered.has(`${id}@${day}`)) missing.push(`${id}@${day}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
