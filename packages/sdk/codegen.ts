/**
 * GraphQL Code Generator configuration for @jembatan/sdk (client preset).
 *
 * Input: the gateway's committed schema file, never gateway source; operations written as
 * `.graphql` files under src/operations/. Output: src/generated/ (TypedDocumentNode documents
 * and their result/variable types), reproducible: no timestamps, no formatter, stable order.
 *
 * Run through `npm run codegen` (scripts/codegen.mjs), which fails when the schema file is
 * missing. The JEMBATAN_CODEGEN_* variables exist for the wiring test, which runs this
 * same configuration against a fixture schema; normal runs leave them unset.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const schema = process.env.JEMBATAN_CODEGEN_SCHEMA ?? '../gateway/schema.graphql';
const documents = process.env.JEMBATAN_CODEGEN_DOCUMENTS ?? 'src/operations/**/*.graphql';
const output = process.env.JEMBATAN_CODEGEN_OUT ?? 'src/generated/';

const config: CodegenConfig = {
  schema,
  documents: [documents],
  ignoreNoDocuments: true,
  silent: true,
  generates: {
    [output]: {
      preset: 'client',
      presetConfig: {
        // Plain nested result types: simpler for municipal developers than masked fragments.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        // dist/esm is loaded by Node's ESM loader, which needs explicit extensions.
        importExtension: '.js',
        // Enums as string unions: no runtime code, same spelling as the domain's vocabulary.
        enumsAsTypes: true,
        // Scalars as they travel in JSON. Money amounts are strings or safe integers (see the schema).
        scalars: {
          ID: { input: 'string', output: 'string' },
          Date: 'string',
          DateTime: 'string',
          LocalDate: 'string',
          IsoDate: 'string',
          BigInt: 'string',
          SafeInt: 'number',
          NonNegativeInt: 'number',
          PositiveInt: 'number',
          NonNegativeFloat: 'number',
          EmailAddress: 'string',
          URL: 'string',
          UUID: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
        },
        // A scalar not listed above is `unknown`, never `any`.
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
