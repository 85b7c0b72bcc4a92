/** Calculations that need no stored data: they must return exactly what the domain library returns. */
import { parameterSnapshot } from '@jembatan/domain';
import { parameterSources } from '@jembatan/domain/sources';
import { startTestGateway, type TestGateway } from './harness';

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
    expect(got.missingInputs.map((m: { input: string }) => m.input).sort()).toEqual(['inputs.p3miServiceFee', 'inputs.skillsTestFee']);
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

  it('refuses a tenor above the product’s with the domain code', async () => {
    const res = await t.gql(QUERY, { input: { asOf: '2025-12-08', amountIdr: '25000000', tenorMonths: 60, contractMonths: 72, livingCostShare: '0.4', maxDebtServiceRatio: '0.3' } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.domainCode).toMatch(/\./);
  });
});
