/**
 * GraphQL surface of access control: API key administration (ADMIN) and the audit log (OFFICER, ADMIN).
 * Add `...SECURITY_RESOLVERS` to the gateway's resolver list; the context must carry `principal`.
 */
import type { NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from './api-key.resolver';
import { AuditLogResolver } from './audit-log.resolver';

export const SECURITY_RESOLVERS: NonEmptyArray<Function> = [ApiKeyResolver, AuditLogResolver];
export { ApiKeyResolver } from './api-key.resolver';
export { AuditLogResolver, auditCursor, auditCursorId } from './audit-log.resolver';
export { ApiKey, CreatedApiKey, CreateApiKeyInput, RoleEnum } from './api-key.type';
export { AuditLogEntry, AuditLogEntryConnection, AuditLogFilter } from './audit-log.type';
export type { SecurityContext } from './security-context';
