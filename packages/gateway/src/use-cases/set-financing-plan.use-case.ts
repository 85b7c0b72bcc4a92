/**
 * setFinancingPlan: record how a candidate's placement costs are financed, replacing any earlier plan.
 * One transaction: the candidate row is locked (two officers setting a plan for one candidate run one
 * after the other); the contract the tenors must fit is the domain's choice (`planContractMonths`:
 * the placement's, else the stated one, else the opening's); every product is built and every request
 * checked and scheduled by the domain (financing-facilities.ts); only then is the old plan replaced.
 * Any failure writes nothing.
 */
import { LockMode } from '@mikro-orm/core';
import { planContractMonths, type IsoDate, type Money } from '../domain';
import { CandidateRecord, PlacementRecord } from '../persistence/candidate.schema';
import { FinancingPlanFacilityRecord, FinancingPlanRecord } from '../persistence/financing-plan.schema';
import { JobOpeningRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { buildFinancingFacilities, type PlanFacilityInput } from './financing-facilities';
import { appendPlanRevision } from './financing-plan-revision';
import { facilityRecordOf, planAuditSnapshot } from './financing-plan-records';
import { dateOf, inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { notFound, rejected, unwrap } from './use-case-error';

export interface SetFinancingPlanCommand {
  readonly candidateId: string;
  /** Date of the parameters (KUR terms); default today. */
  readonly asOf: IsoDate | null;
  readonly contractMonths: number | null;
  readonly placementCosts: Money | null;
  readonly hasNpwp: boolean;
  readonly note: string | null;
  readonly facilities: readonly PlanFacilityInput[];
}

export interface StoredFinancingPlan {
  readonly plan: FinancingPlanRecord;
  readonly facilities: readonly FinancingPlanFacilityRecord[];
}

export async function setFinancingPlan(command: SetFinancingPlanCommand, deps: UseCaseDeps): Promise<StoredFinancingPlan> {
  const { candidateId, placementCosts, hasNpwp } = command;
  const asOf = command.asOf ?? dateOf(nowTimestamp(deps));
  if (placementCosts !== null && placementCosts.amount <= 0) {
    throw rejected(
      'BAD_USER_INPUT',
      { id: 'Biaya penempatan harus lebih dari nol.', en: 'The placement costs must be above zero.' },
      { field: ['input', 'placementCostsIdr'], domainCode: 'FINANCE.ZERO_AMOUNT' },
    );
  }
  return inTransaction(deps, async (em) => {
    const candidate = await em.findOne(CandidateRecord, { id: candidateId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!candidate) throw notFound('Candidate', ['candidateId']);
    const placement = await em.findOne(PlacementRecord, { candidateId, status: { $ne: 'CANCELLED' } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    const opening = !placement && candidate.openingId ? await em.findOne(JobOpeningRecord, { id: candidate.openingId }) : null;
    const contractMonths = unwrap(
      planContractMonths({ placement: placement?.contractMonths ?? null, requested: command.contractMonths, opening: opening?.contractMonths ?? null }),
    );
    const built = buildFinancingFacilities(command.facilities, { asOf, contractMonths, placementCosts, hasNpwp });

    const now = deps.clock.now();
    let plan = await em.findOne(FinancingPlanRecord, { candidateId });
    const previous = plan ? { at: plan.updatedAt, facilities: await em.find(FinancingPlanFacilityRecord, { planId: plan.id }) } : null;
    const before = plan && previous ? planAuditSnapshot(plan, previous.facilities) : null;
    if (plan) {
      await em.nativeDelete(FinancingPlanFacilityRecord, { planId: plan.id });
    } else {
      plan = Object.assign(new FinancingPlanRecord(), { id: newId(), candidateId, createdAt: now, createdBy: deps.actor });
      em.persist(plan);
    }
    Object.assign(plan, {
      placementId: placement?.id ?? null,
      asOf,
      contractMonths,
      placementCostsIdr: placementCosts === null ? null : String(placementCosts.amount),
      hasNpwp,
      note: command.note,
      updatedAt: now,
      updatedBy: deps.actor,
    });
    const stored = plan;
    const facilities = built.map((f) => facilityRecordOf(stored.id, f));
    for (const f of facilities) em.persist(f);
    // the plan's history, for the month-end (protected) view of financingTotals
    await appendPlanRevision(em, candidateId, now, facilities, previous);
    await recordChange(em, deps, { action: 'setFinancingPlan', entityType: 'FinancingPlan', entityId: stored.id, before, after: planAuditSnapshot(stored, facilities) });
    await em.flush();
    return { plan: stored, facilities };
  });
}
