/** Turn a domain `Result` into a value or a typed GraphQL error with the field path under `input`. */
import type { Result } from '@jembatan/domain';
import { fromDomainError } from './errors';

export function unwrapOrThrow<T>(result: Result<T>, fieldPrefix: readonly string[] = ['input']): T {
  if (result.ok) return result.value;
  throw fromDomainError(result.error, fieldPrefix);
}
