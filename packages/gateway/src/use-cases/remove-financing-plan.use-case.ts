/** removeFinancingPlan: delete a candidate's financing plan (NOT_FOUND when there is none). */
import { LockMode } from '@mikro-orm/core';
import { CandidateRecord } from '../persistence/candidate.schema';
import { FinancingPlanFacilityRecord, FinancingPlanRecord } from '../persistence/financing-plan.schema';
import { recordChange } from './audit';
import { planAuditSnapshot } from './financing-plan-records';
import { appendPlanRevision } from './financing-plan-revision';
import { inTransaction, type UseCaseDeps } from './use-case';
import { notFound } from './use-case-error';

export interface RemoveFinancingPlanCommand {
  readonly candidateId: string;
}

/** Returns the candidate (locked while the plan goes, like setFinancingPlan). */
export function removeFinancingPlan(command: RemoveFinancingPlanCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  const { candidateId } = command;
  return inTransaction(deps, async (em) => {
    const candidate = await em.findOne(CandidateRecord, { id: candidateId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!candidate) throw notFound('Candidate', ['candidateId']);
    const plan = await em.findOne(FinancingPlanRecord, { candidateId });
    if (!plan) throw notFound('Financing plan', ['candidateId']);
    const facilities = await em.find(FinancingPlanFacilityRecord, { planId: plan.id });
    const before = planAuditSnapshot(plan, facilities);
    // the plan's history, for the month-end (protected) view of financingTotals
    await appendPlanRevision(em, candidateId, deps.clock.now(), null, { at: plan.updatedAt, facilities });
    await recordChange(em, deps, { action: 'removeFinancingPlan', entityType: 'FinancingPlan', entityId: plan.id, before, after: null });
    await em.nativeDelete(FinancingPlanFacilityRecord, { planId: plan.id });
    await em.nativeDelete(FinancingPlanRecord, { id: plan.id });
    return candidate;
  });
}
