/**
 * KUR Penempatan PMI (Permen P2MI 18/2025; current form launched 29 Aug 2025), read from the
 * parameter snapshot: ceiling (`kur.ceilingIdr`), annual rate "efektif" (`kur.annualRate`,
 * interest on the declining balance: 6% a year = 0.5% a month), tenor ≤ the employment contract
 * and ≤ `kur.maxTenorMonths`, grace months (`kur.graceMonths`) with interest PAID or CAPITALISED
 * (`kur.graceInterest` is the working default; the credit agreement decides, so a request may
 * choose either), NPWP above `kur.npwpThresholdIdr`.
 *
 * Throws `PARAMETER.BEFORE_COVERAGE` when the snapshot's date is before a KUR parameter's first
 * value (the tenor, grace and NPWP terms are recorded from 29 Aug 2025).
 */
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { ParameterId } from '../parameters/parameter-values';
import { money } from '../money/money';
import { defineFinancingProduct, type FinancingProduct, type FinancingTermSource } from './financing-product';

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

/** The KUR placement loan as of the snapshot's date (overlays included). */
export function kurPenempatanProduct(params: ParameterSnapshot): FinancingProduct {
  return defineFinancingProduct({
    id: KUR_PENEMPATAN_PMI_ID,
    kind: 'LOAN',
    name: { id: 'KUR Penempatan Pekerja Migran Indonesia', en: 'KUR placement loan for Indonesian migrant workers' },
    provider: { id: 'Bank penyalur KUR (mis. BNI, Mandiri, BSI, BJB)', en: 'KUR lending bank (e.g. BNI, Mandiri, BSI, BJB)' },
    currency: 'IDR',
    ceiling: money(params.get('kur.ceilingIdr'), 'IDR'),
    annualRate: params.get('kur.annualRate'),
    method: 'ANNUITY',
    maxTenorMonths: params.get('kur.maxTenorMonths'),
    tenorWithinContract: true,
    graceMonths: params.get('kur.graceMonths'),
    graceInterest: params.get('kur.graceInterest'),
    graceInterestOptions: ['PAID', 'CAPITALISED'],
    npwpThreshold: money(params.get('kur.npwpThresholdIdr'), 'IDR'),
    conditions: [
      {
        id: 'Tanpa agunan; untuk seluruh biaya penempatan sebelum berangkat; terdaftar di SISKOP2MI dengan perjanjian kerja luar negeri.',
        en: 'No collateral; for all pre-departure placement costs; borrower registered in SISKOP2MI with a foreign employment contract.',
      },
      {
        id: 'Angsuran dibayar sendiri melalui transfer atau autodebet; pemotongan upah sepihak dilarang (Perban BP2MI 9/2020).',
        en: 'Instalments are paid by the worker’s own transfer or auto-debit; unilateral wage deductions are banned (Perban BP2MI 9/2020).',
      },
      {
        id: 'Perjanjian kredit menyebut angsuran, ketentuan masa tenggang dan biaya lain di luar bunga 6% (Permen P2MI 18/2025 Pasal 14).',
        en: 'The credit agreement states the instalment, the grace-period terms and any cost beyond the 6% rate (Permen P2MI 18/2025 Art. 14).',
      },
    ],
    sources: [
      source(params, 'ceiling', 'kur.ceilingIdr'),
      source(params, 'annualRate', 'kur.annualRate'),
      source(params, 'maxTenorMonths', 'kur.maxTenorMonths'),
      source(params, 'graceMonths', 'kur.graceMonths'),
      source(params, 'graceInterest', 'kur.graceInterest'),
      source(params, 'npwpThreshold', 'kur.npwpThresholdIdr'),
    ],
  });
}
