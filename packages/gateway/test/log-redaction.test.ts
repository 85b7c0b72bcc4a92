/**
 * Issue 8 §2: no personal value a caller submits ever reaches the logs, whatever fails.
 *
 * The gateway logs at debug level (SQL statements included). Every mutation of the schema (walked
 * from the schema itself: a new mutation without a case fails this test) is sent with a valid input
 * carrying recognisable personal values (a NIK, a birth date, a medical note, a passport and a BPJS
 * number, a name), while PostgreSQL itself refuses the write: a trigger raises an error whose message,
 * DETAIL and HINT quote the whole row (the worst a database error can do), first on the audit log (the
 * first write of every mutation), then on every program table, with SQLSTATE P0001 (logged in full
 * as an unexpected error) and 23514 (mapped to BAD_USER_INPUT). Then real PostgreSQL refusals without
 * triggers (a duplicate NIK raced by concurrent registrations, over-long values), then every mutation
 * again with inputs generated from its argument types, every string a marker. Every log line is
 * captured; none may contain a submitted value. The test also proves that the failures were logged
 * (so it cannot pass by logging nothing).
 */
import { buildGatewaySchema } from '../src/graphql/schema';
import { redactError, scrubLogLine, scrubLogText } from '../src/security/log-redaction';
import { createLogger } from '../src/config/logger';
import { startTestGateway, type TestGateway } from './harness';
import { createParty, eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou, type Program } from './support/program';
import { cohortInput, koreanCourseInput, todayWib } from './support/training';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { Writable } from 'node:stream';

/** The personal values submitted; none may appear in any log line. */
const MARK = {
  nik: '3673015508950007', // a woman born 15 Aug 1995, Kota Serang
  birthDate: '1995-08-15',
  name: 'Kemala Sari Dewantari',
  medical: 'Hasil MCU Kemala: HIV reaktif',
  criminal: 'SKCK Kemala: pernah dipidana 2019',
  passport: 'C7654321',
  bpjs: '88812345678',
  externalRef: 'SISKOP2MI-KEMALA-77',
  signatory: 'Ibu Kemala Signatory',
};
const MARKERS = Object.values(MARK);
const NOTE = `${MARK.medical}; ${MARK.criminal}`;

function markedProfile(): Record<string, unknown> {
  return {
    ...eligibleWelderProfile(1),
    nik: MARK.nik,
    declaredBirthDate: MARK.birthDate,
    declaredSex: 'F',
    bpjsNumber: MARK.bpjs,
    medical: { examinedOn: '2025-11-01', physicallyFit: true, conditions: { HIV: true } },
    criminalRecord: { everImprisoned: true },
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'PASSPORT', reference: MARK.passport, issuedOn: '2025-01-02', expiresOn: '2030-01-02' },
    ],
  };
}

let t: TestGateway;
let p: Program;
let draftMouId: string;
let openingId: string;
let draftOpeningId: string;
let candA: string;
let candB: string;
let candC: string;
let revocableKeyId: string;
let schema: GraphQLSchema;
/** Training (issue 10): a provider's course, an ENROLLING cohort, a RUNNING one with members candD and candF, candE enrolled nowhere. */
const training = {} as { providerId: string; courseId: string; enrolling: string; running: string; candD: string; candE: string; candF: string; today: string };

interface Case {
  readonly who: 'officer' | 'admin';
  readonly query: string;
  readonly variables: () => Record<string, unknown>;
}

/** A valid call of each mutation (given the state built in beforeAll), carrying the personal values. */
const CASES: Record<string, Case> = {
  createParty: { who: 'officer', query: 'mutation($i: CreatePartyInput!) { createParty(input: $i) { id } }', variables: () => ({ i: { kind: 'EMPLOYER', name: MARK.name, country: 'KR', note: NOTE } }) },
  updateParty: { who: 'officer', query: 'mutation($i: UpdatePartyInput!) { updateParty(input: $i) { id } }', variables: () => ({ i: { id: p.employerId, name: MARK.name, note: NOTE } }) },
  createMou: { who: 'officer', query: 'mutation($i: CreateMouInput!) { createMou(input: $i) { id } }', variables: () => ({ i: { title: { id: MARK.name, en: MARK.name }, note: NOTE, validFrom: '2025-12-08' } }) },
  transitionMou: { who: 'officer', query: 'mutation($id: ID!, $n: String) { transitionMou(id: $id, to: EXPLORATION, note: $n) { status } }', variables: () => ({ id: draftMouId, n: NOTE }) },
  setMouValidity: { who: 'officer', query: 'mutation($i: SetMouValidityInput!) { setMouValidity(input: $i) { id } }', variables: () => ({ i: { mouId: draftMouId, validFrom: '2025-12-09', validUntil: '2030-12-31' } }) },
  addMouParty: {
    who: 'officer',
    query: 'mutation($i: AddMouPartyInput!) { addMouParty(input: $i) { id } }',
    variables: () => ({ i: { mouId: draftMouId, partyId: p.employerId, role: 'WITNESS', isSignatory: true, signatoryName: MARK.signatory, signatoryTitle: MARK.name } }),
  },
  addMouObligation: { who: 'officer', query: 'mutation($i: AddMouObligationInput!) { addMouObligation(input: $i) { id } }', variables: () => ({ i: { mouId: draftMouId, partyId: p.cityId, text: { id: NOTE, en: NOTE } } }) },
  setUpfrontCashLine: {
    who: 'officer',
    query: 'mutation($i: SetUpfrontCashLineInput!) { setUpfrontCashLine(input: $i) { id } }',
    variables: () => ({ i: { amount: { amount: '5000000', currency: 'IDR' }, effectiveFrom: '2026-01-01', source: NOTE } }),
  },
  setQuota: { who: 'officer', query: 'mutation($i: SetQuotaInput!) { setQuota(input: $i) { id } }', variables: () => ({ i: { mouId: p.mouId, occupation: 'WELDER', route: 'E7_3', seats: 150 } }) },
  createJobOpening: {
    who: 'officer',
    query: 'mutation($i: CreateJobOpeningInput!) { createJobOpening(input: $i) { id } }',
    variables: () => ({ i: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 3, wage: { basis: 'FIXED', monthlyKrw: '3000000' }, contractMonths: 24 } }),
  },
  updateJobOpening: { who: 'officer', query: 'mutation($i: UpdateJobOpeningInput!) { updateJobOpening(input: $i) { id } }', variables: () => ({ i: { id: draftOpeningId, attacheVerifiedOn: '2025-12-10', attacheReference: MARK.passport } }) },
  transitionJobOpening: { who: 'officer', query: 'mutation($id: ID!, $n: String) { transitionJobOpening(id: $id, to: CLOSED, note: $n) { status } }', variables: () => ({ id: openingId, n: NOTE }) },
  registerCandidate: {
    who: 'officer',
    query: 'mutation($i: RegisterCandidateInput!) { registerCandidate(input: $i) { id } }',
    variables: () => ({ i: { profile: markedProfile(), targetRoute: 'E7_3', targetOccupation: 'WELDER', note: NOTE, externalRefs: [{ system: 'SISKOP2MI', reference: MARK.externalRef }] } }),
  },
  updateCandidateProfile: { who: 'officer', query: 'mutation($i: UpdateCandidateProfileInput!) { updateCandidateProfile(input: $i) { id } }', variables: () => ({ i: { id: candA, profile: markedProfile() } }) },
  addCandidateDocument: {
    who: 'officer',
    query: 'mutation($i: AddCandidateDocumentInput!) { addCandidateDocument(input: $i) { id } }',
    variables: () => ({ i: { candidateId: candA, document: { kind: 'PASSPORT', reference: MARK.passport, issuedOn: '2025-01-02', expiresOn: '2030-01-02' } } }),
  },
  advanceCandidate: { who: 'officer', query: 'mutation($id: ID!, $n: String) { advanceCandidate(id: $id, to: WITHDRAWN, note: $n) { stage } }', variables: () => ({ id: candA, n: NOTE }) },
  allocateSeat: { who: 'officer', query: 'mutation($c: ID!, $o: ID!, $n: String) { allocateSeat(candidateId: $c, openingId: $o, note: $n) { candidate { id } } }', variables: () => ({ c: candA, o: openingId, n: NOTE }) },
  releaseSeat: { who: 'officer', query: 'mutation($c: ID!, $n: String!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: $n) { id } }', variables: () => ({ c: candB, n: NOTE }) },
  setFinancingPlan: {
    who: 'officer',
    query: 'mutation($c: ID!, $i: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $i) { id } }',
    variables: () => ({ c: candB, i: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '30000000', tenorMonths: 24, graceMonths: 6, graceInterest: 'CAPITALISED' }], note: NOTE } }),
  },
  removeFinancingPlan: { who: 'officer', query: 'mutation($c: ID!) { removeFinancingPlan(candidateId: $c) { id } }', variables: () => ({ c: candC }) },
  createCourse: {
    who: 'officer',
    query: 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
    variables: () => ({
      i: koreanCourseInput(training.providerId, {
        title: { id: MARK.name, en: MARK.name },
        attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: MARK.signatory },
        note: NOTE,
      }),
    }),
  },
  createTrainingCohort: {
    who: 'officer',
    query: 'mutation($i: CreateTrainingCohortInput!) { createTrainingCohort(input: $i) { id } }',
    variables: () => ({
      i: cohortInput(training.courseId, training.today, {
        venue: { kind: 'OTHER', name: MARK.name, kecamatan: 'Cipocok Jaya', kelurahan: MARK.signatory },
        sessions: [{ date: training.today, topic: MARK.medical }],
        note: NOTE,
      }),
    }),
  },
  transitionTrainingCohort: {
    who: 'officer',
    query: 'mutation($id: ID!, $n: String) { transitionTrainingCohort(id: $id, to: CANCELLED, note: $n) { status } }',
    variables: () => ({ id: training.enrolling, n: NOTE }),
  },
  enrollCandidate: {
    who: 'officer',
    query: 'mutation($k: ID!, $c: ID!, $n: String) { enrollCandidate(cohortId: $k, candidateId: $c, note: $n) { status } }',
    variables: () => ({ k: training.enrolling, c: training.candE, n: NOTE }),
  },
  withdrawEnrolment: {
    who: 'officer',
    query: 'mutation($k: ID!, $c: ID!, $n: String) { withdrawEnrolment(cohortId: $k, candidateId: $c, reason: OTHER, note: $n) { cohort { id } } }',
    variables: () => ({ k: training.running, c: training.candF, n: NOTE }),
  },
  recordAttendance: {
    who: 'officer',
    query: 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
    variables: () => ({ i: { cohortId: training.running, sessionNumber: 1, marks: [{ candidateId: training.candD, mark: 'PRESENT' }, { candidateId: training.candF, mark: 'ABSENT' }] } }),
  },
  recordAssessment: {
    who: 'officer',
    query: 'mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }',
    variables: () => ({ i: { cohortId: training.running, candidateId: training.candD, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: training.today, score: 131 } }),
  },
  recordTestResult: {
    who: 'officer',
    query: 'mutation($i: RecordTestResultInput!) { recordTestResult(input: $i) { id } }',
    variables: () => ({ i: { candidateId: training.candD, test: 'EPS_TOPIK', takenOn: training.today, score: 160, round: MARK.externalRef } }),
  },
  createApiKey: { who: 'admin', query: 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey } }', variables: () => ({ i: { name: MARK.name, roles: ['ANALYST'] } }) },
  revokeApiKey: { who: 'admin', query: 'mutation($k: String!) { revokeApiKey(keyId: $k) { keyId } }', variables: () => ({ k: revocableKeyId }) },
};

/** Make every write to these tables fail with `errcode`, quoting the whole row in message, DETAIL and HINT. */
async function refuseWrites(tables: readonly string[], errcode: string): Promise<() => Promise<void>> {
  const db = await t.db();
  await db.query(`create or replace function zz_refuse() returns trigger language plpgsql as $fn$
    declare r text := row_to_json(coalesce(NEW, OLD))::text;
    begin
      raise exception using errcode = TG_ARGV[0], message = 'refused row ' || r, detail = 'Failing row contains (' || r || ')', hint = r;
    end $fn$`);
  for (const table of tables) {
    if (table === 'api_key') {
      // authentication updates last_used_at on every request: refuse only new keys and revocations
      await db.query(`create trigger zz_refuse_ins before insert on api_key for each row execute function zz_refuse('${errcode}')`);
      await db.query(`create trigger zz_refuse_rev before update on api_key for each row when (old.revoked_at is distinct from new.revoked_at) execute function zz_refuse('${errcode}')`);
    } else {
      await db.query(`create trigger zz_refuse before insert or update or delete on "${table}" for each row execute function zz_refuse('${errcode}')`);
    }
  }
  return async () => {
    for (const table of tables) {
      if (table === 'api_key') {
        await db.query('drop trigger zz_refuse_ins on api_key');
        await db.query('drop trigger zz_refuse_rev on api_key');
      } else await db.query(`drop trigger zz_refuse on "${table}"`);
    }
  };
}

async function programTables(): Promise<string[]> {
  const db = await t.db();
  const r = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
       and table_name not in ('audit_log', 'mikro_orm_migrations', 'seed_run') order by table_name`,
  );
  return r.rows.map((row) => row.table_name);
}

function mutationNames(): string[] {
  return Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
}

async function send(name: string): Promise<{ codes: string[] }> {
  const c = CASES[name] as Case;
  const res = await t.as(c.who).gql(c.query, c.variables());
  return { codes: (res.body.errors ?? []).map((e) => String(e.extensions?.code)) };
}

function logText(): string {
  return JSON.stringify(t.logs());
}

function expectNoMarker(text: string): void {
  for (const m of MARKERS) expect({ marker: m, found: text.includes(m) }).toEqual({ marker: m, found: false });
  // the NIK and the birth date in other spellings
  expect(text).not.toContain('150895');
  expect(text).not.toContain('15-08-1995');
}

beforeAll(async () => {
  schema = await buildGatewaySchema();
  t = await startTestGateway({ logLevel: 'debug' });
  p = await signedMou(t);
  const draft = await ok<{ createMou: { id: string } }>(t, 'mutation($i: CreateMouInput!) { createMou(input: $i) { id } }', {
    i: { title: { id: 'MoU draf', en: 'Draft MoU' }, validFrom: '2025-12-08', parties: [
      { partyId: p.cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
      { partyId: p.apjatiId, role: 'PARTNER', isSignatory: true, signatoryName: 'Ketua Umum APJATI', signatoryTitle: 'Ketua Umum' },
    ] },
  });
  draftMouId = draft.createMou.id;
  openingId = await openOpening(t, p, 20);
  const created = await ok<{ createJobOpening: { id: string } }>(t, 'mutation($i: CreateJobOpeningInput!) { createJobOpening(input: $i) { id } }', {
    i: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'FIXED', monthlyKrw: '3000000' }, contractMonths: 24 },
  });
  draftOpeningId = created.createJobOpening.id;
  candA = await registerCandidate(t, eligibleWelderProfile(11));
  candB = await registerCandidate(t, eligibleWelderProfile(12));
  candC = await registerCandidate(t, eligibleWelderProfile(13));
  for (const c of [candB, candC]) await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { id } } }', { c, o: openingId });
  await ok(t, 'mutation($c: ID!, $i: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $i) { id } }', {
    c: candC,
    i: { facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '20000000', tenorMonths: 24 }] },
  });
  revocableKeyId = (await t.createKey({ roles: ['ANALYST'], name: 'to revoke' })).keyId;
  // training: cohorts that start today (the suite runs on the system clock)
  training.today = todayWib();
  training.providerId = await createParty(t, { kind: 'TRAINING_PROVIDER', name: 'BBPVP Serang', country: 'ID' });
  training.courseId = (await ok(t, 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }', { i: koreanCourseInput(training.providerId) })).createCourse.id;
  const newCohort = async (): Promise<string> => {
    const id = (await ok(t, 'mutation($i: CreateTrainingCohortInput!) { createTrainingCohort(input: $i) { id } }', { i: cohortInput(training.courseId, training.today) })).createTrainingCohort.id;
    await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: ENROLLING) { id } }', { id });
    return id;
  };
  training.enrolling = await newCohort();
  training.running = await newCohort();
  training.candD = await registerCandidate(t, eligibleWelderProfile(14));
  training.candE = await registerCandidate(t, eligibleWelderProfile(15));
  training.candF = await registerCandidate(t, eligibleWelderProfile(16));
  for (const c of [training.candD, training.candF]) await ok(t, 'mutation($k: ID!, $c: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }', { k: training.running, c });
  await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: RUNNING) { id } }', { id: training.running });
  await createParty(t, { kind: 'BANK', name: 'Bank Uji', country: 'ID' });
});

afterAll(async () => {
  await t?.close();
});

it('has a case for every mutation of the schema', () => {
  expect(mutationNames()).toEqual(Object.keys(CASES).sort());
});

describe.each([
  ['the audit log (first write of every mutation)', 'audit', 'P0001', 'INTERNAL_SERVER_ERROR'],
  ['every program table', 'program', 'P0001', 'INTERNAL_SERVER_ERROR'],
  ['every program table, as a check violation', 'program', '23514', 'BAD_USER_INPUT'],
] as const)('PostgreSQL refuses the write on %s (SQLSTATE %s)', (_label, where, errcode, expected) => {
  it('every mutation fails there, and its log lines hold none of the submitted values', async () => {
    const before = t.logs().length;
    const tables = where === 'audit' ? ['audit_log'] : await programTables();
    const restore = await refuseWrites(tables, errcode);
    const outcomes: Record<string, string[]> = {};
    try {
      for (const name of mutationNames()) outcomes[name] = (await send(name)).codes;
    } finally {
      await restore();
    }
    // every call reached PostgreSQL and was refused there (not earlier by validation)
    expect(outcomes).toEqual(Object.fromEntries(mutationNames().map((n) => [n, [expected]])));
    const lines = t.logs().slice(before);
    const text = JSON.stringify(lines);
    expectNoMarker(text);
    expect(text).not.toMatch(/Failing row contains \((?!\[redacted\])/);
    expect(text).not.toContain('refused row {');
    // not vacuous: each refusal was logged (the failed statement at least), and P0001 errors in full
    const failedStatements = lines.filter((l) => l.level === 'error' && l.orm === 'query');
    expect(failedStatements.length).toBeGreaterThanOrEqual(mutationNames().length);
    if (errcode === 'P0001') {
      const logged = lines.filter((l) => (l.err as { code?: string } | undefined)?.code === 'P0001');
      expect(logged.length).toBeGreaterThanOrEqual(mutationNames().length);
      expect(logged[0]?.err).toMatchObject({ type: expect.stringMatching(/Exception$/), condition: 'raise_exception', stack: expect.stringMatching(/\n\s+at /) });
    }
    // the SQL of every statement is logged at debug level, without values
    expect(lines.some((l) => l.level === 'debug' && l.orm === 'query' && /insert into/.test(String(l.msg)))).toBe(true);
  });
});

describe('PostgreSQL refuses the write by itself', () => {
  it('a duplicate NIK raced by concurrent registrations, and over-long values: nothing submitted is logged', async () => {
    const before = t.logs().length;
    const reg = CASES.registerCandidate as Case;
    const results = await Promise.all(Array.from({ length: 6 }, () => t.as('officer').gql(reg.query, reg.variables())));
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT')).toBe(true);
    const long = `${MARK.name} ${'x'.repeat(5000)}`;
    for (const [query, variables] of [
      ['mutation($i: CreatePartyInput!) { createParty(input: $i) { id } }', { i: { kind: 'EMPLOYER', name: long, country: 'KR', note: `${NOTE} ${'y'.repeat(100_000)}` } }],
      ['mutation($i: RegisterCandidateInput!) { registerCandidate(input: $i) { id } }', { i: { profile: { ...markedProfile(), nik: '3673015508950008' }, note: `${NOTE}${'z'.repeat(50_000)}` } }],
      ['mutation($i: UpdatePartyInput!) { updateParty(input: $i) { id } }', { i: { id: p.employerId, shortName: long, unit: long } }],
    ] as const) {
      const res = await t.as('officer').gql(query, variables as Record<string, unknown>);
      expect(res.body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|CONFLICT)$/);
    }
    expectNoMarker(JSON.stringify(t.logs().slice(before)));
  });
});

/** An input value for `type` whose every string is one of the markers. */
function markedValue(type: GraphQLInputType, depth: number, seq: { n: number }): unknown {
  if (isNonNullType(type)) return markedValue(type.ofType, depth, seq);
  if (isListType(type)) return [markedValue(type.ofType, depth + 1, seq)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value ?? null;
  if (isInputObjectType(named)) {
    if (depth > 5) return null;
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) || depth < 3)
        .map((f) => [f.name, markedValue(f.type, depth + 1, seq)]),
    );
  }
  if (isScalarType(named)) {
    seq.n += 1;
    switch (named.name) {
      case 'Int':
        return 2_147_483_647;
      case 'Float':
        return 1e308;
      case 'Boolean':
        return true;
      case 'Date':
        return MARK.birthDate;
      case 'DateTime':
        return `${MARK.birthDate}T00:00:00Z`;
      case 'JSON':
        return { nik: MARK.nik, note: NOTE };
      default:
        return MARKERS[seq.n % MARKERS.length];
    }
  }
  return null;
}

it('every mutation with generated inputs (every string a personal value): nothing submitted is logged', async () => {
  const before = t.logs().length;
  const mutation = schema.getMutationType();
  let calls = 0;
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const args: readonly GraphQLArgument[] = field.args;
    const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const use = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const sel = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
    const query = `mutation${decl ? `(${decl})` : ''} { ${field.name}${use ? `(${use})` : ''}${sel} }`;
    for (const who of ['officer', 'admin'] as const) {
      const seq = { n: calls };
      const variables = Object.fromEntries(args.map((a) => [a.name, markedValue(a.type, 0, seq)]));
      const res = await t.as(who).gql(query, variables);
      calls += 1;
      expect(res.body.errors?.length ?? 0).toBeGreaterThanOrEqual(0);
      for (const e of res.body.errors ?? []) expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  }
  expect(calls).toBe(Object.keys(mutation?.getFields() ?? {}).length * 2); // every mutation, training ones included
  expectNoMarker(JSON.stringify(t.logs().slice(before)));
});

it('the whole run: no submitted value in any log line, at any level', () => {
  expect(t.logs().length).toBeGreaterThan(100);
  expectNoMarker(logText());
});

describe('the logger itself (any call site)', () => {
  function capture(): { log: ReturnType<typeof createLogger>; text: () => string } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, cb) {
        chunks.push(chunk.toString('utf8'));
        cb();
      },
    });
    return { log: createLogger('debug', stream), text: () => chunks.join('') };
  }

  it('rebuilds a MikroORM/knex error: no SQL values, no detail/where/hint, class, code, constraint, table and frames kept', () => {
    const e = Object.assign(new Error(`insert into "candidate" ("nik", "name") values ('${MARK.nik}', '${MARK.name}') - duplicate key value violates unique constraint "candidate_nik_key"\n - detail: Key (nik)=(${MARK.nik}) already exists.`), {
      name: 'UniqueConstraintViolationException',
      code: '23505',
      severity: 'ERROR',
      detail: `Key (nik)=(${MARK.nik}) already exists.`,
      where: `JSON data, line 1: ${MARK.name}`,
      hint: MARK.name,
      constraint: 'candidate_nik_key',
      table: 'candidate',
      sql: `insert into candidate values ('${MARK.nik}')`,
      params: [MARK.nik, MARK.birthDate],
      parameters: [MARK.passport],
    });
    const { log, text } = capture();
    log.error({ err: e });
    log.error(e);
    log.warn({ e, nested: { error: e, values: [MARK.bpjs], profile: { nik: MARK.nik } } }, 'context');
    const out = text();
    expectNoMarker(out);
    const line = JSON.parse(out.split('\n')[0] as string);
    expect(line.err).toMatchObject({ code: '23505', condition: 'unique_violation', constraint: 'candidate_nik_key', table: 'candidate' });
    expect(line.err.message).toBe('duplicate key value violates unique constraint "candidate_nik_key"');
    expect(line.msg).toBe(line.err.message);
    expect(line.err.stack).toMatch(/^UniqueConstraintViolationException: duplicate key value[^\n]*\n\s+at /);
  });

  it('redacts values quoted in PostgreSQL messages, keeps quoted identifiers', () => {
    const dateErr = redactError(Object.assign(new Error(`date/time field value out of range: "${MARK.birthDate}"`), { code: '22008', severity: 'ERROR' }));
    expect(JSON.stringify(dateErr)).not.toContain(MARK.birthDate);
    const tableErr = redactError(Object.assign(new Error('relation "party" does not exist'), { code: '42P01', severity: 'ERROR' }));
    expect(typeof tableErr !== 'string' && tableErr.message).toBe('relation "party" does not exist');
    const raised = redactError(Object.assign(new Error(`refused ${MARK.name}`), { code: 'P0001', severity: 'ERROR' }));
    expect(JSON.stringify(raised)).not.toContain(MARK.name);
  });

  it('scrubs the embedded PostgreSQL server log (DETAIL, STATEMENT, CONTEXT lines) and digit runs and dates in any text', () => {
    const serverLog = [
      `2026-12-02 05:00:00.123 UTC [77] ERROR:  duplicate key value violates unique constraint "candidate_nik_key"`,
      `2026-12-02 05:00:00.123 UTC [77] DETAIL:  Key (nik)=(${MARK.nik}) already exists.`,
      `2026-12-02 05:00:00.123 UTC [77] CONTEXT:  JSON data, line 1: {"name":"${MARK.name}"`,
      `2026-12-02 05:00:00.123 UTC [77] STATEMENT:  insert into party (name) values ('${MARK.name}')`,
    ].join('\n');
    const { log, text } = capture();
    log.debug({ postgres: serverLog }, 'embedded postgres');
    log.info(`free text with ${MARK.nik}, ${MARK.bpjs}, ${MARK.passport} and ${MARK.birthDate}`);
    log.info({ at: new Date(`${MARK.birthDate}T00:00:00Z`) }, 'a date');
    const out = text();
    expectNoMarker(out);
    expect(out).toContain('duplicate key value violates unique constraint');
    expect(out).toContain('2026-12-02 05:00:00.123'); // timestamps with a time of day stay
    expect(scrubLogText(`id 0a20f6e6-42e6-407f-9631-123456789012 ok`)).toBe('id 0a20f6e6-42e6-407f-9631-123456789012 ok');
    expect(scrubLogLine(`{"n":12345678,"s":"${MARK.nik}"}`)).toBe('{"n":12345678,"s":"[redacted:number]"}');
  });

  it('scrubs a JSON line string by string, whether or not a string has 4 digits in a row (the fast path)', () => {
    // each string alone and all of them in one line: the same answer (a string without 4 digits in a row is skipped)
    const strings = [MARK.nik, `x${MARK.bpjs}y`, MARK.passport, MARK.birthDate, 'abc123def', 'no digits', '12-34-56', 'v1.2.3', 'A1234567', 'id 0a20f6e6-42e6-407f-9631-123456789012'];
    const one = strings.map((v) => scrubLogLine(JSON.stringify({ v })));
    expect(scrubLogLine(JSON.stringify(Object.fromEntries(strings.map((v, i) => [`k${i}`, v]))))).toBe(
      JSON.stringify(Object.fromEntries(one.map((l, i) => [`k${i}`, (JSON.parse(l) as { v: string }).v]))),
    );
    expect(one.slice(4, 8).map((l) => JSON.parse(l).v)).toEqual(['abc123def', 'no digits', '12-34-56', 'v1.2.3']);
    expectNoMarker(one.join('\n'));
    expect(JSON.parse(one[8]!).v).not.toContain('1234567');
  });
});
