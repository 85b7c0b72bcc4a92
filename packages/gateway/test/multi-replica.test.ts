/**
 * Two gateway processes (src/main.ts in child processes, as a process manager runs replicas) on ONE
 * database. An in-process gateway (the harness) migrates the database and builds the program data; the
 * two replicas start on it with low limits and the shared limit store (JEMBATAN_LIMIT_STORE default):
 *
 * 0. migrations are safe when replicas start at once (advisory lock in db/orm.ts `migrate`);
 * 1. the seat race stays exact across the processes: concurrent allocateSeat split between both for an
 *    opening with K seats → exactly K succeed, the rest QUOTA_EXHAUSTED, K stored;
 * 2. the rate limit holds across both: one key hammering both replicas is admitted at most L (+ the
 *    refill over the run), not 2 L;
 * 3. the in-flight limit holds across both: with `party` locked by the test (each request then really
 *    waits in PostgreSQL, as a slow one would), exactly M requests of one key run, the rest are refused;
 * 4. a killed replica's slots come free when its leases expire (JEMBATAN_LIMIT_LEASE_MS), not before.
 */
import type { Client } from 'pg';
import { createOrm, migrate } from '../src/db/orm';
import { MIGRATIONS } from '../src/migrations';
import { createDatabase, databaseUrlFor, dropDatabase, startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { captureLogger } from './support/silent-logger';
import { spawnGateway, type SpawnedGateway } from './support/spawn-gateway';

/** Signed-in requests per key and minute, on each replica. */
const L = 40;
/** In-flight requests per key, on each replica. */
const M = 3;
const LEASE_MS = 3000;
const SEATS = 5;
const CANDIDATES = 24;

interface Answer {
  readonly status: number;
  readonly body: { data?: Record<string, any> | null; errors?: Array<{ extensions?: Record<string, any> }> };
}

async function post(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const inFlightRefusal = (a: Answer) => a.status === 429 && a.body.errors?.[0]?.extensions?.details?.reason === 'TOO_MANY_IN_FLIGHT';

let t: TestGateway;
let replicas: SpawnedGateway[] = [];
let db: Client;
let openingId: string;
const candidateIds: string[] = [];

beforeAll(async () => {
  t = await startTestGateway();
  db = await t.db();
  const program = await signedMou(t);
  openingId = await openOpening(t, program, SEATS);
  // documents and tests dated from today: the replicas run on the machine's clock
  const recent = {
    topikResults: [{ test: 'TOPIK_I', takenOn: daysAgo(60), score: 150 }],
    skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G', testedOn: daysAgo(60), passed: true }],
    documents: [
      { kind: 'KTP', verified: true },
      { kind: 'AK1_CARD', issuedOn: daysAgo(30), verified: true },
    ],
  };
  for (let i = 0; i < CANDIDATES; i += 1) candidateIds.push(await registerCandidate(t, eligibleWelderProfile(300 + i, recent)));
  const env = {
    DATABASE_URL: t.databaseUrl,
    JEMBATAN_SEED: 'false',
    LOG_LEVEL: 'warn',
    JEMBATAN_RATE_LIMIT_PER_MINUTE: String(L),
    JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '100000',
    JEMBATAN_MAX_IN_FLIGHT_PER_KEY: String(M),
    JEMBATAN_MAX_IN_FLIGHT_ANON: '1000',
    JEMBATAN_LIMIT_LEASE_MS: String(LEASE_MS),
  };
  replicas = await Promise.all([spawnGateway(env), spawnGateway(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await t?.close();
});

it('0. replicas starting at once on a new database migrate it once, without failing', async () => {
  const name = await createDatabase('jembatan_mig');
  const { log } = captureLogger('warn');
  const orms = await Promise.all([1, 2, 3].map(() => createOrm({ clientUrl: databaseUrlFor(name), log, poolMax: 2 })));
  try {
    const applied = await Promise.all(orms.map((orm) => migrate(orm)));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    const rows = await orms[0]!.em.fork().execute<Array<{ name: string }>>('select name from mikro_orm_migrations order by id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  } finally {
    await Promise.all(orms.map((orm) => orm.close(true)));
    await dropDatabase(name);
  }
});

it(`1. ${CANDIDATES} concurrent allocateSeat split between the two processes, ${SEATS} seats: exactly ${SEATS} succeed`, async () => {
  // 12 officer keys, each sending one call to each replica (within the in-flight and rate limits)
  const keys = await Promise.all(Array.from({ length: CANDIDATES / 2 }, (_, i) => t.createKey({ roles: ['OFFICER'], name: `seat ${i}`, city: 'Kota Serang' })));
  const allocate = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { id stage } placement { status } } }';
  const results = await Promise.all(
    candidateIds.map((c, i) => post(replicas[i % 2]!.url, keys[Math.floor(i / 2)]!.token, allocate, { c, o: openingId })),
  );
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  const won = results.filter((r) => r.body.data?.allocateSeat && !r.body.errors);
  const codes = results.filter((r) => r.body.errors).map((r) => r.body.errors![0]!.extensions!.code);
  expect(won).toHaveLength(SEATS);
  expect(codes).toEqual(Array(CANDIDATES - SEATS).fill('QUOTA_EXHAUSTED'));
  const stored = await db.query('select count(*)::int as n from seat_allocation where opening_id = $1', [openingId]);
  expect(stored.rows[0].n).toBe(SEATS);
  const opening = await ok(t, 'query($id: ID!) { jobOpening(id: $id) { allocated seatsLeft quota { allocated } } }', { id: openingId });
  expect(opening.jobOpening).toEqual({ allocated: SEATS, seatsLeft: 0, quota: { allocated: SEATS } });
});

it(`2. one key hammering both replicas is admitted at most ${L} + the refill, not ${2 * L}`, async () => {
  const { token } = await t.createKey({ roles: ['ANALYST'], name: 'hammer' });
  const started = Date.now();
  // one caller per replica, one request at a time (within the in-flight limit), 50 each: 100 > 2 L
  const hammer = async (url: string): Promise<Answer[]> => {
    const out: Answer[] = [];
    for (let i = 0; i < 50; i += 1) out.push(await post(url, token, '{ routes { code } }'));
    return out;
  };
  const [fromA, fromB] = await Promise.all(replicas.map((r) => hammer(r.url)));
  const elapsed = Date.now() - started;
  const all = [...fromA!, ...fromB!];
  const admitted = all.filter((r) => r.status === 200).length;
  const refill = Math.floor((L * elapsed) / 60_000);
  console.info(`rate limit ${L}/min across two replicas: admitted ${admitted} of ${all.length} (A ${fromA!.filter((r) => r.status === 200).length}, B ${fromB!.filter((r) => r.status === 200).length}) in ${elapsed} ms, refill allowance ${refill}`);
  expect(admitted).toBeLessThanOrEqual(L + refill);
  // what the two replicas may hold leased and unspent at the end: a chunk (1) and one in advance each
  expect(admitted).toBeGreaterThanOrEqual(L - 4);
  const refused = all.filter((r) => r.status !== 200);
  expect(refused.every((r) => r.status === 429 && r.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED' && !r.body.errors[0].extensions.details?.reason)).toBe(true);
  // and it was the shared store that decided, not the per-process fallback
  for (const r of replicas) expect(r.logs().filter((l) => String(l.msg).includes('limit store unavailable'))).toEqual([]);
});

/** Hold an exclusive lock on `party`: `{ parties { totalCount } }` then waits in PostgreSQL until `release`. */
async function lockParty(): Promise<{ release(): Promise<void> }> {
  const blocker = await t.db();
  await blocker.query('begin');
  await blocker.query('lock table party in access exclusive mode');
  return { release: async () => void (await blocker.query('rollback')) };
}

async function liveSlots(keyId: string): Promise<Array<{ replica_id: string; slots: number }>> {
  const rows = await db.query('select replica_id, slots from in_flight_lease where key = $1 and expires_at > clock_timestamp()', [`apiKey:${keyId}`]);
  return rows.rows as Array<{ replica_id: string; slots: number }>;
}

it(`3. with ${2 * (M + 1)} slow requests of one key split between the replicas, exactly ${M} run`, async () => {
  const { token, keyId } = await t.createKey({ roles: ['OFFICER'], name: 'slow', city: 'Kota Serang' });
  const lock = await lockParty();
  try {
    const settled: Answer[] = [];
    const calls = Array.from({ length: 2 * (M + 1) }, (_, i) =>
      post(replicas[i % 2]!.url, token, '{ parties { totalCount } }').then((a) => {
        settled.push(a);
        return a;
      }),
    );
    const deadline = Date.now() + 10_000;
    while (settled.length < M + 2 && Date.now() < deadline) await sleep(50);
    await sleep(500); // and nothing more comes back while the lock is held
    expect(settled).toHaveLength(M + 2);
    expect(settled.every(inFlightRefusal)).toBe(true);
    expect(settled[0]!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', details: { maxInFlight: M } });
    const live = await liveSlots(keyId);
    expect(live.reduce((n, r) => n + r.slots, 0)).toBe(M);
    await lock.release();
    const done = await Promise.all(calls);
    expect(done.filter((a) => a.status === 200 && a.body.data?.parties)).toHaveLength(M);
  } finally {
    await lock.release().catch(() => undefined);
  }
});

it('4. a killed replica holds its slots until its leases expire; then the other replica admits the key again', async () => {
  const { token, keyId } = await t.createKey({ roles: ['OFFICER'], name: 'orphaned', city: 'Kota Serang' });
  const [doomed, survivor] = replicas as [SpawnedGateway, SpawnedGateway];
  const lock = await lockParty();
  try {
    const slow = Array.from({ length: M }, () => post(doomed.url, token, '{ parties { totalCount } }').catch(() => undefined));
    const deadline = Date.now() + 10_000;
    while ((await liveSlots(keyId)).reduce((n, r) => n + r.slots, 0) < M && Date.now() < deadline) await sleep(50);
    const held = await liveSlots(keyId);
    expect(held.reduce((n, r) => n + r.slots, 0)).toBe(M);
    const doomedId = held[0]!.replica_id;
    expect(held.every((r) => r.replica_id === doomedId)).toBe(true);
    await doomed.stop('SIGKILL');
    const killedAt = Date.now();
    void Promise.all(slow);
    // the dead replica's slots still count: the survivor refuses the key (a query that does not wait)
    const first = await post(survivor.url, token, '{ routes { code } }');
    expect(inFlightRefusal(first)).toBe(true);
    let admittedAt: number | undefined;
    while (admittedAt === undefined && Date.now() - killedAt < LEASE_MS + 5_000) {
      await sleep(200);
      const again = await post(survivor.url, token, '{ routes { code } }');
      if (again.status === 200) admittedAt = Date.now();
      else expect(inFlightRefusal(again)).toBe(true);
    }
    expect(admittedAt).toBeDefined();
    const waited = admittedAt! - killedAt;
    console.info(`killed replica's slots free again after ${waited} ms (lease ${LEASE_MS} ms, renewed every ${LEASE_MS / 3} ms)`);
    // renewed at most LEASE_MS / 3 before the kill: it expires between 2/3 and 1 lease after it
    expect(waited).toBeGreaterThanOrEqual((LEASE_MS * 2) / 3 - 300);
    expect(waited).toBeLessThan(LEASE_MS + 1500);
    // the dead replica's lease is still there, expired (nobody gave it back); only the survivor's is live
    const doomedRows = await db.query('select slots, (expires_at <= clock_timestamp()) as expired from in_flight_lease where key = $1 and replica_id = $2', [`apiKey:${keyId}`, doomedId]);
    expect(doomedRows.rows).toEqual([{ slots: M, expired: true }]);
    expect((await liveSlots(keyId)).every((r) => r.replica_id !== doomedId)).toBe(true);
  } finally {
    await lock.release();
  }
});
