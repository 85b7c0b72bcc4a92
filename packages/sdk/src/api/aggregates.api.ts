import type { RequestOptions } from '../client/create-client.js';
import {
  CandidateCountsDocument,
  CostPerPlacementDocument,
  UpfrontCashOverLineDocument,
  type CostPerPlacementQuery,
  type CostPerPlacementQueryVariables,
  type UpfrontCashOverLineQuery,
  type UpfrontCashOverLineQueryVariables,
  FunnelDocument,
  TrendsDocument,
  type FunnelQuery,
  type FunnelQueryVariables,
  type TrendsQuery,
  type TrendsQueryVariables,
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
export type TrendsResult = TrendsQuery['trends'];
/** One cell of `trends`: a series (and stage) × bucket × dimension values. */
export type TrendRow = TrendsResult['rows'][number];
export type CostPerPlacementResult = CostPerPlacementQuery['costPerPlacement'];
export type CostPerPlacementRow = CostPerPlacementResult['rows'][number];
export type UpfrontCashOverLineResult = UpfrontCashOverLineQuery['upfrontCashOverLine'];
export type UpfrontCashOverLineRow = UpfrontCashOverLineResult['rows'][number];
export type FunnelResult = FunnelQuery['funnel'];
/** One stage of `funnel`. */
export type FunnelStageRow = FunnelResult['rows'][number];

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
  /**
   * Monthly (or, exact view only, weekly ISO) series of registrations, stage entries, departures,
   * returns, withdrawals, seats allocated and financing principal, from the histories, every bucket
   * present, optionally `by` kecamatan, occupation or route. ANALYST keys: whole past months only,
   * one dimension, small cells suppressed with their bucket totals.
   */
  trends(variables: TrendsQueryVariables, options?: RequestOptions): Promise<TrendsResult>;
  /**
   * The funnel of the candidates registered in a period: people reaching each stage, conversion
   * rates (decimal strings), median / p90 days between stages, exits (WITHDRAWN / REJECTED) by the
   * stage left. ANALYST keys: whole past months, no filter, figures published month by month.
   */
  funnel(variables: FunnelQueryVariables, options?: RequestOptions): Promise<FunnelResult>;
  /**
   * Cost per placement by any of OCCUPATION, ROUTE, KECAMATAN, PAYER (`by`), from the estimates stored
   * at allocation: placements, total, average (whole rupiah, HALF_UP), split by payer and timing.
   * ANALYST keys: figures that would include a cell of fewer than minCellCount candidates are null.
   */
  costPerPlacement(variables?: CostPerPlacementQueryVariables, options?: RequestOptions): Promise<CostPerPlacementResult>;
  /**
   * "No resident sells belongings": per month × kecamatan, candidates whose own cash before departure
   * is over the up-front cash line in force, and the total gap. `lineStatus: NOT_SET` when the city
   * has set no line (no figure is invented).
   */
  upfrontCashOverLine(variables: UpfrontCashOverLineQueryVariables, options?: RequestOptions): Promise<UpfrontCashOverLineResult>;
}

export function aggregatesApi(send: Send): AggregatesApi {
  return {
    quotaFill: (variables, options) => send(QuotaFillDocument, variables ?? {}, options).then((d) => d.quotaFill),
    candidateCounts: (variables, options) => send(CandidateCountsDocument, variables ?? {}, options).then((d) => d.candidateCounts),
    placementCosts: (variables, options) => send(PlacementCostsDocument, variables ?? {}, options).then((d) => d.placementCosts),
    stageDurations: (variables, options) => send(StageDurationsDocument, variables ?? {}, options).then((d) => d.stageDurations),
    trainingAggregates: (variables, options) => send(TrainingAggregatesDocument, variables ?? {}, options).then((d) => d.trainingAggregates),
    trends: (variables, options) => send(TrendsDocument, variables, options).then((d) => d.trends),
    funnel: (variables, options) => send(FunnelDocument, variables, options).then((d) => d.funnel),
    costPerPlacement: (variables, options) => send(CostPerPlacementDocument, variables ?? {}, options).then((d) => d.costPerPlacement),
    upfrontCashOverLine: (variables, options) => send(UpfrontCashOverLineDocument, variables, options).then((d) => d.upfrontCashOverLine),
  };
}
