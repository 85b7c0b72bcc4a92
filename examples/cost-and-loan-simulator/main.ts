/**
 * Cost and loan simulator: for an occupation and a contract length, the cost lines and who pays
 * each, a KUR Penempatan PMI loan schedule for the worker's share, and whether the instalment is
 * affordable from the Korean wage when the won moves ±10%. Computed twice — offline with the
 * domain's calculators re-exported by the SDK (no server: what a browser self-check page does) and
 * online through the gateway — and the two are compared figure by figure. Public: no credentials.
 *
 *   node examples/dist/cost-and-loan-simulator/main.js --occupation WELDER --months 36
 *        [--route E7_3] [--as-of YYYY-MM-DD] [--loan <rupiah>] [--tenor 24] [--living-cost-share 0.4]
 *        [--max-dsr 0.3] [--wage-krw <won>] [--skills-test-fee <rupiah>] [--p3mi-fee <rupiah>]
 *        [--korean-test-fee <rupiah>] [--city-pays-korean-course] [--offline-only] [--lang id|en]
 *        [--compare [--horizon <months>] [--wait <months>] [--home-living-cost-share 0.6] [--local-wage <rupiah>]
 *         [--jabodetabek-place DKI_JAKARTA|KOTA_TANGERANG] [--jabodetabek-wage <rupiah>] [--jabodetabek-living-cost <rupiah>]
 *         [--jabodetabek-wait <months>] [--transmigration-income <rupiah> [--transmigration-wait <months>]
 *         [--transmigration-allowance <rupiah> --transmigration-allowance-months <n>]] [--sells-belongings-line <rupiah>]]
 *
 * `--compare` sets the Korea route beside a job in Kota Serang (UMK), one in Jabodetabek (UMP DKI or UMK
 * Kota Tangerang) and, when its income is given, transmigration, over the contract + 12 months
 * (compare.ts), offline and online.
 *
 * The loan defaults to the worker's costs before departure. Fees no source gives (skills test, P3MI
 * service fee, the pilot's Korean test) are inputs: without them their lines are "unknown".
 */
import {
  affordability,
  CITY_PAYS_KOREAN_COURSE,
  compare,
  estimateCosts,
  exchangeRate,
  formatMoney,
  kurPenempatanProduct,
  money,
  OCCUPATION_LABELS,
  parameterSnapshot,
  PAYER_KINDS,
  ROUTE_LABELS,
  scheduleLoan,
  type CostEstimate,
  type CostEstimateResult,
  type CostPolicyOverlay,
  type DomainMoney,
  type FinancingSimulationResult,
  type JembatanClient,
  type Occupation,
  type RepaymentSchedule,
  type Route,
} from '@jembatan/sdk';
import { checkDate, clientFrom, langOf, parseCommandLine, pick, runExample, todayWib, UsageError, type Lang } from '../shared/cli';
import { compareComparisonFigures, compareOffline, compareOnline, compareReport, type CompareRequest } from './compare';

export const USAGE = `Usage: cost-and-loan-simulator --occupation WELDER --months 36 [--route E7_3] [--as-of YYYY-MM-DD]
       [--loan <rupiah>] [--tenor 24] [--living-cost-share 0.4] [--max-dsr 0.3] [--wage-krw <won>]
       [--skills-test-fee <rupiah>] [--p3mi-fee <rupiah>] [--korean-test-fee <rupiah>]
       [--city-pays-korean-course] [--offline-only] [--lang id|en]
       [--compare [--horizon <months>] [--wait 6] [--home-living-cost-share 0.6] [--local-wage <rupiah>]
        [--jabodetabek-place DKI_JAKARTA|KOTA_TANGERANG] [--jabodetabek-wage <rupiah>] [--jabodetabek-living-cost <rupiah>]
        [--jabodetabek-wait 1] [--transmigration-income <rupiah> [--transmigration-wait 6]
        [--transmigration-allowance <rupiah> --transmigration-allowance-months <n>]] [--sells-belongings-line <rupiah>]]
Environment: JEMBATAN_URL (JEMBATAN_API_KEY / JEMBATAN_TOKEN are sent when set).
`;

const PAYER_LABELS = {
  WORKER: { id: 'Pekerja', en: 'Worker' },
  EMPLOYER: { id: 'Pemberi kerja', en: 'Employer' },
  P3MI: { id: 'P3MI', en: 'P3MI' },
  CITY_SUBSIDY: { id: 'Subsidi Pemkot', en: 'City subsidy' },
  APJATI_FACILITY: { id: 'Fasilitas APJATI', en: 'APJATI facility' },
} as const;

export interface SimulationRequest {
  readonly route: Route;
  readonly occupation: Occupation;
  readonly contractMonths: number;
  readonly asOf: string;
  /** Whole rupiah; default: the worker's costs before departure. */
  readonly loanIdr?: string;
  readonly tenorMonths: number;
  readonly livingCostShare: string;
  readonly maxDebtServiceRatio: string;
  readonly wageKrw?: string;
  readonly skillsTestFeeIdr?: string;
  readonly p3miServiceFeeIdr?: string;
  readonly koreanTestFeeIdr?: string;
  readonly cityPaysKoreanCourse: boolean;
}

export const FX_SHOCKS = ['-0.1', '0.1'] as const;

/** Offline: the domain's calculators, exactly as the gateway calls them. */
export function simulateOffline(r: SimulationRequest) {
  const params = parameterSnapshot(r.asOf);
  const idr = (v: string | undefined) => (v === undefined ? undefined : money(v, 'IDR'));
  const inputs = Object.fromEntries(
    Object.entries({ skillsTestFee: idr(r.skillsTestFeeIdr), p3miServiceFee: idr(r.p3miServiceFeeIdr), koreanTestFee: idr(r.koreanTestFeeIdr) }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const estimate = estimateCosts(
    { route: r.route, occupation: r.occupation, contractMonths: r.contractMonths, inputs, upfrontCashThreshold: null },
    params,
    r.cityPaysKoreanCourse ? [CITY_PAYS_KOREAN_COURSE] : [],
  );
  const loanAmount = r.loanIdr !== undefined ? money(r.loanIdr, 'IDR') : estimate.worker.beforeDeparture;
  const loan = scheduleLoan(kurPenempatanProduct(params), { amount: loanAmount, tenorMonths: r.tenorMonths, contractMonths: r.contractMonths });
  if (!loan.ok) return { estimate, loanAmount, loan: null, refusal: loan.error, afford: null, wage: null };
  const schedule = loan.value.schedule as RepaymentSchedule;
  const wage = r.wageKrw !== undefined ? money(r.wageKrw, 'KRW') : money(params.get('korea.minimumWageMonthlyKrw'), 'KRW');
  const fx = params.describe('fx.idrPerKrw');
  const rate = exchangeRate({
    base: 'KRW',
    quote: 'IDR',
    rate: String(fx.value),
    asOf: r.asOf,
    source: `parameter fx.idrPerKrw (${fx.effectiveFrom})`,
    isDefault: fx.isDefault,
  });
  // The largest instalment decides (the last one carries the rounding adjustment).
  const instalment = compare(schedule.lastInstalment, schedule.regularInstalment) > 0 ? schedule.lastInstalment : schedule.regularInstalment;
  const afford = affordability({
    instalment,
    monthlyWage: wage,
    exchangeRate: rate,
    livingCostShare: r.livingCostShare,
    maxDebtServiceRatio: r.maxDebtServiceRatio,
    fxShocks: FX_SHOCKS,
  });
  return { estimate, loanAmount, loan: loan.value, schedule, refusal: null, afford, wage };
}

export type OfflineSimulation = ReturnType<typeof simulateOffline>;

/** Online: the same through the gateway (`costs.estimate`, `financing.simulate`). */
export async function simulateOnline(client: JembatanClient, r: SimulationRequest, loanIdr: string) {
  const overlays: CostPolicyOverlay[] = r.cityPaysKoreanCourse ? ['CITY_PAYS_KOREAN_COURSE'] : [];
  const inputs = Object.fromEntries(
    Object.entries({ skillsTestFeeIdr: r.skillsTestFeeIdr, p3miServiceFeeIdr: r.p3miServiceFeeIdr, koreanTestFeeIdr: r.koreanTestFeeIdr }).filter(([, v]) => v !== undefined),
  );
  const [estimate, financing] = await Promise.all([
    client.costs.estimate({ route: r.route, occupation: r.occupation, contractMonths: r.contractMonths, asOf: r.asOf, inputs, overlays }),
    client.financing.simulate({
      asOf: r.asOf,
      amountIdr: loanIdr,
      tenorMonths: r.tenorMonths,
      contractMonths: r.contractMonths,
      livingCostShare: r.livingCostShare,
      maxDebtServiceRatio: r.maxDebtServiceRatio,
      fxShocks: [...FX_SHOCKS],
      ...(r.wageKrw !== undefined ? { monthlyWageKrw: r.wageKrw } : {}),
    }),
  ]);
  return { estimate, financing };
}

/** Every figure of both results side by side: [what, offline, online]. */
export function compareFigures(
  offline: OfflineSimulation,
  online: { estimate: CostEstimateResult; financing: FinancingSimulationResult },
): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  const m = (x: DomainMoney | null | undefined) => (x ? `${x.amount} ${x.currency}` : 'null');
  const w = (x: { amount: string; currency: string } | null | undefined) => (x ? `${x.amount} ${x.currency}` : 'null');
  const e = offline.estimate;
  const onlineLines = new Map(online.estimate.lines.map((l) => [l.lineId, l]));
  rows.push(['lines', e.lines.map((l) => l.id).join(','), online.estimate.lines.map((l) => l.lineId).join(',')]);
  for (const line of e.lines) {
    const other = onlineLines.get(line.id);
    rows.push([`line ${line.id}`, m(line.amountIdr), w(other?.amountIdr)]);
    for (const share of line.payers) {
      const o = other?.payers.find((p) => p.payer === share.payer);
      rows.push([`line ${line.id} paid by ${share.payer}`, m(share.amountIdr), w(o?.amountIdr)]);
    }
  }
  for (const payer of PAYER_KINDS) {
    rows.push([`total ${payer}`, m(e.totals.byPayer[payer]), w(online.estimate.totalsByPayer.find((t) => t.payer === payer)?.amount)]);
  }
  rows.push(['total', m(e.totals.total), w(online.estimate.total)]);
  rows.push(['worker total', m(e.worker.total), w(online.estimate.workerTotal)]);
  rows.push(['worker before departure', m(e.worker.beforeDeparture), w(online.estimate.workerBeforeDeparture)]);
  rows.push(['up-front cash', m(e.upfrontCash), w(online.estimate.upfrontCash)]);
  if (offline.loan && offline.schedule && offline.afford) {
    const s = offline.schedule;
    const f = online.financing;
    rows.push(['loan amount', m(offline.loan.terms.amount), w(f.amount)]);
    rows.push(['regular instalment', m(s.regularInstalment), w(f.schedule.regularInstalment)]);
    rows.push(['last instalment', m(s.lastInstalment), w(f.schedule.lastInstalment)]);
    rows.push(['total interest', m(s.totals.interest), w(f.schedule.totalInterest)]);
    rows.push(['total paid', m(s.totals.paid), w(f.schedule.totalPaid)]);
    rows.push(['months', String(s.rows.length), String(f.schedule.rows.length)]);
    s.rows.forEach((row, i) => rows.push([`month ${row.month} payment`, m(row.payment), w(f.schedule.rows[i]?.payment)]));
    rows.push(['monthly wage', m(offline.wage), w(f.monthlyWage)]);
    offline.afford.scenarios.forEach((sc, i) => {
      const o = f.affordability[i];
      rows.push([`${sc.scenario} ${sc.fxChange} wage`, m(sc.wage), w(o?.wage)]);
      rows.push([`${sc.scenario} ${sc.fxChange} debt-service ratio`, sc.debtServiceRatio, o?.debtServiceRatio ?? 'null']);
      rows.push([`${sc.scenario} ${sc.fxChange} left after instalment`, m(sc.leftAfterInstalment), w(o?.leftAfterInstalment)]);
      rows.push([`${sc.scenario} ${sc.fxChange} affordable`, String(sc.affordable), String(o?.affordable)]);
    });
    rows.push(['affordable in all scenarios', String(offline.afford.affordableInAllScenarios), String(f.affordableInAllScenarios)]);
  }
  return rows;
}

/** "0.06" → "6%" (display only). */
const percent = (rate: string) => `${Number((Number(rate) * 100).toFixed(4))}%`;

function report(r: SimulationRequest, sim: OfflineSimulation, lang: Lang): string[] {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const rp = (x: DomainMoney | null) => (x ? formatMoney(x) : t('tidak diketahui', 'unknown'));
  const out: string[] = [];
  const e: CostEstimate = sim.estimate;
  out.push(
    `${t('Simulasi biaya dan pinjaman', 'Cost and loan simulation')} — ${pick(lang, OCCUPATION_LABELS[r.occupation])}, ${pick(lang, ROUTE_LABELS[r.route])}, ` +
      `${t('kontrak', 'contract')} ${r.contractMonths} ${t('bulan', 'months')}, ${t('per', 'as of')} ${r.asOf}`,
  );
  out.push('');
  out.push(t('Biaya per pos — siapa yang membayar:', 'Cost lines — who pays:'));
  for (const line of e.lines) {
    const payers = line.payers.map((p) => `${pick(lang, PAYER_LABELS[p.payer])}${line.payers.length > 1 ? ` ${rp(p.amountIdr)}` : ''}`).join(', ');
    const note = line.status === 'UNKNOWN' ? ` (${t('perlu masukan', 'input needed')}: ${line.source.input ?? line.id})` : '';
    out.push(`  ${pick(lang, line.label).padEnd(46)} ${rp(line.amountIdr).padStart(14)}  ${payers}${note}`);
  }
  out.push(t('Total per pembayar:', 'Totals by payer:'));
  for (const payer of PAYER_KINDS) {
    if (e.totals.byPayer[payer].amount !== 0) out.push(`  ${pick(lang, PAYER_LABELS[payer]).padEnd(20)} ${rp(e.totals.byPayer[payer]).padStart(14)}`);
  }
  out.push(`${t('Biaya pekerja sebelum berangkat', 'Worker’s costs before departure')}: ${rp(e.worker.beforeDeparture)}`);
  if (!e.complete) out.push(t('Catatan: ada pos tanpa angka; totalnya belum lengkap.', 'Note: some lines have no amount; the totals are incomplete.'));
  out.push('');
  if (!sim.loan || !sim.schedule || !sim.afford || !sim.wage) {
    out.push(`${t('Pinjaman KUR ditolak', 'KUR loan refused')} (${formatMoney(sim.loanAmount)}): ${pick(lang, sim.refusal?.message ?? { id: '-', en: '-' })}`);
    for (const reason of sim.refusal?.reasons ?? []) out.push(`  - ${reason.code}: ${pick(lang, reason.message)}`);
    return out;
  }
  const s = sim.schedule;
  out.push(
    `${t('Pinjaman KUR Penempatan PMI', 'KUR Penempatan PMI loan')}: ${formatMoney(sim.loan.terms.amount)}, ${t('tenor', 'tenor')} ${s.tenorMonths} ${t('bulan', 'months')} ` +
      `(${t('masa tenggang', 'grace')} ${s.graceMonths}, ${s.graceInterest}), ${t('bunga', 'rate')} ${percent(s.annualRate)} ${t('per tahun', 'a year')}`,
  );
  out.push(`  ${t('Bulan', 'Month')}  ${t('Fase', 'Phase').padEnd(9)} ${t('Angsuran', 'Payment').padStart(13)} ${t('Bunga', 'Interest').padStart(12)} ${t('Pokok', 'Principal').padStart(13)} ${t('Sisa', 'Balance').padStart(14)}`);
  for (const row of s.rows) {
    out.push(
      `  ${String(row.month).padStart(5)}  ${row.phase.padEnd(9)} ${formatMoney(row.payment).padStart(13)} ${formatMoney(row.interest).padStart(12)} ${formatMoney(row.principal).padStart(13)} ${formatMoney(row.closingBalance).padStart(14)}`,
    );
  }
  out.push(
    `  ${t('Angsuran tetap', 'Regular instalment')} ${formatMoney(s.regularInstalment)}, ${t('terakhir', 'last')} ${formatMoney(s.lastInstalment)}, ` +
      `${t('total bunga', 'total interest')} ${formatMoney(s.totals.interest)}, ${t('total dibayar', 'total paid')} ${formatMoney(s.totals.paid)}`,
  );
  out.push('');
  out.push(
    `${t('Keterjangkauan', 'Affordability')} (${t('upah', 'wage')} ${formatMoney(sim.wage)} ${t('per bulan', 'a month')}, ${t('biaya hidup', 'living costs')} ${r.livingCostShare}, ` +
      `${t('batas cicilan/upah', 'max instalment/wage')} ${r.maxDebtServiceRatio}):`,
  );
  for (const sc of sim.afford.scenarios) {
    const label = sc.scenario === 'BASE' ? t('kurs dasar', 'base rate') : `${t('kurs', 'FX')} ${Number(sc.fxChange) > 0 ? '+' : ''}${Math.round(Number(sc.fxChange) * 100)}%`;
    out.push(
      `  ${label.padEnd(12)} ${t('upah', 'wage')} ${formatMoney(sc.wage).padStart(14)}  ${t('rasio', 'ratio')} ${sc.debtServiceRatio}  ` +
        `${t('sisa', 'left')} ${formatMoney(sc.leftAfterInstalment).padStart(14)}  ${sc.affordable ? t('terjangkau', 'affordable') : t('TIDAK terjangkau', 'NOT affordable')}`,
    );
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    route: { type: 'string', default: 'E7_3' },
    occupation: { type: 'string' },
    months: { type: 'string' },
    'as-of': { type: 'string' },
    loan: { type: 'string' },
    tenor: { type: 'string', default: '24' },
    'living-cost-share': { type: 'string', default: '0.4' },
    'max-dsr': { type: 'string', default: '0.3' },
    'wage-krw': { type: 'string' },
    'skills-test-fee': { type: 'string' },
    'p3mi-fee': { type: 'string' },
    'korean-test-fee': { type: 'string' },
    'city-pays-korean-course': { type: 'boolean' },
    'offline-only': { type: 'boolean' },
    compare: { type: 'boolean' },
    horizon: { type: 'string' },
    wait: { type: 'string', default: '6' },
    'home-living-cost-share': { type: 'string', default: '0.6' },
    'local-wage': { type: 'string' },
    'jabodetabek-place': { type: 'string', default: 'DKI_JAKARTA' },
    'jabodetabek-wage': { type: 'string' },
    'jabodetabek-living-cost': { type: 'string' },
    'jabodetabek-wait': { type: 'string', default: '1' },
    'transmigration-income': { type: 'string' },
    'transmigration-wait': { type: 'string', default: '6' },
    'transmigration-allowance': { type: 'string' },
    'transmigration-allowance-months': { type: 'string' },
    'sells-belongings-line': { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const lang = langOf(values.lang);
  const route = values.route as Route;
  if (!(route in ROUTE_LABELS)) throw new UsageError(`unknown route ${route}`);
  const occupation = values.occupation as Occupation | undefined;
  if (!occupation || !(occupation in OCCUPATION_LABELS)) throw new UsageError(`give --occupation (${Object.keys(OCCUPATION_LABELS).join(', ')})`);
  const whole = (v: string | undefined, flag: string) => {
    if (v !== undefined && !/^\d+$/.test(v)) throw new UsageError(`${flag} must be a whole number`);
    return v;
  };
  const contractMonths = Number(whole(values.months, '--months') ?? NaN);
  if (!Number.isInteger(contractMonths)) throw new UsageError('give --months (contract length in months)');
  const request: SimulationRequest = {
    route,
    occupation,
    contractMonths,
    asOf: checkDate(values['as-of'] ?? todayWib(), '--as-of'),
    tenorMonths: Number(whole(values.tenor, '--tenor')),
    livingCostShare: values['living-cost-share'],
    maxDebtServiceRatio: values['max-dsr'],
    cityPaysKoreanCourse: values['city-pays-korean-course'] === true,
    ...(whole(values.loan, '--loan') !== undefined ? { loanIdr: values.loan } : {}),
    ...(whole(values['wage-krw'], '--wage-krw') !== undefined ? { wageKrw: values['wage-krw'] } : {}),
    ...(whole(values['skills-test-fee'], '--skills-test-fee') !== undefined ? { skillsTestFeeIdr: values['skills-test-fee'] } : {}),
    ...(whole(values['p3mi-fee'], '--p3mi-fee') !== undefined ? { p3miServiceFeeIdr: values['p3mi-fee'] } : {}),
    ...(whole(values['korean-test-fee'], '--korean-test-fee') !== undefined ? { koreanTestFeeIdr: values['korean-test-fee'] } : {}),
  };
  const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);
  if (values.compare) {
    const place = values['jabodetabek-place'];
    if (place !== 'DKI_JAKARTA' && place !== 'KOTA_TANGERANG') throw new UsageError('--jabodetabek-place must be DKI_JAKARTA or KOTA_TANGERANG');
    const months = (v: string | undefined, flag: string) => (whole(v, flag) === undefined ? undefined : Number(v));
    const opt = <K extends string, V>(key: K, v: V | undefined) => (v === undefined ? {} : ({ [key]: v } as { [P in K]: V }));
    const compareRequest: CompareRequest = {
      asOf: request.asOf,
      horizonMonths: months(values.horizon, '--horizon') ?? contractMonths + 12,
      route,
      occupation,
      contractMonths,
      monthsUntilFirstWage: months(values.wait, '--wait') ?? 0,
      tenorMonths: request.tenorMonths,
      livingCostShare: request.livingCostShare,
      maxDebtServiceRatio: request.maxDebtServiceRatio,
      cityPaysKoreanCourse: request.cityPaysKoreanCourse,
      homeLivingCostShare: values['home-living-cost-share'],
      jabodetabekPlace: place,
      jabodetabekWait: months(values['jabodetabek-wait'], '--jabodetabek-wait') ?? 0,
      transmigrationWait: months(values['transmigration-wait'], '--transmigration-wait') ?? 0,
      ...opt('wageKrw', request.wageKrw),
      ...opt('skillsTestFeeIdr', request.skillsTestFeeIdr),
      ...opt('p3miServiceFeeIdr', request.p3miServiceFeeIdr),
      ...opt('koreanTestFeeIdr', request.koreanTestFeeIdr),
      ...opt('localWageIdr', whole(values['local-wage'], '--local-wage')),
      ...opt('jabodetabekWageIdr', whole(values['jabodetabek-wage'], '--jabodetabek-wage')),
      ...opt('jabodetabekLivingCostIdr', whole(values['jabodetabek-living-cost'], '--jabodetabek-living-cost')),
      ...opt('transmigrationIncomeIdr', whole(values['transmigration-income'], '--transmigration-income')),
      ...opt('transmigrationAllowanceIdr', whole(values['transmigration-allowance'], '--transmigration-allowance')),
      ...opt('transmigrationAllowanceMonths', months(values['transmigration-allowance-months'], '--transmigration-allowance-months')),
      ...opt('sellsBelongingsLineIdr', whole(values['sells-belongings-line'], '--sells-belongings-line')),
    };
    const offlineComparison = compareOffline(compareRequest);
    print(compareReport(compareRequest, offlineComparison, lang));
    if (values['offline-only']) return 0;
    const onlineComparison = await compareOnline(clientFrom(values), compareRequest);
    return agreement(compareComparisonFigures(offlineComparison, onlineComparison), lang, print);
  }
  const offline = simulateOffline(request);
  print(report(request, offline, lang));
  if (values['offline-only']) return 0;

  const online = await simulateOnline(clientFrom(values), request, String(offline.loanAmount.amount));
  return agreement(compareFigures(offline, online), lang, print);
}

/** Print whether offline and online agree, figure by figure; 0 when they do. */
function agreement(figures: Array<[string, string, string]>, lang: Lang, print: (lines: string[]) => void): number {
  const differences = figures.filter(([, a, b]) => a !== b);
  print(['']);
  if (differences.length === 0) {
    print([
      lang === 'id'
        ? `Offline (domain, tanpa server) dan online (gateway) sama: ${figures.length} angka dibandingkan.`
        : `Offline (domain, no server) and online (gateway) agree: ${figures.length} figures compared.`,
    ]);
    return 0;
  }
  print([lang === 'id' ? `BERBEDA: ${differences.length} dari ${figures.length} angka:` : `MISMATCH: ${differences.length} of ${figures.length} figures differ:`]);
  print(differences.map(([what, a, b]) => `  ${what}: offline ${a}, online ${b}`));
  return 1;
}

if (require.main === module) runExample(main, USAGE);
