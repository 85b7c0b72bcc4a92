/**
 * The stored registration instant `candidate.registered_at` (migration 20261203180000, issue 11: the
 * aggregates at 100,000 candidates read it instead of a sub-query per candidate) against its
 * definition, the first stage change or else `created_at` (read-models/sql-filter.ts
 * `registeredAtSql`), for candidates written by every path: GraphQL `registerCandidate` and
 * `advanceCandidate`, the CSV import, the demo seed, and raw SQL that backdates, inserts, corrects and
 * deletes history rows or tries to write the column itself. Also: the per-request memo of the monthly
 * inflows (read-models/stock-flow.read-model.ts) answers exactly what a direct read does.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { fixedClock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { importCandidates } from '../src/import';
import { loadDemoOnce } from '../src/seed/demo/load-demo';
import { CANDIDATE_COUNT_INFLOW_SERIES, readMonthlyInflows, type InflowMemo } from '../src/read-models/stock-flow.read-model';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, registerCandidate } from './support/program';
import { captureLogger } from './support/silent-logger';

const TODAY = '2026-03-10';
const clock = fixedClock(TODAY);

let t: TestGateway;
let db: Client;
let dir: string;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-registered-at-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Candidates whose stored instant differs from the definition (id, stored, defined). */
async function mismatches(): Promise<Array<{ id: string; stored: Date | null; defined: Date }>> {
  const r = await db.query(
    `select c.id, c.registered_at as stored, coalesce((select min(h.at) from candidate_stage_change h where h.candidate_id = c.id), c.created_at) as defined
       from candidate c
      where c.registered_at is distinct from coalesce((select min(h.at) from candidate_stage_change h where h.candidate_id = c.id), c.created_at)`,
  );
  return r.rows;
}

async function storedOf(id: string): Promise<string> {
  const r = await db.query(`select registered_at from candidate where id = $1`, [id]);
  return (r.rows[0].registered_at as Date).toISOString();
}

async function count(): Promise<number> {
  return (await db.query(`select count(*)::int as n from candidate`)).rows[0].n;
}

describe('candidate.registered_at', () => {
  it('is the definition for the demo seed (bulk inserts of candidates and histories)', async () => {
    const r = await loadDemoOnce(t.gateway.orm, { candidates: 60, log: createLogger('silent'), clock });
    expect(r.status).toBe('loaded');
    expect(await count()).toBe(60);
    expect(await mismatches()).toEqual([]);
    // the demo backdates its registrations: the stored instants are spread, not "now"
    const spread = await db.query(`select count(distinct (registered_at at time zone 'Asia/Jakarta')::date)::int as days from candidate`);
    expect(spread.rows[0].days).toBeGreaterThan(5);
  });

  it('is the definition for GraphQL registerCandidate and advanceCandidate (an advance leaves it)', async () => {
    const before = await count();
    const id = await registerCandidate(t, eligibleWelderProfile(9101));
    expect(await count()).toBe(before + 1);
    const registered = await storedOf(id);
    const first = await db.query(`select min(at) as at from candidate_stage_change where candidate_id = $1`, [id]);
    expect(registered).toBe((first.rows[0].at as Date).toISOString());
    await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: WITHDRAWN, note: "moved away") { stage } }', { id });
    expect(await storedOf(id)).toBe(registered);
    expect(await mismatches()).toEqual([]);
  });

  it('is the definition for the CSV import', async () => {
    const file = path.join(dir, 'candidates.csv');
    const rows = [1, 2, 3].map((n) => `3673011501990${String(300 + n)},Calon ${n},15/01/1999,L,Cipocok Jaya,Kota Serang,E7_3,WELDER`);
    await writeFile(file, `NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan\n${rows.join('\n')}\n`);
    const before = await count();
    const report = await importCandidates(file, 'ALL_OR_NOTHING', {
      em: t.gateway.orm.em,
      clock,
      actor: { kind: 'system', subject: 'cli:test', roles: ['OFFICER'] },
      log: captureLogger('warn').log,
    });
    expect(report.written).toBe(3);
    expect(await count()).toBe(before + 3);
    expect(await mismatches()).toEqual([]);
  });

  it('follows raw SQL on the history: backdated, an earlier row inserted, corrected, deleted; a record without history; a direct write', async () => {
    const id = randomUUID();
    await db.query(
      `insert into candidate (id, profile, kecamatan, stage, stage_since, target_route, target_occupation, external_refs, created_at, updated_at)
       values ($1, '{}', 'CIPOCOK_JAYA', 'SELECTED', '2026-02-01T10:00:00+07:00', 'E7_3', 'WELDER', '[]', '2026-02-20T10:00:00+07:00', '2026-02-20T10:00:00+07:00')`,
      [id],
    );
    // no history yet: created_at
    expect(await storedOf(id)).toBe('2026-02-20T03:00:00.000Z');
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) values
         ($1, 1, null, 'REGISTERED', '2026-01-31T23:30:00+07:00', 'test'), ($1, 2, 'REGISTERED', 'SELECTED', '2026-02-01T10:00:00+07:00', 'test')`,
      [id],
    );
    // the first change, in WIB still January (16:30Z on the 31st)
    expect(await storedOf(id)).toBe('2026-01-31T16:30:00.000Z');
    await db.query(`update candidate_stage_change set at = '2026-02-01T00:30:00+07:00' where candidate_id = $1 and sequence = 1`, [id]);
    expect(await storedOf(id)).toBe('2026-01-31T17:30:00.000Z');
    // a later row backdated before the first: the first instant is the minimum, whatever its sequence
    await db.query(`update candidate_stage_change set at = '2026-01-15T09:00:00+07:00' where candidate_id = $1 and sequence = 2`, [id]);
    expect(await storedOf(id)).toBe('2026-01-15T02:00:00.000Z');
    await db.query(`delete from candidate_stage_change where candidate_id = $1 and sequence = 2`, [id]);
    expect(await storedOf(id)).toBe('2026-01-31T17:30:00.000Z');
    await db.query(`delete from candidate_stage_change where candidate_id = $1`, [id]);
    expect(await storedOf(id)).toBe('2026-02-20T03:00:00.000Z');
    // created_at backdated on a record without history
    await db.query(`update candidate set created_at = '2025-12-31T23:59:00+07:00' where id = $1`, [id]);
    expect(await storedOf(id)).toBe('2025-12-31T16:59:00.000Z');
    // nobody writes it: a direct write is derived again
    await db.query(`update candidate set registered_at = '2020-01-01T00:00:00Z' where id = $1`, [id]);
    expect(await storedOf(id)).toBe('2025-12-31T16:59:00.000Z');
    const other = randomUUID();
    await db.query(
      `insert into candidate (id, profile, stage, stage_since, external_refs, created_at, updated_at, registered_at)
       values ($1, '{}', 'REGISTERED', now(), '[]', '2026-03-01T08:00:00+07:00', now(), '2020-01-01T00:00:00Z')`,
      [other],
    );
    expect(await storedOf(other)).toBe('2026-03-01T01:00:00.000Z');
    // a first change after created_at on a record without history: the change, later than created_at
    await db.query(`insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) values ($1, 1, null, 'REGISTERED', '2026-03-02T09:00:00+07:00', 'test')`, [other]);
    expect(await storedOf(other)).toBe('2026-03-02T02:00:00.000Z');
    // a later change leaves it; one at the same instant too
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) values ($1, 2, 'REGISTERED', 'WITHDRAWN', '2026-03-05T09:00:00+07:00', 'test'), ($1, 3, 'WITHDRAWN', 'REGISTERED', '2026-03-02T09:00:00+07:00', 'test')`,
      [other],
    );
    expect(await storedOf(other)).toBe('2026-03-02T02:00:00.000Z');
    expect(await mismatches()).toEqual([]);
  });
});

describe('the monthly inflows memo (one read per request)', () => {
  it('answers a later read of fewer series from the first, exactly as a direct read, without another statement', async () => {
    const em = t.gateway.orm.em.fork();
    const to = '2026-11-30';
    const direct = await readMonthlyInflows(em, ['SEATS_ALLOCATED'], to);
    const directAll = await readMonthlyInflows(em, CANDIDATE_COUNT_INFLOW_SERIES, to);
    expect(directAll.length).toBeGreaterThan(direct.length);
    expect(direct.length).toBeGreaterThan(0);
    const memo: InflowMemo = new Map();
    const execute = jest.spyOn(em.getConnection(), 'execute');
    try {
      expect(await readMonthlyInflows(em, CANDIDATE_COUNT_INFLOW_SERIES, to, memo)).toEqual(directAll);
      const statements = execute.mock.calls.length;
      expect(statements).toBeGreaterThan(0);
      expect(await readMonthlyInflows(em, ['SEATS_ALLOCATED'], to, memo)).toEqual(direct);
      expect(await readMonthlyInflows(em, CANDIDATE_COUNT_INFLOW_SERIES, to, memo)).toEqual(directAll);
      expect(execute.mock.calls.length).toBe(statements);
      // another month end is another read
      await readMonthlyInflows(em, ['SEATS_ALLOCATED'], '2026-10-31', memo);
      expect(execute.mock.calls.length).toBeGreaterThan(statements);
    } finally {
      execute.mockRestore();
    }
  });
});
