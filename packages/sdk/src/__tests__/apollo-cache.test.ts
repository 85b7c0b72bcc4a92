/**
 * The SDK's documents in a normalising client cache (issue 14). Apollo Client (and urql's graphcache)
 * key every object that has an `id` as `__typename:id`. A BilingualText used to carry its Indonesian
 * wording in `id`, so two texts with the same Indonesian and different English were one cache entry:
 * the last one written won, and the other MoU showed the wrong English title.
 *
 * The responses are the gateway's: the SDK's document, with the `__typename`s Apollo adds, executed
 * by graphql-js against the committed gateway schema (the file codegen reads), over domain-shaped
 * texts `{ id, en }` that the gateway's `idn` and deprecated `id` both read. The same holds for a
 * parameter, whose value depends on the date: `parameterId` now, `id` before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InMemoryCache } from '@apollo/client/cache';
import { buildSchema, execute, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ListMousDocument, ListParametersDocument, type ListMousQuery, type ListMousQueryVariables } from '../generated/graphql';

const SCHEMA_FILE = path.resolve(__dirname, '../../../gateway/schema.graphql');

/** Fields the gateway renamed from `id` (issue 14); like the deprecated `id`, each reads the property `id`. */
const RENAMED: Record<string, string> = { BilingualText: 'idn', Parameter: 'parameterId', CostLineGql: 'lineId' };

/** The committed schema with the gateway's reads of the renamed fields. */
function gatewaySchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  for (const [typeName, fieldName] of Object.entries(RENAMED)) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`${typeName}.${fieldName} is missing from the schema`);
    field.resolve = (source: { id: string }) => source.id;
  }
  return schema;
}

const SAME_INDONESIAN = 'Nota Kesepahaman Penempatan Pekerja Migran Indonesia';
const FIRST_EN = 'MoU on the placement of Indonesian migrant workers';
const RENEWAL_EN = 'MoU on the placement of Indonesian migrant workers (renewal, 2027)';

function mou(id: string, en: string): Record<string, unknown> {
  return {
    id,
    title: { id: SAME_INDONESIAN, en },
    reference: null,
    status: 'DRAFT',
    statusLabel: { id: 'Rancangan', en: 'Draft' },
    signedOn: null,
    validFrom: null,
    validUntil: null,
    parent: null,
    parties: [],
    quotas: [],
  };
}

/** The KUR rate as two dates answer it (a parameter's value depends on the date). */
const KUR_RATE: Record<string, { value: string; effectiveFrom: string }> = {
  '2025-06-01': { value: '0.06', effectiveFrom: '2024-01-01' },
  '2026-06-01': { value: '0.05', effectiveFrom: '2026-01-01' },
};

const ROOT = {
  parameters: ({ asOf }: { asOf: string }) => [
    {
      id: 'kur.annualRate',
      ...KUR_RATE[asOf],
      unit: 'ratio',
      isDefault: false,
      overlaidBy: null,
      description: { id: 'Suku bunga KUR per tahun', en: 'KUR annual interest rate' },
      sources: [],
    },
  ],
  mous: () => ({
    totalCount: 2,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
    edges: [
      { cursor: 'c1', node: mou('m-1', FIRST_EN) },
      { cursor: 'c2', node: mou('m-2', RENEWAL_EN) },
    ],
  }),
};

const variables: ListMousQueryVariables = { first: 2 };

/** What the gateway answers to `document` as Apollo sends it (with `__typename`s). */
function answer(schema: GraphQLSchema, cache: InMemoryCache, document: DocumentNode, vars: Record<string, unknown> = variables): Record<string, unknown> {
  const result = execute({ schema, document: cache.transformDocument(document), rootValue: ROOT, variableValues: vars });
  if (result instanceof Promise) throw new Error('the schema resolves synchronously');
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

describe('Apollo InMemoryCache', () => {
  const schema = gatewaySchema();

  it('keeps two MoU titles with the same Indonesian and different English apart (the SDK selects `idn`)', () => {
    const cache = new InMemoryCache();
    const data = answer(schema, cache, ListMousDocument) as ListMousQuery;
    expect(data.mous.edges.map((e) => e.node.title)).toEqual([
      { __typename: 'BilingualText', idn: SAME_INDONESIAN, en: FIRST_EN },
      { __typename: 'BilingualText', idn: SAME_INDONESIAN, en: RENEWAL_EN },
    ]);
    cache.writeQuery({ query: ListMousDocument, variables, data });
    const read = cache.readQuery({ query: ListMousDocument, variables });
    expect(read).toEqual(data);
    expect(read?.mous.edges.map((e) => [e.node.id, e.node.title.idn, e.node.title.en])).toEqual([
      ['m-1', SAME_INDONESIAN, FIRST_EN],
      ['m-2', SAME_INDONESIAN, RENEWAL_EN],
    ]);
    // the texts are not entities: they live inside their MoU, not under a key of their own
    expect(Object.keys(cache.extract()).sort()).toEqual(['Mou:m-1', 'Mou:m-2', 'ROOT_QUERY']);
  });

  it('merged them under the old selection `{ id en }`: the defect the rename removes', () => {
    const old = parse(`query ListMousOld($first: Int!) {
      mous(first: $first) { totalCount edges { node { id title { id en } } } }
    }`);
    const cache = new InMemoryCache();
    const data = answer(schema, cache, old);
    cache.writeQuery({ query: old, variables, data });
    const read = cache.readQuery<{ mous: { edges: Array<{ node: { id: string; title: { id: string; en: string } } }> } }>({ query: old, variables });
    // both MoUs now point at one cache entry, `BilingualText:<the Indonesian>`: one English for both
    expect(Object.keys(cache.extract())).toContain(`BilingualText:${SAME_INDONESIAN}`);
    const english = read?.mous.edges.map((e) => e.node.title.en) ?? [];
    expect(english).toHaveLength(2);
    expect(english[0]).toBe(english[1]);
    expect(english).not.toEqual([FIRST_EN, RENEWAL_EN]);
  });

  it('keeps a parameter at two dates apart (the SDK selects `parameterId`); `id` merged them', () => {
    const rates = (document: DocumentNode, cache: InMemoryCache): unknown[] => {
      for (const asOf of Object.keys(KUR_RATE)) cache.writeQuery({ query: document, variables: { asOf }, data: answer(schema, cache, document, { asOf }) });
      return Object.keys(KUR_RATE).map((asOf) => cache.readQuery<{ parameters: Array<{ value: unknown }> }>({ query: document, variables: { asOf } })?.parameters[0]?.value);
    };
    expect(rates(ListParametersDocument, new InMemoryCache())).toEqual(['0.06', '0.05']);
    const old = parse('query ListParametersOld($asOf: Date!) { parameters(asOf: $asOf) { id value effectiveFrom } }');
    expect(rates(old, new InMemoryCache())).toEqual(['0.05', '0.05']);
  });
});
