import fc from 'fast-check';
import { toDayNumber } from '../shared/local-date';
import { datedValueAsOf, effectiveDates, parameterFileProblems, valueAsOf, type ParameterFile } from './parameter-file';

const code = (c: string) => expect.objectContaining({ code: c });

const FILE: ParameterFile<number> = {
  id: 'test.rate',
  unit: 'IDR',
  values: { '2020-01-01': 10, '2021-06-15': 20, '2023-01-01': null, '2024-03-01': 40 },
};

describe('valueAsOf', () => {
  it.each([
    ['2020-01-01', 10],
    ['2021-06-14', 10],
    ['2021-06-15', 20],
    ['2022-12-31', 20],
    ['2024-03-01', 40],
    ['2099-12-31', 40],
  ])('%s → %p', (asOf, expected) => {
    expect(valueAsOf(FILE, asOf)).toBe(expected);
  });

  it('reports the start date of the value in force', () => {
    expect(datedValueAsOf(FILE, '2021-07-01')).toEqual({ value: 20, effectiveFrom: '2021-06-15' });
  });

  it('throws BEFORE_COVERAGE before the first date, with the coverage start in the details', () => {
    expect(() => valueAsOf(FILE, '2019-12-31')).toThrow(code('PARAMETER.BEFORE_COVERAGE'));
    try {
      valueAsOf(FILE, '2019-12-31');
    } catch (e) {
      expect((e as { details?: Record<string, unknown> }).details).toEqual({ parameter: 'test.rate', coverageStart: '2020-01-01' });
      expect((e as { messages: { id: string } }).messages.id).toMatch(/2020-01-01/);
    }
  });

  it('throws REPEALED while a null value is in force, and recovers when a later value starts', () => {
    expect(() => valueAsOf(FILE, '2023-01-01')).toThrow(code('PARAMETER.REPEALED'));
    expect(() => valueAsOf(FILE, '2024-02-29')).toThrow(code('PARAMETER.REPEALED'));
    expect(valueAsOf(FILE, '2024-03-01')).toBe(40);
  });

  it.each(['2021-02-29', '2021-13-01', '21-01-01', '', 'today', 20210101])('rejects the date %p with DATE.INVALID', (asOf) => {
    expect(() => valueAsOf(FILE, asOf as string)).toThrow(code('DATE.INVALID'));
  });

  it('does not depend on the order of keys in the file', () => {
    const shuffled: ParameterFile<number> = { ...FILE, values: { '2024-03-01': 40, '2020-01-01': 10, '2023-01-01': null, '2021-06-15': 20 } };
    expect(effectiveDates(shuffled)).toEqual(['2020-01-01', '2021-06-15', '2023-01-01', '2024-03-01']);
    expect(valueAsOf(shuffled, '2022-01-01')).toBe(20);
  });

  const isoDate = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('is monotone: with rising values, a later date never gives a smaller value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(isoDate, { minLength: 1, maxLength: 12 }), isoDate, isoDate, (dates, a, b) => {
        const sorted = [...dates].sort();
        const file: ParameterFile<number> = { ...FILE, values: Object.fromEntries(sorted.map((d, i) => [d, i * 100])) };
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (early < sorted[0]!) {
          expect(() => valueAsOf(file, early)).toThrow(code('PARAMETER.BEFORE_COVERAGE'));
          return;
        }
        expect(valueAsOf(file, late)).toBeGreaterThanOrEqual(valueAsOf(file, early));
      }),
    );
  });

  it('agrees with a day-number oracle: the value of the closest start on or before the date', () => {
    fc.assert(
      fc.property(fc.uniqueArray(isoDate, { minLength: 1, maxLength: 12 }), isoDate, (dates, asOf) => {
        const file: ParameterFile<string> = { ...FILE, values: Object.fromEntries(dates.map((d) => [d, `v${d}`])) };
        const day = toDayNumber(asOf);
        const candidates = dates.filter((d) => toDayNumber(d) <= day);
        if (candidates.length === 0) {
          expect(() => valueAsOf(file, asOf)).toThrow(code('PARAMETER.BEFORE_COVERAGE'));
        } else {
          const best = candidates.reduce((a, b) => (toDayNumber(b) > toDayNumber(a) ? b : a));
          expect(datedValueAsOf(file, asOf)).toEqual({ value: `v${best}`, effectiveFrom: best });
        }
      }),
    );
  });
});

describe('parameterFileProblems', () => {
  it('accepts a well-formed file', () => {
    expect(parameterFileProblems(FILE, 'test.rate')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['wrong id', { id: 'other.rate' }, /does not match/],
    ['bad id', { id: 'Rate' }, /dotted camelCase/],
    ['a description in the values file', { description: { id: 'Uji', en: 'Test' } }, /unexpected key description/],
    ['no unit', { unit: '' }, /unit/],
    ['sources in the values file', { sources: [{ title: 'x', url: 'https://example.org', readOn: '2026-11-29' }] }, /unexpected key sources/],
    ['a note in the values file', { note: 'x' }, /unexpected key note/],
    ['no values', { values: {} }, /values are empty/],
    ['bad date key', { values: { '2020-02-30': 1 } }, /not an ISO date/],
    ['unsorted keys', { values: { '2021-01-01': 1, '2020-01-01': 2 } }, /ascending/],
    ['first value null', { values: { '2020-01-01': null } }, /first value is null/],
    ['isDefault not boolean', { isDefault: 'yes' }, /isDefault/],
  ])('reports %s', (_name, patch, re) => {
    const problems = parameterFileProblems({ ...FILE, ...patch }, 'test.rate');
    expect(problems.some((p) => re.test(p))).toBe(true);
  });

  it('rejects non-objects', () => {
    expect(parameterFileProblems(null)).toEqual(['not an object']);
  });
});
