import fc from 'fast-check';
import { parameterSnapshot } from '../parameters';
import { addMonths, compareDates } from '../shared/local-date';
import { bestKoreanLevel, bestValidEpsTopik, epsTopikExpiresOn, isEpsTopikValidOn, latestExpiredEpsTopik, maxTopikLevel, topikLevelOf } from './korean-tests';
import { qualificationMatches, skillVerificationStatus } from './skill-verifications';
import { epsTopikRule } from './rules/eps-topik.rule';
import { pastDate } from './__tests__/arbitraries';
import { ruleContext } from './__tests__/fixtures';

const bands = parameterSnapshot('2026-03-01').get('topik.levels');

describe('TOPIK levels (NIIED bands from the parameter)', () => {
  it.each([
    ['TOPIK_I', 79, 0],
    ['TOPIK_I', 80, 1],
    ['TOPIK_I', 139, 1],
    ['TOPIK_I', 140, 2],
    ['TOPIK_I', 200, 2],
    ['TOPIK_II', 119, 0],
    ['TOPIK_II', 120, 3],
    ['TOPIK_II', 150, 4],
    ['TOPIK_II', 190, 5],
    ['TOPIK_II', 229, 5],
    ['TOPIK_II', 230, 6],
    ['TOPIK_II', 300, 6],
  ] as const)('%s %i → level %i', (test, score, level) => {
    expect(topikLevelOf({ test, takenOn: '2025-01-01', score }, bands)).toBe(level);
  });

  it('takes the highest level from TOPIK results and the pilot test', () => {
    expect(bestKoreanLevel({}, bands)).toBe(0);
    expect(bestKoreanLevel({ topikResults: [{ test: 'TOPIK_I', takenOn: '2025-01-01', score: 150 }], pilotKoreanTests: [{ takenOn: '2025-01-01', level: 3, speakingPassed: false }] }, bands)).toBe(3);
    expect(maxTopikLevel(bands)).toBe(6);
  });
});

describe('EPS-TOPIK validity', () => {
  it('is valid from the test date up to, not including, the date 24 months later', () => {
    const r = { takenOn: '2023-05-12', score: 150 };
    expect(epsTopikExpiresOn(r, 24)).toBe('2025-05-12');
    expect(isEpsTopikValidOn(r, '2023-05-11', 24)).toBe(false);
    expect(isEpsTopikValidOn(r, '2023-05-12', 24)).toBe(true);
    expect(isEpsTopikValidOn(r, '2025-05-11', 24)).toBe(true);
    expect(isEpsTopikValidOn(r, '2025-05-12', 24)).toBe(false);
  });

  it('picks the best valid and the latest expired result', () => {
    const profile = {
      epsTopikResults: [
        { takenOn: '2022-01-10', score: 190 },
        { takenOn: '2023-03-01', score: 170 },
        { takenOn: '2024-06-01', score: 120 },
        { takenOn: '2025-01-15', score: 140 },
      ],
    };
    expect(bestValidEpsTopik(profile, '2026-03-01', 24)?.result.score).toBe(140);
    expect(latestExpiredEpsTopik(profile, '2026-03-01', 24)?.expiresOn).toBe('2025-03-01');
  });

  it('a result is valid exactly on the days in [takenOn, takenOn + validity) (property)', () => {
    fc.assert(
      fc.property(pastDate, pastDate, fc.integer({ min: 1, max: 36 }), (takenOn, asOf, months) => {
        const r = { takenOn, score: 100 };
        const inside = compareDates(takenOn, asOf) <= 0 && compareDates(asOf, addMonths(takenOn, months)) < 0;
        expect(isEpsTopikValidOn(r, asOf, months)).toBe(inside);
      }),
    );
  });

  it('the rule can be called on its own with a context', () => {
    const o = epsTopikRule.evaluate(ruleContext({ epsTopikResults: [{ takenOn: '2025-01-01', score: 80 }] }, 'E9'));
    expect(o).toMatchObject({ outcome: 'pass', code: 'EPS_TOPIK.OK', details: { score: 80, minScore: 80, maxScore: 200 } });
  });
});

describe('skill verifications', () => {
  const profile = {
    skillVerifications: [
      { occupation: 'WELDER' as const, certifier: 'KOSHIPA' as const, testedOn: '2025-01-01', passed: true, expiresOn: '2026-02-28' },
      { occupation: 'WELDER' as const, certifier: 'KOSHIPA' as const, testedOn: '2025-06-01', passed: false },
      { occupation: 'WELDER' as const, certifier: 'BNSP_LSP' as const, testedOn: '2025-06-01', passed: true },
      { occupation: 'WELDER' as const, certifier: 'KOSHIPA' as const, testedOn: '2026-04-01', passed: true },
    ],
  };

  it('sorts verifications into valid / expired / not passed for the occupation and certifiers (expiry day inclusive)', () => {
    const s = skillVerificationStatus(profile, ['WELDER'], ['KOSHIPA'], '2026-03-01');
    expect([s.valid.length, s.expired.length, s.notPassed.length]).toEqual([0, 1, 1]);
    expect(skillVerificationStatus(profile, ['WELDER'], ['KOSHIPA'], '2026-02-28').valid).toHaveLength(1);
    expect(skillVerificationStatus(profile, ['WELDER'], ['BNSP_LSP'], '2026-03-01').valid).toHaveLength(1);
    expect(skillVerificationStatus(profile, ['SHIP_PAINTER'], ['KOSHIPA', 'BNSP_LSP'], '2026-03-01').valid).toHaveLength(0);
  });

  it.each([
    ['FCAW 3G (X-ray)', 'fcaw-3g', true],
    ['FCAW 3G', 'FCAW 3G (X-ray)', false],
    ['SMAW 6G', 'FCAW 3G', false],
    ['anything', '  ', false],
  ])('qualification %p satisfies %p: %p', (held, required, expected) => {
    expect(qualificationMatches(held, required)).toBe(expected);
  });
});
