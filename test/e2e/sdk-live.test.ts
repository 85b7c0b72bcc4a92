/**
 * The SDK against the live gateway: every method group, pagination, the offline calculators giving
 * the gateway's answers, and every kind of failure reaching the caller as the typed error — each
 * domain code, access refusals, a gateway that is down, one that times out, one that answers HTML.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createClient,
  evaluateEligibility,
  isJembatanError,
  type AnyJembatanError,
  type CandidateProfile,
  type JembatanErrorCode,
} from '@jembatan/sdk';
import { clientAs, hasAccessControl, liveGateway, REPO_ROOT, todayWib } from './support/live';
import { eligibleWelder, freshNik, openWelderOpening } from './support/program';

const today = todayWib();
const officer = () => clientAs('OFFICER');

async function failure(promise: Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await promise;
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw new Error(`expected a JembatanError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error('expected the call to fail');
}

/** What every typed GraphQL error must carry: its code first, both languages, the operation, a request id. */
function expectTyped(e: AnyJembatanError, code: JembatanErrorCode, operationName: string): void {
  expect({ code: e.code, first: e.graphQLErrors[0]?.code, operationName: e.operationName }).toEqual({ code, first: code, operationName });
  expect(isJembatanError(e, code)).toBe(true);
  expect(e.messages.id.length).toBeGreaterThan(0);
  expect(e.messages.en.length).toBeGreaterThan(0);
  expect(e.messages.id).not.toBe(e.messages.en);
  expect(e.message).toBe(`[${code}] ${e.messages.en}`);
  expect(e.requestId).toMatch(/\S/);
  expect(JSON.stringify(e.graphQLErrors)).not.toMatch(/\n\s+at /); // no stack trace
}

describe('domain error codes reach the caller as typed errors', () => {
  it('NIK_INVALID: a NIK that cannot be one (the value is not echoed)', async () => {
    const e = await failure(officer().candidates.register({ profile: { nik: '3673011203' } }));
    expectTyped(e, 'NIK_INVALID', 'RegisterCandidate');
    expect(JSON.stringify(e.toJSON())).not.toContain('3673011203');
  });

  it('CONFLICT: the same NIK registered twice', async () => {
    const nik = freshNik();
    await officer().candidates.register({ profile: eligibleWelder(nik, today), targetRoute: 'E7_3', targetOccupation: 'WELDER' });
    const e = await failure(officer().candidates.register({ profile: eligibleWelder(nik, today) }));
    expectTyped(e, 'CONFLICT', 'RegisterCandidate');
    expect(JSON.stringify(e.toJSON())).not.toContain(nik);
  });

  it('MOU_INVALID_TRANSITION: a DRAFT MoU cannot become ACTIVE', async () => {
    const mou = await officer().mous.create({ title: { id: 'MoU uji transisi', en: 'Transition test MoU' } });
    expect(mou.allowedTransitions).not.toContain('ACTIVE');
    const e = await failure(officer().mous.transition({ id: mou.id, to: 'ACTIVE' }));
    expectTyped(e, 'MOU_INVALID_TRANSITION', 'TransitionMou');
    expect((await officer().mous.get(mou.id))?.status).toBe('DRAFT');
  });

  it('QUOTA_EXHAUSTED and CANDIDATE_NOT_ELIGIBLE at seat allocation', async () => {
    const program = await openWelderOpening(officer(), today, 1, `quota-${Date.now()}`);
    const [a, b] = await Promise.all(
      [freshNik(), freshNik()].map((nik) =>
        officer().candidates.register({ profile: eligibleWelder(nik, today), targetRoute: 'E7_3', targetOccupation: 'WELDER' }),
      ),
    );
    const seat = await officer().candidates.allocateSeat({ candidateId: a!.id, openingId: program.openingId });
    expect(seat.candidate.stage).toBe('SELECTED');
    expect(seat.placement.opening.seatsLeft).toBe(0);
    const exhausted = await failure(officer().candidates.allocateSeat({ candidateId: b!.id, openingId: program.openingId }));
    expectTyped(exhausted, 'QUOTA_EXHAUSTED', 'AllocateSeat');

    const roomy = await openWelderOpening(officer(), today, 5, `eligible-${Date.now()}`);
    const unprepared = await officer().candidates.register({
      profile: { nik: freshNik(), declaredBirthDate: '1997-03-12', declaredSex: 'M', address: { city: 'Kota Serang', kecamatan: 'Kasemen' } },
      targetRoute: 'E7_3',
      targetOccupation: 'WELDER',
    });
    const notEligible = await failure(officer().candidates.allocateSeat({ candidateId: unprepared.id, openingId: roomy.openingId }));
    expectTyped(notEligible, 'CANDIDATE_NOT_ELIGIBLE', 'AllocateSeat');
    expect((await officer().openings.get(roomy.openingId))?.seatsLeft).toBe(5);
  });

  it('NOT_FOUND: a candidate that does not exist (reads answer null instead)', async () => {
    const id = '00000000-0000-4000-8000-00000000e2e0';
    expect(await officer().candidates.get(id)).toBeNull();
    const e = await failure(officer().candidates.advance({ id, to: 'TRAINING' }));
    expectTyped(e, 'NOT_FOUND', 'AdvanceCandidate');
  });

  it('BAD_USER_INPUT: a contract of 0 months, an amount that is not a number, an unknown enum sent untyped', async () => {
    const months = await failure(clientAs('PUBLIC').costs.estimate({ route: 'E7_3', occupation: 'WELDER', contractMonths: 0, asOf: today }));
    expectTyped(months, 'BAD_USER_INPUT', 'EstimateCosts');
    const amount = await failure(
      clientAs('PUBLIC').financing.simulate({ asOf: today, amountIdr: 'lima juta', tenorMonths: 24, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' }),
    );
    expectTyped(amount, 'BAD_USER_INPUT', 'SimulateFinancing');
    expect(JSON.stringify(amount.toJSON())).not.toContain('lima juta');
    const route = await failure(clientAs('PUBLIC').openings.board({ route: 'E10' as never }).next());
    expect(route.code).toBe('BAD_USER_INPUT');
  });
});

(hasAccessControl() ? describe : describe.skip)('access refusals are typed too', () => {
  it('UNAUTHENTICATED: a write without credentials, and a key that does not exist', async () => {
    const anonymous = await failure(clientAs('PUBLIC').parties.create({ kind: 'EMPLOYER', name: 'X', country: 'KR' }));
    expectTyped(anonymous, 'UNAUTHENTICATED', 'CreateParty');
    const unknownKey = await failure(clientAs('PUBLIC', { apiKey: 'jmb_0123456789abcdef_notarealsecretnotarealsecretnotarealsec' }).parameters.routes());
    expect(unknownKey.code).toBe('UNAUTHENTICATED');
    expect(unknownKey.status).toBe(401);
  });

  it('FORBIDDEN: an analyst writing, and an analyst listing candidates; by id an analyst gets null (issue 8)', async () => {
    const write = await failure(clientAs('ANALYST').parties.create({ kind: 'EMPLOYER', name: 'X', country: 'KR' }));
    expectTyped(write, 'FORBIDDEN', 'CreateParty');
    const list = await failure(clientAs('ANALYST').candidates.list({}, { maxPages: 1 }).next());
    expect(list.code).toBe('FORBIDDEN');
    expect(list.graphQLErrors?.[0]?.extensions).toMatchObject({ details: { reason: 'ANALYST_USE_AGGREGATES' } });
    expect(list.messages.en).toContain('candidateCounts');
    const someone = (await officer().candidates.list({}, { maxPages: 1 }).next()).value;
    expect(someone).toBeDefined();
    expect(await clientAs('ANALYST').candidates.get(someone!.id)).toBeNull();
    expect(await clientAs('ANALYST').candidates.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('the public can call every public method: board, MoUs, quotas, parties, parameters, calculators, quota fill', async () => {
    const p = clientAs('PUBLIC');
    for await (const o of p.openings.board()) expect(o.status).toBe('OPEN');
    const mou = (await p.mous.list().next()).value;
    expect(await p.mous.get(mou!.id)).toMatchObject({ id: mou!.id });
    expect((await p.quotas.list().next()).done).toBe(false);
    expect((await p.parties.list().next()).done).toBe(false);
    expect(await p.parameters.routes()).toHaveLength(4);
    expect((await p.aggregates.quotaFill()).seats).toBeGreaterThan(0);
    await expect(p.eligibility.check({ profile: {}, route: 'E9', asOf: today })).resolves.toMatchObject({ route: 'E9' });
  });
});

describe('transport failures are typed, with a message a developer can act on', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((s) => sockets.add(s)); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('a gateway that is down: NETWORK_ERROR after the query retries (never a bare TypeError)', async () => {
    const down = createClient({ url: 'http://127.0.0.1:9/graphql', retries: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const e = await failure(down.parameters.routes());
    expect(e).toMatchObject({ code: 'NETWORK_ERROR', attempts: 3, operationName: 'ListRoutes' });
    expect(e.messages.en).toContain('127.0.0.1:9');
    const write = await failure(down.parties.create({ kind: 'EMPLOYER', name: 'X', country: 'KR' }));
    expect(write).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 }); // a mutation is never retried
  });

  it('a gateway that times out: TIMEOUT with the deadline', async () => {
    const { port } = silent.address() as { port: number };
    const slow = createClient({ url: `http://127.0.0.1:${port}/graphql`, timeoutMs: 300, retries: 0 });
    const started = Date.now();
    const e = await failure(slow.mous.list().next());
    expect(e).toMatchObject({ code: 'TIMEOUT', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a URL that is not the GraphQL endpoint: the gateway’s JSON 404, NOT_FOUND naming the endpoint (never an HTML page)', async () => {
    const wrong = createClient({ url: liveGateway().url.replace(/\/graphql$/, '/no-such-endpoint'), retries: 0 });
    const e = await failure(wrong.parameters.routes());
    expect(e.code).toBe('NOT_FOUND');
    expect(e.status).toBe(404);
    expect(e.messages.en).toContain('/graphql');
    expect(e.messages.id).toContain('/graphql');
    expect(e.requestId).toEqual(expect.any(String));
  });

  it('an aborted list: ABORTED, and nothing more is fetched', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await failure(clientAs('PUBLIC').openings.board({}, { signal: controller.signal }).next());
    expect(e.code).toBe('ABORTED');
  });
});

describe('method groups and pagination on real data', () => {
  it('list() walks every page: page size 1 gives what one page of 100 gives, and totalCount agrees', async () => {
    const small = [];
    for await (const o of officer().openings.list({ route: 'E7_3' }, { pageSize: 1 })) small.push(o.id);
    const page = await officer().openings.page({ first: 100, filter: { routes: ['E7_3'] } });
    expect(small).toEqual(page.edges.map((e) => e.node.id));
    expect(page.totalCount).toBe(small.length);
    expect(small.length).toBeGreaterThan(1);
  });

  it('reads the seeded program: the APJATI MoU with its parties and 1,000 positions across welder, painter and electrician', async () => {
    const mous = [];
    for await (const m of clientAs('PUBLIC').mous.list({ topLevel: true })) mous.push(m);
    const apjati = mous.find((m) => m.parties.some((p) => p.party.shortName === 'APJATI' || p.party.name.includes('APJATI')) && m.status === 'ACTIVE');
    expect(apjati).toBeDefined();
    const seats = Object.fromEntries(apjati!.quotas.map((q) => [q.occupation, q.seats]));
    expect(seats).toEqual({ WELDER: 400, SHIP_PAINTER: 300, SHIP_ELECTRICIAN: 300 });
    const detail = await clientAs('PUBLIC').mous.get(apjati!.id);
    expect(detail?.history[0]).toMatchObject({ from: null, sequence: 1 });
  });

  it('parameters: one value with its sources, the vocabulary with labels', async () => {
    // a fixed date, not today: the 6% rate is that day's, and stays so when the next rate is recorded
    const rate = await clientAs('PUBLIC').parameters.get('kur.annualRate', '2025-06-01');
    expect(rate).toMatchObject({ parameterId: 'kur.annualRate', value: '0.06', effectiveFrom: '2024-01-01', unit: expect.any(String) });
    expect(rate.sources.length).toBeGreaterThan(0);
    const before = await failure(clientAs('PUBLIC').parameters.get('kur.annualRate', '1990-01-01'));
    expectTyped(before, 'BAD_USER_INPUT', 'ListParameters');
    expect(before.graphQLErrors[0]?.extensions.domainCode).toBe('PARAMETER.BEFORE_COVERAGE');
    const occupations = await clientAs('PUBLIC').parameters.occupations();
    expect(occupations.find((o) => o.code === 'WELDER')?.label).toEqual({ idn: 'Juru las', en: 'Welder' });
  });

  it('the offline eligibility calculator gives the gateway’s answer for the same profile and date', async () => {
    const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', 'eligibility-self-check', 'resident-profile.json'), 'utf8'));
    const online = await clientAs('PUBLIC').eligibility.check({ profile: file.profile, route: file.route, occupation: file.occupation, asOf: today });
    const offline = evaluateEligibility({ route: file.route, asOf: today, opening: { occupation: file.occupation }, profile: file.profile as CandidateProfile });
    expect(online.verdict.selection).toBe(offline.verdict.selection);
    expect(online.results.map((r) => [r.ruleId, r.outcome, r.code])).toEqual(offline.results.map((r) => [r.ruleId, r.outcome.toUpperCase(), r.code]));
    expect(online.checklist.map((c) => c.message.idn)).toEqual(offline.checklist.map((c) => c.message.id));
  });

  it('candidates: filters by stage, stored eligibility evaluation, ranking for an opening', async () => {
    const program = await openWelderOpening(officer(), today, 3, `rank-${Date.now()}`);
    const registered = await officer().candidates.register({ profile: eligibleWelder(freshNik(), today), targetRoute: 'E7_3', targetOccupation: 'WELDER' });
    const stored = await officer().candidates.eligibility({ id: registered.id, openingId: program.openingId, asOf: today });
    expect(stored?.verdict.eligibleToBeSelected).toBe(true);
    const ranked = await officer().openings.rankedCandidates({ openingId: program.openingId, asOf: today, first: 100 });
    expect(ranked?.map((r) => r.candidate.id)).toContain(registered.id);
    const inStage = [];
    for await (const c of officer().candidates.list({ stage: 'REGISTERED', route: 'E7_3' })) inStage.push(c);
    expect(inStage.every((c) => c.stage === 'REGISTERED')).toBe(true);
    expect(inStage.map((c) => c.id)).toContain(registered.id);
    const cost = await officer().candidates.costEstimate({ id: registered.id, asOf: today, contractMonths: 24 });
    expect(cost?.route).toBe('E7_3');
  });
});
