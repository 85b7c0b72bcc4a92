import fc from 'fast-check';
import { OCCUPATIONS, PAYER_KINDS, ROUTES, type PayerKind } from '../shared/vocabulary';
import type { ExchangeRate } from '../money/exchange-rate';
import { money, type Money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { BASE_COST_POLICY } from './base-cost-policy';
import { APJATI_FACILITY_COVERS_TRAINING, CITY_PAYS_KOREAN_COURSE, EMPLOYER_PAYS_PLACEMENT_FEE } from './cost-policy-overlays';
import { defineCostPolicy, type CostPolicy } from './cost-policy';
import { estimateCosts, type CostEstimate, type CostEstimateInput } from './estimate-costs';
import { PERBAN_9_2020_EXEMPT_CATEGORIES } from './zero-cost-policy';
import { routeSectorsAsOf } from '../eligibility/rule-sets';

const code = (c: string) => expect.objectContaining({ code: c });
const idr = (n: number) => money(n, 'IDR');
const params = parameterSnapshot('2025-10-01');
const e9: CostEstimateInput = { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36 };
const welder: CostEstimateInput = {
  route: 'E7_3',
  occupation: 'WELDER',
  contractMonths: 24,
  inputs: { skillsTestFee: idr(2_000_000), p3miServiceFee: idr(5_000_000) },
};
/** The Perban 9/2020 items no source prices: UNKNOWN lines unless given. */
const UNSOURCED = ['contractLegalisation', 'localTransport', 'accommodation', 'returnTicket'];
/** Test amounts (quotes a caller could give), not domain figures. */
const UNSOURCED_GIVEN = { contractLegalisation: idr(100_000), localTransport: idr(250_000), accommodation: idr(400_000), returnTicket: idr(7_000_000) };
const line = (e: CostEstimate, id: string) => e.lines.find((l) => l.id === id)!;
const payersOf = (e: CostEstimate, id: string) => line(e, id).payers.map((p) => [p.payer, p.amountIdr?.amount ?? null]);
const sumOf = (ms: readonly Money[]) => ms.reduce((a, m) => a + m.amount, 0);

describe('estimateCosts — E-9 manufacturing, 36-month contract, 1 Oct 2025', () => {
  const e = estimateCosts(e9, params);

  it('builds the lines from the parameters', () => {
    expect(e.lines.map((l) => [l.id, l.amount?.amount, l.amount?.currency, l.amountIdr?.amount])).toEqual([
      ['epsTopikFee', 2800, 'USD', 459_526], // USD 28 × 16,411.65 = 459,526.2
      ['koreanCourse', 3_000_000, 'IDR', 3_000_000],
      ['koreanCourseRegistration', 1_500_000, 'IDR', 1_500_000],
      ['medicalCheckup', 850_000, 'IDR', 850_000],
      ['passport', 650_000, 'IDR', 650_000],
      ['skck', 35_000, 'IDR', 35_000],
      ['visa', 550_000, 'IDR', 550_000],
      ['flight', 7_600_000, 'IDR', 7_600_000],
      ['orientation', 1_350_000, 'IDR', 1_350_000],
      ['bpjsBeforeWork', 37_500, 'IDR', 37_500],
      ['bpjsDuringWork', 494_500, 'IDR', 494_500], // 332,500 + 12 × 13,500
      ['returnCostInsurance', 400_000, 'KRW', 4_600_000], // KRW 400,000 × 11.5, paid in Korea
      // No source gives these amounts: UNKNOWN lines (no amount, not 0), never left out.
      ['contractLegalisation', undefined, undefined, undefined],
      ['localTransport', undefined, undefined, undefined],
      ['accommodation', undefined, undefined, undefined],
      ['returnTicket', undefined, undefined, undefined],
    ]);
    expect(UNSOURCED.map((id) => [line(e, id).status, line(e, id).category, line(e, id).timing])).toEqual([
      ['UNKNOWN', 'CONTRACT_LEGALISATION', 'BEFORE_DEPARTURE'],
      ['UNKNOWN', 'LOCAL_TRANSPORT', 'BEFORE_DEPARTURE'],
      ['UNKNOWN', 'ACCOMMODATION', 'BEFORE_DEPARTURE'],
      ['UNKNOWN', 'TICKET', 'IN_KOREA'],
    ]);
    expect(line(e, 'epsTopikFee').source.parameters.map((p) => p.id)).toEqual(['fee.epsTopikUsdCents', 'fx.idrPerUsd']);
    expect(line(e, 'epsTopikFee').exchangeRate).toMatchObject({ base: 'USD', quote: 'IDR', rate: '16411.65', isDefault: true });
    expect(line(e, 'bpjsDuringWork').source.parameters.map((p) => p.id)).toEqual(['bpjs.pmi.contract24MonthsIdr', 'bpjs.pmi.perMonthBeyond24Idr']);
    expect(line(e, 'returnCostInsurance').timing).toBe('IN_KOREA');
  });

  it('puts every line on the worker under the base policy, with the rule that decided it', () => {
    expect(e.zeroCostOccupation).toBe(false);
    expect(e.policies.map((p) => p.id)).toEqual(['BASE_ROUTE_COSTS']);
    expect(e.lines.every((l) => l.payers.length === 1 && l.payers[0]!.payer === 'WORKER')).toBe(true);
    expect(line(e, 'passport').payers[0]!.ruleId).toBe('BASE_ROUTE_COSTS/PERSONAL_COSTS');
    expect(line(e, 'flight').payers[0]!.ruleId).toBe('BASE_ROUTE_COSTS/G_TO_G_CANDIDATE_COSTS');
  });

  it('totals: Rp16.526.526 before departure, Rp4.600.000 in Korea', () => {
    expect(e.totals.beforeDeparture).toEqual(idr(16_526_526));
    expect(e.totals.inKorea).toEqual(idr(4_600_000));
    expect(e.totals.total).toEqual(idr(21_126_526));
    expect(e.worker).toEqual({ total: idr(21_126_526), beforeDeparture: idr(16_526_526), inKorea: idr(4_600_000), unknownLineIds: UNSOURCED });
    expect(e.totals.unknownLineIds).toEqual(UNSOURCED);
    expect(e.upfrontCash).toEqual(idr(16_526_526));
    expect(e.complete).toBe(false);
    expect(e.upfrontCashCheck).toEqual({ threshold: null, status: 'NO_THRESHOLD', excess: null });
  });

  it('warns that the exchange rates are working defaults, and uses given rates instead', () => {
    expect(e.warnings.map((w) => w.code)).toEqual(['COSTS.DEFAULT_EXCHANGE_RATE', 'COSTS.DEFAULT_EXCHANGE_RATE', 'COSTS.INCOMPLETE']);
    const usd: ExchangeRate = { base: 'USD', quote: 'IDR', rate: '16000', asOf: '2025-10-01', source: 'bank quote', isDefault: false };
    const krw: ExchangeRate = { base: 'IDR', quote: 'KRW', rate: '0.08', asOf: '2025-10-01', source: 'bank quote', isDefault: false };
    const given = estimateCosts({ ...e9, exchangeRates: { usdIdr: usd, krwIdr: krw } }, params);
    expect(line(given, 'epsTopikFee').amountIdr).toEqual(idr(448_000));
    expect(line(given, 'returnCostInsurance').amountIdr).toEqual(idr(5_000_000));
    expect(given.warnings.map((w) => w.code)).toEqual(['COSTS.INCOMPLETE']);
    const priced = estimateCosts({ ...e9, exchangeRates: { usdIdr: usd, krwIdr: krw }, inputs: UNSOURCED_GIVEN }, params);
    expect(priced.warnings).toEqual([]);
    expect(priced.complete).toBe(true);
    expect(priced.totals.unknownLineIds).toEqual([]);
  });
});

describe('estimateCosts — Perban BP2MI 9/2020 zero-cost occupations', () => {
  it('moves the exempt costs of a fishing crew (E-9) to the employer; EPS-TOPIK, orientation and insurance stay', () => {
    const e = estimateCosts({ ...e9, occupation: 'FISHING_CREW' }, params);
    expect(e.zeroCostOccupation).toBe(true);
    expect(e.policies.map((p) => p.id)).toEqual(['BASE_ROUTE_COSTS', 'PERBAN_9_2020_ZERO_COST']);
    for (const l of e.lines) {
      const expected: PayerKind = PERBAN_9_2020_EXEMPT_CATEGORIES.includes(l.category) ? 'EMPLOYER' : 'WORKER';
      expect([l.id, l.payers.map((p) => p.payer)]).toEqual([l.id, [expected]]);
    }
    expect(e.worker.beforeDeparture).toEqual(idr(459_526 + 1_350_000));
    expect(e.totals.byPayer.EMPLOYER).toEqual(idr(16_526_526 - 1_809_526));
  });

  it('applies to every one of the 10 jobs listed in costs.zeroCostOccupations, and to no other', () => {
    const listed = params.get('costs.zeroCostOccupations');
    expect(listed).toHaveLength(10);
    const routes = { E9: 'E9', E7_3: 'E7_3', E8: 'E8' } as const;
    for (const occupation of OCCUPATIONS) {
      const route = Object.values(routes).find((r) => routeSectorsAsOf(r, '2025-10-01').includes(occupation));
      if (route === undefined) {
        // An informal job no Korea route's sectors include (e.g. HOUSEKEEPER): refused with the eligibility rule's code.
        expect(() => estimateCosts({ ...e9, occupation }, params)).toThrow(code('ROUTE.OCCUPATION_NOT_IN_SECTORS'));
        continue;
      }
      const e = estimateCosts({ ...e9, route, occupation }, params);
      expect([occupation, e.zeroCostOccupation]).toEqual([occupation, listed.includes(occupation)]);
      expect(line(e, 'flight').payers[0]!.payer).toBe(listed.includes(occupation) ? 'EMPLOYER' : 'WORKER');
      // The UNKNOWN lines get their payer too: Perban 9/2020 moves them to the employer for the 10 jobs.
      for (const id of UNSOURCED) expect([id, line(e, id).payers.map((p) => [p.payer, p.amountIdr])]).toEqual([id, [[listed.includes(occupation) ? 'EMPLOYER' : 'WORKER', null]]]);
    }
  });

  it('reads the list from the snapshot: an overlay that drops a job drops the exemption', () => {
    const reform = parameterSnapshot('2025-10-01', [
      { name: 'tanpa-awak-kapal', description: { id: 'Uji', en: 'Test' }, values: { 'costs.zeroCostOccupations': ['COOK'] } },
    ]);
    expect(estimateCosts({ ...e9, occupation: 'FISHING_CREW' }, reform).zeroCostOccupation).toBe(false);
  });
});

describe('estimateCosts — E-7-3 welder through a P3MI: inputs DOMAIN.md does not give', () => {
  it('shows the missing skills-test and P3MI fees as UNKNOWN lines, never as invented numbers', () => {
    const e = estimateCosts({ route: 'E7_3', occupation: 'WELDER', contractMonths: 24, upfrontCashThreshold: idr(20_000_000) }, params);
    expect(e.complete).toBe(false);
    expect(e.missingInputs).toEqual([
      { lineId: 'skillsTestFee', input: 'inputs.skillsTestFee', payers: ['WORKER'] },
      { lineId: 'p3miServiceFee', input: 'inputs.p3miServiceFee', payers: ['WORKER'] },
      ...UNSOURCED.map((id) => ({ lineId: id, input: `inputs.${id}`, payers: ['WORKER'] })),
    ]);
    expect(line(e, 'p3miServiceFee')).toMatchObject({ status: 'UNKNOWN', amount: null, amountIdr: null });
    expect(e.worker.beforeDeparture).toEqual(idr(15_905_000));
    expect(e.upfrontCashCheck.status).toBe('UNKNOWN');
    expect(e.warnings.map((w) => w.code)).toContain('COSTS.INCOMPLETE');
    expect(e.lines.some((l) => l.id === 'epsTopikFee' || l.id === 'returnCostInsurance')).toBe(false);
  });

  it('is complete with the inputs, and the pilot also needs its Korean test fee', () => {
    const e = estimateCosts({ ...welder, inputs: { ...welder.inputs, ...UNSOURCED_GIVEN } }, params);
    expect(e.complete).toBe(true);
    // 22,905,000 + legalisation 100,000 + transport 250,000 + accommodation 400,000 (the return ticket is paid in Korea)
    expect(e.worker.beforeDeparture).toEqual(idr(23_655_000));
    expect(e.worker.inKorea).toEqual(idr(7_000_000));
    expect(estimateCosts(welder, params).worker.beforeDeparture).toEqual(idr(22_905_000));
    const pilot = estimateCosts({ ...welder, route: 'E7_3_PILOT', inputs: { ...welder.inputs, ...UNSOURCED_GIVEN } }, params);
    expect(pilot.missingInputs.map((m) => m.input)).toEqual(['inputs.koreanTestFee']);
    const withTest = estimateCosts({ ...welder, route: 'E7_3_PILOT', inputs: { ...welder.inputs, koreanTestFee: money(5000, 'USD') } }, params);
    expect(line(withTest, 'koreanTestFee').amountIdr).toEqual(idr(820_583)); // USD 50 × 16,411.65 = 820,582.5 → HALF_UP
  });

  it('ignores (with a warning) a P3MI fee on the G-to-G route', () => {
    const e = estimateCosts({ ...e9, inputs: { p3miServiceFee: idr(1_000_000) } }, params);
    expect(e.lines.some((l) => l.id === 'p3miServiceFee')).toBe(false);
    expect(e.warnings.map((w) => w.code)).toContain('COSTS.INPUT_NOT_APPLICABLE');
  });
});

describe('estimateCosts — overlays change the result, never the base', () => {
  it('"the city pays the Korean course"', () => {
    const base = estimateCosts(welder, params);
    const snapshotOfBase = JSON.stringify(base);
    const policySnapshot = JSON.stringify(BASE_COST_POLICY);
    const e = estimateCosts(welder, params, [CITY_PAYS_KOREAN_COURSE]);
    expect(payersOf(e, 'koreanCourse')).toEqual([['CITY_SUBSIDY', 3_000_000]]);
    expect(payersOf(e, 'koreanCourseRegistration')).toEqual([['CITY_SUBSIDY', 1_500_000]]);
    expect(e.totals.byPayer.CITY_SUBSIDY).toEqual(idr(4_500_000));
    expect(e.worker.beforeDeparture).toEqual(idr(22_905_000 - 4_500_000));
    expect(e.totals.total).toEqual(base.totals.total);
    expect(JSON.stringify(base)).toBe(snapshotOfBase);
    expect(JSON.stringify(BASE_COST_POLICY)).toBe(policySnapshot);
    expect(JSON.stringify(estimateCosts(welder, params))).toBe(snapshotOfBase);
  });

  it('overlays stack in order: APJATI covers training after the city took the course', () => {
    const e = estimateCosts(welder, params, [CITY_PAYS_KOREAN_COURSE, APJATI_FACILITY_COVERS_TRAINING, EMPLOYER_PAYS_PLACEMENT_FEE]);
    expect(payersOf(e, 'koreanCourse')).toEqual([['CITY_SUBSIDY', 3_000_000]]); // APJATI takes only what the worker still pays
    expect(payersOf(e, 'p3miServiceFee')).toEqual([['EMPLOYER', 5_000_000]]);
    expect(e.policies.map((p) => p.id)).toEqual(['BASE_ROUTE_COSTS', 'CITY_PAYS_KOREAN_COURSE', 'APJATI_FACILITY_COVERS_TRAINING', 'EMPLOYER_PAYS_PLACEMENT_FEE']);
    const apjatiFirst = estimateCosts(welder, params, [APJATI_FACILITY_COVERS_TRAINING, CITY_PAYS_KOREAN_COURSE]);
    expect(payersOf(apjatiFirst, 'koreanCourse')).toEqual([['APJATI_FACILITY', 3_000_000]]);
  });

  it('a partial subsidy: the city pays half of the flight, at most Rp3.000.000', () => {
    const half = defineCostPolicy({
      id: 'CITY_HALF_FLIGHT',
      kind: 'OVERLAY',
      name: { id: 'Separuh tiket', en: 'Half the flight' },
      legalBasis: null,
      statedBy: 'what-if',
      rules: [{ id: 'FLIGHT', match: { lineIds: ['flight'] }, payer: 'CITY_SUBSIDY', share: '0.5', cap: idr(3_000_000) }],
    });
    const e = estimateCosts(welder, params, [half]);
    expect(payersOf(e, 'flight')).toEqual([
      ['WORKER', 4_600_000],
      ['CITY_SUBSIDY', 3_000_000],
    ]);
  });

  it('totals per payer add up to the grand total and overlays never mutate their inputs (property)', () => {
    const payer = fc.constantFrom(...PAYER_KINDS);
    const overlayArb = fc.record({
      payer,
      share: fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
      cap: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
      categories: fc.option(fc.uniqueArray(fc.constantFrom(...PERBAN_9_2020_EXEMPT_CATEGORIES, 'LANGUAGE_TEST' as const, 'ORIENTATION' as const), { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
      from: fc.uniqueArray(payer, { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ROUTES).chain((route) => fc.tuple(fc.constant(route), fc.constantFrom(...routeSectorsAsOf(route, '2025-10-01')))),
        fc.integer({ min: 1, max: 120 }),
        fc.array(overlayArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        ([route, occupation], contractMonths, rules, loan) => {
          const overlays: CostPolicy[] = rules.map((r, i) =>
            defineCostPolicy({
              id: `OVERLAY_${i}`,
              kind: 'OVERLAY',
              name: { id: 'o', en: 'o' },
              legalBasis: null,
              statedBy: 'test',
              rules: [
                {
                  id: 'R',
                  match: r.categories ? { categories: r.categories } : {},
                  payer: r.payer,
                  from: r.from,
                  share: r.share,
                  ...(r.cap !== undefined ? { cap: idr(r.cap) } : {}),
                },
              ],
            }),
          );
          const frozenBefore = JSON.stringify(overlays);
          const input: CostEstimateInput = {
            route,
            occupation,
            contractMonths,
            inputs: { skillsTestFee: idr(1_000_000), p3miServiceFee: idr(4_000_000), koreanTestFee: idr(600_000), ...UNSOURCED_GIVEN },
            financing: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: idr(loan) }],
            upfrontCashThreshold: idr(5_000_000),
          };
          const base = JSON.stringify(estimateCosts(input, params));
          const e = estimateCosts(input, params, overlays);
          expect(JSON.stringify(overlays)).toBe(frozenBefore);
          expect(JSON.stringify(estimateCosts(input, params))).toBe(base);
          expect(sumOf(PAYER_KINDS.map((p) => e.totals.byPayer[p]))).toBe(e.totals.total.amount);
          expect(e.totals.beforeDeparture.amount + e.totals.inKorea.amount).toBe(e.totals.total.amount);
          for (const l of e.lines) {
            expect(sumOf(l.payers.map((p) => p.amountIdr!))).toBe(l.amountIdr!.amount);
            expect(l.payers.every((p) => p.amountIdr!.amount >= 0)).toBe(true);
          }
          expect(e.totals.byPayer.WORKER).toEqual(e.worker.total);
          expect(e.totals.total.amount).toBe(JSON.parse(base).totals.total.amount);
          const applied = e.financing[0]!.applied.amount;
          expect(applied).toBe(Math.min(loan, e.worker.beforeDeparture.amount));
          expect(e.upfrontCash.amount).toBe(e.worker.beforeDeparture.amount - applied);
          expect(e.upfrontCashCheck.status).toBe(e.upfrontCash.amount > 5_000_000 ? 'ABOVE_THRESHOLD' : 'WITHIN_THRESHOLD');
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('estimateCosts — financing and the city’s up-front cash line', () => {
  it('applies grants before loans, never beyond the worker’s pre-departure costs', () => {
    const e = estimateCosts(
      {
        ...welder,
        financing: [
          { productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: idr(20_000_000) },
          { productId: 'CITY_GRANT', kind: 'GRANT', amount: idr(2_000_000) },
        ],
        upfrontCashThreshold: idr(1_000_000),
      },
      params,
    );
    expect(e.financing.map((f) => [f.productId, f.applied.amount, f.unused.amount])).toEqual([
      ['KUR_PENEMPATAN_PMI', 20_000_000, 0],
      ['CITY_GRANT', 2_000_000, 0],
    ]);
    expect(e.loanToRepay).toEqual(idr(20_000_000));
    expect(e.upfrontCash).toEqual(idr(905_000));
    // Within the threshold as far as known, but local transport, accommodation and legalisation are UNKNOWN worker costs.
    expect(e.upfrontCashCheck).toEqual({ threshold: idr(1_000_000), status: 'UNKNOWN', excess: null });

    const bigLoan = estimateCosts({ ...welder, financing: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: idr(100_000_000) }] }, params);
    expect(bigLoan.financing[0]!.applied).toEqual(idr(22_905_000));
    expect(bigLoan.financing[0]!.unused).toEqual(idr(77_095_000));
    expect(bigLoan.upfrontCash).toEqual(idr(0));
  });

  it('flags cash above the threshold with the excess', () => {
    const e = estimateCosts({ ...welder, upfrontCashThreshold: idr(10_000_000) }, params);
    expect(e.upfrontCashCheck).toEqual({ threshold: idr(10_000_000), status: 'ABOVE_THRESHOLD', excess: idr(12_905_000) });
  });

  it('warns when the route is not open on the date (E-8 suspended from 2025)', () => {
    const e = estimateCosts({ route: 'E8', occupation: 'AGRICULTURE_WORKER', contractMonths: 5 }, params);
    expect(e.routeStatus.status).toBe('SUSPENDED');
    expect(e.warnings.map((w) => w.code)).toContain('COSTS.ROUTE_NOT_OPEN');
  });
});

describe('estimateCosts — bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown route', { route: 'E10' }, 'COSTS.UNKNOWN_ROUTE'],
    ['an unknown occupation', { occupation: 'PILOT' }, 'COSTS.UNKNOWN_OCCUPATION'],
    ['an occupation outside the route’s sectors (E-9 housekeeper)', { occupation: 'HOUSEKEEPER' }, 'ROUTE.OCCUPATION_NOT_IN_SECTORS'],
    ['an occupation outside the route’s sectors (E-9 welder)', { occupation: 'WELDER' }, 'ROUTE.OCCUPATION_NOT_IN_SECTORS'],
    ['a Korean course in USD', { koreanCourse: { amount: money(100, 'USD'), statedBy: 'x' } }, 'MONEY.CURRENCY_MISMATCH'],
    ['a Korean course nobody stated', { koreanCourse: { amount: idr(1), statedBy: ' ' } }, 'COSTS.INVALID_LINE'],
    ['a contract of 0 months', { contractMonths: 0 }, 'COSTS.INVALID_CONTRACT_MONTHS'],
    ['a non-integer contract', { contractMonths: 12.5 }, 'COSTS.NON_INTEGER_MONTHS'],
    ['an unknown passport', { passport: 'DIPLOMATIC' }, 'COSTS.INVALID_OPTION'],
    ['a negative input', { inputs: { skillsTestFee: idr(-1) } }, 'COSTS.NEGATIVE_AMOUNT'],
    ['a fractional input', { inputs: { skillsTestFee: { amount: 1.5, currency: 'IDR' } } }, 'MONEY.NOT_INTEGER'],
    ['financing in KRW', { financing: [{ productId: 'X', kind: 'LOAN', amount: money(1, 'KRW') }] }, 'MONEY.CURRENCY_MISMATCH'],
    ['financing of an unknown kind', { financing: [{ productId: 'X', kind: 'GIFT', amount: idr(1) }] }, 'COSTS.INVALID_FINANCING'],
    ['a threshold in USD', { upfrontCashThreshold: money(100, 'USD') }, 'MONEY.CURRENCY_MISMATCH'],
    ['a negative threshold', { upfrontCashThreshold: idr(-1) }, 'COSTS.NEGATIVE_AMOUNT'],
    [
      'a USD rate that is not USD/IDR',
      { exchangeRates: { usdIdr: { base: 'KRW', quote: 'IDR', rate: '11.5', asOf: '2025-10-01', source: 'x', isDefault: false } } },
      'COSTS.INVALID_EXCHANGE_RATE',
    ],
    ['an additional line with a standard id', { additionalLines: [{ id: 'visa', category: 'VISA', label: { id: 'a', en: 'a' }, amount: idr(1), statedBy: 'x' }] }, 'COSTS.INVALID_LINE'],
    ['an additional line nobody stated', { additionalLines: [{ id: 'localBus', category: 'LOCAL_TRANSPORT', label: { id: 'a', en: 'a' }, amount: idr(1), statedBy: '' }] }, 'COSTS.INVALID_LINE'],
  ])('throws on %s', (_n, patch, expected) => {
    expect(() => estimateCosts({ ...e9, ...patch } as CostEstimateInput, params)).toThrow(code(expected));
  });

  it('refuses a bad snapshot and a bad overlay', () => {
    expect(() => estimateCosts(e9, {} as never)).toThrow(code('COSTS.INVALID_PARAMETERS'));
    expect(() => estimateCosts(e9, params, [{ id: 'x' } as never])).toThrow(code('COSTS.INVALID_POLICY'));
  });

  it('takes additional lines the caller knows of (local transport, accommodation) and assigns their payers', () => {
    const e = estimateCosts(
      {
        ...e9,
        occupation: 'FISHING_CREW',
        additionalLines: [{ id: 'busToSerang', category: 'LOCAL_TRANSPORT', label: { id: 'Bus ke Serang', en: 'Bus to Serang' }, amount: idr(250_000), statedBy: 'LTSA quote' }],
      },
      params,
    );
    expect(payersOf(e, 'busToSerang')).toEqual([['EMPLOYER', 250_000]]);
    expect(line(e, 'busToSerang').source).toMatchObject({ input: 'additionalLines.busToSerang', statedBy: 'LTSA quote' });
  });
});
