import type { RequestOptions } from '../client/create-client.js';
import { EstimateCostsDocument, type CostEstimateInput, type EstimateCostsQuery } from '../generated/graphql.js';
import type { Send } from './send.js';

/** Cost lines with their payers, totals per payer and the worker's up-front cash (IDR). */
export type CostEstimateResult = EstimateCostsQuery['costEstimate'];

export interface CostsApi {
  /** Estimate a placement's costs as of a date. Offline, `estimateCosts` gives the same answer. */
  estimate(input: CostEstimateInput, options?: RequestOptions): Promise<CostEstimateResult>;
}

export function costsApi(send: Send): CostsApi {
  return {
    estimate: (input, options) => send(EstimateCostsDocument, { input }, options).then((d) => d.costEstimate),
  };
}
