/** Invariants of the eligibility engine, checked with fast-check. */
import fc from 'fast-check';
import type { CandidateProfile } from './candidate-profile';
import { evaluateEligibility, type EligibilityEvaluation, type EvaluateEligibilityInput } from './evaluate-eligibility';
import { CANDIDATE_PROFILE_FIELDS } from './candidate-profile';
import { asOfArb, openingArb, profileArb, profileField, routeArb } from './__tests__/arbitraries';

const inputArb: fc.Arbitrary<EvaluateEligibilityInput> = fc
  .record({ profile: profileArb, route: routeArb, asOf: asOfArb, opening: openingArb })
  .map(({ opening, ...rest }) => (opening === undefined ? rest : { ...rest, opening }));

const RUNS = { numRuns: 150 };

function actionable(e: EligibilityEvaluation) {
  return e.results.filter((r) => r.outcome === 'missing' || (r.outcome === 'fail' && r.fixable));
}

describe('eligibility properties', () => {
  it('is deterministic: the same input (or a deep copy of it) gives the same evaluation', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = evaluateEligibility(input);
        const b = evaluateEligibility(JSON.parse(JSON.stringify(input)) as EvaluateEligibilityInput);
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('every missing and every fixable fail yields a checklist item, and nothing else does', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluateEligibility(input);
        const listed = e.checklist.flatMap((c) => c.ruleIds);
        const expected = actionable(e).map((r) => r.ruleId);
        expect([...listed].sort()).toEqual([...expected].sort());
        for (const r of e.results.filter((x) => x.outcome === 'missing')) expect(r.action?.message.en.length).toBeGreaterThan(0);
        for (const c of e.checklist) {
          expect(c.message.id.length).toBeGreaterThan(0);
          expect(c.message.en.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('the verdict follows from the results', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluateEligibility(input);
        const final = e.results.filter((r) => r.outcome === 'fail' && !r.fixable);
        const selectionOpen = e.results.filter((r) => r.stage === 'SELECTION' && r.outcome !== 'pass');
        expect(e.verdict.finalFailures).toEqual(final.map((r) => r.ruleId));
        expect(e.verdict.eligibleToBeSelected).toBe(final.length === 0 && selectionOpen.length === 0);
        expect(e.verdict.readyToDepart).toBe(e.results.every((r) => r.outcome === 'pass'));
        if (e.verdict.readyToDepart) expect(e.verdict.eligibleToBeSelected).toBe(true);
        if (e.routeStatus.status !== 'OPEN') expect(e.verdict.selection).toBe('INELIGIBLE');
        expect(e.results.length + e.skipped.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('adding a missing field never turns a pass into missing', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...CANDIDATE_PROFILE_FIELDS), fc.integer(), (input, field, seed) => {
        fc.pre(input.profile[field] === undefined);
        const value = fc.sample(profileField[field] as fc.Arbitrary<unknown>, { numRuns: 1, seed })[0];
        const richer = { ...input.profile, [field]: value } as CandidateProfile;
        const before = evaluateEligibility(input);
        const after = evaluateEligibility({ ...input, profile: richer });
        for (const r of before.results) {
          if (r.outcome !== 'pass') continue;
          const now = after.results.find((x) => x.ruleId === r.ruleId);
          expect([r.ruleId, now?.outcome === 'missing']).toEqual([r.ruleId, false]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a planned departure (read by several document rules) never turns a pass into missing', () => {
    fc.assert(
      fc.property(inputArb, profileField.plannedDeparture, (input, plannedDeparture) => {
        const { plannedDeparture: _drop, ...profile } = input.profile;
        const before = evaluateEligibility({ ...input, profile });
        const after = evaluateEligibility({ ...input, profile: { ...profile, plannedDeparture } });
        for (const r of before.results.filter((x) => x.outcome === 'pass')) {
          expect([r.ruleId, after.results.find((x) => x.ruleId === r.ruleId)?.outcome === 'missing']).toEqual([r.ruleId, false]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never echoes the NIK in the evaluation', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.profile.nik !== undefined);
        expect(JSON.stringify(evaluateEligibility(input))).not.toContain(input.profile.nik!);
      }),
      { numRuns: 80 },
    );
  });
});
