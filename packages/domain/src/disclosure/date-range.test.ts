/**
 * Date ranges in the protected view: only whole calendar months that are over. Attacked with random
 * ranges and a random "today": an accepted range always starts on a 1st, ends on a month end before
 * today, and two accepted ranges differ by whole months, never by a day.
 */
import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error';
import { daysInMonth, fromParts, toDayNumber } from '../shared/local-date';
import { assertWholePassedMonths, isWholePassedMonths } from './date-range';

const dateArb = fc
  .record({ year: fc.integer({ min: 2000, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map((p) => fromParts({ ...p, day: Math.min(p.day, daysInMonth(p.year, p.month)) }));

describe('whole passed months', () => {
  it('examples: a quarter that is over is accepted; a partial month, a running month, a reversed range are not', () => {
    expect(isWholePassedMonths({ from: '2026-01-01', to: '2026-03-31' }, '2026-12-10')).toBe(true);
    expect(isWholePassedMonths({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isWholePassedMonths({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-30')).toBe(false); // not over yet
    expect(isWholePassedMonths({ from: '2026-01-02', to: '2026-03-31' }, '2026-12-10')).toBe(false);
    expect(isWholePassedMonths({ from: '2026-01-01', to: '2026-03-30' }, '2026-12-10')).toBe(false);
    expect(isWholePassedMonths({ from: '2024-02-01', to: '2024-02-29' }, '2026-12-10')).toBe(true); // leap year
    expect(isWholePassedMonths({ from: '2026-04-01', to: '2026-03-31' }, '2026-12-10')).toBe(false);
  });

  it('an accepted range starts on a 1st and ends on a month end before today', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (from, to, today) => {
        const ok = isWholePassedMonths({ from, to }, today);
        const f = from.split('-').map(Number) as [number, number, number];
        const t = to.split('-').map(Number) as [number, number, number];
        const expected = f[2] === 1 && t[2] === daysInMonth(t[0], t[1]) && toDayNumber(from) <= toDayNumber(to) && toDayNumber(to) < toDayNumber(today);
        expect(ok).toBe(expected);
      }),
    );
  });

  it('shifting either bound of an accepted range by one day is refused: two accepted ranges differ by whole months, never by a day', () => {
    const monthArb = fc.record({ year: fc.integer({ min: 2000, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(monthArb, monthArb, (a, b) => {
        const [s, e] = a.year * 12 + a.month <= b.year * 12 + b.month ? [a, b] : [b, a];
        const from = fromParts({ ...s, day: 1 });
        const to = fromParts({ ...e, day: daysInMonth(e.year, e.month) });
        const today = '2031-01-01';
        expect(isWholePassedMonths({ from, to }, today)).toBe(true);
        expect(isWholePassedMonths({ from: fromParts({ ...s, day: 2 }), to }, today)).toBe(false);
        expect(isWholePassedMonths({ from, to: fromParts({ ...e, day: daysInMonth(e.year, e.month) - 1 }) }, today)).toBe(false);
        // the month of `to` is over only from the next day on
        expect(isWholePassedMonths({ from, to }, to)).toBe(false);
      }),
    );
  });

  it('refuses with DISCLOSURE.RANGE_NOT_WHOLE_MONTHS at the given path, without echoing the dates', () => {
    try {
      assertWholePassedMonths({ from: '2026-03-02', to: '2026-03-31' }, '2026-12-10', ['filter', 'registered']);
      throw new Error('not refused');
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      const data = (e as { toJSON(): { code: string; path?: string[]; message: { id: string; en: string } } }).toJSON();
      expect(data.code).toBe('DISCLOSURE.RANGE_NOT_WHOLE_MONTHS');
      expect(data.path).toEqual(['filter', 'registered']);
      expect(JSON.stringify(data)).not.toContain('2026-03-02');
    }
    expect(() => assertWholePassedMonths({ from: '2026-03-01', to: '2026-03-31' }, '2026-12-10', ['x'])).not.toThrow();
  });
});
