import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { money } from '../money/money';
import { estimateCosts } from './estimate-costs';
import { placementCostShares } from './placement-cost-shares';

const params = parameterSnapshot('2025-10-01');

describe('placementCostShares', () => {
  // the welder's skills test and P3MI fees are inputs: without them those lines are UNKNOWN
  const estimate = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24 }, params);
  const shares = placementCostShares(estimate);

  it('keeps one share per KNOWN line and payer with an amount above zero, in line and payer order', () => {
    const expected = estimate.lines
      .filter((l) => l.status === 'KNOWN')
      .flatMap((l) => l.payers.filter((p) => p.amountIdr !== null && p.amountIdr.amount > 0).map((p) => [l.id, l.timing, p.payer, p.amountIdr!.amount]));
    expect(shares.map((s) => [s.lineId, s.timing, s.payer, s.amountIdr.amount])).toEqual(expected);
    expect(shares.length).toBeGreaterThan(0);
  });

  it('stores nothing for an UNKNOWN line and no zero share', () => {
    const unknown = estimate.lines.filter((l) => l.status === 'UNKNOWN').map((l) => l.id);
    expect(unknown.length).toBeGreaterThan(0);
    expect(shares.filter((s) => unknown.includes(s.lineId))).toEqual([]);
    expect(shares.every((s) => s.amountIdr.amount > 0 && s.amountIdr.currency === 'IDR')).toBe(true);
  });

  it('sums to the known lines’ IDR amounts (each known line’s shares add up exactly)', () => {
    const known = estimate.lines.filter((l) => l.status === 'KNOWN').reduce((n, l) => n + (l.amountIdr?.amount ?? 0), 0);
    expect(shares.reduce((n, s) => n + s.amountIdr.amount, 0)).toBe(known);
  });

  it('stores the lines the officer’s inputs made known', () => {
    const withInputs = estimateCosts(
      { route: 'E7_3', occupation: 'WELDER', contractMonths: 24, inputs: { skillsTestFee: money(2_000_000, 'IDR'), p3miServiceFee: money(5_000_000, 'IDR') } },
      params,
    );
    const ids = new Set(placementCostShares(withInputs).map((s) => s.lineId));
    expect(ids.has('skillsTestFee') || ids.has('p3miServiceFee')).toBe(true);
  });
});
