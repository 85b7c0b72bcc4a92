/**
 * `checkProtectedFilter` and date ranges: in the protected view a range must be whole calendar months
 * that are over (DISCLOSURE.RANGE_NOT_WHOLE_MONTHS at the range's path), on top of the reported-
 * dimension rule; the exact view takes any range. A range a day longer or shorter than an accepted one
 * is always refused, so two accepted answers never differ by the people of a day.
 */
import { isDomainError } from '../../domain';
import { checkProtectedFilter, type AggregateView } from './disclosure.type';

const PROTECTED: AggregateView = { isProtected: true, referenceDate: '2026-11-30', rule: { minCellCount: 5, referenceDate: '2026-11-30' }, today: '2026-12-10' };
const EXACT: AggregateView = { isProtected: false, referenceDate: '2026-12-10', rule: null, today: '2026-12-10' };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

function refusal(fn: () => void): { code: string; path?: readonly string[] } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const data = e.toJSON();
    return { code: data.code, ...(data.path ? { path: data.path } : {}) };
  }
}

describe('checkProtectedFilter with date ranges', () => {
  const allowed = ['registered', 'enteredStage', 'departed', 'kecamatans'];

  it('accepts whole months that are over, for every range key', () => {
    for (const key of ['registered', 'enteredStage', 'departed']) {
      const range = { from: d('2026-01-01'), to: d('2026-03-31'), ...(key === 'enteredStage' ? { stage: 'TRAINING' } : {}) };
      expect(refusal(() => checkProtectedFilter(PROTECTED, { [key]: range }, allowed))).toBeNull();
    }
    expect(refusal(() => checkProtectedFilter(PROTECTED, { registered: { from: d('2026-11-01'), to: d('2026-11-30') } }, allowed))).toBeNull();
  });

  it('refuses a range one day off at either end, a running month, and names the range', () => {
    for (const [from, to] of [
      ['2026-01-02', '2026-03-31'],
      ['2025-12-31', '2026-03-31'],
      ['2026-01-01', '2026-03-30'],
      ['2026-01-01', '2026-04-01'],
      ['2026-12-01', '2026-12-31'], // December is not over on 10 December
      ['2026-12-01', '2026-12-09'],
    ]) {
      expect(refusal(() => checkProtectedFilter(PROTECTED, { departed: { from: d(from!), to: d(to!) } }, allowed, ['input', 'filter']))).toEqual({
        code: 'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS',
        path: ['input', 'filter', 'departed'],
      });
    }
  });

  it('a range on a key the aggregate does not report is refused as a filter first', () => {
    expect(refusal(() => checkProtectedFilter(PROTECTED, { registered: { from: d('2026-01-01'), to: d('2026-01-31') } }, ['stages']))).toEqual({
      code: 'DISCLOSURE.FILTER_NOT_ALLOWED',
      path: ['filter', 'registered'],
    });
  });

  it('the exact view takes any range', () => {
    expect(refusal(() => checkProtectedFilter(EXACT, { registered: { from: d('2026-01-02'), to: d('2026-12-10') } }, []))).toBeNull();
  });
});
