/** Part of `npm run build`: writes packages/gateway/schema.graphql from the resolver classes. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGatewaySchema, printGatewaySchema } from '../graphql/schema';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema.graphql');

buildGatewaySchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printGatewaySchema(schema));
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`Could not build the schema: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
