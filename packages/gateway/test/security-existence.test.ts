/**
 * No existence oracle (issue 8): a signed-in caller without rights gets the same answer for an id
 * that does not exist and for an existing id they may not see, on every query, nested field and
 * mutation that takes an id. The test sends both with the same request id and compares the whole
 * responses: status, headers (but the date and the rate-limit counters) and body. A schema walk
 * fails when a field that takes an id is added without a probe here.
 *
 * Who may see what exists (so these pairs are not probed): OFFICER and ADMIN see everything; ANALYST
 * lists every candidate (masked) and every opening, so an id's existence is no secret to them, and
 * what the masked view refuses (FORBIDDEN on a field) is refused whatever the record; PARTNER sees
 * every opening. The program (parties, MoUs, quotas) is public: nothing to hide there, nor in the
 * training catalogue (courses, cohorts). A TRAINER (issue 10) of provider A must not tell provider B's
 * cohort from a missing one when recording attendance or assessments.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isInputObjectType, isObjectType, type GraphQLInputType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { startTestGateway, type TestGateway } from './harness';
import { createParty, eligibleWelderProfile, ok, openOpening, registerCandidate, signedMouBetween, type Program } from './support/program';
import { cohortInput, daysAfter, koreanCourseInput, todayWib } from './support/training';

let t: TestGateway;

type Role = 'anonymous' | 'candidate' | 'partner' | 'analyst' | 'officerElsewhere' | 'analystPartner' | 'trainer';
const ROLES: readonly Role[] = ['anonymous', 'candidate', 'partner', 'analyst', 'officerElsewhere', 'analystPartner', 'trainer'];
const headersOf = {} as Record<Role, Record<string, string>>;

interface Ids {
  readonly candidate: string;
  readonly opening: string;
  readonly mou: string;
  readonly party: string;
  readonly apiKey: string;
  readonly cohort: string;
  readonly course: string;
  /** A training provider (party of kind TRAINING_PROVIDER). */
  readonly provider: string;
  /** A spreadsheet import (its importId). */
  readonly importJob: string;
}
/** Ids that exist nowhere. */
const MISSING: Ids = {
  candidate: randomUUID(),
  opening: randomUUID(),
  mou: randomUUID(),
  party: randomUUID(),
  apiKey: randomBytes(8).toString('hex'),
  cohort: randomUUID(),
  course: randomUUID(),
  provider: randomUUID(),
  importJob: randomUUID(),
};
/** Existing records: `own` is the CANDIDATE caller's record (placed under the partner's MoU). */
const real = {} as { own: string; other: string; draftOpening: string; openOpeningB: string; mouB: string; partyB: string; apiKey: string; cohortB: string; courseB: string; providerB: string; importJob: string };

async function signedMouWith(cityId: string, p3miId: string, title: string): Promise<string> {
  return signedMouBetween(t, cityId, p3miId, title);
}

beforeAll(async () => {
  t = await startTestGateway();
  const cityId = await createParty(t, { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' });
  const employerId = await createParty(t, { kind: 'EMPLOYER', name: 'PT One Asia', country: 'KR' });
  const p3miA = await createParty(t, { kind: 'P3MI', name: 'PT Mitra A', country: 'ID', licence: { sip3miNumber: 'SIP3MI-A', sip2miNumber: 'SIP2MI-A' } });
  const p3miB = await createParty(t, { kind: 'P3MI', name: 'PT Mitra B', country: 'ID', licence: { sip3miNumber: 'SIP3MI-B', sip2miNumber: 'SIP2MI-B' } });
  const mouA = await signedMouWith(cityId, p3miA, 'MoU Mitra A');
  const mouB = await signedMouWith(cityId, p3miB, 'MoU Mitra B');
  const programA: Program = { cityId, apjatiId: p3miA, employerId, mouId: mouA };
  const programB: Program = { cityId, apjatiId: p3miB, employerId, mouId: mouB };
  const openingA = await openOpening(t, programA, 5);
  real.openOpeningB = await openOpening(t, programB, 5);
  const draft = await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
    input: { mouId: mouA, employerPartyId: employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
  });
  real.draftOpening = draft.createJobOpening.id;
  real.own = await registerCandidate(t, eligibleWelderProfile(1));
  real.other = await registerCandidate(t, eligibleWelderProfile(2));
  const allocate = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';
  await ok(t, allocate, { c: real.own, o: openingA });
  await ok(t, allocate, { c: real.other, o: real.openOpeningB });
  await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: real.other,
    input: { asOf: '2026-01-15', facilities: [{ product: 'KUR_PENEMPATAN_PMI', amountIdr: '10000000', tenorMonths: 12 }] },
  });
  real.mouB = mouB;
  real.partyB = p3miB;
  // a dry-run import of one row by the gateway's OFFICER key, under a known import id
  real.importJob = randomUUID();
  const imported = await fetch(`${t.baseUrl}/imports/candidates?dryRun=true&filename=kandidat.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.keys.officer}`, 'content-type': 'text/csv', 'idempotency-key': real.importJob },
    body: 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan\n3673011501990777,Calon,15/01/1999,L,Cipocok Jaya,Kota Serang,E7_3,WELDER\n',
  });
  expect(imported.status).toBe(200);

  const key = async (input: Parameters<TestGateway['createKey']>[0]) => {
    const made = await t.createKey(input);
    return { headers: { authorization: `Bearer ${made.token}` }, keyId: made.keyId };
  };
  headersOf.anonymous = {};
  headersOf.candidate = (await key({ roles: ['CANDIDATE'], candidateId: real.own, name: 'Portal calon pekerja' })).headers;
  headersOf.partner = (await key({ roles: ['PARTNER'], partyIds: [p3miA], name: 'PT Mitra A' })).headers;
  headersOf.analystPartner = (await key({ roles: ['ANALYST', 'PARTNER'], partyIds: [p3miA], name: 'Analyst at Mitra A' })).headers;
  headersOf.officerElsewhere = (await key({ roles: ['OFFICER'], city: 'Kota Cilegon', name: 'Disnaker Cilegon' })).headers;
  headersOf.analyst = t.as('analyst').headers;
  real.apiKey = (await key({ roles: ['ANALYST'], name: 'a key whose id is probed' })).keyId;
  // training: the trainer works for provider A; provider B's course and cohort are hidden from them
  const providerA = await createParty(t, { kind: 'TRAINING_PROVIDER', name: 'LPK Maju Serang', country: 'ID' });
  const providerB = await createParty(t, { kind: 'TRAINING_PROVIDER', name: 'BBPVP Serang', country: 'ID' });
  real.providerB = providerB;
  real.courseB = (await ok(t, 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }', { i: koreanCourseInput(providerB) })).createCourse.id;
  real.cohortB = (await ok(t, 'mutation($i: CreateTrainingCohortInput!) { createTrainingCohort(input: $i) { id } }', { i: cohortInput(real.courseB, daysAfter(todayWib(), 30)) }))
    .createTrainingCohort.id;
  await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: ENROLLING) { id } }', { id: real.cohortB });
  await ok(t, 'mutation($k: ID!, $c: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }', { k: real.cohortB, c: real.other });
  headersOf.trainer = (await key({ roles: ['TRAINER'], partyIds: [providerA], name: 'LPK Maju Serang' })).headers;

  // every "hidden" id really exists
  const db = await t.db();
  const count = async (sql: string, id: string) => (await db.query(sql, [id])).rows[0].n as number;
  expect(await count('select count(*)::int as n from candidate where id = $1', real.other)).toBe(1);
  expect(await count('select count(*)::int as n from financing_plan where candidate_id = $1', real.other)).toBe(1);
  expect(await count("select count(*)::int as n from job_opening where id = $1 and status = 'DRAFT'", real.draftOpening)).toBe(1);
  expect(await count('select count(*)::int as n from mou where id = $1', real.mouB)).toBe(1);
  expect(await count('select count(*)::int as n from party where id = $1', real.partyB)).toBe(1);
  expect(await count('select count(*)::int as n from api_key where id = $1', real.apiKey)).toBe(1);
  expect(await count('select count(*)::int as n from training_cohort where id = $1', real.cohortB)).toBe(1);
  expect(await count('select count(*)::int as n from training_enrolment where cohort_id = $1', real.cohortB)).toBe(1);
});
afterAll(async () => {
  await t?.close();
});

// ------------------------------------------------------------------------------------------------

/** What a role may not see, per kind of id (see the header comment). */
const hiddenIds = (): Ids => ({
  candidate: real.other,
  opening: real.draftOpening,
  mou: real.mouB,
  party: real.partyB,
  apiKey: real.apiKey,
  cohort: real.cohortB,
  course: real.courseB,
  provider: real.providerB,
  // an import made with the test gateway's own OFFICER key: no probed credential made it
  importJob: real.importJob,
});

interface Probe {
  /** The schema coordinates this probe covers (`Type.field`). */
  readonly covers: readonly string[];
  readonly doc: string;
  readonly vars: (ids: Ids) => Record<string, unknown>;
  /** The roles that must not tell a hidden id from a missing one (default: all probed roles). */
  readonly hiddenFrom?: readonly Role[];
}

const NOT_STAFF: readonly Role[] = ['anonymous', 'candidate', 'officerElsewhere', 'trainer'];
const BILINGUAL = { id: 'Catatan', en: 'Note' };

const PROBES: Probe[] = [
  // queries
  {
    covers: ['Query.importProgress'],
    doc: 'query($j: ID!) { importProgress(importId: $j) { importId phase } }',
    vars: (i) => ({ j: i.importJob }),
  },
  {
    covers: ['Query.candidate'],
    doc: 'query($c: ID!) { candidate(id: $c) { id stage nikMasked profile { nik declaredBirthDate } financingPlan { id } placements { status } } }',
    vars: (i) => ({ c: i.candidate }),
    // hidden from every probed role: ANALYST gives no record at all (issue 8), and the analyst that is
    // also a partner sees only the partner's own candidates
  },
  {
    covers: ['Query.jobOpening'],
    doc: 'query($o: ID!) { jobOpening(id: $o) { id status seats mou { id } employer { id } } }',
    vars: (i) => ({ o: i.opening }),
    hiddenFrom: NOT_STAFF,
  },
  {
    covers: ['Query.eligibilityCheck'],
    doc: 'query($o: ID!) { eligibilityCheck(route: E7_3, asOf: "2026-01-15", openingId: $o, profile: { declaredBirthDate: "1999-01-15", education: SLTA }) { verdict { selection } } }',
    vars: (i) => ({ o: i.opening }),
    hiddenFrom: NOT_STAFF,
  },
  {
    covers: ['Candidate.eligibility'],
    // on the CANDIDATE caller's own record (which the partner may see too)
    doc: 'query($own: ID!, $o: ID!) { candidate(id: $own) { id eligibility(openingId: $o, asOf: "2026-01-15") { verdict { selection } } } }',
    vars: (i) => ({ own: real.own, o: i.opening }),
    hiddenFrom: ['anonymous', 'candidate', 'officerElsewhere', 'analyst', 'trainer'],
  },
  {
    covers: ['Query.auditLog'],
    doc: 'query($e: String!) { auditLog(filter: { entityId: $e }) { totalCount edges { node { action } } } }',
    vars: (i) => ({ e: i.candidate }),
  },
  {
    covers: ['Query.placementCosts'],
    doc: 'query($m: ID!, $p: ID!) { placementCosts(filter: { mouId: $m, employerPartyId: $p }) { placements } }',
    vars: (i) => ({ m: i.mou, p: i.party }),
    hiddenFrom: ['anonymous', 'candidate', 'partner', 'officerElsewhere', 'trainer'],
  },
  // mutations: OFFICER (ADMIN for keys) only, refused by role before any lookup
  { covers: ['Mutation.advanceCandidate'], doc: 'mutation($c: ID!) { advanceCandidate(id: $c, to: TESTING, note: "x") { id } }', vars: (i) => ({ c: i.candidate }) },
  { covers: ['Mutation.allocateSeat'], doc: 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { id } } }', vars: (i) => ({ c: i.candidate, o: i.opening }) },
  { covers: ['Mutation.releaseSeat'], doc: 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "x") { id } }', vars: (i) => ({ c: i.candidate }) },
  { covers: ['Mutation.removeFinancingPlan'], doc: 'mutation($c: ID!) { removeFinancingPlan(candidateId: $c) { id } }', vars: (i) => ({ c: i.candidate }) },
  {
    covers: ['Mutation.setFinancingPlan'],
    doc: 'mutation($c: ID!) { setFinancingPlan(candidateId: $c, input: { facilities: [{ product: CITY_GRANT, amountIdr: "1000000" }] }) { id } }',
    vars: (i) => ({ c: i.candidate }),
  },
  {
    covers: ['Mutation.addCandidateDocument'],
    doc: 'mutation($c: ID!) { addCandidateDocument(input: { candidateId: $c, document: { kind: KTP, verified: true } }) { id } }',
    vars: (i) => ({ c: i.candidate }),
  },
  {
    covers: ['Mutation.updateCandidateProfile'],
    doc: 'mutation($c: ID!) { updateCandidateProfile(input: { id: $c, profile: { education: SLTA } }) { id } }',
    vars: (i) => ({ c: i.candidate }),
  },
  {
    covers: ['Mutation.addMouObligation'],
    doc: 'mutation($m: ID!, $p: ID!, $t: BilingualTextInput!) { addMouObligation(input: { mouId: $m, partyId: $p, text: $t }) { id } }',
    vars: (i) => ({ m: i.mou, p: i.party, t: BILINGUAL }),
  },
  {
    covers: ['Mutation.addMouParty'],
    doc: 'mutation($m: ID!, $p: ID!) { addMouParty(input: { mouId: $m, partyId: $p, role: PARTNER, isSignatory: false }) { id } }',
    vars: (i) => ({ m: i.mou, p: i.party }),
  },
  {
    covers: ['Mutation.createJobOpening'],
    doc: 'mutation($m: ID!, $p: ID!) { createJobOpening(input: { mouId: $m, employerPartyId: $p, occupation: WELDER, route: E7_3, seats: 1, wage: { basis: STATUTORY_MINIMUM } }) { id } }',
    vars: (i) => ({ m: i.mou, p: i.party }),
  },
  {
    covers: ['Mutation.createMou'],
    doc: `mutation($m: ID!, $p: ID!, $t: BilingualTextInput!) { createMou(input: { title: $t, parentMouId: $m,
      parties: [{ partyId: $p, role: PARTNER, isSignatory: false }], obligations: [{ partyId: $p, text: $t }] }) { id } }`,
    vars: (i) => ({ m: i.mou, p: i.party, t: BILINGUAL }),
  },
  { covers: ['Mutation.setMouValidity'], doc: 'mutation($m: ID!) { setMouValidity(input: { mouId: $m, validFrom: "2026-01-01" }) { id } }', vars: (i) => ({ m: i.mou }) },
  { covers: ['Mutation.setQuota'], doc: 'mutation($m: ID!) { setQuota(input: { mouId: $m, occupation: WELDER, route: E7_3, seats: 1 }) { id } }', vars: (i) => ({ m: i.mou }) },
  { covers: ['Mutation.transitionMou'], doc: 'mutation($m: ID!) { transitionMou(id: $m, to: SUSPENDED, note: "x") { id } }', vars: (i) => ({ m: i.mou }) },
  { covers: ['Mutation.transitionJobOpening'], doc: 'mutation($o: ID!) { transitionJobOpening(id: $o, to: CLOSED, note: "x") { id } }', vars: (i) => ({ o: i.opening }) },
  {
    covers: ['Mutation.updateJobOpening'],
    doc: 'mutation($o: ID!, $p: ID!) { updateJobOpening(input: { id: $o, employerPartyId: $p, seats: 1 }) { id } }',
    vars: (i) => ({ o: i.opening, p: i.party }),
  },
  { covers: ['Mutation.updateParty'], doc: 'mutation($p: ID!) { updateParty(input: { id: $p, note: "x" }) { id } }', vars: (i) => ({ p: i.party }) },
  {
    covers: ['Query.trainingAggregates'],
    // a TRAINER's figures cover their own providers' cohorts only: another provider is an empty selection,
    // like a missing one (the catalogue is public, so the protected view of ANALYST and PARTNER hides no cohort)
    doc: 'query($p: ID!) { trainingAggregates(filter: { providerPartyIds: [$p] }) { total { cohorts } byProvider { providerPartyId cohorts } byCohort { cohortId } } }',
    vars: (i) => ({ p: i.provider }),
    hiddenFrom: ['anonymous', 'candidate', 'officerElsewhere', 'trainer'],
  },
  {
    covers: ['Query.trainingPlan'],
    // rates left out are observed over `observedFrom`, the same cohort selection as trainingAggregates:
    // another provider's cohorts answer a TRAINER like a missing provider (the rate is unavailable)
    doc: `query($p: ID!) { trainingPlan(input: { target: 10, targetDate: "2027-12-31", planStart: "2027-01-04", cohortSize: 20,
      cohortWeeks: 12, maxConcurrentCohorts: 2, officialTestDates: ["2027-06-01"], passToDepartureDays: 60,
      observedFrom: { providerPartyIds: [$p] } }) { reachable } }`,
    vars: (i) => ({ p: i.provider }),
    hiddenFrom: ['anonymous', 'candidate', 'officerElsewhere', 'trainer'],
  },
  // training (issue 10): a TRAINER records attendance and assessments in their providers' cohorts only;
  // another provider's cohort is NOT_FOUND, like a missing one. The other training mutations are the
  // officers' (refused by role before any lookup).
  {
    covers: ['Mutation.recordAttendance'],
    doc: 'mutation($k: ID!, $c: ID!) { recordAttendance(input: { cohortId: $k, sessionNumber: 1, marks: [{ candidateId: $c, mark: PRESENT }] }) { id } }',
    vars: (i) => ({ k: i.cohort, c: i.candidate }),
  },
  {
    covers: ['Mutation.recordAssessment'],
    doc: 'mutation($k: ID!, $c: ID!) { recordAssessment(input: { cohortId: $k, candidateId: $c, kind: PRACTICE, test: EPS_TOPIK, takenOn: "2026-03-02", score: 100 }) { id } }',
    vars: (i) => ({ k: i.cohort, c: i.candidate }),
  },
  { covers: ['Mutation.enrollCandidate'], doc: 'mutation($k: ID!, $c: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }', vars: (i) => ({ k: i.cohort, c: i.candidate }) },
  {
    covers: ['Mutation.withdrawEnrolment'],
    doc: 'mutation($k: ID!, $c: ID!) { withdrawEnrolment(cohortId: $k, candidateId: $c, reason: PERSONAL) { cohort { id } } }',
    vars: (i) => ({ k: i.cohort, c: i.candidate }),
  },
  { covers: ['Mutation.transitionTrainingCohort'], doc: 'mutation($k: ID!) { transitionTrainingCohort(id: $k, to: CANCELLED, note: "x") { id } }', vars: (i) => ({ k: i.cohort }) },
  {
    covers: ['Mutation.createTrainingCohort'],
    doc: `mutation($k: ID!) { createTrainingCohort(input: { courseId: $k, venue: { kind: LPK, name: "LPK", kecamatan: "Serang" }, capacity: 10,
      startDate: "2027-01-04", endDate: "2027-03-31", promotionWindowDays: 7 }) { id } }`,
    vars: (i) => ({ k: i.course }),
  },
  {
    covers: ['Mutation.createCourse'],
    doc: `mutation($p: ID!) { createCourse(input: { title: { id: "K", en: "K" }, kind: SAFETY, providerPartyId: $p, providerType: BBPVP, hours: 40, feeIdr: "0",
      attendanceRule: { requiredShare: "1", excused: COUNTS_AS_ABSENT, statedBy: "x" }, hasFinalAssessment: false }) { id } }`,
    vars: (i) => ({ p: i.party }),
  },
  {
    covers: ['Mutation.recordTestResult'],
    doc: 'mutation($c: ID!) { recordTestResult(input: { candidateId: $c, test: EPS_TOPIK, takenOn: "2026-03-01", score: 150 }) { id } }',
    vars: (i) => ({ c: i.candidate }),
  },
  { covers: ['Mutation.revokeApiKey'], doc: 'mutation($k: String!) { revokeApiKey(keyId: $k) { keyId } }', vars: (i) => ({ k: i.apiKey }) },
  {
    covers: ['Mutation.createApiKey'],
    doc: 'mutation($c: String!, $p: String!) { createApiKey(input: { name: "probe", roles: [CANDIDATE, PARTNER], candidateId: $c, partyIds: [$p] }) { key } }',
    vars: (i) => ({ c: i.candidate, p: i.party }),
  },
];

/**
 * Public program data: parties, MoUs, quotas and the published openings are public information, so
 * no id of them is hidden from anybody; a missing one answers null / an empty list, to everybody.
 */
const PUBLIC_PROBES: Array<{ covers: readonly string[]; doc: string; vars: (ids: Ids) => Record<string, unknown>; missing: unknown }> = [
  { covers: ['Query.mou'], doc: 'query($m: ID!) { mou(id: $m) { id } }', vars: (i) => ({ m: i.mou }), missing: { mou: null } },
  { covers: ['Query.party'], doc: 'query($p: ID!) { party(id: $p) { id } }', vars: (i) => ({ p: i.party }), missing: { party: null } },
  {
    covers: ['Query.mous'],
    doc: 'query($m: ID!, $p: ID!) { mous(filter: { parentId: $m, partyId: $p }) { totalCount } }',
    vars: (i) => ({ m: i.mou, p: i.party }),
    missing: { mous: { totalCount: 0 } },
  },
  {
    covers: ['Query.jobOpenings'],
    doc: 'query($m: ID!, $p: ID!) { jobOpenings(filter: { mouId: $m, employerPartyId: $p }) { totalCount } }',
    vars: (i) => ({ m: i.mou, p: i.party }),
    missing: { jobOpenings: { totalCount: 0 } },
  },
  { covers: ['Query.quotas'], doc: 'query($m: ID!) { quotas(filter: { mouId: $m }) { totalCount } }', vars: (i) => ({ m: i.mou }), missing: { quotas: { totalCount: 0 } } },
  { covers: ['Query.trainingCohort'], doc: 'query($k: ID!) { trainingCohort(id: $k) { id } }', vars: (i) => ({ k: i.cohort }), missing: { trainingCohort: null } },
  {
    covers: ['Query.trainingCohorts'],
    doc: 'query($p: ID!) { trainingCohorts(filter: { providerPartyIds: [$p] }) { totalCount } }',
    vars: (i) => ({ p: i.party }),
    missing: { trainingCohorts: { totalCount: 0 } },
  },
  { covers: ['Query.courses'], doc: 'query($p: ID!) { courses(filter: { providerPartyIds: [$p] }) { totalCount } }', vars: (i) => ({ p: i.party }), missing: { courses: { totalCount: 0 } } },
  { covers: ['Query.quotaFill'], doc: 'query($m: ID!) { quotaFill(filter: { mouId: $m }) { seats rows { seats } } }', vars: (i) => ({ m: i.mou }), missing: { quotaFill: { seats: 0, rows: [] } } },
];

/** Headers that differ between any two requests (the clock, the rate-limit counters). */
const VOLATILE = new Set(['date', 'ratelimit-remaining', 'ratelimit-reset']);
let sequence = 0;

async function send(role: Role, doc: string, variables: Record<string, unknown>, requestId: string) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headersOf[role] },
    body: JSON.stringify({ query: doc, variables }),
  });
  const headers = Object.fromEntries([...res.headers.entries()].filter(([k]) => !VOLATILE.has(k)));
  return { status: res.status, headers, body: JSON.parse(await res.text()) as { data?: unknown; errors?: unknown[] } };
}

describe.each(PROBES.map((p) => [p.covers.join(', '), p] as const))('%s', (_name, probe) => {
  const roles = probe.hiddenFrom ?? ROLES;
  it.each(roles.map((r) => [r] as const))('%s: a hidden id answers exactly like a missing one', async (role) => {
    const requestId = `existence-probe-${++sequence}`;
    const missing = await send(role, probe.doc, probe.vars(MISSING), requestId);
    const hidden = await send(role, probe.doc, probe.vars(hiddenIds()), requestId);
    expect(hidden).toEqual(missing);
    // and it is a refusal or an empty answer, never data about the record
    const text = JSON.stringify(hidden.body);
    for (const id of Object.values(hiddenIds())) expect(text).not.toContain(id);
  });
});

describe('the hidden ids are real: a caller who may see them gets another answer', () => {
  it.each<[string, string, (i: Ids) => Record<string, unknown>, 'admin' | 'officer']>([
    ['candidate', 'query($c: ID!) { candidate(id: $c) { id } }', (i) => ({ c: i.candidate }), 'officer'],
    ['opening', 'query($o: ID!) { jobOpening(id: $o) { id } }', (i) => ({ o: i.opening }), 'officer'],
    ['API key', '{ apiKeys { keyId } }', () => ({}), 'admin'],
    ['training cohort', 'query($k: ID!) { trainingCohort(id: $k) { id } }', (i) => ({ k: i.cohort }), 'officer'],
  ])('%s', async (what, doc, vars, who) => {
    const a = await t.as(who).gql(doc, vars(MISSING));
    const b = await t.as(who).gql(doc, vars(hiddenIds()));
    expect(b.body.errors).toBeUndefined();
    if (what === 'API key') expect(JSON.stringify(b.body)).toContain(real.apiKey);
    else expect(b.body).not.toEqual(a.body);
  });

  it('a partner sees its own candidate; an analyst sees no candidate, its answer is the missing id’s (issue 8)', async () => {
    const doc = 'query($c: ID!) { candidate(id: $c) { id nikMasked } }';
    const own = await send('partner', doc, { c: real.own }, 'existence-own');
    expect((own.body.data as { candidate: { id: string } }).candidate.id).toBe(real.own);
    for (const c of [real.own, real.other]) {
      const hidden = await send('analyst', doc, { c }, 'existence-analyst');
      expect(hidden.body).toEqual({ data: { candidate: null } });
    }
  });

  it('a candidate evaluated against their own opening still works, whatever its status', async () => {
    const res = await send('candidate', 'query($c: ID!) { candidate(id: $c) { eligibility(asOf: "2026-01-15") { verdict { selection } } } }', { c: real.own }, 'existence-own-elig');
    expect(res.body.errors).toBeUndefined();
  });
});

describe('public program data: nothing is hidden, a missing id is null or empty for everybody', () => {
  it.each(PUBLIC_PROBES.flatMap((p) => ROLES.map((r) => [p.covers.join(', '), r, p] as const)))('%s as %s', async (_name, role, probe) => {
    const missing = await send(role, probe.doc, probe.vars(MISSING), `public-${++sequence}`);
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({ data: probe.missing });
  });
});

// ------------------------------------------------------------------------------------------------
// Every field that takes an id is probed.

function takesId(type: GraphQLInputType, name: string, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (named.name === 'String' && /(^id$|Id$|Ids$)/.test(name)) return true;
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => takesId(f.type, f.name, seen));
  }
  return false;
}

function idTakingFields(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => takesId(a.type, a.name))) out.push(`${type.name}.${field.name}`);
    }
  }
  return out.sort();
}

it('every query, mutation and field that takes an id has a probe', async () => {
  const res = await t.as('admin').gql<IntrospectionQuery>(getIntrospectionQuery());
  expect(res.body.errors).toBeUndefined();
  const schema = buildClientSchema(res.body.data as IntrospectionQuery);
  const covered = new Set([...PROBES, ...PUBLIC_PROBES].flatMap((p) => p.covers));
  // arguments named like ids that name no record
  // financing[].productId: a loan product code ("kur"), not a record; estimate.koreanCourseId: a course of
  // the public catalogue (`courses` answers anybody), so its existence is no secret
  const NOT_RECORD_IDS = ['Query.costEstimate', 'Query.upfrontCash'];
  for (const f of NOT_RECORD_IDS) covered.add(f);
  const fields = idTakingFields(schema);
  expect(fields.length).toBeGreaterThanOrEqual(36);
  expect(fields.filter((f) => !covered.has(f))).toEqual([]);
});
