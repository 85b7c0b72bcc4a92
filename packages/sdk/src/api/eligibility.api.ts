import type { RequestOptions } from '../client/create-client.js';
import {
  CheckEligibilityDocument,
  type CheckEligibilityQuery,
  type CheckEligibilityQueryVariables,
} from '../generated/graphql.js';
import type { Send } from './send.js';

/** An evaluation: verdict, each rule under its legal source, checklist (as `eligibilityCheck` returns it). */
export type EligibilityResult = CheckEligibilityQuery['eligibilityCheck'];

export interface EligibilityApi {
  /**
   * Check a profile against a route's rules as of a date (nothing is stored); with `openingId`, the
   * opening's occupation and extra requirements apply. Offline, `evaluateEligibility` gives the same answer.
   */
  check(variables: CheckEligibilityQueryVariables, options?: RequestOptions): Promise<EligibilityResult>;
}

export function eligibilityApi(send: Send): EligibilityApi {
  return {
    check: (variables, options) => send(CheckEligibilityDocument, variables, options).then((d) => d.eligibilityCheck),
  };
}
