/**
 * `npm run export` for the kinds the HTTP routes added (issue 11): aggregates (a query file, or an
 * aggregate's name, with variables), cohorts, class lists, and the candidate list's date ranges. Each
 * file is compared with what the route sends an OFFICER for the same parameters, on a real PostgreSQL;
 * refusals exit 2 with the route's reason or code and write no file.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseGraphql, validate } from 'graphql';
import { runExportCli } from '../src/cli/export';
import { aggregateFields, checkAggregateDocument } from '../src/export';
import { defaultAggregateDocument } from '../src/export/graphql-export';
import { buildGatewaySchema } from '../src/graphql/schema';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, registerCandidate } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const clock = movableClock('2026-02-20');
let t: TestGateway;
let dir: string;
const ids = {} as Record<'cohortA' | 'cohortB' | 'providerA', string>;
const early: string[] = [];
const late: string[] = [];

beforeAll(async () => {
  t = await startTestGateway({ clock });
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-export-cli-'));
  ids.providerA = await trainingProvider(t, 'BBPVP Serang');
  const providerB = await trainingProvider(t, 'LPK Hana');
  const courseA = await koreanCourse(t, clock, ids.providerA);
  const courseB = await koreanCourse(t, clock, providerB);
  ids.cohortA = await cohort(t, clock, courseA, { capacity: 2 });
  ids.cohortB = await cohort(t, clock, courseB, { venue: { kind: 'KAMPUNG_BAHASA', name: 'Rumah Hana', kecamatan: 'Kasemen', kelurahan: null } }, false);
  for (let n = 1; n <= 3; n++) {
    const candidateId = await registerCandidate(t, eligibleWelderProfile(700 + n));
    early.push(candidateId);
    await enrollCandidate({ cohortId: ids.cohortA, candidateId, note: null }, useCaseDeps(t, clock));
  }
  clock.set('2026-03-10');
  for (let n = 4; n <= 5; n++) late.push(await registerCandidate(t, eligibleWelderProfile(700 + n)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t?.close();
});

function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  return runExportCli(args, { env: { DATABASE_URL: t.databaseUrl }, stderr: { write: (s: string) => err.push(s) }, clock }).then((code) => ({ code, err: err.join('') }));
}
const out = (name: string) => path.join(dir, name);
async function csvFile(file: string): Promise<Array<Record<string, string>>> {
  return parse(await readFile(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
}
/** The route's answer for the officer, parsed the same way. */
async function csvRoute(pathAndQuery: string, init?: RequestInit): Promise<Array<Record<string, string>>> {
  const res = await fetch(`${t.baseUrl}${pathAndQuery}`, { ...init, headers: { authorization: `Bearer ${t.keys.officer}`, ...(init?.headers ?? {}) } });
  expect(res.status).toBe(200);
  return parse(await res.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
}
const meta = async (file: string) => JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as Record<string, any>;

describe('candidates: the list filter’s date ranges', () => {
  it('--registered, --entered and --departed select as the route does; a malformed range exits 2', async () => {
    const file = out('registered.csv');
    expect((await cli(['candidates', file, '--registered', '2026-03-01..2026-03-31'])).code).toBe(0);
    const rows = await csvFile(file);
    expect(rows.map((r) => r.candidate_id).sort()).toEqual([...late].sort());
    expect(rows).toEqual(await csvRoute('/exports/candidates.csv?registered=2026-03-01..2026-03-31'));
    expect((await meta(file)).filters).toEqual({ registered: ['2026-03-01..2026-03-31'] });

    const entered = out('entered.csv');
    expect((await cli(['candidates', entered, '--entered', 'REGISTERED:2026-02-01..2026-02-28'])).code).toBe(0);
    expect((await csvFile(entered)).map((r) => r.candidate_id).sort()).toEqual([...early].sort());

    // nobody departed: an empty file with its header, not an error
    const departed = out('departed.csv');
    expect((await cli(['candidates', departed, '--departed', '2026-01-01..2026-12-31'])).code).toBe(0);
    expect(await csvFile(departed)).toEqual([]);
    expect((await readFile(departed, 'utf8')).split('\n')[0]).toContain('candidate_id');

    const bad = await cli(['candidates', out('bad.csv'), '--registered', '2026-03-01']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('EXPORT_PARAMETER_MALFORMED');
    expect(existsSync(out('bad.csv'))).toBe(false);
    const reversed = await cli(['candidates', out('reversed.csv'), '--registered', '2026-03-31..2026-03-01']);
    expect(reversed.code).toBe(2);
  });
});

describe('cohorts and class lists', () => {
  it('the cohort catalogue with the route’s filters, the same lines as /exports/cohorts.csv', async () => {
    const all = out('cohorts.csv');
    expect((await cli(['cohorts', all])).code).toBe(0);
    const rows = await csvFile(all);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.cohortA, ids.cohortB].sort());
    expect(rows).toEqual(await csvRoute('/exports/cohorts.csv'));
    expect(await meta(all)).toMatchObject({ kind: 'cohorts', rowCount: 2, exportedBy: expect.stringMatching(/^cli:/), source: 'Jembatan' });

    const filtered = out('cohorts-a.csv');
    expect((await cli(['cohorts', filtered, '--provider', ids.providerA, '--course-kind', 'KOREAN_LANGUAGE', '--status', 'ENROLLING'])).code).toBe(0);
    expect((await csvFile(filtered)).map((r) => r.id)).toEqual([ids.cohortA]);
    expect((await meta(filtered)).filters).toEqual({ status: ['ENROLLING'], courseKind: ['KOREAN_LANGUAGE'], provider: [ids.providerA] });
    expect((await cli(['cohorts', out('k.csv'), '--kecamatan', 'Kasemen'])).code).toBe(0);
    expect((await csvFile(out('k.csv'))).map((r) => r.id)).toEqual([ids.cohortB]);

    const bad = await cli(['cohorts', out('bad-status.csv'), '--status', 'SLEEPING']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('EXPORT_VALUE_UNKNOWN') });
    // a filter of another kind is refused, never ignored
    expect(await cli(['cohorts', out('bad-stage.csv'), '--stage', 'REGISTERED'])).toMatchObject({ code: 2, err: expect.stringContaining('EXPORT_PARAMETER_UNKNOWN') });
  });

  it('a class list as XLSX: the members in arrival order with their status; an unknown cohort exits 2', async () => {
    const file = out('kelas.xlsx');
    expect((await cli(['class-list', file, '--cohort', ids.cohortA])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('class-list')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const lines: Array<Record<string, ExcelJS.CellValue>> = [];
    sheet.eachRow((row, n) => n > 1 && lines.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value]))));
    expect(lines.map((l) => l.candidateId)).toEqual(early);
    expect(lines.map((l) => l.status)).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED']);
    const route = await csvRoute(`/exports/class-list.csv?cohort=${ids.cohortA}`);
    expect(route.map((r) => r.candidateId)).toEqual(early);

    const missing = await cli(['class-list', out('missing.csv'), '--cohort', '6f1c2b9e-8a0d-4c53-9d1e-3c2b1a0f9e8d']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/NOT_FOUND|not found/);
    expect(existsSync(out('missing.csv'))).toBe(false);
    expect((await cli(['class-list', out('none.csv')])).code).toBe(2);
  });
});

describe('aggregates', () => {
  const QUERY = `query ByStage($filter: CandidateFilter) {
  candidateCounts(filter: $filter) { total rows { stage kecamatan count suppressed } }
}`;
  const VARIABLES = { filter: { kecamatans: ['CIPOCOK_JAYA'] } };

  it('a query file with a variables file: the rows the route sends for the same query', async () => {
    const queryFile = out('by-stage.graphql');
    const variablesFile = out('by-stage.variables.json');
    await writeFile(queryFile, QUERY);
    await writeFile(variablesFile, JSON.stringify(VARIABLES));
    const file = out('by-stage.csv');
    const run = await cli(['aggregate', file, '--query', queryFile, '--variables', variablesFile]);
    expect(run).toMatchObject({ code: 0 });
    const rows = await csvFile(file);
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(early.length + late.length);
    expect(rows).toEqual(await csvRoute('/exports/aggregate.csv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: VARIABLES }) }));
    expect(await meta(file)).toMatchObject({ kind: 'aggregate:candidateCounts', filters: { 'filter.kecamatans': ['CIPOCOK_JAYA'] }, summary: { total: 5 } });

    // inline JSON variables, XLSX
    const xlsx = out('by-stage.xlsx');
    expect((await cli(['aggregate', xlsx, '--query', queryFile, '--variables', '{"filter":{"kecamatans":["KASEMEN"]}}'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    // nobody lives in Kasemen: the header row only, the filter in the metadata sheet
    expect(wb.getWorksheet('candidateCounts')!.rowCount).toBe(1);
    const metadata = new Map<string, ExcelJS.CellValue>();
    wb.getWorksheet('Metadata')!.eachRow((r, n) => n > 1 && metadata.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(String(metadata.get('filters'))).toContain('KASEMEN');
  });

  it('an aggregate by name: every figure of its result, arguments as variables', async () => {
    const file = out('named.csv');
    const run = await cli(['aggregate', file, '--query', 'candidateCounts', '--variables', '{"asOf":"2026-03-10"}']);
    expect(run.code).toBe(0);
    const rows = await csvFile(file);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['stage', 'kecamatan', 'occupation', 'sex', 'ageBand', 'count', 'suppressed']));
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(5);
    expect((await meta(file)).filters).toEqual({ asOf: ['2026-03-10'] });
    // before anybody registered
    expect((await cli(['aggregate', out('named-early.csv'), '--query', 'candidateCounts', '--variables', '{"asOf":"2026-01-01"}'])).code).toBe(0);
    expect(await csvFile(out('named-early.csv'))).toEqual([]);
    expect((await cli(['aggregate', out('x.csv'), '--query', 'candidates'])).code).toBe(2);
  });

  it('refusals exit 2 with the route’s code and write nothing', async () => {
    const queryFile = out('by-stage.graphql');
    const needsDate = out('needs-date.graphql');
    await writeFile(needsDate, 'query($asOf: Date!) { candidateCounts(asOf: $asOf) { rows { stage count } } }');
    const missingVariable = await cli(['aggregate', out('r1.csv'), '--query', needsDate]);
    expect(missingVariable.code).toBe(2);
    expect(missingVariable.err).toContain('BAD_USER_INPUT');
    const records = out('records.graphql');
    await writeFile(records, '{ candidates(first: 5) { edges { node { id } } } }');
    expect(await cli(['aggregate', out('r2.csv'), '--query', records])).toMatchObject({ code: 2, err: expect.stringContaining('EXPORT.NOT_AN_AGGREGATE') });
    expect(await cli(['aggregate', out('r3.csv'), '--query', queryFile, '--variables', '{not json'])).toMatchObject({ code: 2, err: expect.stringContaining('EXPORT.VARIABLES_INVALID') });
    expect((await cli(['aggregate', out('r4.csv'), '--query', out('absent.graphql')])).code).toBe(2);
    expect((await cli(['aggregate', out('r5.csv')])).code).toBe(2);
    // a filter is not an aggregate's option, a query not a list's
    expect((await cli(['aggregate', out('r6.csv'), '--query', queryFile, '--stage', 'REGISTERED'])).code).toBe(2);
    expect((await cli(['candidates', out('r7.csv'), '--query', queryFile])).code).toBe(2);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(existsSync(out(`r${n}.csv`))).toBe(false);
  });
});

describe('an aggregate by name', () => {
  it('every aggregate of the schema has a default document that validates and passes the export’s own checks', async () => {
    const schema = await buildGatewaySchema();
    const fields = [...aggregateFields(schema)];
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) {
      const text = defaultAggregateDocument(schema, field);
      expect(text).toBeDefined();
      expect(validate(schema, parseGraphql(text!))).toEqual([]);
      expect(checkAggregateDocument(schema, text).field).toBe(field);
    }
    expect(defaultAggregateDocument(schema, 'candidates')).toBeUndefined();
    expect(defaultAggregateDocument(schema, 'nothing')).toBeUndefined();
  });
});
