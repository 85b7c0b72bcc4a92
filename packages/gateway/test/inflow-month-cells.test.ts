/**
 * The kept inflow cells of closed months (issue 11; migration 20261203190000, stock-flow.read-model.ts
 * `readMonthlyInflows`), against the real gateway and PostgreSQL. The cells are a cache that must be
 * EXACT: after every kind of write, the inflows read with kept months are byte-identical to the
 * protected `trends` statement computed from scratch (`readTrendCounts`, the definition), and the
 * analysts' answers that read them (candidateCounts, costPerPlacement, upfrontCashOverLine,
 * placementCosts) are byte-identical to the answers with nothing kept (the tables emptied). Each write
 * also shows which months it drops (none for today's writes; from the month it touched otherwise), that
 * the open month is never kept, and that a fill racing a write keeps nothing stale.
 *
 * Data: the demo seed (200 candidates with histories, placements and profile histories over 2026),
 * loaded after a first fill of the empty database, then writes through the API (at a gateway clock set
 * back to May), the CSV import and raw SQL. The gateway's day is 2026-12-10: the reference date is
 * 2026-11-30, the open month December.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { fixedClock, type Clock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { CANDIDATE_STAGES, type IsoDate } from '../src/domain';
import { importCandidates } from '../src/import';
import { loadDemoOnce } from '../src/seed/demo/load-demo';
import { CANDIDATE_COUNT_INFLOW_SERIES, readMonthlyInflows, type InflowCell } from '../src/read-models/stock-flow.read-model';
import { readTrendCounts, type TrendSeriesKind } from '../src/read-models/trends.read-model';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { captureLogger } from './support/silent-logger';

const TODAY = '2026-12-10';
const TO = '2026-11-30' as IsoDate;
let clockNow: Date | undefined;
const clock: Clock = { now: () => clockNow ?? fixedClock(TODAY).now() };

/** Runs `work` with the gateway's clock at `instant`, then back at TODAY. */
async function atInstant<T>(instant: string, work: () => Promise<T>): Promise<T> {
  clockNow = new Date(instant);
  try {
    return await work();
  } finally {
    clockNow = undefined;
  }
}

let t: TestGateway;
let db: Client;
let analyst: TestCaller;
let dir: string;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  analyst = t.as('analyst');
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-inflow-cells-'));
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const SERIES_SETS: ReadonlyArray<readonly TrendSeriesKind[]> = [CANDIDATE_COUNT_INFLOW_SERIES, ['SEATS_ALLOCATED']];

/** The definition: the protected trends statement over every month up to TO, computed from scratch. */
async function fromScratch(series: readonly TrendSeriesKind[]): Promise<InflowCell[]> {
  const counts = await readTrendCounts(t.gateway.orm.em.fork(), {
    series,
    stages: series.includes('STAGE_ENTRIES') ? [...CANDIDATE_STAGES] : [],
    granularity: 'MONTH',
    from: '1900-01-01' as IsoDate,
    to: TO,
    by: ['KECAMATAN', 'OCCUPATION', 'ROUTE'],
    filter: undefined,
    profileAtBucketEnd: true,
    cellsOnly: true,
  });
  return counts.map((c) => ({ series: c.series, stage: c.stage, month: c.bucket, kecamatan: c.dims[0] ?? null, occupation: c.dims[1] ?? null, route: c.dims[2] ?? null, count: c.count }));
}

/** Month (first day) kept through, per series key (absent: nothing kept). */
async function kept(): Promise<Record<string, string | null>> {
  const r = await db.query(`select series_key, to_char(through, 'YYYY-MM-DD') as through from inflow_month_kept order by series_key`);
  return Object.fromEntries(r.rows.map((x) => [String(x.series_key).replace(/^v\d+:/, '').replace(/:.*/, ''), x.through]));
}

const AGGREGATES: ReadonlyArray<{ readonly id: string; readonly query: string; readonly variables: Record<string, unknown> }> = [
  {
    id: 'candidateCounts',
    query: `query($asOf: Date) { candidateCounts(asOf: $asOf) { asOf total rows { stage kecamatan occupation sex ageBand count suppressed } disclosure { protectedView suppressedCells referenceDate } } }`,
    variables: { asOf: TO },
  },
  {
    id: 'costPerPlacement',
    query: `query($by: [CostPerPlacementDimension!], $asOf: Date) { costPerPlacement(by: $by, asOf: $asOf) { asOf placements total { amount } average { amount } rows { occupation kecamatan placements total { amount } suppressed } disclosure { protectedView suppressedCells referenceDate } } }`,
    variables: { by: ['KECAMATAN'], asOf: TO },
  },
  {
    id: 'upfrontCashOverLine',
    query: `query($from: Date!, $to: Date!) { upfrontCashOverLine(from: $from, to: $to, granularity: MONTH, by: [KECAMATAN]) { from to candidates overLine rows { period kecamatan candidates overLine suppressed } disclosure { protectedView suppressedCells referenceDate } } }`,
    variables: { from: '2025-12-01', to: TO },
  },
  {
    id: 'placementCosts',
    query: `{ placementCosts { placements total { amount } rows { payer placements total { amount } suppressed } disclosure { protectedView suppressedCells referenceDate } } }`,
    variables: {},
  },
];

async function answers(): Promise<string[]> {
  const out: string[] = [];
  for (const a of AGGREGATES) {
    const res = await analyst.gql(a.query, a.variables);
    if (res.body.errors?.length) throw new Error(`${a.id}: ${JSON.stringify(res.body.errors)}`);
    expect((res.body.data as Record<string, { disclosure: { protectedView: boolean } }>)[a.id]!.disclosure.protectedView).toBe(true);
    out.push(JSON.stringify(res.body.data));
  }
  return out;
}

/**
 * The inflows read now (kept months where there are) equal the definition, byte for byte, for both
 * series sets; the analysts' answers equal those with nothing kept (asked again after emptying the
 * tables, which the next read fills again). Returns what is kept afterwards.
 */
async function expectExact(): Promise<Record<string, string | null>> {
  for (const series of SERIES_SETS) {
    const expected = JSON.stringify(await fromScratch(series));
    expect(JSON.stringify(await readMonthlyInflows(t.gateway.orm.em.fork(), series, TO))).toBe(expected);
    // a second read, from the kept months only
    expect(JSON.stringify(await readMonthlyInflows(t.gateway.orm.em.fork(), series, TO))).toBe(expected);
  }
  const withKept = await answers();
  const keptNow = await kept();
  await db.query(`truncate inflow_month_cell, inflow_month_kept`);
  expect(await answers()).toEqual(withKept);
  // (an aggregate over no data reads no inflows: fill what the answers did not)
  for (const series of SERIES_SETS) expect(JSON.stringify(await readMonthlyInflows(t.gateway.orm.em.fork(), series, TO))).toBe(JSON.stringify(await fromScratch(series)));
  expect(await kept()).toEqual(keptNow);
  // never the open month
  expect((await db.query(`select count(*)::int as n from inflow_month_cell where month >= '2026-12-01'`)).rows[0].n).toBe(0);
  for (const through of Object.values(keptNow)) expect(through === null || through <= '2026-11-01').toBe(true);
  return keptNow;
}

const ALL_KEPT = { DEPARTURES: '2026-11-01', RETURNS: '2026-11-01', SEATS_ALLOCATED: '2026-11-01', STAGE_ENTRIES: '2026-11-01' };
const keptFrom = (month: string | null) => Object.fromEntries(Object.keys(ALL_KEPT).map((k) => [k, month]));

describe('kept inflow cells of closed months', () => {
  it('are exact on an empty database, and every write of the demo seed drops them', async () => {
    expect(await expectExact()).toEqual(ALL_KEPT);
    expect((await db.query(`select count(*)::int as n from inflow_month_cell`)).rows[0].n).toBe(0);
    const r = await loadDemoOnce(t.gateway.orm, { candidates: 200, log: createLogger('silent'), clock });
    expect(r.status).toBe('loaded');
    // the demo backdates its histories into 2026: every month from its first event is dropped
    const after = await kept();
    for (const through of Object.values(after)) expect(through === null || through < '2026-11-01').toBe(true);
    expect(await expectExact()).toEqual(ALL_KEPT);
    expect((await db.query(`select count(*)::int as n from inflow_month_cell`)).rows[0].n).toBeGreaterThan(50);
  }, 300_000);

  it("keeps them through today's writes: the CSV import, a registration and a profile edit through the API", async () => {
    const file = path.join(dir, 'candidates.csv');
    const rows = [1, 2, 3].map((n) => `3673011501990${String(500 + n)},Calon ${n},15/01/1999,L,Cipocok Jaya,Kota Serang,E7_3,WELDER`);
    await writeFile(file, `NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan\n${rows.join('\n')}\n`);
    const report = await importCandidates(file, 'ALL_OR_NOTHING', { em: t.gateway.orm.em, clock, actor: { kind: 'system', subject: 'cli:test', roles: ['OFFICER'] }, log: captureLogger('warn').log });
    expect(report.written).toBe(3);
    const id = await registerCandidate(t, eligibleWelderProfile(9301));
    await ok(t, 'mutation($input: UpdateCandidateProfileInput!) { updateCandidateProfile(input: $input) { id } }', {
      input: { id, profile: eligibleWelderProfile(9301, { address: { kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' } }) },
    });
    expect((await db.query(`select count(*)::int as n from candidate_attribute_history where candidate_id = $1`, [id])).rows[0].n).toBe(2);
    // nothing before December moved: nothing dropped
    expect(await kept()).toEqual(ALL_KEPT);
    expect(await expectExact()).toEqual(ALL_KEPT);
  }, 120_000);

  it('drops from the month a seat allocated and released through the API at an earlier date falls in', async () => {
    // the program and two registrations, all in April (the gateway's clock set back)
    const [openingId, a, b] = await atInstant('2026-04-20T03:00:00Z', async () => [
      await openOpening(t, await signedMou(t, 'MoU uji sel bulanan'), 30),
      await registerCandidate(t, eligibleWelderProfile(9311)),
      await registerCandidate(t, eligibleWelderProfile(9312)),
    ] as const);
    expect(await kept()).toEqual(keptFrom('2026-03-01'));
    await expectExact();
    await atInstant('2026-05-12T03:00:00Z', async () => {
      await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: a, o: openingId });
      await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: b, o: openingId });
    });
    // the seats and the stage changes into SELECTED are in May
    expect(await kept()).toEqual(keptFrom('2026-04-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // released in the allocation's month: the seat no longer counts in May
    await atInstant('2026-05-20T03:00:00Z', async () => {
      await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "pindah") { stage } }', { c: a });
    });
    expect(await kept()).toEqual(keptFrom('2026-04-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // released in a later month: the May seat stays counted (SEATS_ALLOCATED is as of its month's end)
    // and the placement drops nothing; the stage change into WITHDRAWN is in August
    await atInstant('2026-08-03T03:00:00Z', async () => {
      await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "pindah") { stage } }', { c: b });
    });
    expect(await kept()).toEqual(keptFrom('2026-07-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
  }, 180_000);

  it('drops from the month of each placement date set earlier, and of a placement deleted', async () => {
    const placement = (await db.query(`select id, candidate_id from placement where status <> 'CANCELLED' and departed_on is null order by id limit 1`)).rows[0] as { id: string; candidate_id: string };
    await db.query(`update placement set departed_on = '2026-06-15', status = 'DEPARTED' where id = $1`, [placement.id]);
    expect((await kept()).DEPARTURES).toBe('2026-05-01');
    expect(await expectExact()).toEqual(ALL_KEPT);
    await db.query(`update placement set returned_on = '2026-09-02', status = 'RETURNED' where id = $1`, [placement.id]);
    expect((await kept()).RETURNS).toBe('2026-08-01');
    expect(await expectExact()).toEqual(ALL_KEPT);
    // the departure corrected to an earlier day, the allocation too
    await db.query(`update placement set departed_on = '2026-03-30', allocated_on = '2026-02-11' where id = $1`, [placement.id]);
    expect(await kept()).toEqual(keptFrom('2026-01-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // a placement with no estimate and no financing plan deleted
    const gone = (await db.query(`select p.id, p.allocated_on::text as allocated from placement p where p.status <> 'CANCELLED' and p.cancelled_on is null and not exists (select 1 from financing_plan f where f.placement_id = p.id) order by p.allocated_on limit 1`)).rows[0] as {
      id: string;
      allocated: string;
    };
    await db.query(`delete from placement where id = $1`, [gone.id]);
    expect(Object.values(await kept()).every((x) => x === null || x < `${gone.allocated.slice(0, 7)}-01`)).toBe(true);
    expect(await expectExact()).toEqual(ALL_KEPT);
  }, 180_000);

  it('drops from the month of a stage change backdated, inserted, moved or deleted by raw SQL', async () => {
    const id = (await db.query(`select candidate_id from candidate_stage_change group by candidate_id having count(*) >= 2 order by candidate_id limit 1`)).rows[0].candidate_id as string;
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) select $1, max(sequence) + 1, 'REGISTERED', 'TRAINING', '2026-07-14T20:00:00Z', 'test' from candidate_stage_change where candidate_id = $1`,
      [id],
    );
    // 20:00Z on 14 July is the 15th in WIB: still July
    expect(await kept()).toEqual(keptFrom('2026-06-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // moved across a month end in WIB (31 March 17:30Z is 1 April 00:30 WIB)
    await db.query(`update candidate_stage_change set at = '2026-03-31T17:30:00Z' where candidate_id = $1 and at = '2026-07-14T20:00:00Z'`, [id]);
    expect((await kept()).STAGE_ENTRIES).toBe('2026-03-01');
    expect(await expectExact()).toEqual(ALL_KEPT);
    await db.query(`delete from candidate_stage_change where candidate_id = $1 and at = '2026-03-31T17:30:00Z'`, [id]);
    expect((await kept()).STAGE_ENTRIES).toBe('2026-03-01');
    expect(await expectExact()).toEqual(ALL_KEPT);
    // a note corrected in place moves no event: nothing dropped
    await db.query(`update candidate_stage_change set note = 'koreksi' where candidate_id = $1`, [id]);
    expect(await kept()).toEqual(ALL_KEPT);
  }, 180_000);

  it('drops from the month of a profile revision backdated by raw SQL, or from the first event for a first row', async () => {
    const c = (
      await db.query(
        `select h.candidate_id, min(h.at) as first from candidate_stage_change h join placement p on p.candidate_id = h.candidate_id group by h.candidate_id order by h.candidate_id limit 1`,
      )
    ).rows[0] as { candidate_id: string; first: Date };
    await db.query(
      `insert into candidate_attribute_history (candidate_id, valid_from, sex, birth_date, kecamatan, education, target_occupation, target_route)
       select candidate_id, '2026-08-20T05:00:00Z', sex, birth_date, 'TAKTAKAN', education, 'SHIP_PAINTER', target_route from candidate_attribute_history where candidate_id = $1 order by valid_from desc limit 1`,
      [c.candidate_id],
    );
    expect(await kept()).toEqual(keptFrom('2026-07-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // its valid_from corrected to an earlier instant (the only correction the table allows)
    await db.query(`update candidate_attribute_history set valid_from = '2026-06-02T05:00:00Z' where candidate_id = $1 and valid_from = '2026-08-20T05:00:00Z'`, [c.candidate_id]);
    expect(await kept()).toEqual(keptFrom('2026-05-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // a row before the first: it becomes the first row, which counts from the beginning: everything
    // from the candidate's first event is dropped
    await db.query(
      `insert into candidate_attribute_history (candidate_id, valid_from, sex, birth_date, kecamatan, education, target_occupation, target_route)
       select candidate_id, '2000-01-01T00:00:00Z', sex, birth_date, 'CURUG', education, 'COOK', 'E9' from candidate_attribute_history where candidate_id = $1 order by valid_from limit 1`,
      [c.candidate_id],
    );
    const firstMonth = (await db.query(`select to_char(date_trunc('month', least($2::timestamptz at time zone 'Asia/Jakarta', (select min(allocated_on) from placement where candidate_id = $1)::timestamp)), 'YYYY-MM-DD') as m`, [c.candidate_id, c.first]))
      .rows[0].m as string;
    for (const through of Object.values(await kept())) expect(through === null || through < firstMonth).toBe(true);
    expect(await expectExact()).toEqual(ALL_KEPT);
  }, 180_000);

  it('drops from the first event of a candidate without profile history whose columns change, and of a candidate deleted', async () => {
    const id = randomUUID();
    await db.query(
      `insert into candidate (id, profile, kecamatan, stage, stage_since, target_route, target_occupation, external_refs, created_at, updated_at)
       values ($1, '{}', 'WALANTAKA', 'REGISTERED', '2026-04-02T10:00:00+07:00', 'E7_3', 'WELDER', '[]', '2026-04-02T10:00:00+07:00', '2026-04-02T10:00:00+07:00')`,
      [id],
    );
    // its first history row (trigger on candidate) labels nothing yet: no event, nothing dropped
    expect(await kept()).toEqual(ALL_KEPT);
    await db.query(`insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) values ($1, 1, null, 'REGISTERED', '2026-04-02T10:00:00+07:00', 'test')`, [id]);
    expect(await kept()).toEqual(keptFrom('2026-03-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // a record whose history is gone (the table refuses a DELETE while the candidate exists; a repair
    // script with triggers off can): its current columns label its events. With triggers off nothing is
    // dropped (the documented limit), so the kept months are emptied by hand, as documented
    await db.query(`begin; set local session_replication_role = replica; delete from candidate_attribute_history where candidate_id = '${id}'; commit;`);
    await db.query(`truncate inflow_month_cell, inflow_month_kept`);
    expect(await expectExact()).toEqual(ALL_KEPT);
    // its columns changed without a history row written (that trigger off): from its first event
    await db.query(`alter table candidate disable trigger candidate_attribute_history_update`);
    try {
      await db.query(`update candidate set kecamatan = 'KASEMEN' where id = $1`, [id]);
    } finally {
      await db.query(`alter table candidate enable trigger candidate_attribute_history_update`);
    }
    expect(await kept()).toEqual(keptFrom('2026-03-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // changed again, the trigger on: a first history row (today), which counts from the beginning
    await db.query(`update candidate set kecamatan = 'CURUG' where id = $1`, [id]);
    expect(await kept()).toEqual(keptFrom('2026-03-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
    // deleted, with its history (ON DELETE CASCADE)
    await db.query(`delete from candidate where id = $1`, [id]);
    expect(await kept()).toEqual(keptFrom('2026-03-01'));
    expect(await expectExact()).toEqual(ALL_KEPT);
  }, 180_000);

  it('drops everything on TRUNCATE of any source table', async () => {
    for (const table of ['candidate_stage_change', 'placement', 'candidate_attribute_history', 'candidate']) {
      await expectExact();
      await db.query('begin');
      try {
        await db.query(`truncate ${table} cascade`);
        expect(await kept()).toEqual(keptFrom(null));
        expect((await db.query(`select count(*)::int as n from inflow_month_cell`)).rows[0].n).toBe(0);
      } finally {
        await db.query('rollback');
      }
      expect(await kept()).toEqual(ALL_KEPT);
    }
  }, 180_000);

  it('keeps nothing while a write that drops months is in progress, and a fill holding the lock is dropped by the write after it', async () => {
    await expectExact();
    const id = (await db.query(`select candidate_id from candidate_stage_change order by candidate_id limit 1`)).rows[0].candidate_id as string;
    const writer = await t.db();
    try {
      // 1. a write in progress (its trigger ran): a fill gets no lock and keeps nothing; the answer is
      //    the committed state's
      await db.query(`truncate inflow_month_cell, inflow_month_kept`);
      await writer.query('begin');
      await writer.query(
        `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor) select $1, max(sequence) + 1, 'REGISTERED', 'TESTING', '2026-02-14T03:00:00Z', 'test' from candidate_stage_change where candidate_id = $1`,
        [id],
      );
      const before = JSON.stringify(await fromScratch(CANDIDATE_COUNT_INFLOW_SERIES));
      expect(JSON.stringify(await readMonthlyInflows(t.gateway.orm.em.fork(), CANDIDATE_COUNT_INFLOW_SERIES, TO))).toBe(before);
      expect(await kept()).toEqual({});
      await writer.query('commit');
      expect(JSON.stringify(await fromScratch(CANDIDATE_COUNT_INFLOW_SERIES))).not.toBe(before);
      expect(await expectExact()).toEqual(ALL_KEPT);

      // 2. a fill holding the lock (here by hand: it computed before the write, as a slow fill would)
      //    makes the write's trigger wait; once the fill commits, the trigger drops what it kept
      const filler = await t.db();
      try {
        await filler.query('begin');
        await filler.query(`select id from inflow_month_fill_lock where id = 1 for update`);
        await filler.query(`update inflow_month_fill_lock set fills = fills + 1 where id = 1`);
        let done = false;
        const write = writer
          .query(`update candidate_stage_change set at = '2026-01-20T03:00:00Z' where candidate_id = $1 and to_stage = 'TESTING' and at = '2026-02-14T03:00:00Z'`, [id])
          .then(() => (done = true));
        await new Promise((r) => setTimeout(r, 300));
        expect(done).toBe(false);
        await filler.query('commit');
        await write;
        expect(await kept()).toEqual(keptFrom('2025-12-01'));
        expect(await expectExact()).toEqual(ALL_KEPT);
      } finally {
        await filler.end();
      }
    } finally {
      await writer.end();
    }
  }, 180_000);
});
