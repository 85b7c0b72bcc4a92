/**
 * Disclosure control of the aggregates over people (issue 8 item 1), attacked over HTTP the way an
 * analyst would, against the real gateway and PostgreSQL with seeded candidates: some cells of 5 or
 * more, some of 1 or 2.
 *
 * - primary suppression: a small cell is `count: null, suppressed: true`, never 0; OFFICER still sees 1s;
 * - totals minus the published rows: whenever a cell is suppressed, every total that contains it is null;
 * - differencing across filters: every allowed filter combination publishes exactly the selected cells
 *   of the unfiltered answer; every other filter is refused (DISCLOSURE.FILTER_NOT_ALLOWED);
 * - differencing across `asOf`: every day of a year, and a binary search for a lone person's birthday,
 *   against both views: the exact view reveals the birthday (so the attack is real), the protected one
 *   changes only at month ends and answers the same for two lone people with different birthdays.
 */
import { fixedClock } from '../src/clock';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou, type Program } from './support/program';

/** The gateway's day (a fixed clock): the protected view's month end does not move with the calendar. */
const TODAY = '2026-12-10';

let t: TestGateway;
let p: Program;
let openingId: string;
let officer: TestCaller;
let analyst: TestCaller;
let partner: TestCaller;
const K = 5;

/** A NIK consistent with the birth date: 36 73 01 DD(+40 for women) MM YY and a sequence. */
function nik(birth: string, female: boolean, seq: number): string {
  const [y, m, d] = birth.split('-');
  return `367301${String(Number(d) + (female ? 40 : 0)).padStart(2, '0')}${m}${y!.slice(2)}${String(seq).padStart(4, '0')}`;
}

interface Person {
  readonly group: string;
  readonly birth: string;
  readonly female: boolean;
  readonly kecamatan: string;
  readonly occupation: 'WELDER' | 'SHIP_PAINTER';
}
const PEOPLE: Person[] = [
  // A: 7 men of Cipocok Jaya, welders, born 1999-01-15 (they get a seat: stage SELECTED)
  ...Array.from({ length: 7 }, () => ({ group: 'A', birth: '1999-01-15', female: false, kecamatan: 'Cipocok Jaya', occupation: 'WELDER' as const })),
  // B: 6 women of Kasemen, welders, born 2000-03-10
  ...Array.from({ length: 6 }, () => ({ group: 'B', birth: '2000-03-10', female: true, kecamatan: 'Kasemen', occupation: 'WELDER' as const })),
  // C: 2 men of Kasemen aiming for ship painting (a cell of 2)
  ...Array.from({ length: 2 }, () => ({ group: 'C', birth: '1999-01-15', female: false, kecamatan: 'Kasemen', occupation: 'SHIP_PAINTER' as const })),
  // L1, L2: the only candidate of Walantaka and the only one of Curug, different birthdays in 2001
  { group: 'L1', birth: '2001-07-15', female: false, kecamatan: 'Walantaka', occupation: 'WELDER' },
  { group: 'L2', birth: '2001-03-02', female: true, kecamatan: 'Curug', occupation: 'WELDER' },
];
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  officer = t.as('officer');
  analyst = t.as('analyst');
  p = await signedMou(t);
  partner = t.as(await t.createKey({ roles: ['PARTNER'], partyIds: [p.apjatiId], name: 'disclosure test partner' }));
  openingId = await openOpening(t, p, 20);
  let seq = 100;
  for (const person of PEOPLE) {
    seq += 1;
    const profile = eligibleWelderProfile(seq, {
      nik: nik(person.birth, person.female, seq),
      declaredBirthDate: person.birth,
      declaredSex: person.female ? 'F' : 'M',
      address: { kecamatan: person.kecamatan, city: 'Kota Serang', source: 'KTP' },
    });
    const id = await registerCandidate(t, profile, { targetOccupation: person.occupation });
    (ids[person.group] ??= []).push(id);
  }
  for (const id of ids.A!) await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  // candidateCounts is point-in-time (issue 12): everyone registered in December 2025 and A selected
  // then, so that every date of 2026 counts everyone in their current stage
  const db = await t.db();
  await db.query(`update candidate set created_at = '2025-12-01T03:00:00Z'`);
  await db.query(`update candidate_stage_change set at = '2025-12-01T03:00:00Z' where to_stage = 'REGISTERED'`);
  await db.query(`update candidate_stage_change set at = '2025-12-02T03:00:00Z' where to_stage = 'SELECTED'`);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Row = { stage: string; kecamatan: string | null; occupation: string | null; sex: string | null; ageBand: string; count: number | null; suppressed: boolean };
type Counts = { asOf: string; total: number | null; rows: Row[]; disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate: string } };
const COUNTS = `query($asOf: Date, $filter: CandidateFilter) { candidateCounts(asOf: $asOf, filter: $filter) {
  asOf total rows { stage kecamatan occupation sex ageBand count suppressed } disclosure { protectedView minCellCount suppressedCells referenceDate } } }`;

async function counts(who: TestCaller, variables: Record<string, unknown> = {}): Promise<Counts> {
  const res = await who.gql<{ candidateCounts: Counts }>(COUNTS, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.candidateCounts;
}

/** The invariants of every protected answer: no small cell, no 0 for a suppressed one, no total over one. */
function expectProtected(c: { total: number | null; rows: Array<{ count: number | null; suppressed: boolean }>; disclosure: { suppressedCells: number } }) {
  for (const r of c.rows) {
    if (r.suppressed) expect(r.count).toBeNull();
    else expect(r.count).toBeGreaterThanOrEqual(K);
  }
  const suppressed = c.rows.filter((r) => r.suppressed).length;
  expect(c.disclosure.suppressedCells).toBe(suppressed);
  if (suppressed > 0) expect(c.total).toBeNull();
  else expect(c.total).toBe(c.rows.reduce((n, r) => n + (r.count ?? 0), 0));
}

const key = (r: Row) => [r.stage, r.kecamatan, r.occupation, r.sex, r.ageBand].join('|');
const refused = (res: { body: { data?: unknown; errors?: Array<{ extensions?: Record<string, any> }> } }, field: string[]) => {
  expect(res.body.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    domainCode: 'DISCLOSURE.FILTER_NOT_ALLOWED',
    field,
    messages: { id: expect.stringContaining(field[field.length - 1]!), en: expect.stringContaining(field[field.length - 1]!) },
  });
  expect(res.body.data ?? null).toBeNull();
};

describe('candidateCounts: primary suppression and totals', () => {
  it('OFFICER sees exact counts, including the cells of 1 and 2', async () => {
    const c = await counts(officer, { asOf: '2026-11-30' });
    expect(c.disclosure).toEqual({ protectedView: false, minCellCount: null, suppressedCells: 0, referenceDate: '2026-11-30' });
    expect(c.total).toBe(PEOPLE.length);
    const byKey = Object.fromEntries(c.rows.map((r) => [key(r), r.count]));
    expect(byKey).toEqual(expectedOfficerRows('2026-11-30'));
    expect(Object.values(byKey).sort()).toEqual([1, 1, 2, 6, 7]);
    expect(c.rows.every((r) => !r.suppressed)).toBe(true);
  });

  it('ANALYST: cells of 1 and 2 are suppressed (count null, never 0), the others exact, the total null', async () => {
    const c = await counts(analyst, { asOf: '2026-11-30' });
    expect(c.disclosure).toMatchObject({ protectedView: true, minCellCount: K, suppressedCells: 3 });
    expectProtected(c);
    const byKey = Object.fromEntries(c.rows.map((r) => [key(r), r.suppressed ? 'suppressed' : r.count]));
    expect(byKey).toEqual({
      'SELECTED|CIPOCOK_JAYA|WELDER|M|AGE_25_29': 7,
      'REGISTERED|KASEMEN|WELDER|F|AGE_25_29': 6,
      'REGISTERED|KASEMEN|SHIP_PAINTER|M|AGE_25_29': 'suppressed',
      'REGISTERED|WALANTAKA|WELDER|M|AGE_25_29': 'suppressed',
      'REGISTERED|CURUG|WELDER|F|AGE_25_29': 'suppressed',
    });
    expect(c.total).toBeNull();
    // nothing in the answer is a 1 or a 2 (the only figures are 7, 6, and nulls)
    expect(JSON.stringify(c.rows.map((r) => r.count))).toBe(JSON.stringify(c.rows.map((r) => (r.suppressed ? null : r.count))));
  });

  it('totals minus the published rows: a filter whose cells are all published gets its exact total; one with a suppressed cell gets null', async () => {
    const cipocok = await counts(analyst, { asOf: '2026-11-30', filter: { kecamatans: ['CIPOCOK_JAYA'] } });
    expect(cipocok.total).toBe(7);
    const kasemen = await counts(analyst, { asOf: '2026-11-30', filter: { kecamatans: ['KASEMEN'] } });
    expect(kasemen.rows.map((r) => r.count)).toEqual(expect.arrayContaining([6, null]));
    expect(kasemen.total).toBeNull(); // 8 − 6 would give the suppressed 2
    const welders = await counts(analyst, { asOf: '2026-11-30', filter: { kecamatans: ['KASEMEN'], occupations: ['WELDER'] } });
    expect(welders.total).toBe(6);
    const registered = await counts(analyst, { asOf: '2026-11-30', filter: { stages: ['REGISTERED'] } });
    expect(registered.total).toBeNull();
    for (const c of [cipocok, kasemen, welders, registered]) expectProtected(c);
  });
});

/** The officer's exact cells on a date (ages by birthday), from the seeded people. */
function expectedOfficerRows(asOf: string): Record<string, number> {
  const out: Record<string, number> = {};
  const kec = (k: string) => k.toUpperCase().replace(' ', '_');
  for (const person of PEOPLE) {
    const [by, bm, bd] = person.birth.split('-').map(Number) as [number, number, number];
    const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
    const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
    const band = age < 18 ? 'UNDER_18' : age < 25 ? 'AGE_18_24' : age < 30 ? 'AGE_25_29' : age < 35 ? 'AGE_30_34' : age < 40 ? 'AGE_35_39' : 'AGE_40_PLUS';
    const k = [person.group === 'A' ? 'SELECTED' : 'REGISTERED', kec(person.kecamatan), person.occupation, person.female ? 'F' : 'M', band].join('|');
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe('candidateCounts: differencing across filters', () => {
  const STAGES = [undefined, ['REGISTERED'], ['SELECTED'], ['REGISTERED', 'SELECTED'], ['WITHDRAWN']];
  const KECAMATANS = [undefined, ['CIPOCOK_JAYA'], ['KASEMEN'], ['WALANTAKA'], ['KASEMEN', 'CURUG'], ['SERANG']];
  const OCCUPATIONS = [undefined, ['WELDER'], ['SHIP_PAINTER'], ['WELDER', 'SHIP_PAINTER']];

  it('every allowed filter combination (stages × kecamatans × occupations) publishes exactly the selected cells of the unfiltered answer', async () => {
    const whole = await counts(analyst, { asOf: '2026-11-30' });
    let tried = 0;
    for (const stages of STAGES) {
      for (const kecamatans of KECAMATANS) {
        for (const occupations of OCCUPATIONS) {
          const filter = { ...(stages ? { stages } : {}), ...(kecamatans ? { kecamatans } : {}), ...(occupations ? { occupations } : {}) };
          const sub = await counts(analyst, { asOf: '2026-11-30', filter });
          tried += 1;
          const selected = whole.rows.filter((r) => (!stages || stages.includes(r.stage)) && (!kecamatans || kecamatans.includes(r.kecamatan ?? '')) && (!occupations || occupations.includes(r.occupation ?? '')));
          expect(sub.rows).toEqual(selected);
          expectProtected(sub);
        }
      }
    }
    expect(tried).toBe(STAGES.length * KECAMATANS.length * OCCUPATIONS.length);
  });

  it('refuses the filters on dimensions the table does not report (routes, eligibility), alone or with allowed ones; OFFICER may use them', async () => {
    for (const [filter, field] of [
      [{ routes: ['E7_3'] }, 'routes'],
      [{ eligibility: ['ELIGIBLE'] }, 'eligibility'],
      [{ kecamatans: ['WALANTAKA'], routes: ['E7_3'] }, 'routes'],
      [{ stages: ['REGISTERED'], eligibility: ['ACTION_NEEDED'] }, 'eligibility'],
    ] as Array<[Record<string, unknown>, string]>) {
      refused(await analyst.gql(COUNTS, { asOf: '2026-11-30', filter }), ['filter', field]);
      const exact = await officer.gql(COUNTS, { asOf: '2026-11-30', filter });
      expect(exact.body.errors).toBeUndefined();
    }
    // an empty list selects nothing, as in the lists: not a filter
    const empty = await counts(analyst, { asOf: '2026-11-30', filter: { routes: [], eligibility: [] } });
    expect(empty.rows).toEqual((await counts(analyst, { asOf: '2026-11-30' })).rows);
  });
});

/** Every day of `year`, as ISO dates. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t0 = Date.UTC(year, 0, 1); new Date(t0).getUTCFullYear() === year; t0 += 86_400_000) out.push(new Date(t0).toISOString().slice(0, 10));
  return out;
}
const isMonthEnd = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1)).getUTCDate() === 1;

/** candidateCounts for one kecamatan on many dates, ten dates per request (aliases). */
async function bandsByDay(who: TestCaller, kecamatan: string, days: string[]): Promise<Array<{ day: string; asOf: string; answer: string }>> {
  const out: Array<{ day: string; asOf: string; answer: string }> = [];
  for (let i = 0; i < days.length; i += 10) {
    const chunk = days.slice(i, i + 10);
    const query = `{ ${chunk.map((d, j) => `d${j}: candidateCounts(asOf: "${d}", filter: { kecamatans: [${kecamatan}] }) { asOf total rows { ageBand count suppressed } }`).join(' ')} }`;
    const res = await who.gql<Record<string, { asOf: string; total: number | null; rows: Array<{ ageBand: string; count: number | null; suppressed: boolean }> }>>(query);
    if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
    chunk.forEach((d, j) => {
      const a = res.body.data![`d${j}`]!;
      out.push({ day: d, asOf: a.asOf, answer: JSON.stringify({ total: a.total, rows: a.rows }) });
    });
  }
  return out;
}

/** The analyst's binary search: the first day of the year on which the lone person's band is AGE_25_29. */
async function binarySearchBirthday(who: TestCaller, kecamatan: string, days: string[]): Promise<{ day: string; queries: number }> {
  let lo = 0;
  let hi = days.length - 1;
  let queries = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const c = await counts(who, { asOf: days[mid], filter: { kecamatans: [kecamatan] } });
    queries += 1;
    if (c.rows[0]?.ageBand === 'AGE_25_29') hi = mid;
    else lo = mid + 1;
  }
  return { day: days[lo]!, queries };
}

describe('candidateCounts: differencing across asOf', () => {
  const year = 2026;
  const days = daysOf(year);

  it('the attack is real in the exact view: binary search finds each lone person’s birthday in 9 queries (OFFICER, who may know it)', async () => {
    expect(await binarySearchBirthday(officer, 'WALANTAKA', days)).toMatchObject({ day: "2026-07-15" });
    expect(await binarySearchBirthday(officer, 'CURUG', days)).toMatchObject({ day: "2026-03-02" });
  });

  it('in the protected view the same search finds 31 January for both lone people, whatever their birthday', async () => {
    expect((await binarySearchBirthday(analyst, 'WALANTAKA', days)).day).toBe('2026-01-31');
    expect((await binarySearchBirthday(analyst, 'CURUG', days)).day).toBe('2026-01-31');
  });

  it('asking every day of the year: answers change only when the reference date moves to another month end, the reference date is a passed month end on or before asOf, and two lone people with different birthdays give the same change days', async () => {
    const today = TODAY;
    const changeDays: string[][] = [];
    for (const kecamatan of ['WALANTAKA', 'CURUG']) {
      const answers = await bandsByDay(analyst, kecamatan, days);
      for (const a of answers) {
        expect(isMonthEnd(a.asOf)).toBe(true);
        expect(a.asOf <= a.day).toBe(true);
        expect(a.asOf < today).toBe(true);
        expect(a.answer).toContain('"suppressed":true');
        expect(a.answer).not.toMatch(/"count":\d/);
      }
      const changes = answers.flatMap((a, i) => (i > 0 && a.answer !== answers[i - 1]!.answer ? [a.day] : []));
      // an answer never changes without the reference date changing, and that happens only on a month end
      for (const d of changes) {
        const i = days.indexOf(d);
        expect(answers[i]!.asOf).not.toBe(answers[i - 1]!.asOf);
        expect(isMonthEnd(d)).toBe(true);
      }
      changeDays.push(changes);
    }
    expect(changeDays[0]).toEqual(changeDays[1]);
    expect(changeDays[0]).toEqual(['2026-01-31']);
    // the exact view, by contrast, changes on the birthday
    const exact = await bandsByDay(officer, 'WALANTAKA', days);
    const exactChanges = exact.flatMap((a, i) => (i > 0 && a.answer !== exact[i - 1]!.answer ? [a.day] : []));
    expect(exactChanges).toEqual(['2026-07-15']);
  }, 120_000);
});

// ------------------------------------------------------------ stage durations

type Durations = { asOf: string; rows: Array<{ stage: string; periods: number | null; ongoing: number | null; averageDays: string | null; maxDays: string | null; suppressed: boolean }>; disclosure: { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate: string } };
const DURATIONS = `query($asOf: Date, $filter: CandidateFilter) { stageDurations(asOf: $asOf, filter: $filter) {
  asOf rows { stage periods ongoing averageDays maxDays suppressed } disclosure { protectedView minCellCount suppressedCells referenceDate } } }`;

async function durations(who: TestCaller, variables: Record<string, unknown> = {}): Promise<Durations> {
  const res = await who.gql<{ stageDurations: Durations }>(DURATIONS, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.stageDurations;
}

describe('stageDurations', () => {
  beforeAll(async () => {
    // a history in the past: everyone registered between August and October 2026; four of A selected
    // in October, three in November; L1 withdrew in November
    const db = await t.db();
    const everyone = PEOPLE.map((person, i) => ({ person, id: ids[person.group]![PEOPLE.filter((q, j) => j < i && q.group === person.group).length]! }));
    for (const [i, { person, id }] of everyone.entries()) {
      const month = person.group === 'A' ? '08' : person.group === 'B' || person.group === 'C' ? '09' : '10';
      await db.query(`update candidate_stage_change set at = $2 where candidate_id = $1 and to_stage = 'REGISTERED'`, [id, `2026-${month}-${String(1 + (i % 20)).padStart(2, '0')}T03:00:00Z`]);
    }
    for (const [i, id] of ids.A!.entries()) {
      const at = i < 4 ? `2026-10-${String(10 + i)}T03:00:00Z` : `2026-11-0${i - 1}T03:00:00Z`;
      await db.query(`update candidate_stage_change set at = $2 where candidate_id = $1 and to_stage = 'SELECTED'`, [id, at]);
    }
    const l1 = ids.L1![0]!;
    await db.query(
      `insert into candidate_stage_change (candidate_id, sequence, from_stage, to_stage, at, actor)
       select $1, max(sequence) + 1, 'REGISTERED', 'WITHDRAWN', '2026-11-20T03:00:00Z', 'test' from candidate_stage_change where candidate_id = $1`,
      [l1],
    );
    await db.query(`update candidate set stage = 'WITHDRAWN' where id = $1`, [l1]);
  });

  it('OFFICER: exact periods, running periods and maxima, including the stage of one person', async () => {
    const d = await durations(officer, { asOf: '2026-11-30' });
    const by = Object.fromEntries(d.rows.map((r) => [r.stage, r]));
    expect(d.disclosure.protectedView).toBe(false);
    expect(by.REGISTERED).toMatchObject({ periods: 17, ongoing: 9, suppressed: false });
    expect(by.SELECTED).toMatchObject({ periods: 7, ongoing: 7, suppressed: false });
    expect(by.WITHDRAWN).toMatchObject({ periods: 1, ongoing: 1, suppressed: false, maxDays: expect.any(String) });
    // a period that ended after the date still runs on it
    const october = await durations(officer, { asOf: '2026-10-31' });
    expect(Object.fromEntries(october.rows.map((r) => [r.stage, r.periods]))).toEqual({ REGISTERED: 17, SELECTED: 4 });
    expect(october.rows.find((r) => r.stage === 'REGISTERED')?.ongoing).toBe(13);
  });

  it('ANALYST: a stage of fewer than 5 people is suppressed, so is one 1–4 periods away from an earlier month end; no count and no maximum is ever published', async () => {
    const nov = await durations(analyst, { asOf: '2026-11-30' });
    expect(nov.asOf).toBe('2026-11-30');
    expect(nov.disclosure).toMatchObject({ protectedView: true, minCellCount: K, suppressedCells: 2, referenceDate: '2026-11-30' });
    const by = Object.fromEntries(nov.rows.map((r) => [r.stage, r]));
    // REGISTERED: 17 periods, but 15 on 30 September (published): 17 − 15 would give the 2 registered in October (issue 12)
    expect(by.REGISTERED).toEqual({ stage: 'REGISTERED', periods: null, ongoing: null, averageDays: null, maxDays: null, suppressed: true });
    // counts are never published in the protected view (running periods are candidateCounts' stage
    // totals; cumulative periods minus trends' months would give a withheld month): the average only
    expect(by.SELECTED).toMatchObject({ periods: null, ongoing: null, averageDays: expect.any(String), maxDays: null, suppressed: false });
    expect(by.WITHDRAWN).toEqual({ stage: 'WITHDRAWN', periods: null, ongoing: null, averageDays: null, maxDays: null, suppressed: true });

    const sep = await durations(analyst, { asOf: '2026-09-30' });
    expect(Object.fromEntries(sep.rows.map((r) => [r.stage, r]))).toEqual({
      REGISTERED: { stage: 'REGISTERED', periods: null, ongoing: null, averageDays: expect.any(String), maxDays: null, suppressed: false },
    });
    const oct = await durations(analyst, { asOf: '2026-10-31' });
    const byOct = Object.fromEntries(oct.rows.map((r) => [r.stage, r]));
    // 17 periods, 2 away from September's 15 (before issue 12: published, with the running count null as 4 had ended)
    expect(byOct.REGISTERED).toMatchObject({ periods: null, ongoing: null, suppressed: true });
    expect(byOct.SELECTED).toMatchObject({ periods: null, ongoing: null, averageDays: null, suppressed: true });
    for (const r of [...nov.rows, ...oct.rows]) expect(r.maxDays).toBeNull();
  });

  it('differencing across asOf: every day from August to November gives the answer of its month end (durations included)', async () => {
    const days = daysOf(2026).filter((d) => d >= '2026-08-01' && d <= '2026-11-30');
    const byMonthEnd = new Map<string, string>();
    const exact = new Set<string>();
    for (let i = 0; i < days.length; i += 10) {
      const chunk = days.slice(i, i + 10);
      for (const [who, store] of [[analyst, 'protected'], [officer, 'exact']] as const) {
        const query = `{ ${chunk.map((d, j) => `d${j}: stageDurations(asOf: "${d}") { asOf rows { stage periods ongoing averageDays maxDays suppressed } }`).join(' ')} }`;
        const res = await who.gql<Record<string, { asOf: string; rows: unknown }>>(query);
        if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
        chunk.forEach((d, j) => {
          const a = res.body.data![`d${j}`]!;
          const answer = JSON.stringify(a.rows);
          if (store === 'exact') return void exact.add(answer);
          expect(isMonthEnd(a.asOf) && a.asOf <= d).toBe(true);
          const seen = byMonthEnd.get(a.asOf);
          if (seen !== undefined) expect(answer).toBe(seen);
          else byMonthEnd.set(a.asOf, answer);
        });
      }
    }
    // July 31 (for 1–30 August) … November 30: at most one answer per month end
    expect([...byMonthEnd.keys()].sort()).toEqual(['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30']);
    // the exact view changes from day to day (averages of running periods): the protection is what keeps these apart
    expect(exact.size).toBeGreaterThan(100);
  }, 120_000);

  it('refuses every filter in the protected view (the filter selects by current stage, not by the stage of a period)', async () => {
    for (const field of ['stages', 'kecamatans', 'occupations', 'routes', 'eligibility']) {
      const value = { stages: ['REGISTERED'], kecamatans: ['KASEMEN'], occupations: ['WELDER'], routes: ['E7_3'], eligibility: ['ELIGIBLE'] }[field];
      refused(await analyst.gql(DURATIONS, { asOf: '2026-11-30', filter: { [field]: value } }), ['filter', field]);
      expect((await officer.gql(DURATIONS, { asOf: '2026-11-30', filter: { [field]: value } })).body.errors).toBeUndefined();
    }
  });

  it('without asOf the protected view uses the last month end that has passed', async () => {
    const d = await durations(analyst);
    expect(d.asOf).toBe('2026-11-30'); // the gateway's day is TODAY (2026-12-10): the last month end passed
    expect(isMonthEnd(d.asOf) && d.asOf < TODAY).toBe(true);
    expect(d.disclosure.referenceDate).toBe(d.asOf);
  });
});

// ------------------------------------------------------------ placement costs

type Money = { amount: string } | null;
type PayerTable = { placements: number | null; total: Money; rows: Array<{ payer: string; placements: number | null; total: Money; beforeDeparture: Money; inKorea: Money; suppressed: boolean }>; disclosure: { protectedView: boolean; suppressedCells: number; minCellCount: number | null } };
const PAYER_FIELDS = `placements total { amount } rows { payer placements total { amount } beforeDeparture { amount } inKorea { amount } suppressed } disclosure { protectedView suppressedCells minCellCount }`;
const COSTS = `query($filter: JobOpeningFilter) { placementCosts(filter: $filter) { ${PAYER_FIELDS} } }`;

async function payerTable(who: TestCaller, variables: Record<string, unknown> = {}): Promise<PayerTable> {
  const res = await who.gql<{ placementCosts: PayerTable }>(COSTS, variables);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.placementCosts;
}

function expectPayerTableProtected(c: PayerTable) {
  for (const r of c.rows) {
    if (r.suppressed) expect([r.placements, r.total, r.beforeDeparture, r.inKorea]).toEqual([null, null, null, null]);
    else expect(r.placements).toBeGreaterThanOrEqual(K);
  }
  const suppressed = c.rows.filter((r) => r.suppressed).length;
  expect(c.disclosure.suppressedCells).toBe(suppressed);
  if (suppressed > 0) expect([c.total, c.placements]).toEqual([null, null]);
  else expect(BigInt(c.total!.amount)).toBe(c.rows.reduce((n, r) => n + BigInt(r.total!.amount), 0n));
}

describe('placementCosts', () => {
  // the protected view is computed at the month-end reference date (2026-11-30) from the placements
  // live then, each figure checked against the earlier month ends: the seats, allocated today, are
  // dated to December 2025 (when A was selected), so that every month end since holds the same table
  beforeAll(async () => {
    await (await t.db()).query(`update placement set allocated_on = '2025-12-02'`);
  });

  it('seven placements: every payer row published, the total is the sum of the rows', async () => {
    const c = await payerTable(analyst);
    expectPayerTableProtected(c);
    expect(c.placements).toBe(7);
    expect(c.rows.every((r) => !r.suppressed)).toBe(true);
    expect(c).toEqual({ ...(await payerTable(officer)), disclosure: c.disclosure });
  });

  it('a payer that pays for one placement: suppressed for ANALYST with the total and the count, exact for OFFICER', async () => {
    const db = await t.db();
    const placement = await db.query(`select id from placement where candidate_id = $1`, [ids.A![0]]);
    await db.query(`insert into placement_cost_share (placement_id, line_id, timing, payer, amount_idr) values ($1, 'test.cityTopUp', 'BEFORE_DEPARTURE', 'CITY_SUBSIDY', 750000)`, [placement.rows[0].id]);
    const exact = await payerTable(officer);
    expect(exact.rows.find((r) => r.payer === 'CITY_SUBSIDY')).toMatchObject({ placements: 1, total: { amount: expect.any(String) }, suppressed: false });
    const c = await payerTable(analyst);
    expectPayerTableProtected(c);
    expect(c.rows.find((r) => r.payer === 'CITY_SUBSIDY')).toEqual({ payer: 'CITY_SUBSIDY', placements: null, total: null, beforeDeparture: null, inKorea: null, suppressed: true });
    expect(c.total).toBeNull(); // total − Σ published rows would be the city's 750 000
    expect(c.disclosure).toEqual({ protectedView: true, suppressedCells: 1, minCellCount: K });
    // the published rows are the exact ones
    for (const r of c.rows.filter((x) => !x.suppressed)) expect(r).toEqual(exact.rows.find((x) => x.payer === r.payer));
  });

  it('refuses every opening filter in the protected view (the rows are by payer only)', async () => {
    for (const [field, value] of [['routes', ['E7_3']], ['occupations', ['WELDER']], ['statuses', ['OPEN']], ['mouId', p.mouId], ['employerPartyId', p.employerId]] as const) {
      refused(await analyst.gql(COSTS, { filter: { [field]: value } }), ['filter', field]);
      expect((await officer.gql(COSTS, { filter: { [field]: value } })).body.errors).toBeUndefined();
    }
  });
});

// ------------------------------------------------------------ financing totals

const TOTALS = `query($filter: CandidateFilter) { financingTotals(filter: $filter) {
  plans loans { amount } grants { amount } interest { amount } totalRepaid { amount }
  rows { payer financier product kind count principal { amount } interest { amount } totalRepaid { amount } suppressed }
  disclosure { protectedView suppressedCells minCellCount }
  placementCosts { ${PAYER_FIELDS} }
  workerCoverage { candidates financedCandidates workerCosts { amount } financedByLoans { amount } coveredByGrants { amount } loanInterest { amount }
    cashStillNeeded { amount } financedBeyondEstimate { amount } workerPaysInTotal { amount } suppressed }
} }`;

/** Dates every financing plan revision (the plans' history, set today through the API) to 2025-12-03. */
async function backdatePlanHistory(): Promise<void> {
  await (await t.db()).query(`update financing_plan_revision set at = '2025-12-03T03:00:00Z'`);
}

describe('financingTotals', () => {
  beforeAll(async () => {
    // six KUR loans (a cell of 6) and one city grant (a cell of 1)
    for (const [i, id] of ids.A!.slice(0, 6).entries()) {
      const facilities = [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '10000000', tenorMonths: 12 }];
      if (i === 0) facilities.push({ product: 'CITY_GRANT', amountIdr: '1000000', terms: { statedBy: 'Perwal Kota Serang (test)', ceilingIdr: '5000000' } } as never);
      await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', { c: id, input: { facilities } });
    }
    // the protected view reads the plans as they stood at the month end (their history): dated to
    // December 2025, so that every month end since holds the same plans
    await backdatePlanHistory();
  });

  it('OFFICER: exact, the grant of one person included', async () => {
    const res = await officer.gql(TOTALS);
    expect(res.body.errors).toBeUndefined();
    const f = res.body.data!.financingTotals;
    expect(f.plans).toBe(6);
    expect(f.rows.map((r: { product: string; count: number }) => [r.product, r.count])).toEqual([['CITY_GRANT', 1], ['KUR_PENEMPATAN_PMI', 6]]);
    expect(f.workerCoverage).toMatchObject({ candidates: 7, financedCandidates: 6, suppressed: false });
  });

  for (const role of ['ANALYST', 'PARTNER'] as const) {
    it(`${role}: the grant row is suppressed, and every total that contains it; the loans (over KUR rows only) stay; the coverage is withheld`, async () => {
      const who = role === 'ANALYST' ? analyst : partner;
      const res = await who.gql(TOTALS);
      expect(res.body.errors).toBeUndefined();
      const f = res.body.data!.financingTotals;
      expect(f.disclosure).toEqual({ protectedView: true, suppressedCells: 1, minCellCount: K });
      const grant = f.rows.find((r: { product: string }) => r.product === 'CITY_GRANT');
      expect(grant).toEqual({ payer: 'CITY_SUBSIDY', financier: 'CITY_GOVERNMENT', product: 'CITY_GRANT', kind: 'GRANT', count: null, principal: null, interest: null, totalRepaid: null, suppressed: true });
      const kur = f.rows.find((r: { product: string }) => r.product === 'KUR_PENEMPATAN_PMI');
      expect(kur).toMatchObject({ count: 6, principal: { amount: '60000000' }, suppressed: false });
      // totals minus published rows: grants, plans, interest and totalRepaid would give the grant away
      expect([f.grants, f.plans, f.interest, f.totalRepaid]).toEqual([null, null, null, null]);
      expect(f.loans).toEqual({ amount: '60000000' }); // = the published KUR row: nothing to subtract
      // the coverage repeats the rows' totals (grants) and the payer table (the city's one placement): withheld whole
      expect(f.workerCoverage).toEqual({
        candidates: null, financedCandidates: null, workerCosts: null, financedByLoans: null, coveredByGrants: null, loanInterest: null,
        cashStillNeeded: null, financedBeyondEstimate: null, workerPaysInTotal: null, suppressed: true,
      });
      expectPayerTableProtected(f.placementCosts);
    });

    it(`${role}: every candidate filter is refused`, async () => {
      const who = role === 'ANALYST' ? analyst : partner;
      for (const [field, value] of [['stages', ['SELECTED']], ['kecamatans', ['CIPOCOK_JAYA']], ['occupations', ['WELDER']], ['routes', ['E7_3']], ['eligibility', ['ELIGIBLE']]] as const) {
        refused(await who.gql(TOTALS, { filter: { [field]: value } }), ['filter', field]);
      }
    });
  }

  it('a table with no small cell is published whole: the totals equal the sums of the rows (nothing withheld, nothing to subtract)', async () => {
    const db = await t.db();
    // drop the grant and the extra cost line: every cell is now 6 or 7
    await db.query(`delete from financing_plan_facility where product_id = 'CITY_GRANT'`);
    await db.query(`delete from placement_cost_share where line_id = 'test.cityTopUp'`);
    // the same in the plans' history (as if the grant had never been recorded): the protected view reads it
    await db.query(`delete from financing_plan_revision_facility where product_id = 'CITY_GRANT'`);
    // while the seventh candidate has costs but no plan, "candidates − financed" is a group of 1: the coverage stays withheld
    expect((await analyst.gql(TOTALS)).body.data!.financingTotals.workerCoverage).toMatchObject({ candidates: null, financedCandidates: null, suppressed: true });
    await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
      c: ids.A![6],
      input: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '10000000', tenorMonths: 12 }] },
    });
    await backdatePlanHistory();
    const f = (await analyst.gql(TOTALS)).body.data!.financingTotals;
    expect(f.disclosure.suppressedCells).toBe(0);
    expect(f.plans).toBe(7);
    expect(f.loans).toEqual({ amount: '70000000' });
    expect(f.interest).toEqual(f.rows[0].interest);
    expect(f.workerCoverage).toMatchObject({ candidates: 7, financedCandidates: 7, suppressed: false });
    const exact = (await officer.gql(TOTALS)).body.data!.financingTotals;
    const { disclosure: _a, placementCosts: pa, ...publishedRest } = f;
    const { disclosure: _b, placementCosts: pb, ...exactRest } = exact;
    expect(publishedRest).toEqual(exactRest);
    expect({ ...pa, disclosure: null }).toEqual({ ...pb, disclosure: null });
  });
});
