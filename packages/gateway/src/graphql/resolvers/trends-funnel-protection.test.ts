/**
 * The protected view of `trends` and `funnel` (trends.resolver.ts, funnel.resolver.ts), attacked with
 * random data the way an analyst would combine answers: a bucket's total minus its published cells;
 * two published stages of one funnel; the same figure for a period and a period inside it; the
 * people left in a gap of the funnel once its published exits are taken away.
 */
import fc from 'fast-check';
import type { CandidateExitReason, CandidateStage } from '../../domain';
import { FUNNEL_STAGES, type FunnelCounts, type FunnelExitKind } from '../../read-models/funnel.read-model';
import type { AggregateView } from '../types/disclosure.type';
import { monthsOf, protectFunnel, protectFunnelSeries } from './funnel.resolver';
import { withheldCells } from '../types/disclosure.type';

const view = (k: number): AggregateView => ({ isProtected: true, referenceDate: '2026-11-30', rule: { minCellCount: k, referenceDate: '2026-11-30' } });
const EXACT: AggregateView = { isProtected: false, referenceDate: '2026-11-30', rule: null };
const kArb = fc.integer({ min: 2, max: 8 });
const ok = (n: number, k: number) => n === 0 || Math.abs(n) >= k;

describe('trends: withheld cells of a bucket', () => {
  it('no published cell is small, and the bucket total minus the published cells is 0 or ≥ k', () => {
    fc.assert(
      fc.property(kArb, fc.array(fc.nat({ max: 15 }), { maxLength: 8 }), (k, people) => {
        const cells = people.map((n, i) => ({ key: `c${i}`, count: n, people: n }));
        const withheld = withheldCells(view(k), cells);
        const published = cells.filter((c) => !withheld.has(c.key));
        for (const c of published) expect(ok(c.people, k)).toBe(true);
        // the bucket total is published (without `by`) when it is 0 or ≥ k; then the cells it gives away are 0 or ≥ k
        const all = people.reduce((a, b) => a + b, 0);
        const rest = all - published.reduce((a, c) => a + c.people, 0);
        if (ok(all, k)) expect(ok(rest, k)).toBe(true);
        else expect(published.every((c) => c.people === 0)).toBe(true);
        // only what is needed: nothing is withheld when no cell is small
        if (people.every((n) => ok(n, k))) expect(withheld.size).toBe(0);
      }),
    );
  });
  it('the exact view withholds nothing', () => {
    expect(withheldCells(EXACT, [{ key: 'a', count: 1, people: 1 }]).size).toBe(0);
  });
});

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];
const EXITS: FunnelExitKind[] = ['WITHDRAWN', 'REJECTED'];

/** Exit reason codes drawn for each kind (null: recorded without a code). */
const REASONS: Record<FunnelExitKind, readonly (CandidateExitReason | null)[]> = {
  WITHDRAWN: [null, 'PERSONAL', 'COST', 'OTHER'],
  REJECTED: [null, 'TEST_FAILED', 'MEDICAL_UNFIT', 'OTHER'],
};

/** Random microdata: per month, people by furthest stage, and exits (each exit's person stopped at its fromStage, with a reason). */
const dataArb = fc.array(
  fc.record({
    month: fc.constantFrom(...MONTHS),
    furthest: fc.integer({ min: 0, max: 5 }),
    exit: fc.option(fc.constantFrom(...EXITS), { nil: null }),
    reason: fc.integer({ min: 0, max: 3 }),
    weight: fc.integer({ min: 1, max: 7 }),
  }),
  { maxLength: 25 },
);

function countsOf(data: ReadonlyArray<{ month: string; furthest: number; exit: FunnelExitKind | null; reason: number; weight: number }>, months: readonly string[]): FunnelCounts {
  const inRange = data.filter((d) => months.includes(d.month));
  const furthest = inRange.map((d) => ({ month: d.month, furthest: d.furthest, people: d.weight }));
  const exits = inRange
    .filter((d) => d.exit !== null)
    .map((d) => ({ month: d.month, kind: d.exit!, fromStage: FUNNEL_STAGES[d.furthest] as CandidateStage, reason: REASONS[d.exit!][d.reason]!, people: d.weight }));
  return { furthest, exits, durations: [] };
}

const PERIODS = [
  [0, 0],
  [1, 1],
  [0, 1],
  [1, 2],
  [0, 2],
  [0, 3],
  [2, 3],
] as const;

describe('funnel: the protected view against differencing', () => {
  it('published stages of one answer differ by 0 or ≥ k; a period inside another differs by 0 or ≥ k; a gap minus its published exits is 0 or ≥ k', () => {
    fc.assert(
      fc.property(kArb, dataArb, (k, data) => {
        const bad: string[] = [];
        const check = (cond: boolean, what: string) => {
          if (!cond) bad.push(what);
        };
        const answers = PERIODS.map(([a, b]) => {
          const months = MONTHS.slice(a, b + 1);
          return { a, b, f: protectFunnel(view(k), countsOf(data, months), months) };
        });
        for (const { f } of answers) {
          const reached = f.rows.map((r) => r.reached);
          const published = reached.flatMap((n, i) => (n === null ? [] : [[i, n] as const]));
          for (const [, x] of published) for (const [, y] of published) check(ok(x - y, k), 'stages');
          for (const e of f.exits) if (e.count !== null) check(ok(e.count, k), 'exit');
          // every gap between published stages (and after the last), minus its published exits
          published.forEach(([i, n], j) => {
            const next = published[j + 1];
            const gap = n - (next ? next[1] : 0);
            const stages = FUNNEL_STAGES.slice(i, next ? next[0] : FUNNEL_STAGES.length);
            const exits = f.exits.filter((e) => e.count !== null && stages.includes(e.fromStage!)).reduce((s, e) => s + e.count!, 0);
            check(ok(gap - exits, k), 'gap');
          });
          for (const t of f.exitTotals) if (t.count !== null) check(t.count === f.exits.filter((e) => e.exit === t.exit).reduce((s, e) => s + e.count!, 0), 'exit total');
          // the exits of one kind from one stage minus its published reasons: when any reason there is withheld, none is published
          for (const e of f.exits) {
            const same = f.exits.filter((x) => x.exit === e.exit && x.fromStage === e.fromStage);
            if (same.some((x) => x.suppressed)) check(same.every((x) => x.count === null), 'reasons of a stage');
          }
        }
        for (const inner of answers)
          for (const outer of answers) {
            if (inner === outer || inner.a < outer.a || inner.b > outer.b) continue;
            inner.f.rows.forEach((r, i) => {
              const o = outer.f.rows[i]!.reached;
              if (r.reached !== null && o !== null) check(ok(o - r.reached, k), 'nested stage');
            });
            for (const e of inner.f.exits) {
              const o = outer.f.exits.find((x) => x.exit === e.exit && x.fromStage === e.fromStage && x.reason === e.reason);
              if (e.count !== null && o?.count != null) check(ok(o.count - e.count, k), 'nested exit');
            }
          }
        expect(bad).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the exact view publishes everything; rates are the counts divided', () => {
    const counts: FunnelCounts = {
      furthest: [
        { month: '2026-01', furthest: 0, people: 4 },
        { month: '2026-01', furthest: 2, people: 3 },
      ],
      exits: [
        { month: '2026-01', kind: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'COST', people: 1 },
        { month: '2026-01', kind: 'WITHDRAWN', fromStage: 'REGISTERED', reason: null, people: 2 },
        { month: '2026-01', kind: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'PERSONAL', people: 1 },
      ],
      durations: [{ stage: 'SELECTED', people: 3, median: '4.00', p90: '5.00' }],
    };
    const f = protectFunnel(EXACT, counts, []);
    expect(f.rows.slice(0, 4).map((r) => r.reached)).toEqual([7, 3, 3, 0]);
    expect(f.rows[1]).toMatchObject({ rateFromPrevious: '0.4286', rateFromRegistration: '0.4286', medianDaysFromPrevious: '4.00', p90DaysFromPrevious: '5.00' });
    // exits by reason, in the vocabulary's order (no code last)
    expect(f.exits).toEqual([
      { exit: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'PERSONAL', count: 1, suppressed: false },
      { exit: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'COST', count: 1, suppressed: false },
      { exit: 'WITHDRAWN', fromStage: 'REGISTERED', reason: null, count: 2, suppressed: false },
    ]);
    expect(f.exitTotals[0]).toEqual({ exit: 'WITHDRAWN', count: 4, suppressed: false });
    // the same data protected with k = 5: the cohort (7) is published, SELECTED (3) is not, and every exit of the gap is withheld
    const p = protectFunnel(view(5), counts, ['2026-01']);
    expect(p.cohort).toBe(7);
    expect(p.rows[1]).toMatchObject({ reached: null, rateFromPrevious: null, medianDaysFromPrevious: null });
    expect(p.exits.map((e) => [e.reason, e.count, e.suppressed])).toEqual([
      ['PERSONAL', null, true],
      ['COST', null, true],
      [null, null, true],
    ]);
    expect(p.exitTotals[0]).toEqual({ exit: 'WITHDRAWN', count: null, suppressed: true });
  });

  it('protected view by reason: publishes the reasons when each and the people who stayed are ≥ k; one small reason withholds the others of its gap', () => {
    const countsWith = (personal: number): FunnelCounts => ({
      furthest: [
        { month: '2026-01', furthest: 0, people: 7 + personal },
        { month: '2026-01', furthest: 1, people: 4 },
      ],
      exits: [
        { month: '2026-01', kind: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'COST', people: 3 },
        { month: '2026-01', kind: 'WITHDRAWN', fromStage: 'REGISTERED', reason: 'PERSONAL', people: personal },
        { month: '2026-01', kind: 'REJECTED', fromStage: 'REGISTERED', reason: null, people: 2 },
      ],
      durations: [],
    });
    const all = protectFunnel(view(2), countsWith(3), ['2026-01']);
    expect(all.exits.map((e) => [e.exit, e.reason, e.count])).toEqual([
      ['WITHDRAWN', 'PERSONAL', 3],
      ['WITHDRAWN', 'COST', 3],
      ['REJECTED', null, 2],
    ]);
    expect(all.exitTotals.map((t) => t.count)).toEqual([6, 2]);
    const small = protectFunnel(view(2), countsWith(1), ['2026-01']);
    expect(small.rows.slice(0, 2).map((r) => r.reached)).toEqual([12, 4]);
    expect(small.exits.every((e) => e.count === null && e.suppressed)).toBe(true);
    expect(small.exitTotals.map((t) => t.count)).toEqual([null, null]);
    expect(small.disclosure.suppressedCells).toBe(3);
  });

  it('the same cohort at two month ends: a figure that moved by 1 to k − 1 is withheld at the later one (one more HEALTH exit)', () => {
    // the review's attack: 20 left in TRAINING, 5 for HEALTH in May; 6 in June reveals one person
    const at = (health: number): FunnelCounts => ({
      furthest: [{ month: '2026-01', furthest: 2, people: 40 - health }, { month: '2026-01', furthest: 3, people: 20 }],
      exits: [{ month: '2026-01', kind: 'WITHDRAWN', fromStage: 'TRAINING', reason: 'HEALTH', people: health }],
      durations: [],
    });
    const may = protectFunnel(view(5), at(5), ['2026-01']);
    const june = protectFunnel(view(5), at(6), ['2026-01']);
    expect(june.exits[0]!.count).toBe(6); // each answer alone would publish it
    const series = protectFunnelSeries(view(5), [may, june]);
    expect(series.exits[0]).toMatchObject({ count: null, suppressed: true });
    expect(series.exitTotals[0]).toMatchObject({ count: null, suppressed: true });
    // a move of k or more is published; so is an unchanged figure
    expect(protectFunnelSeries(view(5), [may, protectFunnel(view(5), at(10), ['2026-01'])]).exits[0]!.count).toBe(10);
    expect(protectFunnelSeries(view(5), [may, may]).exits[0]!.count).toBe(5);
    // any sequence: no two published values of one figure differ by 1 to k − 1
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 30 }), { minLength: 2, maxLength: 6 }), (healths) => {
        const answers = healths.map((h) => protectFunnel(view(5), at(h), ['2026-01']));
        const published: number[] = [];
        for (let i = 1; i <= answers.length; i++) {
          const c = protectFunnelSeries(view(5), answers.slice(0, i)).exits[0]!.count;
          if (c !== null) {
            expect(published.every((p) => p === c || Math.abs(p - c) >= 5)).toBe(true);
            published.push(c);
          }
        }
      }),
    );
  });

  it('monthsOf lists the calendar months of a period, across a year end', () => {
    expect(monthsOf('2025-11-01', '2026-02-28')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
});
