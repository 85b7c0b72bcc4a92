/**
 * Access control over real HTTP on a real PostgreSQL (issue 5): each role against each kind of data,
 * allowed and refused (UNAUTHENTICATED for anonymous callers, FORBIDDEN for signed-in ones) with no
 * data in the refusal; no candidate record for analysts (issue 8); partners limited to the candidates placed under
 * their MoUs; candidates limited to their own record; the public vacancy board.
 */
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { createParty, eligibleWelderProfile, nikFor, ok, openOpening, registerCandidate, signedMouBetween, type Program } from './support/program';

let t: TestGateway;
const ids = {} as Record<'c1' | 'c2' | 'c3' | 'c4' | 'p3miA' | 'p3miB' | 'mouA' | 'mouB' | 'openingA' | 'openingB' | 'draftOpening', string>;
const callers = {} as Record<'anonymous' | 'candidate' | 'partnerA' | 'partnerB' | 'analyst' | 'analystPartnerA' | 'officer' | 'officerElsewhere' | 'admin', TestCaller>;
let officerKeyId: string;

/** A profile with everything the analyst view leaves out or masks. */
function richProfile(n: number): Record<string, unknown> {
  return eligibleWelderProfile(n, {
    address: { kecamatan: 'Cipocok Jaya', kelurahan: 'Banjaragung', city: 'Kota Serang', source: 'KTP' },
    medical: {
      examinedOn: '2026-10-01',
      physicallyFit: true,
      psychologicallyFit: true,
      colourBlind: false,
      completeFingers: true,
      conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false },
    },
    criminalRecord: { everImprisoned: false },
    bpjsNumber: `1234567${String(8900 + n)}`,
    familyConsent: { givenBy: 'PARENT', givenOn: '2026-09-01', acknowledgedByVillageHead: true },
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'AK1_CARD', issuedOn: '2025-11-01', verified: true },
      { kind: 'PASSPORT', issuedOn: '2026-09-01', expiresOn: '2031-09-01', verified: true, reference: `C765432${n}` },
      { kind: 'SKCK', issuedOn: '2026-09-15', verified: true, reference: `SKCK/12${n}/IX/2026` },
    ],
  });
}

/** Personal values of the four candidates that must never appear in a refusal or a masked answer. */
const SECRET_VALUES = (n: number): string[] => [nikFor(n), '1999-01-15', 'Banjaragung', `C765432${n}`, `SKCK/12${n}/IX/2026`, `1234567${8900 + n}`, 'SISKO-00012'];

async function signedMouWith(p3miId: string, cityId: string, employerId: string, title: string): Promise<Program> {
  const mouId = await signedMouBetween(t, cityId, p3miId, title);
  return { cityId, apjatiId: p3miId, employerId, mouId };
}

const ALLOCATE = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';

beforeAll(async () => {
  t = await startTestGateway();
  const cityId = await createParty(t, { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' });
  const employerId = await createParty(t, { kind: 'EMPLOYER', name: 'PT One Asia', country: 'KR' });
  ids.p3miA = await createParty(t, { kind: 'P3MI', name: 'PT Mitra A', country: 'ID', licence: { sip3miNumber: 'SIP3MI-A', sip2miNumber: 'SIP2MI-A' } });
  ids.p3miB = await createParty(t, { kind: 'P3MI', name: 'PT Mitra B', country: 'ID', licence: { sip3miNumber: 'SIP3MI-B', sip2miNumber: 'SIP2MI-B' } });
  const a = await signedMouWith(ids.p3miA, cityId, employerId, 'MoU Mitra A');
  const b = await signedMouWith(ids.p3miB, cityId, employerId, 'MoU Mitra B');
  ids.mouA = a.mouId;
  ids.mouB = b.mouId;
  ids.openingA = await openOpening(t, a, 10);
  ids.openingB = await openOpening(t, b, 10);
  const draft = await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
    input: { mouId: ids.mouA, employerPartyId: employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
  });
  ids.draftOpening = draft.createJobOpening.id;
  const extra = { externalRefs: [{ system: 'SISKOP2MI', reference: 'SISKO-000123' }] };
  ids.c1 = await registerCandidate(t, richProfile(1), extra);
  ids.c2 = await registerCandidate(t, richProfile(2));
  ids.c3 = await registerCandidate(t, richProfile(3));
  ids.c4 = await registerCandidate(t, richProfile(4));
  await ok(t, ALLOCATE, { c: ids.c1, o: ids.openingA });
  await ok(t, ALLOCATE, { c: ids.c2, o: ids.openingA });
  await ok(t, ALLOCATE, { c: ids.c3, o: ids.openingB });
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: TRAINING, note: "Kelas bahasa Korea") { stage } }', { id: ids.c1 });

  const key = async (input: Parameters<TestGateway['createKey']>[0]) => t.as({ token: (await t.createKey(input)).token });
  callers.anonymous = { headers: {}, gql: (q, v, h) => t.gql(q, v, h) };
  callers.candidate = await key({ roles: ['CANDIDATE'], candidateId: ids.c1, name: 'Portal calon pekerja' });
  callers.partnerA = await key({ roles: ['PARTNER'], partyIds: [ids.p3miA], name: 'PT Mitra A' });
  callers.partnerB = await key({ roles: ['PARTNER'], partyIds: [ids.p3miB], name: 'PT Mitra B' });
  callers.analystPartnerA = await key({ roles: ['ANALYST', 'PARTNER'], partyIds: [ids.p3miA], name: 'Analyst at Mitra A' });
  callers.officerElsewhere = await key({ roles: ['OFFICER'], city: 'Kota Cilegon', name: 'Disnaker Cilegon' });
  callers.analyst = t.as('analyst');
  callers.officer = t.as('officer');
  callers.admin = t.as('admin');
  officerKeyId = /^jmb_([0-9a-f]{16})_/.exec(t.keys.officer)![1]!;
});
afterAll(async () => {
  await t?.close();
});

// ------------------------------------------------------------------------------------------------
// The matrix: every role against every kind of data.

type Who = keyof typeof callers;
/** `hidden`: answered exactly like a record that does not exist (`null`, no error; issue 8). */
type Outcome = 'ok' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Kind {
  readonly name: string;
  readonly query: () => string;
  readonly variables?: () => Record<string, unknown>;
  readonly expect: Record<Who, Outcome>;
}

const everyone = (o: Outcome): Record<Who, Outcome> => ({
  anonymous: o, candidate: o, partnerA: o, partnerB: o, analyst: o, analystPartnerA: o, officer: o, officerElsewhere: o, admin: o,
});

const KINDS: Kind[] = [
  { name: 'vocabulary', query: () => '{ routes { code } occupations { code } }', expect: everyone('ok') },
  { name: 'parameters', query: () => '{ parameters(asOf: "2026-01-15") { parameterId value } }', expect: everyone('ok') },
  {
    name: 'calculators',
    query: () => `{ eligibilityCheck(route: E7_3, asOf: "2026-01-15", occupation: WELDER, profile: { declaredBirthDate: "1999-01-15", education: SLTA }) { verdict { selection } }
      costEstimate(input: { route: E7_3, occupation: WELDER, contractMonths: 36, asOf: "2026-01-15" }) { workerTotal { amount } }
      financingSimulation(input: { asOf: "2026-01-15", amountIdr: "25000000", tenorMonths: 24, contractMonths: 36, livingCostShare: "0.4", maxDebtServiceRatio: "0.3" }) { schedule { regularInstalment { amount } } } }`,
    expect: everyone('ok'),
  },
  { name: 'vacancy board', query: () => '{ jobOpenings { totalCount edges { node { id status seatsLeft employer { name } } } } }', expect: everyone('ok') },
  {
    name: 'program (parties, MoUs, quotas, quota fill)',
    query: () => '{ parties { totalCount } mous { totalCount edges { node { title { en } parties { role party { name } } quotas { seats allocated } } } } quotas { totalCount } quotaFill { seats allocated left } }',
    expect: everyone('ok'),
  },
  {
    name: 'candidate list',
    query: () => '{ candidates { totalCount edges { node { id nikMasked profile { nik } } } } }',
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'ok', analyst: 'FORBIDDEN', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'one candidate (the first, placed under MoU A)',
    query: () => 'query($id: ID!) { candidate(id: $id) { id stage profile { nik } } }',
    variables: () => ({ id: ids.c1 }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'hidden', analyst: 'hidden', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'health data of that candidate',
    query: () => 'query($id: ID!) { candidate(id: $id) { profile { medical { physicallyFit conditions { HIV } } criminalRecord { everImprisoned } } } }',
    variables: () => ({ id: ids.c1 }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'hidden', analyst: 'hidden', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'candidates ranked for an opening',
    query: () => 'query($id: ID!) { jobOpening(id: $id) { rankedCandidates { rank candidate { id } } } }',
    variables: () => ({ id: ids.openingA }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'FORBIDDEN', partnerA: 'ok', partnerB: 'ok', analyst: 'FORBIDDEN', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  ...['{ candidateCounts(asOf: "2026-11-01") { total } }', '{ stageDurations { rows { stage periods } } }', '{ placementCosts { placements total { amount } } }'].map(
    (query): Kind => ({
      name: `aggregate ${/\{ (\w+)/.exec(query)![1]}`,
      query: () => query,
      expect: { anonymous: 'UNAUTHENTICATED', candidate: 'FORBIDDEN', partnerA: 'FORBIDDEN', partnerB: 'FORBIDDEN', analyst: 'ok', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
    }),
  ),
  {
    name: 'audit log',
    query: () => '{ auditLog(first: 5) { totalCount edges { node { action actor } } } }',
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'FORBIDDEN', partnerA: 'FORBIDDEN', partnerB: 'FORBIDDEN', analyst: 'FORBIDDEN', analystPartnerA: 'FORBIDDEN', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'API keys',
    query: () => '{ apiKeys { keyId name roles } }',
    expect: { ...everyone('FORBIDDEN'), anonymous: 'UNAUTHENTICATED', admin: 'ok' },
  },
  {
    name: 'who recorded a status change',
    query: () => 'query($id: ID!) { mou(id: $id) { history { actor } } }',
    variables: () => ({ id: ids.mouA }),
    expect: { ...everyone('ok'), anonymous: 'UNAUTHENTICATED', candidate: 'FORBIDDEN', officerElsewhere: 'FORBIDDEN' },
  },
];

const WHO: Who[] = ['anonymous', 'candidate', 'partnerA', 'partnerB', 'analyst', 'analystPartnerA', 'officer', 'officerElsewhere', 'admin'];

describe.each(KINDS.map((k) => [k.name, k] as const))('%s', (_name, kind) => {
  it.each(WHO.map((w) => [w, kind.expect[w]] as const))('%s: %s', async (who, expected) => {
    const res = await callers[who].gql(kind.query(), kind.variables?.());
    expect(res.status).toBe(200);
    if (expected === 'ok') {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toBeTruthy();
      return;
    }
    if (expected === 'hidden') {
      expect(res.body).toEqual({ data: { candidate: null } });
      return;
    }
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain(expected);
    expect(res.body.errors?.[0]?.extensions?.messages).toEqual({ id: expect.any(String), en: expect.any(String) });
    // nothing of the refused data: no value of any candidate, no record id, no row of the refused field
    const text = JSON.stringify(res.body);
    for (const n of [1, 2, 3, 4]) for (const v of SECRET_VALUES(n)) expect(text).not.toContain(v);
    for (const id of [ids.c1, ids.c2, ids.c3, ids.c4]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/apiKey:|jwt:|"nik"/);
  });
});

describe('mutations', () => {
  const CREATE = 'mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }';
  const counts = async () => {
    const db = await t.db();
    const r = await db.query('select (select count(*) from party)::int as parties, (select count(*) from audit_log)::int as audits');
    return r.rows[0] as { parties: number; audits: number };
  };

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['candidate', 'FORBIDDEN'],
    ['partnerA', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['analystPartnerA', 'FORBIDDEN'],
    ['officerElsewhere', 'FORBIDDEN'],
  ] as const)('%s is refused (%s) and nothing is written', async (who, code) => {
    const before = await counts();
    const res = await callers[who].gql(CREATE, { input: { kind: 'EMPLOYER', name: `Written by ${who}`, country: 'KR' } });
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it.each([['officer'], ['admin']] as const)('%s may change the program', async (who) => {
    const res = await callers[who].gql(CREATE, { input: { kind: 'EMPLOYER', name: `Written by ${who}`, country: 'KR' } });
    expect(res.body.errors).toBeUndefined();
  });

  it('the seat and stage mutations are refused to a partner, even for its own candidates', async () => {
    const res = await callers.partnerA.gql('mutation($id: ID!) { advanceCandidate(id: $id, to: TESTING) { stage } }', { id: ids.c1 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reg = await callers.candidate.gql('mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }', { input: { profile: {} } });
    expect(reg.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// ------------------------------------------------------------------------------------------------

const CANDIDATE_IDS = '{ candidates(first: 100) { totalCount edges { node { id } } } }';
const idsOf = (data: any): string[] => data.candidates.edges.map((e: { node: { id: string } }) => e.node.id).sort();

describe('row scope', () => {
  it('a candidate sees their own record only', async () => {
    const list = await callers.candidate.gql(CANDIDATE_IDS);
    expect(idsOf(list.body.data)).toEqual([ids.c1]);
    const own = await callers.candidate.gql('query($id: ID!) { candidate(id: $id) { profile { nik declaredBirthDate medical { physicallyFit } } } }', { id: ids.c1 });
    expect(own.body.data?.candidate.profile).toEqual({ nik: nikFor(1), declaredBirthDate: '1999-01-15', medical: { physicallyFit: true } });
    // the id in the credential may be spelled in upper case
    const upper = t.as({ token: (await t.createKey({ roles: ['CANDIDATE'], candidateId: ids.c1.toUpperCase() })).token });
    expect(idsOf((await upper.gql(CANDIDATE_IDS)).body.data)).toEqual([ids.c1]);
  });

  it('a partner sees the candidates placed under its MoUs, and not another partner’s', async () => {
    const a = await callers.partnerA.gql(CANDIDATE_IDS);
    expect(idsOf(a.body.data)).toEqual([ids.c1, ids.c2].sort());
    expect(a.body.data?.candidates.totalCount).toBe(2);
    const b = await callers.partnerB.gql(CANDIDATE_IDS);
    expect(idsOf(b.body.data)).toEqual([ids.c3]);
    // B reads A's candidate: answered like an id that does not exist, so it learns nothing, not even that it exists
    const other = await callers.partnerB.gql('query($id: ID!) { candidate(id: $id) { id stage profile { nik } } }', { id: ids.c1 });
    expect(other.body).toEqual({ data: { candidate: null } });
    const none = await callers.partnerB.gql('query($id: ID!) { candidate(id: $id) { id stage profile { nik } } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(none.body).toEqual(other.body);
    const mine = await callers.partnerA.gql('query($id: ID!) { candidate(id: $id) { profile { nik medical { physicallyFit } } } }', { id: ids.c1 });
    expect(mine.body.data?.candidate.profile).toEqual({ nik: nikFor(1), medical: { physicallyFit: true } });
    // the ranking lists only the candidates a partner may see: none of the registered ones
    const ranked = await callers.partnerA.gql('query($id: ID!) { jobOpening(id: $id) { rankedCandidates { candidate { id } } } }', { id: ids.openingA });
    expect(ranked.body.data?.jobOpening.rankedCandidates).toEqual([]);
  });

  it('a partner that is also an analyst sees its own candidates in full and nothing of the others', async () => {
    const full = await callers.analystPartnerA.gql('query($id: ID!) { candidate(id: $id) { profile { nik medical { physicallyFit } } } }', { id: ids.c1 });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data?.candidate.profile.nik).toBe(nikFor(1));
    const other = await callers.analystPartnerA.gql('query($id: ID!) { candidate(id: $id) { id stage stageSince kecamatan sex profile { nik ageBand } } }', { id: ids.c3 });
    const missing = await callers.analystPartnerA.gql('query($id: ID!) { candidate(id: $id) { id stage stageSince kecamatan sex profile { nik ageBand } } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(other.body).toEqual({ data: { candidate: null } });
    expect(missing.body).toEqual(other.body);
    const list = await callers.analystPartnerA.gql(CANDIDATE_IDS);
    expect(idsOf(list.body.data)).toEqual([ids.c1, ids.c2].sort());
    expect(list.body.data?.candidates.totalCount).toBe(2);
  });

  it('an officer of another city holds no officer rights here', async () => {
    const res = await callers.officerElsewhere.gql('query($id: ID!) { candidate(id: $id) { id } }', { id: ids.c4 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an analyst cannot rebuild a suppressed aggregate cell from records (issue 8)', () => {
  const MISSING = '00000000-0000-4000-8000-000000000000';
  beforeAll(async () => {
    // candidateCounts is point-in-time (issue 12) and the protected view reads the last month end that
    // has passed: the candidates' histories are moved 400 days back so that they were registered then
    const db = await t.db();
    await db.query(`update candidate_stage_change set at = at - interval '400 days'`);
    await db.query(`update candidate set created_at = created_at - interval '400 days'`);
  });
  /** Nothing that identifies or counts a candidate: no id, no personal value, no count of any filter. */
  const leaksNothing = (body: unknown): void => {
    const text = JSON.stringify(body);
    for (const id of [ids.c1, ids.c2, ids.c3, ids.c4]) expect(text).not.toContain(id);
    for (const n of [1, 2, 3, 4]) for (const v of SECRET_VALUES(n)) expect(text).not.toContain(v);
    expect(text).not.toMatch(/"totalCount":\s*\d|"stageSince"|"ageBand"|"kecamatan"|"nik"/);
  };

  it('the protected counts suppress the small cells this data has (the target of the attacks below)', async () => {
    const res = await callers.analyst.gql('{ candidateCounts { total rows { stage kecamatan count suppressed } } }');
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!.candidateCounts.rows as Array<{ count: number | null; suppressed: boolean }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.suppressed && r.count === null)).toBe(true); // 4 candidates: every cell is under 5
    expect(res.body.data!.candidateCounts.total).toBeNull();
  });

  it.each([
    ['every candidate', '{ candidates { totalCount } }'],
    ['one stage (the lone REGISTERED candidate)', '{ candidates(filter: { stages: [REGISTERED] }) { totalCount } }'],
    ['one kecamatan', '{ candidates(filter: { kecamatans: [CIPOCOK_JAYA] }) { totalCount edges { node { id } } } }'],
    ['route and occupation', '{ candidates(filter: { routes: [E7_3], occupations: [WELDER] }) { totalCount } }'],
    ['stored eligibility', '{ candidates(filter: { eligibility: [ELIGIBLE] }) { totalCount } }'],
    ['the record dimensions', '{ candidates(first: 100) { edges { node { stage stageSince kecamatan sex targetOccupation profile { ageBand } } } } }'],
    ['a page past the end', '{ candidates(first: 1, after: "x") { pageInfo { hasNextPage } } }'],
  ])('the list is refused, pointing to the aggregates: %s', async (_what, query) => {
    const res = await callers.analyst.gql(query);
    expect(res.status).toBe(200);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    const err = res.body.errors![0]!;
    expect(err.extensions?.code).toBe('FORBIDDEN');
    expect(err.extensions?.details).toMatchObject({ reason: 'ANALYST_USE_AGGREGATES' });
    expect(err.extensions?.messages).toEqual({ id: expect.stringContaining('candidateCounts'), en: expect.stringContaining('candidateCounts') });
    leaksNothing(res.body);
  });

  it('the list is refused under fifteen aliases too (one request, no count)', async () => {
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: candidates(filter: { stages: [REGISTERED] }) { totalCount }`).join(' ')} }`;
    const res = await callers.analyst.gql(query);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    leaksNothing(res.body);
  });

  it('by id, every existing candidate answers exactly like a missing id, whatever is selected', async () => {
    const selection = `id stage stageSince kecamatan sex targetOccupation nikMasked eligibilityStatus
      profile { nik ageBand } history { to at } placements { status opening { id } } financingPlan { candidate { id } }`;
    const missing = await callers.analyst.gql(`query($id: ID!) { candidate(id: $id) { ${selection} } }`, { id: MISSING });
    expect(missing.body).toEqual({ data: { candidate: null } });
    for (const id of [ids.c1, ids.c2, ids.c3, ids.c4]) {
      const res = await callers.analyst.gql(`query($id: ID!) { candidate(id: $id) { ${selection} } }`, { id });
      expect(res.body).toEqual(missing.body);
    }
  });

  it('ranked lists and the records below an opening give nothing', async () => {
    for (const id of [ids.openingA, ids.openingB, ids.draftOpening]) {
      const res = await callers.analyst.gql(
        'query($id: ID!) { jobOpening(id: $id) { id rankedCandidates(first: 100) { rank candidate { id stage kecamatan profile { ageBand } placements { status } } } } }',
        { id },
      );
      expect(res.body.data?.jobOpening?.rankedCandidates ?? null).toBeNull();
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      leaksNothing(res.body);
    }
    // through the list of openings (within the cost limit: a ranking costs its whole pool)
    const list = await callers.analyst.gql('{ jobOpenings(first: 2) { edges { node { rankedCandidates(first: 5) { candidate { id } } } } } }');
    expect(list.body.errors?.length).toBeGreaterThan(0);
    expect([...new Set(list.body.errors?.map((e) => e.extensions?.code))]).toEqual(['FORBIDDEN']);
    leaksNothing(list.body);
    // through an MoU's openings: refused before execution (its cost), and never answered
    const viaMou = await callers.analyst.gql('query($id: ID!) { mou(id: $id) { openings { rankedCandidates(first: 1) { rank } } } }', { id: ids.mouA });
    expect(viaMou.body.data ?? null).toBeNull();
    leaksNothing(viaMou.body);
  });

  it('an analyst who is also a candidate sees their own record and nothing else', async () => {
    const both = t.as({ token: (await t.createKey({ roles: ['ANALYST', 'CANDIDATE'], candidateId: ids.c4, name: 'Analyst who registered' })).token });
    const list = await both.gql(CANDIDATE_IDS);
    expect(idsOf(list.body.data)).toEqual([ids.c4]);
    expect(list.body.data?.candidates.totalCount).toBe(1);
    const filtered = await both.gql('{ candidates(filter: { stages: [SELECTED, TRAINING] }) { totalCount } }');
    expect(filtered.body.data?.candidates.totalCount).toBe(0);
    const other = await both.gql('query($id: ID!) { candidate(id: $id) { id } }', { id: ids.c1 });
    expect(other.body).toEqual({ data: { candidate: null } });
  });

  it('an analyst who is also a partner: counts and rankings over its own candidates only', async () => {
    const stages = await callers.analystPartnerA.gql('{ candidates(filter: { stages: [SELECTED, TRAINING] }) { totalCount } }');
    expect(stages.body.data?.candidates.totalCount).toBe(2); // c1, c2 (MoU A); c3 (MoU B) is not counted
    const ranked = await callers.analystPartnerA.gql('query($id: ID!) { jobOpening(id: $id) { rankedCandidates { candidate { id } } } }', { id: ids.openingB });
    expect(ranked.body.data?.jobOpening.rankedCandidates).toEqual([]);
    // the aggregates stay the protected ones
    const counts = await callers.analystPartnerA.gql('{ candidateCounts { total } }');
    expect(counts.body.data?.candidateCounts.total).toBeNull();
  });
});

describe('the public vacancy board and program', () => {
  it('shows published openings only; staff see drafts', async () => {
    const board = await callers.anonymous.gql('{ jobOpenings { totalCount edges { node { id status } } } }');
    expect(board.body.data?.jobOpenings.edges.map((e: any) => e.node.status)).toEqual(['OPEN', 'OPEN']);
    const asked = await callers.anonymous.gql('{ jobOpenings(filter: { statuses: [DRAFT] }) { totalCount } }');
    expect(asked.body.data?.jobOpenings.totalCount).toBe(0);
    const one = await callers.anonymous.gql('query($id: ID!) { jobOpening(id: $id) { id } mou(id: "' + ids.mouA + '") { openings { id } } }', { id: ids.draftOpening });
    expect(one.body.data?.jobOpening).toBeNull();
    expect(one.body.data?.mou.openings.map((o: { id: string }) => o.id)).toEqual([ids.openingA]);
    const check = await callers.anonymous.gql('query($o: ID!) { eligibilityCheck(profile: {}, route: E7_3, asOf: "2026-01-15", openingId: $o) { occupation } }', { o: ids.draftOpening });
    expect(check.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const staff = await callers.partnerA.gql('{ jobOpenings { totalCount } }');
    expect(staff.body.data?.jobOpenings.totalCount).toBe(3);
  });

  it('records who acted from the credential, and shows it to staff', async () => {
    const res = await callers.officer.gql('query($id: ID!) { mou(id: $id) { history { to actor } } }', { id: ids.mouA });
    expect(res.body.data?.mou.history).toEqual([
      { to: 'DRAFT', actor: `apiKey:${officerKeyId}` },
      { to: 'EXPLORATION', actor: `apiKey:${officerKeyId}` },
      { to: 'SIGNED', actor: `apiKey:${officerKeyId}` },
    ]);
    const c = await callers.officer.gql('query($id: ID!) { candidate(id: $id) { history { actor note } } }', { id: ids.c1 });
    expect(c.body.data?.candidate.history.at(-1)).toEqual({ actor: `apiKey:${officerKeyId}`, note: 'Kelas bahasa Korea' });
  });
});
