/**
 * Cost policies: named sets of rules that decide who pays each cost line. The base policy and the
 * Perban BP2MI 9/2020 exemption always apply; "what-if" overlays (the city pays the Korean course,
 * an APJATI facility covers training) are further policies applied after them, in order, the way
 * OpenFisca reforms sit on a tax-benefit system: they change the result, never the base data.
 *
 * A rule matches lines (by id, category, timing, route, occupation) and moves the parts currently
 * borne by `from` payers (default: the worker) to `payer` — all of them, or `share` of them, at
 * most `cap` per line. Moved amounts are rounded down to the rupiah (what stays with the worker is
 * never understated), and the parts of a line always add up exactly to the line.
 */
import type { Messages } from '../shared/domain-error';
import { invalidText, textRef, type Text } from '../shared/text';
import { rendered } from '../messages/render';
import { OCCUPATIONS, PAYER_KINDS, ROUTES, isOneOf, type Occupation, type PayerKind, type Route } from '../shared/vocabulary';
import { allocateBigInt } from '../money/allocate';
import { assertMoney, moneyFromBigInt, type Money } from '../money/money';
import { ratio, ratioToDecimalString, type Ratio } from '../money/ratio';
import { divideRounded } from '../money/rounding';
import { COST_CATEGORIES, COST_TIMINGS, type CostCategory, type CostTiming, type PayerShare } from './cost-line';

export interface CostPolicyMatch {
  readonly lineIds?: readonly string[];
  readonly categories?: readonly CostCategory[];
  readonly timings?: readonly CostTiming[];
  readonly routes?: readonly Route[];
  readonly occupations?: readonly Occupation[];
}

export interface CostPolicyRule {
  /** Unique within the policy, e.g. "KOREAN_COURSE". */
  readonly id: string;
  /** Every given criterion must hold; an empty match matches every line. */
  readonly match: CostPolicyMatch;
  readonly payer: PayerKind;
  /** Only the parts borne by these payers move. Default ["WORKER"]. */
  readonly from?: readonly PayerKind[];
  /** Share of those parts that moves, 0–1 decimal string. Default "1". */
  readonly share?: string;
  /** Largest amount (IDR) moved per line. */
  readonly cap?: Money | null;
  readonly note?: Messages;
}

export const COST_POLICY_KINDS = ['BASE', 'REGULATION', 'OVERLAY'] as const;
export type CostPolicyKind = (typeof COST_POLICY_KINDS)[number];

export interface CostPolicy {
  /** Upper snake case, e.g. "CITY_PAYS_KOREAN_COURSE". */
  readonly id: string;
  readonly kind: CostPolicyKind;
  readonly name: Messages;
  /** The regulation the policy encodes (null for a local decision). */
  readonly legalBasis: string | null;
  /** Who decided an overlay (a Perwal, an MoU clause, "what-if" study). */
  readonly statedBy?: string;
  readonly rules: readonly CostPolicyRule[];
}

const ID_RE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** COSTS.INVALID_POLICY, its text by reference (`defineCostPolicy` and `estimateCosts` render it). */
function badPolicy(text: Text, path: readonly string[]): never {
  return invalidText('COSTS.INVALID_POLICY', text, { path });
}

function messages(value: unknown, path: readonly string[]): Messages {
  const m = value as Messages | null;
  if (typeof m !== 'object' || m === null || typeof m.id !== 'string' || typeof m.en !== 'string' || !m.id.trim() || !m.en.trim()) {
    badPolicy(textRef('COSTS.INVALID_POLICY.texts'), path);
  }
  return Object.freeze({ id: m.id, en: m.en });
}

function list<T extends string>(value: unknown, allowed: readonly T[] | null, path: readonly string[]): readonly T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) badPolicy(textRef('COSTS.INVALID_POLICY.emptyCriteria'), path);
  return Object.freeze(
    value.map((v, i) => {
      if (allowed ? !isOneOf(allowed, v) : typeof v !== 'string' || v === '') {
        badPolicy(textRef('COSTS.INVALID_POLICY.criteriaValue'), [...path, String(i)]);
      }
      return v as T;
    }),
  );
}

function shareOf(value: unknown, path: readonly string[]): Ratio {
  let r: Ratio | undefined;
  try {
    r = ratio(value as string, path);
  } catch {
    r = undefined;
  }
  if (r === undefined || r.num < 0n || r.num > r.den) {
    return badPolicy(textRef('COSTS.INVALID_POLICY.share'), path);
  }
  return r;
}

/** Validate a policy and return a frozen copy. Throws `COSTS.INVALID_POLICY` and `MONEY.*` (cap). */
export function defineCostPolicy(input: CostPolicy): CostPolicy {
  return rendered(leanDefineCostPolicy, input);
}

/** `defineCostPolicy`, its errors' texts by reference (issue 14): for the domain's own policies and the lean estimate. */
export function leanDefineCostPolicy(input: CostPolicy): CostPolicy {
  if (typeof input !== 'object' || input === null) badPolicy(textRef('COSTS.INVALID_POLICY.policy'), ['policy']);
  if (typeof input.id !== 'string' || !ID_RE.test(input.id)) {
    badPolicy(textRef('COSTS.INVALID_POLICY.id'), ['id']);
  }
  if (!isOneOf(COST_POLICY_KINDS, input.kind)) badPolicy(textRef('COSTS.INVALID_POLICY.kind'), ['kind']);
  if (input.legalBasis !== null && (typeof input.legalBasis !== 'string' || !input.legalBasis.trim())) {
    badPolicy(textRef('COSTS.INVALID_POLICY.legalBasis'), ['legalBasis']);
  }
  if (input.statedBy !== undefined && (typeof input.statedBy !== 'string' || !input.statedBy.trim())) {
    badPolicy(textRef('COSTS.INVALID_POLICY.statedBy'), ['statedBy']);
  }
  if (input.kind === 'OVERLAY' && input.legalBasis === null && input.statedBy === undefined) {
    badPolicy(textRef('COSTS.INVALID_POLICY.overlayStatedBy'), ['statedBy']);
  }
  if (!Array.isArray(input.rules) || input.rules.length === 0) badPolicy(textRef('COSTS.INVALID_POLICY.rules'), ['rules']);
  const ids = new Set<string>();
  const rules = input.rules.map((r, i): CostPolicyRule => {
    const path = ['rules', String(i)];
    if (typeof r !== 'object' || r === null) badPolicy(textRef('COSTS.INVALID_POLICY.rule'), path);
    if (typeof r.id !== 'string' || !ID_RE.test(r.id) || ids.has(r.id)) {
      badPolicy(textRef('COSTS.INVALID_POLICY.ruleId'), [...path, 'id']);
    }
    ids.add(r.id);
    const m = r.match;
    if (typeof m !== 'object' || m === null) badPolicy(textRef('COSTS.INVALID_POLICY.match'), [...path, 'match']);
    if (!isOneOf(PAYER_KINDS, r.payer)) badPolicy(textRef('COSTS.INVALID_POLICY.payer'), [...path, 'payer']);
    const share = r.share === undefined ? undefined : ratioToDecimalString(shareOf(r.share, [...path, 'share']));
    let cap: Money | null | undefined;
    if (r.cap !== undefined && r.cap !== null) {
      cap = assertMoney(r.cap, [...path, 'cap']);
      if (cap.currency !== 'IDR' || cap.amount < 0) {
        badPolicy(textRef('COSTS.INVALID_POLICY.cap'), [...path, 'cap']);
      }
    }
    const match: CostPolicyMatch = Object.freeze({
      ...(m.lineIds !== undefined ? { lineIds: list(m.lineIds, null, [...path, 'match', 'lineIds']) } : {}),
      ...(m.categories !== undefined ? { categories: list(m.categories, COST_CATEGORIES, [...path, 'match', 'categories']) } : {}),
      ...(m.timings !== undefined ? { timings: list(m.timings, COST_TIMINGS, [...path, 'match', 'timings']) } : {}),
      ...(m.routes !== undefined ? { routes: list(m.routes, ROUTES, [...path, 'match', 'routes']) } : {}),
      ...(m.occupations !== undefined ? { occupations: list(m.occupations, OCCUPATIONS, [...path, 'match', 'occupations']) } : {}),
    });
    return Object.freeze({
      id: r.id,
      match,
      payer: r.payer,
      ...(r.from !== undefined ? { from: list(r.from, PAYER_KINDS, [...path, 'from']) } : {}),
      ...(share !== undefined ? { share } : {}),
      ...(cap !== undefined ? { cap } : {}),
      ...(r.note !== undefined ? { note: messages(r.note, [...path, 'note']) } : {}),
    });
  });
  return Object.freeze({
    id: input.id,
    kind: input.kind,
    name: messages(input.name, ['name']),
    legalBasis: input.legalBasis,
    ...(input.statedBy !== undefined ? { statedBy: input.statedBy } : {}),
    rules: Object.freeze(rules),
  });
}

/** What a rule looks at. */
export interface CostLineContext {
  readonly lineId: string;
  readonly category: CostCategory;
  readonly timing: CostTiming;
  readonly route: Route;
  readonly occupation: Occupation;
}

export function costRuleMatches(rule: CostPolicyRule, c: CostLineContext): boolean {
  const m = rule.match;
  return (
    (m.lineIds === undefined || m.lineIds.includes(c.lineId)) &&
    (m.categories === undefined || m.categories.includes(c.category)) &&
    (m.timings === undefined || m.timings.includes(c.timing)) &&
    (m.routes === undefined || m.routes.includes(c.route)) &&
    (m.occupations === undefined || m.occupations.includes(c.occupation))
  );
}

function merge(shares: PayerShare[]): PayerShare[] {
  const out: PayerShare[] = [];
  for (const s of shares) {
    const same = out.findIndex((o) => o.payer === s.payer && o.policyId === s.policyId && o.ruleId === s.ruleId);
    if (same < 0) {
      out.push(s);
      continue;
    }
    const o = out[same]!;
    out[same] = {
      ...o,
      amountIdr: o.amountIdr === null || s.amountIdr === null ? null : moneyFromBigInt(BigInt(o.amountIdr.amount) + BigInt(s.amountIdr.amount), 'IDR'),
    };
  }
  return out;
}

/**
 * Apply one policy to a line's payer shares and return the new shares (the input is not changed).
 * `known` = the line's amount is known (shares carry amounts) or not (shares carry null).
 */
export function applyCostPolicy(shares: readonly PayerShare[], context: CostLineContext, policy: CostPolicy, known: boolean): PayerShare[] {
  let current = [...shares];
  for (const rule of policy.rules) {
    if (!costRuleMatches(rule, context)) continue;
    const from = rule.from ?? ['WORKER'];
    const ruleId = `${policy.id}/${rule.id}`;
    const moving = current.filter((s) => from.includes(s.payer));
    if (moving.length === 0) continue;
    const share = ratio(rule.share ?? '1');
    const whole = share.num === share.den && (rule.cap === undefined || rule.cap === null);
    if (!known) {
      const target: PayerShare = { payer: rule.payer, amountIdr: null, policyId: policy.id, ruleId };
      current = whole ? merge([...current.filter((s) => !from.includes(s.payer)), target]) : merge([...current, target]);
      continue;
    }
    const amounts = moving.map((s) => BigInt(s.amountIdr!.amount));
    const pool = amounts.reduce((a, b) => a + b, 0n);
    let move = divideRounded(pool * share.num, share.den, 'FLOOR');
    if (rule.cap !== undefined && rule.cap !== null && move > BigInt(rule.cap.amount)) move = BigInt(rule.cap.amount);
    if (move === 0n) continue;
    const taken = pool === 0n ? amounts.map(() => 0n) : allocateBigInt(move, amounts);
    const next: PayerShare[] = [];
    let k = 0;
    for (const s of current) {
      if (!from.includes(s.payer)) {
        next.push(s);
        continue;
      }
      const left = BigInt(s.amountIdr!.amount) - taken[k++]!;
      if (left > 0n) next.push({ ...s, amountIdr: moneyFromBigInt(left, 'IDR') });
    }
    next.push({ payer: rule.payer, amountIdr: moneyFromBigInt(move, 'IDR'), policyId: policy.id, ruleId });
    current = merge(next);
  }
  return current;
}
