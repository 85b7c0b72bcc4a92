/**
 * The documents the SDK and the examples send fit the gateway's abuse limits (graphql-armor depth,
 * cost, aliases, directives and the token limit): each is parsed with the gateway's parse options
 * and validated against the committed schema with the gateway's validation rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, print, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationRule } from 'graphql';
import * as sdk from '@jembatan/sdk';
import { REPO_ROOT } from './support/live';
import { GATEWAY_DIR } from './support/live-gateway';

const armorFile = path.join(GATEWAY_DIR, 'dist', 'security', 'armor.js');
const schema = buildSchema(readFileSync(path.join(GATEWAY_DIR, 'schema.graphql'), 'utf8'));

const sdkDocuments = Object.entries(sdk)
  .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object' && value !== null && (value as DocumentNode).kind === 'Document')
  .map(([name, value]) => [name, print(value as DocumentNode)] as const);
const analystDir = path.join(REPO_ROOT, 'examples', 'analyst-queries');
const analystDocuments = readdirSync(analystDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => [`analyst-queries/${f}`, readFileSync(path.join(analystDir, f), 'utf8')] as const);

it('finds every SDK operation (one per .graphql file that is not a fragment) and the analyst queries', () => {
  const operationsDir = path.join(path.dirname(require.resolve('@jembatan/sdk/package.json')), 'src', 'operations');
  const operationFiles = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql') && !f.endsWith('.fragment.graphql'));
  expect(sdkDocuments).toHaveLength(operationFiles.length);
  // every file of the pack (it grows with each aggregate), the first three among them
  expect(analystDocuments.map(([f]) => f)).toEqual(
    expect.arrayContaining(['analyst-queries/candidates-by-stage-and-kecamatan.graphql', 'analyst-queries/costs-by-payer.graphql', 'analyst-queries/quota-fill-by-mou-and-occupation.graphql']),
  );
  expect(analystDocuments.length).toBe(readdirSync(analystDir).filter((f) => f.endsWith('.variables.json')).length);
});

(existsSync(armorFile) ? describe : describe.skip)('within the gateway’s abuse limits (default settings)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildArmor } = require(armorFile) as { buildArmor: () => { validationRules: ValidationRule[]; parseOptions: ParseOptions } };
  const armor = buildArmor();

  it.each([...sdkDocuments, ...analystDocuments])('%s', (_name, source) => {
    const errors = validate(schema, parse(source, armor.parseOptions), [...specifiedRules, ...armor.validationRules]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

const costFile = path.join(GATEWAY_DIR, 'dist', 'security', 'query-cost.js');
const schemaFile = path.join(GATEWAY_DIR, 'dist', 'graphql', 'schema.js');
(existsSync(costFile) && existsSync(schemaFile) ? describe : describe.skip)('within the cost limit with the variables the SDK may send (every page at its largest, 100)', () => {
  // the gateway's own schema: the committed SDL carries no field cost weights (rankedCandidates's)
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { operationCost } = require(costFile) as {
    operationCost: (input: { schema: GraphQLSchema; document: DocumentNode; unknownVariablePageSize: number }) => { ok: boolean; cost?: number };
  };
  const { buildGatewaySchema } = require(schemaFile) as { buildGatewaySchema: () => Promise<GraphQLSchema> };
  const { DEFAULT_ABUSE_LIMITS } = require(armorFile) as { DEFAULT_ABUSE_LIMITS: { maxCost: number } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  let gatewaySchema: GraphQLSchema;
  beforeAll(async () => {
    gatewaySchema = await buildGatewaySchema();
  });

  it.each([...sdkDocuments, ...analystDocuments])('%s', (_name, source) => {
    const result = operationCost({ schema: gatewaySchema, document: parse(source), unknownVariablePageSize: 100 });
    expect(result.ok).toBe(true);
    expect(result.cost).toBeLessThanOrEqual(DEFAULT_ABUSE_LIMITS.maxCost);
  });
});
