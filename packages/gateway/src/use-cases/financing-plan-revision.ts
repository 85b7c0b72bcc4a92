/**
 * The history of a candidate's financing plan (`financing_plan_revision`, migration 20261203153000):
 * `setFinancingPlan` and `removeFinancingPlan` append one revision each, in their own transaction, at
 * the gateway's clock instant, so that the protected view of `financingTotals` can read the plans as
 * they stood at a month end (read-models/payer-financing-series.read-model.ts).
 *
 * A plan written without a revision (the demo seed, a plan older than the history) is known in its
 * current state since its `updated_at`: before the first revision of such a candidate, the plan as it
 * was is appended at that instant, so its past stays what the read model showed for it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FinancingPlanFacilityRecord } from '../persistence/financing-plan.schema';

type Facility = Pick<FinancingPlanFacilityRecord, 'productId' | 'financingKind' | 'payer' | 'financier' | 'amountIdr' | 'interestIdr' | 'totalPaidIdr'>;

async function append(em: EntityManager, candidateId: string, at: Date, facilities: readonly Facility[] | null): Promise<void> {
  const rows = await em.execute<Array<{ id: string }>>(
    `insert into financing_plan_revision (candidate_id, at, removed) values (?, ?, ?) returning id`,
    [candidateId, at, facilities === null],
  );
  const id = rows[0]!.id;
  for (const f of facilities ?? []) {
    await em.execute(
      `insert into financing_plan_revision_facility (revision_id, product_id, financing_kind, payer, financier, amount_idr, interest_idr, total_paid_idr) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, f.productId, f.financingKind, f.payer, f.financier, f.amountIdr, f.interestIdr, f.totalPaidIdr],
    );
  }
}

/**
 * Append the revision of a set (`facilities`) or a removal (`null`) at `at`, on the use case's
 * transactional EntityManager; `previous` is the plan as it stood before the change (if any: its
 * `updated_at` and products), recorded first when the candidate has no revision yet.
 */
export async function appendPlanRevision(
  em: EntityManager,
  candidateId: string,
  at: Date,
  facilities: readonly Facility[] | null,
  previous: { readonly at: Date; readonly facilities: readonly Facility[] } | null,
): Promise<void> {
  if (previous) {
    const known = await em.execute<Array<{ n: string }>>(`select count(*) as n from financing_plan_revision where candidate_id = ?`, [candidateId]);
    if (Number(known[0]?.n ?? 0) === 0) await append(em, candidateId, previous.at, previous.facilities);
  }
  await append(em, candidateId, at, facilities);
}
