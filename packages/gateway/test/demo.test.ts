/**
 * The demo program (JEMBATAN_SEED=demo / npm run demo) against real PostgreSQL: the same rows on every
 * run, never written into a database that holds program data, every candidate marked synthetic with
 * a NIK of the safe scheme that the gateway's own NIK checks accept, and served by the API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { checkNikAgainstDeclared, checkNikStructure, evaluateEligibility, parseNik, type CandidateProfile } from '@jembatan/domain';
import { Cohort } from '@jembatan/domain/training';
import { cohortSnapshotOf, loadCohortRows } from '../src/persistence/training.mapper';
import { runDemoCli } from '../src/cli/demo';
import { fixedClock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { createOrm, migrate, type Orm } from '../src/db/orm';
import { DEMO_NIK_PREFIX, isDemoNik } from '../src/seed/demo/nik';
import { DEMO_AS_OF } from '../src/seed/demo/program';
import { DEMO_SEED_NAME, loadDemoOnce } from '../src/seed/demo/load-demo';
import { SEED_NAME } from '../src/seed/seed';
import { loadConfig } from '../src/config/config';
import { startGateway } from '../src/server';
import { createDatabase, databaseUrlFor, dropDatabase, testSecurityConfig } from './harness';
import { captureLogger } from './support/silent-logger';

const N = 200;
const clock = fixedClock('2026-12-01');
const log = createLogger('silent');

/** Program tables and the order that makes their content comparable (serial ids left out). */
const TABLES: ReadonlyArray<readonly [string, string]> = [
  ['party', 'id'],
  ['mou', 'id'],
  ['mou_party', 'mou_id, party_id'],
  ['mou_obligation', 'mou_id, number'],
  ['mou_status_change', 'mou_id, sequence'],
  ['quota', 'id'],
  ['job_opening', 'id'],
  ['job_opening_status_change', 'opening_id, sequence'],
  ['seat_allocation', 'quota_id, candidate_id'],
  ['candidate', 'id'],
  ['candidate_stage_change', 'candidate_id, sequence'],
  ['placement', 'id'],
  ['placement_status_change', 'placement_id, sequence'],
  ['placement_cost_share', 'placement_id, line_id, payer'],
  ['financing_plan', 'id'],
  ['financing_plan_facility', 'plan_id, position'],
  ['training_course', 'id'],
  ['training_cohort', 'id'],
  ['training_cohort_status_change', 'cohort_id, sequence'],
  ['training_session', 'cohort_id, number'],
  ['training_attendance_mark', 'cohort_id, session_number, candidate_id'],
  ['training_enrolment', 'cohort_id, sequence'],
  ['training_final_assessment', 'cohort_id, candidate_id'],
];

async function checksums(db: Client): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [table, order] of TABLES) {
    const r = await db.query(
      `select count(*)::int as rows, coalesce(md5(string_agg((to_jsonb(t) - 'id')::text, '|' order by ${order})), '') as md5 from "${table}" t`,
    );
    out[table] = r.rows[0];
  }
  return out;
}

interface Fresh {
  readonly name: string;
  readonly orm: Orm;
  readonly db: Client;
  close(): Promise<void>;
}

/** A database with every migration applied (a copy of the run's migrated template; `migrate` then finds nothing pending). */
async function freshDatabase(): Promise<Fresh> {
  const name = await createDatabase('jembatan_demo', { migrated: true });
  const orm = await createOrm({ clientUrl: databaseUrlFor(name), log, poolMax: 2 });
  await migrate(orm);
  const db = new Client({ connectionString: databaseUrlFor(name) });
  await db.connect();
  return {
    name,
    orm,
    db,
    close: async () => {
      await db.end().catch(() => undefined);
      await orm.close(true);
      await dropDatabase(name);
    },
  };
}

describe('the demo program', () => {
  let a: Fresh;
  let b: Fresh;
  beforeAll(async () => {
    [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
    const [ra, rb] = [await loadDemoOnce(a.orm, { candidates: N, log, clock, batchSize: 64 }), await loadDemoOnce(b.orm, { candidates: N, log, clock })];
    expect(ra.status).toBe('loaded');
    expect(rb.status).toBe('loaded');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('is deterministic: two fresh databases get identical rows (whatever the batch size)', async () => {
    const [ca, cb] = [await checksums(a.db), await checksums(b.db)];
    expect(ca).toEqual(cb);
    expect(ca.candidate!.rows).toBe(N);
    expect(ca.placement!.rows).toBeGreaterThan(0);
    expect(ca.financing_plan!.rows).toBeGreaterThan(0);
    expect(ca.seat_allocation!.rows).toBeGreaterThan(0);
    expect(ca.training_cohort!.rows).toBeGreaterThan(0);
    expect(ca.training_attendance_mark!.rows).toBeGreaterThan(0);
  });

  it('puts every candidate who entered TRAINING in one cohort of the demo LPK, consistent with their stages and the cohorts’ dates', async () => {
    const { rows } = await a.db.query(`
      select c.id, c.stage, h.at as trained_at, nx.to_stage as next_stage, nx.at as next_at,
             e.status as enrolment, e.requested_at, e.ended_at, e.reason, k.status as cohort_status, k.start_date::text as start_date, k.end_date::text as end_date
        from candidate c
        join candidate_stage_change h on h.candidate_id = c.id and h.to_stage = 'TRAINING'
        left join candidate_stage_change nx on nx.candidate_id = c.id and nx.sequence = h.sequence + 1
        left join training_enrolment e on e.candidate_id = c.id
        left join training_cohort k on k.id = e.cohort_id`);
    expect(rows.length).toBeGreaterThan(10);
    const enrolments = await a.db.query(`select candidate_id, count(*)::int as n from training_enrolment group by 1 having count(*) > 1`);
    expect(enrolments.rows).toEqual([]);
    const endOf = (d: string) => Date.parse(`${d}T17:00:00+07:00`);
    for (const r of rows) {
      expect(r.enrolment).not.toBeNull();
      // enrolled at the instant they entered TRAINING, before the cohort started
      expect(new Date(r.requested_at).getTime()).toBe(new Date(r.trained_at).getTime());
      expect(new Date(r.requested_at).getTime()).toBeLessThan(Date.parse(`${r.start_date}T07:00:00+07:00`));
      // the cohort's status by its dates on the demo's day
      const status = DEMO_AS_OF < r.start_date ? 'ENROLLING' : DEMO_AS_OF <= r.end_date ? 'RUNNING' : 'COMPLETED';
      expect(r.cohort_status).toBe(status);
      if (r.next_stage === 'TESTING') expect(r.enrolment).toBe('COMPLETED'); // the TRAINING → TESTING gate
      if (r.next_stage === 'WITHDRAWN' && new Date(r.next_at).getTime() < endOf(r.end_date)) {
        expect(['WITHDRAWN', 'DROPPED']).toContain(r.enrolment);
        expect(r.reason).not.toBeNull();
      }
      if (r.next_stage === null && status !== 'COMPLETED') expect(r.enrolment).toBe('ENROLLED');
      // a completed cohort has settled everyone who stayed: no one is left ENROLLED or WAITLISTED
      if (status === 'COMPLETED' && !['WITHDRAWN', 'DROPPED'].includes(r.enrolment)) expect(['COMPLETED', 'FAILED']).toContain(r.enrolment);
      // ... and settled before the test
      if (r.next_stage === 'TESTING') expect(new Date(r.next_at).getTime()).toBeGreaterThan(new Date(r.ended_at).getTime());
    }
    // no attendance mark after a member left
    const late = await a.db.query(`
      select count(*)::int as n from training_attendance_mark m
        join training_enrolment e on e.cohort_id = m.cohort_id and e.candidate_id = m.candidate_id
        join training_session s on s.cohort_id = m.cohort_id and s.number = m.session_number
       where e.status in ('WITHDRAWN', 'DROPPED') and s.attendance_recorded_at > e.ended_at`);
    expect(late.rows[0].n).toBe(0);
    const statuses = new Set(rows.map((r) => r.cohort_status));
    expect(statuses.has('COMPLETED')).toBe(true);
    // every stored cohort restores through the domain's checks (loadCohortRows → Cohort.fromSnapshot)
    const em = a.orm.em.fork();
    const ids = (await a.db.query(`select id from training_cohort`)).rows.map((r) => r.id as string);
    for (const id of ids) {
      const loaded = await loadCohortRows(em as never, id);
      expect(() => Cohort.fromSnapshot(cohortSnapshotOf(loaded!))).not.toThrow();
    }
    const marked = await a.db.query(`select count(*)::int as n from training_cohort where note not like '[CONTOH]%'`);
    expect(marked.rows[0].n).toBe(0);
  });

  it('writes exactly the rows the ORM’s unit of work would write (the batched inserts change nothing)', async () => {
    const c = await freshDatabase();
    try {
      expect((await loadDemoOnce(c.orm, { candidates: N, log, clock, viaUnitOfWork: true })).status).toBe('loaded');
      expect(await checksums(c.db)).toEqual(await checksums(a.db));
    } finally {
      await c.close();
    }
  });

  it('marks every candidate synthetic, with a NIK of the safe scheme the gateway’s NIK checks accept', async () => {
    const rows = (await a.db.query(`select c.nik, c.profile, c.external_refs, h.note, h.actor from candidate c join candidate_stage_change h on h.candidate_id = c.id and h.sequence = 1`)).rows;
    expect(rows).toHaveLength(N);
    const niks = new Set<string>();
    for (const r of rows) {
      expect(isDemoNik(r.nik)).toBe(true);
      expect(r.nik.startsWith(DEMO_NIK_PREFIX)).toBe(true);
      niks.add(r.nik);
      expect(checkNikStructure(r.nik).ok).toBe(true);
      expect(parseNik(r.nik, DEMO_AS_OF).ok).toBe(true);
      const profile = r.profile as CandidateProfile;
      expect(checkNikAgainstDeclared(r.nik, { birthDate: profile.declaredBirthDate!, sex: profile.declaredSex! }).ok).toBe(true);
      expect(r.note).toContain('CONTOH');
      expect(r.note).toContain('SYNTHETIC');
      expect(r.actor).toBe('demo:jembatan-demo');
      expect(r.external_refs).toEqual([{ system: 'OTHER', reference: expect.stringMatching(/^CONTOH-DEMO-\d{6}$/) }]);
    }
    expect(niks.size).toBe(N);
    // the NIK rule of eligibility passes on the demo NIKs too
    const e = evaluateEligibility({ profile: rows[0].profile, route: 'E7_3', asOf: DEMO_AS_OF, opening: { occupation: 'WELDER' } });
    expect(e.results.find((x) => x.ruleId === 'identity.nik')?.outcome).toBe('pass');
    // parties added by the demo are examples
    const parties = (await a.db.query(`select name, is_example from party where name like '[CONTOH]%'`)).rows;
    expect(parties.length).toBeGreaterThan(5);
    expect(parties.every((p) => p.is_example === true)).toBe(true);
  });

  it('spreads candidates over every kecamatan and many stages, and keeps the seat counters in step', async () => {
    const kec = (await a.db.query(`select distinct kecamatan from candidate where kecamatan is not null`)).rows.map((r) => r.kecamatan).sort();
    expect(kec).toEqual(['CIPOCOK_JAYA', 'CURUG', 'KASEMEN', 'SERANG', 'TAKTAKAN', 'WALANTAKA']);
    const stages = (await a.db.query(`select distinct stage from candidate`)).rows.map((r) => r.stage);
    expect(stages.length).toBeGreaterThanOrEqual(8);
    const open = (await a.db.query(`select count(*)::int as n from job_opening where status = 'OPEN' and attache_verified_on is not null`)).rows[0].n;
    expect(open).toBeGreaterThanOrEqual(10);
    const counters = (
      await a.db.query(`select q.id, q.allocated, (select count(*)::int from seat_allocation s where s.quota_id = q.id) as rows from quota q`)
    ).rows;
    for (const q of counters) expect(q.allocated).toBe(q.rows);
    const signed = (await a.db.query(`select count(*)::int as n from mou where status = 'ACTIVE'`)).rows[0].n;
    expect(signed).toBe(3);
    const markers = (await a.db.query(`select name from seed_run order by name`)).rows.map((r) => r.name);
    expect(markers).toEqual([DEMO_SEED_NAME, SEED_NAME].sort());
  });

  it('gives every withdrawal and rejection an exit reason code that matches its note', async () => {
    const exits = (await a.db.query(`select to_stage, reason, note from candidate_stage_change where to_stage in ('WITHDRAWN', 'REJECTED')`)).rows;
    expect(exits.length).toBeGreaterThan(0);
    const byNote: Array<[RegExp, string, string]> = [
      [/family reasons/, 'WITHDRAWN', 'FAMILY'],
      [/found a job/, 'WITHDRAWN', 'OTHER_JOB'],
      [/chose another programme/, 'WITHDRAWN', 'OTHER'],
      [/documents not completed/, 'REJECTED', 'DOCUMENTS_INCOMPLETE'],
      [/KOSHIPA skill test/, 'REJECTED', 'TEST_FAILED'],
      [/medical examination/, 'REJECTED', 'MEDICAL_UNFIT'],
    ];
    for (const e of exits) {
      const match = byNote.find(([re]) => re.test(e.note ?? ''));
      expect([e.to_stage, e.reason]).toEqual([match?.[1], match?.[2]]);
    }
    expect(new Set(exits.map((e) => e.reason)).size).toBeGreaterThanOrEqual(3);
    expect((await a.db.query(`select count(*)::int as n from candidate_stage_change where reason is not null and to_stage not in ('WITHDRAWN', 'REJECTED')`)).rows[0].n).toBe(0);
  });

  it('loads once: a second load is a no-op', async () => {
    const before = await checksums(a.db);
    const again = await loadDemoOnce(a.orm, { candidates: N, log, clock });
    expect(again.status).toBe('already-loaded');
    expect(await checksums(a.db)).toEqual(before);
  });
});

describe('a database that holds program data', () => {
  it('is refused with a clear message and exit code 1, and nothing is written', async () => {
    const f = await freshDatabase();
    try {
      await f.db.query(
        `insert into party (id, kind, name, country, external_refs, is_example, created_at, updated_at) values ('11111111-1111-4111-8111-111111111111', 'EMPLOYER', 'User data', 'KR', '[]', false, now(), now())`,
      );
      const before = await checksums(f.db);
      const out: string[] = [];
      const err: string[] = [];
      const code = await runDemoCli([], {
        env: { DATABASE_URL: databaseUrlFor(f.name), JEMBATAN_DEMO_CANDIDATES: '50' },
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        clock,
      });
      expect(code).toBe(1);
      expect(out.join('')).toMatch(/Refused: the database already holds program data \(1 parties/);
      expect(out.join('')).toContain('Nothing was written');
      expect(await checksums(f.db)).toEqual(before);
      expect((await f.db.query(`select count(*)::int as n from seed_run`)).rows[0].n).toBe(0);
      expect((await f.db.query(`select count(*)::int as n from audit_log where action = 'loadDemo'`)).rows[0].n).toBe(0);
    } finally {
      await f.close();
    }
  });

  it('a load that fails half-way leaves nothing behind (one transaction)', async () => {
    const f = await freshDatabase();
    try {
      const before = await checksums(f.db);
      let batches = 0;
      const failing = loadDemoOnce(f.orm, {
        candidates: 150,
        log,
        clock,
        batchSize: 50,
        onProgress: () => {
          if (++batches === 2) throw new Error('disk full (simulated)');
        },
      });
      await expect(failing).rejects.toThrow('disk full (simulated)');
      expect(batches).toBe(2);
      expect(await checksums(f.db)).toEqual(before);
      expect((await f.db.query(`select count(*)::int as n from seed_run`)).rows[0].n).toBe(0);
      // and the database is still empty, so the demo loads afterwards
      expect((await loadDemoOnce(f.orm, { candidates: 20, log, clock })).status).toBe('loaded');
    } finally {
      await f.close();
    }
  });

  it('bad sizes are a configuration error (exit 2)', async () => {
    const err: string[] = [];
    const code = await runDemoCli([], { env: { JEMBATAN_DEMO_CANDIDATES: '0' }, stdout: () => undefined, stderr: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain('JEMBATAN_DEMO_CANDIDATES must be a whole number from 1 to 200000');
  });
});

describe('npm run demo and the gateway', () => {
  it('the CLI migrates and loads a fresh database; the gateway then serves openings and candidates', async () => {
    const name = await createDatabase('jembatan_demo');
    try {
      const out: string[] = [];
      const code = await runDemoCli([], { env: { DATABASE_URL: databaseUrlFor(name), JEMBATAN_DEMO_CANDIDATES: '120' }, stdout: (t) => out.push(t), stderr: () => undefined, clock });
      expect(code).toBe(0);
      expect(out.join('')).toMatch(/Demo loaded in .* 120 candidates/);
      const again = await runDemoCli([], { env: { DATABASE_URL: databaseUrlFor(name) }, stdout: (t) => out.push(t), stderr: () => undefined, clock });
      expect(again).toBe(0);
      expect(out.join('')).toContain('already loaded');
    } finally {
      await dropDatabase(name);
    }
  });

  it('JEMBATAN_SEED=demo at start loads the demo; the public board shows OPEN openings, officers see marked candidates', async () => {
    const name = await createDatabase('jembatan_demo');
    const config = { ...loadConfig({ JEMBATAN_SEED: 'demo', JEMBATAN_DEMO_CANDIDATES: '300', PORT: '0', HOST: '127.0.0.1' }), databaseUrl: databaseUrlFor(name) };
    expect(config.seedDemo).toBe(true);
    const gateway = await startGateway(config, { log: captureLogger('warn').log, security: testSecurityConfig(), clock });
    try {
      expect(gateway.seed?.status).toBe('loaded');
      const post = async (query: string, token?: string) => {
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
        return (await res.json()) as { data?: any; errors?: unknown };
      };
      const board = await post(`{ jobOpenings(first: 50) { totalCount edges { node { status occupation route } } } }`);
      expect(board.errors).toBeUndefined();
      expect(board.data.jobOpenings.totalCount).toBeGreaterThanOrEqual(10);
      expect(board.data.jobOpenings.edges.every((e: any) => e.node.status === 'OPEN')).toBe(true);
      const { token } = await gateway.createApiKey({ roles: ['OFFICER'], name: 'demo test officer', city: 'Kota Serang' });
      const list = await post(`{ candidates(first: 5) { totalCount edges { node { nikMasked externalRefs { system reference } history { note } } } } }`, token);
      expect(list.errors).toBeUndefined();
      expect(list.data.candidates.totalCount).toBe(300);
      for (const e of list.data.candidates.edges) {
        expect(e.node.nikMasked).toMatch(/^3699\*+\d\d$/);
        expect(e.node.history[0].note).toContain('SYNTHETIC');
        expect(e.node.externalRefs[0].reference).toMatch(/^CONTOH-DEMO-/);
      }
      // every analyst query of examples/analyst-queries answers with rows (issue 11)
      const analyst = (await gateway.createApiKey({ roles: ['ANALYST'], name: 'demo test analyst' })).token;
      const dir = path.resolve(__dirname, '..', '..', '..', 'examples', 'analyst-queries');
      const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const f of files) {
        const query = readFileSync(path.join(dir, f), 'utf8');
        const variables = JSON.parse(readFileSync(path.join(dir, f.replace(/\.graphql$/, '.variables.json')), 'utf8'));
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: unknown; errors?: unknown };
        expect([f, body.errors]).toEqual([f, undefined]);
        // rows: a non-empty list somewhere in the answer (`rows`, `byKecamatan`, or `regions` itself)
        const hasList = (v: unknown): boolean =>
          Array.isArray(v) ? v.length > 0 : typeof v === 'object' && v !== null && Object.values(v).some(hasList);
        expect([f, hasList(body.data)]).toEqual([f, true]);
      }
    } finally {
      await gateway.stop();
      await dropDatabase(name);
    }
  });
});
