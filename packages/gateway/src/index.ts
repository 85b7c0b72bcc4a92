/**
 * @jembatan/gateway — GraphQL over the program: Apollo Server 5, type-graphql, MikroORM on PostgreSQL.
 * Run it with `npm start`; embed it (end-to-end tests) with `startGateway(loadConfig(), { log })`.
 */
export const GATEWAY_NAME = '@jembatan/gateway';

export { loadConfig, findRepoRoot, ConfigError, type GatewayConfig, type LogLevel } from './config/config';
export { createLogger, type Logger } from './config/logger';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './db/embedded-postgres';
export { startGateway, type Gateway, type StartOptions } from './server';
export { buildGatewaySchema, printGatewaySchema } from './graphql/schema';
export { ERROR_CODES, type ErrorCode } from './graphql/errors';
