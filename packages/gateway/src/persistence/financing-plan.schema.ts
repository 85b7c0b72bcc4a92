/**
 * Tables `financing_plan` (one per candidate: how the worker's placement costs are financed, recorded
 * by an officer) and `financing_plan_facility` (each product used: a KUR Penempatan PMI loan, a
 * zero-interest facility, a city grant), with the totals the domain computed when the plan was set,
 * so that analysts' financing totals are a SQL `GROUP BY`.
 *
 * Amounts are whole rupiah in `bigint` columns (strings from the driver), never floats. CHECK
 * constraints back the invariants: positive principal, grants repay nothing and carry no interest, a
 * loan's total repaid is principal + interest, and the payer and financier follow from the product.
 */
import { GRACE_INTEREST_KINDS, PAYER_KINDS, REPAYMENT_METHODS, type FinancingProduct, type GraceInterest, type PayerKind, type RepaymentMethod } from '../domain';
import { EntitySchema } from '@mikro-orm/core';
import { foreignKey } from './foreign-key';
import { CandidateRecord, PlacementRecord } from './candidate.schema';

/** The products a plan can use; their terms come from parameters (KUR) or from stated inputs. */
export const PLAN_PRODUCTS = ['KUR_PENEMPATAN_PMI', 'ZERO_INTEREST_FACILITY', 'CITY_GRANT'] as const;
export type PlanProduct = (typeof PLAN_PRODUCTS)[number];

export const PLAN_FINANCING_KINDS = ['LOAN', 'GRANT'] as const;
export type PlanFinancingKind = (typeof PLAN_FINANCING_KINDS)[number];

/** Who puts up the money (the lender of a loan, the funder of a grant). */
export const FINANCIER_KINDS = ['KUR_BANK', 'APJATI_FACILITY', 'P3MI', 'EMPLOYER', 'CITY_GOVERNMENT', 'OTHER'] as const;
export type FinancierKind = (typeof FINANCIER_KINDS)[number];

export class FinancingPlanRecord {
  id!: string;
  candidateId!: string;
  /** The candidate's placement (not cancelled) when the plan was set, if any. */
  placementId!: string | null;
  /** Date of the parameters the products' terms were read from. */
  asOf!: string;
  /** Employment contract length the tenors were checked against (null when no product needs it). */
  contractMonths!: number | null;
  /** Placement costs the plan finances, whole rupiah, when stated (bigint: a string). */
  placementCostsIdr!: string | null;
  hasNpwp!: boolean;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: string;
  updatedBy!: string;
}

export class FinancingPlanFacilityRecord {
  id!: number;
  planId!: string;
  /** 0-based order in the plan. */
  position!: number;
  productId!: PlanProduct;
  financingKind!: PlanFinancingKind;
  /** Who bears the amount in the end: WORKER repays a loan; CITY_SUBSIDY for the city grant. */
  payer!: PayerKind;
  financier!: FinancierKind;
  /** The product as the domain defined it on `asOf` (terms, sources): kept for the record. */
  product!: FinancingProduct;
  /** Principal (loan) or grant amount, whole rupiah. */
  amountIdr!: string;
  annualRate!: string;
  method!: RepaymentMethod;
  /** 0 for a grant. */
  tenorMonths!: number;
  graceMonths!: number;
  /** null for a grant. */
  graceInterest!: GraceInterest | null;
  npwpRequired!: boolean;
  /** Regular instalment; 0 for a grant. */
  instalmentIdr!: string;
  /** Last instalment (with the rounding adjustment); 0 for a grant. */
  lastInstalmentIdr!: string;
  capitalisedInterestIdr!: string;
  /** Every rupiah of interest over the loan (the capitalised part included). */
  interestIdr!: string;
  /** principal + interest for a loan; 0 for a grant (nothing is repaid). */
  totalPaidIdr!: string;
}

export const FinancingPlanSchema = new EntitySchema<FinancingPlanRecord>({
  class: FinancingPlanRecord,
  tableName: 'financing_plan',
  comment: 'How a candidate’s placement costs are financed (one plan per candidate), recorded by an officer',
  properties: {
    id: { type: 'uuid', primary: true },
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { deleteRule: 'cascade', unique: 'financing_plan_candidate_unique' }),
    placementId: foreignKey(() => PlacementRecord, 'placement_id', { nullable: true, deleteRule: 'set null', index: 'financing_plan_placement_id_idx' }),
    asOf: { type: 'date' },
    contractMonths: { type: 'integer', nullable: true },
    placementCostsIdr: { type: 'bigint', nullable: true },
    hasNpwp: { type: 'boolean' },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
    createdBy: { type: 'string', length: 300 },
    updatedBy: { type: 'string', length: 300 },
  },
  checks: [
    { name: 'financing_plan_contract_months_check', expression: 'contract_months is null or contract_months > 0' },
    { name: 'financing_plan_placement_costs_check', expression: 'placement_costs_idr is null or placement_costs_idr > 0' },
  ],
});

export const FinancingPlanFacilitySchema = new EntitySchema<FinancingPlanFacilityRecord>({
  class: FinancingPlanFacilityRecord,
  tableName: 'financing_plan_facility',
  comment: 'Products financing a plan, with the totals computed by the domain when the plan was set (whole rupiah)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    // (plan_id, product_id) is unique: that index also serves lookups by plan
    planId: foreignKey(() => FinancingPlanRecord, 'plan_id', { deleteRule: 'cascade' }),
    position: { type: 'integer' },
    productId: { enum: true, items: () => [...PLAN_PRODUCTS], type: 'text' },
    financingKind: { enum: true, items: () => [...PLAN_FINANCING_KINDS], type: 'text' },
    payer: { enum: true, items: () => [...PAYER_KINDS], type: 'text' },
    financier: { enum: true, items: () => [...FINANCIER_KINDS], type: 'text' },
    product: { type: 'json' },
    amountIdr: { type: 'bigint' },
    annualRate: { type: 'string', length: 64 },
    method: { enum: true, items: () => [...REPAYMENT_METHODS], type: 'text' },
    tenorMonths: { type: 'integer' },
    graceMonths: { type: 'integer' },
    graceInterest: { enum: true, items: () => [...GRACE_INTEREST_KINDS], type: 'text', nullable: true },
    npwpRequired: { type: 'boolean' },
    instalmentIdr: { type: 'bigint' },
    lastInstalmentIdr: { type: 'bigint' },
    capitalisedInterestIdr: { type: 'bigint' },
    interestIdr: { type: 'bigint' },
    totalPaidIdr: { type: 'bigint' },
  },
  uniques: [
    { name: 'financing_plan_facility_plan_product_unique', properties: ['planId', 'productId'] },
    { name: 'financing_plan_facility_plan_position_unique', properties: ['planId', 'position'] },
  ],
  checks: [
    { name: 'financing_plan_facility_amount_check', expression: 'amount_idr > 0' },
    { name: 'financing_plan_facility_months_check', expression: 'tenor_months >= 0 and grace_months >= 0 and position >= 0' },
    {
      name: 'financing_plan_facility_amounts_check',
      expression: 'instalment_idr >= 0 and last_instalment_idr >= 0 and capitalised_interest_idr >= 0 and interest_idr >= capitalised_interest_idr',
    },
    {
      name: 'financing_plan_facility_kind_check',
      expression:
        "(financing_kind = 'LOAN' and tenor_months > grace_months and grace_interest is not null and total_paid_idr = amount_idr + interest_idr) or " +
        "(financing_kind = 'GRANT' and tenor_months = 0 and grace_months = 0 and grace_interest is null and interest_idr = 0 and total_paid_idr = 0 and instalment_idr = 0 and last_instalment_idr = 0)",
    },
    {
      name: 'financing_plan_facility_product_check',
      expression:
        "(product_id = 'KUR_PENEMPATAN_PMI' and financing_kind = 'LOAN' and payer = 'WORKER' and financier = 'KUR_BANK') or " +
        "(product_id = 'ZERO_INTEREST_FACILITY' and financing_kind = 'LOAN' and payer = 'WORKER' and financier <> 'KUR_BANK' and interest_idr = 0) or " +
        "(product_id = 'CITY_GRANT' and financing_kind = 'GRANT' and payer = 'CITY_SUBSIDY' and financier = 'CITY_GOVERNMENT')",
    },
  ],
});
