import type { RequestOptions } from '../client/create-client.js';
import {
  CompareOpportunitiesDocument,
  EstimateCostsDocument,
  type CompareOpportunitiesQuery,
  type CostEstimateInput,
  type EstimateCostsQuery,
  type OpportunityComparisonInput,
  UpfrontCashDocument,
  type UpfrontCashInput,
  type UpfrontCashQuery,
} from '../generated/graphql.js';
import type { Send } from './send.js';

/** Cost lines with their payers, totals per payer and the worker's up-front cash (IDR). */
export type CostEstimateResult = EstimateCostsQuery['costEstimate'];

/** Opportunities compared for one person: ranked by net saving, month by month, with costs, loan, risks and sources. */
export type OpportunityComparisonResult = CompareOpportunitiesQuery['compareOpportunities'];

/** The worker's pre-departure costs against each financing source's pay-out date: the bridge cash before the loan arrives. */
export type UpfrontCashResult = UpfrontCashQuery['upfrontCash'];

export interface CostsApi {
  /** Estimate a placement's costs as of a date. Offline, `estimateCosts` gives the same answer. */
  estimate(input: CostEstimateInput, options?: RequestOptions): Promise<CostEstimateResult>;
  /**
   * Compare opportunities (Kota Serang, Jabodetabek, transmigration, Korea) over a horizon from
   * `input.asOf`. Offline, `compareOpportunities(input, parameterSnapshot(asOf))` gives the same answer.
   */
  compareOpportunities(input: OpportunityComparisonInput, options?: RequestOptions): Promise<OpportunityComparisonResult>;
  /**
   * When each pre-departure cost falls due against when each source pays out (KUR checked against its
   * ceiling). Offline: `upfrontCashTimeline({ estimate: estimateCosts(…), dueOn, defaultDueOn, sources })`.
   */
  upfrontCash(input: UpfrontCashInput, options?: RequestOptions): Promise<UpfrontCashResult>;
}

export function costsApi(send: Send): CostsApi {
  return {
    estimate: (input, options) => send(EstimateCostsDocument, { input }, options).then((d) => d.costEstimate),
    compareOpportunities: (input, options) => send(CompareOpportunitiesDocument, { input }, options).then((d) => d.compareOpportunities),
    upfrontCash: (input, options) => send(UpfrontCashDocument, { input }, options).then((d) => d.upfrontCash),
  };
}
