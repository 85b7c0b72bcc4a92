/**
 * The job board read model on a real database: ONE statement per page (MoU and employer joined when
 * asked for), the same records, order, cursors and `hasNextPage` as the generic path it replaces
 * (`keysetPage` over `criteriaWhere(criteria)` plus the batched loaders' `selectRows`), for every
 * filter shape and for a walk over all pages; a statement compiled once per shape; and over GraphQL
 * the public board shows OPEN openings only, in one statement.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestGateway, type TestGateway } from '../../test/harness';
import { ok, openOpening, signedMou, type Program } from '../../test/support/program';
import { openingCriteria, type OpeningCriteria } from '../graphql/inputs/job-opening-filter.input';
import { criteriaWhere } from '../graphql/inputs/job-opening-filter.input';
import { MouRecord } from '../persistence/mou.schema';
import { JobOpeningRecord } from '../persistence/opening.schema';
import { PartyRecord } from '../persistence/party.schema';
import { compiledJobBoardShapes, jobBoardPage, type JobBoardRelations } from './job-board.read-model';
import { keysetPage, selectRows } from './rows';
import { runWithDeadline } from '../security/query-timeout';

let t: TestGateway;
let programs: Program[];
let draftRouteE9Id: string;

beforeAll(async () => {
  t = await startTestGateway();
  programs = [];
  for (let m = 0; m < 2; m += 1) {
    const p = await signedMou(t, `MoU board ${m}`);
    programs.push(p);
    await openOpening(t, p, 3 + m);
    for (let i = 0; i < 4; i += 1) {
      const created = await ok<{ createJobOpening: { id: string } }>(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
        input: {
          mouId: p.mouId,
          employerPartyId: p.employerId,
          occupation: i === 3 ? 'MANUFACTURING_WORKER' : i % 2 ? 'SHIP_PAINTER' : 'WELDER',
          route: i === 3 ? 'E9' : 'E7_3',
          seats: 1 + i,
          wage: i % 2 ? { basis: 'FIXED', monthlyKrw: String(3_400_000 + i) } : { basis: 'STATUTORY_MINIMUM' },
          contractMonths: 24,
          extraRequirements: i === 1 ? { minAge: 20, maxAge: 39 } : undefined,
        },
      });
      if (i === 3 && m === 0) draftRouteE9Id = created.createJobOpening.id;
    }
  }
});
afterAll(async () => {
  await t?.close();
});

const em = (): EntityManager => t.gateway.orm.em.fork() as EntityManager;
const BOTH: JobBoardRelations = { mou: true, employer: true };

/** The generic path: the keyset page over the MikroORM filter, relations as the loaders load them. */
async function reference(criteria: OpeningCriteria, first: number, after?: string) {
  const e = em();
  const page = await keysetPage(e, JobOpeningRecord, criteriaWhere(criteria), { first, after, keys: ['createdAt', 'id'] });
  const mous = await selectRows(e, MouRecord, { id: { $in: [...new Set(page.rows.map((r) => r.mouId))] } });
  const parties = await selectRows(e, PartyRecord, { id: { $in: [...new Set(page.rows.map((r) => r.employerPartyId))] } });
  return {
    rows: page.rows.map((o) => ({ opening: o, mou: mous.find((m) => m.id === o.mouId), employer: parties.find((p) => p.id === o.employerPartyId) })),
    cursors: page.rows.map((r) => page.cursorOf(r)),
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
  };
}

async function board(criteria: OpeningCriteria, first: number, after?: string, relations: JobBoardRelations = BOTH) {
  t.resetSql();
  const page = await jobBoardPage(em(), { criteria, first, after, relations });
  const statements = t.sql.count;
  return { statements, rows: page.rows, cursors: page.rows.map((r) => page.cursorOf(r)), hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage };
}

it('matches the generic path for every filter shape, in one statement', async () => {
  const [p0, p1] = programs as [Program, Program];
  const shapes: OpeningCriteria[] = [
    openingCriteria(undefined),
    openingCriteria(undefined, ['OPEN']),
    openingCriteria({ statuses: ['DRAFT'] }),
    openingCriteria({ statuses: ['DRAFT'] }, ['OPEN']), // the public asking for drafts: none
    openingCriteria({ routes: ['E9'] }),
    openingCriteria({ occupations: ['SHIP_PAINTER', 'WELDER'], routes: ['E7_3'] }),
    openingCriteria({ mouId: p1.mouId.toUpperCase() }),
    openingCriteria({ employerPartyId: p0.employerId, statuses: ['DRAFT', 'OPEN'] }),
  ];
  let nonEmpty = 0;
  for (const criteria of shapes) {
    for (const first of [1, 3, 50]) {
      const want = await reference(criteria, first);
      const got = await board(criteria, first);
      expect(got.statements).toBe(1);
      expect(got.rows).toEqual(want.rows);
      expect(got.cursors).toEqual(want.cursors);
      expect(got.hasNextPage).toBe(want.hasNextPage);
      expect(got.hasPreviousPage).toBe(false);
      if (got.rows.length > 0) nonEmpty += 1;
    }
  }
  expect(nonEmpty).toBeGreaterThan(15);
  // the public asking for drafts sees nothing; a filter on E9 finds the E9 drafts only
  expect((await board(shapes[3]!, 50)).rows).toEqual([]);
  expect((await board(shapes[4]!, 50)).rows.map((r) => r.opening.id)).toContain(draftRouteE9Id);
});

it('walks every page by cursor exactly as the generic path does', async () => {
  const criteria = openingCriteria(undefined);
  let after: string | undefined;
  const seen: string[] = [];
  for (let guard = 0; guard < 20; guard += 1) {
    const want = await reference(criteria, 2, after);
    const got = await board(criteria, 2, after);
    expect(got.statements).toBe(1);
    expect(got.rows).toEqual(want.rows);
    expect(got.hasNextPage).toBe(want.hasNextPage);
    expect(got.hasPreviousPage).toBe(after !== undefined);
    seen.push(...got.rows.map((r) => r.opening.id));
    if (!got.hasNextPage) break;
    after = got.cursors[got.cursors.length - 1];
  }
  const all = await selectRows(em(), JobOpeningRecord, {}, { orderBy: [['createdAt', 'asc'], ['id', 'asc']] });
  expect(seen).toEqual(all.map((r) => r.id));
  expect(seen.length).toBe(10);
});

it('joins only the relations asked for, and compiles each shape once', async () => {
  const criteria = openingCriteria(undefined, ['OPEN']);
  const none = await board(criteria, 50, undefined, { mou: false, employer: false });
  expect(none.statements).toBe(1);
  expect(none.rows.length).toBe(2);
  expect(none.rows.every((r) => r.mou === undefined && r.employer === undefined)).toBe(true);
  const want = await reference(criteria, 50);
  expect(none.rows.map((r) => r.opening)).toEqual(want.rows.map((r) => r.opening));
  const onlyMou = await board(criteria, 50, undefined, { mou: true, employer: false });
  expect(onlyMou.rows.map((r) => r.mou)).toEqual(want.rows.map((r) => r.mou));
  expect(onlyMou.rows.every((r) => r.employer === undefined)).toBe(true);

  const before = compiledJobBoardShapes();
  await board(criteria, 50, undefined, { mou: true, employer: false });
  await board(openingCriteria(undefined, ['OPEN', 'CLOSED']), 7, undefined, { mou: true, employer: false });
  expect(compiledJobBoardShapes()).toBe(before);
});

it('refuses a cursor of another list', async () => {
  const other = Buffer.from(JSON.stringify(['x'])).toString('base64url');
  await expect(jobBoardPage(em(), { criteria: openingCriteria(undefined), first: 5, after: other, relations: BOTH })).rejects.toMatchObject({
    extensions: { code: 'BAD_USER_INPUT' },
  });
});

const JOB_BOARD = `query JobBoard { jobOpenings(first: 50) { edges { node { id occupation route seats seatsLeft
  wage { basis monthly { amount currency } } mou { title { en } status } employer { name } } } } }`;

it('serves the public board (OPEN only) with its MoU and employer in one statement', async () => {
  t.resetSql();
  const res = await t.gql<{ jobOpenings: { edges: Array<{ node: { id: string; mou: { status: string }; employer: { name: string } } }> } }>(JOB_BOARD);
  expect(res.body.errors).toBeUndefined();
  const statements = t.sql.statements.filter((s) => !/^\s*(begin|commit|rollback|select 1)\b/i.test(s));
  expect(statements.length).toBe(1);
  const nodes = res.body.data!.jobOpenings.edges.map((e) => e.node);
  expect(nodes.length).toBe(2);
  expect(nodes.every((n) => n.mou.status === 'SIGNED' && n.employer.name === 'PT One Asia')).toBe(true);

  // the same selection through a fragment, by staff (drafts too), with the cursor: the same records
  const staff = await t.as('officer').gql<{ jobOpenings: { edges: Array<{ cursor: string; node: { status: string; mou: { id: string } } }> } }>(
    `query { jobOpenings(first: 50) { edges { cursor node { ...N } } } } fragment N on JobOpening { status mou { id } employer { id } }`,
  );
  expect(staff.body.errors).toBeUndefined();
  const edges = staff.body.data!.jobOpenings.edges;
  expect(edges.length).toBe(10);
  expect(edges.filter((e) => e.node.status === 'DRAFT').length).toBe(8);
  expect(new Set(edges.map((e) => e.node.mou.id))).toEqual(new Set(programs.map((p) => p.mouId)));
  expect(new Set(edges.map((e) => e.cursor)).size).toBe(10);
});

it('still validates the arguments (page size, the filter nested in them) before any statement', async () => {
  t.resetSql();
  const big = await t.gql('{ jobOpenings(first: 101) { edges { node { id } } } }');
  expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const badMou = await t.gql('{ jobOpenings(filter: { mouId: "not-a-uuid" }) { edges { node { id } } } }');
  expect(badMou.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(badMou.body.errors)).toContain('mouId');
  expect(t.sql.statements.filter((s) => /job_opening/.test(s))).toEqual([]);
});

it("keeps the request deadline: a page asked for after it is refused as a cancelled statement (57014 → TIMEOUT)", async () => {
  const refused = runWithDeadline(1, async () => {
    await new Promise((r) => setTimeout(r, 5));
    return jobBoardPage(em(), { criteria: openingCriteria(undefined), first: 5, relations: BOTH });
  });
  await expect(refused).rejects.toMatchObject({ code: '57014' });
});
