import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS, educationRank, isEducationLevel, meetsEducation, type EducationLevel } from './education-level';

describe('education levels', () => {
  it('are ordered from none to doctorate', () => {
    expect(EDUCATION_LEVELS.map(educationRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(educationRank('SLTP')).toBeLessThan(educationRank('SLTA'));
  });

  it('compare against a minimum', () => {
    expect(meetsEducation('SLTA', 'SLTP')).toBe(true);
    expect(meetsEducation('SLTP', 'SLTP')).toBe(true);
    expect(meetsEducation('SD', 'SLTP')).toBe(false);
  });

  it('have bilingual labels', () => {
    for (const l of EDUCATION_LEVELS) {
      expect(EDUCATION_LEVEL_LABELS[l].id).not.toBe('');
      expect(EDUCATION_LEVEL_LABELS[l].en).not.toBe('');
    }
  });

  it('reject unknown levels', () => {
    expect(isEducationLevel('SMA')).toBe(false);
    expect(() => educationRank('SMA' as EducationLevel)).toThrow(expect.objectContaining({ code: 'EDUCATION.UNKNOWN_LEVEL' }));
  });
});
