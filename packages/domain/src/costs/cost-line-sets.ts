/**
 * Cost line sets as data: for each route and effective date, which standard cost lines an estimate
 * has, in order, and where each amount comes from (a parameter, an input, or the BPJS contribution
 * by contract length). Lookup as for the eligibility rule sets: the latest start date on or before
 * the as-of date wins; `null` = no longer in force; before the first date = outside coverage
 * (`COSTS.BEFORE_COVERAGE`). Amounts are never here: lines read them from the parameter snapshot
 * or the caller's inputs. A new route, or a change of the lines of one, is a new entry, not new code.
 *
 * Lines per route (✓ = included; "input" = a required input, an UNKNOWN line when missing;
 * "opt." = included when the input is given):
 *
 * | line                       | E9 | E7_3 | E7_3_PILOT | E8 | source                                   |
 * |----------------------------|----|------|------------|----|------------------------------------------|
 * | EPS-TOPIK fee (USD)        | ✓  |      |            |    | fee.epsTopikUsdCents × fx.idrPerUsd      |
 * | Korean course + registration | ✓ | ✓   | ✓          | ✓  | fee.koreanCourseIdr, …RegistrationIdr (skip with includeKoreanCourse: false) |
 * | Korean test (pilot)        |    | opt. | input      |    | inputs.koreanTestFee                     |
 * | skills test (KOSHIPA/BNSP) | opt. | input | input     | opt. | inputs.skillsTestFee                   |
 * | medical check-up           | ✓  | ✓    | ✓          | ✓  | fee.medicalCheckupIdr                    |
 * | passport (5 years)         | ✓  | ✓    | ✓          | ✓  | fee.passportElectronic5yIdr (default) or …Regular5yIdr |
 * | SKCK                       | ✓  | ✓    | ✓          | ✓  | fee.skckIdr                              |
 * | visa                       | ✓  | ✓    | ✓          | ✓  | fee.visaIdr                              |
 * | flight Jakarta–Korea       | ✓  | ✓    | ✓          | ✓  | fee.flightJakartaKoreaIdr                |
 * | pre-departure orientation  | ✓  | ✓    | ✓          | ✓  | fee.orientationIdr                       |
 * | BPJS before work           | ✓  | ✓    | ✓          | ✓  | bpjs.pmi.beforeWorkIdr                   |
 * | BPJS during work           | ✓  | ✓    | ✓          | ✓  | by contract months (bpjs-contribution.ts) |
 * | P3MI service fee           |    | input | input     |    | inputs.p3miServiceFee                    |
 * | return-cost insurance (KRW, in Korea) | ✓ | |          |    | korea.returnCostInsuranceKrw × fx.idrPerKrw |
 * | contract legalisation      | input | input | input     | input | inputs.contractLegalisation          |
 * | local transport            | input | input | input     | input | inputs.localTransport                |
 * | accommodation              | input | input | input     | input | inputs.accommodation                 |
 * | return ticket (in Korea / end of contract) | input | input | input | input | inputs.returnTicket      |
 *
 * The last four are Perban BP2MI 9/2020 cost items (DOMAIN.md §5) with no amount in any source: they
 * are required inputs, so without one the line is UNKNOWN (no amount, its payer still decided by
 * the policies: the employer for the 10 jobs of Perban 9/2020, else the base payer) and the totals
 * say they exclude it, instead of the cost silently vanishing.
 *
 * An input that no line of the route's set reads is ignored with `COSTS.INPUT_NOT_APPLICABLE`.
 * Effective dates: every route from 2024-01-01, the start of the `routes.status` coverage (no
 * estimate can be made before it: the parameters it reads start later).
 */
import { textRef, type Text, type TextRef } from '../shared/text';
import type { CostLineLabelKey } from '../messages/cost-texts';
import { datedVersionAsOf } from '../shared/dated-versions';
import type { IsoDate } from '../shared/local-date';
import type { Route } from '../shared/vocabulary';
import type { ParameterId } from '../parameters/parameter-values';
import type { CostCategory, CostLineId, CostTiming } from './cost-line';
import type { CostInputs, CostPassportKind } from './estimate-costs';

/** Options of the estimate input that can leave a line out. */
export type CostLineOption = 'includeKoreanCourse';

interface LineBase {
  readonly id: CostLineId;
  readonly category: CostCategory;
}

/** A fixed fee from a parameter, converted to IDR when in USD or KRW. */
export interface ParameterCostLineDefinition extends LineBase {
  readonly kind: 'PARAMETER';
  readonly label: Text;
  readonly parameter: ParameterId;
  /** Default IDR. */
  readonly currency?: 'IDR' | 'USD' | 'KRW';
  /** Default BEFORE_DEPARTURE. */
  readonly timing?: CostTiming;
  /** The line is left out when this option of the input is false. */
  readonly option?: CostLineOption;
}


/** The passport: the parameter and label depend on the passport kind chosen. */
export interface PassportCostLineDefinition extends LineBase {
  readonly kind: 'PASSPORT';
  readonly variants: Readonly<Record<CostPassportKind, { readonly label: Text; readonly parameter: ParameterId }>>;
}

/** An amount the caller gives (`inputs.<input>`): UNKNOWN when required and missing, left out when optional and missing. */
export interface InputCostLineDefinition extends LineBase {
  readonly kind: 'INPUT';
  readonly label: Text;
  readonly input: keyof CostInputs;
  readonly required: boolean;
  /** Default BEFORE_DEPARTURE. */
  readonly timing?: CostTiming;
}

/** BPJS Ketenagakerjaan during work, by contract length (bpjs-contribution.ts). */
export interface BpjsDuringWorkCostLineDefinition extends LineBase {
  readonly kind: 'BPJS_DURING_WORK';
  readonly label: Text;
}

export type CostLineDefinition = ParameterCostLineDefinition | PassportCostLineDefinition | InputCostLineDefinition | BpjsDuringWorkCostLineDefinition;

export interface CostLineSetDefinition {
  /** e.g. `E9@2024-01-01`. */
  readonly id: string;
  readonly route: Route;
  /** The lines of an estimate, in this order (additional lines of the caller come after). */
  readonly lines: readonly CostLineDefinition[];
}

/** Every input an estimate may read, in line order (the compiler checks that none is missing). */
const INPUT_KEYS: Readonly<Record<keyof CostInputs, true>> = {
  koreanTestFee: true,
  skillsTestFee: true,
  p3miServiceFee: true,
  contractLegalisation: true,
  localTransport: true,
  accommodation: true,
  returnTicket: true,
};
export const COST_INPUT_KEYS = Object.freeze(Object.keys(INPUT_KEYS) as Array<keyof CostInputs>);

/** The lines' labels (in `@jembatan/domain/messages` since issue 14: the definitions below refer to them by key). */
export { COST_LINE_LABELS } from '../messages/cost-texts';

/** The label of a line (or passport variant) by reference: `costs.line.<key>`. */
const L = (key: CostLineLabelKey): TextRef => textRef(`costs.line.${key}`);


const param = (id: CostLineId & CostLineLabelKey, category: CostCategory, parameter: ParameterId, more: Partial<ParameterCostLineDefinition> = {}): ParameterCostLineDefinition => ({
  kind: 'PARAMETER',
  id,
  category,
  label: L(id),
  parameter,
  ...more,
});
const input = (id: CostLineId & keyof CostInputs, category: CostCategory, required: boolean, timing?: CostTiming): InputCostLineDefinition => ({
  kind: 'INPUT',
  id,
  category,
  label: L(id),
  input: id,
  required,
  ...(timing !== undefined ? { timing } : {}),
});

const EPS_TOPIK = param('epsTopikFee', 'LANGUAGE_TEST', 'fee.epsTopikUsdCents', { currency: 'USD' });
const KOREAN_COURSE = [
  param('koreanCourse', 'JOB_TRAINING', 'fee.koreanCourseIdr', { option: 'includeKoreanCourse' }),
  param('koreanCourseRegistration', 'JOB_TRAINING', 'fee.koreanCourseRegistrationIdr', { option: 'includeKoreanCourse' }),
];
const DOCUMENTS_AND_TRAVEL: readonly CostLineDefinition[] = [
  param('medicalCheckup', 'MEDICAL', 'fee.medicalCheckupIdr'),
  {
    kind: 'PASSPORT',
    id: 'passport',
    category: 'PASSPORT',
    variants: {
      ELECTRONIC: { label: L('passportElectronic'), parameter: 'fee.passportElectronic5yIdr' },
      REGULAR: { label: L('passportRegular'), parameter: 'fee.passportRegular5yIdr' },
    },
  },
  param('skck', 'SKCK', 'fee.skckIdr'),
  param('visa', 'VISA', 'fee.visaIdr'),
  param('flight', 'TICKET', 'fee.flightJakartaKoreaIdr'),
  param('orientation', 'ORIENTATION', 'fee.orientationIdr'),
  param('bpjsBeforeWork', 'SOCIAL_SECURITY', 'bpjs.pmi.beforeWorkIdr'),
  { kind: 'BPJS_DURING_WORK', id: 'bpjsDuringWork', category: 'SOCIAL_SECURITY', label: L('bpjsDuringWork') },
];
/** Perban BP2MI 9/2020 items with no amount in any source (required inputs: UNKNOWN until given). */
const UNSOURCED_ITEMS: readonly CostLineDefinition[] = [
  input('contractLegalisation', 'CONTRACT_LEGALISATION', true),
  input('localTransport', 'LOCAL_TRANSPORT', true),
  input('accommodation', 'ACCOMMODATION', true),
  input('returnTicket', 'TICKET', true, 'IN_KOREA'),
];
const RETURN_COST_INSURANCE = param('returnCostInsurance', 'RETURN_COST_INSURANCE', 'korea.returnCostInsuranceKrw', { currency: 'KRW', timing: 'IN_KOREA' });
const P3MI_SERVICE_FEE = input('p3miServiceFee', 'COMPANY_SERVICE_FEE', true);

const E9_2024: CostLineSetDefinition = {
  id: 'E9@2024-01-01',
  route: 'E9',
  lines: [EPS_TOPIK, ...KOREAN_COURSE, input('skillsTestFee', 'COMPETENCY_CERTIFICATE', false), ...DOCUMENTS_AND_TRAVEL, RETURN_COST_INSURANCE, ...UNSOURCED_ITEMS],
};

const E7_3_2024: CostLineSetDefinition = {
  id: 'E7_3@2024-01-01',
  route: 'E7_3',
  lines: [
    ...KOREAN_COURSE,
    input('koreanTestFee', 'LANGUAGE_TEST', false),
    input('skillsTestFee', 'COMPETENCY_CERTIFICATE', true),
    ...DOCUMENTS_AND_TRAVEL,
    P3MI_SERVICE_FEE,
    ...UNSOURCED_ITEMS,
  ],
};

const E7_3_PILOT_2024: CostLineSetDefinition = {
  id: 'E7_3_PILOT@2024-01-01',
  route: 'E7_3_PILOT',
  lines: [
    ...KOREAN_COURSE,
    input('koreanTestFee', 'LANGUAGE_TEST', true),
    input('skillsTestFee', 'COMPETENCY_CERTIFICATE', true),
    ...DOCUMENTS_AND_TRAVEL,
    P3MI_SERVICE_FEE,
    ...UNSOURCED_ITEMS,
  ],
};

const E8_2024: CostLineSetDefinition = {
  id: 'E8@2024-01-01',
  route: 'E8',
  lines: [...KOREAN_COURSE, input('skillsTestFee', 'COMPETENCY_CERTIFICATE', false), ...DOCUMENTS_AND_TRAVEL, ...UNSOURCED_ITEMS],
};

/** Cost line sets per route, keyed by effective date. */
export const COST_LINE_SETS: Readonly<Record<Route, Readonly<Record<IsoDate, CostLineSetDefinition | null>>>> = Object.freeze({
  E9: { '2024-01-01': E9_2024 },
  E7_3: { '2024-01-01': E7_3_2024 },
  E7_3_PILOT: { '2024-01-01': E7_3_PILOT_2024 },
  E8: { '2024-01-01': E8_2024 },
});

export interface DatedCostLineSet {
  readonly definition: CostLineSetDefinition;
  readonly effectiveFrom: IsoDate;
}

/** The line set of `route` in force on `asOf`. Errors: DATE.INVALID, COSTS.BEFORE_COVERAGE, COSTS.LINE_SET_ENDED. */
export function costLineSetAsOf(route: Route, asOf: IsoDate): DatedCostLineSet {
  return datedVersionAsOf(COST_LINE_SETS[route], route, asOf, { area: 'COSTS', endedCode: 'LINE_SET_ENDED', noun: { id: 'Biaya', en: 'cost lines' } });
}
