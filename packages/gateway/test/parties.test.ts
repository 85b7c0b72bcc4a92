/** Parties: create, update, list with filters and cursors, one by id, and bad input. */
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t?.close();
});

const FIELDS = 'id kind name shortName nativeName unit country regionCode isExample note createdAt updatedAt licence { sip3miNumber sip2miNumber } representative { name title } externalRefs { system reference }';
const CREATE = `mutation($input: CreatePartyInput!) { createParty(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePartyInput!) { updateParty(input: $input) { ${FIELDS} } }`;

async function partyCount(): Promise<number> {
  const db = await t.db();
  return Number((await db.query('select count(*) from party')).rows[0].count);
}

describe('createParty / updateParty', () => {
  it('creates a P3MI with its licence and reads it back by id', async () => {
    const res = await t.as('officer').gql<{ createParty: Record<string, any> }>(CREATE, {
      input: {
        kind: 'P3MI',
        name: 'PT Contoh Penempatan',
        country: 'ID',
        licence: { sip3miNumber: 'SIP3MI-001', sip2miNumber: 'SIP2MI-002' },
        externalRefs: [{ system: 'SISKOP2MI', reference: 'P-123' }],
      },
    });
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data!.createParty;
    expect(created).toMatchObject({ kind: 'P3MI', name: 'PT Contoh Penempatan', licence: { sip3miNumber: 'SIP3MI-001' }, isExample: false });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await t.as('officer').gql<{ party: Record<string, any> }>(`query($id: ID!) { party(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.body.data?.party).toEqual(created);
  });

  it('updates details, keeps the kind, and records the change time', async () => {
    const created = (await t.as('officer').gql<{ createParty: Record<string, any> }>(CREATE, { input: { kind: 'ASSOCIATION', name: 'APJATI', country: 'ID' } })).body.data!.createParty;
    const res = await t.as('officer').gql<{ updateParty: Record<string, any> }>(UPDATE, {
      input: { id: created.id, shortName: 'APJATI', name: 'Asosiasi Perusahaan Jasa Tenaga Kerja Indonesia', representative: { name: 'Ketua', title: 'Ketua Umum' } },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.updateParty).toMatchObject({ kind: 'ASSOCIATION', shortName: 'APJATI', representative: { title: 'Ketua Umum' } });
    expect(Date.parse(res.body.data!.updateParty.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
  });

  it('refuses a P3MI without a licence (domain rule) with the field path, and writes nothing', async () => {
    const before = await partyCount();
    const res = await t.as('officer').gql(CREATE, { input: { kind: 'P3MI', name: 'PT Tanpa Izin', country: 'ID' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'PARTY.LICENCE_REQUIRED',
      field: ['input', 'licence'],
      messages: { id: expect.any(String), en: expect.any(String) },
    });
    expect(await partyCount()).toBe(before);
  });

  it('refuses an unknown kind and a too-long name with BAD_USER_INPUT, without the values', async () => {
    const a = await t.as('officer').gql(CREATE, { input: { kind: 'SECRET_KIND', name: 'x', country: 'ID' } });
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'kind'] });
    expect(JSON.stringify(a.body)).not.toContain('SECRET_KIND');
    const longName = 'N'.repeat(5000);
    const b = await t.as('officer').gql(CREATE, { input: { kind: 'EMPLOYER', name: longName, country: 'KR' } });
    expect(b.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'name'] });
    expect(JSON.stringify(b.body)).not.toContain('NNNNNNNNNN');
  });

  it('answers a missing record with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const missing = await t.as('officer').gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: 'x' } });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'id'] });
    const bad = await t.as('officer').gql(UPDATE, { input: { id: 'not-a-uuid-but-36-characters-long-xx', name: 'x' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'id'] });
    const none = await t.as('officer').gql('query($id: ID!) { party(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(none.body).toEqual({ data: { party: null } });
  });
});

describe('parties (Relay connection)', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i += 1) {
      await t.as('officer').gql(CREATE, { input: { kind: 'EMPLOYER', name: `Employer ${i}`, country: 'KR' } });
    }
  });

  it('pages forward with cursors and a stable totalCount', async () => {
    const Q = `query($after: String, $filter: PartyFilter) { parties(first: 3, after: $after, filter: $filter) {
      totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: any = await t.as('officer').gql(Q, { after, filter: { kinds: ['EMPLOYER'], country: 'KR' } });
      expect(res.body.errors).toBeUndefined();
      const conn = res.body.data.parties;
      expect(conn.totalCount).toBe(7);
      names.push(...conn.edges.map((e: { node: { name: string } }) => e.node.name));
      pages += 1;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(names).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Employer ${i}`));
  });

  it('filters by kind', async () => {
    const res = await t.as('officer').gql<{ parties: { totalCount: number } }>('{ parties(filter: { kinds: [ASSOCIATION] }) { totalCount } }');
    expect(res.body.data?.parties.totalCount).toBe(1);
  });

  it('rejects a page size over the maximum and a forged cursor', async () => {
    const big = await t.as('officer').gql('{ parties(first: 1000) { totalCount } }');
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
    const forged = await t.as('officer').gql('{ parties(after: "!!!") { totalCount } }');
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });
});
