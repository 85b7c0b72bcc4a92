/**
 * The gateway reads "now" from the injected clock (src/clock.ts), never from the machine: started on a
 * fixed 2025-06-01, every default date and recorded instant is that day's, not the calendar's.
 */
import { fixedClock, systemClock } from '../src/clock';
import { startTestGateway, type TestGateway } from './harness';
import { nikFor } from './support/program';

const DAY = '2025-06-01';
const INSTANT = '2025-06-01T05:00:00.000Z'; // fixedClock('2025-06-01'): noon WIB

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(DAY), seed: true });
});
afterAll(async () => {
  await t?.close();
});

describe('fixedClock', () => {
  it('answers one instant; a bare date is noon WIB of that day', () => {
    expect(fixedClock(DAY).now().toISOString()).toBe(INSTANT);
    expect(fixedClock('2026-01-15T23:30:00Z').now().toISOString()).toBe('2026-01-15T23:30:00.000Z');
    const d = fixedClock(DAY).now();
    d.setUTCFullYear(2000); // callers may keep or change the Date they get
    expect(fixedClock(DAY).now().toISOString()).toBe(INSTANT);
    expect(() => fixedClock('not a date')).toThrow(TypeError);
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});

describe('a gateway on a fixed clock', () => {
  it('stamps the seed with the clock’s instant', async () => {
    expect(t.gateway.seed?.status).toBe('loaded');
    const db = await t.db();
    try {
      const marker = await db.query(`select applied_at from seed_run`);
      expect(marker.rows.map((r: { applied_at: Date }) => r.applied_at.toISOString())).toEqual([INSTANT]);
      const parties = await db.query(`select distinct created_at from party`);
      expect(parties.rows.map((r: { created_at: Date }) => r.created_at.toISOString())).toEqual([INSTANT]);
    } finally {
      await db.end();
    }
  });

  it('records a registration at the clock’s instant and answers defaults (no asOf) as of its day', async () => {
    const reg = await t.as('officer').gql<{ registerCandidate: { id: string; createdAt: string; history: Array<{ at: string }> } }>(
      `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id createdAt history { at } } }`,
      { input: { profile: { nik: nikFor(9101), declaredBirthDate: '1999-01-15', declaredSex: 'M' }, targetRoute: 'E9', targetOccupation: 'MANUFACTURING_WORKER' } },
    );
    expect(reg.body.errors).toBeUndefined();
    const c = reg.body.data!.registerCandidate;
    expect(c.createdAt).toBe(INSTANT);
    expect(c.history.map((h) => h.at)).toEqual([INSTANT]);

    const read = await t.as('officer').gql<{ candidate: { eligibility: { asOf: string }; costEstimate: { asOf: string } }; candidateCounts: { asOf: string } }>(
      `query($id: ID!) { candidate(id: $id) { eligibility { asOf } costEstimate(contractMonths: 24) { asOf } } candidateCounts { asOf } }`,
      { id: c.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({ candidate: { eligibility: { asOf: DAY }, costEstimate: { asOf: DAY } }, candidateCounts: { asOf: DAY } });

    // the audit row of the registration carries the clock's instant too
    const db = await t.db();
    try {
      const rows = await db.query(`select "at" from audit_log where action = 'registerCandidate' and entity_id = $1`, [c.id]);
      expect(rows.rows.map((r: { at: Date }) => r.at.toISOString())).toEqual([INSTANT]);
    } finally {
      await db.end();
    }
  });
});
