/**
 * Tables `financing_plan_revision` and `financing_plan_revision_facility` (migration
 * 20261203153000): the history of financing plans, one revision per set or removal at the gateway's
 * clock instant, with the figures of each product used then. Written by the use cases only
 * (use-cases/financing-plan-revision.ts, raw inserts in their transaction), never updated; read by the
 * protected view of `financingTotals` (read-models/payer-financing-series.read-model.ts). Mapped here
 * so that the migrations and the mappings agree (test/server.test.ts).
 */
import { EntitySchema } from '@mikro-orm/core';
import { PLAN_FINANCING_KINDS, PLAN_PRODUCTS, type PlanFinancingKind, type PlanProduct } from './financing-plan.schema';
import { foreignKey } from './foreign-key';
import { CandidateRecord } from './candidate.schema';

export class FinancingPlanRevisionRecord {
  /** bigserial (a string from the driver). */
  id!: string;
  candidateId!: string;
  at!: Date;
  /** True for a removal (no products). */
  removed!: boolean;
}

export class FinancingPlanRevisionFacilityRecord {
  id!: string;
  revisionId!: string;
  productId!: PlanProduct;
  financingKind!: PlanFinancingKind;
  payer!: string;
  financier!: string;
  amountIdr!: string;
  interestIdr!: string;
  totalPaidIdr!: string;
}

export const FinancingPlanRevisionSchema = new EntitySchema<FinancingPlanRevisionRecord>({
  class: FinancingPlanRevisionRecord,
  tableName: 'financing_plan_revision',
  comment: 'History of financing plans: one row per set or removal, at the gateway clock instant (append-only through the API)',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { deleteRule: 'cascade' }),
    at: { type: 'datetime', columnType: 'timestamptz' },
    removed: { type: 'boolean', default: false },
  },
  indexes: [{ name: 'financing_plan_revision_candidate_at_idx', properties: ['candidateId', 'at', 'id'] }],
});

export const FinancingPlanRevisionFacilitySchema = new EntitySchema<FinancingPlanRevisionFacilityRecord>({
  class: FinancingPlanRevisionFacilityRecord,
  tableName: 'financing_plan_revision_facility',
  comment: 'The products of a financing plan revision with their figures (whole rupiah)',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    revisionId: foreignKey(() => FinancingPlanRevisionRecord, 'revision_id', { deleteRule: 'cascade' }),
    productId: { enum: true, items: () => [...PLAN_PRODUCTS], type: 'text' },
    financingKind: { enum: true, items: () => [...PLAN_FINANCING_KINDS], type: 'text' },
    payer: { type: 'text' },
    financier: { type: 'text' },
    amountIdr: { type: 'bigint' },
    interestIdr: { type: 'bigint' },
    totalPaidIdr: { type: 'bigint' },
  },
  uniques: [{ name: 'financing_plan_revision_facility_revision_product_unique', properties: ['revisionId', 'productId'] }],
  checks: [{ name: 'financing_plan_revision_facility_amounts_check', expression: 'amount_idr > 0 and interest_idr >= 0 and total_paid_idr >= 0' }],
});
