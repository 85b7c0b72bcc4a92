/**
 * `stageDurations` differenced across month ends (issues 8 and 12), against the real gateway and
 * PostgreSQL. 30 people registered through the API, their history backdated in SQL:
 *
 *   all 30      REGISTERED 2026-05-05
 *   #0–#5   6   SELECTED 2026-06-10           #0–#4  5  WITHDRAWN 2026-08-20
 *   #6–#7   2   SELECTED 2026-07-10           #5–#7  3  WITHDRAWN 2026-09-20
 *   #8–#10  3   SELECTED 2026-08-10
 *   #11–#20 10  SELECTED 2026-09-10
 *
 * At the month ends (May … September) SELECTED has 0, 6, 8, 11, 21 periods of which 0, 6, 8, 6, 13
 * run (0, 0, 0, 5, 8 ended); REGISTERED 30 periods of which 30, 24, 22, 19, 9 run; WITHDRAWN 0, 0, 0,
 * 5, 8. The exact view shows that subtracting two month ends gives away small groups (the 2 selected
 * in July, the 2 who left REGISTERED in July, the 3 withdrawn in September); the protected view
 * (ANALYST) publishes no count at all (periods and running periods come from candidateCounts and
 * trends, with their own rules), and an average only at month ends whose periods, running and ended
 * periods differ from those of every earlier one by 0 or at least minCellCount (5).
 */
import { fixedClock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, registerCandidate } from './support/program';

const TODAY = '2026-12-10';
const K = 5;
const MONTH_ENDS = ['2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];

let t: TestGateway;
let officer: TestCaller;
let analyst: TestCaller;

type Row = { stage: string; periods: number | null; ongoing: number | null; averageDays: string | null; maxDays: string | null; suppressed: boolean };
type Durations = { asOf: string; rows: Row[]; disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate: string } };
const FIELDS = 'asOf rows { stage periods ongoing averageDays maxDays suppressed } disclosure { protectedView minCellCount suppressedCells referenceDate }';

/** stageDurations at every date, one request (aliases). */
async function atDates(who: TestCaller, dates: readonly string[]): Promise<Record<string, Durations>> {
  const query = `{ ${dates.map((d, i) => `d${i}: stageDurations(asOf: "${d}") { ${FIELDS} }`).join(' ')} }`;
  const res = await who.gql<Record<string, Durations>>(query);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return Object.fromEntries(dates.map((d, i) => [d, res.body.data![`d${i}`]!]));
}

const byStage = (d: Durations) => Object.fromEntries(d.rows.map((r) => [r.stage, r]));
const small = (n: number) => n >= 1 && n < K;

beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  officer = t.as('officer');
  analyst = t.as('analyst');
  const ids: string[] = [];
  for (let i = 0; i < 30; i += 1) ids.push(await registerCandidate(t, eligibleWelderProfile(500 + i)));
  const db = await t.db();
  await db.query(`update candidate set created_at = '2026-05-05T03:00:00Z' where id = any($1)`, [ids]);
  await db.query(`update candidate_stage_change set at = '2026-05-05T03:00:00Z' where candidate_id = any($1) and to_stage = 'REGISTERED'`, [ids]);
  const addChange = async (id: string, from: string, to: string, at: string) => {
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor)
       select $1, max(sequence) + 1, $2, $3, $4, 'test' from candidate_stage_change where candidate_id = $1`,
      [id, from, to, at],
    );
    await db.query(`update candidate set stage = $2 where id = $1`, [id, to]);
  };
  for (const [from, to, at] of [[0, 5, '2026-06-10'], [6, 7, '2026-07-10'], [8, 10, '2026-08-10'], [11, 20, '2026-09-10']] as const) {
    for (const id of ids.slice(from, to + 1)) await addChange(id, 'REGISTERED', 'SELECTED', `${at}T03:00:00Z`);
  }
  for (const id of ids.slice(0, 5)) await addChange(id, 'SELECTED', 'WITHDRAWN', '2026-08-20T03:00:00Z');
  for (const id of ids.slice(5, 8)) await addChange(id, 'SELECTED', 'WITHDRAWN', '2026-09-20T03:00:00Z');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('stageDurations across month ends', () => {
  it('the attack is real in the exact view (OFFICER): two month ends differ by 2 selected, 2 who left REGISTERED, 3 withdrawn', async () => {
    const d = await atDates(officer, MONTH_ENDS);
    const f = (date: string, stage: string) => byStage(d[date]!)[stage];
    expect(f('2026-06-30', 'SELECTED')).toMatchObject({ periods: 6, ongoing: 6 });
    expect(f('2026-07-31', 'SELECTED')).toMatchObject({ periods: 8, ongoing: 8 }); // 8 − 6: the 2 selected in July
    expect(f('2026-08-31', 'SELECTED')).toMatchObject({ periods: 11, ongoing: 6 });
    expect(f('2026-09-30', 'SELECTED')).toMatchObject({ periods: 21, ongoing: 13 }); // ended 8 − 5: the 3 withdrawn in September
    expect(f('2026-06-30', 'REGISTERED')).toMatchObject({ periods: 30, ongoing: 24 });
    expect(f('2026-07-31', 'REGISTERED')).toMatchObject({ periods: 30, ongoing: 22 }); // 24 − 22: the 2 who left in July
    expect(f('2026-08-31', 'WITHDRAWN')).toMatchObject({ periods: 5, ongoing: 5 });
    expect(f('2026-09-30', 'WITHDRAWN')).toMatchObject({ periods: 8, ongoing: 8 }); // 8 − 5
    expect(d['2026-04-30']!.rows).toEqual([]);
    for (const date of MONTH_ENDS) expect(d[date]!.disclosure).toMatchObject({ protectedView: false, suppressedCells: 0 });
  });

  it('ANALYST: no count is published; an average is withheld when its periods, running or ended periods are 1–4 away from an earlier month end, published when they are 0 or 5 or more away', async () => {
    const d = await atDates(analyst, MONTH_ENDS);
    const f = (date: string) => byStage(d[date]!);
    const average = (stage: string) => ({ stage, periods: null, ongoing: null, averageDays: expect.any(String), maxDays: null, suppressed: false });
    const withheld = (stage: string) => ({ stage, periods: null, ongoing: null, averageDays: null, maxDays: null, suppressed: true });
    expect(f('2026-06-30')).toEqual({ REGISTERED: average('REGISTERED'), SELECTED: average('SELECTED') });
    // July: SELECTED's periods (8) are 2 away from June's 6; REGISTERED's periods (30) are unchanged,
    // but its running periods (22, 2 away from 24) and ended ones (8, 2 away from 6) are not: both averages withheld
    expect(f('2026-07-31')).toEqual({ REGISTERED: withheld('REGISTERED'), SELECTED: withheld('SELECTED') });
    expect(d['2026-07-31']!.disclosure).toMatchObject({ protectedView: true, minCellCount: K, suppressedCells: 2, referenceDate: '2026-07-31' });
    // August: SELECTED 11 periods, exactly 5 away from June's 6 (July's 8 counts as published: the check
    // never depends on what was withheld), running 6 (as in June), ended 5: published
    expect(f('2026-08-31')).toEqual({ REGISTERED: average('REGISTERED'), SELECTED: average('SELECTED'), WITHDRAWN: average('WITHDRAWN') });
    // September: SELECTED's periods (21) and running periods (13) moved by 5 or more, but its ended
    // periods (8) are 3 away from August's 5; WITHDRAWN 8 is 3 away from August's 5
    expect(f('2026-09-30')).toEqual({ REGISTERED: average('REGISTERED'), SELECTED: withheld('SELECTED'), WITHDRAWN: withheld('WITHDRAWN') });
  });

  it('ANALYST: any two month ends with a published average differ, in that stage’s (unpublished) periods, running and ended periods, by 0 or at least 5; the averages are the exact ones', async () => {
    const protectedView = await atDates(analyst, MONTH_ENDS);
    const exact = await atDates(officer, MONTH_ENDS);
    const stages = new Set(MONTH_ENDS.flatMap((m) => exact[m]!.rows.map((r) => r.stage)));
    let compared = 0;
    for (const stage of stages) {
      const published = MONTH_ENDS.filter((m) => byStage(protectedView[m]!)[stage]?.averageDays != null);
      for (const [i, m] of published.entries()) {
        const e = byStage(exact[m]!)[stage]!;
        expect(byStage(protectedView[m]!)[stage]!.averageDays).toBe(e.averageDays);
        for (const m0 of published.slice(0, i)) {
          const e0 = byStage(exact[m0]!)[stage]!;
          compared += 1;
          expect(small(Math.abs(e.periods! - e0.periods!))).toBe(false);
          expect(small(Math.abs(e.ongoing! - e0.ongoing!))).toBe(false);
          expect(small(Math.abs(e.periods! - e.ongoing! - (e0.periods! - e0.ongoing!)))).toBe(false);
        }
      }
      for (const m of MONTH_ENDS) expect(byStage(protectedView[m]!)[stage] ?? { periods: null, ongoing: null, maxDays: null }).toMatchObject({ periods: null, ongoing: null, maxDays: null });
    }
    // from May to September alone: REGISTERED May, June, August, September (6 pairs), SELECTED June, August (1)
    expect(compared).toBeGreaterThanOrEqual(7);
  });

  it('ANALYST: any day of a month gives the answer of the month end before it', async () => {
    const days = await atDates(analyst, ['2026-08-01', '2026-08-15', '2026-08-30', '2026-09-29']);
    const ends = await atDates(analyst, ['2026-07-31', '2026-08-31']);
    for (const d of ['2026-08-01', '2026-08-15', '2026-08-30']) expect(days[d]).toEqual(ends['2026-07-31']);
    expect(days['2026-09-29']).toEqual(ends['2026-08-31']);
  });
});
