/**
 * Issue 12 in the SDK: `client.programSettings.upfrontCashLine` / `setUpfrontCashLine`, and
 * `client.aggregates.costPerPlacement` / `upfrontCashOverLine`, against a real HTTP server playing the
 * gateway: the generated operation is sent with its variables, the field is unwrapped, and a refusal
 * becomes a typed error with its stable code and field path.
 */
import { createClient, type JembatanClient } from '../client/create-client';
import { isJembatanError } from '../errors/jembatan-error';
import { gqlError, json, startFakeGateway, type FakeGateway } from '../__tests__/fake-gateway';

let gw: FakeGateway;
let client: JembatanClient;
beforeAll(async () => {
  gw = await startFakeGateway();
  client = createClient({ url: gw.url, retries: 0, timeoutMs: 5_000 });
});
afterAll(() => gw.close());

const last = () => gw.requests[gw.requests.length - 1]!.body;

describe('programSettings', () => {
  it('upfrontCashLine sends UpfrontCashLine with asOf (omitted when not given) and unwraps it', async () => {
    gw.script(json({ data: { upfrontCashLine: { asOf: '2026-12-10', status: 'NOT_SET', inForce: null, history: [] } } }));
    await expect(client.programSettings.upfrontCashLine()).resolves.toEqual({ asOf: '2026-12-10', status: 'NOT_SET', inForce: null, history: [] });
    expect(last().operationName).toBe('UpfrontCashLine');
    expect(last().variables).toEqual({});
    gw.script(json({ data: { upfrontCashLine: { asOf: '2026-11-15', status: 'SET', inForce: { id: 'x' }, history: [{ id: 'x' }] } } }));
    await expect(client.programSettings.upfrontCashLine('2026-11-15')).resolves.toMatchObject({ status: 'SET' });
    expect(last().variables).toEqual({ asOf: '2026-11-15' });
    expect(last().query).toMatch(/^query UpfrontCashLine\b/);
  });

  it('setUpfrontCashLine sends the input and turns a refusal into a typed error with its code and field', async () => {
    const input = { amount: { amount: '0', currency: 'IDR' as const }, effectiveFrom: '2026-01-01', source: 'Perwal' };
    gw.script(gqlError('BAD_USER_INPUT', { domainCode: 'UPFRONT_CASH_LINE.AMOUNT_NOT_POSITIVE', field: ['input', 'amount', 'amount'], messages: { id: 'Batas uang tunai harus lebih dari nol.', en: 'The cash line must be above zero.' } }));
    const error = await client.programSettings.setUpfrontCashLine(input).catch((e: unknown) => e);
    expect(isJembatanError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount', operationName: 'SetUpfrontCashLine', graphQLErrors: [{ extensions: { domainCode: 'UPFRONT_CASH_LINE.AMOUNT_NOT_POSITIVE' } }] });
    expect(last().operationName).toBe('SetUpfrontCashLine');
    expect(last().variables).toEqual({ input });
    expect(last().query).toMatch(/^mutation SetUpfrontCashLine\b/);
  });
});

describe('aggregates: cost per placement and the up-front cash indicator', () => {
  it('costPerPlacement sends CostPerPlacement and unwraps it', async () => {
    gw.script(json({ data: { costPerPlacement: { placements: 12, rows: [] } } }));
    await expect(client.aggregates.costPerPlacement({ by: ['OCCUPATION', 'KECAMATAN'] })).resolves.toEqual({ placements: 12, rows: [] });
    expect(last().operationName).toBe('CostPerPlacement');
    expect(last().variables).toEqual({ by: ['OCCUPATION', 'KECAMATAN'] });
    for (const field of ['averageRounding', 'byPayer', 'placementsWithCost', 'averagePerPlacement', 'DisclosureFields']) expect(last().query).toContain(field);
  });

  it('upfrontCashOverLine sends UpfrontCashOverLine and unwraps it', async () => {
    const variables = { from: '2026-01-01', to: '2026-11-30', granularity: 'MONTH' as const, by: ['KECAMATAN' as const] };
    gw.script(json({ data: { upfrontCashOverLine: { rows: [{ period: '2026-10', lineStatus: 'NOT_SET' }] } } }));
    await expect(client.aggregates.upfrontCashOverLine(variables)).resolves.toEqual({ rows: [{ period: '2026-10', lineStatus: 'NOT_SET' }] });
    expect(last().operationName).toBe('UpfrontCashOverLine');
    expect(last().variables).toEqual(variables);
    for (const field of ['lineStatus', 'overLine', 'gap', 'periodsWithoutLine']) expect(last().query).toContain(field);
  });
});
