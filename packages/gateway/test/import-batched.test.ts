/**
 * The batched import writer (use-cases/register-candidates.use-case.ts) against the one-by-one path
 * it replaced (registerCandidate per row, the GraphQL mutation's code): the same file written both
 * ways into two fresh databases leaves the same rows, column for column (ids aside), in candidate,
 * candidate_stage_change and audit_log, and the same row count in every table. Also: a batch is a
 * handful of statements, not several per row; a NIK registered after the plan fails its batch whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { fixedClock } from '../src/clock';
import { importCandidates, readCandidateFile } from '../src/import';
import { registerCandidate } from '../src/use-cases/register-candidate.use-case';
import { registerCandidates } from '../src/use-cases/register-candidates.use-case';
import { UseCaseError } from '../src/use-cases/use-case-error';
import { startTestGateway, type TestGateway } from './harness';
import { captureLogger } from './support/silent-logger';

const clock = fixedClock('2026-01-15');
const actor = { kind: 'system' as const, subject: 'cli:test', roles: ['OFFICER'] };
const HEADER =
  'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kelurahan,Kabupaten/Kota,Pendidikan,Rute,Jabatan,Nomor BPJS Ketenagakerjaan,Nilai EPS-TOPIK,Tanggal EPS-TOPIK,Catatan';
const KECAMATAN = ['Serang', 'Kasemen', 'Walantaka', 'Curug', 'Cipocok Jaya', 'Taktakan'];
const TARGETS = ['E7_3,WELDER', 'E9,MANUFACTURING_WORKER', ',', 'E7_3_PILOT,SHIP_PAINTER', 'E7_3,'];

/** Row n: born 15/01/1999 (women: day + 40 in the NIK), the optional columns filled in turn. */
function line(n: number): string {
  const female = n % 2 === 1;
  const nik = `367301${female ? '55' : '15'}0199${String(1000 + n).padStart(4, '0')}`;
  return [
    nik,
    `Calon ${n}`,
    n % 3 === 0 ? '1999-01-15' : '15/01/1999',
    female ? 'P' : 'L',
    KECAMATAN[n % 6],
    n % 4 === 0 ? '' : 'Kaligandu',
    n % 5 === 0 ? '' : 'Kota Serang',
    ['SLTA', 'SMK', '', 'S1'][n % 4],
    TARGETS[n % TARGETS.length],
    n % 3 === 1 ? `1234567${n}` : '',
    n % 4 === 2 ? String(150 + n) : '',
    n % 4 === 2 ? '2025-11-02' : '',
    n % 2 === 0 ? `Catatan ${n}` : '',
  ].join(',');
}

let oneByOne: TestGateway;
let batched: TestGateway;
let dir: string;
beforeAll(async () => {
  [oneByOne, batched] = await Promise.all([startTestGateway({ clock }), startTestGateway({ clock })]);
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-import-batched-'));
});
afterAll(async () => {
  await Promise.all([oneByOne?.close(), batched?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

const deps = (t: TestGateway) => ({ em: t.gateway.orm.em, clock, actor, log: captureLogger('warn').log });

/** Every column but the generated ids, the candidate named by its NIK; sorted. */
async function rowsOf(db: Client) {
  const candidates = (await db.query(`select * from candidate order by nik`)).rows.map(({ id: _id, ...rest }) => rest);
  const history = (await db.query(`select c.nik, h.* from candidate_stage_change h join candidate c on c.id = h.candidate_id order by c.nik, h.sequence`)).rows.map(
    ({ id: _id, candidate_id: _c, ...rest }) => rest,
  );
  const audit = (
    await db.query(
      `select c.nik, a.at, a.actor, a.principal_kind, a.roles, a.key_id, a.action, a.entity_type, a.before, a.after - 'id' as after, a.request_id, a.after->>'id' = c.id::text as names_candidate
         from audit_log a join candidate c on c.id::text = a.entity_id where a.entity_type = 'Candidate' order by c.nik, a.id`,
    )
  ).rows;
  return { candidates, history, audit };
}

async function tableCounts(db: Client): Promise<Record<string, number>> {
  const tables = (await db.query(`select tablename from pg_tables where schemaname = 'public' order by tablename`)).rows.map((r: { tablename: string }) => r.tablename);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await db.query(`select count(*)::int as n from "${t}"`)).rows[0].n;
  return out;
}

describe('the batched candidate writer', () => {
  it('writes exactly the rows the one-by-one registerCandidate path writes', async () => {
    const file = await csv('same.csv', Array.from({ length: 23 }, (_, i) => line(i)));
    const requestId = 'import:00000000-0000-4000-8000-000000000001';

    // the old path: every valid row through registerCandidate, in transactions of whole batches
    const read = await readCandidateFile(file, clock);
    expect(read.collected.problems).toEqual([]);
    expect(read.collected.valid).toHaveLength(23);
    for (let i = 0; i < read.collected.valid.length; i += 10) {
      await oneByOne.gateway.orm.em.fork().transactional(async (em) => {
        for (const row of read.collected.valid.slice(i, i + 10)) {
          await registerCandidate({ ...row.candidate, externalRefs: [] }, { em, clock, actor: actor.subject, principal: actor, requestId, log: captureLogger('warn').log });
        }
      });
    }
    // the new one, in batches of 10 (three transactions)
    const report = await importCandidates(file, 'ALL_OR_NOTHING', { ...deps(batched), batchSize: 10, requestId });
    expect(report).toMatchObject({ outcome: 'WRITTEN', written: 23 });

    const [a, b] = await Promise.all([oneByOne.db().then(rowsOf), batched.db().then(rowsOf)]);
    expect(a.candidates).toHaveLength(23);
    expect(a.history).toHaveLength(23);
    expect(a.audit).toHaveLength(23);
    expect(a.audit.every((r) => r.names_candidate)).toBe(true);
    // the file's variety reached the rows (so that the comparison compares something)
    expect(new Set(a.candidates.map((c) => c.eligibility)).size).toBeGreaterThan(1);
    expect(new Set(a.candidates.map((c) => c.target_route)).size).toBeGreaterThan(2);
    expect(a.history.some((h) => h.note !== null)).toBe(true);
    expect(b).toEqual(a);
    const [ca, cb] = await Promise.all([oneByOne.db().then(tableCounts), batched.db().then(tableCounts)]);
    expect(cb).toEqual(ca);
  });

  it('writes a batch in a few statements (not several per row), audit rows in chunks', async () => {
    const file = await csv('many.csv', Array.from({ length: 1200 }, (_, i) => line(100 + i)));
    batched.resetSql();
    const report = await importCandidates(file, 'ALL_OR_NOTHING', { ...deps(batched), batchSize: 600 });
    expect(report).toMatchObject({ outcome: 'WRITTEN', written: 1200 });
    // per batch: begin, NIK check, 2 audit INSERTs (500 + 100), candidate and history INSERTs
    // (MikroORM splits each into inserts of at most 300 rows), commit; and the plan's NIK look-ups
    expect(batched.sql.count).toBeLessThan(40);
    const db = await batched.db();
    const n = async (sql: string) => (await db.query(sql)).rows[0].n;
    expect(await n(`select count(*)::int as n from candidate where nik like '36730%' and substr(nik, 13, 4)::int between 1100 and 2299`)).toBe(1200);
    expect(await n(`select count(*)::int as n from candidate_stage_change h join candidate c on c.id = h.candidate_id where substr(c.nik, 13, 4)::int between 1100 and 2299`)).toBe(1200);
    expect(await n(`select count(*)::int as n from audit_log a join candidate c on c.id::text = a.entity_id where a.action = 'registerCandidate' and substr(c.nik, 13, 4)::int between 1100 and 2299`)).toBe(1200);
  });

  it('a NIK registered after the plan fails the whole batch with CANDIDATE.DUPLICATE_NIK, writing none of it', async () => {
    const read = await readCandidateFile(await csv('race.csv', [line(3000), line(3001), line(3002)]), clock);
    const [first, second, third] = read.collected.valid.map((r) => ({ ...r.candidate, externalRefs: [] }));
    const useCaseDeps = { em: batched.gateway.orm.em.fork(), clock, actor: actor.subject, principal: actor, requestId: 'race', log: captureLogger('warn').log };
    await registerCandidate(second!, { ...useCaseDeps, em: batched.gateway.orm.em.fork() });
    const error = await registerCandidates([first!, second!, third!], useCaseDeps).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UseCaseError);
    expect((error as UseCaseError).failure).toMatchObject({ kind: 'REJECTED', code: 'CONFLICT', domainCode: 'CANDIDATE.DUPLICATE_NIK' });
    const db = await batched.db();
    const niks = (await db.query(`select nik from candidate where nik = any($1) order by nik`, [[first!.profile.nik, second!.profile.nik, third!.profile.nik]])).rows;
    expect(niks).toEqual([{ nik: second!.profile.nik }]);
    expect((await db.query(`select count(*)::int as n from audit_log where request_id = 'race'`)).rows[0].n).toBe(1);
  });
});
