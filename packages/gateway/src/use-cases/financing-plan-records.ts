/** Financing plan rows from the built facilities, and the plan's plain audit snapshot. */
import type { FinancingProduct } from '../domain';
import { FinancingPlanFacilityRecord, type FinancingPlanRecord } from '../persistence/financing-plan.schema';
import type { BuiltFacility } from './financing-facilities';

export function facilityRecordOf(planId: string, f: BuiltFacility): FinancingPlanFacilityRecord {
  const loan = f.schedule;
  return Object.assign(new FinancingPlanFacilityRecord(), {
    planId,
    position: f.position,
    productId: f.productId,
    financingKind: f.financingKind,
    payer: f.payer,
    financier: f.financier,
    product: JSON.parse(JSON.stringify(f.product)) as FinancingProduct,
    amountIdr: String(f.terms.amount.amount),
    annualRate: f.terms.annualRate,
    method: f.terms.method,
    tenorMonths: f.terms.tenorMonths,
    graceMonths: f.terms.graceMonths,
    graceInterest: f.financingKind === 'LOAN' ? f.terms.graceInterest : null,
    npwpRequired: f.terms.npwpRequired,
    instalmentIdr: String(loan?.regularInstalment.amount ?? 0),
    lastInstalmentIdr: String(loan?.lastInstalment.amount ?? 0),
    capitalisedInterestIdr: String(loan?.totals.capitalisedInterest.amount ?? 0),
    interestIdr: String(loan?.totals.interest.amount ?? 0),
    totalPaidIdr: String(loan?.totals.paid.amount ?? 0),
  });
}

/** A plain snapshot for the audit log (amounts as strings; the product terms left out). */
export function planAuditSnapshot(plan: FinancingPlanRecord, facilities: readonly FinancingPlanFacilityRecord[]): Record<string, unknown> {
  return {
    candidateId: plan.candidateId,
    placementId: plan.placementId,
    asOf: plan.asOf,
    contractMonths: plan.contractMonths,
    placementCostsIdr: plan.placementCostsIdr,
    hasNpwp: plan.hasNpwp,
    facilities: [...facilities]
      .sort((a, b) => a.position - b.position)
      .map((f) => ({
        product: f.productId,
        financier: f.financier,
        amountIdr: f.amountIdr,
        tenorMonths: f.tenorMonths,
        graceMonths: f.graceMonths,
        graceInterest: f.graceInterest,
        interestIdr: f.interestIdr,
        totalPaidIdr: f.totalPaidIdr,
      })),
  };
}
