import type { AddressInfo } from 'node:net';
import express from 'express';
import { concurrencyLimitMiddleware, DEFAULT_CONCURRENCY_LIMITS, InFlightCounter, type InFlightLimiter } from './concurrency-limit';
import { ANONYMOUS } from './role';

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

describe('a limiter that answers later (the shared store leasing a slot)', () => {
  const counter = new InFlightCounter();
  let leaseMs = 0;
  // the in-memory count, decided after `leaseMs`, as a statement to the shared store would be
  const later: InFlightLimiter = {
    tryAcquire: (key, max) => new Promise((resolve) => setTimeout(() => resolve(counter.tryAcquire(key, max)), leaseMs)),
  };
  let baseUrl: string;
  let close: () => Promise<void>;
  let finishRequest: (() => void) | undefined;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.principal = ANONYMOUS;
      next();
    });
    app.use(concurrencyLimitMiddleware({ perPrincipal: 1, perAnonymousAddress: 1 }, later));
    app.post('/graphql', (_req, res) => {
      finishRequest = () => res.json({ data: { ok: true } });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(async () => close());

  const until = async (cond: () => boolean): Promise<void> => {
    for (let i = 0; i < 100 && !cond(); i += 1) await new Promise((r) => setTimeout(r, 10));
  };

  it('admits after the answer, refuses the next one while the first runs, and frees the slot when it ends', async () => {
    leaseMs = 20;
    const first = fetch(`${baseUrl}/graphql`, { method: 'POST' });
    await until(() => finishRequest !== undefined);
    const second = await fetch(`${baseUrl}/graphql`, { method: 'POST' });
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', details: { reason: 'TOO_MANY_IN_FLIGHT', maxInFlight: 1 } } }] });
    finishRequest?.();
    finishRequest = undefined;
    expect((await first).status).toBe(200);
    await until(() => counter.inFlight('ip:127.0.0.1') === 0);
    expect(counter.inFlight('ip:127.0.0.1')).toBe(0);
  });

  it('a caller that goes away while its slot is being leased gets no slot kept for it', async () => {
    leaseMs = 300;
    const abort = new AbortController();
    const gone = fetch(`${baseUrl}/graphql`, { method: 'POST', signal: abort.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    expect(await gone).toBe('aborted');
    await new Promise((r) => setTimeout(r, 400)); // the lease answered after the caller left
    expect(counter.inFlight('ip:127.0.0.1')).toBe(0);
    expect(finishRequest).toBeUndefined(); // the handler never ran
  });
});
