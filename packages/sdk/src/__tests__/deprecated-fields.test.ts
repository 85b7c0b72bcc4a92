/**
 * The SDK's operations select no deprecated field of the gateway schema (issue 14: `id` on texts, cost
 * lines and parameters is deprecated for one release, then removed). graphql-js's
 * `NoDeprecatedCustomRule` is the check a client can run on its own documents too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, NoDeprecatedCustomRule, parse, validate } from 'graphql';

const SCHEMA_FILE = path.resolve(__dirname, '../../../gateway/schema.graphql');
const OPERATIONS = path.resolve(__dirname, '../operations');

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const deprecatedUses = (source: string): string[] => validate(schema, parse(source), [NoDeprecatedCustomRule]).map((e) => e.message);

it('no SDK operation selects a deprecated field', () => {
  const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'));
  expect(files.length).toBeGreaterThan(40);
  // fragments live in their own files: validate the operations as one document, as codegen reads them
  const all = files.map((f) => readFileSync(path.join(OPERATIONS, f), 'utf8')).join('\n');
  expect(deprecatedUses(all)).toEqual([]);
});

it('finds the old selections', () => {
  expect(deprecatedUses('{ routes { code label { id en } } parameters(asOf: "2026-01-15") { id } }')).toEqual([
    'The field BilingualText.id is deprecated. Use `idn`: this is not an entity id (client caches merged objects that share it). Removed in the next minor release.',
    'The field Parameter.id is deprecated. Use `parameterId`: this is not an entity id (client caches merged objects that share it). Removed in the next minor release.',
  ]);
});
