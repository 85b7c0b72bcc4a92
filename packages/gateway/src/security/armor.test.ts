/** Abuse limits against a small executable schema, through Apollo Server's HTTP entry point. */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { buildArmor, DEFAULT_ABUSE_LIMITS, stripSuggestions, type AbuseLimits } from './armor';

const typeDefs = `#graphql
  enum Route { E9 E7_3 E7_3_PILOT E8 }
  type Party { id: ID!, name: String!, mous: [Mou!]! }
  type Mou { id: ID!, title: String!, parties: [Party!]! }
  type Query {
    parties(ids: [ID!]): [Party!]!
    routeLabel(route: Route!): String!
  }
`;
const party = { id: 'p1', name: 'APJATI' };
const mou = { id: 'm1', title: 'MoU' };
const resolvers = {
  Query: { parties: () => [party], routeLabel: (_: unknown, a: { route: string }) => `route ${a.route}` },
  Party: { mous: () => [mou] },
  Mou: { parties: () => [party] },
};

async function serverWith(limits: AbuseLimits = DEFAULT_ABUSE_LIMITS): Promise<ApolloServer> {
  const armor = buildArmor(limits);
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    introspection: true,
  });
  await server.start();
  return server;
}

interface HttpResult {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  ms: number;
}

async function post(server: ApolloServer, body: unknown): Promise<HttpResult> {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  const started = performance.now();
  const res = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: async () => ({}) });
  const ms = performance.now() - started;
  const text = res.body.kind === 'complete' ? res.body.string : '';
  return { status: res.status ?? 200, body: JSON.parse(text), ms };
}

/** `{ parties { mous { parties { mous … { id } } } } }` with `depth` levels below `parties`. */
const nested = (depth: number): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i += 1) {
    open += `${i % 2 === 0 ? 'mous' : 'parties'} { `;
    close += ' }';
  }
  return `{ parties { ${open}id${close} } }`;
};

let server: ApolloServer;
beforeAll(async () => {
  server = await serverWith();
});
afterAll(async () => {
  await server.stop();
});

describe('graphql-armor limits', () => {
  it('lets an ordinary query through', async () => {
    const r = await post(server, { query: '{ parties { id name mous { id title parties { name } } } }' });
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('refuses deep nesting, quickly', async () => {
    // every list of this schema is unpaged (10 items each for the cost): 8 nested lists are over the
    // cost limit, so the depth limit alone is checked with the cost limit out of the way
    const costless = await serverWith({ ...DEFAULT_ABUSE_LIMITS, maxCost: 1e12 });
    try {
      expect((await post(costless, { query: nested(DEFAULT_ABUSE_LIMITS.maxDepth - 2) })).body.errors).toBeUndefined();
    } finally {
      await costless.stop();
    }
    expect((await post(server, { query: nested(DEFAULT_ABUSE_LIMITS.maxDepth - 2) })).body.errors?.[0]?.message).toMatch(/^Query Cost limit of 20000 exceeded/);
    const r = await post(server, { query: nested(40) });
    expect(r.body.data).toBeUndefined();
    expect(r.status).toBe(400);
    expect(r.body.errors?.some((e) => /depth limit/i.test(e.message))).toBe(true);
    expect(r.ms).toBeLessThan(1000);
  });

  it('refuses 1,000 aliases, quickly (the token limit trips first)', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: parties { id }`).join(' ')} }`;
    const r = await post(server, { query });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/more that 1000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(r.ms).toBeLessThan(1000);
  });

  it('refuses more aliases than allowed even when the document is small', async () => {
    const query = `{ ${Array.from({ length: DEFAULT_ABUSE_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: parties { id }`).join(' ')} }`;
    const r = await post(server, { query });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/alias/i);
    const ok = `{ ${Array.from({ length: DEFAULT_ABUSE_LIMITS.maxAliases }, (_, i) => `a${i}: parties { id }`).join(' ')} }`;
    expect((await post(server, { query: ok })).body.errors).toBeUndefined();
  });

  it('refuses a huge token count (a long list argument, repeated fields), quickly', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `"id${i}"`).join(',');
    const r1 = await post(server, { query: `{ parties(ids: [${ids}]) { id } }` });
    expect(r1.status).toBe(400);
    expect(r1.body.errors?.[0]?.message).toMatch(/tokens/i);
    const r2 = await post(server, { query: `{ parties { ${'id '.repeat(5000)} } }` });
    expect(r2.status).toBe(400);
    expect(r2.body.errors?.[0]?.message).toMatch(/tokens/i);
    expect(r1.ms + r2.ms).toBeLessThan(2000);
  });

  it('refuses directive flooding', async () => {
    const r = await post(server, { query: `{ parties { id ${'@include(if: true) '.repeat(DEFAULT_ABUSE_LIMITS.maxDirectives + 1)} } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses an over-cost query', async () => {
    const cheap = await serverWith({ ...DEFAULT_ABUSE_LIMITS, maxCost: 40 });
    try {
      const r = await post(cheap, { query: '{ parties { id name mous { id title parties { id name mous { id title } } } } }' });
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.message).toMatch(/cost/i);
      expect((await post(cheap, { query: '{ parties { id } }' })).body.errors).toBeUndefined();
    } finally {
      await cheap.stop();
    }
  });

  it('refuses a circular fragment, quickly, without hanging the validator', async () => {
    const query = `
      query { parties { ...A } }
      fragment A on Party { mous { ...B } }
      fragment B on Mou { parties { ...A } }`;
    const r = await post(server, { query });
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.some((e) => /within itself|cycle|depth/i.test(e.message))).toBe(true);
    expect(r.ms).toBeLessThan(1000);
  });

  it('does not suggest field, type or enum names', async () => {
    const probes = [
      { query: '{ partys { id } }' },
      { query: '{ parties { nme } }' },
      { query: '{ routeLabel(route: E7_4) }' },
      { query: 'query ($r: Route!) { routeLabel(route: $r) }', variables: { r: 'E7_3_PILOTT' } },
      { query: 'query ($r: Rout!) { routeLabel(route: $r) }', variables: { r: 'E9' } },
    ];
    for (const probe of probes) {
      const r = await post(server, probe);
      expect(r.body.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(r.body);
      expect(text).not.toMatch(/did you mean/i);
      expect(text).not.toMatch(/"parties"|"name"|E7_3_PILOT"|"Route"\?/);
    }
  });

  it('admits the standard introspection query (the token limit is sized for it)', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const lexer = new Lexer(new Source(query));
    let tokens = 0;
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
    expect(tokens).toBeLessThan(DEFAULT_ABUSE_LIMITS.maxTokens);
    const r = await post(server, { query });
    expect(r.body.errors).toBeUndefined();
  });

  it('batched requests are off (Apollo default, asserted here)', async () => {
    const r = await post(server, [{ query: '{ parties { id } }' }, { query: '{ parties { id } }' }]);
    expect(r.status).toBe(400);
  });

  it('refuses bad limits', () => {
    expect(() => buildArmor({ ...DEFAULT_ABUSE_LIMITS, maxDepth: 0 })).toThrow(RangeError);
  });
});

describe('stripSuggestions', () => {
  it.each([
    ['Cannot query field "nme" on type "Party". Did you mean "name"?', 'Cannot query field "nme" on type "Party".'],
    ['Value "E7_4" does not exist in "Route" enum. Did you mean the enum value "E7_3" or "E9"?', 'Value "E7_4" does not exist in "Route" enum.'],
    ['Unknown type "Rout". Did you mean "Route"?', 'Unknown type "Rout".'],
    ['Nothing to strip.', 'Nothing to strip.'],
  ])('%s', (input, output) => {
    expect(stripSuggestions(input)).toBe(output);
  });
});
