/** Every MikroORM entity schema of the gateway. */
import type { EntitySchema } from '@mikro-orm/core';
import {
  CandidateSchema,
  CandidateStageChangeSchema,
  PlacementCostShareSchema,
  PlacementSchema,
  PlacementStatusChangeSchema,
} from './candidate.schema';
import { MouObligationSchema, MouPartySchema, MouSchema, MouStatusChangeSchema } from './mou.schema';
import { JobOpeningSchema, OpeningStatusChangeSchema, QuotaSchema, SeatAllocationSchema } from './opening.schema';
import { PartySchema } from './party.schema';
import { FinancingPlanFacilitySchema, FinancingPlanSchema } from './financing-plan.schema';
import { FinancingPlanRevisionFacilitySchema, FinancingPlanRevisionSchema } from './financing-plan-revision.schema';
import { SeedRunSchema } from './seed-run.schema';
import { TRAINING_SCHEMAS } from './training.schema';
import { UpfrontCashLineSchema } from './upfront-cash-line.schema';

export * from './seed-run.schema';
export * from './party.schema';
export * from './mou.schema';
export * from './opening.schema';
export * from './candidate.schema';
export * from './financing-plan.schema';
export * from './financing-plan-revision.schema';
export * from './training.schema';
export * from './upfront-cash-line.schema';

export const ENTITY_SCHEMAS: EntitySchema<any, any>[] = [
  SeedRunSchema,
  PartySchema,
  MouSchema,
  MouPartySchema,
  MouObligationSchema,
  MouStatusChangeSchema,
  QuotaSchema,
  JobOpeningSchema,
  OpeningStatusChangeSchema,
  SeatAllocationSchema,
  CandidateSchema,
  CandidateStageChangeSchema,
  PlacementSchema,
  PlacementStatusChangeSchema,
  PlacementCostShareSchema,
  FinancingPlanSchema,
  FinancingPlanFacilitySchema,
  FinancingPlanRevisionSchema,
  FinancingPlanRevisionFacilitySchema,
  ...TRAINING_SCHEMAS,
  UpfrontCashLineSchema,
];
