import { DomainError } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters';
import { withParameterSources } from '../sources';
import type { CandidateProfile } from './candidate-profile';
import { evaluateEligibility } from './evaluate-eligibility';
import { ELIGIBILITY_RULES } from './rule-catalog';
import { ELIGIBILITY_RULE_SETS } from './rule-sets';
import { AS_OF, completeProfile, evaluate, resultOf } from './__tests__/fixtures';

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('evaluateEligibility: verdicts', () => {
  it.each(['E9', 'E7_3', 'E7_3_PILOT'] as const)('a complete profile is eligible and ready to depart on %s', (route) => {
    const e = evaluate(completeProfile(), route);
    expect(e.results.filter((r) => r.outcome !== 'pass').map((r) => [r.ruleId, r.code])).toEqual([]);
    expect(e.verdict).toMatchObject({ selection: 'ELIGIBLE', departure: 'READY', eligibleToBeSelected: true, readyToDepart: true, finalFailures: [] });
    expect(e.checklist).toEqual([]);
    expect(e.verdict.summary.en).toBe('Eligible and ready to depart.');
  });

  it('E-8 is suspended: the route fails and cannot be fixed, yet every action is still listed', () => {
    const p = { ...completeProfile(), bpjsNumber: undefined } as CandidateProfile;
    const e = evaluate(p, 'E8');
    expect(e.routeStatus.status).toBe('SUSPENDED');
    expect(e.verdict).toMatchObject({ selection: 'INELIGIBLE', departure: 'INELIGIBLE', finalFailures: ['route.open'] });
    expect(e.checklist.map((c) => c.key)).toEqual(['law.socialSecurity']);
  });

  it('late documents (visa, placement agreement, contract) are actions before departure, not a rejection', () => {
    const p = { ...completeProfile(), documents: completeProfile().documents!.filter((d) => !['WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT'].includes(d.kind)) };
    const e = evaluate(p, 'E7_3');
    expect(e.verdict).toMatchObject({ selection: 'ELIGIBLE', departure: 'ACTION_NEEDED', eligibleToBeSelected: true, readyToDepart: false });
    expect(e.checklist.map((c) => [c.key, c.stage, c.kind])).toEqual([
      ['docs.workVisa', 'DEPARTURE', 'OBTAIN'],
      ['docs.placementAgreement', 'DEPARTURE', 'OBTAIN'],
      ['docs.employmentContract', 'DEPARTURE', 'OBTAIN'],
    ]);
    expect(e.verdict.summary.en).toBe('Eligible to be selected; 3 action(s) before departure.');
  });

  it('E-7-3: tests and the medical come after selection (DOMAIN.md §7)', () => {
    const p = { ...completeProfile(), skillVerifications: undefined, medical: undefined } as CandidateProfile;
    const e = evaluate(p, 'E7_3');
    expect(e.verdict.selection).toBe('ELIGIBLE');
    expect(resultOf(e, 'e73.skillVerification')).toMatchObject({ outcome: 'missing', stage: 'DEPARTURE' });
  });

  it('E-9: a missing EPS-TOPIK keeps the candidate from selection (action needed), a final fail rejects', () => {
    const missing = evaluate({ ...completeProfile(), epsTopikResults: [] }, 'E9');
    expect(missing.verdict.selection).toBe('ACTION_NEEDED');
    expect(missing.checklist[0]).toMatchObject({ key: 'korean.epsTopik', stage: 'SELECTION' });
    const rejected = evaluate({ ...completeProfile(), criminalRecord: { everImprisoned: true } }, 'E9');
    expect(rejected.verdict).toMatchObject({ selection: 'INELIGIBLE', finalFailures: ['eps.criminalRecord'] });
  });

  it('an empty profile is ACTION_NEEDED, with every rule missing except the route', () => {
    const e = evaluateEligibility({ profile: {}, route: 'E9', asOf: AS_OF });
    expect(e.verdict.selection).toBe('ACTION_NEEDED');
    expect(e.results.filter((r) => r.outcome === 'pass').map((r) => r.ruleId)).toEqual(['route.open']);
    expect(e.results.filter((r) => r.outcome === 'fail')).toEqual([]);
  });

  it('skips the opening rules when there is no opening, and reports why', () => {
    const e = evaluateEligibility({ profile: completeProfile(), route: 'E7_3', asOf: AS_OF });
    expect(e.skipped.map((s) => s.ruleId)).toEqual([
      'route.occupation',
      'opening.ageRange',
      'opening.minEducation',
      'opening.minEpsTopikScore',
      'opening.minTopikLevel',
      'opening.skillQualification',
    ]);
    expect(e.occupation).toBeUndefined();
    // without an opening, a skill verification for any of the route's sectors counts
    expect(resultOf(e, 'e73.skillVerification').outcome).toBe('pass');
  });

  it('lists the parameters it read by id, with their values and effective dates (sources through the sources entry)', () => {
    const e = evaluate(completeProfile(), 'E9');
    expect(e.parameters.map((p) => p.id)).toEqual([
      'eps.ageBand',
      'eps.maxPriorMonthsInKorea',
      'eps.minEducation',
      'eps.topikMaxScore',
      'eps.topikMinScore',
      'eps.topikValidityMonths',
      'law.minimumAge',
      'routes.status',
    ]);
    const params = parameterSnapshot(AS_OF);
    for (const p of e.parameters) {
      expect(p).toEqual(params.describe(p.id));
      expect(p).not.toHaveProperty('sources');
      expect(withParameterSources(p).sources.length).toBeGreaterThan(0);
    }
    expect(e.ruleSet).toMatchObject({ id: 'E9@2025-01-01', effectiveFrom: '2025-01-01', executor: 'KP2MI_G2G' });
  });

  it('does not change its input', () => {
    const p = completeProfile();
    const copy = JSON.parse(JSON.stringify(p));
    evaluate(p, 'E9');
    expect(p).toEqual(copy);
  });
});

describe('evaluateEligibility: overlays ("what-if")', () => {
  const forty = { ...completeProfile(), nik: '3673011506850001', declaredBirthDate: '1985-06-15' };

  it('a parameter overlay changes the threshold without editing the base', () => {
    expect(resultOf(evaluate(forty, 'E9'), 'eps.ageBand').outcome).toBe('fail');
    const overlay = { name: 'age-band-18-40', description: { id: 'Rentang usia 18–40', en: 'Age band 18–40' }, values: { 'eps.ageBand': { min: 18, max: 40 } } };
    const e = evaluate(forty, 'E9', { overlays: [overlay] });
    expect(resultOf(e, 'eps.ageBand').outcome).toBe('pass');
    expect(e.overlays).toEqual(['age-band-18-40']);
    expect(e.parameters.find((p) => p.id === 'eps.ageBand')?.overlaidBy).toBe('age-band-18-40');
    expect(resultOf(evaluate(forty, 'E9'), 'eps.ageBand').outcome).toBe('fail');
  });

  it('a rule overlay removes a rule or moves it to another stage', () => {
    const outside = { ...completeProfile(), address: { kecamatan: 'Cikande', city: 'Kab. Serang' } };
    expect(evaluate(outside, 'E9').verdict.selection).toBe('INELIGIBLE');
    const waive = { name: 'partner-regency', description: { id: 'Warga Kab. Serang ikut', en: 'Kab. Serang residents included' }, removeRules: ['city.residency'] };
    const e = evaluate(outside, 'E9', { ruleOverlays: [waive] });
    expect(e.verdict.selection).toBe('ELIGIBLE');
    expect(e.results.some((r) => r.ruleId === 'city.residency')).toBe(false);

    const noVisa = { ...completeProfile(), documents: completeProfile().documents!.filter((d) => d.kind !== 'WORK_VISA') };
    const strict = { name: 'visa-first', description: { id: 'Visa dulu', en: 'Visa first' }, addRules: [{ ruleId: 'docs.workVisa', stage: 'SELECTION' as const }] };
    expect(evaluate(noVisa, 'E9', { ruleOverlays: [strict] }).verdict.selection).toBe('ACTION_NEEDED');
    expect(evaluate(noVisa, 'E9').verdict.selection).toBe('ELIGIBLE');
  });

  it('the base rule sets are frozen data', () => {
    expect(Object.isFrozen(ELIGIBILITY_RULE_SETS)).toBe(true);
    for (const versions of Object.values(ELIGIBILITY_RULE_SETS)) {
      for (const def of Object.values(versions)) {
        if (!def) continue;
        for (const entry of def.entries) expect(ELIGIBILITY_RULES[entry.ruleId]).toBeDefined();
        expect(new Set(def.entries.map((x) => x.ruleId)).size).toBe(def.entries.length);
      }
    }
  });
});

describe('evaluateEligibility: bad input', () => {
  it.each([
    ['an unknown route', { route: 'E7_4' }, 'ELIGIBILITY.UNKNOWN_ROUTE', ['route']],
    ['an invalid as-of date', { asOf: '01-03-2026' }, 'DATE.INVALID', ['asOf']],
    ['a birth date in the future', { profile: { declaredBirthDate: '2027-01-01' } }, 'PROFILE.BIRTH_DATE_IN_FUTURE', ['profile', 'declaredBirthDate']],
    ['a negative score', { profile: { epsTopikResults: [{ takenOn: '2025-01-01', score: -1 }] } }, 'PROFILE.NEGATIVE_VALUE', ['profile', 'epsTopikResults', '0', 'score']],
    ['an unknown occupation', { opening: { occupation: 'ASTRONAUT' } }, 'ELIGIBILITY.UNKNOWN_OCCUPATION', ['opening', 'occupation']],
    ['a TOPIK level of 7', { opening: { occupation: 'WELDER', extraRequirements: { minTopikLevel: 7 } } }, 'ELIGIBILITY.INVALID_OPENING', ['opening', 'extraRequirements', 'minTopikLevel']],
    ['min age above max age', { opening: { occupation: 'WELDER', extraRequirements: { minAge: 30, maxAge: 25 } } }, 'ELIGIBILITY.INVALID_OPENING', ['opening', 'extraRequirements', 'maxAge']],
    ['a negative passport margin', { passportMarginMonths: -1 }, 'ELIGIBILITY.INVALID_MARGIN', ['passportMarginMonths']],
    ['an unknown rule in an overlay', { ruleOverlays: [{ name: 'x', description: { id: 'x', en: 'x' }, removeRules: ['law.noSuchRule'] }] }, 'ELIGIBILITY.UNKNOWN_RULE', ['ruleOverlays', '0', 'removeRules']],
    ['a snapshot taken on another date', { params: parameterSnapshot('2026-01-01') }, 'ELIGIBILITY.SNAPSHOT_DATE_MISMATCH', ['params', 'asOf']],
    ['a date before the rule set (E-9 before the 2025 round)', { asOf: '2024-12-31' }, 'ELIGIBILITY.BEFORE_COVERAGE', ['asOf']],
  ])('%s → %s', (_label, change, code, path) => {
    const e = thrown(() => evaluateEligibility({ profile: {}, route: 'E9', asOf: AS_OF, ...(change as object) } as never));
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
    expect(e.messages.id.length).toBeGreaterThan(0);
    expect(e.messages.en.length).toBeGreaterThan(0);
  });

  it('a 15-digit NIK is a fixable rule failure with a stable code, not an exception', () => {
    const e = evaluateEligibility({ profile: { nik: '367301150695001' }, route: 'E9', asOf: AS_OF });
    expect(resultOf(e, 'identity.nik')).toMatchObject({ outcome: 'fail', code: 'NIK.INVALID_LENGTH', fixable: true });
    expect(JSON.stringify(e)).not.toContain('367301150695001');
  });

  it('rejects a non-object input', () => {
    expect(thrown(() => evaluateEligibility(null as never)).code).toBe('ELIGIBILITY.INVALID_INPUT');
  });
});
