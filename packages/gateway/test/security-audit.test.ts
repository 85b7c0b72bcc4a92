/**
 * The audit log over real HTTP on a real PostgreSQL (issue 5): every mutation of the schema writes one
 * row in its own transaction (who, what, when, which record, the request id, a redacted before/after);
 * the row rolls back with a mutation the database refuses; officers and admins read it; nothing in the
 * API (nor the database) can change it.
 */
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, nikFor, ok, registerCandidate } from './support/program';
import { cohortInput, koreanCourseInput, todayWib } from './support/training';

let t: TestGateway;
let officerKeyId: string;
let adminKeyId: string;
const startedAt = new Date();

beforeAll(async () => {
  t = await startTestGateway();
  officerKeyId = /^jmb_([0-9a-f]{16})_/.exec(t.keys.officer)![1]!;
  adminKeyId = /^jmb_([0-9a-f]{16})_/.exec(t.keys.admin)![1]!;
});
afterAll(async () => {
  await t?.close();
});

/** Run a mutation as the officer (or admin) with a request id naming it. */
async function run<T = any>(action: string, query: string, variables: Record<string, unknown>, who: 'officer' | 'admin' = 'officer'): Promise<T> {
  const res = await t.as(who).gql<T>(query, variables, { 'x-request-id': `audit-${action}` });
  if (res.body.errors?.length) throw new Error(`${action}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data as T;
}

interface AuditNode {
  id: string;
  at: string;
  actor: string;
  principalKind: string;
  roles: string[];
  keyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: any;
  after: any;
  requestId: string | null;
}

async function auditRows(): Promise<AuditNode[]> {
  const out: AuditNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await ok(
      t,
      `query($after: String) { auditLog(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id at actor principalKind roles keyId action entityType entityId before after requestId } } } }`,
      { after },
      'admin',
    );
    out.push(...page.auditLog.edges.map((e: { node: AuditNode }) => e.node));
    if (!page.auditLog.pageInfo.hasNextPage) return out;
    after = page.auditLog.pageInfo.endCursor;
  }
}

describe('every mutation is audited', () => {
  let rows: AuditNode[];
  const profile = eligibleWelderProfile(1, { documents: [{ kind: 'KTP', verified: true }, { kind: 'AK1_CARD', issuedOn: '2025-11-01', verified: true }] });

  beforeAll(async () => {
    const party = 'mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }';
    const cityId = (await run('createParty', party, { input: { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' } })).createParty.id;
    const apjatiId = (await ok(t, party, { input: { kind: 'ASSOCIATION', name: 'APJATI', country: 'ID' } })).createParty.id;
    const employerId = (await ok(t, party, { input: { kind: 'EMPLOYER', name: 'PT One Asia', country: 'KR' } })).createParty.id;
    const witnessId = (await ok(t, party, { input: { kind: 'NATIONAL_AGENCY', name: 'BP2MI', country: 'ID' } })).createParty.id;
    await run('updateParty', 'mutation($input: UpdatePartyInput!) { updateParty(input: $input) { id } }', { input: { id: apjatiId, shortName: 'APJATI' } });
    const mouId = (
      await run('createMou', 'mutation($input: CreateMouInput!) { createMou(input: $input) { id } }', {
        input: {
          title: { id: 'MoU Pemkot Serang – APJATI', en: 'MoU Serang City – APJATI' },
          parties: [
            { partyId: cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
            { partyId: apjatiId, role: 'PARTNER', isSignatory: true, signatoryName: 'Ketua Umum APJATI', signatoryTitle: 'Ketua Umum' },
          ],
          obligations: [{ partyId: cityId, text: { id: 'Menyiapkan calon pekerja', en: 'Prepare candidates' } }],
        },
      })
    ).createMou.id;
    await run('addMouParty', 'mutation($input: AddMouPartyInput!) { addMouParty(input: $input) { id } }', { input: { mouId, partyId: witnessId, role: 'WITNESS', isSignatory: false } });
    await run('addMouObligation', 'mutation($input: AddMouObligationInput!) { addMouObligation(input: $input) { id } }', {
      input: { mouId, partyId: apjatiId, text: { id: 'Memfasilitasi pelatihan', en: 'Facilitate training' } },
    });
    await run('setMouValidity', 'mutation($input: SetMouValidityInput!) { setMouValidity(input: $input) { id } }', { input: { mouId, validFrom: '2025-12-08', validUntil: '2028-12-07' } });
    await run('transitionMou', 'mutation($id: ID!) { transitionMou(id: $id, to: EXPLORATION) { id } }', { id: mouId });
    await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: SIGNED, signedOn: "2025-12-08") { id } }', { id: mouId });
    await run('setQuota', 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', { input: { mouId, occupation: 'WELDER', route: 'E7_3', seats: 10 } });
    const openingId = (
      await run('createJobOpening', 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
        input: { mouId, employerPartyId: employerId, occupation: 'WELDER', route: 'E7_3', seats: 5, wage: { basis: 'FIXED', monthlyKrw: '3400000' }, contractMonths: 24 },
      })
    ).createJobOpening.id;
    await run('updateJobOpening', 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }', {
      input: { id: openingId, attacheVerifiedOn: '2025-12-10', attacheReference: 'KBRI-SEOUL-001' },
    });
    await run('transitionJobOpening', 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { id } }', { id: openingId });
    const candidateId = (
      await run('registerCandidate', 'mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }', {
        input: { profile, targetRoute: 'E7_3', targetOccupation: 'WELDER' },
      })
    ).registerCandidate.id;
    await run('updateCandidateProfile', 'mutation($input: UpdateCandidateProfileInput!) { updateCandidateProfile(input: $input) { id } }', {
      input: { id: candidateId, profile: { ...profile, criminalRecord: { everImprisoned: false }, bpjsNumber: '12345678901' } },
    });
    await run('addCandidateDocument', 'mutation($input: AddCandidateDocumentInput!) { addCandidateDocument(input: $input) { id } }', {
      input: { candidateId, document: { kind: 'PASSPORT', issuedOn: '2025-09-01', expiresOn: '2030-09-01', verified: true, reference: 'C7654321' } },
    });
    await run('allocateSeat', 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { placement { id } } }', { c: candidateId, o: openingId });
    await run('setFinancingPlan', 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
      c: candidateId,
      input: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '10000000', tenorMonths: 12 }] },
    });
    await run('removeFinancingPlan', 'mutation($c: ID!) { removeFinancingPlan(candidateId: $c) { id } }', { c: candidateId });
    await run('advanceCandidate', 'mutation($id: ID!) { advanceCandidate(id: $id, to: TRAINING, note: "Kelas bahasa") { id } }', { id: candidateId });
    await run('releaseSeat', 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "Pindah kerja") { id } }', { c: candidateId });
    // training (issue 10): a provider's course and cohort, from enrolment to an official result
    const providerId = (await ok(t, party, { input: { kind: 'TRAINING_PROVIDER', name: 'BBPVP Serang', country: 'ID' } })).createParty.id;
    const courseId = (await run('createCourse', 'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', { input: koreanCourseInput(providerId) })).createCourse.id;
    const today = todayWib();
    const cohortId = (await run('createTrainingCohort', 'mutation($input: CreateTrainingCohortInput!) { createTrainingCohort(input: $input) { id } }', { input: cohortInput(courseId, today) }))
      .createTrainingCohort.id;
    await run('transitionTrainingCohort', 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: ENROLLING) { id } }', { id: cohortId });
    const trainee = await registerCandidate(t, eligibleWelderProfile(2));
    const leaver = await registerCandidate(t, eligibleWelderProfile(3));
    const enrol = 'mutation($k: ID!, $c: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }';
    await run('enrollCandidate', enrol, { k: cohortId, c: trainee });
    await ok(t, enrol, { k: cohortId, c: leaver });
    await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: RUNNING) { id } }', { id: cohortId });
    await run('recordAttendance', 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', {
      input: { cohortId, sessionNumber: 1, marks: [{ candidateId: trainee, mark: 'PRESENT' }, { candidateId: leaver, mark: 'EXCUSED' }] },
    });
    await run('recordAssessment', 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
      input: { cohortId, candidateId: trainee, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: today, score: 131 },
    });
    await run('withdrawEnrolment', 'mutation($k: ID!, $c: ID!) { withdrawEnrolment(cohortId: $k, candidateId: $c, reason: PERSONAL) { cohort { id } } }', { k: cohortId, c: leaver });
    await run('recordTestResult', 'mutation($input: RecordTestResultInput!) { recordTestResult(input: $input) { id } }', {
      input: { candidateId: trainee, test: 'EPS_TOPIK', takenOn: today, score: 160, round: '2026 manufacturing (Indonesia)' },
    });
    await run('setUpfrontCashLine', 'mutation($input: SetUpfrontCashLineInput!) { setUpfrontCashLine(input: $input) { id } }', {
      input: { amount: { amount: '7500000', currency: 'IDR' }, effectiveFrom: '2026-01-01', source: 'Keputusan Wali Kota (test)' },
    });
    const created = await run('createApiKey', 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey key { keyId } } }', { input: { name: 'Portal SSS', roles: ['OFFICER'] } }, 'admin');
    await run('revokeApiKey', 'mutation($k: String!) { revokeApiKey(keyId: $k) { keyId } }', { k: created.createApiKey.key.keyId }, 'admin');
    rows = await auditRows();
  });

  it('one row per mutation of the schema, with who, when, which record and the request', async () => {
    const schema = await (await import('../src/graphql/schema')).buildGatewaySchema();
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    // the training mutations (issue 10) are in the walk
    expect(mutations).toEqual(expect.arrayContaining(['createCourse', 'createTrainingCohort', 'transitionTrainingCohort', 'enrollCandidate', 'withdrawEnrolment', 'recordAttendance', 'recordAssessment', 'recordTestResult']));
    const audited = new Set(rows.map((r) => r.action));
    expect(mutations.filter((m) => !audited.has(m))).toEqual([]);
    for (const m of mutations) {
      const row = rows.find((r) => r.requestId === `audit-${m}`);
      expect([m, row]).toEqual([
        m,
        expect.objectContaining({
          action: m,
          actor: `apiKey:${['createApiKey', 'revokeApiKey'].includes(m) ? adminKeyId : officerKeyId}`,
          principalKind: 'apiKey',
          entityType: expect.stringMatching(/^[A-Z][A-Za-z]+$/),
          entityId: expect.stringMatching(/^[0-9a-f-]{16,36}$/),
        }),
      ]);
      expect(Date.parse(row!.at)).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
      expect(Date.parse(row!.at)).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('keeps a before and an after, with personal values redacted (changes marked, values never stored)', () => {
    const registered = rows.find((r) => r.requestId === 'audit-registerCandidate')!;
    expect(registered.before).toBeNull();
    expect(registered.after.profile).toMatchObject({ nik: '[REDACTED]', declaredBirthDate: '[REDACTED]', education: 'SLTA' });
    const updated = rows.find((r) => r.action === 'updateCandidateProfile')!;
    expect(updated.before.profile.nik).toBe('[REDACTED]');
    expect(updated.after.profile).toMatchObject({ nik: '[REDACTED]', criminalRecord: '[REDACTED:CHANGED]', bpjsNumber: '[REDACTED:CHANGED]' });
    const doc = rows.find((r) => r.action === 'addCandidateDocument')!;
    expect(doc.after.profile.documents.at(-1)).toMatchObject({ kind: 'PASSPORT', reference: '[REDACTED:CHANGED]' });
    const transition = rows.find((r) => r.requestId === 'audit-transitionMou')!;
    expect([transition.before.status, transition.after.status]).toEqual(['DRAFT', 'EXPLORATION']);
    // a training change records the cohort's state, never the member's profile; an official result redacts it like any profile change
    const attendance = rows.find((r) => r.requestId === 'audit-recordAttendance')!;
    expect(attendance).toMatchObject({ entityType: 'TrainingCohort', before: expect.any(Object), after: expect.any(Object) });
    const result = rows.find((r) => r.requestId === 'audit-recordTestResult')!;
    expect(result).toMatchObject({ entityType: 'Candidate', after: { profile: { nik: '[REDACTED]' } } });
    const text = JSON.stringify(rows);
    for (const secret of [nikFor(1), nikFor(2), nikFor(3), '1999-01-15', 'C7654321', '12345678901']) expect(text).not.toContain(secret);
  });

  it('can be filtered by record and paged', async () => {
    const registered = rows.find((r) => r.requestId === 'audit-registerCandidate')!;
    const data = await ok(t, 'query($id: String!) { auditLog(first: 2, filter: { entityType: "Candidate", entityId: $id }) { totalCount edges { node { action } } pageInfo { hasNextPage } } }', { id: registered.entityId }, 'officer');
    expect(data.auditLog.totalCount).toBe(6); // register, update, document, allocate, advance, release
    expect(data.auditLog.edges).toHaveLength(2);
    expect(data.auditLog.pageInfo.hasNextPage).toBe(true);
  });
});

describe('the audit row shares the mutation’s transaction', () => {
  it('rolls back with a mutation the database refuses after the row was written', async () => {
    const db = await t.db();
    // a rule only the database knows: the domain accepts the party, PostgreSQL refuses the insert
    await db.query(`alter table party add constraint test_refuse_name check (name <> 'Ditolak basis data')`);
    try {
      const count = async () => (await db.query('select (select count(*) from audit_log)::int as a, (select count(*) from party)::int as p')).rows[0];
      const before = await count();
      t.resetSql();
      const res = await t.as('officer').gql('mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }', { input: { kind: 'EMPLOYER', name: 'Ditolak basis data', country: 'KR' } });
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { constraint: 'test_refuse_name' } });
      // the audit row was written first, in the same transaction, then the change failed: both are gone
      const statements = t.sql.statements.map((s) => s.replace(/\s+/g, ' '));
      const auditInsert = statements.findIndex((s) => /insert into "audit_log"/.test(s));
      const partyInsert = statements.findIndex((s) => /insert into "party"/.test(s));
      expect(auditInsert).toBeGreaterThanOrEqual(0);
      expect(partyInsert).toBeGreaterThan(auditInsert);
      expect(await count()).toEqual(before);
    } finally {
      await db.query('alter table party drop constraint test_refuse_name');
    }
  });

  it('is not written for a mutation the domain refuses', async () => {
    const db = await t.db();
    const before = (await db.query('select count(*)::int as n from audit_log')).rows[0].n;
    const res = await t.as('officer').gql('mutation { transitionMou(id: "00000000-0000-4000-8000-000000000000", to: SIGNED) { id } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await db.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before);
  });
});

describe('it cannot be edited', () => {
  it('the API has no mutation for it, and the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const res = await t.as('admin').gql('mutation { deleteAuditLog(id: "1") }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const db = await t.db();
    for (const sql of ['update audit_log set actor = $1', 'delete from audit_log where actor <> $1', 'truncate audit_log']) {
      const params = sql.includes('$1') ? ['x'] : [];
      await expect(db.query(sql, params)).rejects.toThrow(/append-only/);
    }
  });
});
