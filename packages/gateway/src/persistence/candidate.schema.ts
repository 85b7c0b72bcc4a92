/**
 * Tables `candidate`, `candidate_stage_change` (domain `Candidate`), `placement` and
 * `placement_status_change` (domain `Placement`). The profile is stored as JSON exactly as the domain
 * validated it; the fields the lists filter and the aggregates group on are copied into columns
 * (NIK with a unique constraint, sex, birth date, kecamatan, education) at every write. Database
 * triggers keep the history of the grouping columns (those and the target occupation and route) in
 * `candidate_attribute_history`, which the protected view reads closed months from
 * (migration 20261203150000, read-models/sql-filter.ts `profileAtJoin`).
 */
import {
  CANDIDATE_EXIT_REASONS,
  CANDIDATE_STAGES,
  EDUCATION_LEVELS,
  KOTA_SERANG_KECAMATAN,
  OCCUPATIONS,
  PAYER_KINDS,
  PLACEMENT_STATUSES,
  ROUTES,
  SEXES,
  type CandidateExitReason,
  type CandidateExternalReference,
  type CandidateProfile,
  type CandidateStage,
  type EducationLevel,
  type KotaSerangKecamatan,
  type Occupation,
  type PayerKind,
  type PlacementStatus,
  type Route,
  type Sex,
} from '../domain';
import { EntitySchema } from '@mikro-orm/core';
import { foreignKey } from './foreign-key';
import { MouRecord } from './mou.schema';
import { JobOpeningRecord, QuotaRecord } from './opening.schema';
import { PartyRecord } from './party.schema';

export const SELECTION_STATUSES = ['ELIGIBLE', 'ACTION_NEEDED', 'INELIGIBLE'] as const;
export type StoredSelectionStatus = (typeof SELECTION_STATUSES)[number];

export class CandidateRecord {
  id!: string;
  profile!: CandidateProfile;
  nik!: string | null;
  sex!: Sex | null;
  birthDate!: string | null;
  kecamatan!: KotaSerangKecamatan | null;
  education!: EducationLevel | null;
  stage!: CandidateStage;
  stageSince!: Date;
  targetRoute!: Route | null;
  targetOccupation!: Occupation | null;
  openingId!: string | null;
  quotaId!: string | null;
  externalRefs!: CandidateExternalReference[];
  /** Selection verdict for the target route/occupation (or the opening), evaluated at the last write. */
  eligibility!: StoredSelectionStatus | null;
  eligibilityAsOf!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
  /**
   * The registration instant (the first stage change, else `createdAt`), derived by database triggers
   * (migration 20261203180000); never written by the gateway, read by the aggregates' SQL.
   */
  registeredAt?: Date | null;
}

export class CandidateStageChangeRecord {
  id!: number;
  candidateId!: string;
  sequence!: number;
  fromStage!: CandidateStage | null;
  toStage!: CandidateStage;
  at!: Date;
  actor!: string;
  note!: string | null;
  /** The exit reason code of a change into WITHDRAWN / REJECTED (null otherwise, and before the codes). */
  reason!: CandidateExitReason | null;
}

export class PlacementRecord {
  id!: string;
  candidateId!: string;
  openingId!: string;
  quotaId!: string;
  mouId!: string;
  employerPartyId!: string;
  occupation!: Occupation;
  route!: Route;
  contractMonths!: number | null;
  allocatedOn!: string;
  departedOn!: string | null;
  startedWorkOn!: string | null;
  expectedEndOn!: string | null;
  returnedOn!: string | null;
  cancelledOn!: string | null;
  status!: PlacementStatus;
  createdAt!: Date;
  updatedAt!: Date;
}

export class PlacementStatusChangeRecord {
  id!: number;
  placementId!: string;
  sequence!: number;
  fromStatus!: PlacementStatus | null;
  toStatus!: PlacementStatus;
  at!: Date;
  actor!: string;
  note!: string | null;
}

export const CandidateSchema = new EntitySchema<CandidateRecord>({
  class: CandidateRecord,
  tableName: 'candidate',
  comment: 'Job seekers (CPMI) and where each stands; personal data (UU 27/2022)',
  properties: {
    id: { type: 'uuid', primary: true },
    profile: { type: 'json' },
    nik: { type: 'string', length: 16, nullable: true, unique: 'candidate_nik_unique' },
    sex: { enum: true, items: () => [...SEXES], type: 'text', nullable: true },
    birthDate: { type: 'date', nullable: true },
    kecamatan: { enum: true, items: () => [...KOTA_SERANG_KECAMATAN], type: 'text', nullable: true, index: 'candidate_kecamatan_idx' },
    education: { enum: true, items: () => [...EDUCATION_LEVELS], type: 'text', nullable: true },
    stage: { enum: true, items: () => [...CANDIDATE_STAGES], type: 'text', index: 'candidate_stage_idx' },
    stageSince: { type: 'datetime', columnType: 'timestamptz' },
    targetRoute: { enum: true, items: () => [...ROUTES], type: 'text', nullable: true, index: 'candidate_target_route_idx' },
    targetOccupation: { enum: true, items: () => [...OCCUPATIONS], type: 'text', nullable: true, index: 'candidate_target_occupation_idx' },
    openingId: foreignKey(() => JobOpeningRecord, 'opening_id', { nullable: true, index: 'candidate_opening_id_idx' }),
    quotaId: foreignKey(() => QuotaRecord, 'quota_id', { nullable: true }),
    externalRefs: { type: 'json' },
    eligibility: { enum: true, items: () => [...SELECTION_STATUSES], type: 'text', nullable: true, index: 'candidate_eligibility_idx' },
    eligibilityAsOf: { type: 'date', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'candidate_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
    registeredAt: {
      type: 'datetime',
      columnType: 'timestamptz',
      nullable: true,
      index: 'candidate_registered_at_idx',
      comment: 'Registration instant: the first stage change, else created_at; derived by triggers (candidate_registered_at_*), never written by the application',
    },
  },
  checks: [
    { name: 'candidate_nik_format_check', expression: `nik is null or nik ~ '^[0-9]{16}$'` },
    { name: 'candidate_seat_pair_check', expression: '(opening_id is null) = (quota_id is null)' },
  ],
});

export const CandidateStageChangeSchema = new EntitySchema<CandidateStageChangeRecord>({
  class: CandidateStageChangeRecord,
  tableName: 'candidate_stage_change',
  comment: 'History of candidate stage changes (time spent in each stage is computed from it)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { deleteRule: 'cascade' }),
    sequence: { type: 'integer' },
    fromStage: { enum: true, items: () => [...CANDIDATE_STAGES], type: 'text', nullable: true },
    toStage: { enum: true, items: () => [...CANDIDATE_STAGES], type: 'text', index: 'candidate_stage_change_to_stage_idx' },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
    note: { type: 'text', nullable: true },
    reason: { enum: true, items: () => [...CANDIDATE_EXIT_REASONS], type: 'text', nullable: true },
  },
  uniques: [{ name: 'candidate_stage_change_candidate_sequence_unique', properties: ['candidateId', 'sequence'] }],
  // covering index for the per-candidate history reads of the aggregates (migration 20261203170000)
  indexes: [
    {
      name: 'candidate_stage_change_candidate_sequence_cover_idx',
      expression: 'create index "candidate_stage_change_candidate_sequence_cover_idx" on "candidate_stage_change" ("candidate_id", "sequence") include ("at", "to_stage")',
    },
  ],
  checks: [{ name: 'candidate_stage_change_reason_on_exit_check', expression: `reason is null or to_stage = 'WITHDRAWN' or to_stage = 'REJECTED'` }],
});

export const PlacementSchema = new EntitySchema<PlacementRecord>({
  class: PlacementRecord,
  tableName: 'placement',
  comment: 'A candidate placed in a quota seat through an opening, from allocation to return',
  properties: {
    id: { type: 'uuid', primary: true },
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'placement_candidate_id_idx' }),
    openingId: foreignKey(() => JobOpeningRecord, 'opening_id', { index: 'placement_opening_id_idx' }),
    quotaId: foreignKey(() => QuotaRecord, 'quota_id', { index: 'placement_quota_id_idx' }),
    mouId: foreignKey(() => MouRecord, 'mou_id', { index: 'placement_mou_id_idx' }),
    employerPartyId: foreignKey(() => PartyRecord, 'employer_party_id'),
    occupation: { enum: true, items: () => [...OCCUPATIONS], type: 'text' },
    route: { enum: true, items: () => [...ROUTES], type: 'text' },
    contractMonths: { type: 'integer', nullable: true },
    allocatedOn: { type: 'date' },
    departedOn: { type: 'date', nullable: true },
    startedWorkOn: { type: 'date', nullable: true },
    expectedEndOn: { type: 'date', nullable: true },
    returnedOn: { type: 'date', nullable: true },
    cancelledOn: { type: 'date', nullable: true },
    status: { enum: true, items: () => [...PLACEMENT_STATUSES], type: 'text', index: 'placement_status_idx' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

export const PlacementStatusChangeSchema = new EntitySchema<PlacementStatusChangeRecord>({
  class: PlacementStatusChangeRecord,
  tableName: 'placement_status_change',
  comment: 'History of placement status changes',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    placementId: foreignKey(() => PlacementRecord, 'placement_id', { deleteRule: 'cascade' }),
    sequence: { type: 'integer' },
    fromStatus: { enum: true, items: () => [...PLACEMENT_STATUSES], type: 'text', nullable: true },
    toStatus: { enum: true, items: () => [...PLACEMENT_STATUSES], type: 'text' },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
    note: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'placement_status_change_placement_sequence_unique', properties: ['placementId', 'sequence'] }],
});

/**
 * The cost estimate of a placement, stored per line and payer when the seat is allocated (parameters
 * as of that day), so that analysts' totals by payer are a SQL `GROUP BY`. Lines whose amount is an
 * input nobody gave yet (UNKNOWN) are not stored.
 */
export class PlacementCostShareRecord {
  id!: number;
  placementId!: string;
  lineId!: string;
  timing!: string;
  payer!: PayerKind;
  /** Whole rupiah (bigint: a string from the driver). */
  amountIdr!: string;
}

export const PlacementCostShareSchema = new EntitySchema<PlacementCostShareRecord>({
  class: PlacementCostShareRecord,
  tableName: 'placement_cost_share',
  comment: 'Cost estimate of each placement per line and payer, as of the allocation date',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    placementId: foreignKey(() => PlacementRecord, 'placement_id', { deleteRule: 'cascade', index: 'placement_cost_share_placement_id_idx' }),
    lineId: { type: 'string', length: 64 },
    timing: { type: 'string', length: 32 },
    payer: { enum: true, items: () => [...PAYER_KINDS], type: 'text', index: 'placement_cost_share_payer_idx' },
    amountIdr: { type: 'bigint' },
  },
  checks: [{ name: 'placement_cost_share_amount_check', expression: 'amount_idr >= 0' }],
});
