/** Test support: run `fn` and return the JembatanError it rejects with (fail the test otherwise). */
import { isJembatanError, type AnyJembatanError } from '../errors/jembatan-error';

export async function failure(fn: () => Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await fn();
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw new Error(`expected a JembatanError, got ${String(e)}`);
  }
  throw new Error('expected the call to fail');
}
