/**
 * The method groups against a real HTTP server playing the gateway: each method sends its generated
 * operation (by name) with the variables it is given (shorthand filters expanded), unwraps the
 * field it is named after, and `list()` walks every page.
 */
import fc from 'fast-check';
import { createClient, type JembatanClient } from '../client/create-client';
import { isJembatanError } from '../errors/jembatan-error';
import { json, startFakeGateway, type Behaviour, type FakeGateway, type RecordedRequest } from '../__tests__/fake-gateway';
import { mergeOne } from './send';
import { toCandidateFilter } from './candidates.api';
import { toOpeningFilter } from './openings.api';

let gw: FakeGateway;
let client: JembatanClient;
beforeAll(async () => {
  gw = await startFakeGateway();
  client = createClient({ url: gw.url, retries: 0, timeoutMs: 5_000 });
});
afterAll(() => gw.close());

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A connection server: `total` nodes `{ id: 'n-1' … }` under `field`, pages of the requested size. */
function connectionServer(field: string, total: number): Behaviour {
  return {
    kind: 'fn',
    handle: (req: RecordedRequest) => {
      const first = Number(req.body.variables?.first);
      const after = req.body.variables?.after as string | null | undefined;
      const start = after ? Number(after.slice(2)) : 0;
      const ids = Array.from({ length: Math.max(0, Math.min(first, total - start)) }, (_, i) => start + i + 1);
      const end = start + ids.length;
      return json({
        data: {
          [field]: {
            totalCount: total,
            edges: ids.map((n) => ({ cursor: `c:${n}`, node: { id: `n-${n}` } })),
            pageInfo: { hasNextPage: end < total, endCursor: ids.length ? `c:${end}` : null },
          },
        },
      });
    },
  };
}

describe('list(): async iteration over a connection', () => {
  it('walks every page with the page size, and sends the shorthand filter as the schema filter', async () => {
    gw.script(connectionServer('jobOpenings', 7));
    const nodes = await collect(client.openings.list({ route: 'E7_3', occupation: 'WELDER' }, { pageSize: 3 }));
    expect(nodes.map((n) => n.id)).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5', 'n-6', 'n-7']);
    expect(gw.requests.map((r) => r.body.operationName)).toEqual(['ListOpenings', 'ListOpenings', 'ListOpenings']);
    expect(gw.requests.map((r) => r.body.variables)).toEqual([
      { first: 3, after: null, filter: { routes: ['E7_3'], occupations: ['WELDER'] } },
      { first: 3, after: 'c:3', filter: { routes: ['E7_3'], occupations: ['WELDER'] } },
      { first: 3, after: 'c:6', filter: { routes: ['E7_3'], occupations: ['WELDER'] } },
    ]);
  });

  it('asks for 50 per page by default and sends no filter when none is given', async () => {
    gw.script(connectionServer('mous', 2));
    expect(await collect(client.mous.list())).toHaveLength(2);
    expect(gw.requests[0]?.body.variables).toEqual({ first: 50, after: null });
  });

  it('board() lists OPEN openings only, whatever status the caller passes', async () => {
    gw.script(connectionServer('jobOpenings', 1));
    await collect(client.openings.board({ route: 'E7_3', status: 'DRAFT' } as never));
    expect(gw.requests[0]?.body.variables?.filter).toEqual({ routes: ['E7_3'], statuses: ['OPEN'] });
  });

  it.each([
    ['candidates', () => client.candidates.list({ stage: 'REGISTERED', kecamatan: 'KASEMEN' }), 'ListCandidates', { stages: ['REGISTERED'], kecamatans: ['KASEMEN'] }],
    ['quotas', () => client.quotas.list({ route: 'E7_3', occupations: ['WELDER'] }), 'ListQuotas', { routes: ['E7_3'], occupations: ['WELDER'] }],
    ['parties', () => client.parties.list({ kind: 'EMPLOYER', country: 'KR' }), 'ListParties', { kinds: ['EMPLOYER'], country: 'KR' }],
    ['mous', () => client.mous.list({ status: 'ACTIVE', topLevel: true }), 'ListMous', { statuses: ['ACTIVE'], topLevel: true }],
  ] as const)('%s.list sends %s with the expanded filter', async (field, call, operationName, filter) => {
    gw.script(connectionServer(field === 'quotas' ? 'quotas' : field, 1));
    expect(await collect(call() as AsyncIterable<unknown>)).toHaveLength(1);
    expect(gw.requests[0]?.body.operationName).toBe(operationName);
    expect(gw.requests[0]?.body.variables?.filter).toEqual(filter);
  });

  it('stops fetching when the loop breaks, and after maxPages', async () => {
    gw.script(connectionServer('candidates', 10));
    for await (const c of client.candidates.list({}, { pageSize: 2 })) {
      expect(c.id).toBe('n-1');
      break;
    }
    expect(gw.requests).toHaveLength(1);
    gw.script(connectionServer('candidates', 10));
    expect(await collect(client.candidates.list({}, { pageSize: 2, maxPages: 2 }))).toHaveLength(4);
    expect(gw.requests).toHaveLength(2);
  });

  it.each([0, 101, 2.5, Number.NaN])('refuses pageSize %p with INVALID_REQUEST before sending', async (pageSize) => {
    gw.script(connectionServer('jobOpenings', 1));
    let error: unknown;
    try {
      await collect(client.openings.list({}, { pageSize }));
    } catch (e) {
      error = e;
    }
    expect(isJembatanError(error, 'INVALID_REQUEST')).toBe(true);
    expect(gw.requests).toHaveLength(0);
  });

  it('rejects with the typed error of a failing page', async () => {
    gw.script(json({ data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    await expect(collect(client.candidates.list())).rejects.toMatchObject({ name: 'JembatanError', code: 'FORBIDDEN' });
  });

  it('stops with ABORTED when the signal aborts between pages', async () => {
    gw.script(connectionServer('jobOpenings', 10));
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const o of client.openings.list({}, { pageSize: 2, signal: controller.signal })) {
          seen.push(o.id);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toEqual(['n-1', 'n-2']);
    expect(gw.requests).toHaveLength(1);
  });
});

describe('single calls: operation, variables, unwrapped result', () => {
  const cases: Array<[string, () => Promise<unknown>, string, Record<string, unknown>, Record<string, unknown>, unknown]> = [
    ['mous.get', () => client.mous.get('m-1'), 'GetMou', { id: 'm-1' }, { mou: { id: 'm-1' } }, { id: 'm-1' }],
    ['mous.get (none)', () => client.mous.get('m-0'), 'GetMou', { id: 'm-0' }, { mou: null }, null],
    ['mous.create', () => client.mous.create({ title: { id: 'a', en: 'a' } }), 'CreateMou', { input: { title: { id: 'a', en: 'a' } } }, { createMou: { id: 'm' } }, { id: 'm' }],
    ['mous.transition', () => client.mous.transition({ id: 'm', to: 'SIGNED', signedOn: '2025-12-08' }), 'TransitionMou', { id: 'm', to: 'SIGNED', signedOn: '2025-12-08' }, { transitionMou: { status: 'SIGNED' } }, { status: 'SIGNED' }],
    ['mous.addParty', () => client.mous.addParty({ mouId: 'm', partyId: 'p', role: 'PARTNER', isSignatory: true }), 'AddMouParty', { input: { mouId: 'm', partyId: 'p', role: 'PARTNER', isSignatory: true } }, { addMouParty: { id: 'm' } }, { id: 'm' }],
    ['quotas.set', () => client.quotas.set({ mouId: 'm', occupation: 'WELDER', route: 'E7_3', seats: 5 }), 'SetQuota', { input: { mouId: 'm', occupation: 'WELDER', route: 'E7_3', seats: 5 } }, { setQuota: { seats: 5 } }, { seats: 5 }],
    ['parties.create', () => client.parties.create({ kind: 'EMPLOYER', name: 'PT X', country: 'KR' }), 'CreateParty', { input: { kind: 'EMPLOYER', name: 'PT X', country: 'KR' } }, { createParty: { id: 'p' } }, { id: 'p' }],
    ['openings.get', () => client.openings.get('o-1'), 'GetOpening', { id: 'o-1' }, { jobOpening: { id: 'o-1' } }, { id: 'o-1' }],
    ['openings.update', () => client.openings.update({ id: 'o', attacheVerifiedOn: '2026-01-05' }), 'UpdateOpening', { input: { id: 'o', attacheVerifiedOn: '2026-01-05' } }, { updateJobOpening: { id: 'o' } }, { id: 'o' }],
    ['openings.publish', () => client.openings.publish('o'), 'TransitionOpening', { id: 'o', to: 'OPEN' }, { transitionJobOpening: { status: 'OPEN' } }, { status: 'OPEN' }],
    ['openings.rankedCandidates', () => client.openings.rankedCandidates({ openingId: 'o', first: 5 }), 'RankedCandidates', { openingId: 'o', first: 5 }, { jobOpening: { id: 'o', rankedCandidates: [{ rank: 1 }] } }, [{ rank: 1 }]],
    ['openings.rankedCandidates (no opening)', () => client.openings.rankedCandidates({ openingId: 'x' }), 'RankedCandidates', { openingId: 'x' }, { jobOpening: null }, null],
    ['candidates.register', () => client.candidates.register({ profile: { nik: '3673011501990001' } }), 'RegisterCandidate', { input: { profile: { nik: '3673011501990001' } } }, { registerCandidate: { id: 'c' } }, { id: 'c' }],
    ['candidates.addDocument', () => client.candidates.addDocument('c', { kind: 'PASSPORT', verified: true }), 'AddCandidateDocument', { input: { candidateId: 'c', document: { kind: 'PASSPORT', verified: true } } }, { addCandidateDocument: { id: 'c' } }, { id: 'c' }],
    ['candidates.advance', () => client.candidates.advance({ id: 'c', to: 'MEDICAL' }), 'AdvanceCandidate', { id: 'c', to: 'MEDICAL' }, { advanceCandidate: { stage: 'MEDICAL' } }, { stage: 'MEDICAL' }],
    ['candidates.allocateSeat', () => client.candidates.allocateSeat({ candidateId: 'c', openingId: 'o' }), 'AllocateSeat', { candidateId: 'c', openingId: 'o' }, { allocateSeat: { candidate: { id: 'c' } } }, { candidate: { id: 'c' } }],
    ['candidates.releaseSeat', () => client.candidates.releaseSeat({ candidateId: 'c', reason: 'WITHDRAWN', note: 'moved' }), 'ReleaseSeat', { candidateId: 'c', reason: 'WITHDRAWN', note: 'moved' }, { releaseSeat: { id: 'c' } }, { id: 'c' }],
    ['candidates.eligibility', () => client.candidates.eligibility({ id: 'c', openingId: 'o' }), 'CandidateEligibility', { id: 'c', openingId: 'o' }, { candidate: { id: 'c', eligibility: { route: 'E7_3' } } }, { route: 'E7_3' }],
    ['candidates.eligibility (none)', () => client.candidates.eligibility({ id: 'x' }), 'CandidateEligibility', { id: 'x' }, { candidate: null }, null],
    ['candidates.costEstimate', () => client.candidates.costEstimate({ id: 'c' }), 'CandidateCostEstimate', { id: 'c' }, { candidate: { id: 'c', costEstimate: { route: 'E7_3' } } }, { route: 'E7_3' }],
    ['eligibility.check', () => client.eligibility.check({ profile: {}, route: 'E9', asOf: '2026-01-15' }), 'CheckEligibility', { profile: {}, route: 'E9', asOf: '2026-01-15' }, { eligibilityCheck: { route: 'E9' } }, { route: 'E9' }],
    ['costs.estimate', () => client.costs.estimate({ route: 'E7_3', occupation: 'WELDER', contractMonths: 36, asOf: '2026-01-15' }), 'EstimateCosts', { input: { route: 'E7_3', occupation: 'WELDER', contractMonths: 36, asOf: '2026-01-15' } }, { costEstimate: { complete: false } }, { complete: false }],
    ['financing.simulate', () => client.financing.simulate({ asOf: '2026-01-15', amountIdr: '15000000', tenorMonths: 24, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' }), 'SimulateFinancing', { input: { asOf: '2026-01-15', amountIdr: '15000000', tenorMonths: 24, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' } }, { financingSimulation: { productId: 'KUR' } }, { productId: 'KUR' }],
    ['parameters.list', () => client.parameters.list('2026-01-15'), 'ListParameters', { asOf: '2026-01-15' }, { parameters: [{ parameterId: 'a' }] }, [{ parameterId: 'a' }]],
    ['parameters.get', () => client.parameters.get('kur.annualRate', '2026-01-15'), 'ListParameters', { asOf: '2026-01-15', ids: ['kur.annualRate'] }, { parameters: [{ parameterId: 'kur.annualRate', value: '0.06' }] }, { parameterId: 'kur.annualRate', value: '0.06' }],
    ['parameters.routes', () => client.parameters.routes(), 'ListRoutes', {}, { routes: [{ code: 'E9' }] }, [{ code: 'E9' }]],
    ['parameters.occupations', () => client.parameters.occupations(), 'ListOccupations', {}, { occupations: [{ code: 'WELDER' }] }, [{ code: 'WELDER' }]],
    ['parameters.regions', () => client.parameters.regions('KELURAHAN', '36.73.05'), 'ListRegions', { level: 'KELURAHAN', parent: '36.73.05' }, { regions: [{ code: '36.73.05.1001' }] }, [{ code: '36.73.05.1001' }]],
    ['parameters.regions (no parent)', () => client.parameters.regions('KECAMATAN'), 'ListRegions', { level: 'KECAMATAN' }, { regions: [] }, []],
    ['aggregates.quotaFill', () => client.aggregates.quotaFill(), 'QuotaFill', {}, { quotaFill: { seats: 1 } }, { seats: 1 }],
    ['aggregates.candidateCounts', () => client.aggregates.candidateCounts({ asOf: '2026-01-15', filter: { stages: ['REGISTERED'] } }), 'CandidateCounts', { asOf: '2026-01-15', filter: { stages: ['REGISTERED'] } }, { candidateCounts: { total: 3 } }, { total: 3 }],
    ['aggregates.placementCosts', () => client.aggregates.placementCosts({ filter: { routes: ['E7_3'] } }), 'PlacementCosts', { filter: { routes: ['E7_3'] } }, { placementCosts: { placements: 0 } }, { placements: 0 }],
    ['aggregates.stageDurations', () => client.aggregates.stageDurations(), 'StageDurations', {}, { stageDurations: { asOf: '2026-11-30', rows: [] } }, { asOf: '2026-11-30', rows: [] }],
    ['aggregates.trainingAggregates', () => client.aggregates.trainingAggregates({ asOf: '2026-06-30', filter: { courseKinds: ['KOREAN_LANGUAGE'] } }), 'TrainingAggregates', { asOf: '2026-06-30', filter: { courseKinds: ['KOREAN_LANGUAGE'] } }, { trainingAggregates: { asOf: '2026-06-30', byCohort: [] } }, { asOf: '2026-06-30', byCohort: [] }],
    ['aggregates.trends', () => client.aggregates.trends({ series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-03-31', by: ['KECAMATAN'] }), 'Trends', { series: ['REGISTRATIONS'], from: '2026-01-01', to: '2026-03-31', by: ['KECAMATAN'] }, { trends: { granularity: 'MONTH', rows: [] } }, { granularity: 'MONTH', rows: [] }],
    ['aggregates.funnel', () => client.aggregates.funnel({ registered: { from: '2026-01-01', to: '2026-03-31' } }), 'Funnel', { registered: { from: '2026-01-01', to: '2026-03-31' } }, { funnel: { cohort: 12 } }, { cohort: 12 }],
  ];

  it.each(cases)('%s', async (_label, call, operationName, variables, data, expected) => {
    gw.script(json({ data }));
    await expect(call()).resolves.toEqual(expected);
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.body.operationName).toBe(operationName);
    expect(gw.requests[0]?.body.variables).toEqual(variables);
    expect(gw.requests[0]?.body.query).toMatch(new RegExp(`^(query|mutation) ${operationName}\\b`));
  });

  it('parameters.get: a response without the parameter is INVALID_RESPONSE, not undefined', async () => {
    gw.script(json({ data: { parameters: [] } }));
    await expect(client.parameters.get('kur.annualRate', '2026-01-15')).rejects.toMatchObject({ code: 'INVALID_RESPONSE', operationName: 'ListParameters' });
  });

  it('mutations are never retried; queries are (network failure)', async () => {
    const retrying = createClient({ url: gw.url, retries: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 5_000 });
    gw.script({ kind: 'destroy' }, json({ data: { registerCandidate: { id: 'c' } } }));
    await expect(retrying.candidates.register({ profile: {} })).rejects.toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
    gw.script({ kind: 'destroy' }, json({ data: { quotaFill: { seats: 1 } } }));
    await expect(retrying.aggregates.quotaFill()).resolves.toEqual({ seats: 1 });
    expect(gw.requests).toHaveLength(2);
  });

  it('passes the request options through (headers, per-call timeout)', async () => {
    gw.script(json({ data: { mou: null } }));
    await client.mous.get('m', { headers: { 'x-trace': 't-1' } });
    expect(gw.requests[0]?.headers['x-trace']).toBe('t-1');
    gw.script({ kind: 'hang' });
    await expect(client.mous.get('m', { timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('sends the credentials given to createClient on every group call', async () => {
    const keyed = createClient({ url: gw.url, apiKey: 'jmb_0123456789abcdef_secret', retries: 0 });
    gw.script(json({ data: { routes: [] } }));
    await keyed.parameters.routes();
    expect(gw.requests[0]?.headers['x-api-key']).toBe('jmb_0123456789abcdef_secret');
    const signed = createClient({ url: gw.url, token: () => 'eyJ.a.b', retries: 0 });
    gw.script(json({ data: { routes: [] } }));
    await signed.parameters.routes();
    expect(gw.requests[0]?.headers.authorization).toBe('Bearer eyJ.a.b');
  });

  it('the client and its groups are frozen', () => {
    expect(Object.isFrozen(client)).toBe(true);
    expect(Object.isFrozen(client.openings)).toBe(true);
  });
});

describe('filter shorthands', () => {
  it('mergeOne: the list plus the single value, without duplicates, or undefined when both are absent', () => {
    fc.assert(
      fc.property(fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 5 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), (list, one) => {
        const merged = mergeOne(list, one);
        if (list === undefined && one === undefined) return merged === undefined;
        const expected = new Set([...(list ?? []), ...(one === undefined ? [] : [one])]);
        return merged !== undefined && new Set(merged).size === expected.size && merged.every((x) => expected.has(x)) && (list ?? []).every((x, i) => merged[i] === x);
      }),
    );
  });

  it('keeps the schema fields as given and drops absent shorthands', () => {
    expect(toOpeningFilter({ mouId: 'm', statuses: ['OPEN'], status: 'OPEN' })).toEqual({ mouId: 'm', statuses: ['OPEN'] });
    expect(toCandidateFilter({ eligibility: ['ELIGIBLE'] })).toEqual({ eligibility: ['ELIGIBLE'] });
    expect(toOpeningFilter(undefined)).toBeUndefined();
  });
});
