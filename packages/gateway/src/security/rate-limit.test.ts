import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import { principalRateLimitMiddleware, rateKeyOf, rateLimitMiddleware, TokenBucketLimiter } from './rate-limit';
import { ANONYMOUS, type Principal } from './role';

describe('TokenBucketLimiter', () => {
  it('allows a burst of `capacity`, then refills evenly over the window', () => {
    let t = 0;
    const limiter = new TokenBucketLimiter({ capacity: 3, windowMs: 3000 }, { now: () => t });
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('k');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 1000 });
    t = 999;
    expect(limiter.take('k').allowed).toBe(false);
    t = 1000;
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 0 });
    t = 10_000; // idle for long: full again, never more than capacity
    expect([1, 2, 3, 4].map(() => limiter.take('k').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps keys apart', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, windowMs: 60_000 }, { now: () => 0 });
    expect(limiter.take('apiKey:a').allowed).toBe(true);
    expect(limiter.take('apiKey:a').allowed).toBe(false);
    expect(limiter.take('apiKey:b').allowed).toBe(true);
  });

  it('bounds memory: the least recently seen keys are forgotten first', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, windowMs: 60_000 }, { now: () => 0, maxKeys: 3 });
    for (const k of ['a', 'b', 'c']) limiter.take(k);
    limiter.take('a'); // refused, but "a" is now the most recently seen
    limiter.take('d'); // evicts "b"
    expect(limiter.size).toBe(3);
    expect(limiter.take('a').allowed).toBe(false); // still remembered
    expect(limiter.take('b').allowed).toBe(true); // forgotten: starts afresh
  });

  it('property: over any span T, at most capacity × (1 + T / window) requests pass', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 100, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }),
        (capacity, windowMs, gaps) => {
          let t = 0;
          const limiter = new TokenBucketLimiter({ capacity, windowMs }, { now: () => t });
          const allowedAt: number[] = [];
          for (const gap of gaps) {
            t += gap;
            if (limiter.take('k').allowed) allowedAt.push(t);
          }
          for (let i = 0; i < allowedAt.length; i += 1) {
            for (let j = i; j < allowedAt.length; j += 1) {
              const span = (allowedAt[j] as number) - (allowedAt[i] as number);
              expect(j - i + 1).toBeLessThanOrEqual(Math.floor(capacity * (1 + span / windowMs) + 1e-6));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a refused request is allowed once its Retry-After has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 10, max: 100_000 }), (capacity, windowMs) => {
        let t = 0;
        const limiter = new TokenBucketLimiter({ capacity, windowMs }, { now: () => t });
        for (let i = 0; i < capacity; i += 1) limiter.take('k');
        const refused = limiter.take('k');
        expect(refused.allowed).toBe(false);
        t += refused.retryAfterMs;
        expect(limiter.take('k').allowed).toBe(true);
      }),
    );
  });

  it('refuses nonsense rules', () => {
    expect(() => new TokenBucketLimiter({ capacity: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ capacity: 1, windowMs: 0.5 })).toThrow(RangeError);
  });
});

describe('rate limit middleware over HTTP', () => {
  let t = 0;
  let baseUrl: string;
  let close: () => Promise<void>;
  const officer: Principal = { kind: 'apiKey', roles: ['PUBLIC', 'OFFICER'], subject: 'apiKey:00000000000000aa', keyId: '00000000000000aa' };

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.principal = req.headers['x-test-key'] ? { ...officer, subject: `apiKey:${String(req.headers['x-test-key'])}` } : ANONYMOUS;
      next();
    });
    app.use(principalRateLimitMiddleware({ anonymous: { capacity: 2, windowMs: 60_000 }, authenticated: { capacity: 5, windowMs: 60_000 } }, { now: () => t }));
    app.post('/graphql', (_req, res) => {
      res.json({ data: { ok: true } });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
  });
  afterAll(async () => close());

  const hit = (key?: string) => fetch(`${baseUrl}/graphql`, { method: 'POST', headers: key ? { 'x-test-key': key } : {} });

  it('answers 429 RATE_LIMITED with Retry-After once a caller has used its budget', async () => {
    expect((await hit()).status).toBe(200);
    const second = await hit();
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    const third = await hit();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(await third.json()).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 }, messages: { id: expect.any(String), en: expect.any(String) } } }],
    });
  });

  it('limits signed-in callers per key, with their own (larger) budget, unaffected by anonymous traffic', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await hit('key-one')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await hit('key-two')).status).toBe(200);
  });

  it('the window passes: allowed again', async () => {
    t += 60_000;
    expect((await hit()).status).toBe(200);
    expect((await hit('key-one')).status).toBe(200);
  });

  it('rateKeyOf uses the principal when signed in, else the IP', () => {
    expect(rateKeyOf(officer, '10.0.0.1')).toBe('apiKey:00000000000000aa');
    expect(rateKeyOf(ANONYMOUS, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(rateKeyOf(undefined, undefined)).toBe('ip:unknown');
  });

  it('a selector may exempt requests', () => {
    const mw = rateLimitMiddleware(() => undefined);
    let called = false;
    mw({} as never, {} as never, () => {
      called = true;
    });
    expect(called).toBe(true);
  });
});
