/**
 * The document limits (graphql-armor depth / cost / aliases / directives, graphql-js token limit) are
 * sized to the queries real clients send: every operation of the SDK (packages/sdk/src/operations,
 * with its fragments), every `.graphql` file under examples/ (analyst queries), and the README's
 * example queries must parse and validate with the limits in force by default.
 */
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema';
import { buildArmor, DEFAULT_ABUSE_LIMITS } from '../src/security/armor';
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

it('the limits still refuse a query a little beyond them (they are not so loose that nothing trips them)', () => {
  const deep = `{ mous { edges { node { ${'parent { '.repeat(DEFAULT_ABUSE_LIMITS.maxDepth)}id${' }'.repeat(DEFAULT_ABUSE_LIMITS.maxDepth)} } } } }`;
  expect(problems({ source: 'deep', text: deep }).join(' ')).toMatch(/depth/i);
  const aliases = `{ ${Array.from({ length: DEFAULT_ABUSE_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: routes { code }`).join(' ')} }`;
  expect(problems({ source: 'aliases', text: aliases }).join(' ')).toMatch(/alias/i);
});
