import { unwrap } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import { Mou } from '../entities/mou.entity';
import { Party } from '../entities/party.entity';
import { Quota } from '../entities/quota.entity';
import { JobOpening } from '../entities/job-opening.entity';
import { buildSeedProgram, seedProgramSummary } from './build-seed-program';
import { SEED_ANNOUNCED_MINIMUM_POSITIONS, SEED_IDS, SEED_PROGRAM, SEED_TRADE_SPLIT, type SeedProgram } from './seed-program.data';

const built = unwrap(buildSeedProgram());

function mutate(change: (p: { -readonly [K in keyof SeedProgram]: SeedProgram[K] }) => void): SeedProgram {
  const copy = JSON.parse(JSON.stringify(SEED_PROGRAM)) as { -readonly [K in keyof SeedProgram]: SeedProgram[K] };
  change(copy);
  return copy;
}

describe('SEED_PROGRAM', () => {
  it('builds into valid entities, totalling at least the 1,000 announced positions', () => {
    const s = seedProgramSummary(built);
    expect(s.totalSeats).toBeGreaterThanOrEqual(SEED_ANNOUNCED_MINIMUM_POSITIONS);
    expect(s.totalSeats).toBe(Object.values(SEED_TRADE_SPLIT).reduce((a, b) => a + b, 0));
    expect(s.seatsByOccupation).toEqual({ WELDER: 400, SHIP_PAINTER: 300, SHIP_ELECTRICIAN: 300 });
    expect(s.seatsByRoute).toEqual({ E7_3: s.totalSeats });
    expect(s.openingSeats).toBe(s.totalSeats);
    expect(s.mous).toEqual({ ACTIVE: 1, EXPLORATION: 2 });
    // every entity survives a snapshot round trip (what the gateway stores it can rebuild)
    for (const p of built.parties) expect(Party.fromSnapshot(p.toSnapshot()).toSnapshot()).toEqual(p.toSnapshot());
    for (const m of built.mous) expect(Mou.fromSnapshot(m.toSnapshot()).toSnapshot()).toEqual(m.toSnapshot());
    for (const q of built.quotas) expect(Quota.fromSnapshot(q.toSnapshot()).toSnapshot()).toEqual(q.toSnapshot());
    for (const o of built.openings) expect(JobOpening.fromSnapshot(o.toSnapshot()).toSnapshot()).toEqual(o.toSnapshot());
  });

  it('holds the APJATI MoU signed on 2025-12-08 and active, and the two county MoUs in exploration under it', () => {
    const byId = new Map(built.mous.map((m) => [m.id, m]));
    const apjati = byId.get(SEED_IDS.mou.apjati)!;
    expect([apjati.status, apjati.signedOn, apjati.isInForceOn('2025-12-08')]).toEqual(['ACTIVE', '2025-12-08', true]);
    expect(apjati.history.map((h) => h.to)).toEqual(['DRAFT', 'SIGNED', 'ACTIVE']);
    for (const id of [SEED_IDS.mou.hannam, SEED_IDS.mou.yongnam]) {
      const m = byId.get(id)!;
      expect([m.status, m.parentMouId, m.involvesForeignLocalGovernment]).toEqual(['EXPLORATION', SEED_IDS.mou.apjati, true]);
      // a county MoU cannot be signed without Kemendagri review
      expect(m.sign({ at: '2026-01-05T09:00:00+07:00', actor: 'test' }).ok).toBe(false);
    }
  });

  it('keeps unreported facts empty: county native names, wages, contract lengths, attaché verification', () => {
    const parties = new Map(built.parties.map((p) => [p.id, p]));
    expect(parties.get(SEED_IDS.party.kabupatenHannam)!.nativeName).toBeNull();
    expect(parties.get(SEED_IDS.party.kabupatenYongnam)!.nativeName).toBeNull();
    expect(parties.get(SEED_IDS.party.exampleKurBank)!.isExample).toBe(true);
    expect(built.parties.filter((p) => p.isExample).map((p) => p.id)).toEqual([SEED_IDS.party.exampleKurBank]);
    expect(parties.get(SEED_IDS.party.ptOneAsia)!.toSnapshot().representative).toEqual({ name: 'Ha Jeong Ho', title: 'President Director' });
    for (const o of built.openings) {
      expect([o.status, o.verifiedByAttache, o.wage.basis, o.contractMonths]).toEqual(['DRAFT', false, 'NOT_STATED', null]);
      // the minimum wage stands in for the wage, flagged as a planning reference
      expect(o.monthlyWageAsOf(parameterSnapshot('2026-01-01'))).toEqual({
        monthly: { amount: 2_156_880, currency: 'KRW' },
        basis: 'NOT_STATED',
        isPlanningReference: true,
      });
    }
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(SEED_PROGRAM)).toBe(true);
    expect(Object.isFrozen(SEED_PROGRAM.quotas[0])).toBe(true);
    expect(() => {
      (SEED_PROGRAM.quotas[0] as { seats: number }).seats = 1;
    }).toThrow(TypeError);
  });

  it('building twice gives the same snapshots (deterministic ids, no clock)', () => {
    const again = unwrap(buildSeedProgram());
    expect(again.mous.map((m) => m.toSnapshot())).toEqual(built.mous.map((m) => m.toSnapshot()));
    expect(again.openings.map((o) => o.toSnapshot())).toEqual(built.openings.map((o) => o.toSnapshot()));
  });
});

describe('buildSeedProgram refuses a broken fixture', () => {
  it.each<[string, (p: { -readonly [K in keyof SeedProgram]: SeedProgram[K] }) => void, string, string[]]>([
    ['a duplicate id', (p) => ((p.quotas[1] as { id: string }).id = p.quotas[0]!.id), 'SEED.DUPLICATE_ID', ['quotas', '1', 'id']],
    ['an unknown party in an MoU', (p) => ((p.mous[0]!.parties[0] as { partyId: string }).partyId = 'a0000000-0000-4000-8000-0000000000ff'), 'SEED.UNKNOWN_PARTY', ['mous', '0', 'parties', '0', 'partyId']],
    ['a child MoU before its parent', (p) => (p.mous as unknown[]).reverse(), 'SEED.UNKNOWN_PARENT', ['mous', '0', 'parentMouId']],
    ['a painter quota on E-9', (p) => ((p.quotas[1] as { route: string }).route = 'E9'), 'QUOTA.ROUTE_INCOMPATIBLE', ['quotas', '1', 'route']],
    ['two quotas for one key', (p) => ((p.quotas[1] as { occupation: string }).occupation = 'WELDER'), 'SEED.DUPLICATE_QUOTA', ['quotas', '1']],
    ['openings above their quota', (p) => ((p.openings[0] as { seats: number }).seats = 401), 'SEED.OPENINGS_EXCEED_QUOTA', ['openings', '0', 'seats']],
    ['an opening without a quota', (p) => ((p.openings[0] as { occupation: string }).occupation = 'PLANT_ENGINEER'), 'SEED.OPENING_WITHOUT_QUOTA', ['openings', '0']],
    [
      'a county MoU signed without Kemendagri review',
      (p) => {
        const m = p.mous[1] as unknown as { parties: { signatoryName: string | null }[]; obligations: unknown[]; transitions: unknown[] };
        m.parties.forEach((x) => (x.signatoryName = 'X'));
        m.obligations.push({ partyId: SEED_IDS.party.pemkotSerang, text: { id: 'a', en: 'a' } });
        m.transitions.push({ to: 'SIGNED', at: '2025-12-11T00:00:00+07:00', note: null });
      },
      'MOU.REVIEW_REQUIRED',
      ['mous', '1', 'transitions', '1'],
    ],
    ['a county MoU signed with no named signatory', (p) => (p.mous[1]!.transitions as unknown[]).push({ to: 'SIGNED', at: '2025-12-11T00:00:00+07:00', note: null }), 'MOU.SIGNATORY_MISSING', ['mous', '1', 'transitions', '1', 'parties']],
    ['a P3MI without licence', (p) => ((p.parties[1] as { kind: string }).kind = 'P3MI'), 'PARTY.LICENCE_REQUIRED', ['parties', '1', 'licence']],
  ])('%s', (_label, change, code, path) => {
    const r = buildSeedProgram(mutate(change));
    expect(r.ok ? undefined : [r.error.code, r.error.path]).toEqual([code, path]);
  });
});
