/**
 * `client.exports` and the training imports (`client.imports.attendance`, `client.imports.testResults`)
 * against the live gateway (issue 11): the files read back (CSV and XLSX, bytes and stream), their
 * metadata headers, the candidate filter's date ranges, an aggregate's file against what `/graphql`
 * answers, cohorts and class lists, and the refusals users meet as typed errors with the gateway's
 * code (no key, a bad key, an ANALYST asking for candidate rows, a bad or unknown cohort id, a file of
 * the wrong type, a file whose rows have problems).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createClient, errorReason, exportErrorCode, importErrorCode, isJembatanError, type AnyJembatanError, type ExportDownload } from '@jembatan/sdk';
import { clientAs, hasAccessControl, liveGateway, REPO_ROOT, todayWib } from './support/live';
import { eligibleWelder, freshNik } from './support/program';

const officer = () => clientAs('OFFICER');
const analyst = () => clientAs('ANALYST');

async function failure(promise: Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await promise;
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw new Error(`expected a JembatanError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error('expected the call to fail');
}

const rowsOf = (file: ExportDownload): Array<Record<string, string>> => parse(Buffer.from(file.bytes), { bom: true, columns: true }) as Array<Record<string, string>>;
async function sheetOf(file: ExportDownload, name: string): Promise<{ wb: ExcelJS.Workbook; lines: Array<Record<string, ExcelJS.CellValue>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.bytes) as never);
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const lines: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => n > 1 && lines.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value]))));
  return { wb, lines };
}
const daysFrom = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function register(today: string): Promise<{ id: string; nik: string }> {
  const nik = freshNik();
  const c = await officer().candidates.register({ profile: eligibleWelder(nik, today), targetRoute: 'E7_3', targetOccupation: 'WELDER' });
  return { id: c.id, nik };
}

/** A RUNNING Korean class of two members, started a week ago, two sessions held. */
async function runningCohort(today: string): Promise<{ cohortId: string; members: Array<{ id: string; nik: string }> }> {
  const client = officer();
  const provider = await client.parties.create({ kind: 'TRAINING_PROVIDER', name: `LPK Uji Ekspor ${freshNik().slice(-4)}`, country: 'ID', regionCode: '36.73', isExample: true });
  const course = await client.training.createCourse({
    title: { id: 'Bahasa Korea (uji)', en: 'Korean (test)' },
    kind: 'KOREAN_LANGUAGE',
    providerPartyId: provider.id,
    providerType: 'TRAINING_CENTRE',
    target: { kind: 'EPS_TOPIK', score: 120 },
    hours: 100,
    feeIdr: '1500000',
    hasFinalAssessment: false,
    attendanceRule: { requiredShare: '4/5', excused: 'EXCLUDED', statedBy: 'test input, not a published rule' },
  });
  const start = daysFrom(today, -7);
  const cohort = await client.training.createCohort({
    courseId: course.id,
    venue: { kind: 'KAMPUNG_BAHASA', name: 'Kelas Uji', kecamatan: 'Serang' },
    capacity: 5,
    startDate: start,
    endDate: daysFrom(today, 30),
    promotionWindowDays: 7,
    sessions: [
      { date: start, topic: 'Sesi 1' },
      { date: daysFrom(start, 1), topic: 'Sesi 2' },
    ],
  });
  await client.training.transitionCohort({ id: cohort.id, to: 'ENROLLING' });
  const members = [await register(today), await register(today)];
  for (const m of members) await client.training.enroll({ cohortId: cohort.id, candidateId: m.id });
  await client.training.transitionCohort({ id: cohort.id, to: 'RUNNING' });
  return { cohortId: cohort.id, members };
}

const maybe = hasAccessControl() ? describe : describe.skip;

maybe('client.exports against the live gateway', () => {
  const today = todayWib();

  it('candidates as CSV and XLSX, bytes and stream: the rows and the metadata headers; the registered date range selects', async () => {
    const fresh = await register(today);
    const csv = await officer().exports.candidates({ format: 'csv', filter: { registered: { from: today, to: today }, stages: ['REGISTERED'] } });
    const rows = rowsOf(csv);
    expect(rows.map((r) => r.candidate_id)).toContain(fresh.id);
    expect(rows.every((r) => r.stage === 'REGISTERED')).toBe(true);
    expect(csv).toMatchObject({ format: 'csv', filename: expect.stringMatching(/^jembatan-candidates-\d{4}-\d{2}-\d{2}\.csv$/), contentType: expect.stringMatching(/^text\/csv/), requestId: expect.any(String) });
    expect(csv.metadata).toMatchObject({ rows: rows.length, dataSource: 'Jembatan', exportedBy: expect.stringMatching(/^apiKey:/), filters: expect.stringContaining(`registered=${today}..${today}`) });

    // a range before the program began: the header only
    const none = await officer().exports.candidates({ format: 'csv', filter: { registered: { from: '2001-01-01', to: '2001-01-31' } } });
    expect(rowsOf(none)).toEqual([]);
    expect(none.metadata.rows).toBe(0);

    const masked = await officer().exports.candidates({ format: 'xlsx', mask: true, filter: { registered: { from: today, to: today } } });
    const { wb, lines } = await sheetOf(masked, 'Candidates');
    const mine = lines.find((l) => l.candidate_id === fresh.id)!;
    expect(mine.nik_masked).toBe(`${fresh.nik.slice(0, 4)}********${fresh.nik.slice(-4)}`);
    expect(lines.some((l) => 'nik' in l)).toBe(false);
    expect(wb.getWorksheet('Metadata')).toBeDefined();

    const streamed = await officer().exports.candidates({ format: 'csv', stream: true, filter: { registered: { from: today, to: today }, stages: ['REGISTERED'] } });
    const chunks: Uint8Array[] = [];
    for (const reader = streamed.body.getReader(); ; ) {
      const r = await reader.read();
      if (r.done) break;
      chunks.push(r.value);
    }
    expect(parse(Buffer.concat(chunks), { bom: true, columns: true })).toEqual(rows);
    expect(streamed.metadata.rows).toBe(rows.length);
  });

  it('refusals: no key, a bad key, an ANALYST asking for candidate rows, an unknown filter value', async () => {
    const anonymous = await failure(clientAs('PUBLIC').exports.candidates({ format: 'csv' }));
    expect({ code: anonymous.code, status: anonymous.status, reason: errorReason(anonymous) }).toEqual({ code: 'UNAUTHENTICATED', status: 401, reason: 'CREDENTIAL_REQUIRED' });
    const badKey = await failure(createClient({ url: liveGateway().url, apiKey: 'jmb_0000000000000000_notakey', retries: 0 }).exports.openings({ format: 'csv' }));
    expect({ code: badKey.code, status: badKey.status }).toEqual({ code: 'UNAUTHENTICATED', status: 401 });
    const analystRows = await failure(analyst().exports.candidates({ format: 'xlsx' }));
    expect({ code: analystRows.code, status: analystRows.status, reason: errorReason(analystRows) }).toEqual({ code: 'FORBIDDEN', status: 403, reason: 'ANALYST_USE_AGGREGATES' });
    expect(analystRows.messages.id).not.toBe(analystRows.messages.en);
    const value = await failure(officer().exports.openings({ format: 'csv', filter: { statuses: ['SLEEPING' as never] } }));
    expect({ code: value.code, status: value.status, reason: errorReason(value), field: value.field }).toEqual({ code: 'BAD_USER_INPUT', status: 400, reason: 'EXPORT_VALUE_UNKNOWN', field: 'status' });
    const down = createClient({ url: 'http://127.0.0.1:9/graphql', apiKey: liveGateway().keys.OFFICER, retries: 0, timeoutMs: 5_000 });
    expect((await failure(down.exports.openings({ format: 'csv' }))).code).toBe('NETWORK_ERROR');
  });

  it('openings: an ANALYST (staff) downloads every status', async () => {
    const file = await analyst().exports.openings({ format: 'xlsx' });
    const { lines } = await sheetOf(file, 'Job openings');
    expect(lines.length).toBe(file.metadata.rows);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('an aggregate: an analyst query file as CSV holds the rows /graphql answers; a record list is refused', async () => {
    const dir = path.join(REPO_ROOT, 'examples', 'analyst-queries');
    const query = readFileSync(path.join(dir, 'candidates-by-stage-and-kecamatan.graphql'), 'utf8');
    const variables = JSON.parse(readFileSync(path.join(dir, 'candidates-by-stage-and-kecamatan.variables.json'), 'utf8')) as Record<string, unknown>;
    const answer = (await analyst().request(query, variables)) as { candidateCounts: { rows: Array<Record<string, unknown>> } };
    const file = await analyst().exports.aggregate(query, { format: 'csv', variables });
    const rows = rowsOf(file);
    expect(rows.length).toBe(answer.candidateCounts.rows.length);
    expect(rows.map((r) => `${r.stage}/${r.kecamatan}/${r.count}`).sort()).toEqual(answer.candidateCounts.rows.map((r) => `${r.stage}/${r.kecamatan ?? ''}/${r.count ?? ''}`).sort());
    expect(file.metadata.summary).toMatch(/asOf=/);

    const xlsx = await analyst().exports.aggregate(query, { format: 'xlsx', variables });
    expect((await sheetOf(xlsx, 'candidateCounts')).lines).toHaveLength(rows.length);

    const records = await failure(analyst().exports.aggregate('{ jobOpenings(first: 5) { edges { node { id } } } }', { format: 'csv' }));
    expect({ code: records.code, status: records.status, exportCode: exportErrorCode(records) }).toEqual({ code: 'BAD_USER_INPUT', status: 400, exportCode: 'EXPORT.NOT_AN_AGGREGATE' });
    const broken = await failure(analyst().exports.aggregate('{ candidateCounts { rows { ', { format: 'csv' }));
    expect(exportErrorCode(broken)).toBe('EXPORT.QUERY_INVALID');
  });

  describe('cohorts, class lists and the training imports', () => {
    let cohort: Awaited<ReturnType<typeof runningCohort>>;
    beforeAll(async () => {
      cohort = await runningCohort(today);
    });

    it('imports attendance for the class, dry run first; the class list then shows it; an incomplete session is reported, nothing written', async () => {
      const [a, b] = cohort.members as [{ id: string; nik: string }, { id: string; nik: string }];
      const body = `NIK,Sesi,Kehadiran\n${a.nik},1,HADIR\n${b.nik},1,ALPA\n`;
      const dry = await officer().imports.attendance(cohort.cohortId, body, { filename: 'kehadiran.csv', dryRun: true });
      expect(dry.report).toMatchObject({ kind: 'attendance', cohortId: cohort.cohortId, mode: 'DRY_RUN', outcome: 'DRY_RUN', written: 0, notWritten: 2 });
      const done = await officer().imports.attendance(cohort.cohortId, body, { filename: 'kehadiran.csv' });
      expect(done).toMatchObject({ phase: 'DONE', replayed: false, report: { outcome: 'WRITTEN', written: 2, problems: [] } });
      expect(await officer().imports.progress(done.importId)).toMatchObject({ phase: 'DONE', written: 2 });
      // the same file again: already imported
      expect((await officer().imports.attendance(cohort.cohortId, body, { filename: 'kehadiran.csv' })).report).toMatchObject({ written: 0, alreadyImported: [2, 3] });

      const list = await officer().exports.classList(cohort.cohortId, { format: 'csv' });
      const rows = rowsOf(list);
      expect(rows.map((r) => r.candidateId)).toEqual([a.id, b.id]);
      // a held session without a mark counts as absent for both; the imported ALPA is b's one more
      expect(rows.map((r) => r.attendance_present)).toEqual(['1', '0']);
      expect(Number(rows[1]!.attendance_absent)).toBe(Number(rows[0]!.attendance_absent) + 1);

      const incomplete = await officer().imports.attendance(cohort.cohortId, `NIK,Sesi,Kehadiran\n${a.nik},2,HADIR\n`, { filename: 'kehadiran.csv' });
      expect(incomplete.report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, problemRows: [2] });
      expect(incomplete.report.problems[0]).toMatchObject({ row: 2, code: 'IMPORT.SESSION_INCOMPLETE', message: { id: expect.any(String), en: expect.any(String) } });
      expect(rowsOf(await officer().exports.classList(cohort.cohortId, { format: 'csv' }))).toEqual(rows);
    });

    it('the cohort catalogue names the class; refusals: a malformed or unknown cohort id, an ANALYST, a file of the wrong type', async () => {
      const catalogue = await analyst().exports.cohorts({ format: 'csv', filter: { statuses: ['RUNNING'] } });
      const line = rowsOf(catalogue).find((r) => r.id === cohort.cohortId);
      expect(line).toMatchObject({ status: 'RUNNING', seatsTaken: '2', venue_kecamatan: 'Serang' });
      const analystList = await failure(analyst().exports.classList(cohort.cohortId, { format: 'csv' }));
      expect({ code: analystList.code, status: analystList.status }).toEqual({ code: 'FORBIDDEN', status: 403 });
      const unknownList = await failure(officer().exports.classList(crypto.randomUUID(), { format: 'xlsx' }));
      expect({ code: unknownList.code, status: unknownList.status }).toEqual({ code: 'NOT_FOUND', status: 404 });

      const body = `NIK,Sesi,Kehadiran\n${cohort.members[0]!.nik},2,HADIR\n`;
      const malformed = await failure(officer().imports.attendance('not-a-cohort-id', body, { filename: 'k.csv' }));
      expect({ code: malformed.code, status: malformed.status, importCode: importErrorCode(malformed) }).toEqual({ code: 'BAD_USER_INPUT', status: 400, importCode: 'IMPORT.BAD_PARAMETER' });
      const unknown = await failure(officer().imports.attendance(crypto.randomUUID(), body, { filename: 'k.csv' }));
      expect({ code: unknown.code, status: unknown.status, importCode: importErrorCode(unknown) }).toEqual({ code: 'NOT_FOUND', status: 404, importCode: 'IMPORT.COHORT_NOT_FOUND' });
      const byAnalyst = await failure(analyst().imports.attendance(cohort.cohortId, body, { filename: 'k.csv' }));
      expect({ code: byAnalyst.code, status: byAnalyst.status }).toEqual({ code: 'FORBIDDEN', status: 403 });
      const anonymous = await failure(clientAs('PUBLIC').imports.testResults(body, { filename: 'k.csv' }));
      expect({ code: anonymous.code, status: anonymous.status }).toEqual({ code: 'UNAUTHENTICATED', status: 401 });
      // CSV text named .xlsx: the content does not match the kind
      const wrongType = await failure(officer().imports.attendance(cohort.cohortId, body, { filename: 'kehadiran.xlsx' }));
      expect({ code: wrongType.code, status: wrongType.status, importCode: importErrorCode(wrongType) }).toEqual({ code: 'BAD_USER_INPUT', status: 422, importCode: 'IMPORT.FILE_CONTENT_MISMATCH' });
      // a .pdf is refused before sending
      expect((await failure(officer().imports.testResults(body, { filename: 'hasil.pdf' }))).code).toBe('INVALID_REQUEST');
    });

    it('imports test results: a file with an out-of-scale score writes nothing and reports the row; the good file is written once', async () => {
      const someone = await register(today);
      const taken = daysFrom(today, -10);
      const bad = await officer().imports.testResults(`NIK,Ujian,Tanggal Ujian,Nilai\n${someone.nik},EPS_TOPIK,${taken},999\n`, { filename: 'hasil.csv' });
      expect(bad.report).toMatchObject({ kind: 'test-results', outcome: 'NOTHING_WRITTEN', written: 0, problemRows: [2] });
      expect(bad.report.problems[0]).toMatchObject({ row: 2, column: 'Nilai', code: 'TRAINING.SCORE_OUT_OF_SCALE' });

      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Hasil');
      sheet.addRow(['NIK', 'Ujian', 'Tanggal Ujian', 'Nilai']);
      sheet.addRow([someone.nik, 'EPS_TOPIK', taken, '150']);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const good = await officer().imports.testResults(bytes, { filename: 'hasil.xlsx' });
      expect(good.report).toMatchObject({ kind: 'test-results', format: 'xlsx', outcome: 'WRITTEN', written: 1, problems: [] });
      const again = await officer().imports.testResults(bytes, { filename: 'hasil.xlsx' });
      expect(again.report).toMatchObject({ written: 0, alreadyImported: [2] });
    });
  });
});
