/**
 * Build program data through the API itself (parties, a signed MoU, a quota, an open opening), as the
 * suite's OFFICER unless another caller is given.
 */
import type { TestGateway, TestRole } from '../harness';

export async function ok<T = any>(
  t: TestGateway,
  query: string,
  variables?: Record<string, unknown>,
  who: TestRole | { readonly token: string } = 'officer',
): Promise<T> {
  const res = await t.as(who).gql<T>(query, variables);
  if (res.body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(res.body.errors)}`);
  return res.body.data as T;
}

export async function createParty(t: TestGateway, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ createParty: { id: string } }>(t, 'mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }', { input });
  return data.createParty.id;
}

export interface Program {
  cityId: string;
  apjatiId: string;
  employerId: string;
  mouId: string;
}

/** The city and APJATI sign an MoU (no foreign government, so no Kemendagri review). */
export async function signedMou(t: TestGateway, title = 'MoU Pemkot Serang – APJATI'): Promise<Program> {
  const cityId = await createParty(t, { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' });
  const apjatiId = await createParty(t, { kind: 'ASSOCIATION', name: 'APJATI', country: 'ID' });
  const employerId = await createParty(t, { kind: 'EMPLOYER', name: 'PT One Asia', country: 'KR' });
  const created = await ok<{ createMou: { id: string } }>(
    t,
    `mutation($input: CreateMouInput!) { createMou(input: $input) { id } }`,
    {
      input: {
        title: { id: title, en: title },
        validFrom: '2025-12-08',
        parties: [
          { partyId: cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang', signatoryTitle: 'Wali Kota' },
          { partyId: apjatiId, role: 'PARTNER', isSignatory: true, signatoryName: 'Ketua Umum APJATI', signatoryTitle: 'Ketua Umum' },
        ],
        obligations: [
          { partyId: cityId, text: { id: 'Menyiapkan calon pekerja', en: 'Prepare candidates' } },
          { partyId: apjatiId, text: { id: 'Memfasilitasi pelatihan', en: 'Facilitate training' } },
        ],
      },
    },
  );
  const mouId = created.createMou.id;
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: EXPLORATION) { status } }', { id: mouId });
  await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: SIGNED, signedOn: "2025-12-08") { status } }', { id: mouId });
  return { cityId, apjatiId, employerId, mouId };
}

/** The city and a P3MI sign an MoU (both signatories; no foreign government); returns the MoU id. */
export async function signedMouBetween(t: TestGateway, cityId: string, p3miId: string, title: string): Promise<string> {
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
  return mouId;
}

/** A quota and an OPEN, attaché-verified welder opening with `seats` seats under the MoU. */
export async function openOpening(t: TestGateway, p: Program, seats: number, quotaSeats = Math.max(seats, 100)): Promise<string> {
  await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', {
    input: { mouId: p.mouId, occupation: 'WELDER', route: 'E7_3', seats: quotaSeats },
  });
  const created = await ok<{ createJobOpening: { id: string } }>(
    t,
    'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }',
    {
      input: {
        mouId: p.mouId,
        employerPartyId: p.employerId,
        occupation: 'WELDER',
        route: 'E7_3',
        seats,
        // above the E-7-3 floor (0.8 × Korea's GNI per capita, parameter e73.gniPerCapitaKrw: KRW 3,330,334 a month)
        wage: { basis: 'FIXED', monthlyKrw: '3400000' },
        contractMonths: 24,
      },
    },
  );
  const id = created.createJobOpening.id;
  await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }', {
    input: { id, attacheVerifiedOn: '2025-12-10', attacheReference: 'KBRI-SEOUL-001' },
  });
  await ok(t, 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }', { id });
  return id;
}

/** A NIK for a man born 15 Jan 1999 registered in Kecamatan 01 of Kota Serang, sequence `n`. */
export function nikFor(n: number, female = false): string {
  return `367301${female ? '55' : '15'}0199${String(n).padStart(4, '0')}`;
}

/** A profile eligible to be selected for an E-7-3 welder opening. */
export function eligibleWelderProfile(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nik: nikFor(n),
    declaredBirthDate: '1999-01-15',
    declaredSex: 'M',
    address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' },
    education: 'SLTA',
    topikResults: [{ test: 'TOPIK_I', takenOn: '2025-06-01', score: 150 }],
    skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G', testedOn: '2025-10-01', passed: true }],
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'AK1_CARD', issuedOn: '2025-11-01', verified: true },
    ],
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
    ...overrides,
  };
}

export async function registerCandidate(t: TestGateway, profile: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await ok<{ registerCandidate: { id: string } }>(
    t,
    'mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }',
    { input: { profile, targetRoute: 'E7_3', targetOccupation: 'WELDER', ...extra } },
  );
  return data.registerCandidate.id;
}
