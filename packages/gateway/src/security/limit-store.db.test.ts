/**
 * The shared limit store against the real PostgreSQL, with two store instances as two replicas (each
 * its own pool and replica id, as two processes have): the rate limit and the in-flight limit hold
 * across both, a dead replica's slots come free when its lease runs out, a refused flood costs no
 * statement, and an unreachable database falls back to the per-process limits without holding a
 * request up.
 */
import net from 'node:net';
import { captureLogger } from '../../test/support/silent-logger';
import { PgLimitStore } from './limit-store';
import { SharedTokenBucket } from './limit-store-rate';
import { SharedInFlightSlots } from './limit-store-slots';
import type { RateDecision } from './rate-limit';
import { startSecurityDb, type SecurityDb } from './__tests__/security-db';

let sdb: SecurityDb;
const stores: PgLimitStore[] = [];
const slotLimiters: SharedInFlightSlots[] = [];
beforeAll(async () => {
  sdb = await startSecurityDb();
});
afterAll(async () => {
  for (const s of slotLimiters) s.close();
  await Promise.all(stores.map((s) => s.close()));
  await sdb?.close();
});

function replica(options: { leaseMs?: number; timeoutMs?: number; url?: string; retryMs?: number } = {}): PgLimitStore {
  const store = new PgLimitStore({
    clientUrl: options.url ?? sdb.url,
    log: captureLogger('warn').log,
    leaseMs: options.leaseMs ?? 10_000,
    timeoutMs: options.timeoutMs ?? 2_000,
    ...(options.retryMs ? { retryMs: options.retryMs } : {}),
  });
  stores.push(store);
  return store;
}

function slots(store: PgLimitStore, lingerMs = 100): SharedInFlightSlots {
  const limiter = new SharedInFlightSlots(store, { lingerMs });
  slotLimiters.push(limiter);
  return limiter;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limit shared by two replicas', () => {
  it('admits at most the capacity plus the refill over the run in total, not twice the capacity', async () => {
    const rule = { capacity: 30, windowMs: 60_000 };
    const a = new SharedTokenBucket('auth', rule, replica());
    const b = new SharedTokenBucket('auth', rule, replica());
    const started = Date.now();
    // 4 callers per replica, 20 requests each: 160 requests, one key
    const hammer = (limiter: SharedTokenBucket) =>
      Promise.all(
        Array.from({ length: 4 }, async () => {
          const out: RateDecision[] = [];
          for (let i = 0; i < 20; i += 1) out.push(await limiter.take('apiKey:0123456789abcdef'));
          return out;
        }),
      ).then((r) => r.flat());
    const [fromA, fromB] = await Promise.all([hammer(a), hammer(b)]);
    const elapsed = Date.now() - started;
    const admittedA = fromA.filter((d) => d.allowed).length;
    const admittedB = fromB.filter((d) => d.allowed).length;
    const refill = Math.floor((rule.capacity * elapsed) / rule.windowMs);
    expect(admittedA + admittedB).toBeLessThanOrEqual(rule.capacity + refill);
    // what each replica may have leased and not spent yet: its chunk (1) and one in advance
    expect(admittedA + admittedB).toBeGreaterThanOrEqual(rule.capacity - 4);
    console.info(`shared bucket of ${rule.capacity}: replica A admitted ${admittedA}, B ${admittedB} of 80 each in ${elapsed} ms`);
    const refused = [...fromA, ...fromB].find((d) => !d.allowed);
    expect(refused?.retryAfterMs).toBeGreaterThan(0);
  });

  it('a refused flood costs no statement: the empty bucket is remembered until it refills', async () => {
    const store = replica();
    const limiter = new SharedTokenBucket('anon', { capacity: 3, windowMs: 60_000 }, store);
    for (let i = 0; i < 3; i += 1) expect((await limiter.take('ip:10.0.0.1')).allowed).toBe(true);
    expect((await limiter.take('ip:10.0.0.1')).allowed).toBe(false);
    const before = store.stats.statements;
    for (let i = 0; i < 100; i += 1) {
      const d = limiter.take('ip:10.0.0.1');
      expect(d).not.toBeInstanceOf(Promise); // decided without waiting for anything
      expect((d as RateDecision).allowed).toBe(false);
    }
    expect(store.stats.statements).toBe(before);
  });

  it('a high limit costs one statement per chunk (capacity / 50), not one per request', async () => {
    const store = replica();
    const limiter = new SharedTokenBucket('auth', { capacity: 6000, windowMs: 60_000 }, store);
    expect(limiter.chunk).toBe(120);
    for (let i = 0; i < 600; i += 1) expect((await limiter.take('apiKey:fedcba9876543210')).allowed).toBe(true);
    expect(store.stats.statements).toBeLessThanOrEqual(Math.ceil(600 / 120) + 2);
  });

  it('a key of any length is stored (hashed past 150 characters) and never fails a statement', async () => {
    const store = replica();
    const limiter = new SharedTokenBucket('anon', { capacity: 2, windowMs: 60_000 }, store);
    const long = `ip:${'f'.repeat(1000)}`;
    expect((await limiter.take(long)).allowed).toBe(true);
    expect(await slots(store).tryAcquire(long, 1)).toEqual(expect.any(Function));
    expect(store.available()).toBe(true);
    expect(store.stats.failures).toBe(0);
  });

  it('the bucket refills from the database clock for every replica', async () => {
    // 600 a second: a drained bucket has tokens again within a few ms
    const rule = { capacity: 3, windowMs: 5 };
    const a = new SharedTokenBucket('anon', rule, replica());
    const b = new SharedTokenBucket('anon', rule, replica());
    for (let i = 0; i < 3; i += 1) await a.take('ip:10.0.0.2');
    await sleep(50);
    expect((await b.take('ip:10.0.0.2')).allowed).toBe(true);
  });
});

describe('in-flight limit shared by two replicas', () => {
  it('admits exactly max requests of one key across both; the rest are refused at once', async () => {
    const a = slots(replica());
    const b = slots(replica());
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).tryAcquire('apiKey:1111222233334444', 3)));
    const admitted = attempts.filter((r) => r !== undefined);
    expect(admitted).toHaveLength(3);
    const db = await sdb.client();
    const live = await db.query(`select coalesce(sum(slots), 0)::int as n from in_flight_lease where key = $1 and expires_at > clock_timestamp()`, ['apiKey:1111222233334444']);
    expect(live.rows[0].n).toBe(3);
    for (const release of admitted) release?.();
    // given back after the linger: all of it
    await sleep(400);
    const after = await db.query(`select count(*)::int as n from in_flight_lease where key = $1`, ['apiKey:1111222233334444']);
    expect(after.rows[0].n).toBe(0);
  });

  it('a slot that one replica gives back can be taken by the other', async () => {
    const a = slots(replica());
    const b = slots(replica());
    const held = await Promise.all([a.tryAcquire('apiKey:5555666677778888', 2), a.tryAcquire('apiKey:5555666677778888', 2)]);
    expect(held.every((r) => r !== undefined)).toBe(true);
    expect(await b.tryAcquire('apiKey:5555666677778888', 2)).toBeUndefined();
    held[0]?.();
    // a keeps it for the linger (100 ms), then gives back what it did not use
    let got: (() => void) | undefined;
    for (let i = 0; i < 20 && !got; i += 1) {
      await sleep(100);
      got = await b.tryAcquire('apiKey:5555666677778888', 2);
    }
    expect(got).toBeDefined();
    expect(b.held('apiKey:5555666677778888')).toBe(1);
    held[1]?.();
    got?.();
  });

  it('a replica that stops renewing (dead) holds its slots until its lease expires, then they are free', async () => {
    const leaseMs = 1500;
    const deadStore = replica({ leaseMs });
    const dead = slots(deadStore);
    const alive = slots(replica({ leaseMs }));
    const taken = await Promise.all([1, 2].map(() => dead.tryAcquire('apiKey:9999000011112222', 2)));
    expect(taken.every((r) => r !== undefined)).toBe(true);
    dead.close(); // no heartbeat any more, slots never given back: as if the process were killed
    const killedAt = Date.now();
    expect(await alive.tryAcquire('apiKey:9999000011112222', 2)).toBeUndefined();
    let got: (() => void) | undefined;
    while (!got && Date.now() - killedAt < leaseMs + 3000) {
      await sleep(100);
      got = await alive.tryAcquire('apiKey:9999000011112222', 2);
    }
    expect(got).toBeDefined();
    expect(Date.now() - killedAt).toBeLessThan(leaseMs + 1500);
    got?.();
  });

  it('the heartbeat keeps a busy replica’s lease alive past its first expiry', async () => {
    const leaseMs = 1200;
    const a = slots(replica({ leaseMs }));
    const b = slots(replica({ leaseMs }));
    const release = await a.tryAcquire('apiKey:abababababababab', 1);
    expect(release).toBeDefined();
    await sleep(leaseMs * 2);
    expect(await b.tryAcquire('apiKey:abababababababab', 1)).toBeUndefined();
    release?.();
  });
});

describe('database unreachable', () => {
  it('falls back to the per-process limits within the statement deadline, then decides without waiting', async () => {
    // a server that accepts connections and never answers: the worst case (a blackholed database)
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const store = replica({ url: `postgres://u:p@127.0.0.1:${port}/x`, timeoutMs: 200, retryMs: 60_000 });
      const rate = new SharedTokenBucket('anon', { capacity: 2, windowMs: 60_000 }, store);
      const inFlight = slots(store);
      const started = Date.now();
      expect((await rate.take('ip:10.9.9.9')).allowed).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(store.available()).toBe(false);
      // now in memory, at once: the per-process bucket (capacity 2) and counter
      const second = rate.take('ip:10.9.9.9');
      expect(second).not.toBeInstanceOf(Promise);
      expect((second as RateDecision).allowed).toBe(true);
      expect((rate.take('ip:10.9.9.9') as RateDecision).allowed).toBe(false);
      const one = inFlight.tryAcquire('ip:10.9.9.9', 1);
      expect(typeof one).toBe('function');
      expect(inFlight.tryAcquire('ip:10.9.9.9', 1)).toBeUndefined();
      (one as () => void)();
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('shares the limits again once the database answers (background probe)', async () => {
    // a proxy to the real server that refuses connections until it is opened
    const target = new URL(sdb.url);
    let open = false;
    const proxy = net.createServer((client) => {
      if (!open) {
        client.destroy();
        return;
      }
      const upstream = net.connect(Number(target.port), target.hostname);
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end);
      upstream.on('error', end);
      client.on('close', end);
      upstream.on('close', end);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const url = new URL(sdb.url);
    url.port = String((proxy.address() as net.AddressInfo).port);
    url.hostname = '127.0.0.1';
    const store = replica({ url: url.toString(), timeoutMs: 500, retryMs: 100 });
    try {
      const rate = new SharedTokenBucket('auth', { capacity: 5, windowMs: 60_000 }, store);
      expect((await rate.take('apiKey:0000111122223333')).allowed).toBe(true);
      expect(store.available()).toBe(false);
      open = true;
      for (let i = 0; i < 50 && !store.available(); i += 1) await sleep(100);
      expect(store.available()).toBe(true);
      const before = store.stats.statements;
      expect((await rate.take('apiKey:0000111122223333')).allowed).toBe(true);
      expect(store.stats.statements).toBeGreaterThan(before);
    } finally {
      await store.close();
      proxy.close();
    }
  });
});
