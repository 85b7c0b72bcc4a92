/**
 * The verdict-only path of eligibility (issue 11): for ranking and re-evaluating many candidates.
 *
 * `compileEligibility` takes everything of an evaluation except the profile (route, as-of date,
 * opening, parameters or overlays, rule overlays, passport margin), validates it as
 * `evaluateEligibility` does (same errors), and does once what depends only on it: the rule set in
 * force and its overlays, the parameter snapshot, which rules are skipped, the outcome of the rules
 * that read no profile data (route open, occupation in the route's sectors), every threshold (ages as
 * birth-date cuts, score floors, education ranks). It returns a function from a profile to its
 * verdict that builds no text, no per-rule result and no checklist: the same selection and departure
 * status, failing rules and final failures as `evaluateEligibility(...).verdict` for that profile,
 * which the fast-check property in compile-eligibility.test.ts checks for generated profiles,
 * openings, routes and dates. Ask `evaluateEligibility` when the explanation is wanted.
 *
 * The profile must be valid: `validateCandidateProfile` accepts it (as the gateway stores it) and it
 * holds no nulls. The compiled function does not validate it (that is most of the full evaluation's
 * cost); given an invalid profile its answer is unspecified, where `evaluateEligibility` throws.
 */
import type { ParameterSnapshot } from '../parameters';
import { addMonths, parseIsoDate, type IsoDate } from '../shared/local-date';
import type { Route } from '../shared/vocabulary';
import type { CandidateProfile } from './candidate-profile';
import {
  applyEligibilityRuleOverlays,
  resolveEligibilityParams,
  validateEligibilityOpening,
  type EligibilityDepartureStatus,
  type EligibilitySelectionStatus,
  type EvaluateEligibilityInput,
} from './evaluate-eligibility';
import { invalid } from '../shared/domain-error';
import type { EligibilityOpening, RuleContext } from './rule';
import { ELIGIBILITY_RULES } from './rule-catalog';
import { assertRoute, eligibilityRuleSetAsOf } from './rule-sets';
import { dateNumbers, VerdictOutcome, VerdictScratch, verdictClassifiers, type VerdictClassifier } from './verdict-rules';
import type { PreparedCandidateProfiles } from './prepared-profiles';
import { preparedPlan, type PreparedVerdicts, type QuickVerdictFields } from './prepared-verdicts';

/** The input of `compileEligibility`: an evaluation input without the profile. */
export type CompileEligibilityInput = Omit<EvaluateEligibilityInput, 'profile'>;

/** A verdict without its explanation: equal to the matching parts of `evaluateEligibility(...).verdict`. */
export type EligibilityQuickVerdict = QuickVerdictFields;

export interface CompiledEligibility {
  (profile: CandidateProfile): EligibilityQuickVerdict;
  readonly route: Route;
  readonly asOf: IsoDate;
  /** The snapshot every verdict uses. */
  readonly params: ParameterSnapshot;
  /** The opening as validated (nulls dropped). */
  readonly opening?: EligibilityOpening;
  /** Rules evaluated for every profile, in order (the skipped ones excluded). */
  readonly ruleIds: readonly string[];
  /** Rules of `ruleIds` that have no verdict-only twin and run their full `evaluate` (none today). */
  readonly fullEvaluationRuleIds: readonly string[];
  /**
   * The verdicts of a whole prepared pool (`prepareCandidateProfiles`, prepared once and reused for
   * every route, opening and date): row i is the verdict `this(prepared.profiles[i])` gives, as
   * typed columns and bit sets (prepared-verdicts.ts), with no per-candidate allocation.
   */
  evaluatePrepared(prepared: PreparedCandidateProfiles): PreparedVerdicts;
}

const EMPTY: readonly string[] = Object.freeze([]);

function outcomeClass(o: ReturnType<(typeof ELIGIBILITY_RULES)[string]['evaluate']>): VerdictOutcome {
  if (o.outcome === 'pass') return VerdictOutcome.PASS;
  if (o.outcome === 'missing') return VerdictOutcome.MISSING;
  return o.fixable ? VerdictOutcome.FIXABLE_FAIL : VerdictOutcome.FINAL_FAIL;
}

interface Prepared {
  readonly ctx: Omit<RuleContext, 'profile' | 'plannedDeparture'>;
  readonly entries: readonly { readonly ruleId: string; readonly stage: 'SELECTION' | 'DEPARTURE' }[];
}

/** The checks and look-ups `evaluateEligibility` does before reading the profile (same errors, same order). */
function prepare(input: CompileEligibilityInput): Prepared {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid('ELIGIBILITY.INVALID_INPUT', 'Masukan harus berupa objek.', 'The input must be an object.', { path: [] });
  }
  assertRoute(input.route);
  const asOf = parseIsoDate(input.asOf, ['asOf']);
  const margin = input.passportMarginMonths ?? 0;
  if (typeof margin !== 'number' || !Number.isInteger(margin) || margin < 0) {
    invalid('ELIGIBILITY.INVALID_MARGIN', 'Margin masa berlaku paspor harus bilangan bulat bulan ≥ 0.', 'The passport margin must be a whole number of months ≥ 0.', {
      path: ['passportMarginMonths'],
    });
  }
  const { definition } = eligibilityRuleSetAsOf(input.route, asOf);
  const params = resolveEligibilityParams(input, asOf);
  const opening = input.opening === undefined || input.opening === null ? undefined : validateEligibilityOpening(input.opening, params);
  const entries = applyEligibilityRuleOverlays(definition.entries, input.ruleOverlays ?? []);
  const ctx = { route: input.route, asOf, params, routeDefinition: definition, ...(opening !== undefined ? { opening } : {}), passportMarginMonths: margin };
  return { ctx, entries };
}

/** The dates documents must still be valid on (document.rule.ts `documentNeededOn`), per profile unless the opening fixes the departure. */
function documentDates(ctx: Prepared['ctx']): (p: CandidateProfile) => { readonly other: IsoDate; readonly passport: IsoDate } {
  const { asOf, passportMarginMonths: margin } = ctx;
  const of = (planned: IsoDate | undefined) => {
    const departure = planned !== undefined && planned > asOf ? planned : asOf;
    return { other: departure, passport: margin === 0 ? departure : addMonths(departure, margin) };
  };
  const fixed = ctx.opening?.plannedDeparture;
  if (fixed !== undefined) {
    const dates = of(fixed);
    return () => dates;
  }
  const none = of(undefined);
  return (p) => (p.plannedDeparture === undefined || p.plannedDeparture <= asOf ? none : of(p.plannedDeparture));
}

interface Plan {
  readonly ids: string[];
  readonly selection: boolean[];
  readonly classifiers: VerdictClassifier[];
  readonly fullEvaluation: string[];
  /** Index in `ids` → the outcome of a rule that reads no profile data. */
  readonly constant: Map<number, VerdictOutcome>;
}

/** The full `evaluate` of a rule with no twin, for one profile. */
function fullEvaluation(ruleId: string, ctx: Prepared['ctx']): VerdictClassifier {
  const rule = ELIGIBILITY_RULES[ruleId]!;
  return (s) => {
    const plannedDeparture = ctx.opening?.plannedDeparture ?? s.profile.plannedDeparture;
    return outcomeClass(rule.evaluate({ ...ctx, profile: s.profile, ...(plannedDeparture !== undefined ? { plannedDeparture } : {}) }));
  };
}

const PROFILE_INDEPENDENT = new Set(['route.open', 'route.occupation']);

function plan(p: Prepared): Plan {
  const twins = verdictClassifiers(p.ctx);
  const out: Plan = { ids: [], selection: [], classifiers: [], fullEvaluation: [], constant: new Map() };
  for (const entry of p.entries) {
    const rule = ELIGIBILITY_RULES[entry.ruleId]!;
    // notApplicable reads only the opening and the route (never the profile): decided once
    if (rule.notApplicable?.({ ...p.ctx, profile: {} }) !== undefined) continue;
    const selection = entry.stage === 'SELECTION';
    let classifier: VerdictClassifier | undefined;
    if (PROFILE_INDEPENDENT.has(rule.id)) {
      // reads the route and the opening only: its outcome is known now
      const known = outcomeClass(rule.evaluate({ ...p.ctx, profile: {} }));
      out.constant.set(out.ids.length, known);
      classifier = () => known;
    } else {
      classifier = twins(rule.id);
    }
    if (classifier === undefined) {
      out.fullEvaluation.push(rule.id);
      classifier = fullEvaluation(rule.id, p.ctx);
    }
    out.ids.push(rule.id);
    out.selection.push(selection);
    out.classifiers.push(classifier);
  }
  return out;
}

/** Compile the verdict of one route, date, opening and parameter set (see the top of this file). Errors: those of evaluateEligibility's input. */
export function compileEligibility(input: CompileEligibilityInput): CompiledEligibility {
  const prepared = prepare(input);
  const { ctx } = prepared;
  const p = plan(prepared);
  const validity = ctx.params.get('eps.topikValidityMonths');
  const scratch = new VerdictScratch(ctx.asOf, dateNumbers(ctx.asOf), validity, documentDates(ctx));
  const { ids, selection, classifiers } = p;
  const n = ids.length;
  const makeScratch = () => new VerdictScratch(ctx.asOf, dateNumbers(ctx.asOf), validity, documentDates(ctx));
  const verdict = (profile: CandidateProfile): EligibilityQuickVerdict => {
    scratch.reset(profile);
    let failing: string[] | undefined;
    let final: string[] | undefined;
    let selectionOpen = false;
    let departureEvaluated = 0;
    let departurePassed = 0;
    for (let i = 0; i < n; i++) {
      const o = classifiers[i]!(scratch);
      const sel = selection[i]!;
      if (!sel) departureEvaluated++;
      if (o === VerdictOutcome.PASS) {
        if (!sel) departurePassed++;
        continue;
      }
      if (sel) selectionOpen = true;
      (failing ??= []).push(ids[i]!);
      if (o === VerdictOutcome.FINAL_FAIL) (final ??= []).push(ids[i]!);
    }
    return result(failing, final, selectionOpen, departureEvaluated, departurePassed);
  };
  const evaluatePrepared = preparedPlan({ ctx, ids, selection, classifiers, constant: p.constant, objectScratch: makeScratch });
  return Object.assign(verdict, {
    route: ctx.route,
    asOf: ctx.asOf,
    params: ctx.params,
    ...(ctx.opening !== undefined ? { opening: ctx.opening } : {}),
    ruleIds: Object.freeze([...ids]),
    fullEvaluationRuleIds: Object.freeze([...p.fullEvaluation]),
    evaluatePrepared,
  });
}

function result(failing: string[] | undefined, final: string[] | undefined, selectionOpen: boolean, departureEvaluated: number, departurePassed: number): EligibilityQuickVerdict {
  const selection: EligibilitySelectionStatus = final !== undefined && final.length > 0 ? 'INELIGIBLE' : selectionOpen ? 'ACTION_NEEDED' : 'ELIGIBLE';
  const departure: EligibilityDepartureStatus = selection === 'INELIGIBLE' ? 'INELIGIBLE' : failing === undefined || failing.length === 0 ? 'READY' : 'ACTION_NEEDED';
  return {
    selection,
    departure,
    eligibleToBeSelected: selection === 'ELIGIBLE',
    readyToDepart: departure === 'READY',
    failing: failing ?? EMPTY,
    finalFailures: final ?? EMPTY,
    departureEvaluated,
    departurePassed,
  };
}
