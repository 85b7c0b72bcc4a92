export * from './error-codes.js';
export { GRAPHQL_CODE_MESSAGES } from './error-messages.js';
export * from './jembatan-error.js';
