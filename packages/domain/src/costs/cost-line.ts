/**
 * Cost lines of a placement estimate: what a cost is, when it is paid, where its amount comes
 * from (a dated parameter or an input) and who pays it (decided by named cost policies).
 */
import type { Messages } from '../shared/domain-error';
import type { Text } from '../shared/text';
import type { IsoDate } from '../shared/local-date';
import type { PayerKind } from '../shared/vocabulary';
import type { ExchangeRate } from '../money/exchange-rate';
import type { Money } from '../money/money';
import type { ParameterId } from '../parameters/parameter-values';

/**
 * Categories follow the cost items of Perban BP2MI 9/2020 (ticket, visa, contract legalisation,
 * job training, competency certificate, company service fee, passport, SKCK, social security,
 * medical and psychological tests, local transport, accommodation) plus the items of the Korea
 * routes that list does not name (language test, pre-departure orientation, return-cost insurance).
 */
export const COST_CATEGORIES = [
  'LANGUAGE_TEST',
  'JOB_TRAINING',
  'COMPETENCY_CERTIFICATE',
  'MEDICAL',
  'PASSPORT',
  'SKCK',
  'VISA',
  'TICKET',
  'ORIENTATION',
  'SOCIAL_SECURITY',
  'COMPANY_SERVICE_FEE',
  'CONTRACT_LEGALISATION',
  'LOCAL_TRANSPORT',
  'ACCOMMODATION',
  'RETURN_COST_INSURANCE',
  'OTHER',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** BEFORE_DEPARTURE costs need cash (or financing) up front; IN_KOREA costs are paid from the wage in Korea. */
export const COST_TIMINGS = ['BEFORE_DEPARTURE', 'IN_KOREA'] as const;
export type CostTiming = (typeof COST_TIMINGS)[number];

/** Standard line ids (additional lines from inputs carry their own ids). */
export const COST_LINE_IDS = [
  'epsTopikFee',
  'koreanCourse',
  'koreanCourseRegistration',
  'koreanTestFee',
  'skillsTestFee',
  'medicalCheckup',
  'passport',
  'skck',
  'visa',
  'flight',
  'orientation',
  'bpjsBeforeWork',
  'bpjsDuringWork',
  'p3miServiceFee',
  'returnCostInsurance',
  'contractLegalisation',
  'localTransport',
  'accommodation',
  'returnTicket',
] as const;
export type CostLineId = (typeof COST_LINE_IDS)[number];

/**
 * KNOWN: the amount comes from parameters or inputs. UNKNOWN: a required input was not given, or no
 * source gives the amount (contract legalisation, local transport, accommodation, the return
 * ticket): the line is shown with its payer and no amount, never as 0 and never left out.
 */
export type CostLineStatus = 'KNOWN' | 'UNKNOWN';

export interface CostParameterRef {
  readonly id: ParameterId;
  readonly effectiveFrom: IsoDate;
  /** true when the parameter is a working default (e.g. an exchange rate), not an official figure. */
  readonly isDefault: boolean;
  readonly overlaidBy?: string;
}

/** `M`: `Text` (by reference) in the lean estimate's lines (issue 14). */
export interface CostLineSource<M extends Text = Messages> {
  /** Parameters the amount is computed from (empty for inputs). */
  readonly parameters: readonly CostParameterRef[];
  /** The input the amount comes from or, for an UNKNOWN line, the input that is required. */
  readonly input: string | null;
  /** Who stated an input amount (for additional lines). */
  readonly statedBy?: string;
  /** How the amount was derived (e.g. the BPJS bracket used). */
  readonly note?: M;
}

/** One payer's part of a line, and the policy rule that put it there. */
export interface PayerShare {
  readonly payer: PayerKind;
  /** In IDR; null when the line's amount is unknown. */
  readonly amountIdr: Money | null;
  readonly policyId: string;
  readonly ruleId: string;
}

export interface CostLine<M extends Text = Messages> {
  readonly id: string;
  readonly category: CostCategory;
  readonly label: M;
  readonly timing: CostTiming;
  readonly status: CostLineStatus;
  /** In the currency the cost is set in (USD cents for the EPS-TOPIK fee, KRW for return-cost insurance); null when unknown. */
  readonly amount: Money | null;
  /** The amount in IDR (converted when needed); null when unknown. */
  readonly amountIdr: Money | null;
  /** The rate used to convert `amount` into IDR, when one was needed. */
  readonly exchangeRate: ExchangeRate | null;
  readonly source: CostLineSource<M>;
  /** Parts per payer; known parts add up exactly to `amountIdr`. */
  readonly payers: readonly PayerShare[];
}
