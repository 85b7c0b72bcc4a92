/**
 * Every example in examples/ runs, compiled, as a developer runs it, against the live gateway; what
 * it prints is checked against what the SDK reads from the gateway at the same moment. The officer
 * workflow runs first: it publishes the seeded welder opening (DRAFT, not attaché-verified in the
 * seed), which the vacancy board then shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { convert, exchangeRate, formatMoney, money, type CandidateDetails } from '@jembatan/sdk';
import { clientAs, hasAccessControl, REPO_ROOT, runExample, todayWib } from './support/live';

const officer = () => clientAs('OFFICER');
const today = todayWib();

describe('officer-workflow', () => {
  let first: { openingId: string; candidateId: string; stdout: string };

  it('publishes a seeded DRAFT opening (painter: no other test touches it), registers a candidate, adds documents, checks eligibility, allocates a seat and advances to ORIENTATION', async () => {
    const seeded = (await officer().openings.list({ route: 'E7_3', occupation: 'SHIP_PAINTER', status: 'DRAFT' }).next()).value;
    expect(seeded).toMatchObject({ status: 'DRAFT', verifiedByAttache: false, wage: { basis: 'NOT_STATED' } });

    const run = await runExample('officer-workflow', ['--opening', seeded!.id, '--lang', 'en'], { caller: 'OFFICER' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const openingId = /^opening: (\S+)$/m.exec(run.stdout)?.[1];
    const candidateId = /^candidate: (\S+)$/m.exec(run.stdout)?.[1];
    expect(openingId).toBe(seeded!.id);
    expect(candidateId).toBeDefined();
    first = { openingId: openingId!, candidateId: candidateId!, stdout: run.stdout };
    expect(run.stdout).toMatch(/Job order recorded: wage ₩3\.400\.000 a month, contract 36 months/);
    expect(run.stdout).toMatch(/Labour attaché verification recorded/);
    expect(run.stdout).toMatch(/Opening published: status OPEN/);
    for (const step of ['Candidate registered', 'Document added: KTP', 'Eligibility: ELIGIBLE', 'Seat allocated', 'Next stage: ORIENTATION']) {
      expect(run.stdout).toContain(step);
    }

    const opening = await officer().openings.get(openingId!);
    expect(opening).toMatchObject({ status: 'OPEN', verifiedByAttache: true });
    const candidate = (await officer().candidates.get(candidateId!)) as CandidateDetails;
    expect(candidate.stage).toBe('ORIENTATION');
    expect(candidate.history.map((h) => h.to)).toEqual([
      'REGISTERED', 'SELECTED', 'TRAINING', 'TESTING', 'MEDICAL', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'VISA', 'ORIENTATION',
    ]);
    expect(candidate.placements).toEqual([expect.objectContaining({ status: 'ALLOCATED', opening: { id: openingId } })]);
    expect(candidate.profile.documents?.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['KTP', 'KK', 'AK1_CARD', 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_CONTRACT', 'PASSPORT', 'WORK_VISA']),
    );
    // every step is printed, numbered
    const steps = run.stdout.match(/^\[\d+\] /gm) ?? [];
    expect(steps.map((s) => Number(s.slice(1, -2)))).toEqual(steps.map((_, i) => i + 1));
  });

  it('runs again on the now OPEN opening (no publishing step) and takes the next seat, in Bahasa Indonesia', async () => {
    const before = await officer().openings.get(first.openingId);
    const run = await runExample('officer-workflow', ['--opening', first.openingId, '--until', 'TRAINING'], { caller: 'OFFICER' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/diterbitkan/);
    expect(run.stdout).toContain(`Lowongan ${first.openingId}`);
    expect(run.stdout).toContain('Tahap berikutnya: TRAINING');
    expect(run.stdout).not.toContain('TESTING');
    const after = await officer().openings.get(first.openingId);
    expect(after!.seatsLeft).toBe(before!.seatsLeft - 1);
  });

  it('without --opening it works on an E-7-3 welder opening (OPEN with seats, else the seeded DRAFT)', async () => {
    const run = await runExample('officer-workflow', ['--until', 'TRAINING'], { caller: 'OFFICER' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const openingId = /^opening: (\S+)$/m.exec(run.stdout)?.[1];
    const opening = await officer().openings.get(openingId!);
    expect(opening).toMatchObject({ route: 'E7_3', occupation: 'WELDER', status: 'OPEN' });
  });

  (hasAccessControl() ? it : it.skip)('without an OFFICER key it stops at the first write with UNAUTHENTICATED, and says what to do', async () => {
    const run = await runExample('officer-workflow', [], { caller: 'PUBLIC' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[(UNAUTHENTICATED|FORBIDDEN)\]/);
    expect(run.stderr).toContain('JEMBATAN_API_KEY');
  });
});

describe('vacancy-board', () => {
  it('lists every OPEN opening with MoU, employer, route, seats left and the wage in KRW and IDR (JSON mode, no credentials)', async () => {
    const run = await runExample('vacancy-board', ['--json', '--as-of', today], { caller: 'PUBLIC' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { idrPerKrw: string; entries: Array<Record<string, unknown>> };

    const client = clientAs('PUBLIC');
    const board = [];
    for await (const o of client.openings.board()) board.push(o);
    expect(board.length).toBeGreaterThan(0);
    const [minimum, fx] = await Promise.all([
      client.parameters.get('korea.minimumWageMonthlyKrw', today),
      client.parameters.get('fx.idrPerKrw', today),
    ]);
    expect(printed.idrPerKrw).toBe(String(fx.value));
    const rate = exchangeRate({ base: 'KRW', quote: 'IDR', rate: String(fx.value), asOf: today, source: 'test', isDefault: true });
    expect(printed.entries).toEqual(
      board.map((o) => {
        const krw = o.wage.basis === 'FIXED' ? Number(o.wage.monthly!.amount) : o.wage.basis === 'STATUTORY_MINIMUM' ? Number(minimum.value) : null;
        return {
          id: o.id,
          route: o.route,
          occupation: o.occupation,
          mou: o.mou.title,
          mouStatus: o.mou.status,
          employer: o.employer.shortName ?? o.employer.name,
          seats: o.seats,
          seatsLeft: o.seatsLeft,
          wageBasis: o.wage.basis,
          wageKrw: krw,
          wageIdr: krw === null ? null : convert(money(krw, 'KRW'), rate).amount,
          contractMonths: o.contractMonths,
        };
      }),
    );
  });

  it('prints the board for people, in Bahasa Indonesia and in English, and filters by route and occupation', async () => {
    const [id, en, none] = await Promise.all([
      runExample('vacancy-board', ['--route', 'E7_3', '--occupation', 'WELDER']),
      runExample('vacancy-board', ['--lang', 'en', '--route', 'E7_3', '--occupation', 'WELDER']),
      runExample('vacancy-board', ['--route', 'E8']),
    ]);
    for (const r of [id, en, none]) expect(r).toMatchObject({ status: 0, stderr: '' });
    const welders = [];
    for await (const o of clientAs('PUBLIC').openings.board({ route: 'E7_3', occupation: 'WELDER' })) welders.push(o);
    expect(id.stdout).toContain(`${welders.length} lowongan terbuka`);
    expect(en.stdout).toContain(`${welders.length} open positions`);
    for (const o of welders) {
      expect(id.stdout).toContain(`id: ${o.id}`);
      expect(id.stdout).toContain(`Kursi tersisa: ${o.seatsLeft} dari ${o.seats}`);
      expect(en.stdout).toContain(`Seats left: ${o.seatsLeft} of ${o.seats}`);
      if (o.wage.monthly) expect(id.stdout).toContain(formatMoney(money(o.wage.monthly.amount, 'KRW')));
    }
    expect(id.stdout).toContain('Juru las');
    expect(en.stdout).toContain('Welder');
    expect(none.stdout).toContain('0 lowongan terbuka');
  });

  it('refuses an unknown route with a usage message and exit code 2', async () => {
    const run = await runExample('vacancy-board', ['--route', 'E10']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown route E10');
    expect(run.stderr).toContain('Usage: vacancy-board');
  });
});

describe('eligibility-self-check', () => {
  const profileFile = path.join(REPO_ROOT, 'examples', 'eligibility-self-check', 'resident-profile.json');

  it('prints the verdict, each rule and the checklist in Bahasa Indonesia, exactly as the gateway evaluates the profile', async () => {
    const run = await runExample('eligibility-self-check', [profileFile, '--as-of', today]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = JSON.parse(readFileSync(profileFile, 'utf8'));
    const evaluation = await clientAs('PUBLIC').eligibility.check({ profile: file.profile, route: file.route, occupation: file.occupation, asOf: today });
    const verdict = { ELIGIBLE: 'MEMENUHI SYARAT', ACTION_NEEDED: 'PERLU TINDAKAN', INELIGIBLE: 'TIDAK MEMENUHI SYARAT' }[evaluation.verdict.selection];
    expect(run.stdout).toContain(`Hasil: ${verdict} — ${evaluation.verdict.summary.idn}`);
    const outcome = { PASS: '✓ LULUS ', FAIL: '✗ GAGAL ', MISSING: '? KURANG' };
    const ruleLines = run.stdout.split('\n').filter((l) => /^ {2}[✓✗?] /.test(l));
    expect(ruleLines).toEqual(
      evaluation.results.map((r) => `  ${outcome[r.outcome]} ${r.ruleId} [${r.clause}] ${r.title.idn}: ${r.message.idn}`),
    );
    expect(run.stdout).toContain(`Daftar periksa (${evaluation.checklist.length}):`);
    evaluation.checklist.forEach((item, i) => expect(run.stdout).toContain(`  ${i + 1}. [${item.stage === 'SELECTION' ? 'SELEKSI' : 'KEBERANGKATAN'}] ${item.message.idn}`));
  });

  it('speaks English with --lang en, and a flag overrides the route in the file', async () => {
    const run = await runExample('eligibility-self-check', [profileFile, '--lang', 'en', '--route', 'E9', '--occupation', 'MANUFACTURING_WORKER', '--as-of', today]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Eligibility self-check — E-9/);
    expect(run.stdout).toMatch(/Verdict: (ELIGIBLE|ACTION NEEDED|NOT ELIGIBLE) — /);
    expect(run.stdout).toContain('Checklist (');
    expect(run.stdout).not.toContain('Daftar periksa');
  });

  it('answers a file that is not JSON with a usage error, and a bad profile with the gateway’s typed error', async () => {
    const notJson = await runExample('eligibility-self-check', [path.join(REPO_ROOT, 'examples', 'README.md')]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('cannot read');
    // a birth date written DD-MM-YYYY: the gateway refuses the variable, without echoing the value
    const badDate = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'bad-date-profile.json');
    const bad = await runExample('eligibility-self-check', [badDate, '--as-of', today]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^Gagal \/ Failed: \[BAD_USER_INPUT\]/);
    expect(bad.stderr).not.toContain('15-04-1998');
  });
});

describe('cost-and-loan-simulator', () => {
  const args = ['--occupation', 'WELDER', '--months', '36', '--as-of', today, '--skills-test-fee', '1500000', '--p3mi-fee', '5000000'];

  it('prints costs by payer, the KUR schedule and affordability under FX ±10%, offline and online, and shows they agree', async () => {
    const run = await runExample('cost-and-loan-simulator', [...args, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const agreed = /Offline \(domain, no server\) and online \(gateway\) agree: (\d+) figures compared\./.exec(run.stdout);
    expect(agreed).not.toBeNull();
    expect(Number(agreed![1])).toBeGreaterThan(40);

    // what the gateway says, read independently
    const client = clientAs('PUBLIC');
    const estimate = await client.costs.estimate({
      route: 'E7_3', occupation: 'WELDER', contractMonths: 36, asOf: today, inputs: { skillsTestFeeIdr: '1500000', p3miServiceFeeIdr: '5000000' },
    });
    expect(run.stdout).toContain(`Worker’s costs before departure: ${formatMoney(money(estimate.workerBeforeDeparture.amount, 'IDR'))}`);
    const financing = await client.financing.simulate({
      asOf: today, amountIdr: estimate.workerBeforeDeparture.amount, tenorMonths: 24, contractMonths: 36, livingCostShare: '0.4', maxDebtServiceRatio: '0.3',
    });
    expect(run.stdout).toContain(`Regular instalment ${formatMoney(money(financing.schedule.regularInstalment.amount, 'IDR'))}`);
    expect(financing.affordability.map((a) => a.fxChange)).toEqual(['0', '-0.1', '0.1']);
    expect(run.stdout).toMatch(/base rate .* (affordable|NOT affordable)/);
    expect(run.stdout).toMatch(/FX -10% .* (affordable|NOT affordable)/);
    expect(run.stdout).toMatch(/FX \+10% .* (affordable|NOT affordable)/);
    const scheduleRows = run.stdout.split('\n').filter((l) => /^\s+\d+ {2}(GRACE|REPAYMENT)/.test(l));
    expect(scheduleRows).toHaveLength(financing.schedule.rows.length);
  });

  it('computes the same offline with no server at all (--offline-only, gateway URL unreachable)', async () => {
    const [offline, online] = await Promise.all([
      runExample('cost-and-loan-simulator', [...args, '--offline-only'], { env: { JEMBATAN_URL: 'http://127.0.0.1:9/graphql' } }),
      runExample('cost-and-loan-simulator', args),
    ]);
    expect(offline).toMatchObject({ status: 0, stderr: '' });
    expect(online.stdout.startsWith(offline.stdout)).toBe(true);
    expect(online.stdout).toContain('Offline (domain, tanpa server) dan online (gateway) sama');
  });

  it('--compare ranks Kota Serang, Jabodetabek, transmigration and Korea by net saving, offline and online agreeing', async () => {
    const compareArgs = [...args, '--compare', '--sells-belongings-line', '2000000', '--transmigration-income', '2500000', '--transmigration-allowance', '1000000', '--transmigration-allowance-months', '12'];
    const run = await runExample('cost-and-loan-simulator', [...compareArgs, '--lang', 'en']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const agreed = /Offline \(domain, no server\) and online \(gateway\) agree: (\d+) figures compared\./.exec(run.stdout);
    expect(agreed).not.toBeNull();
    expect(Number(agreed![1])).toBeGreaterThan(4 * 48);

    // what the gateway says for the same person, read independently
    const c = await clientAs('PUBLIC').costs.compareOpportunities({
      asOf: today,
      horizonMonths: 48,
      maxDebtServiceRatio: '0.3',
      sellsBelongingsLineIdr: '2000000',
      options: [
        { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: '0.6' },
        { kind: 'JABODETABEK', place: 'DKI_JAKARTA', monthsUntilFirstWage: 1, livingCostShare: '0.6' },
        {
          kind: 'TRANSMIGRATION', monthsUntilFirstWage: 6, monthlyIncomeIdr: '2500000', incomeStatedBy: 'cost-and-loan-simulator --compare (user input)', livingCostShare: '0.6',
          support: { livingAllowanceMonthlyIdr: '1000000', livingAllowanceMonths: 12, statedBy: 'cost-and-loan-simulator --compare (user input)' },
        },
        {
          kind: 'OVERSEAS', route: 'E7_3', occupation: 'WELDER', contractMonths: 36, monthsUntilFirstWage: 6, livingCostShare: '0.4',
          costInputs: { skillsTestFeeIdr: '1500000', p3miServiceFeeIdr: '5000000' }, loan: { tenorMonths: 24 },
        },
      ],
    });
    expect(c.ranking.map((o) => o.kind).sort()).toEqual(['JABODETABEK', 'LOCAL', 'OVERSEAS', 'TRANSMIGRATION']);
    const printed = run.stdout.split('\n');
    let last = -1;
    for (const o of c.ranking) {
      const at = printed.findIndex((l) => l === `${String(o.rank).padStart(2)}. ${o.label.en}`);
      expect(at).toBeGreaterThan(last);
      last = at;
      expect(printed[at + 1]).toContain(`net saving ${formatMoney(money(o.netSaving.amount, 'IDR'))}`);
    }
    for (let i = 1; i < c.ranking.length; i++) expect(BigInt(c.ranking[i - 1]!.netSaving.amount) >= BigInt(c.ranking[i]!.netSaving.amount)).toBe(true);
    // the floor at home is the dated UMK Kota Serang, paid in whole rupiah (rounded up from the decree's sen)
    const local = c.ranking.find((o) => o.kind === 'LOCAL')!;
    expect(local.parameters.map((p) => p.parameterId)).toEqual(['wage.umk.kotaSerangIdr']);
    expect(local.months[0]!.wage?.currency).toBe('IDR');
    expect(run.stdout).toMatch(/"Sells belongings" line Rp 2\.000\.000: (not crossed|crossed by)/);

    // offline only: the same report with no server
    const offline = await runExample('cost-and-loan-simulator', [...compareArgs, '--lang', 'en', '--offline-only'], { env: { JEMBATAN_URL: 'http://127.0.0.1:9/graphql' } });
    expect(offline).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.startsWith(offline.stdout)).toBe(true);
  });

  it('shows the unknown lines when the fees no source gives are not passed, and still agrees with the gateway', async () => {
    const run = await runExample('cost-and-loan-simulator', ['--occupation', 'WELDER', '--months', '24', '--as-of', today, '--lang', 'en']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('input needed: inputs.skillsTestFee');
    expect(run.stdout).toContain('the totals are incomplete');
    expect(run.stdout).toMatch(/agree: \d+ figures compared/);
  });
});
