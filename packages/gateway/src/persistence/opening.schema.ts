/**
 * Tables `job_opening` and `job_opening_status_change` (domain `JobOpening`), `quota` and
 * `seat_allocation` (domain `Quota`). `quota.allocated` and `job_opening.allocated` are counters kept
 * in the same transaction as the allocation rows; CHECK constraints make "never more allocations than
 * seats" hold in the database itself, whatever the code does.
 */
import {
  CURRENCIES,
  OCCUPATIONS,
  OPENING_STATUSES,
  ROUTES,
  WAGE_BASES,
  type Currency,
  type Occupation,
  type OpeningRequirements,
  type OpeningStatus,
  type Route,
  type WageBasis,
} from '../domain';
import { EntitySchema } from '@mikro-orm/core';
import { foreignKey } from './foreign-key';
import { CandidateRecord } from './candidate.schema';
import { MouRecord } from './mou.schema';
import { PartyRecord } from './party.schema';

export class QuotaRecord {
  id!: string;
  mouId!: string;
  occupation!: Occupation;
  route!: Route;
  seats!: number;
  allocated!: number;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class JobOpeningRecord {
  id!: string;
  mouId!: string;
  employerPartyId!: string;
  occupation!: Occupation;
  route!: Route;
  seats!: number;
  allocated!: number;
  wageBasis!: WageBasis;
  /** Integer minor units (bigint: returned as a string by the driver). */
  wageMonthlyAmount!: string | null;
  wageCurrency!: Currency | null;
  contractMonths!: number | null;
  extraRequirements!: OpeningRequirements;
  plannedDeparture!: string | null;
  attacheVerifiedOn!: string | null;
  attacheReference!: string | null;
  status!: OpeningStatus;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class OpeningStatusChangeRecord {
  id!: number;
  openingId!: string;
  sequence!: number;
  fromStatus!: OpeningStatus | null;
  toStatus!: OpeningStatus;
  at!: Date;
  actor!: string;
  note!: string | null;
}

export class SeatAllocationRecord {
  id!: number;
  quotaId!: string;
  openingId!: string;
  candidateId!: string;
  allocatedAt!: Date;
  actor!: string;
}

export const QuotaSchema = new EntitySchema<QuotaRecord>({
  class: QuotaRecord,
  tableName: 'quota',
  comment: 'Seats per MoU x occupation x route; allocated never exceeds seats',
  properties: {
    id: { type: 'uuid', primary: true },
    mouId: foreignKey(() => MouRecord, 'mou_id', { index: 'quota_mou_id_idx' }),
    occupation: { enum: true, items: () => [...OCCUPATIONS], type: 'text', index: 'quota_occupation_idx' },
    route: { enum: true, items: () => [...ROUTES], type: 'text', index: 'quota_route_idx' },
    seats: { type: 'integer' },
    allocated: { type: 'integer', default: 0 },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'quota_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  uniques: [{ name: 'quota_mou_occupation_route_unique', properties: ['mouId', 'occupation', 'route'] }],
  checks: [
    { name: 'quota_seats_check', expression: 'seats > 0' },
    { name: 'quota_allocated_check', expression: 'allocated >= 0 and allocated <= seats' },
  ],
});

export const JobOpeningSchema = new EntitySchema<JobOpeningRecord>({
  class: JobOpeningRecord,
  tableName: 'job_opening',
  comment: 'Job orders under an MoU: the public vacancy board',
  properties: {
    id: { type: 'uuid', primary: true },
    mouId: foreignKey(() => MouRecord, 'mou_id', { index: 'job_opening_mou_id_idx' }),
    employerPartyId: foreignKey(() => PartyRecord, 'employer_party_id', { index: 'job_opening_employer_party_id_idx' }),
    occupation: { enum: true, items: () => [...OCCUPATIONS], type: 'text', index: 'job_opening_occupation_idx' },
    route: { enum: true, items: () => [...ROUTES], type: 'text', index: 'job_opening_route_idx' },
    seats: { type: 'integer' },
    allocated: { type: 'integer', default: 0 },
    wageBasis: { enum: true, items: () => [...WAGE_BASES], type: 'text' },
    wageMonthlyAmount: { type: 'bigint', nullable: true },
    wageCurrency: { enum: true, items: () => [...CURRENCIES], type: 'text', nullable: true },
    contractMonths: { type: 'integer', nullable: true },
    extraRequirements: { type: 'json' },
    plannedDeparture: { type: 'date', nullable: true },
    attacheVerifiedOn: { type: 'date', nullable: true },
    attacheReference: { type: 'string', length: 200, nullable: true },
    status: { enum: true, items: () => [...OPENING_STATUSES], type: 'text', index: 'job_opening_status_idx' },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'job_opening_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    { name: 'job_opening_seats_check', expression: 'seats > 0' },
    { name: 'job_opening_allocated_check', expression: 'allocated >= 0 and allocated <= seats' },
    { name: 'job_opening_contract_months_check', expression: 'contract_months is null or contract_months > 0' },
    {
      name: 'job_opening_wage_check',
      expression: `(wage_basis = 'FIXED') = (wage_monthly_amount is not null and wage_currency is not null) and (wage_monthly_amount is null or wage_monthly_amount > 0)`,
    },
    { name: 'job_opening_verified_before_open_check', expression: `status = 'DRAFT' or status = 'CLOSED' or attache_verified_on is not null` },
  ],
});

export const OpeningStatusChangeSchema = new EntitySchema<OpeningStatusChangeRecord>({
  class: OpeningStatusChangeRecord,
  tableName: 'job_opening_status_change',
  comment: 'History of job opening status changes',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    openingId: foreignKey(() => JobOpeningRecord, 'opening_id', { deleteRule: 'cascade' }),
    sequence: { type: 'integer' },
    fromStatus: { enum: true, items: () => [...OPENING_STATUSES], type: 'text', nullable: true },
    toStatus: { enum: true, items: () => [...OPENING_STATUSES], type: 'text' },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
    note: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'job_opening_status_change_opening_sequence_unique', properties: ['openingId', 'sequence'] }],
});

export const SeatAllocationSchema = new EntitySchema<SeatAllocationRecord>({
  class: SeatAllocationRecord,
  tableName: 'seat_allocation',
  comment: 'Quota seats held by candidates, each through a job opening',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    quotaId: foreignKey(() => QuotaRecord, 'quota_id'),
    openingId: foreignKey(() => JobOpeningRecord, 'opening_id', { index: 'seat_allocation_opening_id_idx' }),
    candidateId: foreignKey(() => CandidateRecord, 'candidate_id', { index: 'seat_allocation_candidate_id_idx' }),
    allocatedAt: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
  },
  uniques: [{ name: 'seat_allocation_quota_candidate_unique', properties: ['quotaId', 'candidateId'] }],
});
