/**
 * The document limits (graphql-armor depth / cost / aliases / directives, graphql-js token limit) are
 * sized to the queries real clients send: every operation of the SDK (packages/sdk/src/operations,
 * with its fragments), every `.graphql` file under examples/ (analyst queries), and the README's
 * example queries must parse and validate with the limits in force by default.
 */
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema';
import { buildArmor, DEFAULT_ABUSE_LIMITS } from '../src/security/armor';
import { operationCost } from '../src/security/query-cost';
import { loadSecurityConfig } from '../src/security/security-config';
import { operationsIn, readmeQueries, type ClientDocument } from './support/documents';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const armor = buildArmor(loadSecurityConfig({}).abuseLimits);
const readme = readmeQueries();
const documents: ClientDocument[] = [...readme, ...operationsIn(['packages/sdk/src/operations', 'examples'])];

function problems(doc: ClientDocument): string[] {
  let parsed;
  try {
    parsed = parse(doc.text, armor.parseOptions);
  } catch (e) {
    return [`parse: ${(e as Error).message}`];
  }
  return validate(schema, parsed, [...specifiedRules, ...armor.validationRules]).map((e) => e.message);
}

it('the defaults are the documented ones', () => {
  expect(loadSecurityConfig({}).abuseLimits).toEqual(DEFAULT_ABUSE_LIMITS);
});

it('finds the three README queries', () => {
  expect(readme.map((d) => d.source)).toEqual([
    expect.stringContaining('# 1.'),
    expect.stringContaining('# 2.'),
    expect.stringContaining('# 3.'),
  ]);
});

it.each(documents.map((d) => [d.source, d] as const))('%s passes the limits', (_source, doc) => {
  expect(problems(doc)).toEqual([]);
});

/** The SDK's largest page size (packages/sdk/src/api/send.ts MAX_PAGE_SIZE): the worst an SDK user can ask for. */
const SDK_MAX_PAGE_SIZE = 100;

it.each(documents.map((d) => [d.source, d] as const))('%s is within the cost limit with every page variable at the SDK maximum (100)', (_source, doc) => {
  const cost = operationCost({ schema, document: parse(doc.text), unknownVariablePageSize: SDK_MAX_PAGE_SIZE });
  expect(cost.ok).toBe(true);
  if (cost.ok) expect(cost.cost).toBeLessThanOrEqual(DEFAULT_ABUSE_LIMITS.maxCost);
});

it('the limits still refuse a query a little beyond them (they are not so loose that nothing trips them)', () => {
  const deep = `{ mous { edges { node { ${'parent { '.repeat(DEFAULT_ABUSE_LIMITS.maxDepth)}id${' }'.repeat(DEFAULT_ABUSE_LIMITS.maxDepth)} } } } }`;
  expect(problems({ source: 'deep', text: deep }).join(' ')).toMatch(/depth/i);
  const aliases = `{ ${Array.from({ length: DEFAULT_ABUSE_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: routes { code }`).join(' ')} }`;
  expect(problems({ source: 'aliases', text: aliases }).join(' ')).toMatch(/alias/i);
});

describe('the cost is computed with the variables, as the resolvers see them (query-cost.ts)', () => {
  const cost = (text: string, variables: Record<string, unknown> = {}): number => {
    const r = operationCost({ schema, document: parse(text), variables });
    if (!r.ok) throw new Error(r.reason);
    return r.cost;
  };
  const NESTED = 'jobOpenings(first: $n) { edges { node { id rankedCandidates(first: $m) { rank candidate { id } } } } }';

  it('a page size given as a variable costs exactly what the same literal costs', () => {
    for (const n of [1, 7, 20, 100]) {
      expect(cost(`query($n: Int, $m: Int) { ${NESTED} }`, { n, m: n })).toBe(cost(`{ ${NESTED.replace('$n', String(n)).replace('$m', String(n))} }`));
    }
  });

  it('nested pages multiply, and the variable form of the issue-8 attack is over the limit', () => {
    const attack = cost(`query($n: Int, $m: Int) { ${NESTED} }`, { n: 100, m: 100 });
    expect(attack).toBeGreaterThan(100 * 100);
    expect(attack).toBeGreaterThan(DEFAULT_ABUSE_LIMITS.maxCost);
    // a ranking weighs its pool whatever `first` asks for: many rankings of one row are refused too
    expect(cost(`query($n: Int, $m: Int) { ${NESTED} }`, { n: 100, m: 1 })).toBeGreaterThan(DEFAULT_ABUSE_LIMITS.maxCost);
    expect(cost(`query($n: Int, $m: Int) { ${NESTED} }`, { n: 1, m: 1 })).toBeGreaterThan(6000);
  });

  it('an absent or null page size counts the server default (20); a variable default counts; negatives count 0', () => {
    const one = cost('{ parties(first: 1) { edges { node { id } } } }');
    const per = cost('{ parties(first: 2) { edges { node { id } } } }') - one;
    const at = (k: number) => one + (k - 1) * per;
    expect(cost('{ parties { edges { node { id } } } }')).toBe(at(20));
    expect(cost('query($n: Int) { parties(first: $n) { edges { node { id } } } }', { n: null })).toBe(at(20));
    expect(cost('query($n: Int) { parties(first: $n) { edges { node { id } } } }')).toBe(at(20));
    expect(cost('query($n: Int = 60) { parties(first: $n) { edges { node { id } } } }')).toBe(at(60));
    expect(cost('query($n: Int) { parties(first: $n) { edges { node { id } } } }', { n: -50 })).toBe(at(0));
  });

  it('aliases add up, fragments are merged like graphql-js merges them, @skip / @include follow the variables', () => {
    const single = cost('query($n: Int) { parties(first: $n) { edges { node { id name } } } }', { n: 50 });
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: parties(first: $n) { edges { node { id name } } }`).join(' ');
    expect(cost(`query($n: Int) { ${aliases} }`, { n: 50 })).toBe(15 * single);
    expect(cost('query($n: Int) { parties(first: $n) { edges { node { id ...F ... on Party { name } } } } } fragment F on Party { id name }', { n: 50 })).toBe(single);
    expect(cost('query($n: Int, $s: Boolean!) { parties(first: $n) { edges { node { id name } } } x: parties(first: $n) @skip(if: $s) { edges { node { id name } } } }', { n: 50, s: true })).toBe(single);
    expect(cost('query($n: Int, $s: Boolean!) { parties(first: $n) { edges { node { id name } } } x: parties(first: $n) @include(if: $s) { edges { node { id name } } } }', { n: 50, s: true })).toBe(2 * single);
  });

  it('page sizes hidden in fragments and in variables of nested fields count too', () => {
    const direct = cost('query($n: Int) { jobOpenings(first: $n) { edges { node { rankedCandidates(first: $n) { rank } } } } }', { n: 30 });
    const hidden = cost(
      'query($n: Int) { ...Q } fragment Q on Query { jobOpenings(first: $n) { edges { ...E } } } fragment E on JobOpeningEdge { node { ... on JobOpening { rankedCandidates(first: $n) { rank } } } }',
      { n: 30 },
    );
    expect(hidden).toBe(direct);
  });

  it('variables that do not coerce are left to graphql-js (nothing runs)', () => {
    expect(operationCost({ schema, document: parse('query($n: Int) { parties(first: $n) { totalCount } }'), variables: { n: 'many' } })).toEqual({ ok: false, reason: 'VARIABLES_INVALID' });
  });

  it('every paged list and connection of the schema has a page argument the estimator reads', () => {
    const unreadable: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__') || !/Connection$/.test(type.name)) continue;
      for (const t of Object.values(schema.getTypeMap())) {
        if (!('getFields' in t) || t.name.startsWith('__') || !('getInterfaces' in t)) continue;
        for (const f of Object.values((t as import('graphql').GraphQLObjectType).getFields())) {
          if (String(f.type).replace(/!/g, '') !== type.name) continue;
          if (!f.args.some((a) => ['first', 'last', 'pageSize', 'limit'].includes(a.name))) unreadable.push(`${t.name}.${f.name}`);
        }
      }
    }
    expect(unreadable).toEqual([]);
  });
});
