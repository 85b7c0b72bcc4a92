/**
 * The shape of an eligibility rule: a named condition under its legal source (modelled on
 * openfisca-aotearoa's clause-per-condition variables and Catala's named exceptions).
 *
 * A rule reads some fields of the profile (`inputs`) and some parameters (`parameters`, never
 * literals), and returns `pass`, `fail` or `missing` with a stable reason code and a bilingual
 * message. A `missing` outcome and a fixable `fail` always carry an action (the type requires it),
 * which becomes an item of the checklist.
 */
import type { Messages } from '../shared/domain-error';
import type { Text } from '../shared/text';
import type { IsoDate } from '../shared/local-date';
import type { Occupation, Route } from '../shared/vocabulary';
import type { EducationLevel, ParameterId, ParameterSnapshot } from '../parameters';
import type { CandidateProfile } from './candidate-profile';
import type { EligibilityRouteDefinition } from './rule-sets';

export const RULE_OUTCOMES = ['pass', 'fail', 'missing'] as const;
export type RuleOutcomeKind = (typeof RULE_OUTCOMES)[number];

/**
 * When a rule has to pass: `SELECTION` = to be registered and selected for an opening;
 * `DEPARTURE` = to be ready to depart (documents 6–8 of UU 18/2017 Pasal 13 and others come late).
 */
export const ELIGIBILITY_STAGES = ['SELECTION', 'DEPARTURE'] as const;
export type EligibilityStage = (typeof ELIGIBILITY_STAGES)[number];

/** What the candidate (or an officer) has to do. */
export const CHECKLIST_ACTION_KINDS = [
  'PROVIDE', // enter missing information
  'OBTAIN', // get a document, test or examination
  'RENEW', // renew an expired or soon-expiring document or result
  'RETAKE', // take a test again
  'CORRECT', // fix inconsistent data
  'VERIFY', // have something verified or acknowledged
  'WAIT', // a date must pass (e.g. minimum age)
] as const;
export type ChecklistActionKind = (typeof CHECKLIST_ACTION_KINDS)[number];

/** `M`: `Messages` in the results of the main entry; `Text` (a text by reference or rendered) in the lean calculators' (issue 14). */
export interface EligibilityAction<M extends Text = Messages> {
  readonly kind: ChecklistActionKind;
  readonly message: M;
  /** Actions with the same key become one checklist item (e.g. one medical check-up for several rules). Default: the rule id. */
  readonly key?: string;
  /** Do it before this date (e.g. renew the passport before the planned departure). */
  readonly dueBy?: IsoDate;
  /** Cannot be done before this date (e.g. the 18th birthday). */
  readonly notBefore?: IsoDate;
}

export type RuleDetails = Readonly<Record<string, string | number | boolean | null>>;

interface OutcomeBase<M extends Text> {
  readonly code: string;
  readonly message: M;
  readonly details?: RuleDetails;
}
export interface RulePassOutcome<M extends Text = Messages> extends OutcomeBase<M> {
  readonly outcome: 'pass';
}
export interface RuleFixableFailOutcome<M extends Text = Messages> extends OutcomeBase<M> {
  readonly outcome: 'fail';
  readonly fixable: true;
  readonly action: EligibilityAction<M>;
}
export interface RuleFinalFailOutcome<M extends Text = Messages> extends OutcomeBase<M> {
  readonly outcome: 'fail';
  readonly fixable: false;
}
export interface RuleMissingOutcome<M extends Text = Messages> extends OutcomeBase<M> {
  readonly outcome: 'missing';
  readonly action: EligibilityAction<M>;
}
export type RuleOutcome<M extends Text = Messages> = RulePassOutcome<M> | RuleFixableFailOutcome<M> | RuleFinalFailOutcome<M> | RuleMissingOutcome<M>;

/** Extra requirements a job opening may add on top of the route's rules. */
export interface OpeningRequirements {
  /** Minimum EPS-TOPIK score (valid result), e.g. 120 for a re-entry round. */
  readonly minEpsTopikScore?: number;
  /** Minimum TOPIK level (TOPIK results or the pilot's test), 1–6. */
  readonly minTopikLevel?: number;
  readonly minEducation?: EducationLevel;
  readonly minAge?: number;
  readonly maxAge?: number;
  /** A skill qualification the verification must name, e.g. "FCAW 3G" (compared ignoring case and spaces). */
  readonly skillQualification?: string;
}

export interface EligibilityOpening {
  readonly occupation: Occupation;
  readonly extraRequirements?: OpeningRequirements;
  /** Planned departure for this opening; overrides the profile's. */
  readonly plannedDeparture?: IsoDate;
}

/** Everything a rule may read. */
export interface RuleContext {
  readonly profile: CandidateProfile;
  readonly route: Route;
  readonly asOf: IsoDate;
  readonly params: ParameterSnapshot;
  readonly routeDefinition: EligibilityRouteDefinition;
  readonly opening?: EligibilityOpening;
  /** `opening.plannedDeparture`, else `profile.plannedDeparture`. */
  readonly plannedDeparture?: IsoDate;
  /** Months the passport must stay valid after the planned departure (input, default 0). */
  readonly passportMarginMonths: number;
}

/** The domain's own rules are `EligibilityRule<Text>`: their titles and outcomes' texts are by reference (issue 14). */
export interface EligibilityRule<M extends Text = Messages> {
  /** Stable id, e.g. `law.minimumAge`. */
  readonly id: string;
  /** The legal or program clause it encodes, e.g. `UU-18-2017/5a`. */
  readonly clause: string;
  readonly title: M;
  /** Profile fields (and opening fields, prefixed `opening.`) the rule reads. */
  readonly inputs: readonly string[];
  /** Parameters the rule reads. */
  readonly parameters: readonly ParameterId[];
  /** Returns a reason when the rule does not apply to this evaluation (it is then reported as skipped). */
  readonly notApplicable?: (ctx: RuleContext) => M | undefined;
  readonly evaluate: (ctx: RuleContext) => RuleOutcome<M>;
}
