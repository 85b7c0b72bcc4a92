/**
 * Comparing opportunities with the sourced wages (DOMAIN.md §9) and the Korea routes' costs and KUR:
 * every expected figure below is computed by hand from the decrees, not read back from the code.
 */
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { money, type Money } from '../money/money';
import { convert, exchangeRate } from '../money/exchange-rate';
import { affordability } from '../financing/affordability';
import { kurPenempatanProduct } from '../financing/kur-penempatan.product';
import { scheduleLoan } from '../financing/schedule-loan';
import type { RepaymentSchedule } from '../financing/repayment-schedule';
import { estimateCosts } from '../costs/estimate-costs';
import { compareOpportunities } from './compare-opportunities';
import type { OpportunityComparisonInput, OpportunityInput } from './opportunity-input';
import { isBelowDecreed, wageFloorAsOf, wholeRupiahNotBelow } from './wage-floor';

const idr = (n: number) => money(n, 'IDR');
const krw = (n: number) => money(n, 'KRW');
const code = (c: string, path?: string[]) => expect.objectContaining({ code: c, ...(path ? { path } : {}) });
const run = (input: OpportunityComparisonInput, asOf = '2026-01-15') => compareOpportunities(input, parameterSnapshot(asOf));
const one = (o: OpportunityInput, horizonMonths = 12, asOf = '2026-01-15', extra: Partial<OpportunityComparisonInput> = {}) =>
  run({ horizonMonths, options: [o], ...extra }, asOf).ranking[0]!;
const ceilShare = (amount: number, num: number, den: number) => Math.ceil((amount * num) / den);

describe('wage floors: decreed with sen, paid in whole rupiah', () => {
  it('rounds each decree up to the rupiah and compares offers with the exact decree', () => {
    expect(wholeRupiahNotBelow('4418261.13')).toEqual(idr(4418262));
    expect(wholeRupiahNotBelow('4665927.94')).toEqual(idr(4665928));
    expect(wholeRupiahNotBelow('5729876')).toEqual(idr(5729876));
    expect(isBelowDecreed(idr(4418261), '4418261.13')).toBe(true);
    expect(isBelowDecreed(idr(4418262), '4418261.13')).toBe(false);
    expect(isBelowDecreed(idr(5729875), '5729876')).toBe(true);
    expect(isBelowDecreed(idr(5729876), '5729876')).toBe(false);
  });

  it.each([
    ['KOTA_SERANG', '2025-06-01', '4418261.13', 4418262, 'wage.umk.kotaSerangIdr', '2025-01-01'],
    ['KOTA_SERANG', '2026-01-01', '4665927.94', 4665928, 'wage.umk.kotaSerangIdr', '2026-01-01'],
    ['KABUPATEN_SERANG', '2026-03-01', '5178521.19', 5178522, 'wage.umk.kabupatenSerangIdr', '2026-01-01'],
    ['KOTA_TANGERANG', '2026-03-01', '5399405.69', 5399406, 'wage.umk.kotaTangerangIdr', '2026-01-01'],
    ['DKI_JAKARTA', '2025-12-31', '5396761', 5396761, 'wage.ump.dkiJakartaIdr', '2025-01-01'],
    ['DKI_JAKARTA', '2026-01-01', '5729876', 5729876, 'wage.ump.dkiJakartaIdr', '2026-01-01'],
  ] as const)('%s on %s: Rp %s → Rp %d', (place, date, decreed, whole, id, from) => {
    const f = wageFloorAsOf(place, date, parameterSnapshot(date));
    expect(f).toMatchObject({ decreed, monthly: idr(whole), parameter: { id, effectiveFrom: from, isDefault: false } });
  });

  it('every Banten UMK recorded for 2026 is above the UMP Banten (the UMK must exceed the provincial floor)', () => {
    const p = parameterSnapshot('2026-01-01');
    const ump = Number(p.get('wage.ump.bantenIdr'));
    expect(ump).toBe(3100881.4);
    for (const id of ['wage.umk.kotaSerangIdr', 'wage.umk.kabupatenSerangIdr', 'wage.umk.kotaTangerangIdr'] as const) expect(Number(p.get(id))).toBeGreaterThan(ump);
  });
});

describe('LOCAL and JABODETABEK', () => {
  it('pays the UMK Kota Serang month by month across the 1 January 2026 decree, with living costs as a share rounded up', () => {
    const r = one({ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.55' } }, 12, '2025-07-01');
    expect(r.months.map((m) => m.wage?.amount)).toEqual([...Array(6).fill(4418262), ...Array(6).fill(4665928)]);
    expect(r.months[5]).toMatchObject({ startsOn: '2025-12-01', incomeSources: [{ kind: 'MINIMUM_WAGE', parameter: { id: 'wage.umk.kotaSerangIdr', effectiveFrom: '2025-01-01' } }] });
    expect(r.months[6]).toMatchObject({ startsOn: '2026-01-01', incomeSources: [{ kind: 'MINIMUM_WAGE', parameter: { id: 'wage.umk.kotaSerangIdr', effectiveFrom: '2026-01-01' } }] });
    const living = 6 * ceilShare(4418262, 55, 100) + 6 * ceilShare(4665928, 55, 100);
    const income = 6 * 4418262 + 6 * 4665928;
    expect(r.scenarios).toHaveLength(1);
    expect(r.scenarios[0]!.totals).toEqual({
      income: idr(income),
      livingCosts: idr(living),
      costs: idr(0),
      debtPayments: idr(0),
      debtOutstandingAtEnd: idr(0),
      netSaving: idr(income - living),
    });
    expect(r.parameters).toEqual([
      { id: 'wage.umk.kotaSerangIdr', effectiveFrom: '2025-01-01', isDefault: false },
      { id: 'wage.umk.kotaSerangIdr', effectiveFrom: '2026-01-01', isDefault: false },
    ]);
    expect(r.firstIncomeMonth).toBe(1);
    expect(r.risks).toEqual([]);
  });

  it('refuses a wage offer below the floor by a single rupiah, and accepts the floor rounded up', () => {
    const o = (wage: number): OpportunityInput => ({ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.5' }, monthlyWage: idr(wage) });
    expect(() => one(o(4418261), 3, '2025-03-01')).toThrow(code('OPPORTUNITIES.WAGE_BELOW_MINIMUM', ['options', '0', 'monthlyWage']));
    try {
      one(o(4418261), 3, '2025-03-01');
    } catch (e) {
      expect((e as { details: unknown }).details).toMatchObject({ parameter: 'wage.umk.kotaSerangIdr', floorDecreed: '4418261.13' });
      expect((e as { messages: { id: string } }).messages.id).toContain('Rp 4418261,13');
    }
    expect(one(o(4418262), 3, '2025-03-01').months.map((m) => m.wage?.amount)).toEqual([4418262, 4418262, 4418262]);
  });

  it('raises an offer to the new floor when a later decree passes it (the law requires it), and keeps a higher offer', () => {
    const r = one({ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0' }, monthlyWage: idr(4500000) }, 4, '2025-11-01');
    expect(r.months.map((m) => [m.wage?.amount, m.incomeSources[0]?.kind])).toEqual([
      [4500000, 'WAGE_OFFER'],
      [4500000, 'WAGE_OFFER'],
      [4665928, 'MINIMUM_WAGE'],
      [4665928, 'MINIMUM_WAGE'],
    ]);
    const high = one({ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0' }, monthlyWage: idr(6000000) }, 4, '2025-11-01');
    expect(high.months.every((m) => m.wage?.amount === 6000000)).toBe(true);
  });

  it('uses the UMP DKI Jakarta for Jakarta and the UMK for Kota Tangerang, chosen by the place', () => {
    const base = { kind: 'JABODETABEK' as const, monthsUntilFirstWage: 0, livingCost: { monthly: idr(3000000) } };
    expect(one({ ...base, place: 'DKI_JAKARTA' }, 2).months.map((m) => m.wage?.amount)).toEqual([5729876, 5729876]);
    const tgr = one({ ...base, place: 'KOTA_TANGERANG' }, 2);
    expect(tgr.months.map((m) => m.wage?.amount)).toEqual([5399406, 5399406]);
    expect(tgr.netSaving).toEqual(idr(2 * (5399406 - 3000000)));
  });

  it('refuses Kota Tangerang before its first recorded decree rather than guess a floor', () => {
    expect(() => one({ kind: 'JABODETABEK', place: 'KOTA_TANGERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.5' } }, 2, '2025-06-01')).toThrow(
      code('PARAMETER.BEFORE_COVERAGE', ['options', '0', 'place', 'asOf']),
    );
  });

  it('refuses a place that is not of the kind, and an unknown place', () => {
    expect(() => one({ kind: 'LOCAL', place: 'DKI_JAKARTA', monthsUntilFirstWage: 0, livingCost: { share: '0.5' } })).toThrow(
      code('OPPORTUNITIES.PLACE_NOT_OF_KIND', ['options', '0', 'place']),
    );
    expect(() => one({ kind: 'LOCAL', place: 'BOGOR' as never, monthsUntilFirstWage: 0, livingCost: { share: '0.5' } })).toThrow(code('OPPORTUNITIES.UNKNOWN_PLACE'));
  });

  it('counts home living costs while waiting and after the contract, and names the months without income', () => {
    const r = one(
      { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 2, contractMonths: 3, livingCost: { monthly: idr(3000000) } },
      8,
      '2026-01-15',
      { homeLivingCostMonthly: idr(1500000) },
    );
    expect(r.months.map((m) => m.phase)).toEqual(['WAITING', 'WAITING', 'WORKING', 'WORKING', 'WORKING', 'AFTER_CONTRACT', 'AFTER_CONTRACT', 'AFTER_CONTRACT']);
    expect(r.months.map((m) => m.livingCosts.amount)).toEqual([1500000, 1500000, 3000000, 3000000, 3000000, 1500000, 1500000, 1500000]);
    expect(r.netSaving).toEqual(idr(3 * (5729876 - 3000000) - 5 * 1500000));
    expect(r.firstIncomeMonth).toBe(3);
    expect(r.risks.map((x) => x.code)).toEqual(['OPPORTUNITIES.NO_INCOME_AFTER_CONTRACT']);
    const loss = one({ kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 2, contractMonths: 1, livingCost: { monthly: idr(3000000) } }, 8, '2026-01-15', { homeLivingCostMonthly: idr(1500000) });
    expect(loss.netSaving).toEqual(idr(5729876 - 3000000 - 7 * 1500000));
    expect(loss.risks.map((x) => x.code)).toEqual(['OPPORTUNITIES.NET_LOSS', 'OPPORTUNITIES.NO_INCOME_AFTER_CONTRACT']);
  });
});

describe('TRANSMIGRATION', () => {
  it('counts the programme’s living allowance from arrival and the stated farm income from the first harvest', () => {
    const r = one({
      kind: 'TRANSMIGRATION',
      destination: 'SP 2 (example settlement)',
      monthsUntilFirstWage: 4,
      monthlyIncome: idr(2500000),
      incomeStatedBy: 'extension officer (example)',
      livingCost: { monthly: idr(1200000) },
      support: { livingAllowanceMonthly: idr(1000000), livingAllowanceMonths: 6, landHectares: '2', statedBy: 'programme notice (example)' },
      upfrontCosts: [{ id: 'tools', label: { id: 'Peralatan', en: 'Tools' }, amount: idr(800000), statedBy: 'quote' }],
    });
    expect(r.months.map((m) => m.phase)).toEqual([...Array(4).fill('SETTLING'), ...Array(8).fill('WORKING')]);
    expect(r.months.map((m) => m.income.amount)).toEqual([1000000, 1000000, 1000000, 1000000, 3500000, 3500000, ...Array(6).fill(2500000)]);
    expect(r.months[0]!.costs).toEqual(idr(800000));
    expect(r.firstIncomeMonth).toBe(1);
    expect(r.netSaving).toEqual(idr(6 * 1000000 + 8 * 2500000 - 12 * 1200000 - 800000));
    expect(r.costs).toMatchObject({ workerBeforeFirstWage: idr(800000), upfrontCash: idr(800000), complete: true });
    expect(r.inputs).toEqual(expect.arrayContaining(['options.0.monthlyIncome', 'options.0.support', 'options.0.upfrontCosts']));
  });

  it('requires the income to be stated by someone, and a valid land figure', () => {
    const base = { kind: 'TRANSMIGRATION' as const, monthsUntilFirstWage: 0, monthlyIncome: idr(1), incomeStatedBy: 'x', livingCost: { share: '0.5' } };
    expect(() => one({ ...base, incomeStatedBy: ' ' })).toThrow(code('OPPORTUNITIES.INVALID_TEXT', ['options', '0', 'incomeStatedBy']));
    expect(() => one({ ...base, support: { livingAllowanceMonthly: idr(1), livingAllowanceMonths: 1, landHectares: 'two', statedBy: 'x' } })).toThrow(
      code('OPPORTUNITIES.INVALID_SUPPORT', ['options', '0', 'support', 'landHectares']),
    );
  });
});

describe('OVERSEAS (Korea)', () => {
  const asOf = '2026-01-15';
  const params = parameterSnapshot(asOf);
  const welder: OpportunityInput = {
    kind: 'OVERSEAS',
    route: 'E7_3',
    occupation: 'WELDER',
    contractMonths: 36,
    monthsUntilFirstWage: 6,
    livingCost: { share: '0.4' },
    costInputs: { skillsTestFee: idr(1500000), p3miServiceFee: idr(5000000) },
    loan: { tenorMonths: 24 },
  };

  it('converts the Korean minimum wage at the dated default rate (rounded down) and under each FX shock', () => {
    const r = run({ horizonMonths: 48, options: [welder], maxDebtServiceRatio: '0.3' }, asOf).ranking[0]!;
    const work = r.months.filter((m) => m.phase === 'WORKING');
    expect(work).toHaveLength(36);
    // ₩2.156.880 × 11,5 = Rp 24.804.120
    expect(work[0]).toMatchObject({ month: 7, wage: krw(2156880), income: idr(24804120), livingCosts: idr(ceilShare(24804120, 4, 10)) });
    expect(r.scenarios.map((s) => [s.scenario, s.fxChange, s.exchangeRate?.rate])).toEqual([
      ['BASE', '0', '11.5'],
      ['FX_SHOCK', '-0.1', '10.35'],
      ['FX_SHOCK', '0.1', '12.65'],
    ]);
    const incomeAt = (rate: string) => 36 * convert(krw(2156880), exchangeRate({ base: 'KRW', quote: 'IDR', rate, asOf, source: 't', isDefault: true }), 'FLOOR').amount;
    expect(r.scenarios.map((s) => s.totals.income.amount)).toEqual([incomeAt('11.5'), incomeAt('10.35'), incomeAt('12.65')]);
    expect(r.worstNetSaving).toEqual(r.scenarios[1]!.totals.netSaving);
    expect(r.parameters).toEqual(expect.arrayContaining([{ id: 'fx.idrPerKrw', effectiveFrom: '2025-10-01', isDefault: true }, { id: 'korea.minimumWageMonthlyKrw', effectiveFrom: '2026-01-01', isDefault: false }]));
  });

  it('reuses estimateCosts, the KUR schedule and affordability exactly', () => {
    const r = run({ horizonMonths: 48, options: [welder], maxDebtServiceRatio: '0.3' }, asOf).ranking[0]!;
    const rate = exchangeRate({ base: 'KRW', quote: 'IDR', rate: '11.5', asOf, source: 'parameter fx.idrPerKrw (2025-10-01)', isDefault: true });
    const est = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 36, exchangeRates: { krwIdr: rate }, inputs: welder.kind === 'OVERSEAS' ? welder.costInputs! : {}, upfrontCashThreshold: null }, params);
    expect(r.costs.workerBeforeFirstWage).toEqual(est.worker.beforeDeparture);
    expect(r.costs.workerAfterFirstWage).toEqual(est.worker.inKorea);
    expect(r.costs.byPayer).toEqual(est.totals.byPayer);
    const loan = scheduleLoan(kurPenempatanProduct(params), { amount: est.worker.beforeDeparture, tenorMonths: 24, contractMonths: 36 });
    expect(loan.ok).toBe(true);
    const schedule = (loan.ok ? loan.value.schedule : null) as RepaymentSchedule;
    expect(r.loan?.schedule).toEqual(schedule);
    expect(r.costs.loanApplied).toEqual(est.worker.beforeDeparture);
    expect(r.costs.upfrontCash).toEqual(idr(0));
    expect(r.months.map((m) => m.debtPayment.amount)).toEqual([...schedule.rows.map((x) => x.payment.amount), ...Array(24).fill(0)]);
    expect(r.scenarios[0]!.totals.debtPayments).toEqual(schedule.totals.paid);
    const largest = schedule.lastInstalment.amount > schedule.regularInstalment.amount ? schedule.lastInstalment : schedule.regularInstalment;
    expect(r.affordability).toEqual(affordability({ instalment: largest, monthlyWage: krw(2156880), exchangeRate: rate, livingCostShare: '0.4', maxDebtServiceRatio: '0.3', fxShocks: ['-0.1', '0.1'] }));
    // in-Korea costs (the return-cost insurance) fall in the first wage month
    expect(r.months[6]!.costs).toEqual(est.worker.inKorea);
  });

  it('finds the cash up front without a loan and names the "sells belongings" line when crossed', () => {
    const noLoan = { ...welder, loan: null } as OpportunityInput;
    const r = one(noLoan, 48, asOf, { sellsBelongingsLine: idr(5000000) });
    expect(r.costs.upfrontCash).toEqual(r.costs.workerBeforeFirstWage);
    expect(r.months[0]!.costs).toEqual(r.costs.workerBeforeFirstWage);
    expect(r.sellsBelongings).toEqual({
      line: idr(5000000),
      upfrontCash: r.costs.upfrontCash,
      status: 'ABOVE_THRESHOLD',
      crossed: true,
      excess: idr(r.costs.upfrontCash.amount - 5000000),
    });
    const risk = r.risks.find((x) => x.code === 'OPPORTUNITIES.SELLS_BELONGINGS');
    expect(risk?.message.id).toMatch(/menjual harta benda/);
    expect(risk?.message.en).toMatch(/sells belongings/);
    // at the line exactly: not crossed (UNKNOWN while a worker-paid line before the first wage has no amount)
    const atLine = one(noLoan, 48, asOf, { sellsBelongingsLine: idr(r.costs.upfrontCash.amount) });
    const unknownWorkerLine = atLine.costs.lines.some((l) => l.timing === 'BEFORE_FIRST_WAGE' && l.payers.some((x) => x.payer === 'WORKER' && x.amount === null));
    expect(atLine.sellsBelongings).toMatchObject({ status: unknownWorkerLine ? 'UNKNOWN' : 'WITHIN_THRESHOLD', crossed: false, excess: null });
    expect(atLine.risks.map((x) => x.code)).not.toContain('OPPORTUNITIES.SELLS_BELONGINGS');
    // a move to Jakarta: the deposit for a room is the cash up front
    const move = one(
      { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 0, livingCost: { share: '0.5' }, upfrontCosts: [{ id: 'roomDeposit', label: { id: 'Deposit kos', en: 'Room deposit' }, amount: idr(2000000), statedBy: 'landlord quote' }] },
      12,
      asOf,
      { sellsBelongingsLine: idr(2000000) },
    );
    expect(move.sellsBelongings).toEqual({ line: idr(2000000), upfrontCash: idr(2000000), status: 'WITHIN_THRESHOLD', crossed: false, excess: null });
    const noLine = one({ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.5' } }, 2, asOf);
    expect(noLine.sellsBelongings).toMatchObject({ line: null, status: 'NO_THRESHOLD', crossed: false });
  });

  it('names a suspended route (E-8 for Indonesia from end-2024)', () => {
    const r = one({ kind: 'OVERSEAS', route: 'E8', occupation: 'AGRICULTURE_WORKER', contractMonths: 5, monthsUntilFirstWage: 2, livingCost: { share: '0.4' } }, 12, asOf);
    const risk = r.risks.find((x) => x.code === 'OPPORTUNITIES.ROUTE_SUSPENDED');
    expect(risk).toBeDefined();
    expect(risk?.details).toMatchObject({ status: 'SUSPENDED' });
    expect(r.routeStatus?.status).toBe('SUSPENDED');
  });

  it('names a debt above the affordability line, using the same test as the financing simulator', () => {
    const r = run({ horizonMonths: 48, options: [{ ...welder, loan: { tenorMonths: 12 } } as OpportunityInput], maxDebtServiceRatio: '0.05' }, asOf).ranking[0]!;
    expect(r.affordability?.affordableInAllScenarios).toBe(false);
    expect(r.risks.map((x) => x.code)).toContain('OPPORTUNITIES.DEBT_ABOVE_AFFORDABILITY');
  });

  it('names a contract shorter than the loan when payments fall due before the first wage', () => {
    // grace counts from disbursement (month 1); with no grace, the instalments start in month 1, before the first wage in month 7
    const r = run({ horizonMonths: 48, options: [{ ...welder, loan: { tenorMonths: 24, graceMonths: 0 } } as OpportunityInput], maxDebtServiceRatio: '0.3' }, asOf).ranking[0]!;
    const risk = r.risks.find((x) => x.code === 'OPPORTUNITIES.CONTRACT_SHORTER_THAN_LOAN');
    expect(risk?.details).toMatchObject({ loanMonths: 24, wageMonthsDuringLoan: 18, paymentsWithoutWage: 6 });
  });

  it('deducts the loan balance still owed at the end of a short horizon', () => {
    const r = run({ horizonMonths: 10, options: [welder], maxDebtServiceRatio: '0.3' }, asOf).ranking[0]!;
    const s = r.loan!.schedule;
    expect(r.scenarios[0]!.totals.debtOutstandingAtEnd).toEqual(s.rows[9]!.closingBalance);
    const t = r.scenarios[0]!.totals;
    expect(t.netSaving.amount).toBe(t.income.amount - t.livingCosts.amount - t.costs.amount - t.debtPayments.amount - t.debtOutstandingAtEnd.amount);
    expect(r.risks.map((x) => x.code)).toContain('OPPORTUNITIES.DEBT_OUTSTANDING_AT_END');
  });

  it('shows UNKNOWN cost lines and says the net saving is an upper bound when a required fee is missing', () => {
    const r = run({ horizonMonths: 48, options: [{ ...welder, costInputs: {}, loan: null } as OpportunityInput], sellsBelongingsLine: idr(100000000) }, asOf).ranking[0]!;
    expect(r.costs.complete).toBe(false);
    expect(r.costs.lines.filter((l) => l.amount === null).map((l) => l.id)).toEqual(expect.arrayContaining(['skillsTestFee', 'p3miServiceFee']));
    expect(r.risks.map((x) => x.code)).toContain('OPPORTUNITIES.COSTS_INCOMPLETE');
    expect(r.sellsBelongings.status).toBe('UNKNOWN');
  });

  it('refuses a wage below the Korean minimum wage, a loan without a debt-service ratio, and a loan the KUR product refuses', () => {
    expect(() => one({ ...welder, monthlyWage: krw(2156879) } as OpportunityInput, 48, asOf, { maxDebtServiceRatio: '0.3' })).toThrow(
      code('OPPORTUNITIES.WAGE_BELOW_MINIMUM', ['options', '0', 'monthlyWage']),
    );
    expect(() => one(welder, 48, asOf)).toThrow(code('OPPORTUNITIES.DEBT_RATIO_REQUIRED', ['maxDebtServiceRatio']));
    expect(() => one({ ...welder, loan: { tenorMonths: 48 } } as OpportunityInput, 48, asOf, { maxDebtServiceRatio: '0.3' })).toThrow(
      expect.objectContaining({ path: expect.arrayContaining(['options', '0', 'loan']) }),
    );
    expect(() => one({ ...welder, loan: { tenorMonths: 24, amount: idr(999999999) } } as OpportunityInput, 48, asOf, { maxDebtServiceRatio: '0.3' })).toThrow(
      code('LOAN.ABOVE_PLACEMENT_COSTS', ['options', '0', 'loan', 'amount']),
    );
  });
});

describe('the comparison', () => {
  it('ranks Korea, Jakarta and Kota Serang by net saving and says how the figures are built', () => {
    const c = run(
      {
        horizonMonths: 48,
        maxDebtServiceRatio: '0.3',
        sellsBelongingsLine: idr(2000000),
        options: [
          { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.6' } },
          { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 1, livingCost: { monthly: idr(3500000) } },
          { kind: 'OVERSEAS', route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, monthsUntilFirstWage: 6, livingCost: { share: '0.4' }, loan: { tenorMonths: 24 } },
        ],
      },
      '2026-01-15',
    );
    expect(c.ranking.map((r) => [r.rank, r.kind])).toEqual([
      [1, 'OVERSEAS'],
      [2, 'JABODETABEK'],
      [3, 'LOCAL'],
    ]);
    const local = c.ranking[2]!;
    expect(local.netSaving).toEqual(idr(48 * (4665928 - ceilShare(4665928, 6, 10))));
    const jkt = c.ranking[1]!;
    expect(jkt.netSaving).toEqual(idr(47 * (5729876 - 3500000)));
    expect(c.assumptions.length).toBeGreaterThan(3);
    expect(c.fxShocks).toEqual(['-0.1', '0.1']);
    for (const r of c.ranking) {
      expect(r.label.id).not.toBe('');
      for (const risk of r.risks) expect(risk.message.id && risk.message.en).toBeTruthy();
    }
  });

  it('refuses bad input with stable codes and paths', () => {
    const ok: OpportunityInput = { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.5' } };
    expect(() => run({ horizonMonths: 0, options: [ok] })).toThrow(code('OPPORTUNITIES.INVALID_HORIZON', ['horizonMonths']));
    expect(() => run({ horizonMonths: 481, options: [ok] })).toThrow(code('OPPORTUNITIES.INVALID_HORIZON'));
    expect(() => run({ horizonMonths: 12, options: [] })).toThrow(code('OPPORTUNITIES.INVALID_OPTIONS', ['options']));
    expect(() => run({ horizonMonths: 12, options: Array(11).fill(ok) })).toThrow(code('OPPORTUNITIES.INVALID_OPTIONS'));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, kind: 'MARS' } as never] })).toThrow(code('OPPORTUNITIES.UNKNOWN_KIND', ['options', '0', 'kind']));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, monthsUntilFirstWage: 13 }] })).toThrow(code('OPPORTUNITIES.INVALID_MONTHS', ['options', '0', 'monthsUntilFirstWage']));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, livingCost: { share: '1.5' } }] })).toThrow(code('OPPORTUNITIES.INVALID_SHARE', ['options', '0', 'livingCost', 'share']));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, livingCost: {} as never }] })).toThrow(code('OPPORTUNITIES.INVALID_LIVING_COST'));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, livingCost: { monthly: krw(1) } }] })).toThrow(code('MONEY.CURRENCY_MISMATCH'));
    expect(() => run({ horizonMonths: 12, options: [{ ...ok, monthlyWage: krw(9000000) }] })).toThrow(code('MONEY.CURRENCY_MISMATCH', ['options', '0', 'monthlyWage']));
    expect(() => run({ horizonMonths: 12, options: [ok], fxShocks: ['-1'] })).toThrow(code('OPPORTUNITIES.INVALID_FX_SHOCK', ['fxShocks', '0']));
    expect(() => run({ horizonMonths: 12, options: [ok], sellsBelongingsLine: idr(-1) })).toThrow(code('OPPORTUNITIES.INVALID_AMOUNT', ['sellsBelongingsLine']));
    expect(() =>
      run({ horizonMonths: 12, options: [{ ...ok, upfrontCosts: [{ id: 'Bad id', label: { id: 'a', en: 'a' }, amount: idr(1), statedBy: 'x' }] }] }),
    ).toThrow(code('OPPORTUNITIES.INVALID_COST_LINE', ['options', '0', 'upfrontCosts', '0', 'id']));
    expect(() => run({ horizonMonths: 12, options: [ok] }, '2024-06-01')).toThrow(code('PARAMETER.BEFORE_COVERAGE'));
  });

  it('honours a what-if overlay of the floor for every month', () => {
    const p = parameterSnapshot('2026-01-15', [{ name: 'umk-what-if', description: { id: 'UMK andaian', en: 'UMK what-if' }, values: { 'wage.umk.kotaSerangIdr': '5000000.50' } }]);
    const c = compareOpportunities({ horizonMonths: 3, options: [{ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0' } }] }, p);
    expect(c.ranking[0]!.months.map((m) => m.wage?.amount)).toEqual([5000001, 5000001, 5000001]);
    expect(c.ranking[0]!.parameters).toEqual([{ id: 'wage.umk.kotaSerangIdr', effectiveFrom: '2026-01-15', isDefault: false, overlaidBy: 'umk-what-if' }]);
    expect(c.parameterOverlays).toEqual(['umk-what-if']);
  });

  it('exact money: every month and total is a whole-rupiah Money', () => {
    const c = run({ horizonMonths: 6, options: [{ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.333' } }] });
    for (const m of c.ranking[0]!.months) for (const x of [m.income, m.livingCosts, m.net, m.cumulative] as Money[]) expect(Number.isSafeInteger(x.amount) && x.currency === 'IDR').toBe(true);
  });
});
