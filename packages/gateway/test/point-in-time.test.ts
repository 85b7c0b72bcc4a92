/**
 * Real point-in-time aggregates and the date-range filters of `CandidateFilter` (issue 12), against
 * the real gateway and PostgreSQL. The people are registered through the API, then their history is
 * backdated in SQL (registration, stage changes, departures), so that each month of 2026 holds a
 * known population:
 *
 *   D  5 Walantaka   registered 2026-02-01, SELECTED 2026-06-01 (a seat), departed 2026-08-20
 *   A  6 Cipocok Jaya registered 2026-03-05, TRAINING from 2026-05-15 10:00 WIB
 *   B  6 Kasemen     registered 2026-04-10
 *   C  2 Kasemen     registered 2026-06-30T17:30Z = 2026-07-01 00:30 WIB (the WIB day boundary)
 *   E  1 Curug       registered 2026-11-20
 *
 * The gateway's day is 2026-12-10 (a fixed clock). Attacks by differencing: two asOf a day apart,
 * two registered ranges a day apart, totals minus rows — the exact view shows that each attack is
 * real, the protected view (ANALYST) that it gives nothing.
 */
import { parse } from 'csv-parse/sync';
import { fixedClock } from '../src/clock';
import { startTestGateway, type GraphqlResponse, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

const TODAY = '2026-12-10';
const K = 5;

let t: TestGateway;
let officer: TestCaller;
let analyst: TestCaller;
const ids: Record<string, string[]> = {};

const GROUPS = [
  { group: 'D', n: 5, kecamatan: 'Walantaka', registeredAt: '2026-02-01T03:00:00Z' },
  { group: 'A', n: 6, kecamatan: 'Cipocok Jaya', registeredAt: '2026-03-05T03:00:00Z' },
  { group: 'B', n: 6, kecamatan: 'Kasemen', registeredAt: '2026-04-10T03:00:00Z' },
  { group: 'C', n: 2, kecamatan: 'Kasemen', registeredAt: '2026-06-30T17:30:00Z' },
  { group: 'E', n: 1, kecamatan: 'Curug', registeredAt: '2026-11-20T03:00:00Z' },
] as const;

beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  officer = t.as('officer');
  analyst = t.as('analyst');
  const p = await signedMou(t);
  const openingId = await openOpening(t, p, 10);
  let seq = 300;
  for (const g of GROUPS) {
    for (let i = 0; i < g.n; i += 1) {
      seq += 1;
      const id = await registerCandidate(t, eligibleWelderProfile(seq, { address: { kecamatan: g.kecamatan, city: 'Kota Serang', source: 'KTP' } }));
      (ids[g.group] ??= []).push(id);
    }
  }
  for (const id of ids.D!) await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  const db = await t.db();
  for (const g of GROUPS) {
    for (const id of ids[g.group]!) {
      await db.query(`update candidate set created_at = $2 where id = $1`, [id, g.registeredAt]);
      await db.query(`update candidate_stage_change set at = $2 where candidate_id = $1 and to_stage = 'REGISTERED'`, [id, g.registeredAt]);
    }
  }
  const addChange = (id: string, from: string, to: string, at: string) =>
    db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor)
       select $1, max(sequence) + 1, $2, $3, $4, 'test' from candidate_stage_change where candidate_id = $1`,
      [id, from, to, at],
    );
  for (const id of ids.A!) {
    await addChange(id, 'REGISTERED', 'TRAINING', '2026-05-15T03:00:00Z');
    await db.query(`update candidate set stage = 'TRAINING' where id = $1`, [id]);
  }
  for (const id of ids.D!) {
    await db.query(`update candidate_stage_change set at = '2026-06-01T03:00:00Z' where candidate_id = $1 and to_stage = 'SELECTED'`, [id]);
    await addChange(id, 'SELECTED', 'DEPARTED', '2026-08-20T03:00:00Z');
    await db.query(`update candidate set stage = 'DEPARTED' where id = $1`, [id]);
    await db.query(`update placement set departed_on = '2026-08-20', status = 'DEPARTED' where candidate_id = $1`, [id]);
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Row = { stage: string; kecamatan: string | null; count: number | null; suppressed: boolean };
type Counts = { asOf: string; total: number | null; rows: Row[]; disclosure: { protectedView: boolean; suppressedCells: number; referenceDate: string } };
const COUNTS = `query($asOf: Date, $filter: CandidateFilter) { candidateCounts(asOf: $asOf, filter: $filter) {
  asOf total rows { stage kecamatan count suppressed } disclosure { protectedView suppressedCells referenceDate } } }`;

async function counts(who: TestCaller, variables: Record<string, unknown> = {}): Promise<Counts> {
  const res = await who.gql<{ candidateCounts: Counts }>(COUNTS, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.candidateCounts;
}

/** The cells as `STAGE|KECAMATAN → count` (the seeded people share sex, occupation and age band). */
const cells = (c: Counts) => Object.fromEntries(c.rows.map((r) => [`${r.stage}|${r.kecamatan}`, r.suppressed ? 'suppressed' : r.count]));

async function listCount(filter: Record<string, unknown>): Promise<{ totalCount: number; ids: string[] }> {
  const data = await ok<{ candidates: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
    t,
    'query($filter: CandidateFilter) { candidates(filter: $filter, first: 100) { totalCount edges { node { id } } } }',
    { filter },
  );
  return { totalCount: data.candidates.totalCount, ids: data.candidates.edges.map((e) => e.node.id).sort() };
}

const sorted = (...groups: string[]) => groups.flatMap((g) => ids[g]!).sort();

/** No small cell published, no 0 for a suppressed one, no total over one. */
function expectProtected(c: Counts) {
  for (const r of c.rows) {
    if (r.suppressed) expect(r.count).toBeNull();
    else expect(r.count).toBeGreaterThanOrEqual(K);
  }
  const suppressed = c.rows.filter((r) => r.suppressed).length;
  expect(c.disclosure.suppressedCells).toBe(suppressed);
  if (suppressed > 0) expect(c.total).toBeNull();
  else expect(c.total).toBe(c.rows.reduce((n, r) => n + (r.count ?? 0), 0));
}

function expectRefused(res: GraphqlResponse, domainCode: string, field: string[]) {
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode, field, messages: { id: expect.any(String), en: expect.any(String) } });
  expect(res.body.data ?? null).toBeNull();
}

describe('candidateCounts on a past date (OFFICER, exact)', () => {
  it('a date before anyone registered counts nobody (the issue’s asOf 2020-01-01)', async () => {
    const c = await counts(officer, { asOf: '2020-01-01' });
    expect(c).toMatchObject({ asOf: '2020-01-01', total: 0, rows: [] });
  });

  it('excludes later registrations and counts each person in the stage of that date', async () => {
    expect(cells(await counts(officer, { asOf: '2026-02-28' }))).toEqual({ 'REGISTERED|WALANTAKA': 5 });
    expect(cells(await counts(officer, { asOf: '2026-03-31' }))).toEqual({ 'REGISTERED|WALANTAKA': 5, 'REGISTERED|CIPOCOK_JAYA': 6 });
    // A entered TRAINING on 15 May (10:00 WIB): on the 14th they were still REGISTERED
    expect(cells(await counts(officer, { asOf: '2026-05-14' }))).toMatchObject({ 'REGISTERED|CIPOCOK_JAYA': 6 });
    expect(cells(await counts(officer, { asOf: '2026-05-15' }))).toMatchObject({ 'TRAINING|CIPOCOK_JAYA': 6 });
    expect(cells(await counts(officer, { asOf: '2026-06-30' }))).toEqual({
      'SELECTED|WALANTAKA': 5,
      'TRAINING|CIPOCOK_JAYA': 6,
      'REGISTERED|KASEMEN': 6,
    });
    const oct = await counts(officer, { asOf: '2026-10-31' });
    expect(cells(oct)).toEqual({ 'DEPARTED|WALANTAKA': 5, 'TRAINING|CIPOCOK_JAYA': 6, 'REGISTERED|KASEMEN': 8 });
    expect(oct.total).toBe(19);
    // today: everyone, at the current stage (the same as the list)
    const now = await counts(officer);
    expect(now.total).toBe(20);
    expect(now.total).toBe((await listCount({})).totalCount);
  });

  it('the day is the WIB day: a registration at 00:30 WIB on 1 July (30 June in UTC) is not counted on 30 June', async () => {
    expect(cells(await counts(officer, { asOf: '2026-06-30' }))['REGISTERED|KASEMEN']).toBe(6);
    expect(cells(await counts(officer, { asOf: '2026-07-01' }))['REGISTERED|KASEMEN']).toBe(8);
  });

  it('`stages` means the stage on the date', async () => {
    const may = await counts(officer, { asOf: '2026-05-31', filter: { stages: ['TRAINING'] } });
    expect(cells(may)).toEqual({ 'TRAINING|CIPOCOK_JAYA': 6 });
    expect((await counts(officer, { asOf: '2026-04-30', filter: { stages: ['TRAINING'] } })).total).toBe(0);
    expect((await counts(officer, { asOf: '2026-07-31', filter: { stages: ['SELECTED'] } })).total).toBe(5);
    expect((await counts(officer, { asOf: '2026-07-31', filter: { stages: ['DEPARTED'] } })).total).toBe(0);
    expect((await counts(officer, { asOf: '2026-08-31', filter: { stages: ['DEPARTED'] } })).total).toBe(5);
  });

  it('stageDurations on a past date: the filter selects by the stage on that date', async () => {
    const q = 'query($asOf: Date, $filter: CandidateFilter) { stageDurations(asOf: $asOf, filter: $filter) { rows { stage periods ongoing } } }';
    const may = await ok(t, q, { asOf: '2026-05-31', filter: { stages: ['TRAINING'] } });
    expect(may.stageDurations.rows).toEqual([
      { stage: 'REGISTERED', periods: 6, ongoing: 0 },
      { stage: 'TRAINING', periods: 6, ongoing: 6 },
    ]);
    const feb = await ok(t, q, { asOf: '2026-02-28' });
    expect(feb.stageDurations.rows).toEqual([{ stage: 'REGISTERED', periods: 5, ongoing: 5 }]);
  });
});

describe('date-range filters on the list and the aggregates (OFFICER)', () => {
  it('registered: inclusive WIB dates', async () => {
    expect((await listCount({ registered: { from: '2026-03-01', to: '2026-04-30' } })).ids).toEqual(sorted('A', 'B'));
    expect((await listCount({ registered: { from: '2026-03-05', to: '2026-03-05' } })).ids).toEqual(sorted('A'));
    expect((await listCount({ registered: { from: '2026-03-06', to: '2026-04-09' } })).totalCount).toBe(0);
    // 2026-06-30T17:30Z is 1 July in WIB
    expect((await listCount({ registered: { from: '2026-07-01', to: '2026-07-01' } })).ids).toEqual(sorted('C'));
    expect((await listCount({ registered: { from: '2026-06-30', to: '2026-06-30' } })).totalCount).toBe(0);
    const c = await counts(officer, { filter: { registered: { from: '2026-04-01', to: '2026-07-31' } } });
    expect(cells(c)).toEqual({ 'REGISTERED|KASEMEN': 8 });
  });

  it('enteredStage: a stage change into the stage in the range, whatever the stage now', async () => {
    expect((await listCount({ enteredStage: { stage: 'TRAINING', from: '2026-05-01', to: '2026-05-31' } })).ids).toEqual(sorted('A'));
    expect((await listCount({ enteredStage: { stage: 'TRAINING', from: '2026-05-16', to: '2026-12-31' } })).totalCount).toBe(0);
    // D are DEPARTED now, but entered SELECTED in June
    expect((await listCount({ enteredStage: { stage: 'SELECTED', from: '2026-06-01', to: '2026-06-01' } })).ids).toEqual(sorted('D'));
    expect((await listCount({ enteredStage: { stage: 'REGISTERED', from: '2026-01-01', to: '2026-03-31' } })).ids).toEqual(sorted('A', 'D'));
    // combined with the other filters (AND)
    expect((await listCount({ enteredStage: { stage: 'REGISTERED', from: '2026-01-01', to: '2026-03-31' }, kecamatans: ['WALANTAKA'] })).ids).toEqual(sorted('D'));
    // in an aggregate with asOf, an entry after the date is not known on it
    const beforeEntry = await counts(officer, { asOf: '2026-05-14', filter: { enteredStage: { stage: 'TRAINING', from: '2026-01-01', to: '2026-12-31' } } });
    expect(beforeEntry.total).toBe(0);
    const afterEntry = await counts(officer, { asOf: '2026-05-15', filter: { enteredStage: { stage: 'TRAINING', from: '2026-01-01', to: '2026-12-31' } } });
    expect(cells(afterEntry)).toEqual({ 'TRAINING|CIPOCOK_JAYA': 6 });
  });

  it('the README’s query: welders registered in Q1 2026 who entered TRAINING by the end of June, by their stage on 30 June', async () => {
    const data = await ok(
      t,
      `{ candidateCounts(asOf: "2026-06-30", filter: { occupations: [WELDER],
          registered: { from: "2026-01-01", to: "2026-03-31" },
          enteredStage: { stage: TRAINING, from: "2026-01-01", to: "2026-06-30" } }) {
          total rows { stage kecamatan count } } }`,
    );
    expect(data.candidateCounts).toEqual({ total: 6, rows: [{ stage: 'TRAINING', kecamatan: 'CIPOCOK_JAYA', count: 6 }] });
  });

  it('departed: a placement with departed_on in the range; in the aggregates only departures known on asOf', async () => {
    expect((await listCount({ departed: { from: '2026-08-01', to: '2026-08-31' } })).ids).toEqual(sorted('D'));
    expect((await listCount({ departed: { from: '2026-08-21', to: '2026-12-31' } })).totalCount).toBe(0);
    expect((await counts(officer, { asOf: '2026-08-19', filter: { departed: { from: '2026-08-01', to: '2026-08-31' } } })).total).toBe(0);
    expect(cells(await counts(officer, { asOf: '2026-08-31', filter: { departed: { from: '2026-08-01', to: '2026-08-31' } } }))).toEqual({ 'DEPARTED|WALANTAKA': 5 });
  });

  it('the list pages and counts with a range (the sub-query survives being used for the page and the count)', async () => {
    const q = 'query($filter: CandidateFilter, $after: String) { candidates(filter: $filter, first: 4, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { id } } } }';
    const filter = { registered: { from: '2026-03-01', to: '2026-04-30' } };
    const first = (await ok(t, q, { filter })).candidates;
    expect(first.totalCount).toBe(12);
    const seen: string[] = first.edges.map((e: { node: { id: string } }) => e.node.id);
    let page = first;
    while (page.pageInfo.hasNextPage) {
      page = (await ok(t, q, { filter, after: page.pageInfo.endCursor })).candidates;
      expect(page.totalCount).toBe(12);
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    }
    expect(seen.sort()).toEqual(sorted('A', 'B'));
  });

  it('financingTotals takes the ranges too (the list’s own filter): the payer table covers the filtered candidates’ placements only', async () => {
    const q = 'query($filter: CandidateFilter) { financingTotals(filter: $filter) { plans placementCosts { placements } } }';
    const departedAug = await ok(t, q, { filter: { departed: { from: '2026-08-01', to: '2026-08-31' } } });
    expect(departedAug.financingTotals.placementCosts.placements).toBe(5);
    const none = await ok(t, q, { filter: { registered: { from: '2026-03-01', to: '2026-04-30' } } });
    expect(none.financingTotals.placementCosts.placements).toBe(0);
  });
});

describe('the candidate export takes the ranges as query parameters', () => {
  const get = (query: string) => fetch(`${t.baseUrl}/exports/candidates.csv?${query}`, { headers: officer.headers });
  const idsOf = (csv: string) => (parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => r.candidate_id!).sort();

  it('registered, departed and entered (STAGE:from..to) select the same candidates as the list', async () => {
    for (const [query, filter] of [
      ['registered=2026-03-01..2026-04-30', { registered: { from: '2026-03-01', to: '2026-04-30' } }],
      ['departed=2026-08-01..2026-08-31', { departed: { from: '2026-08-01', to: '2026-08-31' } }],
      ['entered=TRAINING:2026-05-01..2026-05-31&kecamatan=CIPOCOK_JAYA', { enteredStage: { stage: 'TRAINING', from: '2026-05-01', to: '2026-05-31' }, kecamatans: ['CIPOCOK_JAYA'] }],
    ] as const) {
      const res = await get(query);
      expect(res.status).toBe(200);
      const exported = idsOf(await res.text());
      expect(exported.length).toBeGreaterThan(0);
      expect(exported).toEqual((await listCount(filter)).ids);
    }
  });

  it('refuses a reversed range (FILTER.DATE_RANGE_REVERSED, the parameter as field) and a malformed one', async () => {
    const reversed = await get('registered=2026-05-02..2026-05-01');
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'FILTER.DATE_RANGE_REVERSED',
      field: ['registered'],
    });
    for (const query of ['registered=2026-05-01', 'departed=yesterday..today', 'entered=NOT_A_STAGE:2026-01-01..2026-01-31', 'registered=2026-02-30..2026-03-01']) {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('validation', () => {
  it('a reversed range is refused with FILTER.DATE_RANGE_REVERSED and the field path, on the list and the aggregates', async () => {
    for (const [key, range] of [
      ['registered', { from: '2026-05-02', to: '2026-05-01' }],
      ['enteredStage', { stage: 'TRAINING', from: '2026-06-01', to: '2026-05-31' }],
      ['departed', { from: '2027-01-01', to: '2026-12-31' }],
    ] as const) {
      const filter = { [key]: range };
      expectRefused(await officer.gql('query($filter: CandidateFilter) { candidates(filter: $filter) { totalCount } }', { filter }), 'FILTER.DATE_RANGE_REVERSED', ['filter', key]);
      expectRefused(await officer.gql(COUNTS, { filter }), 'FILTER.DATE_RANGE_REVERSED', ['filter', key]);
      expectRefused(await officer.gql('query($filter: CandidateFilter) { financingTotals(filter: $filter) { plans } }', { filter }), 'FILTER.DATE_RANGE_REVERSED', ['filter', key]);
    }
    // the same day is a range of one day, not reversed
    expect((await officer.gql(COUNTS, { filter: { registered: { from: '2026-05-01', to: '2026-05-01' } } })).body.errors).toBeUndefined();
  });

  it('dates outside the Date scalar’s years, malformed dates, a missing bound and an unknown stage are refused before any SQL', async () => {
    const list = 'query($filter: CandidateFilter) { candidates(filter: $filter) { totalCount } }';
    const bad = [
      { registered: { from: '0000-01-01', to: '2026-01-01' } },
      { registered: { from: '2026-02-30', to: '2026-03-01' } },
      { departed: { from: '2026-01-01' } },
      { enteredStage: { stage: 'NOT_A_STAGE', from: '2026-01-01', to: '2026-01-31' } },
    ];
    for (const filter of bad) {
      const res = await officer.gql(list, { filter });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.data ?? null).toBeNull();
    }
    const outOfRange = await officer.gql(list, { filter: bad[0] });
    expect(outOfRange.body.errors?.[0]?.extensions?.reason).toBe('DATE_OUT_OF_RANGE');
  });
});

describe('the protected view (ANALYST): differencing', () => {
  it('two asOf a day apart: the exact view reveals the two people registered on 1 July; the protected view answers both days alike', async () => {
    const before = await counts(officer, { asOf: '2026-06-30' });
    const after = await counts(officer, { asOf: '2026-07-01' });
    expect(after.total! - before.total!).toBe(2); // the attack is real in the exact view
    for (const [a, b] of [
      ['2026-06-30', '2026-07-01'],
      ['2026-07-01', '2026-07-02'],
      ['2026-11-30', '2026-12-01'],
      ['2026-12-09', '2026-12-10'],
    ]) {
      const x = await counts(analyst, { asOf: a });
      const y = await counts(analyst, { asOf: b });
      expectProtected(x);
      expectProtected(y);
      expect(y.rows).toEqual(x.rows);
      expect(y.total).toBe(x.total);
    }
  });

  it('a month that is not over is never an answer; E (one person, November) is a suppressed cell on 30 November', async () => {
    const nov = await counts(analyst, { asOf: '2026-12-09' });
    expect(nov.asOf).toBe('2026-11-30');
    // Kasemen went from 6 (April–June) to 8 (July): withheld since, see the next test
    expect(cells(nov)).toEqual({ 'DEPARTED|WALANTAKA': 5, 'TRAINING|CIPOCOK_JAYA': 6, 'REGISTERED|KASEMEN': 'suppressed', 'REGISTERED|CURUG': 'suppressed' });
    expect(nov.total).toBeNull(); // total − published rows would be E
    expectProtected(nov);
    const exact = await counts(officer, { asOf: '2026-11-30' });
    expect(cells(exact)['REGISTERED|CURUG']).toBe(1);
  });

  it('two month ends: the exact view gives the two people who joined Kasemen in July by subtraction; the protected view never publishes two values of a cell that differ by 1 to 4', async () => {
    const jun = cells(await counts(officer, { asOf: '2026-06-30' }));
    const jul = cells(await counts(officer, { asOf: '2026-07-31' }));
    expect((jul['REGISTERED|KASEMEN'] as number) - (jun['REGISTERED|KASEMEN'] as number)).toBe(2); // the attack is real
    const monthEnds = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
    for (const filter of [undefined, { kecamatans: ['KASEMEN'] }, { stages: ['REGISTERED'] }, { kecamatans: ['WALANTAKA', 'CIPOCOK_JAYA'] }]) {
      const answers = await Promise.all(monthEnds.map((asOf) => counts(analyst, { asOf, ...(filter ? { filter } : {}) })));
      const published = new Map<string, number[]>();
      answers.forEach((a, i) => {
        expect(a.asOf).toBe(monthEnds[i]);
        expectProtected(a);
        for (const [key, v] of Object.entries(cells(a))) if (typeof v === 'number') published.set(key, [...(published.get(key) ?? []), v]);
      });
      for (const values of published.values()) {
        for (const x of values) for (const y of values) expect(x === y || Math.abs(x - y) >= K).toBe(true);
      }
    }
    const julProtected = cells(await counts(analyst, { asOf: '2026-07-31' }));
    expect(cells(await counts(analyst, { asOf: '2026-06-30' }))['REGISTERED|KASEMEN']).toBe(6);
    expect(julProtected['REGISTERED|KASEMEN']).toBe('suppressed');
    // the cells that did not move stay published
    expect(julProtected['TRAINING|CIPOCOK_JAYA']).toBe(6);
  });

  it('totals minus rows on a past date: the published rows of a filtered answer are the unfiltered answer’s, and a total is published only over published rows', async () => {
    const whole = await counts(analyst, { asOf: '2026-07-31' });
    expectProtected(whole);
    for (const filter of [{ stages: ['REGISTERED'] }, { kecamatans: ['KASEMEN'] }, { stages: ['SELECTED', 'TRAINING'] }, { kecamatans: ['CURUG', 'WALANTAKA'] }]) {
      const sub = await counts(analyst, { asOf: '2026-07-31', filter });
      expectProtected(sub);
      const f = filter as { stages?: string[]; kecamatans?: string[] };
      expect(sub.rows).toEqual(whole.rows.filter((r) => (!f.stages || f.stages.includes(r.stage)) && (!f.kecamatans || f.kecamatans.includes(r.kecamatan ?? ''))));
    }
  });

  it('two registered ranges a day apart: the exact view isolates the two people of 1 July; the protected view refuses the filter (not a reported dimension)', async () => {
    const a = await counts(officer, { filter: { registered: { from: '2026-04-01', to: '2026-06-30' } } });
    const b = await counts(officer, { filter: { registered: { from: '2026-04-01', to: '2026-07-01' } } });
    expect(b.total! - a.total!).toBe(2);
    for (const [key, range] of [
      ['registered', { from: '2026-04-01', to: '2026-06-30' }],
      ['registered', { from: '2026-04-01', to: '2026-07-01' }],
      ['enteredStage', { stage: 'TRAINING', from: '2026-05-01', to: '2026-05-31' }],
      ['departed', { from: '2026-08-01', to: '2026-08-31' }],
    ] as const) {
      const filter = { [key]: range };
      expectRefused(await analyst.gql(COUNTS, { asOf: '2026-11-30', filter }), 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', key]);
      expectRefused(await analyst.gql(COUNTS, { asOf: '2026-11-30', filter: { ...filter, kecamatans: ['KASEMEN'] } }), 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', key]);
      expectRefused(
        await analyst.gql('query($filter: CandidateFilter) { stageDurations(asOf: "2026-11-30", filter: $filter) { rows { stage } } }', { filter }),
        'DISCLOSURE.FILTER_NOT_ALLOWED',
        ['filter', key],
      );
      expectRefused(await analyst.gql('query($filter: CandidateFilter) { financingTotals(filter: $filter) { plans } }', { filter }), 'DISCLOSURE.FILTER_NOT_ALLOWED', ['filter', key]);
    }
  });
});
