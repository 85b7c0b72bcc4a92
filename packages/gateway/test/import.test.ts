/** Candidate import against a real database: all or nothing, --skip-invalid, idempotent re-import, an interrupted import leaves whole batches, the CLI. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImportCli } from '../src/cli/import';
import { fixedClock } from '../src/clock';
import { importCandidates, type ImportMode } from '../src/import';
import { startTestGateway, type TestGateway } from './harness';
import { captureLogger } from './support/silent-logger';

const TODAY = '2026-01-15';
const clock = fixedClock(TODAY);
const HEADER = 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan';
const nik = (n: number): string => `3673011501990${String(n).padStart(3, '0')}`;
const line = (n: number, birth = '15/01/1999'): string => `${nik(n)},Calon ${n},${birth},L,Cipocok Jaya,Kota Serang,E7_3,WELDER`;

let t: TestGateway;
let dir: string;
beforeAll(async () => {
  t = await startTestGateway({ clock });
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-import-db-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

function run(file: string, mode: ImportMode, batchSize?: number) {
  return importCandidates(file, mode, {
    em: t.gateway.orm.em,
    clock,
    actor: { kind: 'system', subject: 'cli:test', roles: ['OFFICER'] },
    log: captureLogger('warn').log,
    ...(batchSize ? { batchSize } : {}),
  });
}

async function stored(from: number, to: number): Promise<number[]> {
  const db = await t.db();
  const r = await db.query(`select nik from candidate where nik between $1 and $2 order by nik`, [nik(from), nik(to)]);
  return r.rows.map((x: { nik: string }) => Number(x.nik.slice(-3)));
}

async function audits(from: number, to: number): Promise<number> {
  const db = await t.db();
  const r = await db.query(`select count(*)::int as n from audit_log a join candidate c on c.id::text = a.entity_id where a.action = 'registerCandidate' and c.nik between $1 and $2`, [nik(from), nik(to)]);
  return r.rows[0].n;
}

describe('import candidates', () => {
  it('writes nothing when one row is invalid (all or nothing), and nothing on a dry run', async () => {
    const file = await csv('bad.csv', [line(1), line(2, '2001-02-30'), line(3)]);
    const report = await run(file, 'ALL_OR_NOTHING');
    expect(report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, notWritten: 2, problemRows: [3] });
    expect(report.problems[0]).toMatchObject({ row: 3, column: 'Tanggal Lahir', code: 'IMPORT.DATE_DOES_NOT_EXIST' });
    expect((await run(file, 'DRY_RUN')).outcome).toBe('DRY_RUN');
    expect(await stored(1, 3)).toEqual([]);
  });

  it('--skip-invalid writes the valid rows through registerCandidate (audit row, stored eligibility), and a re-import creates no duplicates', async () => {
    const file = await csv('skip.csv', [line(1), line(2, '2001-02-30'), line(3)]);
    expect(await run(file, 'SKIP_INVALID')).toMatchObject({ outcome: 'PARTIAL', written: 2, problemRows: [3] });
    expect(await stored(1, 3)).toEqual([1, 3]);
    expect(await audits(1, 3)).toBe(2);
    const db = await t.db();
    const r = await db.query(`select stage, eligibility, kecamatan, target_route from candidate where nik = $1`, [nik(1)]);
    expect(r.rows[0]).toMatchObject({ stage: 'REGISTERED', kecamatan: 'CIPOCOK_JAYA', target_route: 'E7_3', eligibility: expect.any(String) });

    const again = await run(file, 'SKIP_INVALID');
    expect(again).toMatchObject({ written: 0, alreadyImported: [2, 4], problemRows: [3] });
    expect(await stored(1, 3)).toEqual([1, 3]);
    expect(await audits(1, 3)).toBe(2);

    const changed = await csv('changed.csv', [line(1).replace('Cipocok Jaya', 'Kasemen')]);
    const report = await run(changed, 'ALL_OR_NOTHING');
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'NIK', 'IMPORT.NIK_ALREADY_REGISTERED']]);
  });

  it('an import that fails mid-way leaves whole batches; a re-run completes it', async () => {
    const file = await csv('interrupted.csv', [10, 11, 12, 13, 14, 15, 16].map((n) => line(n)));
    const db = await t.db();
    // the database refuses the 5th row: its batch (rows 13 and 14 of the file's NIKs) rolls back whole
    await db.query(`create function refuse_nik() returns trigger language plpgsql as $$ begin if new.nik = '${nik(14)}' then raise exception 'simulated failure'; end if; return new; end $$`);
    await db.query(`create trigger refuse_nik before insert on candidate for each row execute function refuse_nik()`);
    const failed = await run(file, 'ALL_OR_NOTHING', 2);
    expect(failed).toMatchObject({ outcome: 'PARTIAL', written: 4, failedRows: [6, 7, 8], failureReason: 'database error P0001' });
    expect(await stored(10, 16)).toEqual([10, 11, 12, 13]);
    expect(await audits(10, 16)).toBe(4);
    await db.query(`drop trigger refuse_nik on candidate; drop function refuse_nik()`);

    const rerun = await run(file, 'ALL_OR_NOTHING', 2);
    expect(rerun).toMatchObject({ outcome: 'WRITTEN', written: 3, alreadyImported: [2, 3, 4, 5], problems: [] });
    expect(await stored(10, 16)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(await audits(10, 16)).toBe(7);
  });

  it('the CLI reports as JSON, exits 1 on problem rows and 2 on a bad file, writing nothing', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { env: { DATABASE_URL: t.databaseUrl }, stdout: (s: string) => out.push(s), stderr: { isTTY: false, write: (s: string) => err.push(s) }, clock };
    const file = await csv('cli.csv', [line(20), line(21, '31/04/2001')]);
    expect(await runImportCli(['candidates', file, '--json'], io)).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ outcome: 'NOTHING_WRITTEN', problems: [{ row: 3, code: 'IMPORT.DATE_DOES_NOT_EXIST' }] });
    await writeFile(path.join(dir, 'scan.xlsx'), '%PDF-1.4\n');
    expect(await runImportCli(['candidates', path.join(dir, 'scan.xlsx')], io)).toBe(2);
    expect(err.join('')).toContain('IMPORT.FILE_CONTENT_MISMATCH');
    out.length = 0;
    expect(await runImportCli(['candidates', await csv('cli-ok.csv', [line(20)])], io)).toBe(0);
    expect(out.join('')).toContain('Tersimpan / written: 1');
    expect(await stored(20, 21)).toEqual([20]);
  });
});
