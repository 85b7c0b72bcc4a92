import type { RequestOptions } from '../client/create-client.js';
import {
  CandidateCountsDocument,
  PlacementCostsDocument,
  QuotaFillDocument,
  StageDurationsDocument,
  type CandidateCountsQuery,
  type CandidateCountsQueryVariables,
  type PlacementCostsQuery,
  type PlacementCostsQueryVariables,
  type QuotaFillQuery,
  type QuotaFillQueryVariables,
  type StageDurationsQuery,
  type StageDurationsQueryVariables,
} from '../generated/graphql.js';
import type { Send } from './send.js';

export type QuotaFillResult = QuotaFillQuery['quotaFill'];
export type CandidateCountsResult = CandidateCountsQuery['candidateCounts'];
export type PlacementCostsResult = PlacementCostsQuery['placementCosts'];
export type StageDurationRow = StageDurationsQuery['stageDurations'][number];

/** Aggregates for analysts and dashboards, computed in SQL by the gateway; each takes the list filters. */
export interface AggregatesApi {
  /** Seats, allocated and left per MoU × occupation × route. */
  quotaFill(variables?: QuotaFillQueryVariables, options?: RequestOptions): Promise<QuotaFillResult>;
  /** Candidates by stage × kecamatan × occupation × sex × age band. */
  candidateCounts(variables?: CandidateCountsQueryVariables, options?: RequestOptions): Promise<CandidateCountsResult>;
  /** Placement costs by payer (from the estimates stored at allocation). */
  placementCosts(variables?: PlacementCostsQueryVariables, options?: RequestOptions): Promise<PlacementCostsResult>;
  /** Time candidates spend in each stage. */
  stageDurations(variables?: StageDurationsQueryVariables, options?: RequestOptions): Promise<StageDurationRow[]>;
}

export function aggregatesApi(send: Send): AggregatesApi {
  return {
    quotaFill: (variables, options) => send(QuotaFillDocument, variables ?? {}, options).then((d) => d.quotaFill),
    candidateCounts: (variables, options) => send(CandidateCountsDocument, variables ?? {}, options).then((d) => d.candidateCounts),
    placementCosts: (variables, options) => send(PlacementCostsDocument, variables ?? {}, options).then((d) => d.placementCosts),
    stageDurations: (variables, options) => send(StageDurationsDocument, variables ?? {}, options).then((d) => d.stageDurations),
  };
}
