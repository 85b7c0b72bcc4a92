import fc from 'fast-check';
import { addMonths, ageOn, dateOfAge, compareDates, daysBetween, fromParts, isIsoDate, monthsBetween, parseIsoDate, toParts } from './local-date';
import { DomainError } from './domain-error';

describe('local-date', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['not a date', false],
  ])('isIsoDate(%s) = %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });

  it('parseIsoDate throws DATE.INVALID with a bilingual message', () => {
    expect(() => parseIsoDate('31-01-2026')).toThrow(DomainError);
    try {
      parseIsoDate('2026-02-30', ['birthDate']);
    } catch (e) {
      const d = e as DomainError;
      expect(d.code).toBe('DATE.INVALID');
      expect(d.path).toEqual(['birthDate']);
      expect(d.messages.id).toMatch(/Tanggal/);
    }
  });

  it('addMonths clamps to month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('dateOfAge is the first day ageOn reaches the age (29 Feb → 1 Mar in a non-leap year)', () => {
    expect(dateOfAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateOfAge('2008-02-29', 16)).toBe('2024-02-29');
    expect(dateOfAge('2000-06-15', 18)).toBe('2018-06-15');
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 80 }), (y, m, d, years) => {
        fc.pre(d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
        const birth = fromParts({ year: y, month: m, day: d });
        const reached = dateOfAge(birth, years);
        expect(ageOn(birth, reached)).toBe(years);
        const dayBefore = new Date(Date.UTC(Number(reached.slice(0, 4)), Number(reached.slice(5, 7)) - 1, Number(reached.slice(8, 10)) - 1));
        const prev = fromParts({ year: dayBefore.getUTCFullYear(), month: dayBefore.getUTCMonth() + 1, day: dayBefore.getUTCDate() });
        expect(ageOn(birth, prev)).toBe(years - 1);
      }),
    );
  });

  it('ageOn counts whole years', () => {
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('daysBetween and monthsBetween', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(monthsBetween('2024-01-15', '2024-03-14')).toBe(1);
    expect(monthsBetween('2024-01-15', '2024-03-15')).toBe(2);
  });

  it('day numbers are consistent with adding a day (property)', () => {
    const dateArb = fc
      .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(fromParts);
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(Math.sign(daysBetween(a, b))).toBe(compareDates(b, a));
        expect(toParts(a).year).toBeGreaterThanOrEqual(1900);
      }),
    );
  });
});
