/**
 * `client.costs.compareOpportunities` against a real HTTP server playing the gateway: it sends the
 * generated CompareOpportunities operation with the input, unwraps the field, and maps a refusal to a
 * typed error with the field path. The offline calculator is the domain's own function.
 */
import * as domain from '@jembatan/domain';
import { createClient, type JembatanClient } from '../client/create-client';
import { isJembatanError } from '../errors/jembatan-error';
import { gqlError, json, startFakeGateway, type FakeGateway } from '../__tests__/fake-gateway';
import { compareOpportunities, money, parameterSnapshot, WAGE_PLACES } from '../index';
import type { OpportunityComparisonInput } from '../generated/graphql';

let gw: FakeGateway;
let client: JembatanClient;
beforeAll(async () => {
  gw = await startFakeGateway();
  client = createClient({ url: gw.url, retries: 0, timeoutMs: 5_000 });
});
afterAll(() => gw.close());

const INPUT: OpportunityComparisonInput = {
  asOf: '2026-01-15',
  horizonMonths: 48,
  options: [
    { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '0.6' },
    { kind: 'OVERSEAS', route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, monthsUntilFirstWage: 6, livingCostShare: '0.4', loan: { tenorMonths: 24 } },
  ],
  maxDebtServiceRatio: '0.3',
};

describe('costs.compareOpportunities', () => {
  it('sends CompareOpportunities with the input and unwraps compareOpportunities', async () => {
    gw.script(json({ data: { compareOpportunities: { asOf: '2026-01-15', ranking: [{ rank: 1, kind: 'OVERSEAS' }] } } }));
    await expect(client.costs.compareOpportunities(INPUT)).resolves.toEqual({ asOf: '2026-01-15', ranking: [{ rank: 1, kind: 'OVERSEAS' }] });
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.body.operationName).toBe('CompareOpportunities');
    expect(gw.requests[0]?.body.variables).toEqual({ input: INPUT });
    const query = gw.requests[0]?.body.query ?? '';
    expect(query).toMatch(/^query CompareOpportunities\b/);
    for (const field of ['netSaving', 'months', 'scenarios', 'risks', 'sellsBelongings', 'parameters', 'byPayer']) expect(query).toContain(field);
  });

  it('turns a refused wage offer into a typed BAD_USER_INPUT with the field path', async () => {
    gw.script(
      gqlError('BAD_USER_INPUT', {
        domainCode: 'OPPORTUNITIES.WAGE_BELOW_MINIMUM',
        field: ['input', 'options', '0', 'monthlyWageIdr'],
        messages: { id: 'Upah di bawah UMK.', en: 'Wage below the UMK.' },
      }),
    );
    const error = await client.costs.compareOpportunities(INPUT).catch((e: unknown) => e);
    expect(isJembatanError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.options.0.monthlyWageIdr', operationName: 'CompareOpportunities' });
  });
});

describe('offline compareOpportunities', () => {
  it('is the domain’s function, with the places whose floors are dated parameters', () => {
    expect(compareOpportunities).toBe(domain.compareOpportunities);
    expect([...WAGE_PLACES]).toEqual(['KOTA_SERANG', 'KABUPATEN_SERANG', 'DKI_JAKARTA', 'KOTA_TANGERANG']);
  });

  it('answers without a server: the UMK Kota Serang 2026 rounded up to the rupiah', () => {
    const c = compareOpportunities(
      { horizonMonths: 2, options: [{ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { monthly: money(2_000_000, 'IDR') } }] },
      parameterSnapshot('2026-01-15'),
    );
    expect(c.ranking[0]!.months.map((m) => m.wage?.amount)).toEqual([4_665_928, 4_665_928]);
    expect(c.ranking[0]!.netSaving).toEqual(money(2 * (4_665_928 - 2_000_000), 'IDR'));
  });
});
