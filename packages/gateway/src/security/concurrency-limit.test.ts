import { concurrencyLimitMiddleware, DEFAULT_CONCURRENCY_LIMITS, InFlightCounter } from './concurrency-limit';

describe('InFlightCounter', () => {
  it('admits up to max per key, keys are independent, a release frees one slot once, and idle keys are forgotten', () => {
    const c = new InFlightCounter();
    const a1 = c.tryAcquire('a', 2);
    const a2 = c.tryAcquire('a', 2);
    expect(a1 && a2).toBeTruthy();
    expect(c.tryAcquire('a', 2)).toBeUndefined();
    expect(c.tryAcquire('b', 2)).toBeDefined();
    a1?.();
    a1?.(); // twice (finish + close): still one slot
    expect(c.inFlight('a')).toBe(1);
    expect(c.tryAcquire('a', 2)).toBeDefined();
    expect(c.tryAcquire('a', 2)).toBeUndefined();
    const fresh = new InFlightCounter();
    fresh.tryAcquire('x', 1)?.();
    expect(fresh.size).toBe(0);
  });

  it('refuses limits that are not positive whole numbers', () => {
    expect(() => concurrencyLimitMiddleware({ ...DEFAULT_CONCURRENCY_LIMITS, perPrincipal: 0 })).toThrow(RangeError);
    expect(() => concurrencyLimitMiddleware({ ...DEFAULT_CONCURRENCY_LIMITS, perAnonymousAddress: 1.5 })).toThrow(RangeError);
  });
});
