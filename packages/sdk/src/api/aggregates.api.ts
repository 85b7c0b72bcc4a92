import type { RequestOptions } from '../client/create-client.js';
import {
  CandidateCountsDocument,
  PlacementCostsDocument,
  QuotaFillDocument,
  StageDurationsDocument,
  TrainingAggregatesDocument,
  type CandidateCountsQuery,
  type CandidateCountsQueryVariables,
  type PlacementCostsQuery,
  type PlacementCostsQueryVariables,
  type QuotaFillQuery,
  type QuotaFillQueryVariables,
  type StageDurationsQuery,
  type StageDurationsQueryVariables,
  type TrainingAggregatesQuery,
  type TrainingAggregatesQueryVariables,
} from '../generated/graphql.js';
import type { Send } from './send.js';

export type QuotaFillResult = QuotaFillQuery['quotaFill'];
export type CandidateCountsResult = CandidateCountsQuery['candidateCounts'];
export type PlacementCostsResult = PlacementCostsQuery['placementCosts'];
export type StageDurationsResult = StageDurationsQuery['stageDurations'];
export type StageDurationRow = StageDurationsResult['rows'][number];
export type TrainingAggregatesResult = TrainingAggregatesQuery['trainingAggregates'];
/** One row of `trainingAggregates`: a cohort, a provider, a kecamatan (`level`) or the total. */
export type TrainingAggregateRow = TrainingAggregatesResult['total'];

/**
 * Aggregates for analysts and dashboards, computed in SQL by the gateway; each takes the list filters.
 * Aggregates over people are exact for OFFICER/ADMIN keys; ANALYST/PARTNER keys get the protected
 * view (`disclosure`): small cells come back `suppressed: true` with null figures, totals over them are
 * null, and filters on dimensions the aggregate does not report are refused (`DISCLOSURE.FILTER_NOT_ALLOWED`).
 */
export interface AggregatesApi {
  /** Seats, allocated and left per MoU × occupation × route. */
  quotaFill(variables?: QuotaFillQueryVariables, options?: RequestOptions): Promise<QuotaFillResult>;
  /** Candidates by stage × kecamatan × occupation × sex × age band. */
  candidateCounts(variables?: CandidateCountsQueryVariables, options?: RequestOptions): Promise<CandidateCountsResult>;
  /** Placement costs by payer (from the estimates stored at allocation). */
  placementCosts(variables?: PlacementCostsQueryVariables, options?: RequestOptions): Promise<PlacementCostsResult>;
  /** Time candidates spend in each stage (rows, the date used, and how they were protected). */
  stageDurations(variables?: StageDurationsQueryVariables, options?: RequestOptions): Promise<StageDurationsResult>;
  /**
   * Training figures (cohort fill, completion rate, attendance rate, practice and official pass rates)
   * per cohort, provider and kecamatan and in total, for the cohorts the filter selects (the
   * `trainingCohorts` filter). A TRAINER key sees its own providers' cohorts, in the protected view.
   */
  trainingAggregates(variables?: TrainingAggregatesQueryVariables, options?: RequestOptions): Promise<TrainingAggregatesResult>;
}

export function aggregatesApi(send: Send): AggregatesApi {
  return {
    quotaFill: (variables, options) => send(QuotaFillDocument, variables ?? {}, options).then((d) => d.quotaFill),
    candidateCounts: (variables, options) => send(CandidateCountsDocument, variables ?? {}, options).then((d) => d.candidateCounts),
    placementCosts: (variables, options) => send(PlacementCostsDocument, variables ?? {}, options).then((d) => d.placementCosts),
    stageDurations: (variables, options) => send(StageDurationsDocument, variables ?? {}, options).then((d) => d.stageDurations),
    trainingAggregates: (variables, options) => send(TrainingAggregatesDocument, variables ?? {}, options).then((d) => d.trainingAggregates),
  };
}
