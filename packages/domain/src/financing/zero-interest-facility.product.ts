/**
 * A zero-interest facility (e.g. the "financing schemes that lighten the burden" APJATI
 * facilitates, DOMAIN.md §1). DOMAIN.md gives no terms for it, so every term is an input stated by
 * whoever offers it (`statedBy`); nothing is invented here.
 */
import type { Messages } from '../shared/domain-error';
import type { Money } from '../money/money';
import { defineFinancingProduct, statedFinancingTerms, type FinancingProduct } from './financing-product';

export interface ZeroInterestFacilityTerms {
  /** Default "ZERO_INTEREST_FACILITY". */
  readonly id?: string;
  readonly name?: Messages;
  readonly provider: Messages;
  /** Who stated the terms (a circular, an MoU clause). Required. */
  readonly statedBy: string;
  readonly ceiling: Money | null;
  readonly maxTenorMonths: number | null;
  /** Default true (as KUR). */
  readonly tenorWithinContract?: boolean;
  /** Default 0. */
  readonly graceMonths?: number;
  readonly npwpThreshold?: Money | null;
  readonly conditions?: readonly Messages[];
}

/** A 0% loan from its stated terms. Throws `FINANCE.INVALID_PRODUCT` and the input codes of `defineFinancingProduct`. */
export function zeroInterestFacilityProduct(terms: ZeroInterestFacilityTerms): FinancingProduct {
  const t = (typeof terms === 'object' && terms !== null ? terms : {}) as Partial<ZeroInterestFacilityTerms>;
  const sources = statedFinancingTerms(t.statedBy);
  return defineFinancingProduct({
    id: t.id ?? 'ZERO_INTEREST_FACILITY',
    kind: 'LOAN',
    name: t.name ?? { id: 'Fasilitas pembiayaan tanpa bunga', en: 'Zero-interest financing facility' },
    provider: t.provider as Messages,
    currency: t.ceiling?.currency ?? 'IDR',
    ceiling: t.ceiling ?? null,
    annualRate: '0',
    method: 'ANNUITY',
    maxTenorMonths: t.maxTenorMonths ?? null,
    tenorWithinContract: t.tenorWithinContract ?? true,
    graceMonths: t.graceMonths ?? 0,
    // At 0% nothing accrues during grace, so both treatments give the same schedule.
    graceInterest: 'PAID',
    graceInterestOptions: ['PAID', 'CAPITALISED'],
    npwpThreshold: t.npwpThreshold ?? null,
    conditions: t.conditions ?? [],
    sources,
  });
}
