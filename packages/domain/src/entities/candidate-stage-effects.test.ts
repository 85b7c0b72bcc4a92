import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import { Candidate } from './candidate.entity';
import { CANDIDATE_SEAT_HOLDING_STAGES, CANDIDATE_STAGES, type CandidateStage } from './candidate-stage';
import { advanceReleasesSeat, mayReleaseSeat, placementFollowsStage, recordStageOnPlacement } from './candidate-stage-effects';
import type { Placement } from './placement.entity';
import { selectCandidate } from './select-candidate.service';
import { ACTOR, openPlacementSetup, uid } from './__tests__/fixtures';

const code = (r: Result<unknown>) => (r.ok ? undefined : r.error.code);
const SELECTED_FOR = { quotaId: uid(200), openingId: uid(300) };

function allocatedPlacement(): Placement {
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
  const params = parameterSnapshot('2026-03-02');
  return unwrap(selectCandidate({ candidate, opening, quota, mou, params, placementId: uid(950), at: '2026-03-02T09:00:00+07:00', actor: ACTOR })).placement;
}

describe('withdrawing or rejecting a candidate who holds a seat gives the seat back', () => {
  it.each([
    // stage, to, selected for an opening, placement ALLOCATED, releases the seat
    ['SELECTED', 'WITHDRAWN', true, true, true],
    ['VISA', 'REJECTED', true, true, true],
    ['ORIENTATION', 'WITHDRAWN', true, true, true],
    ['SELECTED', 'WITHDRAWN', true, false, false], // the seat was given back already
    ['SELECTED', 'TRAINING', true, true, false], // not a withdrawal
    ['REGISTERED', 'WITHDRAWN', false, false, false], // never selected
    ['REGISTERED', 'WITHDRAWN', true, true, false], // selected once, registered again: the old seat is gone
    ['DEPARTED', 'RETURNED', true, false, false], // after departure the seat is used, not given back
  ] as const)('%s → %s (selected %s, placement allocated %s): %s', (stage, to, selected, allocated, releases) => {
    const candidate = { stage, ...(selected ? SELECTED_FOR : { quotaId: null, openingId: null }) };
    expect(advanceReleasesSeat(candidate, to, allocated)).toBe(releases);
  });

  it('property: a seat is given back only by WITHDRAWN / REJECTED from a seat-holding stage, with quota, opening and an allocated placement', () => {
    const stage = fc.constantFrom(...CANDIDATE_STAGES);
    const id = fc.option(fc.constant(uid(1)), { nil: null });
    fc.assert(
      fc.property(stage, stage, id, id, fc.boolean(), (from: CandidateStage, to: CandidateStage, quotaId, openingId, allocated) => {
        const c = { stage: from, quotaId, openingId };
        const expected =
          (to === 'WITHDRAWN' || to === 'REJECTED') && CANDIDATE_SEAT_HOLDING_STAGES.includes(from) && quotaId !== null && openingId !== null;
        expect(mayReleaseSeat(c, to)).toBe(expected);
        expect(advanceReleasesSeat(c, to, allocated)).toBe(expected && allocated);
      }),
    );
  });
});

describe('recordStageOnPlacement', () => {
  const event = (on: string) => ({ on: on as `${number}-${number}-${number}`, at: `${on}T09:00:00+07:00`, actor: ACTOR });

  it('records departure, start of work and return for DEPARTED, PLACED and RETURNED', () => {
    const placement = allocatedPlacement();
    unwrap(recordStageOnPlacement(placement, 'DEPARTED', event('2026-07-01')));
    expect(placement.status).toBe('DEPARTED');
    unwrap(recordStageOnPlacement(placement, 'PLACED', event('2026-07-03')));
    expect(placement.status).toBe('WORKING');
    unwrap(recordStageOnPlacement(placement, 'RETURNED', event('2028-07-04')));
    const s = placement.toSnapshot();
    expect([s.departedOn, s.startedWorkOn, s.returnedOn, s.status]).toEqual(['2026-07-01', '2026-07-03', '2028-07-04', 'RETURNED']);
  });

  it('leaves the placement alone for every other stage', () => {
    for (const to of CANDIDATE_STAGES.filter((s) => !placementFollowsStage(s))) {
      const placement = allocatedPlacement();
      const before = placement.toSnapshot();
      expect(recordStageOnPlacement(placement, to, event('2026-07-01')).ok).toBe(true);
      expect(placement.toSnapshot()).toEqual(before);
    }
    expect(CANDIDATE_STAGES.filter(placementFollowsStage)).toEqual(['DEPARTED', 'PLACED', 'RETURNED']);
  });

  it('passes the placement’s refusal on and changes nothing (start of work before departure)', () => {
    const placement = allocatedPlacement();
    const before = placement.toSnapshot();
    expect(code(recordStageOnPlacement(placement, 'PLACED', event('2026-07-01')))).toBe('PLACEMENT.INVALID_TRANSITION');
    expect(placement.toSnapshot()).toEqual(before);
  });
});
