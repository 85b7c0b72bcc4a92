import { DomainError } from '../shared/domain-error';
import { statusPeriods, timeInStatus, type StatusHistoryEntry } from './status-history';
import { parseTimestamp } from './timestamp';

type S = 'A' | 'B';
const h = (sequence: number, from: S | null, to: S, at: string): StatusHistoryEntry<S> => ({ sequence, from, to, at: parseTimestamp(at), actor: 'x', note: null });
const history = [h(1, null, 'A', '2026-01-01T00:00:00Z'), h(2, 'A', 'B', '2026-01-03T00:00:00Z'), h(3, 'B', 'A', '2026-01-04T00:00:00Z')];
const DAY = 86_400_000;

describe('status periods', () => {
  it('splits the history into periods and sums time per status', () => {
    const asOf = parseTimestamp('2026-01-10T00:00:00Z');
    expect(statusPeriods(history, asOf).map((p) => [p.status, p.durationMs / DAY, p.until])).toEqual([
      ['A', 2, '2026-01-03T00:00:00.000Z'],
      ['B', 1, '2026-01-04T00:00:00.000Z'],
      ['A', 6, null],
    ]);
    expect(timeInStatus(history, asOf)).toEqual({ A: 8 * DAY, B: DAY });
  });

  it('refuses an as-of instant before the last change, an invalid one, or an empty history', () => {
    expect(() => statusPeriods(history, '2026-01-03T00:00:00.000Z')).toThrow('STATUS_HISTORY.AS_OF_BEFORE_LAST_CHANGE');
    expect(() => statusPeriods(history, 'soon')).toThrow(DomainError);
    expect(() => statusPeriods([], '2026-01-03T00:00:00.000Z')).toThrow('STATUS_HISTORY.EMPTY');
  });
});
