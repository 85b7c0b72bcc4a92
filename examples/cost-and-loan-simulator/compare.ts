/**
 * `--compare`: the same person's opportunities side by side over a horizon (the contract + 12 months
 * by default): a job in Kota Serang at the UMK (or the wage offered), one in Jabodetabek, optionally
 * transmigration (its income and support are inputs: no source gives them), and the Korea route with
 * its costs and KUR loan. Computed offline (the domain's `compareOpportunities`, re-exported by the
 * SDK) and online (`client.costs.compareOpportunities`), compared figure by figure.
 *
 * Living costs are inputs, shown as assumptions with the result: abroad `--living-cost-share`, at home
 * `--home-living-cost-share` (or `--jabodetabek-living-cost <rupiah>` for the Jakarta area).
 */
import {
  CITY_PAYS_KOREAN_COURSE,
  compareOpportunities,
  formatMoney,
  money,
  parameterSnapshot,
  type DomainOpportunityComparison,
  type DomainOpportunityComparisonInput,
  type JembatanClient,
  type OpportunityComparisonInput,
  type OpportunityComparisonResult,
  type OpportunityInput,
  type WagePlace,
} from '@jembatan/sdk';
import { pick, type Lang } from '../shared/cli';
import type { SimulationRequest } from './main';

/** The simulation's request (less the loan amount: the comparison borrows the worker's costs), and the comparison's own inputs. */
export interface CompareRequest extends Omit<SimulationRequest, 'loanIdr'> {
  readonly horizonMonths: number;
  /** Months until the first wage abroad (training, tests, the process): an input. */
  readonly monthsUntilFirstWage: number;
  readonly homeLivingCostShare: string;
  readonly localWageIdr?: string;
  readonly jabodetabekPlace: WagePlace;
  readonly jabodetabekWageIdr?: string;
  readonly jabodetabekLivingCostIdr?: string;
  /** Months until the first wage in Jabodetabek (finding a job, moving). */
  readonly jabodetabekWait: number;
  readonly transmigrationIncomeIdr?: string;
  readonly transmigrationWait: number;
  readonly transmigrationAllowanceIdr?: string;
  readonly transmigrationAllowanceMonths?: number;
  readonly sellsBelongingsLineIdr?: string;
}

const STATED_BY = 'cost-and-loan-simulator --compare (user input)';

/** Offline: the domain's calculator, no server. */
export function compareOffline(r: CompareRequest): DomainOpportunityComparison {
  const idr = (v: string) => money(v, 'IDR');
  const options: OpportunityInput[] = [
    {
      kind: 'LOCAL',
      place: 'KOTA_SERANG',
      monthsUntilFirstWage: 0,
      livingCost: { share: r.homeLivingCostShare },
      ...(r.localWageIdr !== undefined ? { monthlyWage: idr(r.localWageIdr) } : {}),
    },
    {
      kind: 'JABODETABEK',
      place: r.jabodetabekPlace,
      monthsUntilFirstWage: r.jabodetabekWait,
      livingCost: r.jabodetabekLivingCostIdr !== undefined ? { monthly: idr(r.jabodetabekLivingCostIdr) } : { share: r.homeLivingCostShare },
      ...(r.jabodetabekWageIdr !== undefined ? { monthlyWage: idr(r.jabodetabekWageIdr) } : {}),
    },
  ];
  if (r.transmigrationIncomeIdr !== undefined) {
    options.push({
      kind: 'TRANSMIGRATION',
      monthsUntilFirstWage: r.transmigrationWait,
      monthlyIncome: idr(r.transmigrationIncomeIdr),
      incomeStatedBy: STATED_BY,
      livingCost: { share: r.homeLivingCostShare },
      ...(r.transmigrationAllowanceIdr !== undefined
        ? { support: { livingAllowanceMonthly: idr(r.transmigrationAllowanceIdr), livingAllowanceMonths: r.transmigrationAllowanceMonths ?? 0, statedBy: STATED_BY } }
        : {}),
    });
  }
  const costInputs = Object.fromEntries(
    Object.entries({
      skillsTestFee: r.skillsTestFeeIdr !== undefined ? idr(r.skillsTestFeeIdr) : undefined,
      p3miServiceFee: r.p3miServiceFeeIdr !== undefined ? idr(r.p3miServiceFeeIdr) : undefined,
      koreanTestFee: r.koreanTestFeeIdr !== undefined ? idr(r.koreanTestFeeIdr) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  options.push({
    kind: 'OVERSEAS',
    route: r.route,
    occupation: r.occupation,
    contractMonths: r.contractMonths,
    monthsUntilFirstWage: r.monthsUntilFirstWage,
    livingCost: { share: r.livingCostShare },
    costInputs,
    costPolicies: r.cityPaysKoreanCourse ? [CITY_PAYS_KOREAN_COURSE] : [],
    loan: { tenorMonths: r.tenorMonths },
    ...(r.wageKrw !== undefined ? { monthlyWage: money(r.wageKrw, 'KRW') } : {}),
  });
  const input: DomainOpportunityComparisonInput = {
    horizonMonths: r.horizonMonths,
    options,
    maxDebtServiceRatio: r.maxDebtServiceRatio,
    ...(r.sellsBelongingsLineIdr !== undefined ? { sellsBelongingsLine: idr(r.sellsBelongingsLineIdr) } : {}),
  };
  return compareOpportunities(input, parameterSnapshot(r.asOf));
}

/** Online: the same request through the gateway, in the schema's words. */
export function compareOnline(client: JembatanClient, r: CompareRequest): Promise<OpportunityComparisonResult> {
  const options: OpportunityComparisonInput['options'] = [
    { kind: 'LOCAL', place: 'KOTA_SERANG', monthsUntilFirstWage: 0, livingCostShare: r.homeLivingCostShare, ...(r.localWageIdr !== undefined ? { monthlyWageIdr: r.localWageIdr } : {}) },
    {
      kind: 'JABODETABEK',
      place: r.jabodetabekPlace,
      monthsUntilFirstWage: r.jabodetabekWait,
      ...(r.jabodetabekLivingCostIdr !== undefined ? { livingCostMonthlyIdr: r.jabodetabekLivingCostIdr } : { livingCostShare: r.homeLivingCostShare }),
      ...(r.jabodetabekWageIdr !== undefined ? { monthlyWageIdr: r.jabodetabekWageIdr } : {}),
    },
  ];
  if (r.transmigrationIncomeIdr !== undefined) {
    options.push({
      kind: 'TRANSMIGRATION',
      monthsUntilFirstWage: r.transmigrationWait,
      monthlyIncomeIdr: r.transmigrationIncomeIdr,
      incomeStatedBy: STATED_BY,
      livingCostShare: r.homeLivingCostShare,
      ...(r.transmigrationAllowanceIdr !== undefined
        ? { support: { livingAllowanceMonthlyIdr: r.transmigrationAllowanceIdr, livingAllowanceMonths: r.transmigrationAllowanceMonths ?? 0, statedBy: STATED_BY } }
        : {}),
    });
  }
  options.push({
    kind: 'OVERSEAS',
    route: r.route,
    occupation: r.occupation,
    contractMonths: r.contractMonths,
    monthsUntilFirstWage: r.monthsUntilFirstWage,
    livingCostShare: r.livingCostShare,
    costInputs: Object.fromEntries(
      Object.entries({ skillsTestFeeIdr: r.skillsTestFeeIdr, p3miServiceFeeIdr: r.p3miServiceFeeIdr, koreanTestFeeIdr: r.koreanTestFeeIdr }).filter(([, v]) => v !== undefined),
    ),
    overlays: r.cityPaysKoreanCourse ? ['CITY_PAYS_KOREAN_COURSE'] : [],
    loan: { tenorMonths: r.tenorMonths },
    ...(r.wageKrw !== undefined ? { monthlyWageKrw: r.wageKrw } : {}),
  });
  return client.costs.compareOpportunities({
    asOf: r.asOf,
    horizonMonths: r.horizonMonths,
    options,
    maxDebtServiceRatio: r.maxDebtServiceRatio,
    ...(r.sellsBelongingsLineIdr !== undefined ? { sellsBelongingsLineIdr: r.sellsBelongingsLineIdr } : {}),
  });
}

/** Every figure of both comparisons side by side: [what, offline, online]. */
export function compareComparisonFigures(offline: DomainOpportunityComparison, online: OpportunityComparisonResult): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  const m = (x: { amount: number | string; currency: string } | null | undefined) => (x ? `${x.amount} ${x.currency}` : 'null');
  rows.push(['ranking', offline.ranking.map((r) => `${r.rank}:${r.kind}`).join(','), online.ranking.map((r) => `${r.rank}:${r.kind}`).join(',')]);
  offline.ranking.forEach((a, k) => {
    const b = online.ranking[k];
    const at = `#${a.rank} ${a.kind}`;
    rows.push([`${at} net saving`, m(a.netSaving), m(b?.netSaving)]);
    rows.push([`${at} worst net saving`, m(a.worstNetSaving), m(b?.worstNetSaving)]);
    a.scenarios.forEach((s, i) => rows.push([`${at} ${s.scenario} ${s.fxChange} net saving`, m(s.totals.netSaving), m(b?.scenarios[i]?.netSaving)]));
    rows.push([`${at} first income month`, String(a.firstIncomeMonth), String(b?.firstIncomeMonth ?? null)]);
    rows.push([`${at} cash up front`, m(a.costs.upfrontCash), m(b?.costs.upfrontCash)]);
    rows.push([`${at} sells belongings`, a.sellsBelongings.status, b?.sellsBelongings.status ?? 'null']);
    rows.push([`${at} risks`, a.risks.map((x) => x.code).join(','), (b?.risks ?? []).map((x) => x.code).join(',')]);
    a.months.forEach((mo, i) => rows.push([`${at} month ${mo.month} cumulative`, m(mo.cumulative), m(b?.months[i]?.cumulative)]));
  });
  return rows;
}

const rp = (x: { amount: number; currency: 'IDR' | 'KRW' | 'USD' }) => formatMoney(x);

/** The comparison in words: the ranking, each option's money, risks and the "sells belongings" line. */
export function compareReport(r: CompareRequest, c: DomainOpportunityComparison, lang: Lang): string[] {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const out: string[] = [];
  out.push(`${t('Perbandingan peluang', 'Opportunities compared')} — ${c.horizonMonths} ${t('bulan sejak', 'months from')} ${c.asOf}`);
  out.push(
    `${t('Masukan', 'Inputs')}: ${t('biaya hidup di Korea', 'living costs in Korea')} ${r.livingCostShare}, ${t('di dalam negeri', 'at home')} ${r.jabodetabekLivingCostIdr !== undefined ? `${r.homeLivingCostShare} / Jabodetabek ${rp(money(r.jabodetabekLivingCostIdr, 'IDR'))}` : r.homeLivingCostShare}, ` +
      `${t('bulan sampai upah pertama di Korea', 'months to the first wage in Korea')} ${r.monthsUntilFirstWage}`,
  );
  out.push('');
  for (const o of c.ranking) {
    out.push(`${String(o.rank).padStart(2)}. ${pick(lang, o.label)}`);
    out.push(
      `    ${t('tabungan bersih', 'net saving')} ${rp(o.netSaving)}` +
        (o.scenarios.length > 1 ? ` (${t('terburuk dengan kurs', 'worst with FX')} ${rp(o.worstNetSaving)})` : '') +
        `, ${t('penghasilan pertama bulan', 'first income in month')} ${o.firstIncomeMonth ?? '-'}, ${t('uang tunai di muka', 'cash up front')} ${rp(o.costs.upfrontCash)}`,
    );
    const t0 = o.scenarios[0]!.totals;
    out.push(
      `    ${t('penghasilan', 'income')} ${rp(t0.income)} − ${t('biaya hidup', 'living')} ${rp(t0.livingCosts)} − ${t('biaya', 'costs')} ${rp(t0.costs)} − ${t('angsuran', 'instalments')} ${rp(t0.debtPayments)}` +
        (t0.debtOutstandingAtEnd.amount > 0 ? ` − ${t('sisa pinjaman', 'loan left')} ${rp(t0.debtOutstandingAtEnd)}` : ''),
    );
    if (o.loan) out.push(`    KUR ${rp(o.loan.terms.amount)}, ${t('tenor', 'tenor')} ${o.loan.terms.tenorMonths} ${t('bulan', 'months')}, ${t('angsuran', 'instalment')} ${rp(o.loan.schedule.regularInstalment)}`);
    for (const risk of o.risks) out.push(`    ! ${pick(lang, risk.message)}`);
  }
  out.push('');
  const crossed = c.ranking.filter((o) => o.sellsBelongings.crossed);
  if (r.sellsBelongingsLineIdr === undefined) out.push(t('Batas "menjual harta benda": tidak diberikan (--sells-belongings-line).', '"Sells belongings" line: not given (--sells-belongings-line).'));
  else
    out.push(
      `${t('Batas "menjual harta benda"', '"Sells belongings" line')} ${rp(money(r.sellsBelongingsLineIdr, 'IDR'))}: ` +
        (crossed.length === 0 ? t('tidak terlampaui', 'not crossed') : `${t('terlampaui oleh', 'crossed by')} ${crossed.map((o) => pick(lang, o.label)).join('; ')}`),
    );
  out.push(t('Cara menghitung:', 'How it is computed:'));
  for (const a of c.assumptions) out.push(`  - ${pick(lang, a)}`);
  return out;
}
