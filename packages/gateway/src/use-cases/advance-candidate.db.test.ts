/**
 * advanceCandidate on a real database, called as a use case (no GraphQL): withdrawing or rejecting a
 * candidate who holds a seat gives the seat back (the domain's `advanceReleasesSeat`), in one
 * transaction with its audit row; without a seat it is a plain stage change; a refusal writes nothing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { fixedClock } from '../clock';
import type { Principal } from '../security/role';
import { startTestGateway, type TestGateway } from '../../test/harness';
import { captureLogger } from '../../test/support/silent-logger';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from '../../test/support/program';
import { advanceCandidate } from './advance-candidate.use-case';
import type { UseCaseDeps } from './use-case';
import { UseCaseError } from './use-case-error';

const TODAY = '2026-01-15';
const OFFICER: Principal = { kind: 'jwt', roles: ['PUBLIC', 'OFFICER'], subject: 'jwt:use-case-test' };

let t: TestGateway;
let db: Client;
let openingId: string;

beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  openingId = await openOpening(t, await signedMou(t), 5);
  db = await t.db();
});
afterAll(async () => {
  await t?.close();
});

function deps(): UseCaseDeps {
  return {
    em: t.gateway.orm.em.fork() as EntityManager,
    clock: fixedClock(TODAY),
    actor: OFFICER.subject,
    principal: OFFICER,
    requestId: 'use-case-test',
    log: captureLogger('warn').log,
  };
}

async function selected(n: number): Promise<string> {
  const id = await registerCandidate(t, eligibleWelderProfile(n));
  await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: id, o: openingId });
  return id;
}

async function state(candidateId: string) {
  const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
  const [opening] = await q('select allocated from job_opening where id = $1', [openingId]);
  const [quota] = await q('select q.allocated from quota q join job_opening o on o.mou_id = q.mou_id and o.occupation = q.occupation and o.route = q.route where o.id = $1', [openingId]);
  return {
    stage: (await q('select stage from candidate where id = $1', [candidateId]))[0]?.stage,
    placements: (await q('select status from placement where candidate_id = $1 order by created_at', [candidateId])).map((r) => r.status),
    seats: Number((await q('select count(*) from seat_allocation where candidate_id = $1', [candidateId]))[0]?.count),
    openingAllocated: opening?.allocated,
    quotaAllocated: quota?.allocated,
    audits: await q(`select action, actor, request_id, after from audit_log where entity_type = 'Candidate' and entity_id = $1 order by id`, [candidateId]),
  };
}

describe('advanceCandidate (use case)', () => {
  it('withdrawing a candidate who holds a seat gives the seat back and cancels the placement, audited as advanceCandidate', async () => {
    const id = await selected(301);
    const before = await state(id);
    expect(before).toMatchObject({ stage: 'SELECTED', placements: ['ALLOCATED'], seats: 1 });

    const record = await advanceCandidate({ id, to: 'WITHDRAWN', note: 'found work at home' }, deps());
    expect(record.stage).toBe('WITHDRAWN');
    const after = await state(id);
    expect(after).toMatchObject({
      stage: 'WITHDRAWN',
      placements: ['CANCELLED'],
      seats: 0,
      openingAllocated: before.openingAllocated - 1,
      quotaAllocated: before.quotaAllocated - 1,
    });
    const placementId = (await db.query('select id from placement where candidate_id = $1', [id])).rows[0].id;
    expect(after.audits.slice(before.audits.length)).toEqual([
      { action: 'advanceCandidate', actor: OFFICER.subject, request_id: 'use-case-test', after: expect.objectContaining({ stage: 'WITHDRAWN', releasedPlacementId: placementId }) },
    ]);
  });

  it('rejecting a seat holder without a reason is refused (CANDIDATE.NOTE_REQUIRED) and writes nothing', async () => {
    const id = await selected(302);
    const before = await state(id);
    const failure = await advanceCandidate({ id, to: 'REJECTED', note: null }, deps()).then(
      () => undefined,
      (e: unknown) => (e instanceof UseCaseError ? e.failure : e),
    );
    expect(failure).toMatchObject({ kind: 'DOMAIN', error: { code: 'CANDIDATE.NOTE_REQUIRED' } });
    expect(await state(id)).toEqual(before);
  });

  it('withdrawing a candidate without a seat is a plain stage change: no quota, opening or placement touched', async () => {
    const id = await registerCandidate(t, eligibleWelderProfile(303));
    const other = await state(id);
    const record = await advanceCandidate({ id, to: 'WITHDRAWN', note: 'moved away' }, deps());
    expect(record.stage).toBe('WITHDRAWN');
    expect(await state(id)).toMatchObject({
      stage: 'WITHDRAWN',
      placements: [],
      seats: 0,
      openingAllocated: other.openingAllocated,
      quotaAllocated: other.quotaAllocated,
    });
  });

  it('through GraphQL, rejecting a seat holder gives the seat back too', async () => {
    const id = await selected(304);
    const before = await state(id);
    const res = await ok(t, 'mutation($id: ID!) { advanceCandidate(id: $id, to: REJECTED, note: "failed the medical") { stage placements { status } } }', { id });
    expect(res.advanceCandidate).toEqual({ stage: 'REJECTED', placements: [{ status: 'CANCELLED' }] });
    expect((await state(id)).openingAllocated).toBe(before.openingAllocated - 1);
  });

  it('an unknown candidate is NOT_FOUND at the id argument', async () => {
    const failure = await advanceCandidate({ id: '00000000-0000-4000-8000-000000000999', to: 'WITHDRAWN', note: 'x' }, deps()).then(
      () => undefined,
      (e: unknown) => (e instanceof UseCaseError ? e.failure : e),
    );
    expect(failure).toEqual({ kind: 'NOT_FOUND', entity: 'Candidate', field: ['id'] });
  });
});
