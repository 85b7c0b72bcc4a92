/**
 * The training imports against a real database (issue 11 with issue 10): a cohort's attendance and
 * official test results from CSV and XLSX, every problem with its row, column and code, all or
 * nothing (one transaction for the whole file, even when a write fails after validation), dry runs,
 * --skip-invalid, idempotent re-imports, and the CLI.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Client } from 'pg';
import { runImportCli } from '../src/cli/import';
import { commitAttendanceImport, commitTestResultImport, readAttendanceFile, readTestResultFile, type ImportMode, type ImportReport } from '../src/import';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, nikFor, registerCandidate } from './support/program';
import { captureLogger } from './support/silent-logger';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const clock = movableClock('2026-03-02');
let t: TestGateway;
let db: Client;
let dir: string;
let cohortId: string;
let providerId: string;
/** Members A, B, C (ENROLLED) and an outsider O (registered, not in the cohort). */
const ids: Record<'A' | 'B' | 'C' | 'O', string> = { A: '', B: '', C: '', O: '' };
const NIK = { A: nikFor(801), B: nikFor(802), C: nikFor(803), O: nikFor(804), UNKNOWN: nikFor(899) };

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-import-training-'));
  providerId = await trainingProvider(t);
  const courseId = await koreanCourse(t, clock, providerId);
  cohortId = await cohort(t, clock, courseId, { capacity: 5 });
  ids.A = await registerCandidate(t, eligibleWelderProfile(801));
  ids.B = await registerCandidate(t, eligibleWelderProfile(802));
  ids.C = await registerCandidate(t, eligibleWelderProfile(803));
  ids.O = await registerCandidate(t, eligibleWelderProfile(804));
  for (const m of ['A', 'B', 'C'] as const) await enrollCandidate({ cohortId, candidateId: ids[m], note: null }, useCaseDeps(t, clock));
  await transitionTrainingCohort({ id: cohortId, to: 'RUNNING', note: null }, useCaseDeps(t, clock));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const deps = () => ({ em: t.gateway.orm.em, clock, actor: { kind: 'system' as const, subject: 'cli:test', roles: ['OFFICER' as const] }, log: captureLogger('warn').log });

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function xlsx(name: string, rows: ExcelJS.CellValue[][], textColumns: number[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  for (const c of textColumns) ws.getColumn(c).numFmt = '@';
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function attendance(file: string, mode: ImportMode = 'ALL_OR_NOTHING', cohort = cohortId): Promise<ImportReport> {
  return commitAttendanceImport(await readAttendanceFile(file, clock), cohort, mode, deps());
}
async function results(file: string, mode: ImportMode = 'ALL_OR_NOTHING'): Promise<ImportReport> {
  return commitTestResultImport(await readTestResultFile(file, clock), mode, deps());
}

async function marks(): Promise<string[]> {
  const r = await db.query('select session_number, candidate_id, mark from training_attendance_mark where cohort_id = $1 order by session_number, candidate_id', [cohortId]);
  const who = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return r.rows.map((m: { session_number: number; candidate_id: string; mark: string }) => `${m.session_number}${who[m.candidate_id]}:${m.mark}`).sort();
}
async function auditCount(action: string): Promise<number> {
  return (await db.query('select count(*)::int as n from audit_log where action = $1', [action])).rows[0].n;
}
const codes = (r: ImportReport) => r.problems.map((p) => [p.row, p.column, p.code]);

describe('attendance import', () => {
  it('CSV: a dry run writes nothing; the file writes both sessions (NIK or candidate id, session number or date, Indonesian marks); a re-import writes nothing new', async () => {
    const file = await csv('attendance.csv', [
      'NIK,ID Kandidat,Nama,Sesi,Tanggal Sesi,Kehadiran',
      `${NIK.A},,Calon A,1,,HADIR`,
      `${NIK.B},,Calon B,1,,ALPA`,
      `,${ids.C},Calon C,1,,izin`,
      `${NIK.A},${ids.A},Calon A,,2026-03-03,PRESENT`,
      `${NIK.B},,Calon B,2,03/03/2026,Sakit`,
      `${NIK.C},,Calon C,,2026-03-03,absent`,
    ]);
    const dry = await attendance(file, 'DRY_RUN');
    expect(dry).toMatchObject({ kind: 'attendance', outcome: 'DRY_RUN', written: 0, notWritten: 6, problems: [] });
    expect(dry.notices.map((n) => [n.column, n.code])).toEqual([['Nama', 'IMPORT.COLUMN_NOT_STORED']]);
    expect(await marks()).toEqual([]);

    expect(await attendance(file)).toMatchObject({ outcome: 'WRITTEN', written: 6, problems: [] });
    expect(await marks()).toEqual(['1A:PRESENT', '1B:ABSENT', '1C:EXCUSED', '2A:PRESENT', '2B:EXCUSED', '2C:ABSENT']);
    expect(await auditCount('recordAttendance')).toBe(2);

    const again = await attendance(file);
    expect(again).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, alreadyImported: [2, 3, 4, 5, 6, 7], problems: [] });
    expect(await marks()).toEqual(['1A:PRESENT', '1B:ABSENT', '1C:EXCUSED', '2A:PRESENT', '2B:EXCUSED', '2C:ABSENT']);
    expect(await auditCount('recordAttendance')).toBe(2);
  });

  it('reports every bad row with its row, column and code, and writes nothing (all or nothing); --skip-invalid writes the whole valid sessions only', async () => {
    const before = await marks();
    const file = await csv('attendance-bad.csv', [
      'NIK;Sesi;Kehadiran',
      `${NIK.A};1;ALPA`, // 2: valid, session 1 is complete
      `${NIK.B};1;HADIR`, // 3
      `${NIK.C};1;HADIR`, // 4
      `${NIK.UNKNOWN};2;HADIR`, // 5: nobody has this NIK
      `${NIK.A};2;HADIR`, // 6: A twice in session 2
      `${NIK.A};2;ALPA`, // 7
      `${NIK.O};2;HADIR`, // 8: not a member
      `${NIK.B};9;HADIR`, // 9: no session 9
      `${NIK.B};2;MUNGKIN`, // 10: not a mark
      `367301;2;HADIR`, // 11: not a NIK
    ]);
    const report = await attendance(file);
    expect(report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0 });
    const c = codes(report);
    expect(c).toEqual(
      expect.arrayContaining([
        [5, 'NIK', 'IMPORT.UNKNOWN_CANDIDATE'],
        [6, 'NIK', 'IMPORT.DUPLICATE_MARK_IN_FILE'],
        [7, 'NIK', 'IMPORT.DUPLICATE_MARK_IN_FILE'],
        [8, 'NIK', 'IMPORT.NOT_ENROLLED'],
        [9, 'Sesi', 'IMPORT.SESSION_NOT_IN_COHORT'],
        [10, 'Kehadiran', 'IMPORT.INVALID_MARK'],
        [11, 'NIK', expect.stringMatching(/^NIK\./)],
      ]),
    );
    // session 2 would miss B (its only row has no valid mark) and C: every row of session 2 says so, with their ids
    const incomplete = report.problems.filter((p) => p.code === 'IMPORT.SESSION_INCOMPLETE');
    expect(incomplete.map((p) => p.row)).toEqual([5, 6, 7, 8, 11]);
    expect(incomplete[0]?.details).toEqual({ session: 2, missingCount: 2, missing: `${ids.B}, ${ids.C}` });
    expect(report.problemRows).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(report.problems.every((p) => p.message.id.length > 0 && p.message.en.length > 0)).toBe(true);
    expect(await marks()).toEqual(before);

    expect((await attendance(file, 'DRY_RUN')).outcome).toBe('DRY_RUN');
    expect(await marks()).toEqual(before);

    const skipped = await attendance(file, 'SKIP_INVALID');
    expect(skipped).toMatchObject({ outcome: 'PARTIAL', written: 3 });
    expect(await marks()).toEqual(['1A:ABSENT', '1B:PRESENT', '1C:PRESENT', '2A:PRESENT', '2B:EXCUSED', '2C:ABSENT']);

    // a session with one bad row is not written at all; its valid rows count as not written
    const oneBad = await csv('attendance-one-bad.csv', ['NIK,Sesi,Kehadiran', `${NIK.A},2,HADIR`, `${NIK.B},2,HADIR`, `${NIK.C},2,HADIR`, `${NIK.O},2,HADIR`]);
    expect(await attendance(oneBad, 'SKIP_INVALID')).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, notWritten: 3, problemRows: [5] });
    expect(await marks()).toEqual(['1A:ABSENT', '1B:PRESENT', '1C:PRESENT', '2A:PRESENT', '2B:EXCUSED', '2C:ABSENT']);
  });

  it('XLSX: number and date cells; a write that fails after validation rolls back the whole file', async () => {
    const file = await xlsx(
      'attendance.xlsx',
      [
        ['NIK', 'Session', 'Session date', 'Mark'],
        [NIK.A, 1, null, 'HADIR'],
        [NIK.B, 1, null, 'HADIR'],
        [NIK.C, 1, null, 'HADIR'],
        [NIK.A, null, new Date(Date.UTC(2026, 2, 3)), 'IZIN'],
        [NIK.B, null, new Date(Date.UTC(2026, 2, 3)), 'IZIN'],
        [NIK.C, 2, new Date(Date.UTC(2026, 2, 3)), 'IZIN'],
      ],
      [1],
    );
    const before = await marks();
    // the second session's audit row is refused by the database: the first session must roll back with it
    await db.query(
      `create function refuse_second() returns trigger language plpgsql as $$ begin if new.action = 'recordAttendance' and exists (select 1 from audit_log where request_id = new.request_id and action = 'recordAttendance') then raise exception 'simulated failure'; end if; return new; end $$`,
    );
    await db.query('create trigger refuse_second before insert on audit_log for each row execute function refuse_second()');
    try {
      const failed = await attendance(file);
      expect(failed).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, failedRows: [2, 3, 4, 5, 6, 7], failureReason: 'database error P0001' });
      expect(await marks()).toEqual(before);
    } finally {
      await db.query('drop trigger refuse_second on audit_log; drop function refuse_second()');
    }
    expect(await attendance(file)).toMatchObject({ outcome: 'WRITTEN', written: 6, problems: [] });
    expect(await marks()).toEqual(['1A:PRESENT', '1B:PRESENT', '1C:PRESENT', '2A:EXCUSED', '2B:EXCUSED', '2C:EXCUSED']);
    expect((await attendance(file)).alreadyImported).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('refuses an unknown cohort and a cohort that is not RUNNING before reading the rows against it', async () => {
    const file = await csv('attendance-one.csv', ['NIK,Sesi,Kehadiran', `${NIK.A},1,HADIR`]);
    await expect(attendance(file, 'ALL_OR_NOTHING', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'IMPORT.COHORT_NOT_FOUND' });
    await expect(attendance(file, 'ALL_OR_NOTHING', 'not-a-uuid')).rejects.toMatchObject({ code: 'IMPORT.COHORT_NOT_FOUND' });
    const courseId = (await db.query('select course_id from training_cohort where id = $1', [cohortId])).rows[0].course_id as string;
    const enrolling = await cohort(t, clock, courseId);
    await expect(attendance(file, 'ALL_OR_NOTHING', enrolling)).rejects.toMatchObject({ code: 'IMPORT.COHORT_NOT_RUNNING' });
    const header = await csv('attendance-noid.csv', ['Nama,Sesi,Kehadiran', 'A,1,HADIR']);
    await expect(readAttendanceFile(header, clock)).rejects.toMatchObject({ code: 'IMPORT.MISSING_COLUMNS', details: { missing: 'NIK / ID Kandidat' } });
  });
});

describe('test result import', () => {
  const profileOf = async (id: string) => (await db.query('select profile from candidate where id = $1', [id])).rows[0].profile;
  const profiles = async () => {
    const out: unknown[] = [];
    for (const id of [ids.A, ids.B, ids.C, ids.O]) out.push(await profileOf(id));
    return out;
  };

  it('CSV: validates scale, test kind, applicable columns, members and duplicates; all or nothing; then writes through recordTestResult; a re-import writes nothing new', async () => {
    const bad = await csv('results-bad.csv', [
      'NIK,Ujian,Tanggal Ujian,Nilai,Level,Lulus Berbicara,Putaran',
      `${NIK.A},EPS-TOPIK,2026-02-20,999,,,`, // 2: out of scale
      `${NIK.B},TOEFL,2026-02-20,100,,,`, // 3
      `${NIK.C},PILOT,2026-02-20,100,3,YA,`, // 4: a score for the pilot's test
      `${NIK.UNKNOWN},TOPIK I,2026-02-20,120,,,`, // 5
      `${NIK.O},TOPIK_II,2026-02-20,150,,,`, // 6 and 7: twice
      `${NIK.O},TOPIK_II,20/02/2026,150,,,`,
      `${NIK.B},TOPIK_I,2025-06-01,120,,,`, // 8: B already has TOPIK I of that day with 150
      `${NIK.A},EPS_TOPIK,2026-02-30,150,,,`, // 9
      `${NIK.A},EPS_TOPIK,2026-12-01,150,,,`, // 10: after today
    ]);
    const before = await profiles();
    const report = await results(bad);
    expect(report).toMatchObject({ kind: 'test-results', outcome: 'NOTHING_WRITTEN', written: 0 });
    expect(codes(report)).toEqual(
      expect.arrayContaining([
        [2, 'Nilai', 'TRAINING.SCORE_OUT_OF_SCALE'],
        [3, 'Ujian', 'IMPORT.INVALID_TEST'],
        [4, 'Nilai', 'IMPORT.VALUE_NOT_APPLICABLE'],
        [5, 'NIK', 'IMPORT.UNKNOWN_CANDIDATE'],
        [6, 'Tanggal Ujian', 'IMPORT.DUPLICATE_RESULT_IN_FILE'],
        [7, 'Tanggal Ujian', 'IMPORT.DUPLICATE_RESULT_IN_FILE'],
        [8, 'Tanggal Ujian', 'IMPORT.RESULT_ALREADY_RECORDED'],
        [9, 'Tanggal Ujian', 'IMPORT.DATE_DOES_NOT_EXIST'],
        [10, 'Tanggal Ujian', expect.any(String)],
      ]),
    );
    expect(report.problemRows).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await profiles()).toEqual(before);

    const good = await csv('results.csv', [
      'NIK,ID Kandidat,Ujian,Tanggal Ujian,Nilai,Level,Lulus Berbicara,Putaran',
      `${NIK.A},,EPS_TOPIK,2026-02-20,160,,,2026 manufacturing`,
      `${NIK.A},,EPS_TOPIK,2025-11-02,110,,,`, // a second result of the same candidate in the same file
      `${NIK.B},,TOPIK_I,2025-06-01,150,,,`, // already in B's profile: already imported
      `,${ids.C},PILOT_KOREAN,2026-02-21,,3,ya,`,
    ]);
    expect(await results(good, 'DRY_RUN')).toMatchObject({ outcome: 'DRY_RUN', written: 0, notWritten: 3, alreadyImported: [4] });
    expect(await profiles()).toEqual(before);
    const audits = await auditCount('recordTestResult');

    expect(await results(good)).toMatchObject({ outcome: 'WRITTEN', written: 3, alreadyImported: [4], problems: [] });
    expect((await profileOf(ids.A)).epsTopikResults).toEqual(
      expect.arrayContaining([
        { takenOn: '2026-02-20', score: 160, round: '2026 manufacturing' },
        { takenOn: '2025-11-02', score: 110 },
      ]),
    );
    expect((await profileOf(ids.A)).epsTopikResults).toHaveLength(2);
    expect((await profileOf(ids.C)).pilotKoreanTests).toEqual([{ takenOn: '2026-02-21', level: 3, speakingPassed: true }]);
    expect(await auditCount('recordTestResult')).toBe(audits + 3);

    const again = await results(good);
    expect(again).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, alreadyImported: [2, 3, 4, 5], problems: [] });
    expect((await profileOf(ids.A)).epsTopikResults).toHaveLength(2);
    expect(await auditCount('recordTestResult')).toBe(audits + 3);
  });

  it('XLSX: number, boolean and date cells; --skip-invalid writes the valid rows', async () => {
    const file = await xlsx(
      'results.xlsx',
      [
        ['National ID', 'Test', 'Test date', 'Score', 'Level', 'Speaking passed'],
        [NIK.O, 'TOPIK II', new Date(Date.UTC(2026, 0, 10)), 190, null, null],
        [NIK.O, 'PILOT_KOREAN', new Date(Date.UTC(2026, 0, 11)), null, 2, false],
        [NIK.B, 'PILOT_KOREAN', new Date(Date.UTC(2026, 0, 11)), null, 2, null], // speaking passed missing
      ],
      [1],
    );
    const report = await results(file, 'SKIP_INVALID');
    expect(report).toMatchObject({ outcome: 'PARTIAL', written: 2 });
    expect(codes(report)).toEqual([[4, 'Speaking passed', 'IMPORT.REQUIRED_VALUE']]);
    const o = await profileOf(ids.O);
    expect(o.topikResults).toEqual(expect.arrayContaining([{ test: 'TOPIK_II', takenOn: '2026-01-10', score: 190 }]));
    expect(o.pilotKoreanTests).toEqual([{ takenOn: '2026-01-11', level: 2, speakingPassed: false }]);
  });
});

describe('the CLI', () => {
  it('imports attendance with --cohort and test results as JSON, refuses a missing or unknown cohort with exit code 2, and writes the templates', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { env: { DATABASE_URL: t.databaseUrl }, stdout: (s: string) => out.push(s), stderr: { isTTY: false, write: (s: string) => err.push(s) }, clock };
    const file = await csv('cli-attendance.csv', ['NIK,Sesi,Kehadiran', `${NIK.A},1,H`, `${NIK.B},1,A`, `${NIK.C},1,I`]);
    expect(await runImportCli(['attendance', file, '--cohort', cohortId, '--json'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ kind: 'attendance', outcome: 'WRITTEN', written: 3 });
    expect((await marks()).filter((m) => m.startsWith('1'))).toEqual(['1A:PRESENT', '1B:ABSENT', '1C:EXCUSED']);

    expect(await runImportCli(['attendance', file], io)).toBe(2);
    expect(await runImportCli(['attendance', file, '--cohort', '00000000-0000-4000-8000-000000000000'], io)).toBe(2);
    expect(err.join('')).toContain('IMPORT.COHORT_NOT_FOUND');

    out.length = 0;
    const bad = await csv('cli-results.csv', ['NIK,Ujian,Tanggal Ujian,Nilai', `${NIK.A},EPS_TOPIK,2026-02-20,999`]);
    expect(await runImportCli(['test-results', bad], io)).toBe(1);
    expect(out.join('')).toContain('Impor hasil ujian / Test result import');
    expect(out.join('')).toContain('TRAINING.SCORE_OUT_OF_SCALE');

    out.length = 0;
    expect(await runImportCli(['template', 'attendance'], io)).toBe(0);
    expect(out.join('').replace(/^\uFEFF/, '').trim()).toBe('NIK,ID Kandidat,Nama,Sesi,Tanggal Sesi,Kehadiran');
    out.length = 0;
    expect(await runImportCli(['template', 'test-results'], io)).toBe(0);
    expect(out.join('').replace(/^\uFEFF/, '').trim()).toBe('NIK,ID Kandidat,Nama,Ujian,Tanggal Ujian,Nilai,Level,Lulus Berbicara,Putaran');
    // the XLSX template reads back through the import's own reader: the header only
    const xt = path.join(dir, 'template-results.xlsx');
    expect(await runImportCli(['template', 'test-results', xt], io)).toBe(0);
    await expect(readTestResultFile(xt, clock)).rejects.toMatchObject({ code: 'IMPORT.FILE_NO_DATA_ROWS' });
  });
});

describe('over HTTP', () => {
  const post = (kind: string, body: string, token: string | undefined, query = '') =>
    fetch(`${t.baseUrl}/imports/${kind}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const domainCode = async (res: Response) => ((await res.json()) as { errors: Array<{ extensions: { code: string; domainCode?: string } }> }).errors[0]?.extensions;

  it('POST /imports/attendance?cohort= for an officer and the cohort provider’s TRAINER; another provider’s trainer gets 404; test results are the officer’s', async () => {
    const trainer = (await t.createKey({ roles: ['TRAINER'], partyIds: [providerId], name: 'provider app' })).token;
    const stray = (await t.createKey({ roles: ['TRAINER'], partyIds: [await trainingProvider(t, 'LPK Lain')], name: 'other provider app' })).token;
    const body = ['NIK,Sesi,Kehadiran', `${NIK.A},2,HADIR`, `${NIK.B},2,HADIR`, `${NIK.C},2,ALPA`].join('\n');

    const asTrainer = await post('attendance', body, trainer, `cohort=${cohortId}`);
    expect(asTrainer.status).toBe(200);
    expect(((await asTrainer.json()) as { phase: string; report: ImportReport }).report).toMatchObject({ kind: 'attendance', cohortId, outcome: 'WRITTEN', written: 3 });
    expect((await marks()).filter((m) => m.startsWith('2'))).toEqual(['2A:PRESENT', '2B:PRESENT', '2C:ABSENT']);

    const other = await post('attendance', body.replace('2,ALPA', '2,IZIN'), stray, `cohort=${cohortId}`);
    expect(other.status).toBe(404);
    expect(await domainCode(other)).toMatchObject({ code: 'NOT_FOUND', domainCode: 'IMPORT.COHORT_NOT_FOUND' });
    expect((await marks()).filter((m) => m.startsWith('2'))).toEqual(['2A:PRESENT', '2B:PRESENT', '2C:ABSENT']);

    const noCohort = await post('attendance', body, t.keys.officer);
    expect(noCohort.status).toBe(400);
    expect(await domainCode(noCohort)).toMatchObject({ domainCode: 'IMPORT.BAD_PARAMETER' });
    const again = await post('attendance', body, t.keys.officer, `cohort=${cohortId}`);
    expect(((await again.json()) as { report: ImportReport }).report).toMatchObject({ written: 0, alreadyImported: [2, 3, 4] });

    const results = ['NIK,Ujian,Tanggal Ujian,Nilai', `${NIK.B},EPS_TOPIK,2026-02-25,140`].join('\n');
    expect((await post('test-results', results, trainer)).status).toBe(403);
    const byOfficer = await post('test-results', results, t.keys.officer, 'dryRun=true');
    expect(((await byOfficer.json()) as { report: ImportReport }).report).toMatchObject({ kind: 'test-results', outcome: 'DRY_RUN', notWritten: 1 });
    expect((await post('test-results', results, t.keys.officer, `cohort=${cohortId}`)).status).toBe(400);
  });
});
