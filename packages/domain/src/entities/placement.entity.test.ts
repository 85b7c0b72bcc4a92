import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import { Candidate } from './candidate.entity';
import { Placement, PLACEMENT_STATUSES, PLACEMENT_TRANSITIONS, type PlacementSnapshot, type PlacementStatus } from './placement.entity';
import { selectCandidate } from './select-candidate.service';
import { ACTOR, openPlacementSetup, uid } from './__tests__/fixtures';

const code = (r: Result<unknown>) => (r.ok ? undefined : r.error.code);

function placed(): { placement: Placement; candidate: Candidate } {
  const { quota, opening, mou } = openPlacementSetup();
  const candidate = unwrap(
    Candidate.register({
      id: uid(900),
      profile: {
        nik: '3673011506950001',
        declaredBirthDate: '1995-06-15',
        declaredSex: 'M',
        address: { kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' },
        koreaHistory: { deported: false, entryBanned: false },
        documents: [
          { kind: 'KTP', verified: true },
          { kind: 'AK1_CARD', verified: true },
        ],
      },
      at: '2026-03-02T08:00:00+07:00',
      actor: ACTOR,
    }),
  );
  const { placement } = unwrap(
    selectCandidate({ candidate, opening, quota, mou, params: parameterSnapshot('2026-03-02'), placementId: uid(950), at: '2026-03-02T09:00:00+07:00', actor: ACTOR }),
  );
  return { placement, candidate };
}

describe('Placement', () => {
  it('is created by selection with the seat, the opening terms and the allocation date', () => {
    const { placement } = placed();
    const s = placement.toSnapshot();
    expect(s).toMatchObject({
      id: uid(950),
      candidateId: uid(900),
      openingId: uid(300),
      quotaId: uid(200),
      mouId: uid(100),
      employerPartyId: uid(4),
      occupation: 'WELDER',
      route: 'E7_3',
      contractMonths: 24,
      allocatedOn: '2026-03-02',
      status: 'ALLOCATED',
    } satisfies Partial<PlacementSnapshot>);
    expect(Placement.fromSnapshot(s).toSnapshot()).toEqual(s);
  });

  it('cannot be created without a selected candidate holding the seat', () => {
    const { quota, opening } = openPlacementSetup();
    const candidate = unwrap(Candidate.register({ id: uid(901), profile: {}, at: '2026-03-02T08:00:00+07:00', actor: ACTOR }));
    expect(code(Placement.create({ id: uid(951), candidate, opening, quota, at: '2026-03-02T09:00:00+07:00', actor: ACTOR }))).toBe(
      'PLACEMENT.CANDIDATE_NOT_SELECTED',
    );
  });

  it('records departure, start of work (expected end = start + contract months) and return, in date order', () => {
    const { placement } = placed();
    expect(code(placement.recordStartOfWork({ on: '2026-07-01', at: '2026-07-01T09:00:00+07:00', actor: ACTOR }))).toBe('PLACEMENT.INVALID_TRANSITION');
    expect(code(placement.recordDeparture({ on: '2026-03-01', at: '2026-07-01T09:00:00+07:00', actor: ACTOR }))).toBe('PLACEMENT.DATE_ORDER');
    expect(code(placement.recordDeparture({ on: '2026-07-02', at: '2026-07-01T09:00:00+07:00', actor: ACTOR }))).toBe('PLACEMENT.DATE_IN_FUTURE');
    unwrap(placement.recordDeparture({ on: '2026-07-01', at: '2026-07-01T09:00:00+07:00', actor: ACTOR }));
    expect(code(placement.cancel({ on: '2026-07-02', at: '2026-07-02T09:00:00+07:00', actor: ACTOR, note: 'x' }))).toBe('PLACEMENT.INVALID_TRANSITION');
    unwrap(placement.recordStartOfWork({ on: '2026-07-03', at: '2026-07-03T09:00:00+07:00', actor: ACTOR }));
    expect(placement.expectedEndOn).toBe('2028-07-03');
    unwrap(placement.recordReturn({ on: '2028-07-04', at: '2028-07-05T09:00:00+07:00', actor: ACTOR }));
    const s = placement.toSnapshot();
    expect([s.departedOn, s.startedWorkOn, s.returnedOn, s.status]).toEqual(['2026-07-01', '2026-07-03', '2028-07-04', 'RETURNED']);
    expect(() => Placement.fromSnapshot({ ...s, startedWorkOn: '2026-06-01' })).toThrow('PLACEMENT.DATE_ORDER');
    expect(() => Placement.fromSnapshot({ ...s, expectedEndOn: null })).toThrow('PLACEMENT.INVALID_SNAPSHOT');
  });

  it('a cancellation needs a note', () => {
    const { placement } = placed();
    expect(code(placement.cancel({ on: '2026-03-03', at: '2026-03-03T09:00:00+07:00', actor: ACTOR }))).toBe('PLACEMENT.NOTE_REQUIRED');
  });

  it('property: under any sequence of events, dates stay in order and the history follows the machine', () => {
    const base = placed().placement.toSnapshot();
    const event = fc.record({
      to: fc.constantFrom(...(PLACEMENT_STATUSES.filter((s) => s !== 'ALLOCATED') as PlacementStatus[])),
      dayShift: fc.integer({ min: -5, max: 40 }),
      recordLag: fc.integer({ min: -2, max: 3 }),
      note: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), (events) => {
        const p = Placement.fromSnapshot(base);
        let day = Date.UTC(2026, 2, 2);
        for (const ev of events) {
          const before = p.toSnapshot();
          day += ev.dayShift * 86_400_000;
          const on = new Date(day).toISOString().slice(0, 10);
          const at = new Date(day + ev.recordLag * 86_400_000 + 2 * 3600_000).toISOString();
          const input = { on, at, actor: ACTOR, note: ev.note ? 'catatan' : null };
          const r =
            ev.to === 'DEPARTED'
              ? p.recordDeparture(input)
              : ev.to === 'WORKING'
                ? p.recordStartOfWork(input)
                : ev.to === 'RETURNED'
                  ? p.recordReturn(input)
                  : p.cancel(input);
          const after = p.toSnapshot();
          if (!r.ok) expect(after).toEqual(before);
          else expect(PLACEMENT_TRANSITIONS[before.status]).toContain(ev.to);
          const dates = [after.allocatedOn, after.departedOn, after.startedWorkOn, after.returnedOn].filter((d): d is string => d !== null);
          expect([...dates].sort()).toEqual(dates);
          expect(Placement.fromSnapshot(after).toSnapshot()).toEqual(after);
        }
      }),
      { numRuns: 200 },
    );
  });
});
