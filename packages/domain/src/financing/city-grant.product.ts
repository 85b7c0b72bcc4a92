/**
 * A city grant (e.g. Pemkot Serang paying part of a resident's pre-departure costs). Not repaid.
 * DOMAIN.md gives no amount, so the ceiling is an input stated by the city (`statedBy`).
 */
import type { Messages } from '../shared/domain-error';
import type { Money } from '../money/money';
import { defineFinancingProduct, statedFinancingTerms, type FinancingProduct } from './financing-product';

export interface CityGrantTerms {
  /** Default "CITY_GRANT". */
  readonly id?: string;
  readonly name?: Messages;
  /** Default Pemkot Serang. */
  readonly provider?: Messages;
  /** Who stated the terms (a Perwal, a budget line). Required. */
  readonly statedBy: string;
  /** Largest grant per resident; null when the city states none. */
  readonly ceiling: Money | null;
  readonly conditions?: readonly Messages[];
}

/** A grant from its stated terms. Throws `FINANCE.INVALID_PRODUCT` and the input codes of `defineFinancingProduct`. */
export function cityGrantProduct(terms: CityGrantTerms): FinancingProduct {
  const t = (typeof terms === 'object' && terms !== null ? terms : {}) as Partial<CityGrantTerms>;
  const sources = statedFinancingTerms(t.statedBy);
  return defineFinancingProduct({
    id: t.id ?? 'CITY_GRANT',
    kind: 'GRANT',
    name: t.name ?? { id: 'Bantuan biaya dari Pemerintah Kota Serang', en: 'Cost grant from the Kota Serang city government' },
    provider: t.provider ?? { id: 'Pemerintah Kota Serang', en: 'Kota Serang city government' },
    currency: t.ceiling?.currency ?? 'IDR',
    ceiling: t.ceiling ?? null,
    annualRate: '0',
    maxTenorMonths: null,
    tenorWithinContract: false,
    graceMonths: 0,
    conditions: t.conditions ?? [],
    sources,
  });
}
