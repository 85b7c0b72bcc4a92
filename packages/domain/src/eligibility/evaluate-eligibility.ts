/**
 * Evaluate a candidate profile against a route's rule set as of a date.
 *
 * 1. Validate the input (route, date, opening, overlays, profile shape) — invalid input throws
 *    `DomainError` with a stable code.
 * 2. Take the rule set in force on `asOf` (rule-sets.ts) and apply rule overlays ("what-if").
 * 3. Take a parameter snapshot on `asOf` (or the one given), with parameter overlays.
 * 4. Run every rule: `pass | fail | missing`, or skipped when it does not apply (e.g. an opening's
 *    requirement that the opening does not set).
 * 5. Verdict, separating *eligible to be selected* from *ready to depart* (DOMAIN.md §4):
 *    - `INELIGIBLE` when any rule fails and the failure cannot be fixed (at any stage), including a
 *      closed route;
 *    - selection `ELIGIBLE` when every SELECTION rule passes, else `ACTION_NEEDED`;
 *    - departure `READY` when every rule passes, else `ACTION_NEEDED` (or `INELIGIBLE`).
 * 6. Checklist: one item per action for every `missing` and every fixable `fail`; actions with the
 *    same key are merged (e.g. one medical check-up). SELECTION items come first.
 *
 * Pure and deterministic: the same input always gives the same output.
 */
import { DomainError, type Messages } from '../shared/domain-error';
import { invalidText, textRef, type Text } from '../shared/text';
import { rendered } from '../messages/render';
import { compareDates, isIsoDate, parseIsoDate, type IsoDate } from '../shared/local-date';
import { isOneOf, OCCUPATIONS, type Occupation, type Route } from '../shared/vocabulary';
import {
  EDUCATION_LEVELS,
  parameterSnapshot,
  type ParameterDescription,
  type ParameterId,
  type ParameterOverlay,
  type ParameterSnapshot,
  type RouteStatus,
} from '../parameters';
import type { CandidateProfile } from './candidate-profile';
import { maxTopikLevel } from './korean-tests';
import type {
  ChecklistActionKind,
  EligibilityAction,
  EligibilityOpening,
  EligibilityStage,
  OpeningRequirements,
  RuleContext,
  RuleDetails,
  RuleOutcomeKind,
} from './rule';
import { ELIGIBILITY_RULES, isEligibilityRuleId } from './rule-catalog';
import { assertRoute, eligibilityRuleSetAsOf, type EligibilityRouteDefinition, type EligibilityRuleSetEntry } from './rule-sets';
import { assertParamsOrOverlays } from './params-or-overlays';
import { leanValidateCandidateProfile, PROFILE_MAX_STRING_LENGTH } from './validate-candidate-profile';

/** A "what-if" change to a rule set (e.g. the city waives a rule): applied on top, never edits the base. */
export interface EligibilityRuleOverlay {
  readonly name: string;
  readonly description: Messages;
  /** Rules to drop from the rule set. */
  readonly removeRules?: readonly string[];
  /** Rules to add, or to move to another stage when already present. */
  readonly addRules?: readonly EligibilityRuleSetEntry[];
}

export interface EvaluateEligibilityInput {
  /** Validated here (`validateCandidateProfile` with `nikCheck: 'TYPE_ONLY'`). */
  readonly profile: CandidateProfile;
  readonly route: Route;
  readonly asOf: IsoDate;
  readonly opening?: EligibilityOpening;
  /** A snapshot to use (its `asOf` must equal `asOf`); otherwise one is taken on `asOf`. */
  readonly params?: ParameterSnapshot;
  /** Parameter overlays for the snapshot taken here (not allowed together with `params`). */
  readonly overlays?: readonly ParameterOverlay[];
  readonly ruleOverlays?: readonly EligibilityRuleOverlay[];
  /** Months the passport must remain valid after the planned departure. Default 0 (DOMAIN.md gives none). */
  readonly passportMarginMonths?: number;
}

/** `M`: `Messages` in what `evaluateEligibility` returns, `Text` in what `leanEvaluateEligibility` returns (issue 14). */
export interface EligibilityRuleResult<M extends Text = Messages> {
  readonly ruleId: string;
  readonly clause: string;
  readonly title: M;
  readonly stage: EligibilityStage;
  readonly outcome: RuleOutcomeKind;
  readonly code: string;
  readonly message: M;
  /** `true` for `missing` and for a fail the candidate can fix; `false` for `pass` and final fails. */
  readonly fixable: boolean;
  readonly action?: EligibilityAction<M>;
  readonly inputs: readonly string[];
  readonly parameters: readonly ParameterId[];
  readonly details?: RuleDetails;
}

export interface EligibilitySkippedRule<M extends Text = Messages> {
  readonly ruleId: string;
  readonly clause: string;
  readonly title: M;
  readonly stage: EligibilityStage;
  readonly reason: M;
}

export interface EligibilityChecklistItem<M extends Text = Messages> {
  readonly key: string;
  readonly kind: ChecklistActionKind;
  /** SELECTION when any rule behind it is needed for selection. */
  readonly stage: EligibilityStage;
  readonly message: M;
  readonly ruleIds: readonly string[];
  readonly codes: readonly string[];
  readonly dueBy?: IsoDate;
  readonly notBefore?: IsoDate;
}

export type EligibilitySelectionStatus = 'ELIGIBLE' | 'ACTION_NEEDED' | 'INELIGIBLE';
export type EligibilityDepartureStatus = 'READY' | 'ACTION_NEEDED' | 'INELIGIBLE';

export interface EligibilityVerdict<M extends Text = Messages> {
  readonly selection: EligibilitySelectionStatus;
  readonly departure: EligibilityDepartureStatus;
  readonly eligibleToBeSelected: boolean;
  readonly readyToDepart: boolean;
  /** Rules that fail and cannot be fixed. */
  readonly finalFailures: readonly string[];
  readonly counts: { readonly pass: number; readonly fail: number; readonly missing: number; readonly skipped: number };
  readonly summary: M;
}

export type EligibilityParameterUsed = ParameterDescription;

export interface EligibilityEvaluation<M extends Text = Messages> {
  readonly asOf: IsoDate;
  readonly route: Route;
  readonly ruleSet: {
    readonly id: string;
    readonly effectiveFrom: IsoDate;
    readonly title: M;
    readonly executor: EligibilityRouteDefinition['executor'];
    readonly sectors: readonly Occupation[];
    readonly competenceCertifiers: EligibilityRouteDefinition['competenceCertifiers'];
    readonly sources: readonly string[];
  };
  /** Status of the route on `asOf` (parameter `routes.status`). */
  readonly routeStatus: RouteStatus;
  readonly occupation?: Occupation;
  readonly results: readonly EligibilityRuleResult<M>[];
  readonly skipped: readonly EligibilitySkippedRule<M>[];
  readonly verdict: EligibilityVerdict<M>;
  readonly checklist: readonly EligibilityChecklistItem<M>[];
  /** Parameters read by the rules that ran, with value, effective date and sources. */
  readonly parameters: readonly EligibilityParameterUsed[];
  /** Names of the parameter overlays (of the snapshot) and rule overlays applied. */
  readonly overlays: readonly string[];
}

/** Invalid input: a `DomainError` with its text by reference (the exported functions below render it). */
function fail(code: string, text: Text, path: readonly string[], details?: Record<string, string | number | boolean | null>): never {
  return invalidText(code, text, { path, ...(details ? { details } : {}) });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const OPENING_FIELDS = ['occupation', 'extraRequirements', 'plannedDeparture'];
const REQUIREMENT_FIELDS = ['minEpsTopikScore', 'minTopikLevel', 'minEducation', 'minAge', 'maxAge', 'skillQualification'];

/** Validate an opening; returns a clean copy (nulls dropped). Throws ELIGIBILITY.INVALID_OPENING / ELIGIBILITY.UNKNOWN_OCCUPATION. */
export function validateEligibilityOpening(opening: unknown, params: ParameterSnapshot): EligibilityOpening {
  return rendered(leanValidateEligibilityOpening, opening, params);
}

/** `validateEligibilityOpening`, its errors' texts by reference (issue 14). */
function leanValidateEligibilityOpening(opening: unknown, params: ParameterSnapshot): EligibilityOpening {
  const bad = (path: string[], text: Text): never => fail('ELIGIBILITY.INVALID_OPENING', text, ['opening', ...path]);
  if (!isPlainObject(opening)) return bad([], textRef('ELIGIBILITY.INVALID_OPENING.notObject'));
  for (const k of Object.keys(opening)) if (!OPENING_FIELDS.includes(k)) bad([k], textRef('ELIGIBILITY.INVALID_OPENING.unknownField'));
  if (!isOneOf(OCCUPATIONS, opening['occupation'])) {
    fail('ELIGIBILITY.UNKNOWN_OCCUPATION', textRef('ELIGIBILITY.UNKNOWN_OCCUPATION'), ['opening', 'occupation'], { allowed: OCCUPATIONS.join(',') });
  }
  const out: { occupation: Occupation; extraRequirements?: OpeningRequirements; plannedDeparture?: IsoDate } = {
    occupation: opening['occupation'] as Occupation,
  };
  const pd = opening['plannedDeparture'];
  if (pd !== undefined && pd !== null) {
    if (!isIsoDate(pd)) return bad(['plannedDeparture'], textRef('ELIGIBILITY.INVALID_OPENING.plannedDeparture'));
    out.plannedDeparture = pd;
  }
  const x = opening['extraRequirements'];
  if (x !== undefined && x !== null) {
    if (!isPlainObject(x)) return bad(['extraRequirements'], textRef('ELIGIBILITY.INVALID_OPENING.extraRequirements'));
    const p = ['extraRequirements'];
    for (const k of Object.keys(x)) if (!REQUIREMENT_FIELDS.includes(k)) bad([...p, k], textRef('ELIGIBILITY.INVALID_OPENING.unknownRequirement'));
    const req: Record<string, unknown> = {};
    const int = (k: string, min: number, max: number) => {
      const v = x[k];
      if (v === undefined || v === null) return;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        bad([...p, k], textRef('ELIGIBILITY.INVALID_OPENING.wholeNumber', min, max));
      }
      req[k] = v;
    };
    if (x['minEpsTopikScore'] !== undefined && x['minEpsTopikScore'] !== null) int('minEpsTopikScore', 0, params.get('eps.topikMaxScore'));
    if (x['minTopikLevel'] !== undefined && x['minTopikLevel'] !== null) int('minTopikLevel', 1, maxTopikLevel(params.get('topik.levels')));
    int('minAge', 0, Number.MAX_SAFE_INTEGER);
    int('maxAge', 0, Number.MAX_SAFE_INTEGER);
    if (typeof req['minAge'] === 'number' && typeof req['maxAge'] === 'number' && req['minAge'] > req['maxAge']) {
      bad([...p, 'maxAge'], textRef('ELIGIBILITY.INVALID_OPENING.maxAgeBelowMin'));
    }
    const edu = x['minEducation'];
    if (edu !== undefined && edu !== null) {
      if (!isOneOf(EDUCATION_LEVELS, edu)) bad([...p, 'minEducation'], textRef('ELIGIBILITY.INVALID_OPENING.education'));
      req['minEducation'] = edu;
    }
    const q = x['skillQualification'];
    if (q !== undefined && q !== null) {
      if (typeof q !== 'string' || q.trim() === '' || q.length > PROFILE_MAX_STRING_LENGTH) {
        bad([...p, 'skillQualification'], textRef('ELIGIBILITY.INVALID_OPENING.qualification'));
      }
      req['skillQualification'] = q;
    }
    out.extraRequirements = req as OpeningRequirements;
  }
  return out;
}

/** The rule set's entries with the overlays applied (ELIGIBILITY.INVALID_OVERLAY, ELIGIBILITY.UNKNOWN_RULE). */
export function applyEligibilityRuleOverlays(entries: readonly EligibilityRuleSetEntry[], overlays: readonly EligibilityRuleOverlay[]): EligibilityRuleSetEntry[] {
  return rendered(leanApplyEligibilityRuleOverlays, entries, overlays);
}

/** `applyEligibilityRuleOverlays`, its errors' texts by reference (issue 14). */
function leanApplyEligibilityRuleOverlays(entries: readonly EligibilityRuleSetEntry[], overlays: readonly EligibilityRuleOverlay[]): EligibilityRuleSetEntry[] {
  let result = [...entries];
  overlays.forEach((o, i) => {
    const path = ['ruleOverlays', String(i)];
    if (!isPlainObject(o) || typeof o.name !== 'string' || o.name.trim() === '') {
      fail('ELIGIBILITY.INVALID_OVERLAY', textRef('ELIGIBILITY.INVALID_OVERLAY'), path);
    }
    for (const id of o.removeRules ?? []) {
      if (!isEligibilityRuleId(id)) fail('ELIGIBILITY.UNKNOWN_RULE', textRef('ELIGIBILITY.UNKNOWN_RULE'), [...path, 'removeRules'], { ruleId: String(id) });
      result = result.filter((e) => e.ruleId !== id);
    }
    for (const add of o.addRules ?? []) {
      if (!isEligibilityRuleId(add.ruleId)) fail('ELIGIBILITY.UNKNOWN_RULE', textRef('ELIGIBILITY.UNKNOWN_RULE'), [...path, 'addRules'], { ruleId: String(add.ruleId) });
      if (add.stage !== 'SELECTION' && add.stage !== 'DEPARTURE') fail('ELIGIBILITY.INVALID_OVERLAY', textRef('ELIGIBILITY.INVALID_OVERLAY.stage'), [...path, 'addRules']);
      const at = result.findIndex((e) => e.ruleId === add.ruleId);
      if (at >= 0) result[at] = { ruleId: add.ruleId, stage: add.stage };
      else result.push({ ruleId: add.ruleId, stage: add.stage });
    }
  });
  return result;
}

/** The snapshot an evaluation uses: `params` (taken on `asOf`) or one taken with `overlays`. */
export function resolveEligibilityParams(input: Omit<EvaluateEligibilityInput, 'profile'>, asOf: IsoDate): ParameterSnapshot {
  return rendered(leanResolveEligibilityParams, input, asOf);
}

/** `resolveEligibilityParams`, its errors' texts by reference (issue 14). */
function leanResolveEligibilityParams(input: Omit<EvaluateEligibilityInput, 'profile'>, asOf: IsoDate): ParameterSnapshot {
  assertParamsOrOverlays(input);
  if (input.params !== undefined) {
    if (input.params.asOf !== asOf) {
      fail('ELIGIBILITY.SNAPSHOT_DATE_MISMATCH', textRef('ELIGIBILITY.SNAPSHOT_DATE_MISMATCH'), ['params', 'asOf']);
    }
    return input.params;
  }
  return parameterSnapshot(asOf, input.overlays ?? []);
}

function buildChecklist(results: readonly EligibilityRuleResult<Text>[]): EligibilityChecklistItem<Text>[] {
  type Acc = {
    key: string;
    kind: ChecklistActionKind;
    stage: EligibilityStage;
    /** The actions' texts: the item's text is the distinct ones, joined (CHECKLIST.ACTIONS). */
    messages: Text[];
    ruleIds: string[];
    codes: string[];
    dueBy?: IsoDate;
    notBefore?: IsoDate;
    order: number;
  };
  const groups = new Map<string, Acc>();
  results.forEach((r, order) => {
    if (r.action === undefined) return;
    const a = r.action;
    const key = a.key ?? r.ruleId;
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, kind: a.kind, stage: r.stage, messages: [], ruleIds: [], codes: [], order };
      groups.set(key, g);
    }
    if (r.stage === 'SELECTION') g.stage = 'SELECTION';
    g.messages.push(a.message);
    g.ruleIds.push(r.ruleId);
    if (!g.codes.includes(r.code)) g.codes.push(r.code);
    if (a.dueBy !== undefined && (g.dueBy === undefined || compareDates(a.dueBy, g.dueBy) < 0)) g.dueBy = a.dueBy;
    if (a.notBefore !== undefined && (g.notBefore === undefined || compareDates(a.notBefore, g.notBefore) > 0)) g.notBefore = a.notBefore;
  });
  return [...groups.values()]
    .sort((a, b) => (a.stage === b.stage ? a.order - b.order : a.stage === 'SELECTION' ? -1 : 1))
    .map((g) => ({
      key: g.key,
      kind: g.kind,
      stage: g.stage,
      message: textRef('CHECKLIST.ACTIONS', ...g.messages),
      ruleIds: g.ruleIds,
      codes: g.codes,
      ...(g.dueBy !== undefined ? { dueBy: g.dueBy } : {}),
      ...(g.notBefore !== undefined ? { notBefore: g.notBefore } : {}),
    }));
}

function buildVerdict(results: readonly EligibilityRuleResult<Text>[], skipped: number, checklistLength: number): EligibilityVerdict<Text> {
  const finalFailures = results.filter((r) => r.outcome === 'fail' && !r.fixable).map((r) => r.ruleId);
  const selectionOpen = results.some((r) => r.stage === 'SELECTION' && r.outcome !== 'pass');
  const allPass = results.every((r) => r.outcome === 'pass');
  const selection: EligibilitySelectionStatus = finalFailures.length > 0 ? 'INELIGIBLE' : selectionOpen ? 'ACTION_NEEDED' : 'ELIGIBLE';
  const departure: EligibilityDepartureStatus = selection === 'INELIGIBLE' ? 'INELIGIBLE' : allPass ? 'READY' : 'ACTION_NEEDED';
  const counts = {
    pass: results.filter((r) => r.outcome === 'pass').length,
    fail: results.filter((r) => r.outcome === 'fail').length,
    missing: results.filter((r) => r.outcome === 'missing').length,
    skipped,
  };
  const summary =
    selection === 'INELIGIBLE'
      ? textRef('VERDICT.INELIGIBLE', finalFailures.length)
      : selection === 'ACTION_NEEDED'
        ? textRef('VERDICT.SELECTION_ACTION_NEEDED', checklistLength)
        : departure === 'ACTION_NEEDED'
          ? textRef('VERDICT.DEPARTURE_ACTION_NEEDED', checklistLength)
          : textRef('VERDICT.READY');
  return {
    selection,
    departure,
    eligibleToBeSelected: selection === 'ELIGIBLE',
    readyToDepart: departure === 'READY',
    finalFailures,
    counts,
    summary,
  };
}

/** Run each rule of the set in order: skipped when not applicable, else its result; and the parameters the rules read. */
function runRules(
  entries: readonly EligibilityRuleSetEntry[],
  ctx: RuleContext,
): { results: EligibilityRuleResult<Text>[]; skipped: EligibilitySkippedRule<Text>[]; used: Set<ParameterId> } {
  const results: EligibilityRuleResult<Text>[] = [];
  const skipped: EligibilitySkippedRule<Text>[] = [];
  const used = new Set<ParameterId>();
  for (const entry of entries) {
    const rule = ELIGIBILITY_RULES[entry.ruleId]!;
    const reason = rule.notApplicable?.(ctx);
    if (reason !== undefined) {
      skipped.push({ ruleId: rule.id, clause: rule.clause, title: rule.title, stage: entry.stage, reason });
      continue;
    }
    const o = rule.evaluate(ctx);
    rule.parameters.forEach((p) => used.add(p));
    results.push({
      ruleId: rule.id,
      clause: rule.clause,
      title: rule.title,
      stage: entry.stage,
      outcome: o.outcome,
      code: o.code,
      message: o.message,
      fixable: o.outcome === 'missing' || (o.outcome === 'fail' && o.fixable),
      ...(o.outcome === 'missing' || (o.outcome === 'fail' && o.fixable) ? { action: o.action } : {}),
      inputs: rule.inputs,
      parameters: rule.parameters,
      ...(o.details !== undefined ? { details: o.details } : {}),
    });
  }
  return { results, skipped, used };
}

/** Evaluate a candidate against a route's rules as of a date (see the top of this file). */
export function evaluateEligibility(input: EvaluateEligibilityInput): EligibilityEvaluation {
  return rendered(leanEvaluateEligibility, input);
}

/**
 * `evaluateEligibility` with the texts by reference (`TextRef`, issue 14): the same result, codes and
 * details, but no prose in this function's code; `renderTexts` (`@jembatan/domain/messages`) gives
 * what `evaluateEligibility` returns. A `DomainError` it throws for invalid input (the input, the
 * profile, the opening, the overlays) has its texts by reference too (`renderError` renders it); the
 * errors of the shared helpers (dates, parameters) carry their `Messages`.
 */
export function leanEvaluateEligibility(input: EvaluateEligibilityInput): EligibilityEvaluation<Text> {
  if (!isPlainObject(input)) fail('ELIGIBILITY.INVALID_INPUT', textRef('ELIGIBILITY.INVALID_INPUT'), []);
  assertRoute(input.route);
  const asOf = parseIsoDate(input.asOf, ['asOf']);
  const margin = input.passportMarginMonths ?? 0;
  if (typeof margin !== 'number' || !Number.isInteger(margin) || margin < 0) {
    fail('ELIGIBILITY.INVALID_MARGIN', textRef('ELIGIBILITY.INVALID_MARGIN'), [
      'passportMarginMonths',
    ]);
  }
  const { definition, effectiveFrom } = eligibilityRuleSetAsOf(input.route, asOf);
  const params = leanResolveEligibilityParams(input, asOf);

  const validated = leanValidateCandidateProfile(input.profile, { asOf, params, nikCheck: 'TYPE_ONLY' });
  if (!validated.ok) throw new DomainError<Text>({ ...validated.error, path: ['profile', ...(validated.error.path ?? [])] });
  const profile = validated.value;

  const opening = input.opening === undefined || input.opening === null ? undefined : leanValidateEligibilityOpening(input.opening, params);
  const entries = leanApplyEligibilityRuleOverlays(definition.entries, input.ruleOverlays ?? []);
  const plannedDeparture = opening?.plannedDeparture ?? profile.plannedDeparture;
  const ctx: RuleContext = {
    profile,
    route: input.route,
    asOf,
    params,
    routeDefinition: definition,
    ...(opening !== undefined ? { opening } : {}),
    ...(plannedDeparture !== undefined ? { plannedDeparture } : {}),
    passportMarginMonths: margin,
  };

  const { results, skipped, used } = runRules(entries, ctx);
  const checklist = buildChecklist(results);
  const verdict = buildVerdict(results, skipped.length, checklist.length);
  const routeStatus = params.get('routes.status')[input.route];
  return {
    asOf,
    route: input.route,
    ruleSet: {
      id: definition.id,
      effectiveFrom,
      title: definition.title,
      executor: definition.executor,
      sectors: definition.sectors,
      competenceCertifiers: definition.competenceCertifiers,
      sources: definition.sources,
    },
    routeStatus,
    ...(opening !== undefined ? { occupation: opening.occupation } : {}),
    results,
    skipped,
    verdict,
    checklist,
    parameters: [...used].sort().map((id) => params.describe(id)),
    overlays: [...params.overlays, ...(input.ruleOverlays ?? []).map((o) => o.name)],
  };
}
