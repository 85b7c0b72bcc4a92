import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { checkTimestamp, compareTimestamps, isTimestamp, parseTimestamp, timestampToEpochMs, wibDateOf, wibStartOfDay } from './timestamp';

describe('timestamps', () => {
  it.each([
    ['2025-12-08T10:00:00+07:00', '2025-12-08T03:00:00.000Z'],
    ['2025-12-08T03:00:00Z', '2025-12-08T03:00:00.000Z'],
    ['2025-12-08T03:00Z', '2025-12-08T03:00:00.000Z'],
    ['2025-12-08T03:00:00.5Z', '2025-12-08T03:00:00.500Z'],
    ['2024-02-29T23:30:00-01:00', '2024-03-01T00:30:00.000Z'],
  ])('canonicalises %s', (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
    expect(isTimestamp(expected)).toBe(true);
  });

  it.each(['2025-12-08', '2025-12-08T10:00:00', '2025-02-29T10:00:00Z', '2025-12-08T24:00:00Z', '2025-12-08T10:00:60Z', 'x', 42, null])(
    'rejects %p',
    (input) => {
      expect(() => parseTimestamp(input)).toThrow(DomainError);
      const c = checkTimestamp('MOU', input, ['at']);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.error.code).toBe('MOU.INVALID_TIMESTAMP');
    },
  );

  it('gives the WIB calendar date (UTC+7)', () => {
    expect(wibDateOf(parseTimestamp('2025-12-07T16:59:59Z'))).toBe('2025-12-07');
    expect(wibDateOf(parseTimestamp('2025-12-07T17:00:00Z'))).toBe('2025-12-08');
    expect(wibStartOfDay('2025-12-08')).toBe('2025-12-07T17:00:00.000Z');
  });

  it('orders canonical instants like their text, and round-trips epoch milliseconds', () => {
    const min = Date.UTC(1990, 0, 1);
    const max = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min, max }), (a, b) => {
        const ta = parseTimestamp(new Date(a).toISOString());
        const tb = parseTimestamp(new Date(b).toISOString());
        expect(timestampToEpochMs(ta)).toBe(a);
        expect(Math.sign(compareTimestamps(ta, tb))).toBe(Math.sign(a - b));
        expect(Math.sign(ta.localeCompare(tb))).toBe(Math.sign(a - b));
      }),
    );
  });
});
