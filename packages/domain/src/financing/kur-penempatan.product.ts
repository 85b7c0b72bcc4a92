/**
 * KUR Penempatan PMI, read from the parameter snapshot: ceiling (`kur.ceilingIdr`), annual rate
 * "efektif" (`kur.annualRate`, interest on the declining balance: 6% a year = 0.5% a month), tenor
 * ≤ the employment contract and ≤ `kur.maxTenorMonths`, grace months (`kur.graceMonths`) with
 * interest PAID or CAPITALISED (`kur.graceInterest` is the working default; the credit agreement
 * decides, so a request may choose either), NPWP above `kur.npwpThresholdIdr`.
 *
 * History (see the parameters' sources): 2017 scheme Rp25 jt at 7%, tenor ≤ 36 months and ≤ the
 * contract (Permenko 11/2017 Pasal 23); 2024 Rp100 jt at 6%, NPWP above Rp50 jt (Permenko 1/2023);
 * current scheme (Permen P2MI 18/2025, launched 29 Aug 2025) with the grace terms.
 *
 * Terms not recorded on the snapshot's date are never invented: the product lists them in
 * `unrecordedTerms` (with the parameter and the first date it is recorded), carries no grace
 * (a request for grace months is refused with `LOAN.TERM_NOT_RECORDED`) and no NPWP threshold
 * (the check says `LOAN.NPWP_RULE_NOT_RECORDED`). Throws `PARAMETER.BEFORE_COVERAGE` when the
 * date is before the ceiling, rate or tenor is recorded (before 2017-01-01).
 */
import { isDomainError, type Messages } from '../shared/domain-error';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { GraceInterest, ParameterId, ParameterValues } from '../parameters/parameter-values';
import { PARAMETER_FILES } from '../parameters/parameter-registry';
import { money } from '../money/money';
import { ratio } from '../money/ratio';
import { defineFinancingProduct, type FinancingProduct, type FinancingTermSource, type UnrecordedFinancingTerm } from './financing-product';

export const KUR_PENEMPATAN_PMI_ID = 'KUR_PENEMPATAN_PMI';

function source(params: ParameterSnapshot, term: string, id: ParameterId): FinancingTermSource {
  const d = params.describe(id);
  return {
    term,
    parameterId: id,
    effectiveFrom: d.effectiveFrom,
    isDefault: d.isDefault,
    ...(d.overlaidBy !== undefined ? { overlaidBy: d.overlaidBy } : {}),
  };
}

/** The value of `id` on the snapshot's date, or undefined when the date is before its first value. */
function recorded<K extends ParameterId>(params: ParameterSnapshot, id: K): ParameterValues[K] | undefined {
  try {
    return params.get(id);
  } catch (e) {
    if (isDomainError(e) && e.code === 'PARAMETER.BEFORE_COVERAGE') return undefined;
    throw e;
  }
}

function unrecorded(term: string, id: ParameterId): UnrecordedFinancingTerm {
  const first = Object.keys(PARAMETER_FILES[id].values).sort()[0]!;
  return { term, parameterId: id, recordedFrom: first };
}

/** An annual rate as a percentage for texts: "0.06" → "6", "0.065" → "6,5" (id) / "6.5" (en). */
export function ratePercentText(annualRate: string): Messages {
  const r = ratio(annualRate);
  const hundredths = (r.num * 10000n) / r.den; // percent × 100, rounded down
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac === '' ? { id: `${whole}%`, en: `${whole}%` } : { id: `${whole},${frac}%`, en: `${whole}.${frac}%` };
}

function conditions(annualRate: string, currentScheme: boolean): Messages[] {
  const pct = ratePercentText(annualRate);
  const out: Messages[] = [
    {
      id: 'Tanpa agunan; untuk biaya penempatan sebelum berangkat; memerlukan perjanjian kerja luar negeri.',
      en: 'No collateral; for pre-departure placement costs; needs a foreign employment contract.',
    },
    {
      id: 'Angsuran dibayar sendiri melalui transfer atau autodebet; pemotongan upah sepihak dilarang (Perban BP2MI 9/2020).',
      en: 'Instalments are paid by the worker’s own transfer or auto-debit; unilateral wage deductions are banned (Perban BP2MI 9/2020).',
    },
  ];
  if (currentScheme) {
    out.push({
      id: `Perjanjian kredit menyebut angsuran, ketentuan masa tenggang dan biaya lain di luar bunga ${pct.id} (Permen P2MI 18/2025 Pasal 14).`,
      en: `The credit agreement states the instalment, the grace-period terms and any cost beyond the ${pct.en} rate (Permen P2MI 18/2025 Art. 14).`,
    });
  } else {
    out.push({
      id: `Bunga ${pct.id} efektif per tahun; ketentuan masa tenggang dan/atau NPWP untuk tanggal ini tidak tercatat: tanyakan kepada bank.`,
      en: `Interest ${pct.en} a year, effective; the grace and/or NPWP terms for this date are not recorded: ask the lender.`,
    });
  }
  return out;
}

/** The KUR placement loan as of the snapshot's date (overlays included). */
export function kurPenempatanProduct(params: ParameterSnapshot): FinancingProduct {
  const annualRate = params.get('kur.annualRate');
  const graceMonths = recorded(params, 'kur.graceMonths');
  const graceInterest: GraceInterest | undefined = recorded(params, 'kur.graceInterest');
  const npwp = recorded(params, 'kur.npwpThresholdIdr');
  const missing: UnrecordedFinancingTerm[] = [];
  if (graceMonths === undefined) missing.push(unrecorded('graceMonths', 'kur.graceMonths'));
  if (graceInterest === undefined) missing.push(unrecorded('graceInterest', 'kur.graceInterest'));
  if (npwp === undefined) missing.push(unrecorded('npwpThreshold', 'kur.npwpThresholdIdr'));
  const sourced: Array<[string, ParameterId, unknown]> = [
    ['ceiling', 'kur.ceilingIdr', 1],
    ['annualRate', 'kur.annualRate', 1],
    ['maxTenorMonths', 'kur.maxTenorMonths', 1],
    ['graceMonths', 'kur.graceMonths', graceMonths],
    ['graceInterest', 'kur.graceInterest', graceInterest],
    ['npwpThreshold', 'kur.npwpThresholdIdr', npwp],
  ];
  return defineFinancingProduct({
    id: KUR_PENEMPATAN_PMI_ID,
    kind: 'LOAN',
    name: { id: 'KUR Penempatan Pekerja Migran Indonesia', en: 'KUR placement loan for Indonesian migrant workers' },
    provider: { id: 'Bank penyalur KUR (mis. BNI, Mandiri, BSI, BJB)', en: 'KUR lending bank (e.g. BNI, Mandiri, BSI, BJB)' },
    currency: 'IDR',
    ceiling: money(params.get('kur.ceilingIdr'), 'IDR'),
    annualRate,
    method: 'ANNUITY',
    maxTenorMonths: params.get('kur.maxTenorMonths'),
    tenorWithinContract: true,
    graceMonths: graceMonths ?? 0,
    // With no grace recorded there is no grace month, so the treatment has no effect; PAID keeps the schedule plain.
    graceInterest: graceInterest ?? 'PAID',
    graceInterestOptions: ['PAID', 'CAPITALISED'],
    npwpThreshold: npwp === undefined ? null : money(npwp, 'IDR'),
    conditions: conditions(annualRate, missing.length === 0),
    sources: sourced.filter(([, , v]) => v !== undefined).map(([term, id]) => source(params, term, id)),
    unrecordedTerms: missing,
  });
}
