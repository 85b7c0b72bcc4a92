/**
 * The candidate list read model on a real database: ONE statement per page (the count in it when
 * asked for), and the same records, order, cursors, `hasNextPage` and `totalCount` as the generic path
 * it replaces (`keysetPage` over `candidateWhere(filter)` AND `candidateListWhere` — the MikroORM
 * filters — plus `countRows`), for several filter shapes, page sizes, callers (OFFICER; PARTNER,
 * CANDIDATE and both: row scopes in SQL) and a walk over all pages; and over GraphQL the officer's
 * list in one statement and a PARTNER's list limited to its candidates.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestGateway, type TestGateway } from '../../test/harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou, signedMouBetween, createParty } from '../../test/support/program';
import { candidateListWhere, candidateRowScope } from '../graphql/access';
import type { GatewayContext } from '../graphql/context';
import { candidateWhere, type CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { CandidateRecord } from '../persistence/candidate.schema';
import type { Principal, Role } from '../security/role';
import { candidateListPage } from './candidate-list.read-model';
import { countRows, keysetPage, selectRows } from './rows';

let t: TestGateway;
const ids: { p3miA: string; p3miB: string; candidates: string[]; placedA: string[]; released: string } = { p3miA: '', p3miB: '', candidates: [], placedA: [], released: '' };

const ALLOCATE = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';
const address = (kecamatan: string) => ({ kecamatan, city: 'Kota Serang', source: 'KTP' });
const KECAMATANS = ['Cipocok Jaya', 'Kasemen', 'Serang', 'Taktakan'];

beforeAll(async () => {
  t = await startTestGateway();
  const p = await signedMou(t, 'MoU list A');
  ids.p3miA = p.apjatiId;
  const openingA = await openOpening(t, p, 10);
  ids.p3miB = await createParty(t, { kind: 'P3MI', name: 'PT Mitra B', country: 'ID', licence: { sip3miNumber: 'SIP3MI-B', sip2miNumber: 'SIP2MI-B' } });
  const mouB = await signedMouBetween(t, p.cityId, ids.p3miB, 'MoU list B');
  const openingB = await openOpening(t, { ...p, mouId: mouB }, 10);
  for (let i = 0; i < 24; i += 1) {
    const target = i % 5 === 4 ? { targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' } : {};
    ids.candidates.push(await registerCandidate(t, eligibleWelderProfile(700 + i, { address: address(KECAMATANS[i % KECAMATANS.length]!) }), target));
  }
  const [c0, c1, c2, c3, c4, c5, c6] = ids.candidates as [string, string, string, string, string, string, string];
  for (const c of [c0, c1, c2]) await ok(t, ALLOCATE, { c, o: openingA });
  for (const c of [c5, c6]) await ok(t, ALLOCATE, { c, o: openingB });
  // a released seat: the placement is cancelled, so partner A no longer sees the candidate
  await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "moved") { stage } }', { c: c2 });
  ids.placedA = [c0, c1];
  ids.released = c2;
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: TRAINING, note: "kelas") { stage } }', { id: c0 });
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: WITHDRAWN, reason: PERSONAL, note: "x") { stage } }', { id: c3 });
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: REJECTED, reason: NOT_ELIGIBLE, note: "x") { stage } }', { id: c4 });
});
afterAll(async () => {
  await t?.close();
});

const em = (): EntityManager => t.gateway.orm.em.fork() as EntityManager;

function principal(roles: Role[], extra: Partial<Principal> = {}): Principal {
  return { kind: 'apiKey', roles: ['PUBLIC', ...roles], subject: 'apiKey:test', ...extra } as Principal;
}

const callers = (): Record<string, Principal> => ({
  officer: principal(['OFFICER'], { city: 'Kota Serang' }),
  partnerA: principal(['PARTNER'], { partyIds: [ids.p3miA.toUpperCase()] }),
  partnerB: principal(['PARTNER'], { partyIds: [ids.p3miB] }),
  candidate: principal(['CANDIDATE'], { candidateId: ids.candidates[7]! }),
  candidatePartnerA: principal(['CANDIDATE', 'PARTNER'], { candidateId: ids.candidates[9]!, partyIds: [ids.p3miA] }),
});

/** The generic path: the MikroORM filters (candidateWhere AND candidateListWhere), keysetPage, countRows. */
async function reference(p: Principal, filter: CandidateFilter | undefined, first: number, after?: string) {
  const e = em();
  const scope = candidateListWhere({ principal: p, em: e } as unknown as GatewayContext);
  if (scope === null) throw new Error('no scope');
  const f = candidateWhere(filter);
  const where = Object.keys(scope).length === 0 ? f : ({ $and: [f, scope] } as FilterQuery<CandidateRecord>);
  const page = await keysetPage(e, CandidateRecord, where, { first, after, keys: ['createdAt', 'id'] });
  return {
    rows: page.rows,
    cursors: page.rows.map((r) => page.cursorOf(r)),
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    total: await countRows(e, CandidateRecord, where),
  };
}

async function list(p: Principal, filter: CandidateFilter | undefined, first: number, after?: string, withTotal = true) {
  const scope = candidateRowScope(p);
  if (scope === null) throw new Error('no scope');
  t.resetSql();
  const page = await candidateListPage(em(), { filter, scope, first, after, withTotal });
  const statements = t.sql.count;
  const total = withTotal ? await page.totalCount() : undefined;
  expect(t.sql.count).toBe(statements); // the count came with the page
  return { statements, rows: page.rows, cursors: page.rows.map((r) => page.cursorOf(r)), hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, total };
}

const FILTERS: Array<CandidateFilter | undefined> = [
  undefined,
  {},
  { stages: ['REGISTERED', 'SELECTED', 'TRAINING', 'TESTING'], kecamatans: ['SERANG', 'KASEMEN'] },
  { stages: ['SELECTED', 'TRAINING'] },
  { kecamatans: ['CIPOCOK_JAYA'], routes: ['E7_3'], occupations: ['WELDER'] },
  { routes: ['E9'] },
  { stages: ['WITHDRAWN', 'REJECTED'] },
  { eligibility: ['ELIGIBLE'] },
  { eligibility: ['INELIGIBLE', 'ACTION_NEEDED'], stages: ['REGISTERED'] },
  { registered: { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-12-31T00:00:00Z') }, kecamatans: ['TAKTAKAN', 'SERANG'] },
  { enteredStage: { stage: 'SELECTED', from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-12-31T00:00:00Z') } },
  { kecamatans: ['CURUG'] }, // nobody
];

it('matches the generic path for every filter shape, page size and caller, in one statement', async () => {
  let nonEmpty = 0;
  for (const [who, p] of Object.entries(callers())) {
    for (const filter of FILTERS) {
      for (const first of [1, 3, 100]) {
        const want = await reference(p, filter, first);
        const got = await list(p, filter, first);
        const label = `${who} ${JSON.stringify(filter)} first ${first}`;
        expect([label, got.statements]).toEqual([label, 1]);
        expect(got.rows).toEqual(want.rows);
        expect(got.cursors).toEqual(want.cursors);
        expect([label, got.hasNextPage, got.total]).toEqual([label, want.hasNextPage, want.total]);
        expect(got.hasPreviousPage).toBe(false);
        if (got.rows.length > 0) nonEmpty += 1;
      }
    }
  }
  expect(nonEmpty).toBeGreaterThan(60);
});

it('limits a PARTNER to the candidates placed under its MoUs (not a cancelled placement), in SQL', async () => {
  const { partnerA, partnerB, candidate, candidatePartnerA } = callers();
  expect((await list(partnerA!, undefined, 100)).rows.map((r) => r.id).sort()).toEqual([...ids.placedA].sort());
  expect((await list(partnerA!, undefined, 100)).total).toBe(2);
  expect((await list(partnerB!, undefined, 100)).rows.map((r) => r.id).sort()).toEqual([ids.candidates[5], ids.candidates[6]].sort());
  expect((await list(candidate!, undefined, 100)).rows.map((r) => r.id)).toEqual([ids.candidates[7]]);
  expect((await list(candidatePartnerA!, undefined, 100)).rows.map((r) => r.id).sort()).toEqual([...ids.placedA, ids.candidates[9]].sort());
  expect((await list(partnerA!, undefined, 100)).rows.map((r) => r.id)).not.toContain(ids.released);
});

it('walks every page by cursor exactly as the generic path does, with and without the count', async () => {
  const p = callers().officer!;
  for (const filter of [undefined, { kecamatans: ['CIPOCOK_JAYA', 'KASEMEN'] } satisfies CandidateFilter]) {
    let after: string | undefined;
    const seen: string[] = [];
    for (let guard = 0; guard < 30; guard += 1) {
      const want = await reference(p, filter, 4, after);
      const got = await list(p, filter, 4, after, guard % 2 === 0);
      expect(got.statements).toBe(1);
      expect(got.rows).toEqual(want.rows);
      expect(got.hasNextPage).toBe(want.hasNextPage);
      expect(got.hasPreviousPage).toBe(after !== undefined);
      if (got.total !== undefined) expect(got.total).toBe(want.total);
      seen.push(...got.rows.map((r) => r.id));
      if (!got.hasNextPage) break;
      after = got.cursors[got.cursors.length - 1];
    }
    const all = await selectRows(em(), CandidateRecord, candidateWhere(filter), { orderBy: [['createdAt', 'asc'], ['id', 'asc']] });
    expect(seen).toEqual(all.map((r) => r.id));
    expect(seen.length).toBeGreaterThan(4);
  }
  // past the last page: no row, the count still there
  const last = await reference(p, undefined, 100);
  const beyond = await list(p, undefined, 5, last.cursors[last.cursors.length - 1]);
  expect(beyond.rows).toEqual([]);
  expect(beyond.total).toBe(last.total);
});

it('refuses a cursor of another list', async () => {
  const other = Buffer.from(JSON.stringify(['x'])).toString('base64url');
  await expect(list(callers().officer!, undefined, 5, other)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
});

const OFFICER_LIST = `query($filter: CandidateFilter, $first: Int) { candidates(first: $first, filter: $filter) { totalCount
  pageInfo { hasNextPage } edges { node { id nikMasked stage kecamatan targetRoute targetOccupation eligibilityStatus
  profile { education address { kelurahan } } } } } }`;

it("serves an officer's list with its count in one statement, and a PARTNER's with its candidates only", async () => {
  t.resetSql();
  const filter = { stages: ['REGISTERED', 'SELECTED', 'TRAINING'], kecamatans: ['CIPOCOK_JAYA', 'KASEMEN'] };
  const res = await t.as('officer').gql<{ candidates: { totalCount: number; edges: Array<{ node: { id: string; nikMasked: string } }> } }>(OFFICER_LIST, { filter, first: 100 });
  expect(res.body.errors).toBeUndefined();
  const statements = t.sql.statements.filter((s) => !/\bfrom "?api_key"?/.test(s));
  expect(statements).toHaveLength(1);
  const want = await reference(callers().officer!, filter as CandidateFilter, 100);
  expect(res.body.data!.candidates.totalCount).toBe(want.total);
  expect(res.body.data!.candidates.edges.map((e) => e.node.id)).toEqual(want.rows.map((r) => r.id));
  expect(res.body.data!.candidates.edges.every((e) => /^\d{4}\*{10}\d{2}$/.test(e.node.nikMasked))).toBe(true);

  const partner = t.as({ token: (await t.createKey({ roles: ['PARTNER'], partyIds: [ids.p3miA], name: 'Mitra A' })).token });
  const mine = await partner.gql<{ candidates: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(OFFICER_LIST, { first: 100 });
  expect(mine.body.errors).toBeUndefined();
  expect(mine.body.data!.candidates.totalCount).toBe(2);
  expect(mine.body.data!.candidates.edges.map((e) => e.node.id).sort()).toEqual([...ids.placedA].sort());
});
