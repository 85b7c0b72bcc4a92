import { unwrap, type Result } from '../shared/domain-error';
import { money } from '../money';
import { parameterSnapshot } from '../parameters';
import fc from 'fast-check';
import { e73WageFloor, JobOpening, type JobOpeningSnapshot } from './job-opening.entity';
import { Party } from './party.entity';
import { Quota } from './quota.entity';
import { ACTOR, activeMou, apjatiParty, domesticMou, employerParty, openPlacementSetup, PARAMS_2026, uid, weldingOpening, weldingQuota } from './__tests__/fixtures';

const code = (r: Result<unknown>) => (r.ok ? undefined : r.error.code);
const AT = '2026-03-01T09:00:00+07:00';

function opening(patch: Partial<Parameters<typeof JobOpening.create>[0]> = {}) {
  return JobOpening.create({
    id: uid(300),
    mou: activeMou(),
    employer: employerParty(),
    occupation: 'WELDER',
    route: 'E7_3',
    seats: 5,
    wage: { basis: 'FIXED', monthly: money(3_400_000, 'KRW') },
    contractMonths: 24,
    at: '2026-02-01T09:00:00+07:00',
    actor: ACTOR,
    ...patch,
  });
}

describe('JobOpening: creation', () => {
  it('creates an unverified DRAFT and round-trips through its snapshot', () => {
    const o = unwrap(opening({ extraRequirements: { minTopikLevel: 1, skillQualification: 'FCAW 3G' }, plannedDeparture: '2026-09-01' }));
    expect([o.status, o.verifiedByAttache]).toEqual(['DRAFT', false]);
    const snap = o.toSnapshot();
    expect(snap).toEqual({
      id: uid(300),
      mouId: uid(100),
      employerPartyId: uid(4),
      occupation: 'WELDER',
      route: 'E7_3',
      seats: 5,
      wage: { basis: 'FIXED', monthly: { amount: 3_400_000, currency: 'KRW' } },
      contractMonths: 24,
      extraRequirements: { minTopikLevel: 1, skillQualification: 'FCAW 3G' },
      plannedDeparture: '2026-09-01',
      attacheVerification: null,
      status: 'DRAFT',
      note: null,
      history: [{ sequence: 1, from: null, to: 'DRAFT', at: '2026-02-01T02:00:00.000Z', actor: ACTOR, note: null }],
    } satisfies JobOpeningSnapshot);
    expect(JobOpening.fromSnapshot(snap).toSnapshot()).toEqual(snap);
    expect(o.toEligibilityOpening()).toEqual({
      occupation: 'WELDER',
      extraRequirements: { minTopikLevel: 1, skillQualification: 'FCAW 3G' },
      plannedDeparture: '2026-09-01',
    });
  });

  it.each<[string, Partial<Parameters<typeof JobOpening.create>[0]>, string]>([
    ['an association as employer', { employer: apjatiParty() }, 'OPENING.EMPLOYER_KIND'],
    ['a painter on E-9', { occupation: 'SHIP_PAINTER', route: 'E9' }, 'OPENING.ROUTE_INCOMPATIBLE'],
    ['a wage in rupiah', { wage: { basis: 'FIXED', monthly: money(30_000_000, 'IDR') } }, 'OPENING.WAGE_CURRENCY'],
    ['a zero wage', { wage: { basis: 'FIXED', monthly: money(0, 'KRW') } }, 'OPENING.WAGE_CURRENCY'],
    ['an unknown wage basis', { wage: { basis: 'HOURLY' } as never }, 'OPENING.INVALID_VALUE'],
    ['zero seats', { seats: 0 }, 'OPENING.OUT_OF_RANGE'],
    ['a 0-month contract', { contractMonths: 0 }, 'OPENING.OUT_OF_RANGE'],
    ['min age above max age', { extraRequirements: { minAge: 30, maxAge: 25 } }, 'OPENING.INVALID_REQUIREMENTS'],
    ['an unknown requirement', { extraRequirements: { minHeight: 170 } as never }, 'OPENING.UNKNOWN_FIELD'],
    ['a TOPIK level 7', { extraRequirements: { minTopikLevel: 7 } }, 'OPENING.OUT_OF_RANGE'],
    ['an invalid instant', { at: 'yesterday' }, 'OPENING.INVALID_TIMESTAMP'],
  ])('refuses %s', (_label, patch, expected) => {
    expect(code(opening(patch))).toBe(expected);
  });

  it('refuses an opening under an ended MoU', () => {
    const mou = activeMou();
    unwrap(mou.end({ at: '2026-01-20T09:00:00+07:00', actor: ACTOR, note: 'selesai' }));
    expect(code(opening({ mou }))).toBe('OPENING.MOU_ENDED');
  });
});

describe('JobOpening: publication (UU 18/2017 Pasal 9–10)', () => {
  it('an unverified opening cannot be published', () => {
    const mou = activeMou();
    const quota = weldingQuota(mou);
    const o = weldingOpening(mou);
    const r = o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 });
    expect(code(r)).toBe('OPENING.NOT_VERIFIED');
    expect(o.status).toBe('DRAFT');
    unwrap(o.recordAttacheVerification({ verifiedOn: '2026-02-10', reference: 'KBRI/001' }));
    unwrap(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 }));
    expect(o.status).toBe('OPEN');
    expect(() => JobOpening.fromSnapshot({ ...o.toSnapshot(), attacheVerification: null })).toThrow('OPENING.NOT_VERIFIED');
  });

  function verified(patch: Partial<Parameters<typeof JobOpening.create>[0]> = {}) {
    const mou = (patch.mou as ReturnType<typeof activeMou> | undefined) ?? activeMou();
    const o = unwrap(opening({ ...patch, mou }));
    unwrap(o.recordAttacheVerification({ verifiedOn: '2026-02-10' }));
    return { o, mou, quota: weldingQuota(mou) };
  }

  it('needs a signed or active MoU, a matching quota and parameters', () => {
    const draftMou = domesticMou();
    const d = verified({ mou: draftMou });
    expect(code(d.o.publish({ at: AT, actor: ACTOR, mou: draftMou, quota: d.quota, params: PARAMS_2026 }))).toBe('OPENING.MOU_NOT_IN_FORCE');
    const { o, mou, quota } = verified();
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, params: PARAMS_2026 }))).toBe('OPENING.CONTEXT_REQUIRED');
    expect(code(o.publish({ at: AT, actor: ACTOR, quota, params: PARAMS_2026 }))).toBe('OPENING.CONTEXT_REQUIRED');
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota }))).toBe('OPENING.CONTEXT_REQUIRED');
    expect(code(o.publish({ at: AT, actor: ACTOR, mou: activeMou(uid(101)), quota, params: PARAMS_2026 }))).toBe('OPENING.MOU_MISMATCH');
    const painters = unwrap(Quota.create({ id: uid(201), mou, occupation: 'SHIP_PAINTER', route: 'E7_3', seats: 5, asOf: '2026-01-05' }));
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota: painters, params: PARAMS_2026 }))).toBe('OPENING.QUOTA_MISMATCH');
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 }))).toBeUndefined();
  });

  it('a wage stated as "not yet" cannot be published; the minimum wage is only a planning reference', () => {
    const { o, mou, quota } = verified({ wage: { basis: 'NOT_STATED' } });
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 }))).toBe('OPENING.WAGE_NOT_STATED');
    expect(o.monthlyWageAsOf(PARAMS_2026)).toEqual({ monthly: { amount: 2_156_880, currency: 'KRW' }, basis: 'NOT_STATED', isPlanningReference: true });
    expect(o.monthlyWageAsOf(parameterSnapshot('2025-06-01')).monthly.amount).toBe(2_096_270);
  });

  it.each([
    // [monthly KRW, parameter date, expected]: the Korean monthly minimum wage rises on 2026-01-01; from
    // 2025-03-05 Korea's GNI per capita is recorded (e73.gniPerCapitaKrw, KRW 49,955,000), so an E-7-3
    // opening also needs 12 × wage ≥ 0.8 × 49,955,000 = 39,964,000, i.e. KRW 3,330,334 a month (3,330,333.33…)
    [2_096_269, '2025-03-04', 'OPENING.WAGE_BELOW_MINIMUM'],
    [2_096_270, '2025-03-04', undefined],
    [2_100_000, '2025-03-04', undefined],
    [2_096_270, '2025-03-05', 'OPENING.WAGE_BELOW_E73_FLOOR'],
    [2_100_000, '2025-12-31', 'OPENING.WAGE_BELOW_E73_FLOOR'],
    [2_100_000, '2026-01-01', 'OPENING.WAGE_BELOW_MINIMUM'],
    [2_156_879, '2026-03-01', 'OPENING.WAGE_BELOW_MINIMUM'],
    [2_156_880, '2026-03-01', 'OPENING.WAGE_BELOW_E73_FLOOR'],
    [3_330_333, '2026-03-01', 'OPENING.WAGE_BELOW_E73_FLOOR'],
    [3_330_334, '2026-03-01', undefined],
  ])('a fixed wage of KRW %i as of %s → %s', (amount, asOf, expected) => {
    const { o, mou, quota } = verified({ wage: { basis: 'FIXED', monthly: money(amount, 'KRW') } });
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota, params: parameterSnapshot(asOf) }))).toBe(expected);
  });

  it.each([
    // with Korea's GNI per capita given as an input (KRW 40,000,000 here, an illustrative figure), the E-7-3
    // floor is 0.8 × 40,000,000 = 32,000,000 a year = 2,666,666.67 a month
    [2_666_666, 'OPENING.WAGE_BELOW_E73_FLOOR'],
    [2_666_667, undefined],
  ])('E-7-3 wage floor: KRW %i a month → %s', (amount, expected) => {
    const { o, mou, quota } = verified({ wage: { basis: 'FIXED', monthly: money(amount, 'KRW') } });
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026, koreaGniPerCapita: money(40_000_000, 'KRW') }))).toBe(expected);
  });

  it('a contract length not yet stated cannot be published', () => {
    const { o, mou, quota } = verified({ contractMonths: null });
    expect(o.contractMonths).toBeNull();
    expect(code(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 }))).toBe('OPENING.CONTRACT_NOT_STATED');
  });

  it('the statutory-minimum basis follows the parameter; on E-7-3 it is refused once Korea’s GNI per capita is recorded', () => {
    const { o, mou, quota } = verified({ wage: { basis: 'STATUTORY_MINIMUM' } });
    expect(o.monthlyWageAsOf(PARAMS_2026)).toEqual({ monthly: { amount: 2_156_880, currency: 'KRW' }, basis: 'STATUTORY_MINIMUM', isPlanningReference: false });
    const refused = o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026 });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'OPENING.WAGE_BELOW_E73_FLOOR',
      details: { minimumMonthly: 3_330_334, minimumAnnual: 39_964_000, currency: 'KRW', gniPerCapita: 49_955_000, gniSource: 'e73.gniPerCapitaKrw', share: '0.8' },
    });
    expect(o.status).toBe('DRAFT');
    // before 2025-03-05 no GNI figure is recorded: the floor needs the caller's figure, as before
    unwrap(o.publish({ at: AT, actor: ACTOR, mou, quota, params: parameterSnapshot('2025-03-04') }));
    expect(o.status).toBe('OPEN');
  });

  it('E-7-3 floor on the statutory minimum: the caller’s GNI replaces the parameter (and must be a positive KRW amount)', () => {
    const { o, mou, quota } = verified({ wage: { basis: 'STATUTORY_MINIMUM' } });
    // an illustrative input low enough that the minimum wage reaches 80% of it: 12 × 2,156,880 = 25,882,560 ≥ 0.8 × 32,353,200
    unwrap(o.publish({ at: AT, actor: ACTOR, mou, quota, params: PARAMS_2026, koreaGniPerCapita: money(32_353_200, 'KRW') }));
    expect(o.status).toBe('OPEN');
    const higher = verified({ wage: { basis: 'STATUTORY_MINIMUM' } });
    expect(code(higher.o.publish({ at: AT, actor: ACTOR, mou: higher.mou, quota: higher.quota, params: PARAMS_2026, koreaGniPerCapita: money(32_353_201, 'KRW') }))).toBe(
      'OPENING.WAGE_BELOW_E73_FLOOR',
    );
    expect(code(higher.o.publish({ at: AT, actor: ACTOR, mou: higher.mou, quota: higher.quota, params: PARAMS_2026, koreaGniPerCapita: money(0, 'KRW') }))).toBe('OPENING.WAGE_CURRENCY');
  });

  it('e73WageFloor: exact, from the parameter or the input, null before any figure is recorded', () => {
    expect(e73WageFloor(PARAMS_2026)).toEqual({
      gniPerCapita: { amount: 49_955_000, currency: 'KRW' },
      gniSource: 'e73.gniPerCapitaKrw',
      share: '0.8',
      annual: { amount: 39_964_000, currency: 'KRW' },
      monthly: { amount: 3_330_334, currency: 'KRW' },
    });
    expect(e73WageFloor(parameterSnapshot('2025-03-04'))).toBeNull();
    expect(e73WageFloor(parameterSnapshot('2025-03-04'), money(40_000_000, 'KRW'))).toMatchObject({ gniSource: 'INPUT', annual: { amount: 32_000_000 }, monthly: { amount: 2_666_667 } });
    // property: monthly is the least whole won whose twelve months reach the annual floor
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (gni) => {
        const f = e73WageFloor(PARAMS_2026, money(gni, 'KRW'))!;
        const exact = 8n * BigInt(gni); // 0.8 × gni × 10
        expect(120n * BigInt(f.monthly.amount) >= exact).toBe(true);
        expect(120n * BigInt(f.monthly.amount - 1) < exact).toBe(true);
      }),
    );
  });

  it('a closed route cannot be published on (E-7-3 pilot from 2027)', () => {
    const { o, mou } = verified({ route: 'E7_3_PILOT' });
    const q = unwrap(Quota.create({ id: uid(205), mou, occupation: 'WELDER', route: 'E7_3_PILOT', seats: 5, asOf: '2026-01-05' }));
    const r = o.publish({ at: '2027-02-01T09:00:00+07:00', actor: ACTOR, mou, quota: q, params: parameterSnapshot('2027-02-01') });
    expect(code(r)).toBe('OPENING.ROUTE_NOT_OPEN');
    expect(code(o.publish({ at: '2026-06-01T09:00:00+07:00', actor: ACTOR, mou, quota: q, params: parameterSnapshot('2026-06-01') }))).toBeUndefined();
  });
});

describe('JobOpening: filling, closing, reopening', () => {
  it('FILLED when every seat is allocated; back to OPEN when one is released', () => {
    const { quota, opening: o, mou } = openPlacementSetup(10, 2);
    const alloc = (n: number) => unwrap(quota.allocate({ candidateId: uid(900 + n), opening: o, mou, params: PARAMS_2026, at: AT, actor: ACTOR }));
    alloc(1);
    expect(code(o.markFilled({ at: AT, actor: ACTOR, quota }))).toBe('OPENING.NOT_FILLED');
    alloc(2);
    unwrap(o.markFilled({ at: AT, actor: ACTOR, quota }));
    expect(code(o.reopen({ at: AT, actor: ACTOR, quota }))).toBe('OPENING.NO_SEATS_LEFT');
    unwrap(quota.release(uid(901)));
    unwrap(o.reopen({ at: AT, actor: ACTOR, quota }));
    unwrap(o.close({ at: AT, actor: ACTOR, note: 'rekrutmen selesai' }));
    // reopening a closed opening runs the publication checks again
    expect(code(o.reopen({ at: AT, actor: ACTOR, quota }))).toBe('OPENING.CONTEXT_REQUIRED');
    unwrap(o.reopen({ at: AT, actor: ACTOR, quota, mou, params: PARAMS_2026 }));
    expect(o.history.map((h) => h.to)).toEqual(['DRAFT', 'OPEN', 'FILLED', 'OPEN', 'CLOSED', 'OPEN']);
    expect(code(o.transitionTo('DRAFT', { at: AT, actor: ACTOR }))).toBe('OPENING.INVALID_TRANSITION');
    expect(code(o.close({ at: '2026-01-01T00:00:00Z', actor: ACTOR }))).toBe('OPENING.TIME_BEFORE_LAST_TRANSITION');
    expect(JobOpening.fromSnapshot(o.toSnapshot()).toSnapshot()).toEqual(o.toSnapshot());
  });

  it('terms change only in DRAFT, and a material change clears the attaché verification', () => {
    const o = unwrap(opening());
    unwrap(o.recordAttacheVerification({ verifiedOn: '2026-02-10' }));
    unwrap(o.revise({ note: 'catatan' }));
    expect(o.verifiedByAttache).toBe(true);
    unwrap(o.revise({ seats: 6 }));
    expect([o.seats, o.verifiedByAttache]).toEqual([6, false]);
    const other = unwrap(Party.create({ id: uid(5), kind: 'EMPLOYER', name: 'Korean shipyard (example)', country: 'KR' }));
    unwrap(o.revise({ employer: other }));
    expect(o.employerPartyId).toBe(uid(5));
    expect(code(o.revise({ employer: apjatiParty() }))).toBe('OPENING.EMPLOYER_KIND');
    expect(code(o.revise({ route: 'E9' }))).toBe('OPENING.ROUTE_INCOMPATIBLE');
    expect(code(o.revise({ id: uid(9) } as never))).toBe('OPENING.NOT_EDITABLE');
    const { opening: open } = openPlacementSetup();
    expect(code(open.revise({ seats: 1 }))).toBe('OPENING.NOT_EDITABLE');
    expect(code(open.recordAttacheVerification({ verifiedOn: '2026-02-10' }))).toBe('OPENING.NOT_EDITABLE');
  });
});
