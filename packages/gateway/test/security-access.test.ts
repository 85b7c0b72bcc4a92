/**
 * Access control over real HTTP on a real PostgreSQL (issue 5): each role against each kind of data,
 * allowed and refused (UNAUTHENTICATED for anonymous callers, FORBIDDEN for signed-in ones) with no
 * data in the refusal; the analyst's masked view; partners limited to the candidates placed under
 * their MoUs; candidates limited to their own record; the public vacancy board.
 */
import { ageBandOf } from '../src/security/masking';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { createParty, eligibleWelderProfile, nikFor, ok, openOpening, registerCandidate, type Program } from './support/program';

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
  const created = await ok<{ createMou: { id: string } }>(t, 'mutation($input: CreateMouInput!) { createMou(input: $input) { id } }', {
    input: {
      title: { id: title, en: title },
      validFrom: '2025-12-08',
      parties: [
        { partyId: cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
        { partyId: p3miId, role: 'PARTNER', isSignatory: true, signatoryName: 'Direktur', signatoryTitle: 'Direktur Utama' },
      ],
      obligations: [
        { partyId: cityId, text: { id: 'Menyiapkan calon pekerja', en: 'Prepare candidates' } },
        { partyId: p3miId, text: { id: 'Menempatkan pekerja', en: 'Place the workers' } },
      ],
    },
  });
  const mouId = created.createMou.id;
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: EXPLORATION) { status } }', { id: mouId });
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: SIGNED, signedOn: "2025-12-08") { status } }', { id: mouId });
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
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

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
  { name: 'parameters', query: () => '{ parameters(asOf: "2026-01-15") { id value } }', expect: everyone('ok') },
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
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'ok', analyst: 'ok', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'one candidate (the first, placed under MoU A)',
    query: () => 'query($id: ID!) { candidate(id: $id) { id stage profile { nik } } }',
    variables: () => ({ id: ids.c1 }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'FORBIDDEN', analyst: 'ok', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'health data of that candidate',
    query: () => 'query($id: ID!) { candidate(id: $id) { profile { medical { physicallyFit conditions { HIV } } criminalRecord { everImprisoned } } } }',
    variables: () => ({ id: ids.c1 }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'ok', partnerA: 'ok', partnerB: 'FORBIDDEN', analyst: 'FORBIDDEN', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  {
    name: 'candidates ranked for an opening',
    query: () => 'query($id: ID!) { jobOpening(id: $id) { rankedCandidates { rank candidate { id } } } }',
    variables: () => ({ id: ids.openingA }),
    expect: { anonymous: 'UNAUTHENTICATED', candidate: 'FORBIDDEN', partnerA: 'ok', partnerB: 'ok', analyst: 'ok', analystPartnerA: 'ok', officer: 'ok', officerElsewhere: 'FORBIDDEN', admin: 'ok' },
  },
  ...['{ candidateCounts(asOf: "2026-11-01") { total } }', '{ stageDurations { stage periods } }', '{ placementCosts { placements total { amount } } }'].map(
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

  it('a partner sees the candidates placed under its MoUs, and is refused another partner’s', async () => {
    const a = await callers.partnerA.gql(CANDIDATE_IDS);
    expect(idsOf(a.body.data)).toEqual([ids.c1, ids.c2].sort());
    expect(a.body.data?.candidates.totalCount).toBe(2);
    const b = await callers.partnerB.gql(CANDIDATE_IDS);
    expect(idsOf(b.body.data)).toEqual([ids.c3]);
    // B reads A's candidate: refused, and the refusal says nothing about it
    const other = await callers.partnerB.gql('query($id: ID!) { candidate(id: $id) { id stage profile { nik } } }', { id: ids.c1 });
    expect(other.body).toEqual({
      data: { candidate: null },
      errors: [expect.objectContaining({ path: ['candidate'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
    });
    const mine = await callers.partnerA.gql('query($id: ID!) { candidate(id: $id) { profile { nik medical { physicallyFit } } } }', { id: ids.c1 });
    expect(mine.body.data?.candidate.profile).toEqual({ nik: nikFor(1), medical: { physicallyFit: true } });
    // the ranking lists only the candidates a partner may see: none of the registered ones
    const ranked = await callers.partnerA.gql('query($id: ID!) { jobOpening(id: $id) { rankedCandidates { candidate { id } } } }', { id: ids.openingA });
    expect(ranked.body.data?.jobOpening.rankedCandidates).toEqual([]);
  });

  it('a partner that is also an analyst sees its own candidates in full and the others masked', async () => {
    const full = await callers.analystPartnerA.gql('query($id: ID!) { candidate(id: $id) { profile { nik medical { physicallyFit } } } }', { id: ids.c1 });
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data?.candidate.profile.nik).toBe(nikFor(1));
    const masked = await callers.analystPartnerA.gql('query($id: ID!) { candidate(id: $id) { profile { nik medical { physicallyFit } } } }', { id: ids.c3 });
    expect(masked.body.data?.candidate.profile).toEqual({ nik: '3673********0003', medical: null });
    expect(masked.body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', ['candidate', 'profile', 'medical']]]);
  });

  it('an officer of another city holds no officer rights here', async () => {
    const res = await callers.officerElsewhere.gql('query($id: ID!) { candidate(id: $id) { id } }', { id: ids.c4 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the analyst view (masked)', () => {
  const FIELDS = `id nikMasked externalRefs { system reference }
    profile { nik ageBand bpjsNumber declaredSex education address { kecamatan city } familyConsent { givenBy acknowledgedByVillageHead }
      documents { kind verified } topikResults { score } }
    history { to at } placements { status }`;

  it('NIK as 3673********0001, an age band for the birth date, BPJS and references to 4 characters, no health or criminal documents', async () => {
    const res = await callers.analyst.gql(`query($id: ID!) { candidate(id: $id) { ${FIELDS} } }`, { id: ids.c1 });
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.candidate;
    expect(c.profile.nik).toBe('3673********0001');
    expect(c.profile.ageBand).toBe(ageBandOf('1999-01-15', new Date().toISOString().slice(0, 10)));
    expect(c.profile.ageBand).toMatch(/^AGE_/);
    expect(c.profile.bpjsNumber).toBe('*******8901');
    expect(c.externalRefs).toEqual([{ system: 'SISKOP2MI', reference: '********0123' }]);
    expect(c.profile.documents.map((d: { kind: string }) => d.kind)).toEqual(['KTP', 'AK1_CARD', 'PASSPORT']);
    expect(c.profile.address).toEqual({ kecamatan: 'Cipocok Jaya', city: 'Kota Serang' });
    expect(c.history.map((h: { to: string }) => h.to)).toEqual(['REGISTERED', 'SELECTED', 'TRAINING']);
    const text = JSON.stringify(res.body);
    for (const v of SECRET_VALUES(1)) expect(text).not.toContain(v);
  });

  it.each([
    ['birth date', 'profile { declaredBirthDate }', ['candidate', 'profile', 'declaredBirthDate']],
    ['health', 'profile { medical { physicallyFit } }', ['candidate', 'profile', 'medical']],
    ['criminal record', 'profile { criminalRecord { everImprisoned } }', ['candidate', 'profile', 'criminalRecord']],
    ['document numbers', 'profile { documents { reference } }', ['candidate', 'profile', 'documents', 0, 'reference']],
    ['kelurahan', 'profile { address { kelurahan } }', ['candidate', 'profile', 'address', 'kelurahan']],
    ['consent date', 'profile { familyConsent { givenOn } }', ['candidate', 'profile', 'familyConsent', 'givenOn']],
    ['stage notes', 'history { note }', ['candidate', 'history', 0, 'note']],
    ['per-rule eligibility', 'eligibility { verdict { selection } }', ['candidate', 'eligibility']],
  ])('refuses the %s (FORBIDDEN, null)', async (_what, selection, path) => {
    const res = await callers.analyst.gql(`query($id: ID!) { candidate(id: $id) { id ${selection} } }`, { id: ids.c1 });
    expect(res.body.errors?.[0]).toMatchObject({ path, extensions: { code: 'FORBIDDEN' } });
    const text = JSON.stringify(res.body);
    for (const v of SECRET_VALUES(1)) expect(text).not.toContain(v);
    expect(text).not.toContain('Kelas bahasa Korea');
  });

  it('lists every candidate, masked, with the list filters', async () => {
    const res = await callers.analyst.gql('{ candidates(first: 100, filter: { stages: [SELECTED, TRAINING] }) { totalCount edges { node { profile { nik } } } } }');
    expect(res.body.data?.candidates.totalCount).toBe(3);
    expect(res.body.data?.candidates.edges.map((e: any) => e.node.profile.nik).sort()).toEqual(['3673********0001', '3673********0002', '3673********0003']);
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
