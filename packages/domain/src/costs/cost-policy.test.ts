import fc from 'fast-check';
import { PAYER_KINDS, type PayerKind } from '../shared/vocabulary';
import { money } from '../money/money';
import { BASE_COST_POLICY } from './base-cost-policy';
import type { PayerShare } from './cost-line';
import { applyCostPolicy, defineCostPolicy, type CostLineContext, type CostPolicy } from './cost-policy';
import { CITY_PAYS_KOREAN_COURSE } from './cost-policy-overlays';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');
const ctx: CostLineContext = { lineId: 'koreanCourse', category: 'JOB_TRAINING', timing: 'BEFORE_DEPARTURE', route: 'E7_3', occupation: 'WELDER' };
const worker = (n: number | null): PayerShare[] => [{ payer: 'WORKER', amountIdr: n === null ? null : idr(n), policyId: 'BASE', ruleId: 'BASE/DEFAULT' }];

const overlay = (rule: Partial<CostPolicy['rules'][number]>): CostPolicy =>
  defineCostPolicy({
    id: 'TEST_OVERLAY',
    kind: 'OVERLAY',
    name: { id: 'Uji', en: 'Test' },
    legalBasis: null,
    statedBy: 'test',
    rules: [{ id: 'R', match: {}, payer: 'CITY_SUBSIDY', ...rule }],
  });

describe('cost policies', () => {
  it('moves a whole line', () => {
    const s = applyCostPolicy(worker(3_000_000), ctx, CITY_PAYS_KOREAN_COURSE, true);
    expect(s).toEqual([{ payer: 'CITY_SUBSIDY', amountIdr: idr(3_000_000), policyId: 'CITY_PAYS_KOREAN_COURSE', ruleId: 'CITY_PAYS_KOREAN_COURSE/KOREAN_COURSE' }]);
  });

  it('moves a share, rounded down, at most the cap', () => {
    expect(applyCostPolicy(worker(1_000_001), ctx, overlay({ share: '0.5' }), true).map((s) => [s.payer, s.amountIdr?.amount])).toEqual([
      ['WORKER', 500_001],
      ['CITY_SUBSIDY', 500_000],
    ]);
    expect(applyCostPolicy(worker(3_000_000), ctx, overlay({ cap: idr(1_000_000) }), true).map((s) => [s.payer, s.amountIdr?.amount])).toEqual([
      ['WORKER', 2_000_000],
      ['CITY_SUBSIDY', 1_000_000],
    ]);
  });

  it('only takes from the payers named in `from`', () => {
    const employer: PayerShare[] = [{ payer: 'EMPLOYER', amountIdr: idr(500), policyId: 'X', ruleId: 'X/Y' }];
    expect(applyCostPolicy(employer, ctx, CITY_PAYS_KOREAN_COURSE, true)).toEqual(employer);
  });

  it('does not match other lines, routes or occupations', () => {
    expect(applyCostPolicy(worker(10), { ...ctx, lineId: 'visa', category: 'VISA' }, CITY_PAYS_KOREAN_COURSE, true)).toEqual(worker(10));
    expect(applyCostPolicy(worker(10), ctx, overlay({ match: { routes: ['E9'] } }), true)).toEqual(worker(10));
    expect(applyCostPolicy(worker(10), ctx, overlay({ match: { occupations: ['COOK'] } }), true)).toEqual(worker(10));
  });

  it('names the new payer of an unknown amount (both payers when only a share moves)', () => {
    expect(applyCostPolicy(worker(null), ctx, CITY_PAYS_KOREAN_COURSE, false).map((s) => [s.payer, s.amountIdr])).toEqual([['CITY_SUBSIDY', null]]);
    expect(applyCostPolicy(worker(null), ctx, overlay({ share: '0.5' }), false).map((s) => [s.payer, s.amountIdr])).toEqual([
      ['WORKER', null],
      ['CITY_SUBSIDY', null],
    ]);
  });

  it('keeps the parts of a line adding up exactly and never negative, and leaves its input alone (property)', () => {
    const payer = fc.constantFrom(...PAYER_KINDS);
    const rule = fc.record({
      payer,
      from: fc.uniqueArray(payer, { minLength: 1, maxLength: 5 }),
      share: fc.integer({ min: 0, max: 1000 }).map((n) => (n / 1000).toFixed(3)),
      cap: fc.option(fc.integer({ min: 0, max: 10_000_000 }).map(idr), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.array(rule, { minLength: 1, maxLength: 6 }), (amount, rules) => {
        const policies = rules.map((r, i) =>
          defineCostPolicy({ id: `P${i}`, kind: 'OVERLAY', name: { id: 'p', en: 'p' }, legalBasis: null, statedBy: 'test', rules: [{ id: 'R', match: {}, ...r }] }),
        );
        let shares = worker(amount);
        for (const p of policies) {
          const before = JSON.stringify(shares);
          const next = applyCostPolicy(shares, ctx, p, true);
          expect(JSON.stringify(shares)).toBe(before);
          shares = next;
        }
        expect(shares.reduce((a, s) => a + s.amountIdr!.amount, 0)).toBe(amount);
        expect(shares.every((s) => s.amountIdr!.amount >= 0 && (PAYER_KINDS as readonly PayerKind[]).includes(s.payer))).toBe(true);
      }),
    );
  });

  it('the base policy is frozen data', () => {
    expect(Object.isFrozen(BASE_COST_POLICY)).toBe(true);
    expect(Object.isFrozen(BASE_COST_POLICY.rules[0])).toBe(true);
    expect(Object.isFrozen(BASE_COST_POLICY.rules[0]!.match.categories)).toBe(true);
    expect(() => (BASE_COST_POLICY.rules as unknown as unknown[]).push({})).toThrow();
  });

  const good: CostPolicy = { id: 'OK', kind: 'OVERLAY', name: { id: 'a', en: 'a' }, legalBasis: 'Perwal (example)', rules: [{ id: 'R', match: {}, payer: 'CITY_SUBSIDY' }] };
  it.each<[string, Record<string, unknown>]>([
    ['a lower-case id', { id: 'ok' }],
    ['an unknown kind', { kind: 'REFORM' }],
    ['no rules', { rules: [] }],
    ['an overlay nobody stated', { legalBasis: null }],
    ['an unknown payer', { rules: [{ id: 'R', match: {}, payer: 'BANK' }] }],
    ['an unknown category', { rules: [{ id: 'R', match: { categories: ['FOOD'] }, payer: 'WORKER' }] }],
    ['an unknown route', { rules: [{ id: 'R', match: { routes: ['E10'] }, payer: 'WORKER' }] }],
    ['an empty criteria list', { rules: [{ id: 'R', match: { lineIds: [] }, payer: 'WORKER' }] }],
    ['a share above 1', { rules: [{ id: 'R', match: {}, payer: 'WORKER', share: '1.5' }] }],
    ['a cap in KRW', { rules: [{ id: 'R', match: {}, payer: 'WORKER', cap: money(1, 'KRW') }] }],
    ['duplicate rule ids', { rules: [{ id: 'R', match: {}, payer: 'WORKER' }, { id: 'R', match: {}, payer: 'EMPLOYER' }] }],
    ['a name without English', { name: { id: 'a', en: '' } }],
  ])('defineCostPolicy refuses %s', (_n, patch) => {
    expect(() => defineCostPolicy({ ...good, ...patch } as CostPolicy)).toThrow(code('COSTS.INVALID_POLICY'));
  });
});
