/**
 * Exit reason codes (issue 12) against the real gateway and PostgreSQL:
 * - `advanceCandidate` into WITHDRAWN / REJECTED takes `reason`; it is stored in
 *   `candidate_stage_change.reason`, read back through the mapper (the next change reloads the
 *   history) and exposed on the stage history; with a seat, the release path records it too;
 * - refusals (a code of the other exit, OTHER without a note, a code on another stage, an unknown
 *   code) are BAD_USER_INPUT with a stable code and field path, and write nothing;
 * - the database refuses a reason on a change that is not an exit;
 * - `funnel` exits by reason: exact (OFFICER) and protected (ANALYST: a small reason cell withholds
 *   the other cells of its gap and the exit total; a period keeps a cell only when every month does).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { fixedClock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

const TODAY = '2026-12-10';
const K = 5;

let t: TestGateway;
let db: Client;
let officer: TestCaller;
let analyst: TestCaller;
let openingId: string;

type Step = readonly [stage: string, at: string, reason?: string];

/** A candidate with a backdated stage history written straight into the tables. */
async function backdated(steps: readonly Step[]): Promise<void> {
  const id = randomUUID();
  const last = steps[steps.length - 1]!;
  await db.query(
    `insert into candidate (id, profile, kecamatan, stage, stage_since, target_route, target_occupation, external_refs, created_at, updated_at)
     values ($1, '{}', 'KASEMEN', $2, $3, 'E7_3', 'WELDER', '[]', $4, $3)`,
    [id, last[0], last[1], steps[0]![1]],
  );
  let from: string | null = null;
  for (const [i, [stage, at, reason]] of steps.entries()) {
    await db.query(`insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor, note, reason) values ($1, $2, $3, $4, $5, 'test', null, $6)`, [
      id,
      i + 1,
      from,
      stage,
      at,
      reason ?? null,
    ]);
    from = stage;
  }
}
const wib = (d: string) => `${d}T09:00:00+07:00`;
async function many(n: number, steps: readonly Step[]): Promise<void> {
  for (let i = 0; i < n; i++) await backdated(steps);
}

/**
 * Backdated cohorts (K = 5):
 * - January (registered 10 Jan, 20 people): 5 WITHDRAWN FAMILY and 5 WITHDRAWN OTHER_JOB from REGISTERED; 10 SELECTED
 *   on 20 Jan, of whom 5 REJECTED NOT_ELIGIBLE on 1 Feb. Every cell and every gap is 0 or ≥ 5.
 * - February (registered 10 Feb, 12 people): 5 WITHDRAWN FAMILY and 2 WITHDRAWN COST from REGISTERED; 5 stay.
 */
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  db = await t.db();
  officer = t.as('officer');
  analyst = t.as('analyst');
  openingId = await openOpening(t, await signedMou(t), 10);
  const jan = wib('2026-01-10');
  await many(5, [['REGISTERED', jan], ['WITHDRAWN', wib('2026-01-15'), 'FAMILY']]);
  await many(5, [['REGISTERED', jan], ['WITHDRAWN', wib('2026-01-16'), 'OTHER_JOB']]);
  await many(5, [['REGISTERED', jan], ['SELECTED', wib('2026-01-20')], ['REJECTED', wib('2026-02-01'), 'NOT_ELIGIBLE']]);
  await many(5, [['REGISTERED', jan], ['SELECTED', wib('2026-01-20')]]);
  const feb = wib('2026-02-10');
  await many(5, [['REGISTERED', feb], ['WITHDRAWN', wib('2026-02-15'), 'FAMILY']]);
  await many(2, [['REGISTERED', feb], ['WITHDRAWN', wib('2026-02-16'), 'COST']]);
  await many(5, [['REGISTERED', feb]]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const ADVANCE = `mutation($id: ID!, $to: CandidateStage!, $reason: CandidateExitReason, $note: String) {
  advanceCandidate(id: $id, to: $to, reason: $reason, note: $note) { stage history { sequence to note reason } } }`;
type Advanced = { advanceCandidate: { stage: string; history: Array<{ sequence: number; to: string; note: string | null; reason: string | null }> } };

const storedReasons = async (id: string) =>
  (await db.query(`select sequence, to_stage, reason from candidate_stage_change where candidate_id = $1 order by sequence`, [id])).rows.map((r) => [r.sequence, r.to_stage, r.reason]);

let nik = 700;
const fresh = () => registerCandidate(t, eligibleWelderProfile(++nik));

describe('advanceCandidate with an exit reason code', () => {
  it('stores the code without a note, reads it back on the next change, and exposes it on the history', async () => {
    const id = await fresh();
    const out = await ok<Advanced>(t, ADVANCE, { id, to: 'WITHDRAWN', reason: 'FAMILY' });
    expect(out.advanceCandidate.stage).toBe('WITHDRAWN');
    expect(out.advanceCandidate.history.map((h) => [h.to, h.reason, h.note])).toEqual([
      ['REGISTERED', null, null],
      ['WITHDRAWN', 'FAMILY', null],
    ]);
    expect(await storedReasons(id)).toEqual([
      [1, 'REGISTERED', null],
      [2, 'WITHDRAWN', 'FAMILY'],
    ]);
    // the next change rebuilds the candidate from the stored rows (mapper → domain → mapper)
    const again = await ok<Advanced>(t, ADVANCE, { id, to: 'REGISTERED' });
    expect(again.advanceCandidate.history.map((h) => h.reason)).toEqual([null, 'FAMILY', null]);
    expect(await storedReasons(id)).toEqual([
      [1, 'REGISTERED', null],
      [2, 'WITHDRAWN', 'FAMILY'],
      [3, 'REGISTERED', null],
    ]);
    const rejected = await ok<Advanced>(t, ADVANCE, { id, to: 'REJECTED', reason: 'OTHER', note: 'pindah domisili / moved away' });
    expect(rejected.advanceCandidate.history[3]).toEqual({ sequence: 4, to: 'REJECTED', note: 'pindah domisili / moved away', reason: 'OTHER' });
  });

  it('records the code when the exit gives a seat back (the release path)', async () => {
    const id = await fresh();
    await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
    const out = await ok<Advanced>(t, ADVANCE, { id, to: 'WITHDRAWN', reason: 'COST' });
    expect(out.advanceCandidate.history.map((h) => [h.to, h.reason])).toEqual([
      ['REGISTERED', null],
      ['SELECTED', null],
      ['WITHDRAWN', 'COST'],
    ]);
    expect((await db.query(`select status from placement where candidate_id = $1`, [id])).rows).toEqual([{ status: 'CANCELLED' }]);
    // the placement's cancellation note gives the reason in words (the code's label), as no note was given
    const cancelled = await db.query(
      `select h.note from placement_status_change h join placement p on p.id = h.placement_id where p.candidate_id = $1 and h.to_status = 'CANCELLED'`,
      [id],
    );
    expect(cancelled.rows).toEqual([{ note: 'Biaya / Cost' }]);
  });

  it('still accepts a note alone (reason null)', async () => {
    const id = await fresh();
    const out = await ok<Advanced>(t, ADVANCE, { id, to: 'WITHDRAWN', note: 'alasan pribadi / personal reasons' });
    expect(out.advanceCandidate.history[1]).toMatchObject({ reason: null, note: 'alasan pribadi / personal reasons' });
  });

  it('refuses a code of the other exit, OTHER without a note, a code on another stage: stable code, field, nothing written', async () => {
    const id = await fresh();
    const rowsBefore = await storedReasons(id);
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ to: 'REJECTED', reason: 'OTHER_JOB', note: 'x' }, 'CANDIDATE.EXIT_REASON_MISMATCH', ['reason']],
      [{ to: 'WITHDRAWN', reason: 'MEDICAL_UNFIT' }, 'CANDIDATE.EXIT_REASON_MISMATCH', ['reason']],
      [{ to: 'WITHDRAWN', reason: 'OTHER' }, 'CANDIDATE.NOTE_REQUIRED', ['note']],
      [{ to: 'REJECTED' }, 'CANDIDATE.NOTE_REQUIRED', ['note']],
      [{ to: 'SELECTED', reason: 'PERSONAL' }, 'CANDIDATE.EXIT_REASON_NOT_APPLICABLE', ['reason']],
    ];
    for (const [vars, domainCode, field] of cases) {
      const res = await officer.gql(ADVANCE, { id, ...vars });
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode, field, messages: { id: expect.any(String), en: expect.any(String) } });
    }
    expect(await storedReasons(id)).toEqual(rowsBefore);
    expect((await db.query(`select stage from candidate where id = $1`, [id])).rows[0].stage).toBe('REGISTERED');
    const unknown = await officer.gql(ADVANCE, { id, to: 'WITHDRAWN', reason: 'BORED' });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ENUM_VALUE' });
    expect(await storedReasons(id)).toEqual(rowsBefore);
  });

  it('the database refuses a reason on a change that is not an exit, and a code outside the vocabulary', async () => {
    const id = await fresh();
    await expect(db.query(`update candidate_stage_change set reason = 'FAMILY' where candidate_id = $1 and sequence = 1`, [id])).rejects.toThrow(/reason_on_exit_check/);
    await expect(db.query(`update candidate_stage_change set reason = 'BORED' where candidate_id = $1 and sequence = 1`, [id])).rejects.toThrow(/check/);
  });
});

type FunnelAnswer = {
  cohort: number | null;
  exits: Array<{ exit: string; fromStage: string | null; reason: string | null; count: number | null; suppressed: boolean }>;
  exitTotals: Array<{ exit: string; count: number | null; suppressed: boolean }>;
  disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number };
};
const FUNNEL = `query($registered: DateRangeFilter!, $asOf: Date) { funnel(registered: $registered, asOf: $asOf) {
  cohort exits { exit fromStage reason count suppressed } exitTotals { exit count suppressed } disclosure { protectedView minCellCount suppressedCells } } }`;
async function funnel(who: TestCaller, from: string, to: string, asOf?: string): Promise<FunnelAnswer> {
  const res = await who.gql<{ funnel: FunnelAnswer }>(FUNNEL, { registered: { from, to }, ...(asOf ? { asOf } : {}) });
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.funnel;
}
const cells = (f: FunnelAnswer) => f.exits.map((e) => [e.exit, e.fromStage, e.reason, e.count]);

describe('funnel exits by reason', () => {
  it('exact view (OFFICER): every cell, by kind, stage left and reason', async () => {
    expect(cells(await funnel(officer, '2026-01-01', '2026-01-31'))).toEqual([
      ['WITHDRAWN', 'REGISTERED', 'FAMILY', 5],
      ['WITHDRAWN', 'REGISTERED', 'OTHER_JOB', 5],
      ['REJECTED', 'SELECTED', 'NOT_ELIGIBLE', 5],
    ]);
    const q1 = await funnel(officer, '2026-01-01', '2026-03-31');
    expect(cells(q1)).toEqual([
      ['WITHDRAWN', 'REGISTERED', 'FAMILY', 10],
      ['WITHDRAWN', 'REGISTERED', 'OTHER_JOB', 5],
      ['WITHDRAWN', 'REGISTERED', 'COST', 2],
      ['REJECTED', 'SELECTED', 'NOT_ELIGIBLE', 5],
    ]);
    expect(q1.exitTotals).toEqual([
      { exit: 'WITHDRAWN', count: 17, suppressed: false },
      { exit: 'REJECTED', count: 5, suppressed: false },
    ]);
  });

  it('exact view: the exits recorded through the API this month, with and without a code', async () => {
    // the fixed clock stamps every change at "now": follow the cohort to the end of today
    const f = await funnel(officer, '2026-12-01', '2026-12-31', TODAY);
    const withdrawn = f.exits.filter((e) => e.exit === 'WITHDRAWN');
    // from the tests above: FAMILY (REGISTERED), COST (SELECTED), a note alone (REGISTERED)
    expect(withdrawn.map((e) => [e.fromStage, e.reason, e.count])).toEqual(
      expect.arrayContaining([
        ['REGISTERED', 'FAMILY', 1],
        ['SELECTED', 'COST', 1],
        ['REGISTERED', null, 1],
      ]),
    );
  });

  it('protected view (ANALYST): January is published by reason; February’s small COST withholds FAMILY and the total; Jan–Feb keeps only what both months keep', async () => {
    const jan = await funnel(analyst, '2026-01-01', '2026-01-31');
    expect(jan.disclosure).toMatchObject({ protectedView: true, minCellCount: K });
    expect(cells(jan)).toEqual([
      ['WITHDRAWN', 'REGISTERED', 'FAMILY', 5],
      ['WITHDRAWN', 'REGISTERED', 'OTHER_JOB', 5],
      ['REJECTED', 'SELECTED', 'NOT_ELIGIBLE', 5],
    ]);
    expect(jan.exitTotals.map((x) => x.count)).toEqual([10, 5]);

    const feb = await funnel(analyst, '2026-02-01', '2026-02-28');
    expect(feb.exits.map((e) => [e.reason, e.count, e.suppressed])).toEqual([
      ['FAMILY', null, true],
      ['COST', null, true],
    ]);
    expect(feb.exitTotals[0]).toEqual({ exit: 'WITHDRAWN', count: null, suppressed: true });
    expect(feb.cohort).toBe(12);

    const both = await funnel(analyst, '2026-01-01', '2026-02-28');
    expect(both.exits.map((e) => [e.exit, e.reason, e.count])).toEqual([
      ['WITHDRAWN', 'FAMILY', null],
      ['WITHDRAWN', 'OTHER_JOB', null],
      ['WITHDRAWN', 'COST', null],
      ['REJECTED', 'NOT_ELIGIBLE', 5],
    ]);
    expect(both.exitTotals.map((x) => x.count)).toEqual([null, 5]);
    // differencing: no published exit figure of one answer minus another's isolates fewer than k
    for (const a of [jan, feb, both])
      for (const b of [jan, feb, both]) {
        for (const e of a.exits) {
          const o = b.exits.find((x) => x.exit === e.exit && x.fromStage === e.fromStage && x.reason === e.reason);
          if (e.count !== null && o && o.count !== null) expect(Math.abs(e.count - o.count) === 0 || Math.abs(e.count - o.count) >= K).toBe(true);
        }
      }
  });
});
