/**
 * The lean eligibility evaluation (`@jembatan/domain/calculators`) and the messages entry's renderer
 * (issue 14): the lean result carries the texts by reference, and rendering it (even after a trip
 * through JSON, e.g. from a web worker or a cache) gives exactly what `evaluateEligibility` returns.
 * The texts themselves are checked by the eligibility tests, which read `evaluateEligibility`.
 */
import fc from 'fast-check';
import { evaluateEligibility, leanEvaluateEligibility, type EligibilityEvaluation, type EvaluateEligibilityInput } from '../eligibility/evaluate-eligibility';
import { completeProfile } from '../eligibility/__tests__/fixtures';
import { asOfArb, openingArb, profileArb, routeArb } from '../eligibility/__tests__/arbitraries';
import type { Messages } from '../shared/domain-error';
import { isTextRef, textRef, type Text } from '../shared/text';
import { TEXTS } from './catalog';
import { ELIGIBILITY_RULE_TEXTS } from './eligibility-rule-texts';
import { ELIGIBILITY_TEXTS } from './eligibility-texts';
import { COST_TEXTS } from './cost-texts';
import { FINANCING_TEXTS } from './financing-texts';
import { PROFILE_TEXTS } from './profile-texts';
import { IDENTITY_TEXTS } from './identity-texts';
import { estimateCosts, leanEstimateCosts, type CostEstimate, type CostEstimateInput } from '../costs/estimate-costs';
import { GRID_DATES, GRID_INPUTS } from '../costs/__tests__/estimate-grid';
import { money } from '../money/money';
import { parameterSnapshot } from '../parameters/parameter-snapshot';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import { ELIGIBILITY_RULE_SETS } from '../eligibility/rule-sets';
import { kurPenempatanProduct } from '../financing/kur-penempatan.product';
import { leanScheduleLoan, scheduleLoan } from '../financing/schedule-loan';
import type { LoanRequest } from '../financing/check-loan-request';
import { renderError, renderText, renderTexts } from './render';
import { DomainError } from '../shared/domain-error';

/** Generated profiles, half of them on top of a complete one (so that rules pass as well as fail). */
const inputArb: fc.Arbitrary<EvaluateEligibilityInput> = fc
  .record({ profile: profileArb, complete: fc.boolean(), route: routeArb, asOf: asOfArb, opening: openingArb, margin: fc.integer({ min: 0, max: 12 }) })
  .map(({ profile, complete, opening, margin, ...rest }) => ({
    ...rest,
    profile: complete ? { ...completeProfile(), ...profile } : profile,
    passportMarginMonths: margin,
    ...(opening === undefined ? {} : { opening }),
  }));

/** Evaluations of generated inputs that the evaluation accepts (invalid profiles throw, in both). */
function evaluated(input: EvaluateEligibilityInput): { full: EligibilityEvaluation; lean: EligibilityEvaluation<Text> } | undefined {
  try {
    return { full: evaluateEligibility(input), lean: leanEvaluateEligibility(input) };
  } catch (e) {
    expectSameError(e, () => leanEvaluateEligibility(input));
    return undefined;
  }
}

/** Errors the lean functions threw with their texts by reference (invalid profiles, openings, inputs). */
let errorsByReference = 0;

/** The lean function throws the error the full one threw, once rendered (after a JSON round trip of its data, too). */
function expectSameError(full: unknown, lean: () => unknown): void {
  let thrown: unknown;
  try {
    lean();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(full).toBeInstanceOf(DomainError);
  if (isTextRef((thrown as DomainError<Text>).messages)) errorsByReference += 1;
  const f = full as DomainError;
  const r = renderError(thrown) as DomainError;
  expect([r.message, r.toJSON()]).toEqual([f.message, f.toJSON()]);
  expect(renderTexts(JSON.parse(JSON.stringify((thrown as DomainError<Text>).toJSON())) as unknown)).toEqual(JSON.parse(JSON.stringify(f.toJSON())));
}

/** Every text of an evaluation, in order. */
function textsOf(e: EligibilityEvaluation<Text>): Text[] {
  return [
    ...e.results.flatMap((r) => [r.title, r.message, ...(r.action ? [r.action.message] : [])]),
    ...e.skipped.flatMap((s) => [s.title, s.reason]),
    ...e.checklist.map((c) => c.message),
    e.verdict.summary,
  ];
}

/** Not by reference yet: the route-sector message (rule-sets.ts, with the vocabulary's labels); the rule set's title. */
const RENDERED_YET = /^ROUTE\.OCCUPATION_NOT_IN_SECTORS$/;

/** The texts of the evaluation that the eligibility rules and the evaluation write themselves. */
function ownTextsOf(e: EligibilityEvaluation<Text>): Text[] {
  return [
    ...e.results.flatMap((r) => [r.title, ...(RENDERED_YET.test(r.code) ? [] : [r.message]), ...(r.action ? [r.action.message] : [])]),
    ...e.skipped.flatMap((s) => [s.title, s.reason]),
    ...e.checklist.map((c) => c.message),
    e.verdict.summary,
  ];
}

const RUNS = { numRuns: 200 };

describe('the messages catalog', () => {
  it('is the union of the areas’ texts, no key in two of them (a spread would drop one silently)', () => {
    const areas = [ELIGIBILITY_RULE_TEXTS, ELIGIBILITY_TEXTS, COST_TEXTS, FINANCING_TEXTS, PROFILE_TEXTS, IDENTITY_TEXTS].map((a) => Object.keys(a));
    const all = areas.flat();
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    expect(Object.keys(TEXTS).sort()).toEqual([...all].sort());
  });
});

describe('lean eligibility results and renderTexts', () => {
  it('render, after a JSON round trip, to exactly what evaluateEligibility returns', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = evaluated(input);
        if (r === undefined) return;
        const lean = JSON.parse(JSON.stringify(r.lean)) as EligibilityEvaluation<Text>;
        expect(renderTexts(lean)).toEqual(r.full);
        expect(JSON.stringify(renderTexts(lean))).toBe(JSON.stringify(r.full));
      }),
      RUNS,
    );
    expect(errorsByReference).toBeGreaterThan(0);
  });

  it('carry the rules’ texts, the checklist and the summary by reference only, and agree with the full result elsewhere', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = evaluated(input);
        if (r === undefined) return;
        expect(ownTextsOf(r.lean).filter((t) => !isTextRef(t))).toEqual([]);
        const texts = textsOf(r.lean);
        const rendered = texts.map(renderText);
        expect(textsOf(r.full)).toEqual(rendered);
        // every rendered text is prose in both languages, with nothing missing interpolated
        for (const m of rendered) {
          expect(m.id.trim()).not.toBe('');
          expect(m.en.trim()).not.toBe('');
          expect(`${m.id} ${m.en}`).not.toMatch(/undefined|null|NaN|\[object/);
        }
        // without the texts, the two results are the same (codes, details, verdict, parameters)
        const withoutTexts = (e: EligibilityEvaluation<Text>) => JSON.parse(JSON.stringify(e, (_k, v: unknown) => (isTextRef(v) || isMessages(v) ? 'TEXT' : v))) as unknown;
        expect(withoutTexts(r.lean)).toEqual(withoutTexts(r.full));
      }),
      RUNS,
    );
  });

  it('renders a text inside a text first, and keeps rendered texts and other values as they are', () => {
    const label: Messages = { id: 'Paspor', en: 'passport' };
    expect(renderText(textRef('DOCUMENT.EXPIRED', textRef('docs.passport.label'), '2026-01-31'))).toEqual(
      (TEXTS['DOCUMENT.EXPIRED'] as (l: Messages, d: string) => Messages)(label, '2026-01-31'),
    );
    expect(renderText(label)).toBe(label);
    const untouched = Object.freeze({ amount: 5, nested: Object.freeze([label]) });
    expect(renderTexts({ a: untouched }).a).toBe(untouched);
    const frozen = renderTexts(Object.freeze({ label: textRef('docs.passport.label'), list: Object.freeze([textRef('docs.passport.label')]) }));
    expect(frozen).toEqual({ label, list: [label] });
    expect(Object.isFrozen(frozen) && Object.isFrozen(frozen.list)).toBe(true);
    expect(Object.isFrozen(renderTexts({ label: textRef('docs.passport.label') }))).toBe(false);
  });

  it('joins the distinct texts of a checklist item’s actions, per language', () => {
    const a: Messages = { id: 'Satu.', en: 'One.' };
    const b: Messages = { id: 'Dua.', en: 'One.' };
    expect(renderText(textRef('CHECKLIST.ACTIONS', a, b, a))).toEqual({ id: 'Satu. Dua.', en: 'One.' });
  });
});

/** Cost estimate inputs: every route and occupation, contract lengths, options, inputs, a caller's line. */
const costInputArb = fc.record({
  asOf: fc.constantFrom(...GRID_DATES),
  input: fc.record({
    route: fc.constantFrom(...ROUTES),
    /** Mostly one of the route's sectors (other occupations are refused), sometimes any. */
    occupation: fc.oneof(fc.nat().map((i) => ({ sector: i })), fc.constantFrom(...OCCUPATIONS)),
    contractMonths: fc.integer({ min: 1, max: 120 }),
    passport: fc.constantFrom('ELECTRONIC' as const, 'REGULAR' as const),
    includeKoreanCourse: fc.boolean(),
    inputs: fc.constantFrom(...Object.values(GRID_INPUTS)),
    additionalLines: fc.constantFrom(undefined, [
      { id: 'uniformFee', category: 'OTHER' as const, label: { id: 'Seragam', en: 'Uniform' }, amount: money(150_000, 'IDR'), statedBy: 'test' },
    ]),
  }),
});

function estimated(asOf: string, input: CostEstimateInput): { full: CostEstimate; lean: CostEstimate<Text> } | undefined {
  const params = parameterSnapshot(asOf);
  try {
    return { full: estimateCosts(input, params), lean: leanEstimateCosts(input, params) };
  } catch (e) {
    expectSameError(e, () => leanEstimateCosts(input, params));
    return undefined;
  }
}

function costInput(raw: Record<string, unknown> & { route: Route; occupation: Occupation | { sector: number } }): CostEstimateInput {
  const sectors = Object.values(ELIGIBILITY_RULE_SETS[raw.route]).find((d) => d !== null)?.sectors ?? OCCUPATIONS;
  const occupation = typeof raw.occupation === 'string' ? raw.occupation : sectors[raw.occupation.sector % sectors.length]!;
  return Object.fromEntries(Object.entries({ ...raw, occupation }).filter(([, v]) => v !== undefined)) as unknown as CostEstimateInput;
}

describe('lean cost estimates and renderTexts', () => {
  it('render, after a JSON round trip, to exactly what estimateCosts returns (frozen as it is)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(costInputArb, ({ asOf, input }) => {
        const r = estimated(asOf, costInput(input));
        if (r === undefined) return;
        accepted += 1;
        const lean = JSON.parse(JSON.stringify(r.lean)) as CostEstimate<Text>;
        expect(JSON.stringify(renderTexts(lean))).toBe(JSON.stringify(r.full));
        const rendered = renderTexts(r.lean);
        expect(rendered).toEqual(r.full);
        expect([rendered, rendered.lines, ...rendered.lines, rendered.warnings].every((o) => Object.isFrozen(o))).toBe(true);
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 3);
  });

  it('carry the standard lines’ labels, their notes and the warnings by reference', () => {
    fc.assert(
      fc.property(costInputArb, ({ asOf, input }) => {
        const r = estimated(asOf, costInput(input));
        if (r === undefined) return;
        const standard = r.lean.lines.filter((l) => l.id !== 'uniformFee' && !(l.id === 'koreanCourse' && l.source.statedBy !== undefined));
        const texts = [...standard.flatMap((l) => [l.label, ...(l.source.note ? [l.source.note] : [])]), ...r.lean.warnings.map((w) => w.message)];
        expect(texts.filter((t) => !isTextRef(t))).toEqual([]);
        for (const m of texts.map(renderText)) expect(`${m.id} ${m.en}`).not.toMatch(/undefined|null|NaN|\[object/);
      }),
      RUNS,
    );
  });
});

/** KUR requests within and beyond the product's terms (most break one or more: every reason code). */
const loanArb = fc.record({
  asOf: fc.constantFrom('2024-01-01', '2025-06-01', '2026-03-01', '2027-01-01'),
  amount: fc.integer({ min: 1, max: 200_000_000 }),
  tenorMonths: fc.integer({ min: 1, max: 72 }),
  graceMonths: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  graceInterest: fc.option(fc.constantFrom('PAID' as const, 'CAPITALISED' as const), { nil: undefined }),
  contractMonths: fc.integer({ min: 1, max: 60 }),
  hasNpwp: fc.option(fc.boolean(), { nil: undefined }),
  placementCosts: fc.option(fc.integer({ min: 1, max: 100_000_000 }), { nil: undefined }),
});

describe('lean loan checks and schedules and renderTexts', () => {
  it('render, after a JSON round trip, to exactly what scheduleLoan returns; reasons and warnings by reference', () => {
    let accepted = 0;
    fc.assert(
      fc.property(loanArb, ({ asOf, amount, placementCosts, ...rest }) => {
        const request = Object.fromEntries(
          Object.entries({ ...rest, amount: money(amount, 'IDR'), placementCosts: placementCosts === undefined ? undefined : money(placementCosts, 'IDR') }).filter(([, v]) => v !== undefined),
        ) as unknown as LoanRequest;
        const product = kurPenempatanProduct(parameterSnapshot(asOf));
        const full = scheduleLoan(product, request);
        const lean = leanScheduleLoan(product, request);
        expect(JSON.stringify(renderTexts(JSON.parse(JSON.stringify(lean)) as typeof lean))).toBe(JSON.stringify(full));
        expect(renderTexts(lean)).toEqual(full);
        const texts = lean.ok ? lean.value.terms.warnings.map((w) => w.message) : [lean.error.message, ...lean.error.reasons.map((r) => r.message)];
        expect(texts.filter((t) => !isTextRef(t))).toEqual([]);
        if (lean.ok) accepted += 1;
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

function isMessages(v: unknown): v is Messages {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { en?: unknown }).en === 'string' && Object.keys(v).length === 2;
}
