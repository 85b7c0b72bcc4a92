/** Candidates: registration, bad input, stored eligibility, seats (incl. 50 concurrent calls), stages. */
import { fixedClock } from '../src/clock';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, nikFor, ok, openOpening, registerCandidate, signedMou, type Program } from './support/program';

/** The gateway's day (a fixed clock): seats allocated on it are costed with its parameters, whatever the calendar says. */
const TODAY = '2026-01-15';

let t: TestGateway;
let p: Program;
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  p = await signedMou(t);
});
afterAll(async () => {
  await t?.close();
});

const REGISTER = 'mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id stage nikMasked kecamatan sex eligibilityStatus targetRoute profile { nik education } } }';

async function counts(): Promise<Record<string, number>> {
  const db = await t.db();
  const out: Record<string, number> = {};
  for (const table of ['candidate', 'candidate_stage_change', 'seat_allocation', 'placement']) {
    out[table] = Number((await db.query(`select count(*) from ${table}`)).rows[0].count);
  }
  const q = await db.query('select coalesce(sum(allocated), 0) as a from quota');
  out.quotaAllocated = Number(q.rows[0].a);
  return out;
}

describe('registerCandidate', () => {
  it('registers with derived columns and a stored selection verdict', async () => {
    const res = await t.as('officer').gql(REGISTER, { input: { profile: eligibleWelderProfile(1), targetRoute: 'E7_3', targetOccupation: 'WELDER' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.registerCandidate).toMatchObject({
      stage: 'REGISTERED',
      nikMasked: '3673**********01',
      kecamatan: 'CIPOCOK_JAYA',
      sex: 'M',
      eligibilityStatus: 'ELIGIBLE',
      profile: { nik: nikFor(1), education: 'SLTA' },
    });
  });

  it('refuses an invalid NIK with NIK_INVALID and the field path, without the NIK, and writes nothing', async () => {
    const before = await counts();
    const res = await t.as('officer').gql(REGISTER, { input: { profile: eligibleWelderProfile(2, { nik: '3673019913990002' }) } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NIK_INVALID',
      field: ['input', 'profile', 'nik'],
      domainCode: expect.stringMatching(/^NIK\./),
      messages: { id: expect.any(String), en: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toContain('3673019913990002');
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate NIK with CONFLICT, and writes nothing', async () => {
    const before = await counts();
    const res = await t.as('officer').gql(REGISTER, { input: { profile: eligibleWelderProfile(1) } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: ['input', 'profile', 'nik'] });
    expect(JSON.stringify(res.body)).not.toContain(nikFor(1));
    expect(await counts()).toEqual(before);
  });

  it('backs NIK uniqueness with a database constraint', async () => {
    await registerCandidate(t, eligibleWelderProfile(3));
    const db = await t.db();
    const err = await db
      .query(`update candidate set nik = $1 where nik = $2`, [nikFor(1), nikFor(3)])
      .then(() => undefined, (e: { code?: string; constraint?: string }) => e);
    expect(err).toMatchObject({ code: '23505', constraint: 'candidate_nik_unique' });
  });
});

describe('seats', () => {
  let openingId: string;
  beforeAll(async () => {
    openingId = await openOpening(t, p, 10);
  });

  it('refuses a seat to an ineligible candidate with CANDIDATE_NOT_ELIGIBLE and leaves the database as it was', async () => {
    const id = await registerCandidate(t, eligibleWelderProfile(900, { koreaHistory: { deported: true, entryBanned: true, priorMonthsE9: 0, priorMonthsE10: 0 } }));
    const before = await counts();
    const res = await t.as('officer').gql('mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CANDIDATE_NOT_ELIGIBLE', domainCode: 'CANDIDATE.NOT_ELIGIBLE' });
    expect(await counts()).toEqual(before);
  });

  it('50 concurrent allocateSeat calls at a 10-seat opening: exactly 10 succeed, 40 QUOTA_EXHAUSTED, 10 stored', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(await registerCandidate(t, eligibleWelderProfile(100 + i)));
    const results = await Promise.all(
      ids.map((c) => t.as('officer').gql('mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { id stage } placement { status } } }', { c, o: openingId })),
    );
    const succeeded = results.filter((r) => !r.body.errors && r.body.data);
    const codes = results.filter((r) => r.body.errors).map((r) => r.body.errors![0]!.extensions!.code);
    expect(succeeded).toHaveLength(10);
    expect(codes).toEqual(Array(40).fill('QUOTA_EXHAUSTED'));
    const db = await t.db();
    const stored = await db.query('select count(*) from seat_allocation where opening_id = $1', [openingId]);
    expect(Number(stored.rows[0].count)).toBe(10);
    const opening = await ok(t, 'query($id: ID!) { jobOpening(id: $id) { allocated seatsLeft quota { allocated } } }', { id: openingId });
    expect(opening.jobOpening).toEqual({ allocated: 10, seatsLeft: 0, quota: { allocated: 10 } });
    const selected = await ok(t, '{ candidates(filter: { stages: [SELECTED] }) { totalCount } }');
    expect(selected.candidates.totalCount).toBe(10);
  });

  it('releaseSeat gives the seat back and cancels the placement', async () => {
    const selected = await ok(t, '{ candidates(first: 1, filter: { stages: [SELECTED] }) { edges { node { id } } } }');
    const id = selected.candidates.edges[0].node.id;
    const res = await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "moved to another job") { stage placements { status cancelledOn } } }', { c: id });
    expect(res.releaseSeat.stage).toBe('WITHDRAWN');
    expect(res.releaseSeat.placements[0].status).toBe('CANCELLED');
    const opening = await ok(t, 'query($id: ID!) { jobOpening(id: $id) { allocated } }', { id: openingId });
    expect(opening.jobOpening.allocated).toBe(9);
  });

  it('advances a selected candidate one stage and refuses a skipped stage', async () => {
    const selected = await ok(t, '{ candidates(first: 1, filter: { stages: [SELECTED] }) { edges { node { id } } } }');
    const id = selected.candidates.edges[0].node.id;
    const moved = await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: TRAINING) { stage history { to } } }', { id });
    expect(moved.advanceCandidate.stage).toBe('TRAINING');
    const skip = await t.as('officer').gql('mutation($id: ID!) { advanceCandidate(id: $id, to: VISA) { stage } }', { id });
    expect(skip.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'CANDIDATE.INVALID_TRANSITION' });
  });
});

describe('candidate queries', () => {
  it('filters by stage, kecamatan, occupation and stored eligibility', async () => {
    const data = await ok(t, `{
      a: candidates(filter: { kecamatans: [CIPOCOK_JAYA] }) { totalCount }
      b: candidates(filter: { kecamatans: [KASEMEN] }) { totalCount }
      c: candidates(filter: { occupations: [WELDER], eligibility: [INELIGIBLE] }) { totalCount }
      d: candidates(filter: { stages: [REGISTERED], eligibility: [ELIGIBLE] }) { totalCount }
    }`);
    expect(data.a.totalCount).toBeGreaterThan(40);
    expect(data.b.totalCount).toBe(0);
    expect(data.c.totalCount).toBe(1);
    expect(data.d.totalCount).toBeGreaterThan(0);
  });

  it('computes eligibility from stored data, and ranks candidates for an opening', async () => {
    const list = await ok(t, '{ candidates(first: 1) { edges { node { id } } } }');
    const id = list.candidates.edges[0].node.id;
    const c = await ok(t, 'query($id: ID!) { candidate(id: $id) { eligibility(asOf: "2026-01-05") { route verdict { selection } } } }', { id });
    expect(c.candidate.eligibility).toEqual({ route: 'E7_3', verdict: { selection: 'ELIGIBLE' } });
    const openings = await ok(t, '{ jobOpenings(first: 1) { edges { node { rankedCandidates(first: 3) { rank selection score { total } candidate { stage } } } } } }');
    const ranked = openings.jobOpenings.edges[0].node.rankedCandidates;
    expect(ranked.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked[0].selection).toBe('ELIGIBLE');
  });
});

describe('aggregates (SQL GROUP BY)', () => {
  it('quota fill by MoU × occupation × route', async () => {
    const data = await ok(t, 'query($id: ID!) { quotaFill(filter: { mouId: $id }) { seats allocated left rows { mou { id } occupation route seats allocated left } } }', { id: p.mouId });
    expect(data.quotaFill.rows).toEqual([{ mou: { id: p.mouId }, occupation: 'WELDER', route: 'E7_3', seats: 100, allocated: 9, left: 91 }]);
    expect(data.quotaFill).toMatchObject({ seats: 100, allocated: 9, left: 91 });
  });

  it('candidates by stage × kecamatan × occupation × sex × age band, with the list filters', async () => {
    const all = await ok(t, '{ candidates { totalCount } candidateCounts(asOf: "2026-01-15") { total rows { stage kecamatan occupation sex ageBand count } } }');
    expect(all.candidateCounts.total).toBe(all.candidates.totalCount);
    const selected = all.candidateCounts.rows.filter((r: { stage: string }) => r.stage === 'SELECTED');
    expect(selected).toEqual([{ stage: 'SELECTED', kecamatan: 'CIPOCOK_JAYA', occupation: 'WELDER', sex: 'M', ageBand: 'AGE_25_29', count: 8 }]);
    const filtered = await ok(t, '{ candidateCounts(asOf: "2026-01-15", filter: { stages: [WITHDRAWN] }) { total } }');
    expect(filtered.candidateCounts.total).toBe(1);
  });

  it('time spent in each stage', async () => {
    const data = await ok(t, '{ stageDurations { rows { stage periods ongoing averageDays maxDays } } }');
    const byStage = Object.fromEntries(data.stageDurations.rows.map((r: { stage: string }) => [r.stage, r]));
    const total = await ok(t, '{ candidates { totalCount } }');
    expect(byStage.REGISTERED.periods).toBe(total.candidates.totalCount);
    expect(byStage.SELECTED.periods).toBe(10);
    expect(byStage.WITHDRAWN).toMatchObject({ periods: 1, ongoing: 1 });
    expect(Number(byStage.REGISTERED.averageDays)).toBeGreaterThanOrEqual(0);
  });

  it('placement costs by payer add up to the estimates of the placements not cancelled', async () => {
    const { estimateCosts, parameterSnapshot } = await import('@jembatan/domain');
    const data = await ok(t, '{ placementCosts { placements total { amount currency } rows { payer total { amount } beforeDeparture { amount } inKorea { amount } placements } } }');
    expect(data.placementCosts.placements).toBe(9);
    const estimate = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24 }, parameterSnapshot(TODAY));
    expect(data.placementCosts.total).toEqual({ amount: String(9 * estimate.totals.total.amount), currency: 'IDR' });
    const sum = data.placementCosts.rows.reduce((n: number, r: { total: { amount: string } }) => n + Number(r.total.amount), 0);
    expect(sum).toBe(9 * estimate.totals.total.amount);
    for (const r of data.placementCosts.rows) {
      expect(Number(r.beforeDeparture.amount) + Number(r.inKorea.amount)).toBe(Number(r.total.amount));
      expect(String(9 * estimate.totals.byPayer[r.payer as 'WORKER'].amount)).toBe(r.total.amount);
    }
  });
});

describe('profile changes and stored evaluations', () => {
  it('updates the profile and adds a document, re-evaluating the stored verdict', async () => {
    const id = await registerCandidate(t, eligibleWelderProfile(700, { koreaHistory: undefined }));
    const before = await ok(t, 'query($id: ID!) { candidate(id: $id) { eligibilityStatus } }', { id });
    expect(before.candidate.eligibilityStatus).toBe('ACTION_NEEDED');
    const updated = await ok(t, 'mutation($input: UpdateCandidateProfileInput!) { updateCandidateProfile(input: $input) { eligibilityStatus profile { koreaHistory { deported } } } }', {
      input: { id, profile: eligibleWelderProfile(700) },
    });
    expect(updated.updateCandidateProfile).toEqual({ eligibilityStatus: 'ELIGIBLE', profile: { koreaHistory: { deported: false } } });
    const doc = await ok(t, 'mutation($input: AddCandidateDocumentInput!) { addCandidateDocument(input: $input) { profile { documents { kind expiresOn } } } }', {
      input: { candidateId: id, document: { kind: 'PASSPORT', issuedOn: '2025-09-01', expiresOn: '2030-09-01', verified: true } },
    });
    expect(doc.addCandidateDocument.profile.documents.map((d: { kind: string }) => d.kind)).toEqual(['KTP', 'AK1_CARD', 'PASSPORT']);
    const bad = await t.as('officer').gql('mutation($input: AddCandidateDocumentInput!) { addCandidateDocument(input: $input) { id } }', {
      input: { candidateId: id, document: { kind: 'PASSPORT', issuedOn: '2030-09-01', expiresOn: '2025-09-01' } },
    });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.extensions?.field?.slice(0, 2)).toEqual(['input', 'document']);
  });

  it('estimates a candidate’s costs from stored data and checks eligibility against a stored opening', async () => {
    const id = await registerCandidate(t, eligibleWelderProfile(701));
    const c = await ok(t, 'query($id: ID!) { candidate(id: $id) { costEstimate(contractMonths: 24) { route occupation contractMonths workerTotal { amount } } } }', { id });
    expect(c.candidate.costEstimate).toMatchObject({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24 });
    const openings = await ok(t, '{ jobOpenings(first: 1) { edges { node { id } } } }');
    const openingId = openings.jobOpenings.edges[0].node.id;
    const check = await ok(t, `query($o: ID!, $p: CandidateProfileInput!) { eligibilityCheck(profile: $p, route: E7_3, asOf: "2026-01-15", openingId: $o) { occupation verdict { selection } } }`, {
      o: openingId,
      p: eligibleWelderProfile(702),
    });
    expect(check.eligibilityCheck).toEqual({ occupation: 'WELDER', verdict: { selection: 'ELIGIBLE' } });
    const mismatch = await t.as('officer').gql(`query($o: ID!) { eligibilityCheck(profile: {}, route: E9, asOf: "2026-01-15", openingId: $o) { occupation } }`, { o: openingId });
    expect(mismatch.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['openingId'] });
  });
});
