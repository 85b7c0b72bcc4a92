/**
 * Type-level test (compiled by `tsc --noEmit`, never run): the public types of an error's input field.
 * Each `@ts-expect-error` line must be a compile error.
 */
import { isJembatanError, type FieldPath, type GraphQLErrorDetail } from '../index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

export function markInput(e: unknown): string {
  if (!isJembatanError(e, 'NIK_INVALID')) return '';
  assertType<Equal<typeof e.field, string | undefined>>();
  assertType<Equal<typeof e.fieldPath, FieldPath | undefined>>();
  assertType<Equal<FieldPath, readonly (string | number)[]>>();
  assertType<Equal<GraphQLErrorDetail['fieldPath'], FieldPath | undefined>>();
  // @ts-expect-error the path is read-only
  e.fieldPath?.push('x');
  return e.fieldPath?.map(String).join('/') ?? e.field ?? '';
}
