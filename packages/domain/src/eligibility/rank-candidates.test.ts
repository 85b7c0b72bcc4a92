import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import type { CandidateProfile } from './candidate-profile';
import { compareRankedCandidates, rankCandidates, type RankingCandidate } from './rank-candidates';
import { asOfArb, openingArb, pastDate, profileArb, routeArb } from './__tests__/arbitraries';
import { AS_OF, completeProfile } from './__tests__/fixtures';

const withEps = (score: number): CandidateProfile => ({ ...completeProfile(), epsTopikResults: [{ takenOn: '2025-09-01', score }] });

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('rankCandidates', () => {
  it('puts eligible candidates first, then orders by score, registration date and id', () => {
    const ranked = rankCandidates({
      route: 'E9',
      asOf: AS_OF,
      opening: { occupation: 'MANUFACTURING_WORKER' },
      candidates: [
        { id: 'banned', profile: { ...withEps(200), koreaHistory: { deported: true, entryBanned: true, priorMonthsE9: 0, priorMonthsE10: 0 } } },
        { id: 'no-test', profile: { ...completeProfile(), epsTopikResults: [] } },
        { id: 'c', profile: withEps(120), registeredOn: '2025-02-01' },
        { id: 'b', profile: withEps(120), registeredOn: '2025-01-01' },
        { id: 'a', profile: withEps(120) },
        { id: 'top', profile: withEps(190) },
      ],
    });
    expect(ranked.map((r) => [r.rank, r.id, r.selection])).toEqual([
      [1, 'top', 'ELIGIBLE'],
      [2, 'b', 'ELIGIBLE'],
      [3, 'c', 'ELIGIBLE'],
      [4, 'a', 'ELIGIBLE'],
      [5, 'no-test', 'ACTION_NEEDED'],
      [6, 'banned', 'INELIGIBLE'],
    ]);
  });

  it('scores Korean (up to 600), skill (up to 300) and readiness (up to 100) with integer arithmetic', () => {
    const [r] = rankCandidates({ route: 'E9', asOf: AS_OF, opening: { occupation: 'MANUFACTURING_WORKER' }, candidates: [{ id: 'x', profile: withEps(150) }] });
    // 600 × 150 / 200 = 450; BNSP-LSP is accepted for E-9 → 300; every departure rule passes → 100
    expect(r!.score).toEqual({ korean: 450, skill: 300, readiness: 100, total: 850 });

    const [w] = rankCandidates({ route: 'E7_3', asOf: AS_OF, opening: { occupation: 'WELDER' }, candidates: [{ id: 'w', profile: completeProfile() }] });
    // TOPIK I 150 = level 2 → 600 × 2 / 6 = 200; KOSHIPA welder → 300
    expect(w!.score).toMatchObject({ korean: 200, skill: 300, readiness: 100, total: 600 });

    const bnspWelder = { ...completeProfile(), skillVerifications: [{ occupation: 'WELDER' as const, certifier: 'BNSP_LSP' as const, testedOn: '2025-11-01', passed: true }] };
    const [v] = rankCandidates({ route: 'E7_3', asOf: AS_OF, opening: { occupation: 'WELDER' }, candidates: [{ id: 'v', profile: bnspWelder }] });
    expect(v!.score.skill).toBe(150);
    expect(v!.score.readiness).toBe(92); // 12 of 13 departure rules pass (no KOSHIPA verification): floor(1200 / 13)
  });

  it('returns an empty list for no candidates', () => {
    expect(rankCandidates({ route: 'E7_3', asOf: AS_OF, candidates: [] })).toEqual([]);
  });

  it.each([
    ['an unknown route', { route: 'E10', candidates: [] }, 'ELIGIBILITY.UNKNOWN_ROUTE'],
    ['duplicate ids', { candidates: [{ id: 'a', profile: {} }, { id: 'a', profile: {} }] }, 'RANKING.DUPLICATE_ID'],
    ['an empty id', { candidates: [{ id: ' ', profile: {} }] }, 'RANKING.INVALID_ID'],
    ['a bad registration date', { candidates: [{ id: 'a', profile: {}, registeredOn: '2025-13-01' }] }, 'RANKING.INVALID_DATE'],
    ['candidates not a list', { candidates: 'a,b' }, 'RANKING.INVALID_INPUT'],
    ['a birth date in the future', { candidates: [{ id: 'a', profile: { declaredBirthDate: '2030-01-01' } }] }, 'PROFILE.BIRTH_DATE_IN_FUTURE'],
    ['params and overlays together', { params: parameterSnapshot(AS_OF), overlays: [{ name: 'x', description: { id: 'x', en: 'x' }, values: {} }], candidates: [] }, 'ELIGIBILITY.PARAMS_AND_OVERLAYS'],
  ])('rejects %s', (_label, change, expected) => {
    expect(code(() => rankCandidates({ route: 'E9', asOf: AS_OF, candidates: [], ...(change as object) } as never))).toBe(expected);
  });

  it('prefixes the candidate position to the path of a profile error', () => {
    try {
      rankCandidates({ route: 'E9', asOf: AS_OF, candidates: [{ id: 'ok', profile: {} }, { id: 'bad', profile: { declaredBirthDate: '2030-01-01' } }] });
    } catch (e) {
      expect((e as DomainError).path).toEqual(['candidates', '1', 'profile', 'declaredBirthDate']);
    }
    expect.assertions(1);
  });
});

describe('ranking properties', () => {
  const candidatesArb = fc
    .uniqueArray(
      fc.record({ id: fc.stringMatching(/^[a-z0-9]{1,6}$/), profile: profileArb, registeredOn: fc.option(pastDate, { nil: undefined }) }),
      { selector: (c) => c.id, maxLength: 8 },
    )
    .map((cs) => cs.map((c) => (c.registeredOn === undefined ? { id: c.id, profile: c.profile } : c)) as RankingCandidate[]);
  const inputArb = fc.record({ candidates: candidatesArb, route: routeArb, asOf: asOfArb, opening: openingArb });

  it('is a total order: a permutation ranked 1..n, strictly increasing under the comparator, whatever the input order', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), ({ opening, ...input }, seed) => {
        const base = { ...input, ...(opening ? { opening } : {}) };
        const ranked = rankCandidates(base);
        expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(ranked.map((r) => r.id).sort()).toEqual(input.candidates.map((c) => c.id).sort());
        for (let i = 1; i < ranked.length; i++) expect(compareRankedCandidates(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
        // shuffle deterministically from the seed: same ranking
        const shuffled = [...input.candidates].sort((a, b) => ((a.id.charCodeAt(0) * 31 + seed) % 7) - ((b.id.charCodeAt(0) * 31 + seed) % 7) || (a.id < b.id ? 1 : -1));
        expect(rankCandidates({ ...base, candidates: shuffled }).map((r) => r.id)).toEqual(ranked.map((r) => r.id));
      }),
      { numRuns: 60 },
    );
  });

  it('puts every candidate eligible to be selected before every one who is not', () => {
    fc.assert(
      fc.property(inputArb, ({ opening, ...input }) => {
        const ranked = rankCandidates({ ...input, ...(opening ? { opening } : {}) });
        const firstNotEligible = ranked.findIndex((r) => !r.eligibleToBeSelected);
        if (firstNotEligible >= 0) expect(ranked.slice(firstNotEligible).every((r) => !r.eligibleToBeSelected)).toBe(true);
        for (const r of ranked) {
          expect(Number.isInteger(r.score.total)).toBe(true);
          expect(r.score.total).toBe(r.score.korean + r.score.skill + r.score.readiness);
          expect(r.score.total).toBeGreaterThanOrEqual(0);
          expect(r.score.total).toBeLessThanOrEqual(1000);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the comparator is antisymmetric and transitive on any triple', () => {
    const entry = fc.record({
      id: fc.stringMatching(/^[a-c]{1,2}$/),
      selection: fc.constantFrom('ELIGIBLE' as const, 'ACTION_NEEDED' as const, 'INELIGIBLE' as const),
      score: fc.integer({ min: 0, max: 3 }).map((t) => ({ total: t, korean: t, skill: 0, readiness: 0 })),
      registeredOn: fc.option(fc.constantFrom('2025-01-01', '2025-02-01'), { nil: undefined }),
    });
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        const ab = Math.sign(compareRankedCandidates(a, b));
        expect(Math.sign(compareRankedCandidates(b, a))).toBe(-ab || 0);
        if (ab === 0) expect(a.id).toBe(b.id);
        if (ab < 0 && compareRankedCandidates(b, c) < 0) expect(compareRankedCandidates(a, c)).toBeLessThan(0);
      }),
    );
  });
});
