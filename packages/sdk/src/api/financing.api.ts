import type { RequestOptions } from '../client/create-client.js';
import { SimulateFinancingDocument, type FinancingSimulationInput, type SimulateFinancingQuery } from '../generated/graphql.js';
import type { Send } from './send.js';

/** A KUR Penempatan PMI loan: schedule, flat comparison, affordability under FX shocks, informal-lender comparison. */
export type FinancingSimulationResult = SimulateFinancingQuery['financingSimulation'];

export interface FinancingApi {
  /**
   * Simulate a KUR Penempatan PMI loan as of a date. Offline: `scheduleLoan(kurPenempatanProduct(parameterSnapshot(asOf)), …)`
   * and `affordability(…)` give the same figures. With `disbursedOn`, `departureOn` and `firstWageOn` the result has
   * `timeline` (offline: `loanTimeline({ schedule, disbursedOn, departureOn, firstWageOn })`).
   */
  simulate(input: FinancingSimulationInput, options?: RequestOptions): Promise<FinancingSimulationResult>;
}

export function financingApi(send: Send): FinancingApi {
  return {
    simulate: (input, options) => send(SimulateFinancingDocument, { input }, options).then((d) => d.financingSimulation),
  };
}
