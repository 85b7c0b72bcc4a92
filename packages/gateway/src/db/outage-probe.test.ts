import { GraphQLError } from 'graphql';
import { databaseTroubleWithin, outageProbePlugin } from './availability';

type Hooks = { didEncounterErrors(ctx: { errors: readonly GraphQLError[] }): Promise<void> };

async function hooksOf(probe: () => Promise<unknown>, timeoutMs?: number): Promise<Hooks> {
  const plugin = outageProbePlugin(probe, timeoutMs);
  return (await (plugin.requestDidStart as unknown as () => Promise<Hooks>)()) as Hooks;
}

const uncoded = (): GraphQLError => new GraphQLError('boom', { originalError: new TypeError("Cannot read properties of undefined (reading 'rows')") });

// one file, in order: the outage record is process state that only moves forward
describe('outageProbePlugin: an uncoded resolver error makes the gateway ask the database before formatting', () => {
  it('asks nothing for coded errors (a GatewayError, a domain error, validation)', async () => {
    const probe = jest.fn(async () => undefined);
    const hooks = await hooksOf(probe);
    await hooks.didEncounterErrors({ errors: [new GraphQLError('not found', { extensions: { code: 'NOT_FOUND' } })] });
    const domain = Object.assign(new Error('d'), { name: 'DomainError' });
    await hooks.didEncounterErrors({ errors: [new GraphQLError('d', { originalError: domain })] });
    expect(probe).not.toHaveBeenCalled();
  });

  it('a database that answers records no outage (a bug stays a bug)', async () => {
    const probe = jest.fn(async () => [{ '?column?': 1 }]);
    await (await hooksOf(probe)).didEncounterErrors({ errors: [uncoded()] });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(databaseTroubleWithin()).toBe(false);
  });

  it('a probe that fails with something other than an outage records none', async () => {
    await (await hooksOf(async () => Promise.reject(new Error('syntax error at or near "select"')))).didEncounterErrors({ errors: [uncoded()] });
    expect(databaseTroubleWithin()).toBe(false);
  });

  it('a probe refused by a dead server records the outage, so the error is answered as SERVICE_UNAVAILABLE', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await (await hooksOf(async () => Promise.reject(refused))).didEncounterErrors({ errors: [uncoded()] });
    expect(databaseTroubleWithin()).toBe(true);
  });
});

it('a probe that does not answer within the timeout counts as an outage too', async () => {
  jest.resetModules();
  const fresh = await import('./availability');
  expect(fresh.databaseTroubleWithin()).toBe(false);
  const plugin = fresh.outageProbePlugin(() => new Promise(() => undefined), 50);
  const hooks = (await (plugin.requestDidStart as unknown as () => Promise<Hooks>)()) as Hooks;
  await hooks.didEncounterErrors({ errors: [uncoded()] });
  expect(fresh.databaseTroubleWithin()).toBe(true);
});
