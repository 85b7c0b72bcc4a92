import type { RequestOptions } from '../client/create-client.js';
import {
  SetUpfrontCashLineDocument,
  UpfrontCashLineDocument,
  type SetUpfrontCashLineInput,
  type SetUpfrontCashLineMutation,
  type UpfrontCashLineQuery,
} from '../generated/graphql.js';
import { defined, type Send } from './send.js';

export type UpfrontCashLineResult = UpfrontCashLineQuery['upfrontCashLine'];
export type UpfrontCashLineSetting = SetUpfrontCashLineMutation['setUpfrontCashLine'];

/** Program settings the city stores with their date and source (issue 12: the up-front cash line). */
export interface ProgramSettingsApi {
  /** The up-front cash line in force on `asOf` (default today, WIB; `status: NOT_SET` when none is) and its history. */
  upfrontCashLine(asOf?: string, options?: RequestOptions): Promise<UpfrontCashLineResult>;
  /**
   * Set the line from `effectiveFrom` with its `source` (OFFICER / ADMIN keys). Refusals are
   * `BAD_USER_INPUT` with `domainCode` UPFRONT_CASH_LINE.CURRENCY_NOT_IDR, .AMOUNT_NOT_WHOLE_RUPIAH,
   * .AMOUNT_NOT_POSITIVE, .EFFECTIVE_FROM_IMPLAUSIBLE, .SOURCE_REQUIRED or .SOURCE_TOO_LONG.
   */
  setUpfrontCashLine(input: SetUpfrontCashLineInput, options?: RequestOptions): Promise<UpfrontCashLineSetting>;
}

export function programSettingsApi(send: Send): ProgramSettingsApi {
  return {
    upfrontCashLine: (asOf, options) => send(UpfrontCashLineDocument, defined({ asOf }), options).then((d) => d.upfrontCashLine),
    setUpfrontCashLine: (input, options) => send(SetUpfrontCashLineDocument, { input }, options).then((d) => d.setUpfrontCashLine),
  };
}
