/** The domain's eligibility evaluation as GraphQL output types (whitelisted field by field). */
import {
  CHECKLIST_ACTION_KINDS,
  ELIGIBILITY_ROUTE_EXECUTORS,
  ELIGIBILITY_STAGES,
  ROUTE_STATUS_KINDS,
  RULE_OUTCOMES,
  type ChecklistActionKind,
  type EligibilityEvaluation as DomainEvaluation,
  type EligibilityRouteExecutor,
  type EligibilityStage,
  type Occupation,
  type Route,
  type RouteStatusKind,
  type RuleOutcomeKind,
  type SkillCertifier,
} from '@jembatan/domain';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OccupationEnum, RouteEnum } from '../enums';
import { Parameter, toParameterGql } from './parameter.type';
import { DateScalar, JSONScalar } from '../scalars';
import { BilingualText } from './label.type';
import { SkillCertifierEnum } from './profile.type';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RuleOutcomeEnum = enumOf(RULE_OUTCOMES.map((o) => o.toUpperCase() as Uppercase<RuleOutcomeKind>));
registerEnumType(RuleOutcomeEnum, {
  name: 'RuleOutcome',
  description: 'Outcome of one eligibility rule.',
  valuesConfig: {
    PASS: { description: 'The condition is met.' },
    FAIL: { description: 'The condition is not met (see `fixable`).' },
    MISSING: { description: 'Information is missing: an action on the checklist, never a rejection.' },
  },
});

export const EligibilityStageEnum = enumOf(ELIGIBILITY_STAGES);
registerEnumType(EligibilityStageEnum, {
  name: 'EligibilityStage',
  description: 'When a rule must pass (DOMAIN.md §4).',
  valuesConfig: {
    SELECTION: { description: 'To be registered and selected for an opening.' },
    DEPARTURE: { description: 'To be ready to depart (visa, placement agreement, contract come late).' },
  },
});

export const ChecklistActionKindEnum = enumOf(CHECKLIST_ACTION_KINDS);
registerEnumType(ChecklistActionKindEnum, {
  name: 'ChecklistActionKind',
  description: 'What the candidate or an officer has to do.',
  valuesConfig: {
    PROVIDE: { description: 'Enter missing information.' },
    OBTAIN: { description: 'Get a document, test or examination.' },
    RENEW: { description: 'Renew an expired or soon-expiring document or result.' },
    RETAKE: { description: 'Take a test again.' },
    CORRECT: { description: 'Fix inconsistent data.' },
    VERIFY: { description: 'Have something verified or acknowledged.' },
    WAIT: { description: 'A date must pass first (e.g. the 18th birthday).' },
  },
});

export const SelectionStatusEnum = { ELIGIBLE: 'ELIGIBLE', ACTION_NEEDED: 'ACTION_NEEDED', INELIGIBLE: 'INELIGIBLE' } as const;
registerEnumType(SelectionStatusEnum, {
  name: 'SelectionStatus',
  description: 'Whether the candidate can be selected for an opening.',
  valuesConfig: {
    ELIGIBLE: { description: 'Every selection rule passes.' },
    ACTION_NEEDED: { description: 'Something is missing or fixable.' },
    INELIGIBLE: { description: 'A rule fails and cannot be fixed (or the route is closed).' },
  },
});

export const DepartureStatusEnum = { READY: 'READY', ACTION_NEEDED: 'ACTION_NEEDED', INELIGIBLE: 'INELIGIBLE' } as const;
registerEnumType(DepartureStatusEnum, {
  name: 'DepartureStatus',
  description: 'Whether the candidate is ready to depart.',
  valuesConfig: {
    READY: { description: 'Every rule passes.' },
    ACTION_NEEDED: { description: 'Something is missing or fixable.' },
    INELIGIBLE: { description: 'A rule fails and cannot be fixed.' },
  },
});

export const RouteStatusKindEnum = enumOf(ROUTE_STATUS_KINDS);
registerEnumType(RouteStatusKindEnum, {
  name: 'RouteStatusKind',
  description: 'Whether a route is open for Indonesia on a date.',
  valuesConfig: {
    OPEN: { description: 'Open.' },
    SUSPENDED: { description: 'Suspended (e.g. E-8 for Indonesia from end-2024 for 3 years).' },
    CLOSED: { description: 'Closed.' },
  },
});

export const RouteExecutorEnum = enumOf(ELIGIBILITY_ROUTE_EXECUTORS);
registerEnumType(RouteExecutorEnum, {
  name: 'RouteExecutor',
  description: 'Who may execute placements on a route.',
  valuesConfig: {
    KP2MI_G2G: { description: 'KP2MI with HRD Korea (government to government); private companies excluded.' },
    P3MI: { description: 'A licensed private placement company (P3MI).' },
    LOCAL_GOVERNMENT: { description: 'Local government to local government, no brokers.' },
  },
});

@ObjectType({ description: 'What to do about a rule that is missing or fails fixably.' })
export class EligibilityAction {
  @Field(() => ChecklistActionKindEnum, { description: 'Kind of action.' })
  kind!: ChecklistActionKind;

  @Field(() => BilingualText, { description: 'What to do.' })
  message!: BilingualText;

  @Field(() => DateScalar, { nullable: true, description: 'Do it before this date.' })
  dueBy!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Cannot be done before this date.' })
  notBefore!: string | null;
}

@ObjectType({ description: 'The outcome of one named rule, under its legal source.' })
export class EligibilityRuleResult {
  @Field(() => String, { description: 'Rule id, e.g. "law.minimumAge".' })
  ruleId!: string;

  @Field(() => String, { description: 'The clause it encodes, e.g. "UU-18-2017/5a".' })
  clause!: string;

  @Field(() => BilingualText, { description: 'Rule title.' })
  title!: BilingualText;

  @Field(() => EligibilityStageEnum, { description: 'When it must pass.' })
  stage!: EligibilityStage;

  @Field(() => RuleOutcomeEnum, { description: 'Outcome.' })
  outcome!: string;

  @Field(() => String, { description: 'Stable reason code.' })
  code!: string;

  @Field(() => BilingualText, { description: 'Explanation.' })
  message!: BilingualText;

  @Field(() => Boolean, { description: 'True for missing and fixable failures.' })
  fixable!: boolean;

  @Field(() => EligibilityAction, { nullable: true, description: 'What to do, when there is something to do.' })
  action!: EligibilityAction | null;

  @Field(() => [String], { description: 'Profile fields the rule read.' })
  inputs!: string[];

  @Field(() => [String], { description: 'Parameters the rule read.' })
  parameters!: string[];

  @Field(() => JSONScalar, { nullable: true, description: 'Non-personal details (thresholds, dates).' })
  details!: unknown;
}

@ObjectType({ description: 'A rule of the set that did not apply.' })
export class EligibilitySkippedRule {
  @Field(() => String, { description: 'Rule id.' })
  ruleId!: string;

  @Field(() => String, { description: 'Clause.' })
  clause!: string;

  @Field(() => BilingualText, { description: 'Title.' })
  title!: BilingualText;

  @Field(() => EligibilityStageEnum, { description: 'Stage.' })
  stage!: EligibilityStage;

  @Field(() => BilingualText, { description: 'Why it did not apply.' })
  reason!: BilingualText;
}

@ObjectType({ description: 'One thing to do, merged over the rules that need it.' })
export class EligibilityChecklistItem {
  @Field(() => String, { description: 'Stable key of the action.' })
  key!: string;

  @Field(() => ChecklistActionKindEnum, { description: 'Kind of action.' })
  kind!: ChecklistActionKind;

  @Field(() => EligibilityStageEnum, { description: 'SELECTION when any rule behind it is needed for selection.' })
  stage!: EligibilityStage;

  @Field(() => BilingualText, { description: 'What to do.' })
  message!: BilingualText;

  @Field(() => [String], { description: 'Rules behind it.' })
  ruleIds!: string[];

  @Field(() => [String], { description: 'Reason codes behind it.' })
  codes!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Do it before this date.' })
  dueBy!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Cannot be done before this date.' })
  notBefore!: string | null;
}

@ObjectType({ description: 'Counts of rule outcomes.' })
export class EligibilityCounts {
  @Field(() => Int, { description: 'Rules that pass.' })
  pass!: number;

  @Field(() => Int, { description: 'Rules that fail.' })
  fail!: number;

  @Field(() => Int, { description: 'Rules with missing information.' })
  missing!: number;

  @Field(() => Int, { description: 'Rules that did not apply.' })
  skipped!: number;
}

@ObjectType({ description: 'The verdict: eligible to be selected, and ready to depart, kept apart.' })
export class EligibilityVerdict {
  @Field(() => SelectionStatusEnum, { description: 'Selection status.' })
  selection!: string;

  @Field(() => DepartureStatusEnum, { description: 'Departure status.' })
  departure!: string;

  @Field(() => Boolean, { description: 'Every selection rule passes.' })
  eligibleToBeSelected!: boolean;

  @Field(() => Boolean, { description: 'Every rule passes.' })
  readyToDepart!: boolean;

  @Field(() => [String], { description: 'Rules that fail and cannot be fixed.' })
  finalFailures!: string[];

  @Field(() => EligibilityCounts, { description: 'Outcome counts.' })
  counts!: EligibilityCounts;

  @Field(() => BilingualText, { description: 'One-line summary.' })
  summary!: BilingualText;
}

@ObjectType({ description: 'The rule set applied (per route and effective date).' })
export class EligibilityRuleSet {
  @Field(() => String, { description: 'Rule set id, e.g. "E9@2025-01-01".' })
  id!: string;

  @Field(() => DateScalar, { description: 'From when this rule set applies.' })
  effectiveFrom!: string;

  @Field(() => BilingualText, { description: 'Title.' })
  title!: BilingualText;

  @Field(() => RouteExecutorEnum, { description: 'Who may execute placements on the route.' })
  executor!: EligibilityRouteExecutor;

  @Field(() => [OccupationEnum], { description: 'Sectors/occupations of the route.' })
  sectors!: Occupation[];

  @Field(() => [SkillCertifierEnum], { description: 'Certifiers whose verification shows competence on this route.' })
  competenceCertifiers!: SkillCertifier[];

  @Field(() => [String], { description: 'Legal and official sources.' })
  sources!: string[];
}

@ObjectType({ description: 'Status of a route on the evaluation date.' })
export class RouteStatusInfo {
  @Field(() => RouteStatusKindEnum, { description: 'Open, suspended or closed.' })
  status!: RouteStatusKind;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of this status, when a source gives one.' })
  until!: string | null;

  @Field(() => BilingualText, { description: 'Explanation.' })
  note!: BilingualText;
}

@ObjectType({ description: 'Eligibility of a profile for a route as of a date (DOMAIN.md §4).' })
export class EligibilityEvaluation {
  @Field(() => DateScalar, { description: 'Evaluation date.' })
  asOf!: string;

  @Field(() => RouteEnum, { description: 'Route evaluated.' })
  route!: Route;

  @Field(() => EligibilityRuleSet, { description: 'The rule set in force.' })
  ruleSet!: EligibilityRuleSet;

  @Field(() => RouteStatusInfo, { description: 'Route status on the date.' })
  routeStatus!: RouteStatusInfo;

  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation of the opening, when one was given.' })
  occupation!: Occupation | null;

  @Field(() => [EligibilityRuleResult], { description: 'One result per rule that ran.' })
  results!: EligibilityRuleResult[];

  @Field(() => [EligibilitySkippedRule], { description: 'Rules that did not apply.' })
  skipped!: EligibilitySkippedRule[];

  @Field(() => EligibilityVerdict, { description: 'The verdict.' })
  verdict!: EligibilityVerdict;

  @Field(() => [EligibilityChecklistItem], { description: 'Next actions, selection items first.' })
  checklist!: EligibilityChecklistItem[];

  @Field(() => [Parameter], { description: 'Parameters the rules read, with values and sources.' })
  parameters!: Parameter[];

  @Field(() => [String], { description: 'Overlays applied.' })
  overlays!: string[];
}

const bi = (m: { id: string; en: string }): BilingualText => ({ id: m.id, en: m.en });

export function toEligibilityGql(e: DomainEvaluation): EligibilityEvaluation {
  return {
    asOf: e.asOf,
    route: e.route,
    ruleSet: {
      id: e.ruleSet.id,
      effectiveFrom: e.ruleSet.effectiveFrom,
      title: bi(e.ruleSet.title),
      executor: e.ruleSet.executor,
      sectors: [...e.ruleSet.sectors],
      competenceCertifiers: [...e.ruleSet.competenceCertifiers],
      sources: [...e.ruleSet.sources],
    },
    routeStatus: { status: e.routeStatus.status, until: e.routeStatus.until ?? null, note: bi(e.routeStatus.note) },
    occupation: e.occupation ?? null,
    results: e.results.map((r) => ({
      ruleId: r.ruleId,
      clause: r.clause,
      title: bi(r.title),
      stage: r.stage,
      outcome: r.outcome.toUpperCase(),
      code: r.code,
      message: bi(r.message),
      fixable: r.fixable,
      action: r.action
        ? { kind: r.action.kind, message: bi(r.action.message), dueBy: r.action.dueBy ?? null, notBefore: r.action.notBefore ?? null }
        : null,
      inputs: [...r.inputs],
      parameters: [...r.parameters],
      details: r.details ?? null,
    })),
    skipped: e.skipped.map((s) => ({ ruleId: s.ruleId, clause: s.clause, title: bi(s.title), stage: s.stage, reason: bi(s.reason) })),
    verdict: {
      selection: e.verdict.selection,
      departure: e.verdict.departure,
      eligibleToBeSelected: e.verdict.eligibleToBeSelected,
      readyToDepart: e.verdict.readyToDepart,
      finalFailures: [...e.verdict.finalFailures],
      counts: { ...e.verdict.counts },
      summary: bi(e.verdict.summary),
    },
    checklist: e.checklist.map((c) => ({
      key: c.key,
      kind: c.kind,
      stage: c.stage,
      message: bi(c.message),
      ruleIds: [...c.ruleIds],
      codes: [...c.codes],
      dueBy: c.dueBy ?? null,
      notBefore: c.notBefore ?? null,
    })),
    parameters: e.parameters.map(toParameterGql),
    overlays: [...e.overlays],
  };
}
