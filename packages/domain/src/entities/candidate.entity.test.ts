import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import type { CandidateProfile, DocumentKind, DocumentRecord } from '../eligibility/candidate-profile';
import { ELIGIBILITY_RULE_IDS } from '../eligibility/rule-catalog';
import { Candidate, type CandidateSnapshot } from './candidate.entity';
import { CANDIDATE_STAGE_GATES, CANDIDATE_STAGES, CANDIDATE_TRANSITIONS } from './candidate-stage';
import { Placement } from './placement.entity';
import { releaseCandidateSeat, selectCandidate } from './select-candidate.service';
import { ACTOR, openPlacementSetup, uid, weldingOpening } from './__tests__/fixtures';

const code = (r: Result<unknown>) => (r.ok ? undefined : r.error.code);
/** 09:00 WIB on a day of 2026 (month, day). */
const at = (month: number, day: number, hour = 9) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;
const date = (month: number, day: number) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const params = (month: number, day: number) => parameterSnapshot(date(month, day));

const doc = (kind: DocumentKind, extra: Partial<DocumentRecord> = {}): DocumentRecord => ({ kind, issuedOn: '2026-03-01', verified: true, ...extra });

/** What registration needs (identity, address in Kota Serang, KTP and AK/1 card). */
function registrationProfile(): CandidateProfile {
  return {
    nik: '3673011506950001',
    declaredBirthDate: '1995-06-15',
    declaredSex: 'M',
    address: { kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' },
    education: 'SLTA',
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
    documents: [doc('KTP'), doc('AK1_CARD')],
  };
}

function register(profile: CandidateProfile = registrationProfile(), id = uid(900)): Candidate {
  return unwrap(Candidate.register({ id, profile, targetRoute: 'E7_3', targetOccupation: 'WELDER', at: at(3, 2, 8), actor: ACTOR }));
}

describe('candidate stages', () => {
  it('the gates name only rules that exist in the eligibility catalogue', () => {
    for (const ids of Object.values(CANDIDATE_STAGE_GATES)) for (const id of ids ?? []) expect(ELIGIBILITY_RULE_IDS).toContain(id);
  });

  it('every stage is reachable from REGISTERED and every exit can register again', () => {
    const seen = new Set(['REGISTERED']);
    const queue = ['REGISTERED'];
    while (queue.length > 0) for (const n of CANDIDATE_TRANSITIONS[queue.shift() as keyof typeof CANDIDATE_TRANSITIONS]) if (!seen.has(n)) seen.add(n) && queue.push(n);
    expect([...seen].sort()).toEqual([...CANDIDATE_STAGES].sort());
    for (const s of ['WITHDRAWN', 'REJECTED', 'RETURNED'] as const) expect(CANDIDATE_TRANSITIONS[s]).toEqual(['REGISTERED']);
    expect(CANDIDATE_TRANSITIONS.DEPARTED).not.toContain('WITHDRAWN');
  });
});

describe('Candidate: registration and profile', () => {
  it('registers with a validated profile and round-trips through its snapshot', () => {
    const c = register();
    const snap = c.toSnapshot();
    expect(snap).toEqual({
      id: uid(900),
      profile: registrationProfile(),
      stage: 'REGISTERED',
      targetRoute: 'E7_3',
      targetOccupation: 'WELDER',
      openingId: null,
      quotaId: null,
      externalRefs: [],
      history: [{ sequence: 1, from: null, to: 'REGISTERED', at: '2026-03-02T01:00:00.000Z', actor: ACTOR, note: null, reason: null }],
    } satisfies CandidateSnapshot);
    expect(Candidate.fromSnapshot(snap).toSnapshot()).toEqual(snap);
  });

  it('refuses an invalid NIK or profile with the profile path, and never echoes the value', () => {
    const r = Candidate.register({ id: uid(900), profile: { ...registrationProfile(), nik: '367301150695' }, at: at(3, 2), actor: ACTOR });
    expect(r.ok ? undefined : r.error.path?.[0]).toBe('profile');
    expect(r.ok ? '' : r.error.code).toMatch(/^NIK\./);
    expect(JSON.stringify(r)).not.toContain('367301150695');
    const f = Candidate.register({ id: uid(900), profile: { ...registrationProfile(), declaredBirthDate: '2027-01-01' }, at: at(3, 2), actor: ACTOR });
    expect(f.ok ? undefined : f.error.code).toBe('PROFILE.BIRTH_DATE_IN_FUTURE');
    expect(code(Candidate.register({ id: uid(900), profile: {}, targetRoute: 'E10' as never, at: at(3, 2), actor: ACTOR }))).toBe('CANDIDATE.INVALID_VALUE');
  });

  it('adds documents and external references; sets the target only while registered', () => {
    const c = register();
    unwrap(c.addDocument(doc('PASSPORT', { expiresOn: '2031-01-01' }), date(3, 3)));
    expect(c.profile.documents?.map((d) => d.kind)).toEqual(['KTP', 'AK1_CARD', 'PASSPORT']);
    expect(code(c.addDocument(doc('SKCK', { issuedOn: '2026-04-01' }), date(3, 3)))).toBe('PROFILE.DATE_IN_FUTURE');
    unwrap(c.setExternalReference('SISKOP2MI', 'CPMI-0001'));
    unwrap(c.setExternalReference('SISKOP2MI', 'CPMI-0002'));
    expect(c.toSnapshot().externalRefs).toEqual([{ system: 'SISKOP2MI', reference: 'CPMI-0002' }]);
    unwrap(c.setTarget('E7_3_PILOT', 'SHIP_PAINTER'));
    expect([c.targetRoute, c.targetOccupation]).toEqual(['E7_3_PILOT', 'SHIP_PAINTER']);
  });
});

describe('Candidate: the pipeline with eligibility gates', () => {
  it('walks REGISTERED → … → RETURNED → REGISTERED, each gate opening only when its rules pass', () => {
    const { quota, opening, mou } = openPlacementSetup(10, 5);
    const c = register();

    // selection: eligibility + seat + placement, all at once
    const sel = unwrap(selectCandidate({ candidate: c, opening, quota, mou, params: params(3, 2), placementId: uid(950), at: at(3, 2), actor: ACTOR }));
    expect(c.stage).toBe('SELECTED');
    expect([c.openingId, c.quotaId, quota.holdsSeat(c.id)]).toEqual([opening.id, quota.id, true]);
    expect(sel.report.evaluation?.verdict.eligibleToBeSelected).toBe(true);
    expect(sel.placement.status).toBe('ALLOCATED');

    const ctx = (month: number, day: number) => ({ at: at(month, day), actor: ACTOR, opening, quota, params: params(month, day) });
    unwrap(c.advance('TRAINING', ctx(3, 3)));
    unwrap(c.advance('TESTING', ctx(5, 30)));

    // the tests: KOSHIPA skill verification is missing
    const noSkill = c.advance('MEDICAL', ctx(6, 1));
    expect(code(noSkill)).toBe('CANDIDATE.GATE_NOT_MET');
    expect(noSkill.ok ? undefined : noSkill.error.details).toEqual({ stage: 'MEDICAL', ruleIds: 'e73.skillVerification' });
    expect(c.stage).toBe('TESTING');
    unwrap(
      c.updateProfile(
        { ...c.profile, skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G (X-ray)', testedOn: '2026-05-31', passed: true }] },
        date(6, 1),
      ),
    );
    unwrap(c.advance('MEDICAL', ctx(6, 1)));

    // medical: fit + certificate
    expect(code(c.advance('PLACEMENT_AGREEMENT', ctx(6, 5)))).toBe('CANDIDATE.GATE_NOT_MET');
    unwrap(c.updateProfile({ ...c.profile, medical: { examinedOn: '2026-06-04', physicallyFit: true, psychologicallyFit: true } }, date(6, 5)));
    unwrap(c.addDocument(doc('MEDICAL_PSYCHOLOGICAL_CERTIFICATE', { issuedOn: '2026-06-04' }), date(6, 5)));
    unwrap(c.advance('PLACEMENT_AGREEMENT', ctx(6, 5)));

    // placement agreement legalised (verified) by Disnaker
    unwrap(c.addDocument(doc('PLACEMENT_AGREEMENT', { issuedOn: '2026-06-10', verified: false }), date(6, 10)));
    expect(code(c.advance('EMPLOYMENT_CONTRACT', ctx(6, 10)))).toBe('CANDIDATE.GATE_NOT_MET');
    unwrap(c.addDocument(doc('PLACEMENT_AGREEMENT', { issuedOn: '2026-06-10' }), date(6, 10)));
    unwrap(c.advance('EMPLOYMENT_CONTRACT', ctx(6, 10)));

    unwrap(c.addDocument(doc('EMPLOYMENT_CONTRACT', { issuedOn: '2026-06-15' }), date(6, 15)));
    expect(code(c.advance('VISA', ctx(6, 15)))).toBe('CANDIDATE.GATE_NOT_MET'); // no passport yet
    unwrap(c.addDocument(doc('PASSPORT', { issuedOn: '2026-06-15', expiresOn: '2031-06-14' }), date(6, 15)));
    unwrap(c.advance('VISA', ctx(6, 15)));

    unwrap(c.addDocument(doc('WORK_VISA', { issuedOn: '2026-07-01', expiresOn: '2029-07-01' }), date(7, 1)));
    unwrap(c.advance('ORIENTATION', ctx(7, 1)));

    // departure: every rule must pass (BPJS, family consent, remaining Pasal 13 documents, …)
    const notReady = c.advance('DEPARTED', ctx(7, 10));
    expect(code(notReady)).toBe('CANDIDATE.NOT_READY_TO_DEPART');
    unwrap(
      c.updateProfile(
        {
          ...c.profile,
          bpjsNumber: '12345678901',
          familyConsent: { givenBy: 'PARENT', givenOn: '2026-07-05', acknowledgedByVillageHead: true },
          documents: [
            ...(c.profile.documents ?? []),
            doc('KK'),
            doc('MARITAL_STATUS_CERTIFICATE'),
            doc('FAMILY_CONSENT', { issuedOn: '2026-07-05' }),
            doc('COMPETENCY_CERTIFICATE', { issuedOn: '2026-05-31' }),
            doc('SKCK', { issuedOn: '2026-07-05', expiresOn: '2027-01-05' }),
          ],
        },
        date(7, 10),
      ),
    );
    expect(code(c.advance('DEPARTED', { ...ctx(7, 10), opening: weldingOpening(mou, 5, uid(399)) }))).toBe('CANDIDATE.OPENING_MISMATCH');
    const departed = unwrap(c.advance('DEPARTED', ctx(7, 10)));
    expect(departed.evaluation?.verdict.readyToDepart).toBe(true);
    unwrap(sel.placement.recordDeparture({ on: date(7, 10), at: at(7, 10), actor: ACTOR }));

    unwrap(c.advance('PLACED', { at: at(7, 12), actor: ACTOR }));
    unwrap(sel.placement.recordStartOfWork({ on: date(7, 12), at: at(7, 12), actor: ACTOR }));
    expect(sel.placement.expectedEndOn).toBe('2028-07-12');
    expect(code(c.advance('WITHDRAWN', { at: at(8, 1), actor: ACTOR, note: 'x' }))).toBe('CANDIDATE.INVALID_TRANSITION');
    unwrap(c.advance('RETURNED', { at: at(8, 1), actor: ACTOR, note: 'pulang lebih awal' }));
    unwrap(c.registerAgain({ at: at(8, 2), actor: ACTOR }));
    expect([c.stage, c.openingId, c.quotaId]).toEqual(['REGISTERED', null, null]);

    expect(c.history.map((h) => h.to)).toEqual([
      'REGISTERED',
      'SELECTED',
      'TRAINING',
      'TESTING',
      'MEDICAL',
      'PLACEMENT_AGREEMENT',
      'EMPLOYMENT_CONTRACT',
      'VISA',
      'ORIENTATION',
      'DEPARTED',
      'PLACED',
      'RETURNED',
      'REGISTERED',
    ]);
    // time in each stage is derivable from the history
    const periods = unwrap(c.stagePeriods(at(8, 3)));
    const day = 86_400_000;
    expect(periods.find((p) => p.status === 'TRAINING')!.durationMs).toBe(88 * day); // 3 Mar → 30 May
    expect(periods.find((p) => p.status === 'PLACED')!.durationMs).toBe(20 * day); // 12 Jul → 1 Aug
    expect(periods[periods.length - 1]).toEqual({ status: 'REGISTERED', from: '2026-08-02T02:00:00.000Z', until: null, durationMs: day });
    expect(code(c.stagePeriods(at(8, 1)))).toBe('CANDIDATE.TIME_BEFORE_LAST_TRANSITION');
    expect(Candidate.fromSnapshot(c.toSnapshot()).toSnapshot()).toEqual(c.toSnapshot());
    expect(Placement.fromSnapshot(sel.placement.toSnapshot()).toSnapshot()).toEqual(sel.placement.toSnapshot());
  });

  it('selection refuses an ineligible candidate and leaves the seat free', () => {
    const { quota, opening, mou } = openPlacementSetup();
    const outsider = register({ ...registrationProfile(), address: { kecamatan: 'Cikande', city: 'Kabupaten Serang', source: 'KTP' } });
    const r = selectCandidate({ candidate: outsider, opening, quota, mou, params: params(3, 2), placementId: uid(950), at: at(3, 2), actor: ACTOR });
    expect(code(r)).toBe('CANDIDATE.NOT_ELIGIBLE');
    expect(r.ok ? undefined : r.error.details?.['selection']).toBe('INELIGIBLE');
    expect([outsider.stage, quota.allocated]).toEqual(['REGISTERED', 0]);
    // missing registration documents are actions, not a rejection
    const noAk1 = register({ ...registrationProfile(), documents: [doc('KTP')] }, uid(901));
    const m = selectCandidate({ candidate: noAk1, opening, quota, mou, params: params(3, 2), placementId: uid(951), at: at(3, 2), actor: ACTOR });
    expect(m.ok ? undefined : m.error.details?.['selection']).toBe('ACTION_NEEDED');
  });

  it('selection refuses when the quota is exhausted, and a candidate who is already selected', () => {
    const { quota, opening, mou } = openPlacementSetup(1, 1);
    const a = register(registrationProfile(), uid(900));
    const b = register(registrationProfile(), uid(901));
    unwrap(selectCandidate({ candidate: a, opening, quota, mou, params: params(3, 2), placementId: uid(950), at: at(3, 2), actor: ACTOR }));
    const r = selectCandidate({ candidate: b, opening, quota, mou, params: params(3, 2), placementId: uid(951), at: at(3, 2), actor: ACTOR });
    expect(code(r)).toBe('QUOTA.EXHAUSTED');
    expect(b.stage).toBe('REGISTERED');
    expect(code(selectCandidate({ candidate: a, opening, quota, mou, params: params(3, 2), placementId: uid(952), at: at(3, 2), actor: ACTOR }))).toBe(
      'CANDIDATE.INVALID_TRANSITION',
    );
  });

  it('the SELECTED gate needs the seat, the opening open, and parameters of the same day', () => {
    const { quota, opening } = openPlacementSetup();
    const c = register();
    expect(code(c.advance('SELECTED', { at: at(3, 2), actor: ACTOR, opening, quota, params: params(3, 2) }))).toBe('CANDIDATE.NO_SEAT');
    expect(code(c.advance('SELECTED', { at: at(3, 2), actor: ACTOR, opening, quota, params: params(3, 1) }))).toBe('CANDIDATE.PARAMS_DATE_MISMATCH');
    expect(code(c.advance('SELECTED', { at: at(3, 2), actor: ACTOR, quota, params: params(3, 2) }))).toBe('CANDIDATE.CONTEXT_REQUIRED');
    expect(code(c.advance('TRAINING', { at: at(3, 2), actor: ACTOR }))).toBe('CANDIDATE.INVALID_TRANSITION');
    expect(c.stage).toBe('REGISTERED');
  });

  it('a release with a reason code: the code on the history, its label as the placement note; a wrong code releases nothing', () => {
    const { quota, opening, mou } = openPlacementSetup(2, 2);
    const c = register();
    const { placement } = unwrap(selectCandidate({ candidate: c, opening, quota, mou, params: params(3, 2), placementId: uid(951), at: at(3, 2), actor: ACTOR }));
    expect(code(releaseCandidateSeat({ candidate: c, quota, placement, to: 'REJECTED', at: at(3, 5), actor: ACTOR, note: null, reason: 'COST' }))).toBe(
      'CANDIDATE.EXIT_REASON_MISMATCH',
    );
    expect([c.stage, quota.allocated, placement.status]).toEqual(['SELECTED', 1, 'ALLOCATED']);
    unwrap(releaseCandidateSeat({ candidate: c, quota, placement, to: 'REJECTED', at: at(3, 5), actor: ACTOR, note: null, reason: 'MEDICAL_UNFIT' }));
    expect(c.history[c.history.length - 1]).toMatchObject({ to: 'REJECTED', reason: 'MEDICAL_UNFIT', note: null });
    const cancel = placement.toSnapshot().history.at(-1)!;
    expect([placement.status, quota.allocated, cancel.note]).toEqual(['CANCELLED', 0, 'Tidak sehat (pemeriksaan kesehatan atau psikologi) / Medically unfit (medical or psychological examination)']);
  });

  it('withdrawal releases the seat and cancels the placement, all or nothing', () => {
    const { quota, opening, mou } = openPlacementSetup(2, 2);
    const c = register();
    const { placement } = unwrap(selectCandidate({ candidate: c, opening, quota, mou, params: params(3, 2), placementId: uid(950), at: at(3, 2), actor: ACTOR }));
    expect(code(releaseCandidateSeat({ candidate: c, quota, placement, to: 'WITHDRAWN', at: at(3, 5), actor: ACTOR, note: '' }))).toBe('CANDIDATE.NOTE_REQUIRED');
    expect([c.stage, quota.allocated, placement.status]).toEqual(['SELECTED', 1, 'ALLOCATED']);
    unwrap(releaseCandidateSeat({ candidate: c, quota, placement, to: 'WITHDRAWN', at: at(3, 5), actor: ACTOR, note: 'alasan keluarga' }));
    expect([c.stage, quota.allocated, placement.status, placement.toSnapshot().cancelledOn]).toEqual(['WITHDRAWN', 0, 'CANCELLED', '2026-03-05']);
    expect(code(releaseCandidateSeat({ candidate: c, quota, placement, to: 'REJECTED', at: at(3, 6), actor: ACTOR, note: 'x' }))).toBe(
      'CANDIDATE.INVALID_TRANSITION',
    );
    // the same person can register again and be selected again
    unwrap(c.registerAgain({ at: at(3, 7), actor: ACTOR }));
    unwrap(selectCandidate({ candidate: c, opening, quota, mou, params: params(3, 7), placementId: uid(951), at: at(3, 7), actor: ACTOR }));
    expect(quota.allocated).toBe(1);
  });
});

describe('Candidate: property — stage history follows the machine; a seat is held exactly while it should be', () => {
  function readyProfile(): CandidateProfile {
    const documents: DocumentRecord[] = [
      doc('KTP'),
      doc('AK1_CARD'),
      doc('KK'),
      doc('MARITAL_STATUS_CERTIFICATE'),
      doc('FAMILY_CONSENT'),
      doc('COMPETENCY_CERTIFICATE'),
      doc('MEDICAL_PSYCHOLOGICAL_CERTIFICATE'),
      doc('PASSPORT', { expiresOn: '2031-01-01' }),
      doc('SKCK', { expiresOn: '2027-12-31' }),
      doc('WORK_VISA', { expiresOn: '2029-01-01' }),
      doc('PLACEMENT_AGREEMENT'),
      doc('EMPLOYMENT_CONTRACT'),
    ];
    return {
      ...registrationProfile(),
      skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', testedOn: '2026-02-01', passed: true }],
      medical: { examinedOn: '2026-02-01', physicallyFit: true, psychologicallyFit: true },
      bpjsNumber: '12345678901',
      familyConsent: { givenBy: 'PARENT', givenOn: '2026-03-01', acknowledgedByVillageHead: true },
      documents,
    };
  }

  const paramsCache = new Map<string, ReturnType<typeof parameterSnapshot>>();
  const paramsOn = (d: string) => {
    if (!paramsCache.has(d)) paramsCache.set(d, parameterSnapshot(d));
    return paramsCache.get(d)!;
  };

  it('for any sequence of attempted moves', () => {
    const reached = new Set<string>();
    const step = fc.record({
      to: fc.constantFrom(...CANDIDATE_STAGES),
      // mostly the next stage forward (index 0), sometimes an exit, sometimes any stage at all
      pick: fc.oneof(
        { weight: 6, arbitrary: fc.constant<number | null>(0) },
        { weight: 1, arbitrary: fc.constant<number | null>(1) },
        { weight: 1, arbitrary: fc.constant<number | null>(2) },
        { weight: 1, arbitrary: fc.constant<number | null>(null) },
      ),
      days: fc.integer({ min: 0, max: 6 }),
      note: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'large' }), (steps) => {
        const { quota, opening, mou } = openPlacementSetup(3, 3);
        const c = register(readyProfile());
        let placement: Placement | undefined;
        let clock = Date.parse('2026-03-02T02:00:00.000Z');
        let n = 0;
        for (const s of steps) {
          const before = c.toSnapshot();
          const allocatedBefore = quota.allocated;
          const allowed = CANDIDATE_TRANSITIONS[before.stage];
          const to = s.pick !== null ? allowed[s.pick % allowed.length]! : s.to;
          clock += s.days * 86_400_000 + 60_000;
          const atIso = new Date(clock).toISOString();
          const day = new Date(clock + 7 * 3600_000).toISOString().slice(0, 10);
          const note = s.note ? 'alasan' : null;
          let r: Result<unknown>;
          if (to === 'SELECTED' && before.stage === 'REGISTERED') {
            const sel = selectCandidate({ candidate: c, opening, quota, mou, params: paramsOn(day), placementId: uid(2000 + n++), at: atIso, actor: ACTOR, note });
            if (sel.ok) placement = sel.value.placement;
            r = sel;
          } else if ((to === 'WITHDRAWN' || to === 'REJECTED') && before.quotaId !== null && quota.holdsSeat(c.id) && placement && ['SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION'].includes(before.stage)) {
            r = releaseCandidateSeat({ candidate: c, quota, placement, to, at: atIso, actor: ACTOR, note: note ?? '' });
          } else {
            r = c.advance(to, { at: atIso, actor: ACTOR, note, opening, quota, params: paramsOn(day) });
          }
          const after = c.toSnapshot();
          if (!CANDIDATE_TRANSITIONS[before.stage].includes(to)) expect(code(r)).toBe('CANDIDATE.INVALID_TRANSITION');
          if (!r.ok) {
            expect(after).toEqual(before);
            expect(quota.allocated).toBe(allocatedBefore);
          } else {
            expect(after.history.length).toBe(before.history.length + 1);
            expect(after.history[after.history.length - 1]).toMatchObject({ from: before.stage, to });
          }
          // while between selection and departure, the candidate holds a seat in the opening's quota
          if (['SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION', 'DEPARTED', 'PLACED'].includes(after.stage)) {
            expect(quota.holdsSeat(c.id)).toBe(true);
          }
          expect(quota.allocated).toBeLessThanOrEqual(quota.seats);
          expect(Candidate.fromSnapshot(after).toSnapshot()).toEqual(after);
          reached.add(after.stage);
        }
      }),
      { numRuns: 60 },
    );
    expect(reached.has('PLACED')).toBe(true);
    expect(reached.has('WITHDRAWN')).toBe(true);
  });
});
