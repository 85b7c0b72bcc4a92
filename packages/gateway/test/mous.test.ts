/** MoUs, quotas and job openings through the API: lifecycle, filters, relations and bad input. */
import { startTestGateway, type TestGateway } from './harness';
import { createParty, ok, openOpening, signedMou, type Program } from './support/program';

let t: TestGateway;
let p: Program;
let openingId: string;
beforeAll(async () => {
  t = await startTestGateway();
  p = await signedMou(t);
  openingId = await openOpening(t, p, 10);
});
afterAll(async () => {
  await t?.close();
});

async function tableCounts(): Promise<Record<string, number>> {
  const db = await t.db();
  const out: Record<string, number> = {};
  for (const table of ['party', 'mou', 'mou_party', 'mou_obligation', 'mou_status_change', 'quota', 'job_opening', 'seat_allocation']) {
    out[table] = Number((await db.query(`select count(*) from ${table}`)).rows[0].count);
  }
  return out;
}

describe('MoU lifecycle', () => {
  it('keeps the parties, obligations and a status history', async () => {
    const data = await ok(t, `query($id: ID!) { mou(id: $id) {
      status signedOn validFrom allowedTransitions statusLabel { idn en }
      parties { role isSignatory signatoryName party { name kind } }
      obligations { number text { en } party { name } }
      history { sequence from to actor }
    } }`, { id: p.mouId });
    expect(data.mou.status).toBe('SIGNED');
    expect(data.mou.signedOn).toBe('2025-12-08');
    expect(data.mou.allowedTransitions).toEqual(['ACTIVE', 'ENDED']);
    expect(data.mou.parties.map((x: any) => [x.role, x.party.kind])).toEqual([['PRINCIPAL', 'CITY_GOVERNMENT'], ['PARTNER', 'ASSOCIATION']]);
    expect(data.mou.obligations.map((o: any) => o.number)).toEqual([1, 2]);
    expect(data.mou.history.map((h: any) => [h.sequence, h.from, h.to])).toEqual([[1, null, 'DRAFT'], [2, 'DRAFT', 'EXPLORATION'], [3, 'EXPLORATION', 'SIGNED']]);
  });

  it('refuses a transition the state machine forbids with MOU_INVALID_TRANSITION, and changes nothing', async () => {
    const before = await tableCounts();
    const res = await t.as('officer').gql('mutation($id: ID!) { transitionMou(id: $id, to: DRAFT) { status } }', { id: p.mouId });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'MOU_INVALID_TRANSITION',
      domainCode: 'MOU.INVALID_TRANSITION',
      field: ['to'],
      messages: { id: expect.any(String), en: expect.any(String) },
    });
    expect(res.body.data).toBeNull();
    expect(await tableCounts()).toEqual(before);
    const status = await ok(t, 'query($id: ID!) { mou(id: $id) { status history { sequence } } }', { id: p.mouId });
    expect(status.mou).toEqual({ status: 'SIGNED', history: [{ sequence: 1 }, { sequence: 2 }, { sequence: 3 }] });
  });

  it('requires Kemendagri review for an MoU with a Korean county, and builds it on the parent', async () => {
    const countyId = await createParty(t, { kind: 'FOREIGN_LOCAL_GOVERNMENT', name: 'Kabupaten Hannam', country: 'KR' });
    const child = await ok(t, `mutation($input: CreateMouInput!) { createMou(input: $input) { id status parent { id } } }`, {
      input: {
        title: { id: 'Penjajakan Kabupaten Hannam', en: 'Exploration with Hannam County' },
        parentMouId: p.mouId,
        parties: [
          { partyId: p.cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota', signatoryTitle: 'Wali Kota' },
          { partyId: countyId, role: 'PARTNER', isSignatory: true, signatoryName: 'Gunsu', signatoryTitle: 'County Governor' },
        ],
        obligations: [{ partyId: countyId, text: { id: 'Rekomendasi kerja', en: 'Employment recommendations' } }],
      },
    });
    expect(child.createMou.parent.id).toBe(p.mouId);
    const id = child.createMou.id;
    await ok(t, 'mutation($id: ID!) { transitionMou(id: $id, to: EXPLORATION) { status } }', { id });
    const sign = await t.as('officer').gql('mutation($id: ID!) { transitionMou(id: $id, to: SIGNED) { status } }', { id });
    expect(sign.body.errors?.[0]?.extensions).toMatchObject({ domainCode: 'MOU.REVIEW_REQUIRED' });
    const parent = await ok(t, 'query($id: ID!) { mou(id: $id) { children { id status } } }', { id: p.mouId });
    expect(parent.mou.children).toEqual([{ id, status: 'EXPLORATION' }]);
  });

  it('answers a missing MoU with NOT_FOUND', async () => {
    const res = await t.as('officer').gql('mutation { transitionMou(id: "00000000-0000-4000-8000-000000000000", to: SIGNED) { status } }');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
  });
});

describe('mous filters', () => {
  it('filters by status, party and parent', async () => {
    const byStatus = await ok(t, '{ mous(filter: { statuses: [SIGNED] }) { totalCount edges { node { id } } } }');
    expect(byStatus.mous.edges.map((e: any) => e.node.id)).toEqual([p.mouId]);
    const byParty = await ok(t, 'query($id: ID!) { mous(filter: { partyId: $id }) { totalCount } }', { id: p.apjatiId });
    expect(byParty.mous.totalCount).toBe(1);
    const byCity = await ok(t, 'query($id: ID!) { mous(filter: { partyId: $id }) { totalCount } }', { id: p.cityId });
    expect(byCity.mous.totalCount).toBe(2);
    const children = await ok(t, 'query($id: ID!) { mous(filter: { parentId: $id }) { totalCount } }', { id: p.mouId });
    expect(children.mous.totalCount).toBe(1);
    const top = await ok(t, '{ mous(filter: { topLevel: true }) { totalCount } }');
    expect(top.mous.totalCount).toBe(1);
  });
});

describe('quotas and openings', () => {
  it('sets and lists quotas; refuses seats below the allocated', async () => {
    const data = await ok(t, 'query($id: ID!) { quotas(filter: { mouId: $id }) { totalCount edges { node { occupation route seats allocated remaining mou { id } } } } }', { id: p.mouId });
    expect(data.quotas.edges[0].node).toEqual({ occupation: 'WELDER', route: 'E7_3', seats: 100, allocated: 0, remaining: 100, mou: { id: p.mouId } });
    const changed = await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { seats } }', {
      input: { mouId: p.mouId, occupation: 'WELDER', route: 'E7_3', seats: 120 },
    });
    expect(changed.setQuota.seats).toBe(120);
  });

  it('refuses a quota on a route that does not admit the occupation', async () => {
    const res = await t.as('officer').gql('mutation($input: SetQuotaInput!) { setQuota(input: $input) { seats } }', {
      input: { mouId: p.mouId, occupation: 'HOUSEKEEPER', route: 'E7_3', seats: 5 },
    });
    expect(res.body.errors?.[0]?.extensions?.domainCode).toMatch(/^QUOTA\./);
  });

  it('shows the open opening on the vacancy board with its relations', async () => {
    const data = await ok(t, `{ jobOpenings(filter: { routes: [E7_3], occupations: [WELDER], statuses: [OPEN] }) {
      totalCount edges { node { id status seats seatsLeft verifiedByAttache wage { basis monthly { amount currency decimal } }
        employer { name } mou { status } quota { seats } history { to } allowedTransitions } } } }`);
    expect(data.jobOpenings.totalCount).toBe(1);
    expect(data.jobOpenings.edges[0].node).toMatchObject({
      id: openingId,
      status: 'OPEN',
      seats: 10,
      seatsLeft: 10,
      verifiedByAttache: true,
      wage: { basis: 'FIXED', monthly: { amount: '3400000', currency: 'KRW', decimal: '3400000' } },
      employer: { name: 'PT One Asia' },
      mou: { status: 'SIGNED' },
      history: [{ to: 'DRAFT' }, { to: 'OPEN' }],
    });
    const none = await ok(t, '{ jobOpenings(filter: { routes: [E9] }) { totalCount } }');
    expect(none.jobOpenings.totalCount).toBe(0);
  });

  it('refuses to publish an unverified opening', async () => {
    const created = await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
      input: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
    });
    const res = await t.as('officer').gql('mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }', { id: created.createJobOpening.id });
    expect(res.body.errors?.[0]?.extensions?.domainCode).toMatch(/^OPENING\./);
  });

  it('refuses an amount that is not a number with BAD_USER_INPUT', async () => {
    const res = await t.as('officer').gql('mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
      input: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'FIXED', monthlyKrw: 'tiga juta' }, contractMonths: 24 },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'wage', 'monthlyKrw'] });
    expect(JSON.stringify(res.body)).not.toContain('tiga juta');
  });
});

describe('editing a draft MoU and opening', () => {
  it('adds a party and an obligation and sets the validity; refuses a party twice', async () => {
    const bank = await createParty(t, { kind: 'BANK', name: 'Bank contoh', country: 'ID', isExample: true });
    const created = await ok(t, 'mutation($input: CreateMouInput!) { createMou(input: $input) { id status } }', {
      input: { title: { id: 'Pembiayaan KUR', en: 'KUR financing' }, parties: [{ partyId: p.cityId, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota' }] },
    });
    const mouId = created.createMou.id;
    const added = await ok(t, 'mutation($input: AddMouPartyInput!) { addMouParty(input: $input) { parties { role party { kind } } } }', {
      input: { mouId, partyId: bank, role: 'PARTNER', isSignatory: true, signatoryName: 'Direktur', signatoryTitle: 'Direktur Utama' },
    });
    expect(added.addMouParty.parties.map((x: any) => x.party.kind)).toEqual(['CITY_GOVERNMENT', 'BANK']);
    const twice = await t.as('officer').gql('mutation($input: AddMouPartyInput!) { addMouParty(input: $input) { id } }', {
      input: { mouId, partyId: bank, role: 'PARTNER', isSignatory: false },
    });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'MOU.PARTY_ALREADY_ADDED', field: ['input', 'partyId'] });
    const obligation = await ok(t, 'mutation($input: AddMouObligationInput!) { addMouObligation(input: $input) { obligations { number text { idn } party { kind } } } }', {
      input: { mouId, partyId: bank, text: { id: 'Menyalurkan KUR', en: 'Disburse KUR' } },
    });
    expect(obligation.addMouObligation.obligations).toEqual([{ number: 1, text: { idn: 'Menyalurkan KUR' }, party: { kind: 'BANK' } }]);
    const validity = await ok(t, 'mutation($input: SetMouValidityInput!) { setMouValidity(input: $input) { validFrom validUntil } }', {
      input: { mouId, validFrom: '2026-01-01', validUntil: '2028-12-31' },
    });
    expect(validity.setMouValidity).toEqual({ validFrom: '2026-01-01', validUntil: '2028-12-31' });
    const backwards = await t.as('officer').gql('mutation($input: SetMouValidityInput!) { setMouValidity(input: $input) { id } }', {
      input: { mouId, validFrom: '2026-01-01', validUntil: '2025-12-31' },
    });
    expect(backwards.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'MOU.INVALID_VALIDITY' });
  });

  it('revises a draft opening and clears the attaché verification on a material change', async () => {
    const created = await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
      input: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 3, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
    });
    const id = created.createJobOpening.id;
    const verified = await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { verifiedByAttache } }', {
      input: { id, attacheVerifiedOn: '2025-12-10' },
    });
    expect(verified.updateJobOpening.verifiedByAttache).toBe(true);
    const revised = await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { seats verifiedByAttache extraRequirements { minTopikLevel } } }', {
      input: { id, seats: 4, extraRequirements: { minTopikLevel: 2 } },
    });
    expect(revised.updateJobOpening).toEqual({ seats: 4, verifiedByAttache: false, extraRequirements: { minTopikLevel: 2 } });
  });
});
