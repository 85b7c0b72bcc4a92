/** compareOpportunities(input): public, and exactly what the domain returns; bad input gives stable codes. */
import { compareOpportunities, money, parameterSnapshot } from '@jembatan/domain';
import { startTestGateway, type TestGateway } from './harness';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t?.close();
});

const QUERY = `query($input: OpportunityComparisonInput!) { compareOpportunities(input: $input) {
  asOf horizonMonths fxShocks assumptions { idn en }
  ranking {
    index rank kind label { idn en } place route occupation destination monthsUntilFirstWage firstIncomeMonth contractMonths routeStatus
    netSaving { amount currency } worstNetSaving { amount }
    months { month startsOn phase wage { amount currency } income { amount } incomeSources { kind parameter { parameterId effectiveFrom } input } livingCosts { amount } costs { amount } debtPayment { amount } net { amount } cumulative { amount } }
    scenarios { scenario fxChange exchangeRate { rate isDefault } income { amount } netSaving { amount } debtOutstandingAtEnd { amount } }
    costs { lines { lineId timing amount { amount } payers { payer amount { amount } } source } byPayer { payer amount { amount } } workerBeforeFirstWage { amount } upfrontCash { amount } loanApplied { amount } complete }
    loan { productId amount { amount } lastPaymentMonth schedule { tenorMonths regularInstalment { amount } } }
    affordability { scenario fxChange affordable }
    sellsBelongings { line { amount } upfrontCash { amount } status crossed excess { amount } }
    risks { code message { idn en } details }
    parameters { parameterId effectiveFrom isDefault overlaidBy }
    inputs
  }
} }`;

const OPTIONS = [
  { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '0.6' },
  { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 1, livingCostMonthlyIdr: '3500000' },
  {
    kind: 'TRANSMIGRATION',
    monthsUntilFirstWage: 6,
    livingCostMonthlyIdr: '1200000',
    monthlyIncomeIdr: '2500000',
    incomeStatedBy: 'extension officer (example)',
    support: { livingAllowanceMonthlyIdr: '1000000', livingAllowanceMonths: 12, landHectares: '2', statedBy: 'programme notice (example)' },
  },
  {
    kind: 'OVERSEAS',
    route: 'E7_3',
    occupation: 'WELDER',
    contractMonths: 36,
    monthsUntilFirstWage: 6,
    livingCostShare: '0.4',
    costInputs: { skillsTestFeeIdr: '1500000', p3miServiceFeeIdr: '5000000' },
    overlays: ['CITY_PAYS_KOREAN_COURSE'],
    loan: { tenorMonths: 24 },
  },
];

describe('compareOpportunities(input)', () => {
  it('answers a public (anonymous) request with exactly the domain’s comparison', async () => {
    const { CITY_PAYS_KOREAN_COURSE } = await import('@jembatan/domain');
    const res = await t.gql<{ compareOpportunities: Record<string, any> }>(QUERY, {
      input: { asOf: '2026-01-15', horizonMonths: 48, options: OPTIONS, maxDebtServiceRatio: '0.3', sellsBelongingsLineIdr: '2000000' },
    });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.compareOpportunities;
    const idr = (n: number) => money(n, 'IDR');
    const expected = compareOpportunities(
      {
        horizonMonths: 48,
        maxDebtServiceRatio: '0.3',
        sellsBelongingsLine: idr(2_000_000),
        options: [
          { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCost: { share: '0.6' } },
          { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 1, livingCost: { monthly: idr(3_500_000) } },
          {
            kind: 'TRANSMIGRATION',
            monthsUntilFirstWage: 6,
            livingCost: { monthly: idr(1_200_000) },
            monthlyIncome: idr(2_500_000),
            incomeStatedBy: 'extension officer (example)',
            support: { livingAllowanceMonthly: idr(1_000_000), livingAllowanceMonths: 12, landHectares: '2', statedBy: 'programme notice (example)' },
          },
          {
            kind: 'OVERSEAS',
            route: 'E7_3',
            occupation: 'WELDER',
            contractMonths: 36,
            monthsUntilFirstWage: 6,
            livingCost: { share: '0.4' },
            costInputs: { skillsTestFee: idr(1_500_000), p3miServiceFee: idr(5_000_000) },
            costPolicies: [CITY_PAYS_KOREAN_COURSE],
            loan: { tenorMonths: 24 },
          },
        ],
      },
      parameterSnapshot('2026-01-15'),
    );
    expect(got.asOf).toBe('2026-01-15');
    expect(got.fxShocks).toEqual(['-0.1', '0.1']);
    expect(got.ranking.map((r: any) => [r.rank, r.index, r.kind, r.netSaving.amount])).toEqual(expected.ranking.map((r) => [r.rank, r.index, r.kind, String(r.netSaving.amount)]));
    expected.ranking.forEach((e, k) => {
      const g = got.ranking[k];
      expect(g.months.map((m: any) => [m.phase, m.income.amount, m.livingCosts.amount, m.costs.amount, m.debtPayment.amount, m.cumulative.amount])).toEqual(
        e.months.map((m) => [m.phase, String(m.income.amount), String(m.livingCosts.amount), String(m.costs.amount), String(m.debtPayment.amount), String(m.cumulative.amount)]),
      );
      expect(g.scenarios.map((s: any) => [s.scenario, s.fxChange, s.netSaving.amount])).toEqual(e.scenarios.map((s) => [s.scenario, s.fxChange, String(s.totals.netSaving.amount)]));
      expect(g.risks.map((r: any) => r.code)).toEqual(e.risks.map((r) => r.code));
      expect(g.sellsBelongings.status).toBe(e.sellsBelongings.status);
      expect(g.costs.upfrontCash.amount).toBe(String(e.costs.upfrontCash.amount));
      expect(g.parameters.map((p: any) => `${p.parameterId}@${p.effectiveFrom}`)).toEqual(e.parameters.map((p) => `${p.id}@${p.effectiveFrom}`));
      for (const r of g.risks) expect(r.message.idn && r.message.en).toBeTruthy();
    });
    const korea = got.ranking.find((r: any) => r.kind === 'OVERSEAS');
    expect(korea.loan.productId).toBe('KUR_PENEMPATAN_PMI');
    expect(korea.affordability.map((a: any) => a.fxChange)).toEqual(['0', '-0.1', '0.1']);
    const local = got.ranking.find((r: any) => r.kind === 'LOCAL');
    // UMK Kota Serang 2026, Rp 4.665.927,94 paid as Rp 4.665.928 (rounded up to the rupiah)
    expect(local.months[0].wage).toEqual({ amount: '4665928', currency: 'IDR' });
    expect(local.months[0].incomeSources[0]).toEqual({ kind: 'MINIMUM_WAGE', parameter: { parameterId: 'wage.umk.kotaSerangIdr', effectiveFrom: '2026-01-01' }, input: null });
  });

  it('refuses a local wage offer below the UMK with a stable code and the field path', async () => {
    const res = await t.gql(QUERY, {
      input: { asOf: '2025-03-01', horizonMonths: 12, options: [{ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '0.5', monthlyWageIdr: '4418261' }] },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'OPPORTUNITIES.WAGE_BELOW_MINIMUM',
      field: ['input', 'options', '0', 'monthlyWageIdr'],
      messages: { id: expect.stringContaining('UMK'), en: expect.stringContaining('UMK') },
    });
    expect(JSON.stringify(res.body)).not.toContain('4418261"');
  });

  it.each([
    ['a place of another kind', { kind: 'LOCAL', place: 'DKI_JAKARTA', monthsUntilFirstWage: 0, livingCostShare: '0.5' }, 'OPPORTUNITIES.PLACE_NOT_OF_KIND', ['input', 'options', '0', 'place']],
    ['no living cost', { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0 }, 'OPPORTUNITIES.INVALID_LIVING_COST', ['input', 'options', '0', 'livingCostShare']],
    ['two living costs', { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '0.5', livingCostMonthlyIdr: '1' }, 'OPPORTUNITIES.INVALID_LIVING_COST', ['input', 'options', '0', 'livingCostShare']],
    ['a share above 1', { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '1.5' }, 'OPPORTUNITIES.INVALID_SHARE', ['input', 'options', '0', 'livingCostShare']],
    ['a wait beyond the horizon', { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 13, livingCostShare: '0.5' }, 'OPPORTUNITIES.INVALID_MONTHS', ['input', 'options', '0', 'monthsUntilFirstWage']],
    ['a loan without a debt-service ratio', { kind: 'OVERSEAS', route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, monthsUntilFirstWage: 3, livingCostShare: '0.4', loan: { tenorMonths: 24 } }, 'OPPORTUNITIES.DEBT_RATIO_REQUIRED', ['input', 'maxDebtServiceRatio']],
    ['a place with no decree recorded on the date', { kind: 'JABODETABEK', place: 'KOTA_TANGERANG', monthsUntilFirstWage: 0, livingCostShare: '0.5' }, 'PARAMETER.BEFORE_COVERAGE', ['input', 'options', '0', 'place'], '2025-06-01'],
  ] as Array<[string, Record<string, unknown>, string, string[], string?]>)('refuses %s with its domain code and the schema’s field path', async (_name, option, domainCode, field, asOf = '2026-01-15') => {
    const res = await t.gql(QUERY, { input: { asOf, horizonMonths: 12, options: [option] } });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode, field, messages: { id: expect.any(String), en: expect.any(String) } });
  });

  it('validates the input shape before the domain runs (no echo of the value)', async () => {
    const res = await t.gql(QUERY, { input: { asOf: '2026-01-15', horizonMonths: 0, options: [] } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const bad = await t.gql(QUERY, { input: { asOf: '2026-01-15', horizonMonths: 12, options: [{ kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostMonthlyIdr: 'tiga juta' }] } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'options', '0', 'livingCostMonthlyIdr'] });
    expect(JSON.stringify(bad.body)).not.toContain('tiga juta');
  });
});
