/** Calculations that need no stored data: they must return exactly what the domain library returns. */
import { parameterSnapshot } from '@jembatan/domain';
import { parameterSources } from '@jembatan/domain/sources';
import { startTestGateway, type TestGateway } from './harness';
import { createParty, ok, signedMou } from './support/program';
import { koreanCourseInput } from './support/training';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t?.close();
});

describe('parameters(asOf)', () => {
  const QUERY = `query($asOf: Date!, $ids: [String!]) {
    parameters(asOf: $asOf, ids: $ids) {
      parameterId value effectiveFrom unit isDefault overlaidBy
      description { idn en }
      sources { title url regulation readOn note }
    }
  }`;

  it.each(['2025-01-01', '2025-12-08', '2026-06-30'])('returns every parameter in force on %s, as the domain does', async (asOf) => {
    const res = await t.gql<{ parameters: Array<Record<string, any>> }>(QUERY, { asOf });
    expect(res.body.errors).toBeUndefined();
    const expected = parameterSnapshot(asOf).all();
    expect(res.body.data?.parameters.map((p) => p.parameterId)).toEqual(expected.map((p) => p.id));
    for (const [i, p] of expected.entries()) {
      const got = res.body.data!.parameters[i]!;
      expect(got.value).toEqual(JSON.parse(JSON.stringify(p.value)));
      expect(got.effectiveFrom).toBe(p.effectiveFrom);
      expect(got.isDefault).toBe(p.isDefault);
      // the domain's description names the parameter; its sources come from the sources entry point
      expect(got.sources).toEqual(parameterSources(p.id).sources.map((s) => ({ title: s.title, url: s.url ?? null, regulation: s.regulation ?? null, readOn: s.readOn, note: s.note ?? null })));
      expect(got.sources.length).toBeGreaterThan(0);
    }
  });

  it('answers the KUR rate as of a date with its source', async () => {
    const res = await t.gql<{ parameters: Array<Record<string, any>> }>(QUERY, { asOf: '2025-12-08', ids: ['kur.annualRate'] });
    const expected = parameterSnapshot('2025-12-08').describe('kur.annualRate');
    expect(res.body.data?.parameters).toEqual([
      expect.objectContaining({ parameterId: 'kur.annualRate', value: expected.value, effectiveFrom: expected.effectiveFrom }),
    ]);
  });

  it('rejects an unknown parameter id with BAD_USER_INPUT and the field path', async () => {
    const res = await t.gql(QUERY, { asOf: '2025-12-08', ids: ['kur.annualRate', 'no.such'] });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['ids', '1'], domainCode: 'PARAMETER.UNKNOWN' });
  });

  it('rejects a date before coverage with a domain code', async () => {
    const res = await t.gql(QUERY, { asOf: '1990-01-01', ids: ['kur.annualRate'] });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'PARAMETER.BEFORE_COVERAGE',
      messages: { id: expect.any(String), en: expect.any(String) },
    });
  });

  it('rejects a malformed date without echoing it', async () => {
    const res = await t.gql(QUERY, { asOf: '2025-02-30' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['asOf'] });
    expect(JSON.stringify(res.body)).not.toContain('2025-02-30');
  });
});

describe('eligibilityCheck(profile, route, asOf)', () => {
  const QUERY = `query($profile: CandidateProfileInput!, $route: Route!, $asOf: Date!, $occupation: Occupation) {
    eligibilityCheck(profile: $profile, route: $route, asOf: $asOf, occupation: $occupation) {
      asOf route occupation overlays
      ruleSet { id effectiveFrom executor sectors }
      routeStatus { status until note { en } }
      results { ruleId clause stage outcome code fixable message { idn en } action { kind dueBy notBefore } inputs parameters details }
      skipped { ruleId }
      verdict { selection departure eligibleToBeSelected readyToDepart finalFailures counts { pass fail missing skipped } summary { idn en } }
      checklist { key kind stage ruleIds codes dueBy notBefore message { idn en } }
      parameters { parameterId value effectiveFrom sources { title readOn } }
    }
  }`;

  const profile = {
    nik: '3673015501990001',
    declaredBirthDate: '1999-01-15',
    declaredSex: 'F',
    address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang', source: 'KTP' },
    education: 'SLTA',
    skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G', testedOn: '2025-10-01', passed: true }],
    documents: [{ kind: 'KTP', verified: true }, { kind: 'AK1_CARD', issuedOn: '2025-11-01' }],
  };

  it.each([
    ['E7_3', 'WELDER', '2025-12-08'],
    ['E9', 'MANUFACTURING_WORKER', '2025-12-08'],
    ['E8', 'AGRICULTURE_WORKER', '2026-01-15'],
  ])('returns exactly the domain evaluation for %s / %s on %s', async (route, occupation, asOf) => {
    const res = await t.gql<{ eligibilityCheck: Record<string, any> }>(QUERY, { profile, route, asOf, occupation });
    expect(res.body.errors).toBeUndefined();
    const { evaluateEligibility } = await import('@jembatan/domain');
    const expected = evaluateEligibility({ profile: profile as never, route: route as never, asOf, opening: { occupation: occupation as never } });
    const got = res.body.data!.eligibilityCheck;
    expect(got.verdict.selection).toBe(expected.verdict.selection);
    expect(got.verdict.departure).toBe(expected.verdict.departure);
    expect(got.verdict.counts).toEqual(expected.verdict.counts);
    expect(got.results.map((r: { ruleId: string; outcome: string; code: string }) => [r.ruleId, r.outcome, r.code])).toEqual(
      expected.results.map((r) => [r.ruleId, r.outcome.toUpperCase(), r.code]),
    );
    expect(got.checklist.map((c: { key: string }) => c.key)).toEqual(expected.checklist.map((c) => c.key));
    expect(got.routeStatus.status).toBe(expected.routeStatus.status);
    expect(got.parameters.map((p: { parameterId: string }) => p.parameterId)).toEqual(expected.parameters.map((p) => p.id));
    expect(got.parameters.map((p: { sources: unknown[] }) => p.sources)).toEqual(
      expected.parameters.map((p) => parameterSources(p.id).sources.map((s) => ({ title: s.title, readOn: s.readOn }))),
    );
  });

  it('reports a closed route as ineligible (E-8 suspended for Indonesia)', async () => {
    const res = await t.gql<{ eligibilityCheck: Record<string, any> }>(QUERY, { profile, route: 'E8', asOf: '2026-01-15' });
    expect(res.body.data?.eligibilityCheck.routeStatus.status).not.toBe('OPEN');
    expect(res.body.data?.eligibilityCheck.verdict.selection).toBe('INELIGIBLE');
  });

  it('answers an unknown route with BAD_USER_INPUT without echoing it', async () => {
    const res = await t.gql(QUERY, { profile, route: 'E99_SECRET', asOf: '2025-12-08' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['route'], reason: 'UNKNOWN_ENUM_VALUE' });
    expect(JSON.stringify(res.body)).not.toContain('E99_SECRET');
  });

  it('answers a 10 MB-class oversized field with BAD_USER_INPUT and its path, without the value', async () => {
    const res = await t.gql(QUERY, { profile: { ...profile, bpjsNumber: 'X'.repeat(5000) }, route: 'E9', asOf: '2025-12-08' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['profile', 'bpjsNumber'] });
    expect(JSON.stringify(res.body)).not.toContain('XXXXXXXXXX');
  });

  it('never repeats a NIK in an error', async () => {
    const res = await t.gql(QUERY, { profile: { ...profile, nik: '12345' }, route: 'E9', asOf: '2025-12-08' });
    expect(JSON.stringify(res.body)).not.toContain('12345"');
  });
});

describe('costEstimate(input)', () => {
  const QUERY = `query($input: CostEstimateInput!) { costEstimate(input: $input) {
    asOf route occupation contractMonths zeroCostOccupation complete upfrontCashStatus
    policies { id kind }
    lines { lineId status timing amount { amount currency } amountIdr { amount } payers { payer amountIdr { amount } } input parameters }
    totalsByPayer { payer amount { amount currency } }
    total { amount currency decimal } workerTotal { amount } workerBeforeDeparture { amount } loanToRepay { amount } upfrontCash { amount }
    missingInputs { lineId input payers } warnings { code message { idn en } }
  } }`;

  it('returns exactly the domain estimate, totals as Money strings', async () => {
    const { estimateCosts, parameterSnapshot, money, CITY_PAYS_KOREAN_COURSE } = await import('@jembatan/domain');
    const input = {
      route: 'E7_3',
      occupation: 'WELDER',
      contractMonths: 36,
      asOf: '2025-12-08',
      inputs: { skillsTestFeeIdr: '1500000', p3miServiceFeeIdr: '5000000' },
      overlays: ['CITY_PAYS_KOREAN_COURSE'],
      financing: [{ productId: 'KUR_PENEMPATAN_PMI', grant: false, amountIdr: '10000000' }],
      upfrontCashThresholdIdr: '2000000',
    };
    const res = await t.gql<{ costEstimate: Record<string, any> }>(QUERY, { input });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.costEstimate;
    const expected = estimateCosts(
      {
        route: 'E7_3',
        occupation: 'WELDER',
        contractMonths: 36,
        inputs: { skillsTestFee: money(1_500_000, 'IDR'), p3miServiceFee: money(5_000_000, 'IDR') },
        financing: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: money(10_000_000, 'IDR') }],
        upfrontCashThreshold: money(2_000_000, 'IDR'),
      },
      parameterSnapshot('2025-12-08'),
      [CITY_PAYS_KOREAN_COURSE],
    );
    expect(got.total).toEqual({ amount: String(expected.totals.total.amount), currency: 'IDR', decimal: String(expected.totals.total.amount) });
    expect(got.workerTotal.amount).toBe(String(expected.worker.total.amount));
    expect(got.upfrontCash.amount).toBe(String(expected.upfrontCash.amount));
    expect(got.upfrontCashStatus).toBe(expected.upfrontCashCheck.status);
    expect(got.lines.map((l: { lineId: string; status: string }) => [l.lineId, l.status])).toEqual(expected.lines.map((l) => [l.id, l.status]));
    expect(got.policies.map((p: { id: string }) => p.id)).toEqual(expected.policies.map((p) => p.id));
    const byPayer = Object.fromEntries(got.totalsByPayer.map((p: { payer: string; amount: { amount: string } }) => [p.payer, p.amount.amount]));
    for (const [payer, m] of Object.entries(expected.totals.byPayer)) expect(byPayer[payer]).toBe(String(m.amount));
    // every line's payer parts add up to the line
    for (const line of got.lines) {
      if (line.status !== 'KNOWN') continue;
      const parts = line.payers.reduce((n: number, p: { amountIdr: { amount: string } }) => n + Number(p.amountIdr.amount), 0);
      expect(parts).toBe(Number(line.amountIdr.amount));
    }
  });

  it('reports a missing required input as UNKNOWN, never as a made-up figure', async () => {
    const res = await t.gql<{ costEstimate: Record<string, any> }>(QUERY, { input: { route: 'E7_3', occupation: 'WELDER', contractMonths: 24, asOf: '2025-12-08' } });
    const got = res.body.data!.costEstimate;
    expect(got.complete).toBe(false);
    // The skills test and P3MI fee have no official figure; contract legalisation, local transport,
    // accommodation and the return ticket have no amount in any source: all UNKNOWN, none left out.
    expect(got.missingInputs.map((m: { input: string }) => m.input).sort()).toEqual([
      'inputs.accommodation',
      'inputs.contractLegalisation',
      'inputs.localTransport',
      'inputs.p3miServiceFee',
      'inputs.returnTicket',
      'inputs.skillsTestFee',
    ]);
  });

  it('refuses an amount that is not a number with BAD_USER_INPUT and its path', async () => {
    const res = await t.gql(QUERY, { input: { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 24, asOf: '2025-12-08', upfrontCashThresholdIdr: 'dua juta' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'upfrontCashThresholdIdr'] });
    expect(JSON.stringify(res.body)).not.toContain('dua juta');
  });
});

describe('financingSimulation(input)', () => {
  const QUERY = `query($input: FinancingSimulationInput!) { financingSimulation(input: $input) {
    productId npwpRequired amount { amount }
    schedule { method annualRate tenorMonths graceMonths regularInstalment { amount } lastInstalment { amount } totalInterest { amount } totalPaid { amount } effectiveAnnualRate rows { month phase principal { amount } payment { amount } closingBalance { amount } } }
    flatComparison { method totalInterest { amount } }
    monthlyWage { amount currency } exchangeRate { rate isDefault source }
    affordability { scenario fxChange wage { amount } debtServiceRatio affordable reasons }
    affordableInAllScenarios
    informal { interestSaved { amount } formalIsCheaper }
  } }`;

  it('matches the domain schedule, repays the principal exactly, and shows FX ±10% and the informal comparison', async () => {
    const { scheduleLoan, kurPenempatanProduct, parameterSnapshot, money } = await import('@jembatan/domain');
    const input = { asOf: '2025-12-08', amountIdr: '25000000', tenorMonths: 24, contractMonths: 36, livingCostShare: '0.4', maxDebtServiceRatio: '0.3', informalAnnualRate: '0.3' };
    const res = await t.gql<{ financingSimulation: Record<string, any> }>(QUERY, { input });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.financingSimulation;
    const expected = scheduleLoan(kurPenempatanProduct(parameterSnapshot('2025-12-08')), { amount: money(25_000_000, 'IDR'), tenorMonths: 24, contractMonths: 36 });
    if (!expected.ok || !expected.value.schedule) throw new Error('domain refused the reference loan');
    const s = expected.value.schedule;
    expect(got.schedule.regularInstalment.amount).toBe(String(s.regularInstalment.amount));
    expect(got.schedule.totalInterest.amount).toBe(String(s.totals.interest.amount));
    expect(got.schedule.rows).toHaveLength(s.rows.length);
    const principal = got.schedule.rows.reduce((n: number, r: { principal: { amount: string } }) => n + Number(r.principal.amount), 0);
    expect(principal).toBeGreaterThanOrEqual(25_000_000);
    expect(got.schedule.rows.at(-1).closingBalance.amount).toBe('0');
    expect(got.flatComparison.method).toBe('FLAT');
    expect(got.affordability.map((a: { scenario: string; fxChange: string }) => [a.scenario, a.fxChange])).toEqual([['BASE', '0'], ['FX_SHOCK', '-0.1'], ['FX_SHOCK', '0.1']]);
    expect(got.monthlyWage.currency).toBe('KRW');
    expect(got.exchangeRate.isDefault).toBe(true);
    expect(got.informal.formalIsCheaper).toBe(true);
  });

  it('works on 2018-06-01 (Permenko 11/2017): the 7% schedule, the Rp 25 jt ceiling, the NPWP rule named as not recorded', async () => {
    const input = { asOf: '2018-06-01', amountIdr: '25000000', tenorMonths: 12, contractMonths: 24, monthlyWageKrw: '1570000', idrPerKrw: '12.5', livingCostShare: '0.4', maxDebtServiceRatio: '0.3' };
    const q = `query($input: FinancingSimulationInput!) { financingSimulation(input: $input) { npwpRuleRecorded loanWarnings { code } schedule { annualRate graceMonths rows { month } } } }`;
    const res = await t.gql<{ financingSimulation: Record<string, any> }>(q, { input });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.financingSimulation;
    expect(got.schedule).toMatchObject({ annualRate: '0.07', graceMonths: 0 });
    expect(got.schedule.rows).toHaveLength(12);
    expect(got.npwpRuleRecorded).toBe(false);
    expect(got.loanWarnings.map((w: { code: string }) => w.code)).toEqual(['LOAN.NPWP_RULE_NOT_RECORDED']);
    const above = await t.gql(q, { input: { ...input, amountIdr: '30000000' } });
    expect(above.body.errors?.[0]?.extensions?.domainCode).toBe('LOAN.ABOVE_CEILING');
  });

  it('refuses a tenor above the product’s with the domain code', async () => {
    const res = await t.gql(QUERY, { input: { asOf: '2025-12-08', amountIdr: '25000000', tenorMonths: 60, contractMonths: 72, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.domainCode).toMatch(/\./);
  });
});

describe('issue 13 §2 from outside: unknown lines as inputs, the actual Korean course, up-front cash and the loan timeline', () => {
  const ESTIMATE = `query($input: CostEstimateInput!) { costEstimate(input: $input) {
    complete unknownLineIds total { amount } workerBeforeDeparture { amount }
    lines { lineId status timing input amountIdr { amount } label { en } payers { payer amountIdr { amount } } }
    missingInputs { input }
  } }`;
  const e9 = { route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, asOf: '2026-03-01' };
  const fourInputs = { contractLegalisationIdr: '350000', localTransportIdr: '400000', accommodationIdr: '900000', returnTicketIdr: '7500000' };

  it('takes the four required-input lines (contract legalisation, local transport, accommodation, return ticket) and gives the domain’s estimate', async () => {
    const { estimateCosts, parameterSnapshot, money } = await import('@jembatan/domain');
    const res = await t.gql<{ costEstimate: Record<string, any> }>(ESTIMATE, { input: { ...e9, inputs: fourInputs } });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.costEstimate;
    const expected = estimateCosts(
      {
        route: 'E9',
        occupation: 'MANUFACTURING_WORKER',
        contractMonths: 36,
        inputs: { contractLegalisation: money(350_000, 'IDR'), localTransport: money(400_000, 'IDR'), accommodation: money(900_000, 'IDR'), returnTicket: money(7_500_000, 'IDR') },
        upfrontCashThreshold: null,
      },
      parameterSnapshot('2026-03-01'),
    );
    expect(got.unknownLineIds).toEqual([...expected.totals.unknownLineIds]);
    expect(got.complete).toBe(expected.complete);
    expect(got.total.amount).toBe(String(expected.totals.total.amount));
    expect(got.workerBeforeDeparture.amount).toBe(String(expected.worker.beforeDeparture.amount));
    const byId = Object.fromEntries(got.lines.map((l: { lineId: string }) => [l.lineId, l]));
    for (const [id, amount] of [['contractLegalisation', '350000'], ['localTransport', '400000'], ['accommodation', '900000'], ['returnTicket', '7500000']] as const) {
      expect(byId[id]).toMatchObject({ status: 'KNOWN', input: `inputs.${id}`, amountIdr: { amount } });
      const line = expected.lines.find((l) => l.id === id)!;
      expect(byId[id].timing).toBe(line.timing);
      expect(byId[id].payers.map((p: { payer: string }) => p.payer)).toEqual(line.payers.map((p) => p.payer));
    }
    // without them the same four lines are UNKNOWN and listed, never 0 and never left out
    const without = await t.gql<{ costEstimate: Record<string, any> }>(ESTIMATE, { input: e9 });
    expect(without.body.data!.costEstimate.unknownLineIds).toEqual(expect.arrayContaining(['contractLegalisation', 'localTransport', 'accommodation', 'returnTicket']));
    expect(without.body.data!.costEstimate.total.amount).toBe(String(BigInt(expected.totals.total.amount) - 350_000n - 400_000n - 900_000n - 7_500_000n));
  });

  it('refuses a malformed amount of a new line with its path, without echoing it', async () => {
    const res = await t.gql(ESTIMATE, { input: { ...e9, inputs: { accommodationIdr: '-5' } } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'inputs', 'accommodationIdr'] });
  });

  it('prices the Korean course from a stored course (koreanCourseFee), the city overlay applies to it; a missing or non-Korean course is refused', async () => {
    const { estimateCosts, parameterSnapshot, CITY_PAYS_KOREAN_COURSE } = await import('@jembatan/domain');
    const { koreanCourseFee } = await import('@jembatan/domain/training');
    const providerId = await createParty(t, { kind: 'TRAINING_PROVIDER', name: 'BBPVP Serang (biaya)', country: 'ID' });
    const created = await ok<{ createCourse: { id: string } }>(t, 'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: koreanCourseInput(providerId, { feeIdr: '2750000' }),
    });
    const courseId = created.createCourse.id;
    const res = await t.gql<{ costEstimate: Record<string, any> }>(ESTIMATE, { input: { ...e9, koreanCourseId: courseId } });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.costEstimate;
    const line = got.lines.find((l: { lineId: string }) => l.lineId === 'koreanCourse');
    expect(line).toMatchObject({ status: 'KNOWN', input: 'koreanCourse.amount', amountIdr: { amount: '2750000' } });
    expect(line.label.en).toContain('Korean for EPS-TOPIK');
    const fee = koreanCourseFee({
      id: courseId,
      title: { id: 'Bahasa Korea EPS-TOPIK', en: 'Korean for EPS-TOPIK' },
      kind: 'KOREAN_LANGUAGE',
      provider: { partyId: providerId, type: 'BBPVP', licence: null },
      target: { kind: 'EPS_TOPIK', score: 120 },
      hours: 100,
      fee: { amount: 2_750_000, currency: 'IDR' },
      attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: 'Tata tertib pelatihan BBPVP (test fixture)' },
      hasFinalAssessment: true,
      note: null,
    });
    const params = parameterSnapshot('2026-03-01');
    const expected = estimateCosts({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, koreanCourse: fee, upfrontCashThreshold: null }, params);
    expect(got.lines.map((l: { lineId: string }) => l.lineId)).toEqual(expected.lines.map((l) => l.id));
    expect(got.total.amount).toBe(String(expected.totals.total.amount));
    expect(got.workerBeforeDeparture.amount).toBe(String(expected.worker.beforeDeparture.amount));
    // the city pays it under the overlay
    const city = await t.gql<{ costEstimate: Record<string, any> }>(ESTIMATE, { input: { ...e9, koreanCourseId: courseId, overlays: ['CITY_PAYS_KOREAN_COURSE'] } });
    const cityLine = city.body.data!.costEstimate.lines.find((l: { lineId: string }) => l.lineId === 'koreanCourse');
    const expectedCity = estimateCosts({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, koreanCourse: fee, upfrontCashThreshold: null }, params, [CITY_PAYS_KOREAN_COURSE]);
    expect(cityLine.payers.map((p: { payer: string; amountIdr: { amount: string } }) => [p.payer, p.amountIdr.amount])).toEqual(
      expectedCity.lines.find((l) => l.id === 'koreanCourse')!.payers.map((p) => [p.payer, String(p.amountIdr!.amount)]),
    );
    expect(cityLine.payers.map((p: { payer: string }) => p.payer)).toEqual(['CITY_SUBSIDY']);
    // a course that does not exist: NOT_FOUND at the field
    const missing = await t.gql(ESTIMATE, { input: { ...e9, koreanCourseId: '00000000-0000-4000-8000-000000000999' } });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'koreanCourseId'] });
    // a course of another kind: the domain's code at the field
    const safety = await ok<{ createCourse: { id: string } }>(t, 'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: koreanCourseInput(providerId, { kind: 'SAFETY', title: { id: 'K3 galangan kapal', en: 'Shipyard safety' }, target: null }),
    });
    const wrong = await t.gql(ESTIMATE, { input: { ...e9, koreanCourseId: safety.createCourse.id } });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'TRAINING.NOT_A_KOREAN_COURSE', field: ['input', 'koreanCourseId'] });
    const malformed = await t.gql(ESTIMATE, { input: { ...e9, koreanCourseId: 'kursus-1' } });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'koreanCourseId'] });
  });

  const UPFRONT = `query($input: UpfrontCashInput!) { upfrontCash(input: $input) {
    estimate { unknownLineIds }
    items { lineId dueOn amount { amount currency } }
    events { on costsDue { amount } fundsIn { amount } ownCashOutstanding { amount } }
    totalDue { amount } totalFunding { amount } cashBeforeFinancing { amount } cashNeverFinanced { amount }
    dueBeforePayout { productId amount { amount } }
    unknownLineIds
  } }`;

  it('upfrontCash: costs due before the KUR pays out are bridge cash, exactly as the domain computes them', async () => {
    const { estimateCosts, parameterSnapshot, upfrontCashTimeline, kurPenempatanProduct, money } = await import('@jembatan/domain');
    const input = {
      estimate: e9,
      dueOn: [
        { lineId: 'koreanCourse', dueOn: '2026-01-10' },
        { lineId: 'epsTopikFee', dueOn: '2026-02-01' },
      ],
      defaultDueOn: '2026-08-01',
      sources: [{ productId: 'KUR_PENEMPATAN_PMI', grant: false, amountIdr: '10000000', paysOutOn: '2026-07-01' }],
    };
    const res = await t.gql<{ upfrontCash: Record<string, any> }>(UPFRONT, { input });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.upfrontCash;
    const params = parameterSnapshot('2026-03-01');
    const estimate = estimateCosts({ route: 'E9', occupation: 'MANUFACTURING_WORKER', contractMonths: 36, upfrontCashThreshold: null }, params);
    const r = upfrontCashTimeline({
      estimate,
      dueOn: { koreanCourse: '2026-01-10', epsTopikFee: '2026-02-01' },
      defaultDueOn: '2026-08-01',
      sources: [{ productId: 'KUR_PENEMPATAN_PMI', kind: 'LOAN', amount: money(10_000_000, 'IDR'), paysOutOn: '2026-07-01', product: kurPenempatanProduct(params) }],
    });
    if (!r.ok) throw new Error('the domain refused the reference timeline');
    const x = r.value;
    expect(got.items).toEqual(x.items.map((i) => ({ lineId: i.lineId, dueOn: i.dueOn, amount: { amount: String(i.amount.amount), currency: 'IDR' } })));
    expect(got.events).toEqual(
      x.events.map((e) => ({ on: e.on, costsDue: { amount: String(e.costsDue.amount) }, fundsIn: { amount: String(e.fundsIn.amount) }, ownCashOutstanding: { amount: String(e.ownCashOutstanding.amount) } })),
    );
    expect(got.cashBeforeFinancing.amount).toBe(String(x.cashBeforeFinancing.amount));
    expect(got.cashNeverFinanced.amount).toBe(String(x.cashNeverFinanced.amount));
    expect(got.totalDue.amount).toBe(String(x.totalDue.amount));
    expect(got.dueBeforePayout).toEqual([{ productId: 'KUR_PENEMPATAN_PMI', amount: { amount: String(x.dueBeforePayout['KUR_PENEMPATAN_PMI']!.amount) } }]);
    expect(got.unknownLineIds).toEqual([...x.unknownLineIds]);
    // the course and the EPS-TOPIK fee fall due before the loan: they are cash to find first
    const early = x.items.filter((i) => i.dueOn < '2026-07-01').reduce((n, i) => n + i.amount.amount, 0);
    expect(early).toBeGreaterThan(0);
    expect(Number(got.cashBeforeFinancing.amount)).toBeGreaterThanOrEqual(early);
  });

  it('upfrontCash refuses a KUR amount above the ceiling, a line listed twice and a bad date, with paths', async () => {
    const { parameterSnapshot } = await import('@jembatan/domain');
    const ceiling = parameterSnapshot('2026-03-01').get('kur.ceilingIdr');
    const base = { estimate: e9, defaultDueOn: '2026-08-01' };
    const above = await t.gql(UPFRONT, { input: { ...base, sources: [{ productId: 'KUR_PENEMPATAN_PMI', grant: false, amountIdr: String(ceiling + 1), paysOutOn: '2026-07-01' }] } });
    expect(above.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'LOAN.ABOVE_CEILING', field: ['input', 'sources', '0', 'amount'] });
    const atCeiling = await t.gql(UPFRONT, { input: { ...base, sources: [{ productId: 'KUR_PENEMPATAN_PMI', grant: false, amountIdr: String(ceiling), paysOutOn: '2026-07-01' }] } });
    expect(atCeiling.body.errors).toBeUndefined();
    const twice = await t.gql(UPFRONT, { input: { ...base, dueOn: [{ lineId: 'passport', dueOn: '2026-01-01' }, { lineId: 'passport', dueOn: '2026-02-01' }] } });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'dueOn', '1', 'lineId'], messages: { id: expect.any(String), en: expect.any(String) } });
    const badDate = await t.gql(UPFRONT, { input: { ...base, defaultDueOn: '2026-02-30' } });
    expect(badDate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('financingSimulation gives the loan timeline when the three dates are given (grace counted from disbursement), as the domain does', async () => {
    const { scheduleLoan, kurPenempatanProduct, parameterSnapshot, money, loanTimeline } = await import('@jembatan/domain');
    const q = `query($input: FinancingSimulationInput!) { financingSimulation(input: $input) { timeline {
      convention { idn en } disbursedOn departureOn firstWageOn firstInstalmentOn monthsOfWorkBeforeFirstInstalment graceMonthsWithWage graceMonthsWithoutWage
      paymentsBeforeFirstWage { amount } largestPaymentWithWage { amount } rows { month dueOn phase hasWage payment { amount } } warnings { code message { idn en } }
    } } }`;
    const dates = { disbursedOn: '2026-04-01', departureOn: '2026-06-15', firstWageOn: '2026-07-25' };
    const input = { asOf: '2026-03-01', amountIdr: '25000000', tenorMonths: 24, contractMonths: 36, livingCostShare: '0.4', maxDebtServiceRatio: '0.3', ...dates };
    const res = await t.gql<{ financingSimulation: Record<string, any> }>(q, { input });
    expect(res.body.errors).toBeUndefined();
    const got = res.body.data!.financingSimulation.timeline;
    const s = scheduleLoan(kurPenempatanProduct(parameterSnapshot('2026-03-01')), { amount: money(25_000_000, 'IDR'), tenorMonths: 24, contractMonths: 36 });
    if (!s.ok || !s.value.schedule) throw new Error('the domain refused the reference loan');
    const x = loanTimeline({ schedule: s.value.schedule, ...dates });
    expect(got).toMatchObject({
      disbursedOn: x.disbursedOn,
      firstInstalmentOn: x.firstInstalmentOn,
      monthsOfWorkBeforeFirstInstalment: x.monthsOfWorkBeforeFirstInstalment,
      graceMonthsWithWage: x.graceMonthsWithWage,
      graceMonthsWithoutWage: x.graceMonthsWithoutWage,
      paymentsBeforeFirstWage: { amount: String(x.paymentsBeforeFirstWage.amount) },
      largestPaymentWithWage: x.largestPaymentWithWage ? { amount: String(x.largestPaymentWithWage.amount) } : null,
      convention: { idn: x.convention.id, en: x.convention.en },
    });
    expect(got.rows.map((r: { dueOn: string; hasWage: boolean }) => [r.dueOn, r.hasWage])).toEqual(x.rows.map((r) => [r.dueOn, r.hasWage]));
    expect(got.warnings.map((w: { code: string }) => w.code)).toEqual(x.warnings.map((w) => w.code));
    // without the dates there is no timeline; with only some of them the input is refused
    const none = await t.gql<{ financingSimulation: Record<string, any> }>(q, { input: { ...input, disbursedOn: undefined, departureOn: undefined, firstWageOn: undefined } });
    expect(none.body.data!.financingSimulation.timeline).toBeNull();
    const partial = await t.gql(q, { input: { ...input, firstWageOn: undefined } });
    expect(partial.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'firstWageOn'] });
    const backwards = await t.gql(q, { input: { ...input, departureOn: '2026-03-01' } });
    expect(backwards.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'LOAN.INVALID_DATES', field: ['input', 'departureOn'] });
  });
});

describe('E-7-3 wage floor from the dated GNI parameter (e73.gniPerCapitaKrw)', () => {
  it('refuses to publish an E-7-3 opening at the Korean minimum wage, and writes nothing; a wage at the floor is published', async () => {
    const { parameterSnapshot } = await import('@jembatan/domain');
    const p = await signedMou(t, 'MoU E-7-3 floor');
    await ok(t, 'mutation($input: SetQuotaInput!) { setQuota(input: $input) { id } }', { input: { mouId: p.mouId, occupation: 'WELDER', route: 'E7_3', seats: 10 } });
    const draft = async (wage: Record<string, unknown>) => {
      const created = await ok<{ createJobOpening: { id: string } }>(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
        input: { mouId: p.mouId, employerPartyId: p.employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage, contractMonths: 24 },
      });
      const id = created.createJobOpening.id;
      await ok(t, 'mutation($input: UpdateJobOpeningInput!) { updateJobOpening(input: $input) { id } }', { input: { id, attacheVerifiedOn: '2025-12-10', attacheReference: 'KBRI-SEOUL-013' } });
      return id;
    };
    const STATUS = 'query($id: ID!) { jobOpening(id: $id) { status history { to } } }';
    const PUBLISH = 'mutation($id: ID!) { transitionJobOpening(id: $id, to: OPEN) { status } }';
    // today's parameters (the gateway publishes with the day's snapshot): the floor is 0.8 × 49,955,000 / 12, rounded up
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const params = parameterSnapshot(today);
    expect(params.get('e73.gniPerCapitaKrw')).toBe(49_955_000);
    const minimumWage = params.get('korea.minimumWageMonthlyKrw');
    expect(12 * minimumWage).toBeLessThan(39_964_000);
    for (const wage of [{ basis: 'STATUTORY_MINIMUM' }, { basis: 'FIXED', monthlyKrw: '3330333' }]) {
      const id = await draft(wage);
      const before = await ok(t, STATUS, { id });
      const res = await t.as('officer').gql(PUBLISH, { id });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'OPENING.WAGE_BELOW_E73_FLOOR',
        details: { minimumMonthly: 3_330_334, minimumAnnual: 39_964_000, gniPerCapita: 49_955_000, gniSource: 'e73.gniPerCapitaKrw' },
        messages: { id: expect.any(String), en: expect.any(String) },
      });
      expect(await ok(t, STATUS, { id })).toEqual(before);
    }
    const atFloor = await draft({ basis: 'FIXED', monthlyKrw: '3330334' });
    expect((await ok<{ transitionJobOpening: { status: string } }>(t, PUBLISH, { id: atFloor })).transitionJobOpening.status).toBe('OPEN');
  });
});
