import fc from 'fast-check';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { bpjsDuringWorkContribution } from './bpjs-contribution';

const code = (c: string) => expect.objectContaining({ code: c });
const params = parameterSnapshot('2025-10-01');

describe('BPJS Ketenagakerjaan during-work contribution (Permenaker 4/2023 Pasal 18)', () => {
  it.each<[number, number, number]>([
    [1, 108_000, 6],
    [5, 108_000, 6],
    [6, 108_000, 6],
    [7, 189_000, 12],
    [12, 189_000, 12],
    [13, 332_500, 24],
    [24, 332_500, 24],
    [25, 332_500 + 13_500, 24],
    [36, 332_500 + 12 * 13_500, 24],
    [120, 332_500 + 96 * 13_500, 24],
  ])('%i months → Rp %i (table point %i)', (months, amount, bracket) => {
    const c = bpjsDuringWorkContribution(months, params);
    expect(c.amount).toEqual({ amount, currency: 'IDR' });
    expect(c.bracketMonths).toBe(bracket);
    expect(c.monthsBeyond24).toBe(Math.max(0, months - 24));
    expect(c.note.id.length).toBeGreaterThan(0);
  });

  it('never falls as the contract gets longer, and each month beyond 24 adds the monthly tariff', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 119 }), (m) => {
        const a = bpjsDuringWorkContribution(m, params).amount.amount;
        const b = bpjsDuringWorkContribution(m + 1, params).amount.amount;
        expect(b).toBeGreaterThanOrEqual(a);
        if (m >= 24) expect(b - a).toBe(params.get('bpjs.pmi.perMonthBeyond24Idr'));
      }),
    );
  });

  it('reads the tariffs from the snapshot (what-if overlay)', () => {
    const reform = parameterSnapshot('2025-10-01', [
      { name: 'tarif-baru', description: { id: 'Uji', en: 'Test' }, values: { 'bpjs.pmi.perMonthBeyond24Idr': 20_000 } },
    ]);
    expect(bpjsDuringWorkContribution(30, reform).amount.amount).toBe(332_500 + 6 * 20_000);
  });

  it.each<[unknown, string]>([
    [0, 'COSTS.INVALID_CONTRACT_MONTHS'],
    [-6, 'COSTS.INVALID_CONTRACT_MONTHS'],
    [121, 'COSTS.INVALID_CONTRACT_MONTHS'],
    [12.5, 'COSTS.NON_INTEGER_MONTHS'],
    ['12', 'COSTS.NON_INTEGER_MONTHS'],
    [Number.NaN, 'COSTS.NON_INTEGER_MONTHS'],
  ])('refuses %p months', (months, expected) => {
    expect(() => bpjsDuringWorkContribution(months as number, params)).toThrow(code(expected));
  });
});
