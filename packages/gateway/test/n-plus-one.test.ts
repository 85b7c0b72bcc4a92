/**
 * No N+1: a nested list query (openings → MoU → parties, quotas, …) issues the same number of SQL
 * statements for a page of 5 and a page of 50; the hot reads (the job board, an officer's candidate
 * list with its count, quotaFill with each row's MoU) are ONE statement whatever their size.
 */
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
  // three MoUs so that the page spans several MoUs, parties and quotas
  for (let m = 0; m < 3; m += 1) {
    const p = await signedMou(t, `MoU ${m}`);
    await openOpening(t, p, 5);
    for (let i = 0; i < 17; i += 1) {
      await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
        input: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 1 + i, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
      });
    }
    // a second quota per MoU: quotaFill has rows of several MoUs, two per MoU
    await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', { input: { mouId: p.mouId, occupation: 'SHIP_PAINTER', route: 'E7_3', seats: 20 } });
  }
  // candidates in two kecamatan: the officer's list filters on both
  for (let i = 0; i < 60; i += 1) {
    await registerCandidate(t, eligibleWelderProfile(900 + i, { address: { kecamatan: i % 2 ? 'Kasemen' : 'Serang', city: 'Kota Serang', source: 'KTP' } }));
  }
});
afterAll(async () => {
  await t?.close();
});

const QUERY = `query($n: Int) { jobOpenings(first: $n) {
  totalCount
  edges { node {
    id seats status
    employer { name }
    quota { seats allocated }
    history { to at }
    mou {
      title { en } status
      parties { role party { name kind } }
      obligations { number party { name } }
      quotas { occupation seats mou { id } }
      history { to }
      parent { id }
    }
  } }
} }`;

async function statementsFor(n: number): Promise<{ count: number; edges: number }> {
  t.resetSql();
  const res = await t.as('officer').gql<{ jobOpenings: { edges: unknown[] } }>(QUERY, { n }); // staff: drafts too
  expect(res.body.errors).toBeUndefined();
  return { count: t.sql.count, edges: res.body.data!.jobOpenings.edges.length };
}

it('issues the same number of statements for 5 and for 50 openings', async () => {
  const small = await statementsFor(5);
  const large = await statementsFor(50);
  expect(small.edges).toBe(5);
  expect(large.edges).toBe(50);
  expect(small.count).toBeGreaterThanOrEqual(8); // the counter sees every batch
  expect(large.count).toBe(small.count);
  // one page query + one count + one batch per relation: a small constant
  expect(large.count).toBeLessThanOrEqual(12);
});

const JOB_BOARD = `query($n: Int) { jobOpenings(first: $n) { edges { node { id occupation route seats seatsLeft
  wage { basis monthly { amount currency } } mou { title { en } status } employer { name } } } } }`;

it('serves the job board (openings with their MoU and employer) in ONE statement, for 5 and for 50', async () => {
  for (const n of [5, 50]) {
    t.resetSql();
    const res = await t.as('officer').gql<{ jobOpenings: { edges: Array<{ node: { mou: { status: string }; employer: { name: string } } }> } }>(JOB_BOARD, { n });
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.jobOpenings.edges;
    expect(edges.length).toBe(n);
    expect(edges.every((e) => typeof e.node.mou.status === 'string' && typeof e.node.employer.name === 'string')).toBe(true);
    // (the officer's API key may be looked up once its cache entry has expired: authentication, not the list)
    const board = t.sql.statements.filter((s) => !/\bfrom "?api_key"?/.test(s));
    expect(board).toHaveLength(1);
    expect(board[0]).toMatch(/from "job_opening" as "o" .* left join "mou" as "m" .* left join "party" as "e"/);
  }
});

/** Statements of one request other than authentication (the officer's API key may be looked up again). */
const listStatements = (): string[] => t.sql.statements.filter((s) => !/\bfrom "?api_key"?/.test(s));

const OFFICER_CANDIDATES = `query($n: Int, $filter: CandidateFilter) { candidates(first: $n, filter: $filter) { totalCount
  pageInfo { hasNextPage } edges { node { id nikMasked stage kecamatan targetRoute targetOccupation eligibilityStatus
  profile { education address { kelurahan } } } } } }`;

it("serves an officer's candidate list (filtered, with totalCount) in ONE statement, for 5 and for 50", async () => {
  const filter = { stages: ['REGISTERED', 'SELECTED', 'TRAINING', 'TESTING'], kecamatans: ['SERANG', 'KASEMEN'] };
  for (const n of [5, 50]) {
    t.resetSql();
    const res = await t.as('officer').gql<{ candidates: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: unknown[] } }>(OFFICER_CANDIDATES, { n, filter });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.candidates.edges).toHaveLength(n);
    expect(res.body.data!.candidates.totalCount).toBe(60);
    expect(res.body.data!.candidates.pageInfo.hasNextPage).toBe(true);
    const statements = listStatements();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/count\(\*\).* left join \(select .* from candidate c where /);
  }
});

it('serves quotaFill with each row’s MoU in ONE statement, for one occupation and for all', async () => {
  for (const [filter, rows] of [['(filter: { occupations: [SHIP_PAINTER] })', 3], ['', 6]] as const) {
    t.resetSql();
    const res = await t.gql<{ quotaFill: { seats: number; rows: Array<{ mou: { id: string; title: { en: string } }; seats: number }> } }>(
      `{ quotaFill${filter} { seats allocated left rows { mou { id title { en } } occupation route seats allocated left } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.quotaFill.rows).toHaveLength(rows);
    expect(new Set(res.body.data!.quotaFill.rows.map((r) => r.mou.id)).size).toBe(3);
    expect(res.body.data!.quotaFill.rows.every((r) => /^MoU \d$/.test(r.mou.title.en))).toBe(true);
    const statements = listStatements();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from \(select .* from "quota" as "q" .* left join "mou" as "m"/);
  }
});
