/**
 * Program data for the schema-driven N+1 suite (test/n-plus-one-schema.test.ts), built through the
 * API as the suite's OFFICER (API keys as its ADMIN), so that every list and nested list of the schema
 * has items, and its first few items already reach every nested level.
 *
 * Order matters: the lists are oldest first, so the data is created in rounds across the MoUs.
 * MoUs come in units of three, in this order: a parent P, its child C (parentMouId P) and a renewal R
 * of P. Every page of three MoUs, quotas or openings therefore holds a MoU with children, one with a
 * parent, one renewed and one renewing.
 */
import type { Client } from 'pg';
import type { Clock } from '../../src/clock';
import type { TestGateway } from '../harness';
import { createParty, eligibleWelderProfile, ok, registerCandidate } from './program';

/**
 * A clock on `date` (from noon WIB) that moves one millisecond per reading: the day is fixed, and
 * records made one after the other keep their order (a fixed clock would tie every `createdAt`, and
 * the lists would fall back on the random ids).
 */
export function steppingClock(date: string): Clock {
  let ms = Date.parse(`${date}T05:00:00Z`);
  return { now: () => new Date((ms += 1)) };
}

export interface NPlusOneProgram {
  readonly cityId: string;
  readonly partyIds: readonly string[];
  /** In creation order: P1, C1, R1, P2, C2, R2, … */
  readonly mouIds: readonly string[];
  readonly openingIds: readonly string[];
  /** Selected twice (one cancelled placement), each with a financing plan. */
  readonly candidateIds: readonly string[];
  /** Still REGISTERED welders: the ranking pool of every welder opening. */
  readonly poolIds: readonly string[];
}

export interface SeedSize {
  readonly units: number;
  readonly candidates: number;
  readonly pool: number;
  readonly revokedKeys: number;
}

const KECAMATANS = ['Cipocok Jaya', 'Kasemen', 'Walantaka'] as const;
/** Two occupations of the E-7-3 route, one quota and one opening each per MoU. */
const OCCUPATIONS = ['WELDER', 'SHIP_PAINTER'] as const;

function refs(tag: string): Array<Record<string, string>> {
  return [
    { system: 'OSS_NIB', reference: `NIB-${tag}` },
    { system: 'SIAPKERJA', reference: `SK-${tag}` },
  ];
}

async function seedParties(t: TestGateway): Promise<{ cityId: string; partners: string[]; employers: string[] }> {
  const representative = { name: 'Kepala', title: 'Direktur' };
  const cityId = await createParty(t, { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73', externalRefs: refs('city'), representative });
  const partners: string[] = [await createParty(t, { kind: 'ASSOCIATION', name: 'APJATI', country: 'ID', externalRefs: refs('apjati'), representative })];
  const employers: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    partners.push(
      await createParty(t, {
        kind: 'P3MI',
        name: `PT Mitra ${i}`,
        country: 'ID',
        licence: { sip3miNumber: `SIP3MI-${i}`, sip2miNumber: `SIP2MI-${i}` },
        externalRefs: refs(`p3mi-${i}`),
        representative,
      }),
    );
    employers.push(await createParty(t, { kind: 'EMPLOYER', name: `Korea Shipyard ${i}`, country: 'KR', externalRefs: refs(`emp-${i}`), representative }));
  }
  return { cityId, partners, employers };
}

const CREATE_MOU = 'mutation($input: CreateMouInput!) { createMou(input: $input) { id } }';

/** A signed MoU between the city and two partners, three obligations; returns its id. */
async function seedMou(t: TestGateway, title: string, cityId: string, partners: readonly string[], parentMouId?: string): Promise<string> {
  const [a, b] = partners as [string, string];
  const created = await ok<{ createMou: { id: string } }>(t, CREATE_MOU, {
    input: {
      title: { id: title, en: title },
      validFrom: '2025-12-08',
      ...(parentMouId ? { parentMouId } : {}),
      parties: [
        { partyId: cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
        { partyId: a, role: 'PARTNER', isSignatory: true, signatoryName: 'Direktur', signatoryTitle: 'Direktur Utama' },
        { partyId: b, role: 'IMPLEMENTER', isSignatory: false },
      ],
      obligations: [
        { partyId: cityId, text: { id: 'Menyiapkan calon pekerja', en: 'Prepare candidates' } },
        { partyId: a, text: { id: 'Menempatkan pekerja', en: 'Place the workers' } },
        { partyId: b, text: { id: 'Melatih pekerja', en: 'Train the workers' } },
      ],
    },
  });
  const id = created.createMou.id;
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: EXPLORATION) { status } }', { id });
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: SIGNED, signedOn: "2025-12-08") { status } }', { id });
  return id;
}

/**
 * No mutation records a renewal (the renewal columns are written by no use case yet), so the link is
 * set in SQL: R renews P.
 */
async function linkRenewal(db: Client, parentId: string, renewalId: string): Promise<void> {
  await db.query('update mou set renewal_of_mou_id = $1 where id = $2', [parentId, renewalId]);
  await db.query('update mou set renewed_by_mou_id = $1 where id = $2', [renewalId, parentId]);
}

async function seedMous(t: TestGateway, db: Client, units: number, cityId: string, partners: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let u = 0; u < units; u += 1) {
    const pair = [partners[u % partners.length], partners[(u + 1) % partners.length]] as string[];
    const parent = await seedMou(t, `MoU ${u} induk`, cityId, pair);
    const child = await seedMou(t, `MoU ${u} turunan`, cityId, pair, parent);
    const renewal = await seedMou(t, `MoU ${u} perpanjangan`, cityId, pair);
    await linkRenewal(db, parent, renewal);
    ids.push(parent, child, renewal);
  }
  return ids;
}

/** One quota per occupation on every MoU, then one OPEN opening per quota, round by round. */
async function seedOpenings(t: TestGateway, mouIds: readonly string[], employers: readonly string[]): Promise<string[]> {
  for (const occupation of OCCUPATIONS) {
    for (const mouId of mouIds) {
      await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', { input: { mouId, occupation, route: 'E7_3', seats: 50 } });
    }
  }
  const ids: string[] = [];
  for (const occupation of OCCUPATIONS) {
    for (const [i, mouId] of mouIds.entries()) {
      const created = await ok<{ createJobOpening: { id: string } }>(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
        input: { mouId, employerPartyId: employers[i % employers.length], occupation, route: 'E7_3', seats: 10, wage: { basis: 'FIXED', monthlyKrw: '3400000' }, contractMonths: 24 },
      });
      const id = created.createJobOpening.id;
      await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }', {
        input: { id, attacheVerifiedOn: '2025-12-10', attacheReference: `KBRI-SEOUL-${i}` },
      });
      await ok(t, 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }', { id });
      ids.push(id);
    }
  }
  return ids;
}

const GRANT_TERMS = { statedBy: 'Perwal Kota Serang (test)', ceilingIdr: '5000000' };

/**
 * A welder selected for one opening, withdrawn, registered again and selected for another (two
 * placements, seven stage changes), in training, with a KUR loan and a city grant.
 */
/** Every part of a profile filled in, so that every personal field of a candidate has a value to guard. */
const FULL_PROFILE = {
  medical: { examinedOn: '2025-11-20', physicallyFit: true, psychologicallyFit: true, colourBlind: false, completeFingers: true, conditions: { HIV: false, HEPATITIS: false, SYPHILIS: false, TUBERCULOSIS: false } },
  criminalRecord: { everImprisoned: false },
  familyConsent: { givenBy: 'PARENT', givenOn: '2025-11-01', acknowledgedByVillageHead: true },
  epsTopikResults: [{ score: 160, takenOn: '2025-05-10', round: '2025 manufacturing (Indonesia)' }],
  pilotKoreanTests: [{ level: 2, speakingPassed: true, takenOn: '2025-07-01' }],
};

async function seedCandidate(t: TestGateway, n: number, first: string, second: string): Promise<string> {
  const profile = eligibleWelderProfile(n, { ...FULL_PROFILE, address: { kecamatan: KECAMATANS[n % KECAMATANS.length], city: 'Kota Serang', source: 'KTP' } });
  const id = await registerCandidate(t, profile, { externalRefs: [{ system: 'SISKOP2MI', reference: `S-${n}` }, { system: 'AK1_CARD', reference: `AK1-${n}` }] });
  const allocate = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';
  await ok(t, allocate, { c: id, o: first });
  await ok(t, 'mutation($c: ID!) { releaseSeat(candidateId: $c, reason: WITHDRAWN, note: "Mundur") { stage } }', { c: id });
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: REGISTERED) { stage } }', { id });
  await ok(t, allocate, { c: id, o: second });
  await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: TRAINING) { stage } }', { id });
  await ok(t, 'mutation($c: ID!, $input: FinancingPlanInput!) { setFinancingPlan(candidateId: $c, input: $input) { id } }', {
    c: id,
    input: {
      contractMonths: 24,
      facilities: [
        { product: 'KUR_PENEMPATAN_PMI', amountIdr: String(5_000_000 + n * 1000), tenorMonths: 12 },
        { product: 'CITY_GRANT', amountIdr: '500000', terms: GRANT_TERMS },
      ],
    },
  });
  return id;
}

/** Keys created and revoked through the API (the large `apiKeys(includeRevoked: true)`). */
async function seedRevokedKeys(t: TestGateway, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const created = await ok<{ createApiKey: { key: { keyId: string } } }>(
      t,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key { keyId } } }',
      { input: { name: `Portal ${i}`, roles: ['OFFICER'], city: 'Kota Serang' } },
      'admin',
    );
    await ok(t, 'mutation($k: String!) { revokeApiKey(keyId: $k) { keyId } }', { k: created.createApiKey.key.keyId }, 'admin');
  }
}

/**
 * Training (issue 10): one provider's Korean courses and a RUNNING cohort of each (starting on the
 * suite's day), every seeded candidate enrolled in one of them (in turn), one session's attendance
 * recorded and a practice score per member: every list and nested list of courses, cohorts and
 * `Candidate.training` has items.
 */
async function seedTraining(t: TestGateway, count: number, candidateIds: readonly string[], day: string): Promise<void> {
  const providerId = await createParty(t, { kind: 'TRAINING_PROVIDER', name: 'BBPVP Serang', country: 'ID' });
  const cohortIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const course = await ok<{ createCourse: { id: string } }>(t, 'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: {
        title: { id: `Bahasa Korea ${i + 1}`, en: `Korean ${i + 1}` },
        kind: 'KOREAN_LANGUAGE',
        providerPartyId: providerId,
        providerType: 'BBPVP',
        target: { kind: 'EPS_TOPIK', score: 120 },
        hours: 100,
        feeIdr: '1500000',
        attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: 'Tata tertib BBPVP (test fixture)' },
        hasFinalAssessment: false,
      },
    });
    const cohort = await ok<{ createTrainingCohort: { id: string } }>(t, 'mutation($input: CreateTrainingCohortInput!) { createTrainingCohort(input: $input) { id } }', {
      input: {
        courseId: course.createCourse.id,
        venue: { kind: 'KAMPUNG_BAHASA', name: 'Kampung Bahasa Serang', kecamatan: KECAMATANS[i % KECAMATANS.length] },
        capacity: 10,
        startDate: day,
        endDate: '2026-04-10',
        promotionWindowDays: 7,
        sessions: [{ date: day, topic: 'Hangeul' }],
      },
    });
    cohortIds.push(cohort.createTrainingCohort.id);
    await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: ENROLLING) { status } }', { id: cohort.createTrainingCohort.id });
  }
  const members = new Map<string, string[]>();
  for (const [i, candidateId] of candidateIds.entries()) {
    const cohortId = cohortIds[i % cohortIds.length] as string;
    await ok(t, 'mutation($k: ID!, $c: ID!) { enrollCandidate(cohortId: $k, candidateId: $c) { status } }', { k: cohortId, c: candidateId });
    members.set(cohortId, [...(members.get(cohortId) ?? []), candidateId]);
  }
  for (const [cohortId, ids] of members) {
    await ok(t, 'mutation($id: ID!) { transitionTrainingCohort(id: $id, to: RUNNING) { status } }', { id: cohortId });
    const marks = ids.map((candidateId) => ({ candidateId, mark: 'PRESENT' }));
    await ok(t, 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { cohortId, sessionNumber: 1, marks } });
    for (const [j, candidateId] of ids.entries()) {
      await ok(t, 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
        input: { cohortId, candidateId, kind: 'PRACTICE', test: 'EPS_TOPIK', takenOn: day, score: 100 + j },
      });
    }
  }
}

export async function seedNPlusOneProgram(t: TestGateway, size: SeedSize): Promise<NPlusOneProgram> {
  const db = await t.db();
  const { cityId, partners, employers } = await seedParties(t);
  const mouIds = await seedMous(t, db, size.units, cityId, partners);
  const openingIds = await seedOpenings(t, mouIds, employers);
  const welderOpenings = openingIds.slice(0, mouIds.length);
  const candidateIds: string[] = [];
  for (let i = 0; i < size.candidates; i += 1) {
    const first = welderOpenings[(i + 1) % welderOpenings.length] as string;
    const second = welderOpenings[i % welderOpenings.length] as string;
    candidateIds.push(await seedCandidate(t, 6000 + i, first, second));
  }
  const poolIds: string[] = [];
  for (let i = 0; i < size.pool; i += 1) {
    poolIds.push(await registerCandidate(t, eligibleWelderProfile(7000 + i), { externalRefs: [{ system: 'SISKOP2MI', reference: `P-${i}` }] }));
  }
  await seedTraining(t, size.candidates, candidateIds, '2026-01-15');
  await seedRevokedKeys(t, size.revokedKeys);
  return { cityId, partyIds: [cityId, ...partners, ...employers], mouIds, openingIds, candidateIds, poolIds };
}
