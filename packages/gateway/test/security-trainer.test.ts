/**
 * The TRAINER role (issue 10) over real HTTP on a real PostgreSQL: staff of a training provider, scoped
 * to that provider's cohorts by the principal's `partyIds`. A trainer of provider A reads the rosters of
 * A's cohorts (members, attendance, the practice scores recorded there) and records attendance and
 * assessments in them; provider B's cohorts are refused on every path, nested ones included, and a
 * write into one answers exactly like a write into a cohort that does not exist (and writes nothing).
 * No candidate record is within a trainer's reach: no health, criminal record, financing, NIK or
 * document, whatever the id. The course and cohort catalogue stays public, for them as for anybody.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema';
import { typeGraphqlRuleLookup } from '../src/security/schema-access-audit';
import { PERSONAL_TYPES } from '../src/security/rules';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { recordAssessment } from '../src/use-cases/record-assessment.use-case';
import { transitionTrainingCohort } from '../src/use-cases/transition-training-cohort.use-case';
import { withdrawEnrolment } from '../src/use-cases/withdraw-enrolment.use-case';
import { startTestGateway, type TestCaller, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const clock = movableClock('2026-03-02');
let t: TestGateway;
let db: Client;
let trainerA: TestCaller;
let trainerKeyId: string;
let strayTrainer: TestCaller;
let openingId: string;
/** Provider A's running cohort (members a1 and `shared`), provider B's (member b1; `shared` left it). */
const ids = {} as { providerA: string; providerB: string; courseA: string; cohortA: string; cohortB: string; a1: string; b1: string; shared: string };

const deps = () => useCaseDeps(t, clock);

beforeAll(async () => {
  t = await startTestGateway({ clock });
  db = await t.db();
  ids.providerA = await trainingProvider(t, 'LPK Maju Serang');
  ids.providerB = await trainingProvider(t, 'BBPVP Serang');
  ids.courseA = await koreanCourse(t, clock, ids.providerA);
  const courseB = await koreanCourse(t, clock, ids.providerB);
  const program = await signedMou(t);
  openingId = await openOpening(t, program, 5);
  // health, criminal record and a financing plan on the shared trainee: none of it may reach a trainer
  ids.shared = await registerCandidate(t, eligibleWelderProfile(701, { criminalRecord: { everImprisoned: false } }));
  ids.a1 = await registerCandidate(t, eligibleWelderProfile(702));
  ids.b1 = await registerCandidate(t, eligibleWelderProfile(703));
  await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { id } } }', { c: ids.shared, o: openingId });
  await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: ids.shared,
    input: { asOf: '2026-03-02', facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '10000000', tenorMonths: 12 }] },
  });

  // provider B: `shared` sits a practice test there, then leaves; b1 stays
  ids.cohortB = await cohort(t, clock, courseB, { capacity: 10 });
  for (const c of [ids.shared, ids.b1]) await enrollCandidate({ cohortId: ids.cohortB, candidateId: c, note: null }, deps());
  await transitionTrainingCohort({ id: ids.cohortB, to: 'RUNNING', note: null }, deps());
  for (const [c, score] of [[ids.shared, 151], [ids.b1, 152]] as const) {
    await recordAssessment({ cohortId: ids.cohortB, candidateId: c, assessment: { kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-02', score } }, deps());
  }
  await withdrawEnrolment({ cohortId: ids.cohortB, candidateId: ids.shared, reason: 'PERSONAL', note: null }, deps());
  // provider A
  ids.cohortA = await cohort(t, clock, ids.courseA, { capacity: 10 });
  for (const c of [ids.shared, ids.a1]) await enrollCandidate({ cohortId: ids.cohortA, candidateId: c, note: null }, deps());
  await transitionTrainingCohort({ id: ids.cohortA, to: 'RUNNING', note: null }, deps());

  const made = await t.createKey({ roles: ['TRAINER'], partyIds: [ids.providerA], name: 'LPK Maju Serang app' });
  trainerA = t.as(made);
  trainerKeyId = made.keyId;
  // a trainer key whose parties are no training provider of any cohort (a P3MI id)
  strayTrainer = t.as(await t.createKey({ roles: ['TRAINER'], partyIds: [program.apjatiId], name: 'not a provider' }));
});
afterAll(async () => {
  await t?.close();
});

const ROSTER = `enrolments { candidateId sequence status seatedAt reason waitlistPosition
  attendance { sessions present attended meetsRule } practiceScores { cohortId test score } cohort { id } }`;

const TABLES = ['training_cohort', 'training_session', 'training_attendance_mark', 'training_enrolment', 'training_practice_score', 'training_final_assessment', 'candidate', 'audit_log'];
async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) out[table] = (await db.query(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h, count(*)::int as n from ${table} x`)).rows[0];
  return out;
}

const codes = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('credentials', () => {
  it('an API key carries TRAINER with its providers; without a party id it is refused', async () => {
    const refused = await t.as('admin').gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey } }', { i: { name: 'LPK', roles: ['TRAINER'] } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'partyIds'] });
    const made = await t.as('admin').gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey key { roles partyIds } } }', {
      i: { name: 'LPK Maju', roles: ['TRAINER'], partyIds: [ids.providerA] },
    });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data).toMatchObject({ createApiKey: { key: { roles: ['TRAINER'], partyIds: [ids.providerA] } } });
    const viaGraphql = t.as({ token: (made.body.data as { createApiKey: { apiKey: string } }).createApiKey.apiKey });
    const roster = await viaGraphql.gql('query($k: ID!) { trainingCohort(id: $k) { enrolments { candidateId } } }', { k: ids.cohortA });
    expect(roster.body.errors).toBeUndefined();
  });
});

describe('reads', () => {
  it('the catalogue is public: a trainer lists every provider’s courses and cohorts, as an anonymous caller does', async () => {
    const doc = '{ trainingCohorts(first: 50) { totalCount edges { node { id seatsTaken } } } courses(first: 50) { totalCount } }';
    const asTrainer = await trainerA.gql(doc);
    expect(asTrainer.body.errors).toBeUndefined();
    expect(asTrainer.body.data).toEqual((await t.gql(doc)).body.data);
    const cohortIds = (asTrainer.body.data as { trainingCohorts: { edges: Array<{ node: { id: string } }> } }).trainingCohorts.edges.map((e) => e.node.id);
    expect(cohortIds).toEqual(expect.arrayContaining([ids.cohortA, ids.cohortB]));
  });

  it('reads the roster of its provider’s cohort: members, attendance and the scores recorded there only', async () => {
    await t.as('officer').gql('mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }', {
      i: { cohortId: ids.cohortA, candidateId: ids.shared, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-02', score: 120 },
    });
    const res = await trainerA.gql(`query($k: ID!) { trainingCohort(id: $k) { id ${ROSTER} } }`, { k: ids.cohortA });
    expect(res.body.errors).toBeUndefined();
    const roster = (res.body.data as { trainingCohort: { enrolments: Array<{ candidateId: string; practiceScores: Array<{ cohortId: string; score: number }>; cohort: { id: string } }> } }).trainingCohort.enrolments;
    expect(roster.map((e) => e.candidateId).sort()).toEqual([ids.a1, ids.shared].sort());
    const shared = roster.find((e) => e.candidateId === ids.shared)!;
    // the score `shared` got at provider B is not on provider A's roster
    expect(shared.practiceScores).toEqual([{ cohortId: ids.cohortA, test: 'EPS_TOPIK', score: 120 }]);
    expect(roster.every((e) => e.cohort.id === ids.cohortA)).toBe(true);
    const text = JSON.stringify(res.body);
    // the scores as JSON values: a bare '152' also matches inside a random UUID (a CI run found one)
    for (const hidden of [ids.b1, ids.cohortB, '"score":151', '"score":152']) expect(text).not.toContain(hidden);
    // an officer sees both of the shared trainee's scores on the candidate
    const officer = await ok(t, 'query($c: ID!) { candidate(id: $c) { training { practiceScores { score } } } }', { c: ids.shared });
    expect(officer.candidate.training.practiceScores.map((s: { score: number }) => s.score).sort()).toEqual([120, 151]);
  });

  it('another provider’s roster is refused on every path: by id, in the list, below an enrolment, below a mutation result', async () => {
    const byId = await trainerA.gql(`query($k: ID!) { trainingCohort(id: $k) { id ${ROSTER} } }`, { k: ids.cohortB });
    expect(codes(byId.body)).toEqual(['FORBIDDEN']);
    expect(byId.body.data).toEqual({ trainingCohort: null });

    const list = await trainerA.gql('{ trainingCohorts(first: 50) { edges { node { id enrolments { candidateId practiceScores { score } } } } } }');
    expect(codes(list.body)).toEqual(['FORBIDDEN']);
    expect(list.body.errors?.[0]?.path).toEqual(['trainingCohorts', 'edges', expect.any(Number), 'node', 'enrolments']);

    // own roster → an enrolment → its cohort → the roster again: the same cohort, in scope
    const nested = await trainerA.gql('query($k: ID!) { trainingCohort(id: $k) { enrolments { cohort { id enrolments { candidateId } } } } }', { k: ids.cohortA });
    expect(nested.body.errors).toBeUndefined();

    for (const res of [byId, list]) {
      const text = JSON.stringify(res.body);
      for (const hidden of [ids.b1, '"score":151', '"score":152']) expect(text).not.toContain(hidden);
    }
    // a trainer key whose parties provide no cohort sees no roster at all
    const stray = await strayTrainer.gql(`query($k: ID!) { trainingCohort(id: $k) { ${ROSTER} } }`, { k: ids.cohortA });
    expect(codes(stray.body)).toEqual(['FORBIDDEN']);
  });

  it('no candidate record: not by id (the same answer for a trainee, another provider’s trainee and a missing id), not in a list, not ranked', async () => {
    const doc = `query($c: ID!) { candidate(id: $c) { id nikMasked profile { nik medical { physicallyFit conditions { HIV } } criminalRecord { everImprisoned } documents { reference } }
      financingPlan { id } placements { status } training { practiceScores { score } enrolments { cohortId } } } }`;
    const answers = [];
    for (const c of [ids.shared, ids.b1, randomUUID()]) {
      const res = await trainerA.gql(doc, { c }, { 'x-request-id': 'trainer-candidate-probe' });
      expect(codes(res.body)).toEqual(['FORBIDDEN']);
      answers.push(res.body);
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    for (const [doc2, vars] of [
      ['{ candidates { totalCount edges { node { id } } } }', {}],
      ['query($o: ID!) { jobOpening(id: $o) { rankedCandidates { candidate { id } } } }', { o: openingId }],
      ['{ financingTotals { disclosure { suppressedCells } grants { amount } } }', {}],
      ['{ auditLog { totalCount } }', {}],
    ] as const) {
      const res = await trainerA.gql(doc2, vars);
      expect([doc2, codes(res.body)]).toEqual([doc2, ['FORBIDDEN']]);
      expect(JSON.stringify(res.body)).not.toContain(ids.shared);
    }
  });
});

describe('writes', () => {
  it('records attendance and assessments in its provider’s cohort, audited as the trainer', async () => {
    const att = await trainerA.gql('mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id enrolments { candidateId attendance { present } } } }', {
      i: { cohortId: ids.cohortA, sessionNumber: 1, marks: [{ candidateId: ids.shared, mark: 'PRESENT' }, { candidateId: ids.a1, mark: 'ABSENT' }] },
    });
    expect(att.body.errors).toBeUndefined();
    const members = (att.body.data as { recordAttendance: { enrolments: Array<{ candidateId: string; attendance: { present: number } }> } }).recordAttendance.enrolments;
    expect(Object.fromEntries(members.map((m) => [m.candidateId, m.attendance.present]))).toEqual({ [ids.shared]: 1, [ids.a1]: 0 });
    const score = await trainerA.gql('mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }', {
      i: { cohortId: ids.cohortA, candidateId: ids.a1, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-02', score: 99 },
    });
    expect(score.body.errors).toBeUndefined();
    const audit = (await db.query(`select action, actor, roles from audit_log where entity_id = $1 and actor = $2 order by id`, [ids.cohortA, `apiKey:${trainerKeyId}`])).rows;
    expect(audit).toEqual([
      { action: 'recordAttendance', actor: `apiKey:${trainerKeyId}`, roles: ['TRAINER'] },
      { action: 'recordAssessment', actor: `apiKey:${trainerKeyId}`, roles: ['TRAINER'] },
    ]);
  });

  it('a write into another provider’s cohort answers exactly like one into a missing cohort, and writes nothing', async () => {
    const writes: Array<[string, (cohortId: string) => Record<string, unknown>]> = [
      ['mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', (k) => ({ i: { cohortId: k, sessionNumber: 1, marks: [{ candidateId: ids.b1, mark: 'PRESENT' }] } })],
      [
        'mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }',
        (k) => ({ i: { cohortId: k, candidateId: ids.b1, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-02', score: 10 } }),
      ],
      ['mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }', (k) => ({ i: { cohortId: k, candidateId: ids.b1, kind: 'FINAL', passed: false, assessedOn: '2026-03-02' } })],
    ];
    const before = await snapshot();
    for (const [doc, vars] of writes) {
      for (const caller of [trainerA, strayTrainer]) {
        const missing = await caller.gql(doc, vars(randomUUID()), { 'x-request-id': 'trainer-write-probe' });
        const hidden = await caller.gql(doc, vars(ids.cohortB), { 'x-request-id': 'trainer-write-probe' });
        expect(codes(missing.body)).toEqual(['NOT_FOUND']);
        expect([hidden.status, hidden.body]).toEqual([missing.status, missing.body]);
      }
      // the stray trainer's own-looking cohort is no more theirs than B's
      const stray = await strayTrainer.gql(doc, vars(ids.cohortA));
      expect(codes(stray.body)).toEqual(['NOT_FOUND']);
    }
    // a candidate of another cohort, in its own cohort: the same answer as a candidate that does not exist
    const doc = 'mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }';
    const input = (c: string) => ({ i: { cohortId: ids.cohortA, candidateId: c, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: '2026-03-02', score: 10 } });
    const nobodyId = randomUUID();
    const other = await trainerA.gql(doc, input(ids.b1), { 'x-request-id': 'trainer-member-probe' });
    const nobody = await trainerA.gql(doc, input(nobodyId), { 'x-request-id': 'trainer-member-probe' });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(other.body).split(ids.b1).join('X')).toEqual(JSON.stringify(nobody.body).split(nobodyId).join('X'));
    expect(await snapshot()).toEqual(before);
  });

  it('every other training mutation stays with the officers, official results included', async () => {
    const before = await snapshot();
    const refused: Array<[string, Record<string, unknown>]> = [
      ['mutation($c: ID!, $k: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }', { c: ids.b1, k: ids.cohortA }],
      ['mutation($c: ID!, $k: ID!) { withdrawEnrolment(cohortId: $k, candidateId: $c, reason: PERSONAL) { cohort { id } } }', { c: ids.a1, k: ids.cohortA }],
      ['mutation($k: ID!) { transitionTrainingCohort(id: $k, to: CANCELLED, note: "x") { id } }', { k: ids.cohortA }],
      ['mutation($c: ID!) { recordTestResult(input: { candidateId: $c, test: EPS_TOPIK, takenOn: "2026-03-01", score: 150 }) { id } }', { c: ids.shared }],
      [
        'mutation($k: ID!) { createTrainingCohort(input: { courseId: $k, venue: { kind: LPK, name: "LPK", kecamatan: "Serang" }, capacity: 10, startDate: "2026-04-01", endDate: "2026-06-30", promotionWindowDays: 7 }) { id } }',
        { k: ids.courseA },
      ],
      [
        `mutation($p: ID!) { createCourse(input: { title: { id: "K", en: "K" }, kind: SAFETY, providerPartyId: $p, providerType: BBPVP, hours: 40, feeIdr: "0",
          attendanceRule: { requiredShare: "1", excused: COUNTS_AS_ABSENT, statedBy: "x" }, hasFinalAssessment: false }) { id } }`,
        { p: ids.providerA },
      ],
    ];
    for (const [doc, vars] of refused) {
      const res = await trainerA.gql(doc, vars);
      expect([doc.slice(0, 40), codes(res.body)]).toEqual([doc.slice(0, 40), ['FORBIDDEN']]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('the schema: what a trainer can reach', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });
  const rules = (type: string, field: string, f: GraphQLField<unknown, unknown>) => typeGraphqlRuleLookup(type, field, f);
  /** A rule a TRAINER passes: none (a plain field of a public type), PUBLIC, any signed-in caller, or one naming TRAINER. */
  const admits = (roles: readonly string[] | undefined) => roles === undefined || roles.length === 0 || roles.includes('PUBLIC') || roles.includes('TRAINER');
  /** The personal types a trainer may get (below a roster of their providers: the resolver checks the provider). */
  const TRAINEE_TYPES = ['TrainingEnrolment', 'TrainingAttendanceShare', 'TrainingPracticeScore'];

  it('reaches no candidate record type from any query or mutation a trainer may call', () => {
    const seen = new Set<string>();
    const visit = (typeName: string): void => {
      const type = schema.getType(typeName);
      if (seen.has(typeName) || !isObjectType(type)) return;
      seen.add(typeName);
      for (const [name, f] of Object.entries(type.getFields())) {
        if (admits(rules(typeName, name, f as GraphQLField<unknown, unknown>))) visit(getNamedType(f.type).name);
      }
    };
    visit('Query');
    visit('Mutation');
    expect(seen.has('TrainingEnrolment')).toBe(true);
    expect([...seen].filter((n) => PERSONAL_TYPES.includes(n) && !TRAINEE_TYPES.includes(n))).toEqual([]);
    for (const n of ['Candidate', 'CandidateProfileGql', 'MedicalRecordGql', 'CriminalRecordGql', 'FinancingPlan', 'CandidateTraining', 'AuditLogEntry']) expect(seen.has(n)).toBe(false);
  });

  it('no field of a candidate record names TRAINER, and the trainer’s mutations are the two recording ones', () => {
    const offending: string[] = [];
    for (const type of PERSONAL_TYPES.filter((n) => !TRAINEE_TYPES.includes(n))) {
      const tp = schema.getType(type);
      if (!isObjectType(tp)) continue;
      for (const [name, f] of Object.entries(tp.getFields())) if (rules(type, name, f as GraphQLField<unknown, unknown>)?.includes('TRAINER')) offending.push(`${type}.${name}`);
    }
    expect(offending).toEqual([]);
    const mutations = Object.entries(schema.getMutationType()!.getFields())
      .filter(([name, f]) => admits(rules('Mutation', name, f as GraphQLField<unknown, unknown>)))
      .map(([name]) => name)
      .sort();
    expect(mutations).toEqual(['recordAssessment', 'recordAttendance']);
  });
});

it('the provider parties are real training providers and the hidden cohort is real', async () => {
  const kinds = (await db.query('select id, kind from party where id = any($1)', [[ids.providerA, ids.providerB]])).rows;
  expect(kinds.map((r) => r.kind)).toEqual(['TRAINING_PROVIDER', 'TRAINING_PROVIDER']);
  const b = (await db.query('select provider_party_id from training_cohort where id = $1', [ids.cohortB])).rows[0];
  expect(b.provider_party_id).toBe(ids.providerB);
  expect((await ok(t, 'query($k: ID!) { trainingCohort(id: $k) { enrolments { candidateId } } }', { k: ids.cohortB })).trainingCohort.enrolments.length).toBe(2);
});
