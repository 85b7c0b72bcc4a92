/**
 * Issue 13 §2 in the SDK: `client.costs.upfrontCash` and the loan timeline of `client.financing.simulate`
 * against a real HTTP server playing the gateway (the generated operations are sent with the input, the
 * field is unwrapped, a refusal becomes a typed error with its path), and the offline calculators,
 * which are the domain's own functions.
 */
import * as domain from '@jembatan/domain';
import { createClient, type JembatanClient } from '../client/create-client';
import { isJembatanError } from '../errors/jembatan-error';
import { gqlError, json, startFakeGateway, type FakeGateway } from '../__tests__/fake-gateway';
import { estimateCosts, kurPenempatanProduct, loanTimeline, money, parameterSnapshot, scheduleLoan, upfrontCashTimeline } from '../index';
import type { FinancingSimulationInput, UpfrontCashInput } from '../generated/graphql';

let gw: FakeGateway;
let client: JembatanClient;
beforeAll(async () => {
  gw = await startFakeGateway();
  client = createClient({ url: gw.url, retries: 0, timeoutMs: 5_000 });
});
afterAll(() => gw.close());

const INPUT: UpfrontCashInput = {
  estimate: { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, asOf: '2026-03-01', inputs: { accommodationIdr: '900000', returnTicketIdr: '7500000' } },
  dueOn: [{ lineId: 'koreanCourse', dueOn: '2026-01-10' }],
  defaultDueOn: '2026-08-01',
  sources: [{ productId: 'KUR_PENEMPATAN_PMI', grant: false, amountIdr: '10000000', paysOutOn: '2026-07-01' }],
};

describe('costs.upfrontCash', () => {
  it('sends UpfrontCash with the input and unwraps upfrontCash', async () => {
    gw.script(json({ data: { upfrontCash: { cashBeforeFinancing: { amount: '4000000', currency: 'IDR', decimal: '4000000' }, unknownLineIds: ['localTransport'] } } }));
    await expect(client.costs.upfrontCash(INPUT)).resolves.toEqual({ cashBeforeFinancing: { amount: '4000000', currency: 'IDR', decimal: '4000000' }, unknownLineIds: ['localTransport'] });
    expect(gw.requests[0]?.body.operationName).toBe('UpfrontCash');
    expect(gw.requests[0]?.body.variables).toEqual({ input: INPUT });
    const query = gw.requests[0]?.body.query ?? '';
    expect(query).toMatch(/^query UpfrontCash\b/);
    for (const field of ['items', 'events', 'ownCashOutstanding', 'cashBeforeFinancing', 'cashNeverFinanced', 'dueBeforePayout', 'unknownLineIds', 'CostEstimateFields']) expect(query).toContain(field);
  });

  it('turns a loan above the KUR ceiling into a typed BAD_USER_INPUT with the field path', async () => {
    gw.script(gqlError('BAD_USER_INPUT', { domainCode: 'LOAN.ABOVE_CEILING', field: ['input', 'sources', '0', 'amount'], messages: { id: 'Melebihi plafon.', en: 'Above the ceiling.' } }));
    const error = await client.costs.upfrontCash(INPUT).catch((e: unknown) => e);
    expect(isJembatanError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources.0.amount', operationName: 'UpfrontCash' });
  });

  it('costs.estimate selects unknownLineIds (the lines no total includes)', async () => {
    gw.script(json({ data: { costEstimate: { unknownLineIds: ['contractLegalisation'] } } }));
    await client.costs.estimate({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, asOf: '2026-03-01', inputs: { contractLegalisationIdr: '350000' }, koreanCourseId: '00000000-0000-4000-8000-000000000001' });
    expect(gw.requests.at(-1)?.body.query).toContain('unknownLineIds');
    expect(gw.requests.at(-1)?.body.variables).toMatchObject({ input: { inputs: { contractLegalisationIdr: '350000' }, koreanCourseId: '00000000-0000-4000-8000-000000000001' } });
  });
});

describe('financing.simulate with the loan timeline', () => {
  it('sends the three dates and selects the timeline', async () => {
    const input: FinancingSimulationInput = {
      asOf: '2026-03-01',
      amountIdr: '25000000',
      tenorMonths: 24,
      livingCostShare: '0.4',
      maxDebtServiceRatio: '0.3',
      disbursedOn: '2026-04-01',
      departureOn: '2026-06-15',
      firstWageOn: '2026-07-25',
    };
    gw.script(json({ data: { financingSimulation: { productId: 'KUR_PENEMPATAN_PMI', timeline: { graceMonthsWithoutWage: 3 } } } }));
    await expect(client.financing.simulate(input)).resolves.toMatchObject({ timeline: { graceMonthsWithoutWage: 3 } });
    const query = gw.requests.at(-1)?.body.query ?? '';
    for (const field of ['timeline', 'graceMonthsWithoutWage', 'paymentsBeforeFirstWage', 'largestPaymentWithWage', 'hasWage', 'npwpRuleRecorded', 'loanWarnings']) expect(query).toContain(field);
    expect(gw.requests.at(-1)?.body.variables).toEqual({ input });
  });
});

describe('offline loanTimeline and upfrontCashTimeline', () => {
  it('are the domain’s functions', () => {
    expect(loanTimeline).toBe(domain.loanTimeline);
    expect(upfrontCashTimeline).toBe(domain.upfrontCashTimeline);
  });

  it('answer without a server: costs due before the KUR pays out are cash to find first; the grace months before the first wage are counted', () => {
    const params = parameterSnapshot('2026-03-01');
    const estimate = estimateCosts({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, upfrontCashThreshold: null }, params);
    const r = upfrontCashTimeline({
      estimate,
      dueOn: { koreanCourse: '2026-01-10' },
      defaultDueOn: '2026-08-01',
      sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: money(100_000_000, 'IDR'), paysOutOn: '2026-07-01', product: kurPenempatanProduct(params) }],
    });
    if (!r.ok) throw new Error('refused');
    const course = estimate.lines.find((l) => l.id === 'koreanCourse')!;
    const workerCourse = course.payers.filter((p) => p.payer === 'WORKER').reduce((n, p) => n + p.amountIdr!.amount, 0);
    expect(r.value.cashBeforeFinancing.amount).toBe(workerCourse);
    const above = upfrontCashTimeline({
      estimate,
      defaultDueOn: '2026-08-01',
      sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: money(params.get('kur.ceilingIdr') + 1, 'IDR'), paysOutOn: '2026-07-01', product: kurPenempatanProduct(params) }],
    });
    expect(above.ok ? null : above.error.code).toBe('LOAN.ABOVE_CEILING');
    const loan = scheduleLoan(kurPenempatanProduct(params), { amount: money(25_000_000, 'IDR'), tenorMonths: 24, contractMonths: 36 });
    if (!loan.ok || !loan.value.schedule) throw new Error('refused');
    const t = loanTimeline({ schedule: loan.value.schedule, disbursedOn: '2026-04-01', departureOn: '2026-06-15', firstWageOn: '2026-07-25' });
    expect(t.rows[0]!.dueOn).toBe('2026-05-01');
    expect(t.graceMonthsWithWage + t.graceMonthsWithoutWage).toBe(loan.value.schedule.graceMonths);
  });
});
