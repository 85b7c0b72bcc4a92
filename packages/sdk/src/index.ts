/**
 * @jembatan/sdk — typed client for the Jembatan GraphQL gateway.
 * Runs in Node ≥ 20 and browsers: it uses only `fetch`, `AbortController` and timers.
 *
 * - `createClient({ url, apiKey?, token? })`: method groups (`client.openings.list(...)`) and raw
 *   `client.request(typedDocument, variables)`;
 * - the generated documents and types (`ListOpeningsDocument`, `ListOpeningsQuery`, `Route`, ...);
 * - the domain's pure calculators for offline use (`estimateCosts`, `scheduleLoan`, `evaluateEligibility`, ...).
 */
export * from './errors/index.js';
export * from './client/index.js';
export * from './pagination/index.js';
export * from './api/index.js';
export * from './generated/graphql.js';
export * from './offline/index.js';
export type { TypedDocumentNode, ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
