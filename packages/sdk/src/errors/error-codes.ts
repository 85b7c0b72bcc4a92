/**
 * Every error the SDK can raise has one stable `code`. Three families:
 * - transport codes: the request never produced a usable GraphQL response;
 * - GraphQL codes: the gateway answered with `errors[].extensions.code`;
 * - `INVALID_REQUEST`: the SDK refused to send (bad configuration, document or variables).
 */

/** The request did not produce a GraphQL response the SDK can use. */
export const TRANSPORT_ERROR_CODES = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'ABORTED',
  'HTTP_ERROR',
  'INVALID_RESPONSE',
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** Codes the gateway sends in `errors[].extensions.code`; anything else arrives as `UNKNOWN`. */
export const GRAPHQL_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUOTA_EXHAUSTED',
  'MOU_INVALID_TRANSITION',
  'NIK_INVALID',
  'CANDIDATE_NOT_ELIGIBLE',
  'INTERNAL_SERVER_ERROR',
  'RATE_LIMITED',
  // HTTP 503 + Retry-After: the gateway's database is unavailable for now (restarting, failing over).
  // Queries are retried; a mutation is not (it may or may not have committed: read back before repeating it).
  'SERVICE_UNAVAILABLE',
  // The gateway's own query time limit (sent as `TIMEOUT`; renamed so that it is not the client's deadline).
  'QUERY_TIMEOUT',
  // Apollo Server's own request-level codes (a query the gateway's schema does not accept).
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNKNOWN',
] as const;
export type GraphQLErrorCode = (typeof GRAPHQL_ERROR_CODES)[number];

/** The SDK refused to send the request: a programming or configuration mistake on the caller's side. */
export const CLIENT_ERROR_CODES = ['INVALID_REQUEST'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type JembatanErrorCode = TransportErrorCode | GraphQLErrorCode | ClientErrorCode;

export const JEMBATAN_ERROR_CODES: readonly JembatanErrorCode[] = [
  ...TRANSPORT_ERROR_CODES,
  ...GRAPHQL_ERROR_CODES,
  ...CLIENT_ERROR_CODES,
];

const GRAPHQL_CODE_SET: ReadonlySet<string> = new Set(GRAPHQL_ERROR_CODES);
const ALL_CODE_SET: ReadonlySet<string> = new Set(JEMBATAN_ERROR_CODES);

export function isJembatanErrorCode(value: unknown): value is JembatanErrorCode {
  return typeof value === 'string' && ALL_CODE_SET.has(value);
}

export function isGraphQLErrorCode(value: unknown): value is GraphQLErrorCode {
  return typeof value === 'string' && GRAPHQL_CODE_SET.has(value);
}

/**
 * Maps `extensions.code` as sent to a known code (`TIMEOUT` → `QUERY_TIMEOUT`). Dotted domain codes (`MOU.INVALID_TRANSITION`,
 * `QUOTA.EXHAUSTED`) and kebab/lower case spellings are accepted; anything unrecognised is `UNKNOWN`.
 */
export function normalizeGraphQLErrorCode(raw: unknown): GraphQLErrorCode {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 100) return 'UNKNOWN';
  const upper = raw.trim().toUpperCase().replace(/[.\-\s]+/g, '_');
  // `TIMEOUT` from the gateway is its query time limit; the SDK's `TIMEOUT` is the caller's deadline.
  if (upper === 'TIMEOUT') return 'QUERY_TIMEOUT';
  return isGraphQLErrorCode(upper) ? upper : 'UNKNOWN';
}
