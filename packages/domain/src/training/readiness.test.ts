import { isDomainError } from '../shared/domain-error';
import { assessReadiness, koreanRequirement, type ReadinessInput } from './readiness';
import { params, uid } from './__tests__/fixtures';

const course = { courseId: uid(20), title: { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' }, courseKind: 'KOREAN_LANGUAGE' as const, status: 'ENROLLED' as const, endDate: '2027-01-31' };
const base: ReadinessInput = { asOf: '2026-12-02', route: 'E9', params, practiceScores: [], courses: [course], nextOfficialTestDate: '2027-02-14' };

const thrownCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
  return 'NONE';
};

describe('Korean requirement from the rule sets and parameters', () => {
  it('reads the route’s rule and thresholds', () => {
    expect(koreanRequirement('E9', '2026-12-02', params)).toMatchObject({ kind: 'EPS_TOPIK', minScore: params.get('eps.topikMinScore'), maxScore: 200, ruleIds: ['eps.koreanTest'] });
    expect(koreanRequirement('E7_3_PILOT', '2026-12-02', params)).toMatchObject({ kind: 'TOPIK_LEVEL', minLevel: params.get('e73pilot.minTopikLevel') });
    expect(koreanRequirement('E7_3', '2026-12-02', params)).toBeNull();
    expect(koreanRequirement('E7_3', '2026-12-02', params, { minTopikLevel: 2 })).toMatchObject({ kind: 'TOPIK_LEVEL', minLevel: 2, ruleIds: ['opening.minTopikLevel'] });
    expect(koreanRequirement('E9', '2026-12-02', params, { minEpsTopikScore: 120 })).toMatchObject({ minScore: 120, ruleIds: ['eps.koreanTest', 'opening.minEpsTopikScore'] });
  });
});

describe('readiness', () => {
  it('compares the latest practice score (not the best) with the requirement, with a bilingual checklist', () => {
    const r = assessReadiness({
      ...base,
      practiceScores: [
        { test: 'EPS_TOPIK', takenOn: '2026-11-01', score: 95 },
        { test: 'EPS_TOPIK', takenOn: '2026-11-20', score: 70 },
        { test: 'TOPIK_I', takenOn: '2026-11-25', score: 150 },
      ],
    });
    expect(r).toMatchObject({ status: 'BELOW_TARGET', gap: 10, latestPractice: { takenOn: '2026-11-20', score: 70 }, nextOfficialTestDate: '2027-02-14', courseEndsAfterTest: false });
    expect(r.checklist.map((i) => [i.kind, i.dueBy])).toEqual([
      ['FINISH_COURSE', '2027-01-31'],
      ['PRACTISE', undefined],
      ['SIT_TEST', '2027-02-14'],
    ]);
    expect(r.checklist[0]!.message).toEqual({ id: 'Selesaikan kursus Bahasa Korea EPS-TOPIK (berakhir 2027-01-31).', en: 'Finish the course Korean for EPS-TOPIK (ends on 2027-01-31).' });
    expect(r.checklist[2]!.message.en).toBe('Sit EPS-TOPIK by 2027-02-14 (EPS-TOPIK of at least 80 out of 200).');
  });

  it('is on track at the threshold, and warns when the course ends after the test', () => {
    const r = assessReadiness({ ...base, nextOfficialTestDate: '2027-01-20', practiceScores: [{ test: 'EPS_TOPIK', takenOn: '2026-11-20', score: 80 }] });
    expect(r).toMatchObject({ status: 'ON_TRACK', gap: 0, courseEndsAfterTest: true });
    expect(r.checklist.map((i) => i.kind)).toEqual(['FINISH_COURSE', 'SIT_TEST']);
    expect(r.checklist[1]!.message.en).toMatch(/ends after this date/);
  });

  it('turns TOPIK and pilot practice into levels for the pilot route', () => {
    const r = assessReadiness({ ...base, route: 'E7_3_PILOT', nextOfficialTestDate: null, practiceScores: [{ test: 'TOPIK_I', takenOn: '2026-11-20', score: 79 }] });
    expect(r).toMatchObject({ status: 'BELOW_TARGET', gap: 1, latestPractice: { level: 0 } });
    expect(r.checklist.find((i) => i.kind === 'SIT_TEST')).toMatchObject({ message: { en: 'Sit the next Korean test (Korean at TOPIK level 1 or above); its date is not announced yet.' } });
    const p = assessReadiness({ ...base, route: 'E7_3_PILOT', practiceScores: [{ test: 'PILOT_KOREAN', takenOn: '2026-11-21', score: 1 }] });
    expect(p.status).toBe('ON_TRACK');
  });

  it('reports no practice score, no requirement, and an official result already met', () => {
    expect(assessReadiness(base).status).toBe('NO_PRACTICE_SCORE');
    expect(assessReadiness({ ...base, route: 'E7_3' })).toMatchObject({ status: 'NO_REQUIREMENT', checklist: [{ kind: 'FINISH_COURSE' }] });
    const met = assessReadiness({ ...base, profile: { epsTopikResults: [{ takenOn: '2026-05-01', score: 150 }] } });
    expect(met.status).toBe('ALREADY_MET');
    expect(met.checklist.some((i) => i.kind === 'SIT_TEST')).toBe(false);
  });

  it('refuses a past test date and a practice score off the official scale', () => {
    expect(thrownCode(() => assessReadiness({ ...base, nextOfficialTestDate: '2026-12-01' }))).toBe('TRAINING.TEST_DATE_PASSED');
    expect(thrownCode(() => assessReadiness({ ...base, practiceScores: [{ test: 'EPS_TOPIK', takenOn: '2026-11-20', score: 201 }] }))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    expect(thrownCode(() => assessReadiness({ ...base, practiceScores: [{ test: 'TOPIK_II', takenOn: '2026-11-20', score: 300.5 }] }))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
  });
});
