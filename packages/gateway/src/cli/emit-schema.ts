/** Part of `npm run build`: writes packages/gateway/schema.graphql from the resolver classes. */
import 'reflect-metadata';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGatewaySchema, printGatewaySchema } from '../graphql/schema';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema.graphql');

buildGatewaySchema()
  .then((schema) => {
    // written next to it and renamed into place: `npm test` runs the gateway's build beside the tests
    // (test/schema-file.test.ts, the SDK's codegen check), which must never read half a file
    const staging = `${SCHEMA_FILE}.${process.pid}.tmp`;
    writeFileSync(staging, printGatewaySchema(schema));
    renameSync(staging, SCHEMA_FILE);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`Could not build the schema: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
