/**
 * @jembatan/sdk — typed client for the Jembatan GraphQL gateway.
 * Runs in Node ≥ 20 and browsers: it uses only `fetch`, `AbortController` and timers.
 */
export * from './errors/index.js';
export * from './client/index.js';
export * from './pagination/index.js';
export type { TypedDocumentNode, ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
