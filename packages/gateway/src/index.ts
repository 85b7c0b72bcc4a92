/**
 * @jembatan/gateway — GraphQL over the program: Apollo Server 5, type-graphql, MikroORM on PostgreSQL.
 * Run it with `npm start`; embed it (end-to-end tests) with `startGateway(loadConfig(), { log })`, then
 * make the credentials the test needs with `await gateway.createApiKey({ roles: ['OFFICER'], name: 'e2e' })`
 * (→ `{ token }`, sent as `Authorization: Bearer <token>` or `X-API-Key: <token>`).
 */
export const GATEWAY_NAME = '@jembatan/gateway';

export { loadConfig, findRepoRoot, ConfigError, type GatewayConfig, type LogLevel } from './config/config';
export { createLogger, type Logger } from './config/logger';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './db/embedded-postgres';
export { startGateway, type Gateway, type GatewayApiKeyInput, type StartOptions } from './server';
export { systemClock, fixedClock, type Clock } from './clock';
export { loadResilienceConfig, DEFAULT_RESILIENCE, type ResilienceConfig } from './db/resilience';
export { buildGatewaySchema, printGatewaySchema } from './graphql/schema';
export { ERROR_CODES, type ErrorCode } from './graphql/errors';
export { loadSecurityConfig, type SecurityConfig } from './security/security-config';
export { ROLES, GRANTABLE_ROLES, type Role, type Principal } from './security/role';
export {
  createApiKey,
  revokeApiKey,
  listApiKeys,
  type ApiKeyRecord,
  type CreateApiKeyInput,
} from './security/api-key';
export { emExecutor, pgExecutor, type SqlExecutor } from './security/sql-executor';
