import { isOneOf, ROUTES } from '../shared/vocabulary';
import { addMonths, compareDates, daysInMonth, fromParts, toParts, type IsoDate } from '../shared/local-date';
import { isParameterId, PARAMETER_FILES } from '../parameters/parameter-registry';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { COST_LINE_IDS } from './cost-line';
import { COST_INPUT_KEYS, COST_LINE_SETS, costLineSetAsOf, type CostLineDefinition } from './cost-line-sets';
import { routeSectorsAsOf } from '../eligibility/rule-sets';
import { estimateCosts } from './estimate-costs';

const dayBefore = (d: IsoDate): IsoDate => {
  const p = toParts(d);
  if (p.day > 1) return fromParts({ ...p, day: p.day - 1 });
  const prev = toParts(addMonths(fromParts({ ...p, day: 1 }), -1));
  return fromParts({ ...prev, day: daysInMonth(prev.year, prev.month) });
};

/** The dates a route is covered: from the first `routes.status` date on (monthly to 2030, and each change and the day before it). */
function coveredDates(): IsoDate[] {
  const changes = Object.keys(PARAMETER_FILES['routes.status'].values).sort();
  const start = changes[0]!;
  const out = new Set<IsoDate>(changes);
  for (const c of changes.slice(1)) out.add(dayBefore(c));
  for (let d = start; compareDates(d, '2030-12-31') <= 0; d = addMonths(d, 1)) out.add(d);
  return [...out].sort();
}

const parametersOf = (d: CostLineDefinition): string[] =>
  d.kind === 'PARAMETER' ? [d.parameter] : d.kind === 'PASSPORT' ? Object.values(d.variants).map((v) => v.parameter) : [];

describe('cost line sets', () => {
  it('every route of the vocabulary has a line set for each date the route status covers', () => {
    const missing: string[] = [];
    for (const route of ROUTES) {
      for (const asOf of coveredDates()) {
        try {
          const { definition } = costLineSetAsOf(route, asOf);
          if (definition.route !== route) missing.push(`${route} ${asOf}: set of ${definition.route}`);
        } catch (e) {
          missing.push(`${route} ${asOf}: ${(e as { code?: string }).code}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a set only for routes of the vocabulary, named route@date', () => {
    expect(Object.keys(COST_LINE_SETS).sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) {
      for (const [date, set] of Object.entries(COST_LINE_SETS[route])) {
        if (set) expect(set.id).toBe(`${route}@${date}`);
      }
    }
  });

  it('each set has known, unique line ids, known parameters and inputs, and the passport and BPJS lines', () => {
    for (const route of ROUTES) {
      for (const set of Object.values(COST_LINE_SETS[route])) {
        if (!set) continue;
        const ids = set.lines.map((l) => l.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.filter((id) => !isOneOf(COST_LINE_IDS, id))).toEqual([]);
        expect(set.lines.flatMap(parametersOf).filter((p) => !isParameterId(p))).toEqual([]);
        expect(set.lines.flatMap((l) => (l.kind === 'INPUT' ? [l.input] : [])).filter((k) => !COST_INPUT_KEYS.includes(k))).toEqual([]);
        expect(ids).toEqual(expect.arrayContaining(['passport', 'bpjsDuringWork', 'medicalCheckup']));
      }
    }
  });

  it('refuses a date before the coverage with COSTS.BEFORE_COVERAGE (and so does the estimate)', () => {
    expect(() => costLineSetAsOf('E9', '2023-12-31')).toThrow(expect.objectContaining({ code: 'COSTS.BEFORE_COVERAGE', path: ['asOf'] }));
    expect(() => costLineSetAsOf('E9', '2024-01-01')).not.toThrow();
    expect(() => estimateCosts({ route: 'E8', occupation: 'AGRICULTURE_WORKER', contractMonths: 6 }, parameterSnapshot('2023-12-31'))).toThrow(
      expect.objectContaining({ code: 'COSTS.BEFORE_COVERAGE' }),
    );
  });

  it('the estimate has the lines of the set, in order (course included, every input given)', () => {
    const inputs = Object.fromEntries(COST_INPUT_KEYS.map((k) => [k, { amount: 1, currency: 'IDR' as const }]));
    for (const route of ROUTES) {
      const occupation = routeSectorsAsOf(route, '2026-03-01')[0]!;
      const e = estimateCosts({ route, occupation, contractMonths: 24, inputs }, parameterSnapshot('2026-03-01'));
      expect(e.lines.map((l) => l.id)).toEqual(costLineSetAsOf(route, '2026-03-01').definition.lines.map((l) => l.id));
      const ignored = e.warnings.filter((w) => w.code === 'COSTS.INPUT_NOT_APPLICABLE').map((w) => w.path?.[1]);
      expect(ignored).toEqual(COST_INPUT_KEYS.filter((k) => !e.lines.some((l) => l.id === k)));
    }
  });
});
