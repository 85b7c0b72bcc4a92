import { ApolloServer, HeaderMap } from '@apollo/server';
import { getIntrospectionQuery, parse } from 'graphql';
import { introspectionGuardPlugin, landingPagePlugin, usesIntrospection } from './introspection';
import { ANONYMOUS, type Principal } from './role';

interface Ctx {
  principal?: Principal;
}
const typeDefs = `#graphql
  type Query { hello: String! }
`;
const analyst: Principal = { kind: 'jwt', roles: ['PUBLIC', 'ANALYST'], subject: 'jwt:a' };
const admin: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'ADMIN'], subject: 'apiKey:0000000000000001' };
const officer: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:o' };

async function serverFor(allowEveryone: boolean): Promise<ApolloServer<Ctx>> {
  const server = new ApolloServer<Ctx>({
    typeDefs,
    resolvers: { Query: { hello: () => 'halo' } },
    introspection: true,
    plugins: [introspectionGuardPlugin({ allowEveryone, principalOf: (ctx) => (ctx as Ctx).principal })],
  });
  await server.start();
  return server;
}

async function run(server: ApolloServer<Ctx>, query: string, principal: Principal | undefined) {
  const res = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } },
    context: async () => ({ ...(principal ? { principal } : {}) }),
  });
  return { status: res.status ?? 200, body: JSON.parse(res.body.kind === 'complete' ? res.body.string : '{}') };
}

describe('usesIntrospection', () => {
  it.each([
    ['{ __schema { types { name } } }', true],
    ['{ __type(name: "Query") { name } }', true],
    ['query { ...F } fragment F on Query { __schema { queryType { name } } }', true],
    ['{ hello __typename }', false],
    ['{ hello }', false],
  ])('%s → %s', (query, expected) => {
    expect(usesIntrospection(parse(query))).toBe(expected);
  });
});

describe('introspectionGuardPlugin', () => {
  let prod: ApolloServer<Ctx>;
  let dev: ApolloServer<Ctx>;
  beforeAll(async () => {
    prod = await serverFor(false);
    dev = await serverFor(true);
  });
  afterAll(async () => {
    await prod.stop();
    await dev.stop();
  });

  it('lets ANALYST and ADMIN introspect', async () => {
    for (const p of [analyst, admin]) {
      const r = await run(prod, getIntrospectionQuery(), p);
      expect(r.status).toBe(200);
      expect(r.body.data.__schema.queryType.name).toBe('Query');
    }
  });

  it('refuses everybody else with FORBIDDEN (403), schema-free', async () => {
    for (const p of [ANONYMOUS, officer, undefined]) {
      for (const q of [getIntrospectionQuery(), '{ __type(name: "Query") { fields { name } } }', 'query { hello ...F } fragment F on Query { __schema { types { name } } }']) {
        const r = await run(prod, q, p);
        expect(r.status).toBe(403);
        expect(r.body.data).toBeUndefined();
        expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
        expect(JSON.stringify(r.body)).not.toContain('hello');
      }
    }
  });

  it('never blocks ordinary queries or __typename', async () => {
    const r = await run(prod, '{ hello __typename }', ANONYMOUS);
    expect(r.body).toEqual({ data: { hello: 'halo', __typename: 'Query' } });
  });

  it('opens introspection to everyone in development', async () => {
    const r = await run(dev, '{ __schema { queryType { name } } }', ANONYMOUS);
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('landingPagePlugin', () => {
  const html = async (plugin: ReturnType<typeof landingPagePlugin>) => {
    const server = new ApolloServer({ typeDefs, resolvers: { Query: { hello: () => 'x' } }, plugins: [plugin] });
    await server.start();
    try {
      const res = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'GET', headers: new HeaderMap([['accept', 'text/html']]), search: '', body: undefined },
        context: async () => ({}),
      });
      return res.body.kind === 'complete' ? res.body.string : '';
    } finally {
      await server.stop();
    }
  };
  it('serves the embedded Sandbox in development, nothing in production by default', async () => {
    expect(await html(landingPagePlugin({ development: true, sandboxInProduction: false }))).toMatch(/sandbox/i);
    expect(await html(landingPagePlugin({ development: false, sandboxInProduction: false }))).not.toMatch(/<html/i);
    expect(await html(landingPagePlugin({ development: false, sandboxInProduction: true }))).toMatch(/sandbox/i);
  });
});
