/**
 * Expected failures of a use case, without GraphQL: the GraphQL side (graphql/run-use-case.ts) turns
 * each into the public error it has always been (code, bilingual messages, `field`, `domainCode`,
 * `details`). A `field` is a path in the mutation's arguments (`['input', 'profile', 'nik']`): that is
 * the caller's vocabulary, and clients branch on it.
 */
import type { DomainErrorData, Messages, Result } from '../domain';

export type FieldPath = readonly string[];

/** Public codes a use case may refuse with itself (the domain's codes map on their own). */
export type RejectionCode = 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';

export type UseCaseFailure =
  /** The domain said no: its code, messages and path, the path placed under `fieldPrefix`. */
  | { readonly kind: 'DOMAIN'; readonly error: DomainErrorData; readonly fieldPrefix: FieldPath }
  /** The record a command names does not exist (details: the entity). */
  | { readonly kind: 'NOT_FOUND'; readonly entity: string; readonly field: FieldPath }
  /** A refusal of the use case's own (uniqueness, a product given twice, ...). */
  | {
      readonly kind: 'REJECTED';
      readonly code: RejectionCode;
      readonly messages: Messages;
      readonly field?: FieldPath;
      readonly domainCode?: string;
      readonly details?: Readonly<Record<string, string | number | boolean | null>>;
    }
  /** Stored data contradicts itself (a row its foreign key guarantees is missing). */
  | { readonly kind: 'INCONSISTENT' };

export class UseCaseError extends Error {
  constructor(readonly failure: UseCaseFailure) {
    super(`use case failed: ${failure.kind === 'DOMAIN' ? failure.error.code : failure.kind}`);
    this.name = 'UseCaseError';
  }
}

export function notFound(entity: string, field: FieldPath = ['id']): UseCaseError {
  return new UseCaseError({ kind: 'NOT_FOUND', entity, field });
}

export function domainFailure(error: DomainErrorData, fieldPrefix: FieldPath = []): UseCaseError {
  return new UseCaseError({ kind: 'DOMAIN', error, fieldPrefix });
}

export function rejected(
  code: RejectionCode,
  messages: Messages,
  options: { readonly field?: FieldPath; readonly domainCode?: string; readonly details?: Readonly<Record<string, string | number | boolean | null>> } = {},
): UseCaseError {
  return new UseCaseError({ kind: 'REJECTED', code, messages, ...options });
}

export function inconsistent(): UseCaseError {
  return new UseCaseError({ kind: 'INCONSISTENT' });
}

/** The value of a domain result, or a DOMAIN failure with the path under `fieldPrefix`. */
export function unwrap<T>(result: Result<T>, fieldPrefix: FieldPath = ['input']): T {
  if (result.ok) return result.value;
  throw domainFailure(result.error, fieldPrefix);
}
