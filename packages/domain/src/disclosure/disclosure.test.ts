/**
 * The disclosure-control engine, attacked the way an analyst would: with random microdata, random
 * thresholds, every filter on reported dimensions, every day of a year, and "total minus the
 * published cells".
 */
import fc from 'fast-check';
import { ageOn, daysInMonth, fromParts, toDayNumber, toParts, type IsoDate } from '../shared/local-date';
import { isDomainError } from '../shared/domain-error';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { parameterSources } from '../sources';
import {
  ageInYearOf,
  assertFilterOnReportedDimensions,
  disclosureRule,
  isSmallCell,
  monthEndOnOrBefore,
  protectCell,
  protectedReferenceDate,
  protectExtreme,
  protectPart,
  protectTable,
  protectTotal,
  type DisclosureRule,
} from './index';

const rule = (k: number): DisclosureRule => ({ minCellCount: k, referenceDate: '2026-11-30' });
const kArb = fc.integer({ min: 2, max: 12 });
const dateArb = fc
  .record({ year: fc.integer({ min: 1950, max: 2060 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map((p) => fromParts({ ...p, day: Math.min(p.day, daysInMonth(p.year, p.month)) }));
const addDays = (d: IsoDate, n: number): IsoDate => {
  // walk by day numbers (no Date in the domain's tests either)
  let lo = d;
  for (let i = 0; i < n; i++) {
    const p = toParts(lo);
    lo =
      p.day < daysInMonth(p.year, p.month)
        ? fromParts({ ...p, day: p.day + 1 })
        : p.month < 12
          ? fromParts({ year: p.year, month: p.month + 1, day: 1 })
          : fromParts({ year: p.year + 1, month: 1, day: 1 });
  }
  return lo;
};

describe('the threshold', () => {
  it('is the dated parameter disclosure.minCellCount (5, DOMAIN.md §10) read for the reference date', () => {
    expect(disclosureRule(parameterSnapshot('2026-11-30'))).toEqual({ minCellCount: 5, referenceDate: '2026-11-30' });
    expect(parameterSources('disclosure.minCellCount').sources.length).toBeGreaterThan(0);
  });

  it('refuses a rule below 2 and a negative or fractional count', () => {
    expect(() => isSmallCell(1, rule(1))).toThrow(/DISCLOSURE.INVALID_RULE/);
    expect(() => isSmallCell(-1, rule(5))).toThrow(/DISCLOSURE.INVALID_COUNT/);
    expect(() => isSmallCell(1.5, rule(5))).toThrow(/DISCLOSURE.INVALID_COUNT/);
    expect(() => protectPart(3, 2, false, rule(5))).toThrow(/DISCLOSURE.INVALID_COUNT/);
  });
});

describe('primary suppression', () => {
  it('a cell is suppressed exactly when it has 1 to k − 1 contributors; then every value is null, never 0', () => {
    fc.assert(
      fc.property(kArb, fc.nat({ max: 40 }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (k, n, sum) => {
        const c = protectCell(n, { count: n, sum, average: '1.50' }, rule(k));
        expect(c.suppressed).toBe(n >= 1 && n < k);
        if (c.suppressed) expect(c.values).toEqual({ count: null, sum: null, average: null });
        else expect(c.values).toEqual({ count: n, sum, average: '1.50' });
      }),
    );
  });

  it('the boundary: k − 1 is suppressed, k is published, 0 is published as 0', () => {
    expect(protectCell(4, { count: 4 }, rule(5))).toEqual({ suppressed: true, values: { count: null } });
    expect(protectCell(5, { count: 5 }, rule(5))).toEqual({ suppressed: false, values: { count: 5 } });
    expect(protectCell(0, { count: 0 }, rule(5))).toEqual({ suppressed: false, values: { count: 0 } });
    expect(protectExtreme('12.00')).toBeNull();
  });
});

/** Microdata: people with a few dimensions, as an analyst would face them. */
const personArb = fc.record({ stage: fc.constantFrom('A', 'B', 'C'), area: fc.constantFrom('X', 'Y', 'Z', 'W'), sex: fc.constantFrom('F', 'M'), cost: fc.integer({ min: 0, max: 1_000_000 }) });
type Person = { stage: string; area: string; sex: string; cost: number };
const DIMS = ['stage', 'area', 'sex'] as const;

/** The table by stage × area × sex, protected, for the people a filter on reported dimensions selects. */
function table(people: readonly Person[], k: number, filter: { stage?: string[]; area?: string[] } = {}) {
  const selected = people.filter((p) => (!filter.stage || filter.stage.includes(p.stage)) && (!filter.area || filter.area.includes(p.area)));
  const cells = new Map<string, { key: string; n: number; cost: number }>();
  for (const p of selected) {
    const key = DIMS.map((d) => p[d]).join('|');
    const c = cells.get(key) ?? { key, n: 0, cost: 0 };
    c.n += 1;
    c.cost += p.cost;
    cells.set(key, c);
  }
  const list = [...cells.values()].sort((a, b) => a.key.localeCompare(b.key));
  const t = protectTable(
    list.map((c) => ({ contributors: c.n, values: { count: c.n, cost: c.cost } })),
    { contributors: selected.length, values: { count: selected.length, cost: selected.reduce((s, p) => s + p.cost, 0) } },
    rule(k),
  );
  return { keys: list.map((c) => c.key), raw: list, ...t };
}

describe('secondary suppression: totals minus the published cells', () => {
  it('a published total covers published cells only, so total − Σ published = 0 (nothing is left to find)', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 60 }), kArb, (people, k) => {
        const t = table(people, k);
        const suppressed = t.cells.filter((c) => c.suppressed);
        expect(t.suppressedCells).toBe(suppressed.length);
        expect(t.total.suppressed).toBe(suppressed.length > 0);
        if (!t.total.suppressed) {
          const publishedCount = t.cells.reduce((s, c) => s + (c.values.count ?? 0), 0);
          const publishedCost = t.cells.reduce((s, c) => s + (c.values.cost ?? 0), 0);
          expect(t.total.values.count! - publishedCount).toBe(0);
          expect(t.total.values.cost! - publishedCost).toBe(0);
        } else {
          expect(t.total.values).toEqual({ count: null, cost: null });
        }
        // no published cell is a small one
        t.cells.forEach((c, i) => expect(c.suppressed).toBe(t.raw[i]!.n < k));
      }),
    );
  });

  it('a total over a subset of cells is suppressed as soon as one of them is', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 12 }), kArb, (counts, k) => {
        const cells = counts.map((n) => protectCell(n, { n }, rule(k)));
        const total = counts.reduce((s, n) => s + n, 0);
        const t = protectTotal(total, { n: total }, cells, rule(k));
        expect(t.suppressed).toBe(cells.some((c) => c.suppressed) || (total >= 1 && total < k));
      }),
    );
  });

  it('a sub-count is published only when it and its complement are 0 or ≥ k (and the cell is published)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 }), fc.nat({ max: 30 }), kArb, fc.boolean(), (a, b, k, cellSuppressed) => {
        const whole = Math.max(a, b);
        const part = Math.min(a, b);
        const p = protectPart(part, whole, cellSuppressed, rule(k));
        const small = (n: number) => n >= 1 && n < k;
        if (p !== null) {
          expect(p).toBe(part);
          expect(cellSuppressed || small(whole) || small(part) || small(whole - part)).toBe(false);
        } else {
          expect(cellSuppressed || small(whole) || small(part) || small(whole - part)).toBe(true);
        }
      }),
    );
  });
});

describe('differencing across filters', () => {
  it('a filter on reported dimensions publishes exactly the selected cells of the unfiltered table, with the same values and the same suppression', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { maxLength: 60 }),
        kArb,
        fc.subarray(['A', 'B', 'C'], { minLength: 1 }),
        fc.subarray(['X', 'Y', 'Z', 'W'], { minLength: 1 }),
        (people, k, stage, area) => {
          const all = table(people, k);
          const sub = table(people, k, { stage, area });
          sub.keys.forEach((key, i) => {
            const j = all.keys.indexOf(key);
            expect(j).toBeGreaterThanOrEqual(0);
            expect(sub.cells[i]).toEqual(all.cells[j]);
          });
          // and every selected cell of the whole table is in the filtered answer
          const selected = all.keys.filter((key) => stage.includes(key.split('|')[0]!) && area.includes(key.split('|')[1]!));
          expect(sub.keys).toEqual(selected);
        },
      ),
    );
  });

  it('a filter on a dimension the aggregate does not report is refused with its field path; empty lists are no filter', () => {
    expect(() => assertFilterOnReportedDimensions({ stages: ['A'], kecamatans: [] }, ['stages'], ['filter'])).not.toThrow();
    expect(() => assertFilterOnReportedDimensions(undefined, [], ['filter'])).not.toThrow();
    try {
      assertFilterOnReportedDimensions({ stages: ['A'], routes: ['E9'] }, ['stages', 'kecamatans'], ['filter']);
      throw new Error('not refused');
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      if (!isDomainError(e)) return;
      expect(e.code).toBe('DISCLOSURE.FILTER_NOT_ALLOWED');
      expect(e.path).toEqual(['filter', 'routes']);
      expect(e.messages.id).toMatch(/routes/);
      expect(e.messages.en).toMatch(/routes/);
    }
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.array(fc.string(), { maxLength: 2 })), fc.subarray(['a', 'b', 'c', 'd']), (filter, allowed) => {
        const named = Object.keys(filter).filter((key) => (filter[key] ?? []).length > 0);
        const refused = named.some((key) => !allowed.includes(key));
        let threw = false;
        try {
          assertFilterOnReportedDimensions(filter, allowed, ['filter']);
        } catch {
          threw = true;
        }
        expect(threw).toBe(refused);
      }),
    );
  });
});

describe('differencing across dates', () => {
  it('the reference date is a month end, on or before asOf, before today, and the latest such', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (asOf, today) => {
        const ref = protectedReferenceDate(asOf, today);
        const p = toParts(ref);
        expect(p.day).toBe(daysInMonth(p.year, p.month));
        expect(toDayNumber(ref)).toBeLessThanOrEqual(toDayNumber(asOf));
        expect(toDayNumber(ref)).toBeLessThan(toDayNumber(today));
        // the next month end is after asOf or not before today
        const next = monthEndOnOrBefore(addDays(ref, 40));
        expect(toDayNumber(next) > toDayNumber(asOf) || toDayNumber(next) >= toDayNumber(today)).toBe(true);
      }),
    );
  });

  it('binary search for a birthday: asking every day of a year, the age band answers change only at the turn of the year and never on the birthday', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 2000, max: 2050 }), (birth, year) => {
        const today = '2099-01-01';
        const bands: number[] = [];
        let day = fromParts({ year, month: 1, day: 1 });
        while (toParts(day).year === year) {
          const ref = protectedReferenceDate(day, today);
          bands.push(ageInYearOf(birth, ref));
          day = addDays(day, 1);
        }
        // January 1..30 still use the previous year's month end; from 31 January on, this year
        const distinct = [...new Set(bands)];
        expect(distinct.length).toBeLessThanOrEqual(2);
        const changes = bands.flatMap((b, i) => (i > 0 && b !== bands[i - 1] ? [i] : []));
        expect(changes).toEqual(distinct.length === 2 ? [30] : []); // day index 30 = 31 January, whatever the birthday
      }),
      { numRuns: 60 },
    );
  });

  it('the age reached in the year is the age on 31 December of that year', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (birth, date) => {
        fc.pre(birth <= date);
        const y = toParts(date).year;
        expect(ageInYearOf(birth, date)).toBe(ageOn(birth, fromParts({ year: y, month: 12, day: 31 })));
      }),
    );
  });

  it('reference dates by example', () => {
    expect(protectedReferenceDate('2026-03-15', '2026-12-02')).toBe('2026-02-28');
    expect(protectedReferenceDate('2024-03-01', '2026-12-02')).toBe('2024-02-29');
    expect(protectedReferenceDate('2026-03-31', '2026-12-02')).toBe('2026-03-31');
    expect(protectedReferenceDate('2026-01-10', '2026-12-02')).toBe('2025-12-31');
    // a month that has not ended yet is never used: today 30 November → 31 October
    expect(protectedReferenceDate('2026-11-30', '2026-11-30')).toBe('2026-10-31');
    expect(protectedReferenceDate('2027-06-01', '2026-12-01')).toBe('2026-11-30');
    expect(() => protectedReferenceDate('2026-02-30', '2026-12-01')).toThrow(/DATE.INVALID/);
  });
});
