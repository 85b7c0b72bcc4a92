/** The seed program: loaded once into an empty database, never twice, never over user data. */
import { SEED_PROGRAM } from '@jembatan/domain/seed';
import { loadSeedOnce } from '../src/seed/seed';
import { startTestGateway, type TestGateway } from './harness';
import { createParty, ok } from './support/program';
import { captureLogger } from './support/silent-logger';

describe('on an empty database', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ seed: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the seeded program: the APJATI MoU, two Korean county MoUs in exploration, 1,000 positions', async () => {
    expect(t.gateway.seed).toMatchObject({ status: 'loaded' });
    const data = await ok(t, `{
      mous(first: 10) { totalCount edges { node { title { en } status parent { id } parties { party { shortName name kind } } quotas { occupation route seats } } } }
      parties(first: 50) { totalCount }
    }`);
    const mous = data.mous.edges.map((e: any) => e.node);
    expect(data.mous.totalCount).toBe(SEED_PROGRAM.mous.length);
    expect(data.parties.totalCount).toBe(SEED_PROGRAM.parties.length);
    const counties = mous.filter((m: any) => m.parties.some((p: any) => p.party.kind === 'FOREIGN_LOCAL_GOVERNMENT'));
    expect(counties).toHaveLength(2);
    for (const m of counties) {
      expect(m.status).toBe('EXPLORATION');
      expect(m.parent).not.toBeNull();
    }
    const seats = mous.flatMap((m: any) => m.quotas).reduce((n: number, q: any) => n + q.seats, 0);
    expect(seats).toBeGreaterThanOrEqual(1000);
    const occupations = new Set(mous.flatMap((m: any) => m.quotas.map((q: any) => q.occupation)));
    expect([...occupations].sort()).toEqual(['SHIP_ELECTRICIAN', 'SHIP_PAINTER', 'WELDER']);
  });

  it('does not run twice', async () => {
    const again = await loadSeedOnce(t.gateway.orm, captureLogger().log);
    expect(again).toEqual({ status: 'already-loaded' });
    const db = await t.db();
    expect(Number((await db.query('select count(*) from seed_run')).rows[0].count)).toBe(1);
    expect(Number((await db.query('select count(*) from party')).rows[0].count)).toBe(SEED_PROGRAM.parties.length);
  });
});

describe('on a database that already holds program data', () => {
  it('does not seed over user data', async () => {
    const t = await startTestGateway({ seed: false });
    try {
      await createParty(t, { kind: 'EMPLOYER', name: 'User data', country: 'KR' });
      const outcome = await loadSeedOnce(t.gateway.orm, captureLogger().log);
      expect(outcome).toEqual({ status: 'skipped-user-data' });
      const db = await t.db();
      expect(Number((await db.query('select count(*) from party')).rows[0].count)).toBe(1);
      expect(Number((await db.query('select count(*) from seed_run')).rows[0].count)).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('the README’s example queries', () => {
  it('run without errors against the seeded program', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Gateway'));
    const block = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const operations = block!
      .split(/^# .*$/m)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    expect(operations).toHaveLength(3);
    const t = await startTestGateway({ seed: true });
    try {
      for (const op of operations) {
        const res = await t.gql(op);
        expect(res.body.errors).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });
});
