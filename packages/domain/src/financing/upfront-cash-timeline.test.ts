import fc from 'fast-check';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { estimateCosts } from '../costs/estimate-costs';
import { CITY_PAYS_KOREAN_COURSE } from '../costs/cost-policy-overlays';
import { kurPenempatanProduct } from './kur-penempatan.product';
import { upfrontCashTimeline } from './upfront-cash-timeline';

const idr = (n: number) => money(n, 'IDR');
const params = parameterSnapshot('2025-10-01');
const welder = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24, inputs: { skillsTestFee: idr(2_000_000), p3miServiceFee: idr(5_000_000) } }, params);
const dueOn = { koreanCourseRegistration: '2026-01-05', koreanCourse: '2026-01-10', skillsTestFee: '2026-04-01', medicalCheckup: '2026-05-01' };
const kur = kurPenempatanProduct(params);

describe('upfrontCashTimeline: costs fall due before KUR pays out', () => {
  it('shows the cash to find before the loan arrives, though the loan covers every known cost', () => {
    const r = upfrontCashTimeline({
      estimate: welder,
      dueOn,
      defaultDueOn: '2026-07-01',
      sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: welder.worker.beforeDeparture, paysOutOn: '2026-06-15', product: kur }],
    });
    if (!r.ok) throw new Error(r.error.code);
    const t = r.value;
    expect(t.totalDue).toEqual(welder.worker.beforeDeparture);
    expect(t.cashNeverFinanced).toEqual(idr(0));
    // Registration 1,500,000 + course 3,000,000 + skills test 2,000,000 + medical 850,000, all due before 15 Jun.
    expect(t.cashBeforeFinancing).toEqual(idr(7_350_000));
    expect(t.dueBeforePayout['KUR_PENEMPATAN_PMI']).toEqual(idr(7_350_000));
    expect(t.events.map((e) => [e.on, e.ownCashOutstanding.amount])).toEqual([
      ['2026-01-05', 1_500_000],
      ['2026-01-10', 4_500_000],
      ['2026-04-01', 6_500_000],
      ['2026-05-01', 7_350_000],
      ['2026-06-15', 0],
      ['2026-07-01', 0],
    ]);
    expect(t.unknownLineIds).toEqual(['contractLegalisation', 'localTransport', 'accommodation']);
  });

  it('the city paying the Korean course lowers the bridge cash by the course fee', () => {
    const withCity = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24, inputs: { skillsTestFee: idr(2_000_000), p3miServiceFee: idr(5_000_000) } }, params, [CITY_PAYS_KOREAN_COURSE]);
    const r = upfrontCashTimeline({ estimate: withCity, dueOn, defaultDueOn: '2026-07-01', sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: withCity.worker.beforeDeparture, paysOutOn: '2026-06-15', product: kur }] });
    expect(r.ok && r.value.cashBeforeFinancing).toEqual(idr(2_850_000));
  });

  it('checks a loan against the product ceiling', () => {
    const r = upfrontCashTimeline({ estimate: welder, defaultDueOn: '2026-07-01', sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: idr(100_000_001), paysOutOn: '2026-06-15', product: kur }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('LOAN.ABOVE_CEILING');
    expect(r.error.details).toMatchObject({ ceiling: 100_000_000, productId: 'KUR_PENEMPATAN_PMI' });
    const old = kurPenempatanProduct(parameterSnapshot('2018-06-01'));
    const r2 = upfrontCashTimeline({ estimate: welder, defaultDueOn: '2026-07-01', sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: idr(30_000_000), paysOutOn: '2026-06-15', product: old }] });
    expect(!r2.ok && r2.error.code).toBe('LOAN.ABOVE_CEILING');
  });

  it('refuses bad input', () => {
    expect(() => upfrontCashTimeline({ estimate: welder, defaultDueOn: '2026-13-01' })).toThrow(expect.objectContaining({ code: 'DATE.INVALID' }));
    expect(() => upfrontCashTimeline({ estimate: welder, defaultDueOn: '2026-07-01', sources: [{ productId: 'X', kind: 'GRANT', amount: money(1, 'KRW'), paysOutOn: '2026-01-01' }] })).toThrow(
      expect.objectContaining({ code: 'MONEY.CURRENCY_MISMATCH' }),
    );
  });

  it('property: the bridge cash lies between what no source covers and the total due; money before the first cost means none', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...welder.lines.map((l) => l.id)), day), day, fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000_000 }), day), { maxLength: 3 }), (due, def, srcs) => {
        const sources = srcs.map(([a, d], i) => ({ productId: `S${i}`, kind: 'GRANT' as const, amount: idr(a), paysOutOn: d }));
        const r = upfrontCashTimeline({ estimate: welder, dueOn: due, defaultDueOn: def, sources });
        if (!r.ok) throw new Error(r.error.code);
        const t = r.value;
        expect(t.cashBeforeFinancing.amount).toBeGreaterThanOrEqual(t.cashNeverFinanced.amount);
        expect(t.cashBeforeFinancing.amount).toBeLessThanOrEqual(t.totalDue.amount);
        const early = upfrontCashTimeline({ estimate: welder, dueOn: due, defaultDueOn: def, sources: [{ productId: 'ALL', kind: 'GRANT', amount: t.totalDue, paysOutOn: '2025-12-31' }] });
        expect(early.ok && early.value.cashBeforeFinancing.amount).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
