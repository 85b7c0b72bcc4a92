import { unwrap } from '../shared/domain-error';
import { Mou, type MouSnapshot } from './mou.entity';
import { MOU_STATUSES, MOU_TRANSITIONS, type MouStatus } from './mou-status';
import { MOU_TRANSITION_TABLE, mouTransitionGuards } from './mou-transitions';
import { ACTOR, apjatiParty, cityParty, countyParty, domesticMou, T0, uid } from './__tests__/fixtures';

const TEXT = { id: 'Kewajiban', en: 'Obligation' };

/** A foreign local government MoU that can pass every guard (review, signing, activation). */
function foreignMou(): Mou {
  const city = cityParty();
  const county = countyParty();
  return unwrap(
    Mou.create({
      id: uid(101),
      title: { id: 'MoU Kota Serang – Kabupaten Hannam', en: 'MoU Kota Serang – Hannam County' },
      at: T0,
      actor: ACTOR,
      validFrom: '2026-01-05',
      parties: [
        { party: city, role: 'PRINCIPAL', isSignatory: true, signatoryName: 'Wali Kota Serang' },
        { party: county, role: 'PARTNER', isSignatory: true, signatoryName: 'Gunsu' },
        { party: apjatiParty(), role: 'FACILITATOR', isSignatory: false },
      ],
      obligations: [{ partyId: city.id, text: TEXT }],
    }),
  );
}

const tableMoves = (): Array<[MouStatus, MouStatus]> =>
  MOU_STATUSES.flatMap((from) => Object.keys(MOU_TRANSITION_TABLE[from]).map((to) => [from, to as MouStatus] as [MouStatus, MouStatus]));

// one clock for the whole file, always moving forward, on the WIB day of T0
let minutes = 0;
const nextAt = (): string => new Date(Date.parse(T0) + ++minutes * 60_000).toISOString();

/** Walk the table from DRAFT with real MoUs: every status reached, with a snapshot in it, and every move that succeeded. */
function walk(start: () => Mou): { reached: Map<MouStatus, MouSnapshot>; moves: Set<string> } {
  const reached = new Map<MouStatus, MouSnapshot>([['DRAFT', start().toSnapshot()]]);
  const moves = new Set<string>();
  const queue: MouStatus[] = ['DRAFT'];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const to of Object.keys(MOU_TRANSITION_TABLE[from]) as MouStatus[]) {
      const mou = Mou.fromSnapshot(reached.get(from)!);
      const r = mou.transitionTo(to, { at: nextAt(), actor: ACTOR, note: 'catatan' });
      if (!r.ok) continue;
      moves.add(`${from}->${to}`);
      if (!reached.has(to)) {
        reached.set(to, mou.toSnapshot());
        queue.push(to);
      }
    }
  }
  return { reached, moves };
}

describe('MoU transition table', () => {
  it('has exactly the moves of MOU_TRANSITIONS', () => {
    for (const from of MOU_STATUSES) {
      expect(Object.keys(MOU_TRANSITION_TABLE[from]).sort()).toEqual([...MOU_TRANSITIONS[from]].sort());
    }
  });

  const domestic = walk(() => domesticMou());
  const foreign = walk(foreignMou);

  it('every move in the table is reachable from DRAFT (domestic or foreign local government MoU)', () => {
    const done = new Set([...domestic.moves, ...foreign.moves]);
    expect(tableMoves().map(([f, t]) => `${f}->${t}`).filter((m) => !done.has(m))).toEqual([]);
  });

  it('every move not in the table is refused with MOU.INVALID_TRANSITION and changes nothing', () => {
    const reached = new Map([...foreign.reached, ...domestic.reached]);
    expect([...reached.keys()].sort()).toEqual([...MOU_STATUSES].sort());
    let refused = 0;
    for (const from of MOU_STATUSES) {
      for (const to of MOU_STATUSES) {
        if (mouTransitionGuards(from, to) !== undefined) continue;
        const before = reached.get(from)!;
        const mou = Mou.fromSnapshot(before);
        const r = mou.transitionTo(to, { at: nextAt(), actor: ACTOR, note: 'catatan' });
        expect(r.ok ? undefined : [r.error.code, r.error.details]).toEqual(['MOU.INVALID_TRANSITION', { from, to }]);
        expect(mou.toSnapshot()).toEqual(before);
        refused += 1;
      }
    }
    expect(refused).toBe(MOU_STATUSES.length ** 2 - tableMoves().length);
  });

  it('the guard lookup is not fooled by inherited keys', () => {
    expect(mouTransitionGuards('DRAFT', 'toString' as MouStatus)).toBeUndefined();
  });
});
