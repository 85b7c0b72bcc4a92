import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import { Quota, type QuotaSnapshot } from './quota.entity';
import { ACTOR, activeMou, domesticMou, openPlacementSetup, PARAMS_2026, uid, weldingOpening, weldingQuota } from './__tests__/fixtures';

const AT = '2026-03-02T09:00:00+07:00';
const code = (r: Result<unknown>) => (r.ok ? undefined : r.error.code);

describe('Quota: creation', () => {
  it('creates a quota with no seat allocated and round-trips through its snapshot', () => {
    const q = weldingQuota(activeMou(), 400);
    expect([q.seats, q.allocated, q.remaining]).toEqual([400, 0, 400]);
    const snap = q.toSnapshot();
    expect(snap).toEqual({ id: uid(200), mouId: uid(100), occupation: 'WELDER', route: 'E7_3', seats: 400, note: null, allocations: [] });
    expect(Quota.fromSnapshot(snap).toSnapshot()).toEqual(snap);
  });

  it.each<[string, Parameters<typeof Quota.create>[0] extends infer T ? Partial<T> : never, string]>([
    ['welder on E-9', { occupation: 'WELDER', route: 'E9' }, 'QUOTA.ROUTE_INCOMPATIBLE'],
    ['manufacturing on E-7-3', { occupation: 'MANUFACTURING_WORKER', route: 'E7_3' }, 'QUOTA.ROUTE_INCOMPATIBLE'],
    ['plant engineer on the pilot', { occupation: 'PLANT_ENGINEER', route: 'E7_3_PILOT' }, 'QUOTA.ROUTE_INCOMPATIBLE'],
    ['a housekeeper on any route', { occupation: 'HOUSEKEEPER', route: 'E8' }, 'QUOTA.ROUTE_INCOMPATIBLE'],
    ['the pilot before its rule set exists', { occupation: 'WELDER', route: 'E7_3_PILOT', asOf: '2024-06-01' }, 'ELIGIBILITY.BEFORE_COVERAGE'],
    ['zero seats', { seats: 0 }, 'QUOTA.OUT_OF_RANGE'],
    ['fractional seats', { seats: 1.5 }, 'QUOTA.NOT_INTEGER'],
    ['an unknown route', { route: 'E10' as never }, 'QUOTA.INVALID_VALUE'],
  ])('refuses %s', (_label, patch, expected) => {
    const r = Quota.create({ id: uid(200), mou: activeMou(), occupation: 'WELDER', route: 'E7_3', seats: 10, asOf: '2026-01-05', ...patch });
    expect(code(r)).toBe(expected);
  });

  it('accepts the fitting routes (shipbuilding → E-7-3 and the pilot, manufacturing → E-9, agriculture → E-8)', () => {
    for (const [occupation, route] of [
      ['WELDER', 'E7_3_PILOT'],
      ['SHIP_ELECTRICIAN', 'E7_3'],
      ['MANUFACTURING_WORKER', 'E9'],
      ['FISHING_CREW', 'E9'],
      ['AGRICULTURE_WORKER', 'E8'],
    ] as const) {
      expect(code(Quota.create({ id: uid(200), mou: activeMou(), occupation, route, seats: 1, asOf: '2026-01-05' }))).toBeUndefined();
    }
  });

  it('refuses a quota under an ended MoU', () => {
    const mou = activeMou();
    unwrap(mou.end({ at: '2026-02-01T09:00:00+07:00', actor: ACTOR, note: 'selesai' }));
    expect(code(Quota.create({ id: uid(200), mou, occupation: 'WELDER', route: 'E7_3', seats: 1, asOf: '2026-01-05' }))).toBe('QUOTA.MOU_ENDED');
  });

  it('fromSnapshot refuses more allocations than seats or a candidate twice', () => {
    const { quota, opening, mou } = openPlacementSetup(2, 2);
    unwrap(quota.allocate({ candidateId: uid(900), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR }));
    const snap = quota.toSnapshot();
    expect(() => Quota.fromSnapshot({ ...snap, seats: 0 } as QuotaSnapshot)).toThrow('QUOTA.OUT_OF_RANGE');
    expect(() => Quota.fromSnapshot({ ...snap, allocations: [snap.allocations[0]!, snap.allocations[0]!] })).toThrow(
      'QUOTA.DUPLICATE_ALLOCATION',
    );
    const three = [0, 1, 2].map((i) => ({ ...snap.allocations[0]!, candidateId: uid(900 + i) }));
    expect(() => Quota.fromSnapshot({ ...snap, allocations: three })).toThrow('QUOTA.EXHAUSTED');
  });
});

describe('Quota: allocation guards', () => {
  it('allocates through an open opening and releases', () => {
    const { quota, opening, mou } = openPlacementSetup(10, 5);
    const a = unwrap(quota.allocate({ candidateId: uid(900), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR }));
    expect(a).toEqual({ candidateId: uid(900), openingId: opening.id, allocatedAt: '2026-03-02T02:00:00.000Z', actor: ACTOR });
    expect([quota.allocated, quota.allocatedFor(opening.id), quota.holdsSeat(uid(900))]).toEqual([1, 1, true]);
    expect(quota.seatOf(uid(900), opening.id)).toEqual(a);
    expect([quota.seatOf(uid(901), opening.id), quota.seatOf(uid(900), uid(999))]).toEqual([undefined, undefined]);
    const copy = quota.seatOf(uid(900), opening.id)!;
    (copy as { actor: string }).actor = 'changed';
    expect(quota.seatOf(uid(900), opening.id)!.actor).toBe(ACTOR);
    expect(code(quota.allocate({ candidateId: uid(900), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe(
      'QUOTA.DUPLICATE_ALLOCATION',
    );
    expect(unwrap(quota.release(uid(900))).candidateId).toBe(uid(900));
    expect(code(quota.release(uid(900)))).toBe('QUOTA.NOT_ALLOCATED');
    expect(quota.allocated).toBe(0);
  });

  it('refuses when the MoU is not signed or active, or is another MoU', () => {
    const { quota, opening, mou } = openPlacementSetup();
    unwrap(mou.suspend({ at: '2026-03-01T10:00:00+07:00', actor: ACTOR, note: 'evaluasi' }));
    const r = quota.allocate({ candidateId: uid(900), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR });
    expect(code(r)).toBe('QUOTA.MOU_NOT_IN_FORCE');
    expect(code(quota.allocate({ candidateId: uid(900), opening, mou: activeMou(uid(101)), params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe(
      'QUOTA.MOU_MISMATCH',
    );
  });

  it('refuses a draft (unverified) opening and an opening of another occupation', () => {
    const mou = activeMou();
    const quota = weldingQuota(mou);
    const draft = weldingOpening(mou);
    expect(code(quota.allocate({ candidateId: uid(900), opening: draft, mou, params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe(
      'QUOTA.OPENING_NOT_OPEN',
    );
    const other = unwrap(Quota.create({ id: uid(201), mou, occupation: 'SHIP_PAINTER', route: 'E7_3', seats: 5, asOf: '2026-01-05' }));
    expect(code(other.allocate({ candidateId: uid(900), opening: draft, mou, params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe(
      'QUOTA.OPENING_MISMATCH',
    );
  });

  it('refuses when the route is not open on the parameters date (pilot closed from 2027)', () => {
    const mou = activeMou();
    const quota = unwrap(Quota.create({ id: uid(202), mou, occupation: 'WELDER', route: 'E7_3_PILOT', seats: 5, asOf: '2026-01-05' }));
    const opening = weldingOpening(mou, 5, uid(301), 'E7_3_PILOT');
    unwrap(opening.recordAttacheVerification({ verifiedOn: '2026-02-10' }));
    unwrap(opening.publish({ at: '2026-03-01T09:00:00+07:00', actor: ACTOR, mou, quota, params: PARAMS_2026 }));
    const r = quota.allocate({ candidateId: uid(900), opening, mou, params: parameterSnapshot('2027-02-01'), at: '2027-02-01T09:00:00+07:00', actor: ACTOR });
    expect(code(r)).toBe('QUOTA.ROUTE_NOT_OPEN');
    expect(r.ok ? undefined : r.error.details).toEqual({ status: 'CLOSED' });
  });

  it('reports exhaustion of the quota and of the opening with their scope', () => {
    const { quota, opening, mou } = openPlacementSetup(3, 2);
    const alloc = (n: number) => quota.allocate({ candidateId: uid(900 + n), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR });
    unwrap(alloc(1));
    unwrap(alloc(2));
    const r = alloc(3);
    expect(code(r)).toBe('QUOTA.EXHAUSTED');
    expect(r.ok ? undefined : r.error.details).toEqual({ scope: 'OPENING', seats: 2 });
    unwrap(quota.changeSeats(2));
    expect(code(quota.changeSeats(1))).toBe('QUOTA.SEATS_BELOW_ALLOCATED');
    const q = alloc(3);
    expect(q.ok ? undefined : q.error.details).toEqual({ scope: 'QUOTA', seats: 2 });
  });

  it('refuses an allocation when no params are given', () => {
    const { quota, opening, mou } = openPlacementSetup();
    expect(code(quota.allocate({ candidateId: uid(900), opening, mou, params: undefined as never, at: AT, actor: ACTOR }))).toBe('QUOTA.INVALID_INPUT');
    expect(code(quota.allocate({ candidateId: 'c1', opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe('QUOTA.INVALID_ID');
  });

  it('a draft MoU blocks allocation too', () => {
    const mou = domesticMou();
    const quota = weldingQuota(mou);
    const { opening } = openPlacementSetup();
    expect(code(quota.allocate({ candidateId: uid(900), opening, mou, params: PARAMS_2026, at: AT, actor: ACTOR }))).toBe('QUOTA.MOU_NOT_IN_FORCE');
  });
});

describe('Quota: property — never exceeded, never negative, under any sequence of allocate/release/changeSeats', () => {
  type Op =
    | { kind: 'allocate'; candidate: number; opening: 0 | 1 }
    | { kind: 'release'; candidate: number }
    | { kind: 'seats'; seats: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('allocate' as const), candidate: fc.nat({ max: 14 }), opening: fc.constantFrom(0 as const, 1 as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), candidate: fc.nat({ max: 14 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('seats' as const), seats: fc.integer({ min: -1, max: 12 }) }) },
  );

  it('matches a simple model and keeps every invariant', () => {
    let exhausted = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(op, { minLength: 1, maxLength: 60, size: 'large' }),
        (quotaSeats, seatsA, seatsB, ops) => {
          const { quota, opening, mou } = openPlacementSetup(quotaSeats, seatsA);
          const second = weldingOpening(mou, seatsB, uid(301));
          unwrap(second.recordAttacheVerification({ verifiedOn: '2026-02-10' }));
          unwrap(second.publish({ at: '2026-03-01T09:00:00+07:00', actor: ACTOR, mou, quota, params: PARAMS_2026 }));
          const openings = [opening, second] as const;
          const model = new Map<number, 0 | 1>();
          let seats = quotaSeats;
          for (const o of ops) {
            const before = quota.toSnapshot();
            let r: Result<unknown>;
            if (o.kind === 'allocate') {
              r = quota.allocate({ candidateId: uid(1000 + o.candidate), opening: openings[o.opening], mou, params: PARAMS_2026, at: AT, actor: ACTOR });
              const perOpening = [...model.values()].filter((x) => x === o.opening).length;
              const expected = model.has(o.candidate)
                ? 'QUOTA.DUPLICATE_ALLOCATION'
                : model.size >= seats || perOpening >= openings[o.opening].seats
                  ? 'QUOTA.EXHAUSTED'
                  : undefined;
              expect(code(r)).toBe(expected);
              if (expected === 'QUOTA.EXHAUSTED') exhausted += 1;
              if (r.ok) model.set(o.candidate, o.opening);
            } else if (o.kind === 'release') {
              r = quota.release(uid(1000 + o.candidate));
              expect(r.ok).toBe(model.has(o.candidate));
              model.delete(o.candidate);
            } else {
              r = quota.changeSeats(o.seats);
              expect(r.ok).toBe(o.seats >= 1 && o.seats >= model.size);
              if (r.ok) seats = o.seats;
            }
            if (!r.ok) expect(quota.toSnapshot()).toEqual(before);
            // invariants
            expect(quota.allocated).toBe(model.size);
            expect(quota.allocated).toBeGreaterThanOrEqual(0);
            expect(quota.allocated).toBeLessThanOrEqual(quota.seats);
            expect(quota.remaining).toBe(quota.seats - quota.allocated);
            for (const x of openings) expect(quota.allocatedFor(x.id)).toBeLessThanOrEqual(x.seats);
            const ids = quota.allocations.map((a) => a.candidateId);
            expect(new Set(ids).size).toBe(ids.length);
          }
          expect(Quota.fromSnapshot(quota.toSnapshot()).toSnapshot()).toEqual(quota.toSnapshot());
        },
      ),
      { numRuns: 120 },
    );
    expect(exhausted).toBeGreaterThan(0);
  });
});
