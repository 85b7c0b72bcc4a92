export * from './create-client.js';
export type { RequestDocument } from './operation.js';
export type { RetryOptions } from './retry-policy.js';
