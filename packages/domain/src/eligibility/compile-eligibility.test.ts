/**
 * The verdict-only path agrees with the full evaluation: for generated routes, dates, openings,
 * rule overlays and profiles (the shared arbitraries, plus dates placed on the boundaries the rules
 * test: birthdays, EPS-TOPIK validity, document and certificate expiry, the planned departure),
 * `compileEligibility(input)(profile)` gives the verdict of `evaluateEligibility({ ...input, profile })`.
 */
import fc from 'fast-check';
import { parameterSnapshot } from '../parameters';
import { DomainError } from '../shared/domain-error';
import { addMonths, type IsoDate } from '../shared/local-date';
import { ROUTES } from '../shared/vocabulary';
import type { CandidateProfile, DocumentRecord } from './candidate-profile';
import { compileEligibility, type CompileEligibilityInput } from './compile-eligibility';
import { evaluateEligibility, type EligibilityRuleOverlay } from './evaluate-eligibility';
import { rankCandidates } from './rank-candidates';
import { prepareRankingCandidates, rankCandidatesQuick } from './rank-candidates-quick';
import { prepareCandidateProfiles } from './prepared-profiles';
import { PREPARED_DEPARTURE_STATUSES, PREPARED_SELECTION_STATUSES } from './prepared-verdicts';
import { ELIGIBILITY_RULE_IDS } from './rule-catalog';
import { validateCandidateProfile } from './validate-candidate-profile';
import { asOfArb, openingArb, profileArb, routeArb } from './__tests__/arbitraries';
import { AS_OF, completeProfile, OPENING_FOR } from './__tests__/fixtures';

const addDays = (d: IsoDate, days: number): IsoDate => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
};
const yearsBefore = (d: IsoDate, years: number): IsoDate => {
  const y = Number(d.slice(0, 4)) - years;
  const md = d.slice(4);
  // 29 Feb in a non-leap year: the day before 1 Mar
  return md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}${md}`;
};
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const two = (n: number) => String(n).padStart(2, '0');

/** A NIK encoding this birth date (Kota Serang prefix), so that a NIK-derived birth date sits on the boundary too. */
const nikFor = (birth: IsoDate, female: boolean, seq: number): string =>
  `367301${two(Number(birth.slice(8, 10)) + (female ? 40 : 0))}${birth.slice(5, 7)}${birth.slice(2, 4)}${String(seq).padStart(4, '0')}`;

/** Leap days, month ends and the shared dates. */
const edgeAsOfArb = fc.constantFrom('2026-03-01', '2028-02-29', '2026-02-28', '2027-03-31', '2026-12-31', '2025-12-31');
const offsetArb = fc.integer({ min: -2, max: 2 });

interface Edges {
  readonly birthYears: number;
  readonly birthOffset: number;
  readonly nikOnly: boolean;
  readonly female: boolean;
  readonly epsOffset: number;
  readonly epsScore: number;
  readonly docKind: DocumentRecord['kind'];
  readonly docOffset: number;
  readonly docFromDeparture: boolean;
  readonly departureOffset: number;
  readonly skillOffset: number;
}

const edgesArb: fc.Arbitrary<Edges> = fc.record({
  birthYears: fc.constantFrom(17, 18, 19, 21, 30, 31, 35, 36, 39, 40, 41, 45, 46),
  birthOffset: offsetArb,
  nikOnly: fc.boolean(),
  female: fc.boolean(),
  epsOffset: offsetArb,
  epsScore: fc.constantFrom(79, 80, 81, 119, 120, 150, 200),
  docKind: fc.constantFrom('PASSPORT', 'SKCK', 'KTP', 'AK1_CARD', 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', 'FAMILY_CONSENT'),
  docOffset: offsetArb,
  docFromDeparture: fc.boolean(),
  departureOffset: fc.constantFrom(-1, 0, 1, 90),
  skillOffset: offsetArb,
});

/** Put the profile's dates on the boundaries of `asOf` (kept valid: no past event after asOf). */
function onEdges(base: CandidateProfile, asOf: IsoDate, e: Edges): CandidateProfile {
  const birth = minDate(addDays(yearsBefore(asOf, e.birthYears), e.birthOffset), asOf);
  const departure = addDays(asOf, e.departureOffset);
  const expiry = addDays(e.docFromDeparture ? departure : asOf, e.docOffset);
  const doc: DocumentRecord = { kind: e.docKind, issuedOn: minDate(addDays(asOf, -400), expiry), expiresOn: expiry, verified: true };
  const { declaredBirthDate: _b, nik: _n, declaredSex: _s, ...rest } = base;
  return {
    ...rest,
    ...(e.nikOnly ? {} : { declaredBirthDate: birth, declaredSex: e.female ? 'F' : 'M' }),
    nik: nikFor(birth, e.female, 17),
    plannedDeparture: departure,
    epsTopikResults: [...(base.epsTopikResults ?? []), { takenOn: minDate(addDays(addMonths(asOf, -24), e.epsOffset), asOf), score: e.epsScore }],
    documents: [...(base.documents ?? []), doc],
    skillVerifications: [
      ...(base.skillVerifications ?? []),
      { occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G (X-ray)', testedOn: addDays(asOf, -300), passed: true, expiresOn: addDays(asOf, e.skillOffset) },
    ],
  };
}

const overlayArb: fc.Arbitrary<EligibilityRuleOverlay | undefined> = fc.option(
  fc
    .record({ remove: fc.constantFrom(...ELIGIBILITY_RULE_IDS), add: fc.constantFrom(...ELIGIBILITY_RULE_IDS), stage: fc.constantFrom('SELECTION' as const, 'DEPARTURE' as const) })
    .map(({ remove, add, stage }) => ({ name: 'what-if', description: { id: 'uji', en: 'test' }, removeRules: [remove], addRules: [{ ruleId: add, stage }] })),
  { nil: undefined, freq: 3 },
);

const compileInputArb = (asOf: fc.Arbitrary<IsoDate>): fc.Arbitrary<CompileEligibilityInput> =>
  fc
    .record({ route: routeArb, asOf, opening: openingArb, overlay: overlayArb, margin: fc.constantFrom(0, 0, 6) })
    .map(({ opening, overlay, margin, ...rest }) => ({
      ...rest,
      ...(opening === undefined ? {} : { opening }),
      ...(overlay === undefined ? {} : { ruleOverlays: [overlay] }),
      ...(margin === 0 ? {} : { passportMarginMonths: margin }),
    }));

/**
 * Compare the compiled verdict of each valid profile with the full evaluation's, and the bulk
 * verdicts of the same profiles prepared together (`evaluatePrepared`) with both.
 */
function agree(input: CompileEligibilityInput, profiles: readonly CandidateProfile[]): void {
  const compiled = compileEligibility(input);
  const params = compiled.params;
  let compared = 0;
  const valids = profiles.flatMap((raw) => {
    const valid = validateCandidateProfile(raw, { asOf: input.asOf, params, nikCheck: 'TYPE_ONLY' });
    return valid.ok ? [valid.value] : [];
  });
  const bulk = compiled.evaluatePrepared(prepareCandidateProfiles(valids));
  expect(bulk.length).toBe(valids.length);
  for (const [row, profile] of valids.entries()) {
    const e = evaluateEligibility({ ...input, profile });
    const v = compiled(profile);
    const departure = e.results.filter((r) => r.stage === 'DEPARTURE');
    const b = bulk.verdict(row);
    expect(b).toEqual(v);
    expect([bulk.selectionOf(row), PREPARED_SELECTION_STATUSES[bulk.selection[row]!], PREPARED_DEPARTURE_STATUSES[bulk.departure[row]!], bulk.departurePassed[row]]).toEqual([
      v.selection,
      v.selection,
      v.departure,
      v.departurePassed,
    ]);
    expect({
      selection: v.selection,
      departure: v.departure,
      eligibleToBeSelected: v.eligibleToBeSelected,
      readyToDepart: v.readyToDepart,
      failing: v.failing,
      finalFailures: v.finalFailures,
      departureEvaluated: v.departureEvaluated,
      departurePassed: v.departurePassed,
    }).toEqual({
      selection: e.verdict.selection,
      departure: e.verdict.departure,
      eligibleToBeSelected: e.verdict.eligibleToBeSelected,
      readyToDepart: e.verdict.readyToDepart,
      failing: e.results.filter((r) => r.outcome !== 'pass').map((r) => r.ruleId),
      finalFailures: e.verdict.finalFailures,
      departureEvaluated: departure.length,
      departurePassed: departure.filter((r) => r.outcome === 'pass').length,
    });
    compared++;
  }
  expect(compared).toBe(valids.length);
}

describe('compileEligibility: the verdict-only path', () => {
  it('every rule of the catalog has a verdict-only twin (none falls back to the full evaluation)', () => {
    const opening = { occupation: 'WELDER' as const, extraRequirements: { minEpsTopikScore: 1, minTopikLevel: 1, minEducation: 'SD' as const, minAge: 18, maxAge: 50, skillQualification: 'FCAW' } };
    const seen = new Set<string>();
    for (const route of ROUTES) {
      const c = compileEligibility({ route, asOf: AS_OF, opening });
      expect(c.fullEvaluationRuleIds).toEqual([]);
      c.ruleIds.forEach((id) => seen.add(id));
    }
    expect([...seen].sort()).toEqual([...ELIGIBILITY_RULE_IDS].sort());
  });

  it('agrees with evaluateEligibility on generated profiles (one compiled function, several profiles in a row)', () => {
    fc.assert(fc.property(compileInputArb(asOfArb), fc.array(profileArb, { minLength: 1, maxLength: 6 }), agree), { numRuns: 400 });
  });

  it('agrees on profiles whose dates sit on the rules’ boundaries (birthdays, EPS-TOPIK validity, expiry, departure)', () => {
    const arb = edgeAsOfArb.chain((asOf) =>
      fc.tuple(compileInputArb(fc.constant(asOf)), fc.array(fc.tuple(profileArb, edgesArb).map(([p, e]) => onEdges(p, asOf, e)), { minLength: 1, maxLength: 6 })),
    );
    fc.assert(fc.property(arb, ([input, profiles]) => agree(input, profiles)), { numRuns: 500 });
  });

  it('the boundary generator reaches every outcome class of the date rules', () => {
    // not a tautology: without the boundaries most generated profiles would pass or miss these rules alike
    const outcomes = new Map<string, Set<string>>();
    fc.assert(
      fc.property(edgesArb, profileArb, (e, p) => {
        const r = evaluateEligibility({ profile: onEdges(p, AS_OF, e), route: 'E9', asOf: AS_OF, opening: OPENING_FOR.E9 });
        for (const x of r.results) {
          if (!['law.minimumAge', 'eps.ageBand', 'eps.koreanTest', 'docs.passport'].includes(x.ruleId)) continue;
          if (!outcomes.has(x.ruleId)) outcomes.set(x.ruleId, new Set());
          outcomes.get(x.ruleId)!.add(`${x.outcome}:${x.fixable}`);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
    expect([...outcomes.get('eps.ageBand')!].sort()).toEqual(['fail:false', 'fail:true', 'pass:false']);
    expect(outcomes.get('law.minimumAge')!.has('fail:true')).toBe(true);
    expect(outcomes.get('eps.koreanTest')!.has('pass:false')).toBe(true);
    expect(outcomes.get('docs.passport')!.size).toBeGreaterThanOrEqual(3);
  });

  it('uses the given snapshot and the opening’s departure', () => {
    const params = parameterSnapshot(AS_OF);
    const c = compileEligibility({ route: 'E9', asOf: AS_OF, params, opening: { occupation: 'MANUFACTURING_WORKER', plannedDeparture: '2031-01-15' } });
    expect(c.params).toBe(params);
    const v = c(completeProfile());
    expect(v.failing).toEqual(['docs.passport', 'docs.skck']);
    expect(v).toMatchObject({ selection: 'ELIGIBLE', departure: 'ACTION_NEEDED', finalFailures: [] });
    expect(compileEligibility({ route: 'E9', asOf: AS_OF, opening: OPENING_FOR.E9 })(completeProfile())).toMatchObject({ selection: 'ELIGIBLE', departure: 'READY', failing: [] });
  });

  it('refuses the inputs evaluateEligibility refuses, with the same code', () => {
    const bad: CompileEligibilityInput[] = [
      { route: 'E9', asOf: '2024-06-30' },
      { route: 'XX' as never, asOf: AS_OF },
      { route: 'E9', asOf: '2026-02-30' },
      { route: 'E9', asOf: AS_OF, opening: { occupation: 'PILOT' as never } },
      { route: 'E9', asOf: AS_OF, passportMarginMonths: -1 },
      { route: 'E9', asOf: AS_OF, params: parameterSnapshot('2026-01-01') },
      { route: 'E9', asOf: AS_OF, ruleOverlays: [{ name: 'x', description: { id: 'x', en: 'x' }, removeRules: ['no.such.rule'] }] },
    ];
    const codeOf = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
    };
    for (const input of bad) {
      const full = codeOf(() => evaluateEligibility({ ...input, profile: {} }));
      expect(full).not.toBe('none');
      expect([input, codeOf(() => compileEligibility(input))]).toEqual([input, full]);
    }
  });

  it('rankCandidatesQuick refuses a bad limit and prepared profiles that are not the candidates’', () => {
    const candidates = [
      { id: 'a', profile: completeProfile() },
      { id: 'b', profile: completeProfile() },
    ];
    const base = { route: 'E9' as const, asOf: AS_OF, opening: OPENING_FOR.E9, candidates };
    const codeOf = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other';
      }
    };
    for (const limit of [0, -1, 1.5, Number.NaN]) expect([limit, codeOf(() => rankCandidatesQuick({ ...base, limit }))]).toEqual([limit, 'RANKING.INVALID_LIMIT']);
    const reversed = prepareCandidateProfiles([candidates[1]!.profile, candidates[0]!.profile]);
    expect(codeOf(() => rankCandidatesQuick({ ...base, prepared: reversed }))).toBe('RANKING.PREPARED_MISMATCH');
    expect(codeOf(() => rankCandidatesQuick({ ...base, prepared: prepareCandidateProfiles([candidates[0]!.profile]) }))).toBe('RANKING.PREPARED_MISMATCH');
    const prepared = prepareCandidateProfiles(candidates.map((c) => c.profile));
    expect(rankCandidatesQuick({ ...base, prepared, limit: 5 }).map((r) => r.id)).toEqual(rankCandidatesQuick(base).map((r) => r.id));
    // a ranking pool checks the list once: a changed list is checked again
    expect(codeOf(() => prepareRankingCandidates([candidates[0]!, { ...candidates[1]!, id: 'a' }]))).toBe('RANKING.DUPLICATE_ID');
    const pool = prepareRankingCandidates(candidates);
    const renamed = [candidates[0]!, { ...candidates[1]!, id: 'a' }];
    expect(codeOf(() => rankCandidatesQuick({ ...base, candidates: renamed, prepared: pool }))).toBe('RANKING.DUPLICATE_ID');
    expect(codeOf(() => rankCandidatesQuick({ ...base, candidates: [candidates[0]!, { ...candidates[1]!, registeredOn: '2025-02-30' }], prepared: pool }))).toBe('RANKING.INVALID_DATE');
    expect(rankCandidatesQuick({ ...base, prepared: pool }).map((r) => r.id)).toEqual(rankCandidatesQuick(base).map((r) => r.id));
  });

  it('one preparation serves every route, date and opening', () => {
    const arb = fc.tuple(fc.array(compileInputArb(edgeAsOfArb), { minLength: 2, maxLength: 4 }), fc.array(profileArb, { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(arb, ([inputs, raw]) => {
        const params = parameterSnapshot('2026-03-01');
        const profiles = raw.flatMap((p) => {
          const v = validateCandidateProfile(p, { asOf: '2025-12-31', params, nikCheck: 'TYPE_ONLY' });
          return v.ok ? [v.value] : [];
        });
        const prepared = prepareCandidateProfiles(profiles);
        for (const input of inputs) {
          const compiled = compileEligibility(input);
          const bulk = compiled.evaluatePrepared(prepared);
          profiles.forEach((p, i) => expect(bulk.verdict(i)).toEqual(compiled(p)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rankCandidatesQuick gives the order, selection and score of rankCandidates', () => {
    const arb = fc.tuple(
      compileInputArb(asOfArb),
      fc.array(fc.record({ profile: profileArb, registeredOn: fc.option(fc.constantFrom('2025-01-01', '2025-06-01'), { nil: undefined }) }), { maxLength: 12 }),
      fc.integer({ min: 1, max: 14 }),
    );
    fc.assert(
      fc.property(arb, ([input, raw, limit]) => {
        const params = compileEligibility(input).params;
        const candidates = raw.flatMap((c, i) => {
          const valid = validateCandidateProfile(c.profile, { asOf: input.asOf, params, nikCheck: 'TYPE_ONLY' });
          return valid.ok ? [{ id: `c${i}`, profile: valid.value, ...(c.registeredOn ? { registeredOn: c.registeredOn } : {}) }] : [];
        });
        const full = rankCandidates({ ...input, params, candidates }).map(({ rank, id, selection, eligibleToBeSelected, score }) => ({ rank, id, selection, eligibleToBeSelected, score }));
        const quick = rankCandidatesQuick({ ...input, params, candidates }).map(({ rank, id, selection, eligibleToBeSelected, score }) => ({ rank, id, selection, eligibleToBeSelected, score }));
        expect(quick).toEqual(full);
        // prepared once and reused, and a page from the top: the same entries
        const prepared = prepareCandidateProfiles(candidates.map((c) => c.profile));
        const page = rankCandidatesQuick({ ...input, params, candidates, prepared, limit });
        expect(page.map(({ rank, id, selection, eligibleToBeSelected, score }) => ({ rank, id, selection, eligibleToBeSelected, score }))).toEqual(full.slice(0, limit));
        const compiled = compileEligibility({ ...input, params });
        for (const r of page) expect(r.verdict).toEqual(compiled(candidates.find((c) => c.id === r.id)!.profile));
        // a ranking pool (list checked once) gives the same ranking
        const pool = prepareRankingCandidates(candidates);
        expect(rankCandidatesQuick({ ...input, params, candidates, prepared: pool }).map(({ rank, id, selection, eligibleToBeSelected, score }) => ({ rank, id, selection, eligibleToBeSelected, score }))).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });
});
