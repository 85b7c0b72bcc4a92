import fc from 'fast-check';
import { backoffDelay, isRetryable, RETRYABLE_STATUSES } from './retry-policy';
import { JEMBATAN_ERROR_CODES, type JembatanErrorCode } from '../errors/error-codes';

const msg = { id: 'x', en: 'x' };

describe('isRetryable', () => {
  it('never retries a mutation, whatever the error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JEMBATAN_ERROR_CODES), fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }), (code, status) => {
        const error = status === undefined ? { code, messages: msg } : { code, messages: msg, status };
        expect(isRetryable(error, 'mutation')).toBe(false);
      }),
    );
  });

  it('retries a query only on a network failure or 502/503/504', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JEMBATAN_ERROR_CODES), fc.integer({ min: 100, max: 599 }), (code: JembatanErrorCode, status) => {
        const expected = RETRYABLE_STATUSES.has(status) || code === 'NETWORK_ERROR';
        expect(isRetryable({ code, messages: msg, status }, 'query')).toBe(expected);
      }),
    );
    expect(isRetryable({ code: 'NETWORK_ERROR', messages: msg }, 'query')).toBe(true);
    expect(isRetryable({ code: 'TIMEOUT', messages: msg }, 'query')).toBe(false);
    expect(isRetryable({ code: 'ABORTED', messages: msg }, 'query')).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base, stays within [half, full] of the step and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, baseDelayMs, maxDelayMs, random) => {
          const d = backoffDelay(retry, { retries: 5, baseDelayMs, maxDelayMs }, random);
          const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
          expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(d).toBeLessThanOrEqual(Math.ceil(step));
          expect(d).toBeLessThanOrEqual(maxDelayMs);
        },
      ),
    );
  });

  it('waits at least what Retry-After asks, up to the cap', () => {
    const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5_000 };
    expect(backoffDelay(1, policy, 0, 2_000)).toBe(2_000);
    expect(backoffDelay(1, policy, 0, 60_000)).toBe(5_000);
    expect(backoffDelay(3, policy, 1)).toBe(400);
    expect(backoffDelay(3, policy, 0)).toBe(200);
  });
});
