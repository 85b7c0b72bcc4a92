import type { Messages } from '@jembatan/domain';
import {
  isJembatanErrorCode,
  type GraphQLErrorCode,
  type JembatanErrorCode,
} from './error-codes.js';
import { dottedField, toFieldPath } from './field-path.js';

export type OperationType = 'query' | 'mutation';
export type ResponsePath = ReadonlyArray<string | number>;
/** Path of an input field: names, and numbers for list indices (`["input", "documents", 0, "kind"]`). */
export type FieldPath = readonly (string | number)[];

/** One entry of the response's `errors` array, validated and normalised. */
export interface GraphQLErrorDetail {
  /** Known code, `UNKNOWN` when `extensions.code` was absent or unrecognised. */
  readonly code: GraphQLErrorCode;
  /** `extensions.code` exactly as sent (useful when `code` is `UNKNOWN`). */
  readonly rawCode?: string;
  /** The server's `message`. */
  readonly message: string;
  /** `extensions.messages {id,en}` when the gateway sent it, else the SDK's text for the code. */
  readonly messages: Messages;
  /** GraphQL response path of the field that failed (`["createCandidate"]`). */
  readonly path?: ResponsePath;
  /**
   * Input field the error is about, dotted (`input.profile.nik`), when the gateway named one; mark
   * that form input. The same path as segments is `fieldPath`.
   */
  readonly field?: string;
  /** The input field as segments (`["input", "profile", "nik"]`; list indices are numbers), when sent. */
  readonly fieldPath?: FieldPath;
  /** `extensions` as sent, for codes the SDK does not model. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** Fields each code guarantees beyond the common ones. */
export interface JembatanErrorFieldsByCode {
  NETWORK_ERROR: object;
  TIMEOUT: { readonly timeoutMs: number };
  ABORTED: object;
  HTTP_ERROR: { readonly status: number };
  INVALID_RESPONSE: object;
  INVALID_REQUEST: object;
}
type FieldsFor<C extends JembatanErrorCode> = C extends keyof JembatanErrorFieldsByCode
  ? JembatanErrorFieldsByCode[C]
  : { readonly graphQLErrors: readonly [GraphQLErrorDetail, ...GraphQLErrorDetail[]] };

export interface JembatanErrorInit<C extends JembatanErrorCode = JembatanErrorCode> {
  readonly code: C;
  readonly messages: Messages;
  readonly status?: number;
  readonly requestId?: string;
  readonly operationName?: string;
  readonly operationType?: OperationType;
  readonly path?: ResponsePath;
  readonly field?: string;
  readonly fieldPath?: FieldPath;
  readonly rawCode?: string;
  readonly graphQLErrors?: readonly GraphQLErrorDetail[];
  readonly data?: unknown;
  readonly attempts?: number;
  readonly timeoutMs?: number;
  readonly retryAfterMs?: number;
  readonly bodySnippet?: string;
  readonly cause?: unknown;
}

/**
 * The one error class the SDK throws. `code` is the discriminant; narrow with
 * `isJembatanError(e, 'HTTP_ERROR')` or `switch (e.code)` on an `AnyJembatanError`.
 * `message` is the English text prefixed with the code; `messages` holds both languages.
 */
export class JembatanError<C extends JembatanErrorCode = JembatanErrorCode> extends Error {
  override readonly name = 'JembatanError';
  readonly code: C;
  /** Bilingual text: the gateway's `extensions.messages` when sent, else the SDK's own. */
  readonly messages: Messages;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** Gateway request id (`extensions.requestId` or the `x-request-id` header): quote it in bug reports. */
  readonly requestId?: string;
  readonly operationName?: string;
  readonly operationType?: OperationType;
  /** GraphQL response path of the first error. */
  readonly path?: ResponsePath;
  /** Input field of the first error, dotted (`input.profile.nik`), when the gateway named one. */
  readonly field?: string;
  /** Input field of the first error as segments (`["input", "profile", "nik"]`), when the gateway named one. */
  readonly fieldPath?: FieldPath;
  /** `extensions.code` exactly as sent by the gateway. */
  readonly rawCode?: string;
  /** Every GraphQL error of the response (empty for transport and client errors). */
  readonly graphQLErrors: readonly GraphQLErrorDetail[];
  /** Partial `data` that came with GraphQL errors, if any. */
  readonly data?: unknown;
  /** How many HTTP attempts were made (0 when the request was refused before sending). */
  readonly attempts: number;
  readonly timeoutMs?: number;
  /** From a `Retry-After` header, in milliseconds. */
  readonly retryAfterMs?: number;
  /** First characters of a non-GraphQL body (an HTML error page, say), for diagnosis. */
  readonly bodySnippet?: string;

  constructor(init: JembatanErrorInit<C>) {
    super(`[${init.code}] ${init.messages.en}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.messages = init.messages;
    this.graphQLErrors = init.graphQLErrors ?? [];
    this.attempts = init.attempts ?? 0;
    if (init.status !== undefined) this.status = init.status;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.operationName !== undefined) this.operationName = init.operationName;
    if (init.operationType !== undefined) this.operationType = init.operationType;
    if (init.path !== undefined) this.path = init.path;
    // one given, the other follows: `field` is always the dotted form of `fieldPath`
    const fieldPath = init.fieldPath ?? (init.field === undefined ? undefined : toFieldPath(init.field));
    const field = init.field ?? (init.fieldPath === undefined ? undefined : dottedField(init.fieldPath));
    if (field !== undefined) this.field = field;
    if (fieldPath !== undefined) this.fieldPath = fieldPath;
    if (init.rawCode !== undefined) this.rawCode = init.rawCode;
    if (init.data !== undefined) this.data = init.data;
    if (init.timeoutMs !== undefined) this.timeoutMs = init.timeoutMs;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.bodySnippet !== undefined) this.bodySnippet = init.bodySnippet;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** Serialisable form (for logs): no stack, no cause. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      messages: this.messages,
      status: this.status,
      requestId: this.requestId,
      operationName: this.operationName,
      path: this.path,
      field: this.field,
      fieldPath: this.fieldPath,
      rawCode: this.rawCode,
      graphQLErrors: this.graphQLErrors,
      attempts: this.attempts,
    };
  }
}

/** A `JembatanError` narrowed to one code, with the fields that code guarantees. */
export type JembatanErrorOf<C extends JembatanErrorCode> = C extends JembatanErrorCode
  ? JembatanError<C> & FieldsFor<C>
  : never;

/** The discriminated union of every error the SDK throws: `switch (e.code)` narrows it. */
export type AnyJembatanError = JembatanErrorOf<JembatanErrorCode>;

/**
 * True when `e` is an error thrown by this SDK (also across duplicate copies of the package,
 * by shape), optionally with one of the given codes.
 */
export function isJembatanError(e: unknown): e is AnyJembatanError;
export function isJembatanError<C extends JembatanErrorCode>(
  e: unknown,
  code: C | readonly C[],
): e is JembatanErrorOf<C>;
export function isJembatanError(e: unknown, code?: JembatanErrorCode | readonly JembatanErrorCode[]): boolean {
  const candidate = e as { name?: unknown; code?: unknown; messages?: unknown } | null;
  const shaped =
    e instanceof JembatanError ||
    (e instanceof Error && candidate?.name === 'JembatanError' && isJembatanErrorCode(candidate.code));
  if (!shaped) return false;
  if (code === undefined) return true;
  const wanted: readonly JembatanErrorCode[] = typeof code === 'string' ? [code] : code;
  return wanted.includes((e as JembatanError).code);
}
