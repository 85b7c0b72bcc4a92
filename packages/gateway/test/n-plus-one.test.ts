/**
 * No N+1: a nested list query (openings → MoU → parties, quotas, …) issues the same number of SQL
 * statements for a page of 5 and a page of 50.
 */
import { startTestGateway, type TestGateway } from './harness';
import { ok, openOpening, signedMou } from './support/program';

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
