/**
 * Access control, personal-data protection and abuse limits for the gateway (issue 5).
 * See README.md in this folder for how to wire it into server.ts, the context and the schema build.
 */
export * from './role';
export * from './security-error';
export * from './sql-executor';
export * from './api-key';
export * from './jwt';
export * from './authenticate';
export * from './auth-checker';
export * from './record-view';
export * from './rules';
export * from './schema-access-audit';
export * from './masking';
export * from './redaction';
export * from './audit-log';
export * from './armor';
export * from './rate-limit';
export * from './query-timeout';
export * from './cors';
export * from './http-headers';
export * from './introspection';
export * from './security-config';
