/**
 * No N+1 anywhere in the schema. Driven by the schema itself, so a list added later is covered without
 * anyone remembering to: every Query field that returns a Relay connection or a list is run twice, a
 * small page and a large one, selecting every scalar, every value and every object reachable within
 * MAX_LEVELS object levels (test/support/schema-walk.ts), and both must issue the same number of SQL
 * statements, with more items at every nested level in the large run (so that no level passes because
 * it was empty). The other Query fields must be accounted for: one-record lookups (their lists are
 * those of the list of the same type), objects sized in SIZED, or calculations in NOT_LISTS.
 *
 * The token and cost limits are raised for this suite (SUITE_LIMITS; the depth limit stays the
 * default): a query that selects everything has thousands of tokens and, at a page of 12 with every
 * nested list, costs more than the default 20,000 (the table prints each cost). Fields with a declared
 * cost weight (a ranking) are left out of those queries and run in their own case, with pages the
 * DEFAULT cost limit admits.
 *
 * A root that is not constant is a finding for the read path (src/read-models, graphql/loaders.ts):
 * the failure names the edges that grow (each selected alone) and the statements repeated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdlSchema, getNamedType, isObjectType, parse, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema';
import { DEFAULT_ABUSE_LIMITS } from '../src/security/armor';
import { operationCost } from '../src/security/query-cost';
import { startTestGateway, type TestGateway, type TestRole } from './harness';
import { seedNPlusOneProgram, steppingClock, type NPlusOneProgram } from './support/n-plus-one-seed';
import { rootFields, type RootField } from './support/schema-roots';
import {
  costWeight,
  countedPaths,
  countLevels,
  isListField,
  pruneTo,
  renderSelection,
  trimToCost,
  uncoveredEdges,
  walkType,
  type SelectionNode,
  type Walk,
  type WalkOptions,
} from './support/schema-walk';

const TODAY = '2026-01-15';
const SMALL = 3;
const LARGE = 12;
const MAX_LEVELS = 4;
const SUITE_LIMITS = { JEMBATAN_MAX_COST: '10000000', JEMBATAN_MAX_TOKENS: '100000' };

interface Seeded {
  readonly p: NPlusOneProgram;
  readonly parameterIds: readonly string[];
}

interface Sizing {
  readonly caller?: TestRole;
  /** Argument text (without parentheses) of the small and the large run; '' for none. */
  readonly small: (s: Seeded) => string;
  readonly large: (s: Seeded) => string;
  /** For an object root: the list field that holds its items. */
  readonly items?: string;
  readonly why: string;
}

/** Lists without a page argument and objects holding lists of records: how to make them small and large. */
const SIZED: Readonly<Record<string, Sizing | { readonly fixed: string }>> = {
  apiKeys: { small: () => 'includeRevoked: false', large: () => 'includeRevoked: true', why: 'no page argument: the large list adds the revoked keys' },
  parameters: {
    small: (s) => `asOf: "${TODAY}", ids: ${JSON.stringify(s.parameterIds.slice(0, SMALL))}`,
    large: (s) => `asOf: "${TODAY}", ids: ${JSON.stringify(s.parameterIds.slice(0, LARGE))}`,
    why: 'no page argument: `ids` picks how many',
  },
  quotaFill: { items: 'rows', small: () => 'filter: { occupations: [WELDER] }', large: () => '', why: 'one row per quota: the welder quotas, then all' },
  routes: { fixed: 'the route vocabulary, from code: no argument changes its size, so it must issue no statement at all' },
  occupations: { fixed: 'the occupation vocabulary, from code: no argument changes its size, so it must issue no statement at all' },
  regions: { small: () => 'level: KECAMATAN', large: () => 'level: KELURAHAN', why: 'the region table, from code: the 6 kecamatan, then the 67 kelurahan (no statement either way)' },
};

/**
 * Object roots with a list of resolved objects below them that are not lists of stored records (a
 * calculation on a required input), with why. None today: the calculators (eligibilityCheck,
 * costEstimate, financingSimulation) resolve nothing below their root.
 */
const NOT_LISTS: Readonly<Record<string, string>> = {
  upfrontCashLine:
    'one program setting and its history (issue 12): read in one statement (read-models/upfront-cash.read-model.ts readUpfrontCashLines) whatever its length, and no field below it resolves anything; no argument changes its size',
};

/** Edges that resolve something and that no list query reaches, with why. */
const NOT_REACHED: Readonly<Record<string, string>> = {};

const WALK: Omit<WalkOptions, 'skip'> = { maxLevels: MAX_LEVELS, argValues: { asOf: `"${TODAY}"` } };

let t: TestGateway;
let schema: GraphQLSchema;
let seeded: Seeded;
let walkOptions: WalkOptions;
const table: Array<Record<string, string | number>> = [];

interface WeightedField {
  readonly owner: GraphQLObjectType;
  readonly name: string;
  readonly weight: number;
}

/** Fields with a declared cost weight: out of the list queries, in their own case. */
function weightedFields(s: GraphQLSchema): WeightedField[] {
  const out: WeightedField[] = [];
  for (const type of Object.values(s.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const owner = type;
    for (const f of Object.values(owner.getFields())) if (costWeight(f) > 0) out.push({ owner, name: f.name, weight: costWeight(f) });
  }
  return out;
}

beforeAll(async () => {
  schema = await buildGatewaySchema();
  const skip: Record<string, string> = {};
  for (const w of weightedFields(schema)) {
    skip[`${w.owner.name}.${w.name}`] = `cost weight ${w.weight} per parent: run in the weighted-field case with pages the default limit admits`;
  }
  walkOptions = { ...WALK, skip };
  t = await startTestGateway({ clock: steppingClock(TODAY), securityEnv: SUITE_LIMITS });
  const p = await seedNPlusOneProgram(t, { units: 4, candidates: LARGE + 2, pool: 5, revokedKeys: LARGE });
  const params = await t.as('officer').gql<{ parameters: Array<{ parameterId: string }> }>(`{ parameters(asOf: "${TODAY}") { parameterId } }`);
  seeded = { p, parameterIds: (params.body.data?.parameters ?? []).map((x) => x.parameterId) };
}, 120_000);

afterAll(async () => {
  const left = [...omitted].map(([edge, why]) => `  ${edge}: ${why}`).join('\n');
  if (table.length) console.info(`N+1 per root list (SQL statements, API-key look-ups left out)\n${formatTable(table)}\nleft out of the list queries:\n${left || '  nothing'}`);
  await t?.close();
});

function formatTable(rows: ReadonlyArray<Record<string, string | number>>): string {
  const keys = Object.keys(rows[0] ?? {});
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i] as number)).join('  ');
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n');
}

// ------------------------------------------------------------------ running and measuring

interface Measured {
  readonly status: number;
  readonly errors: unknown;
  readonly data: Record<string, unknown> | null | undefined;
  readonly statements: string[];
}

/** The API key look-up of the request (and its last-used stamp) is not the query's work. */
function isAuthStatement(sql: string): boolean {
  return /"api_key"/.test(sql) && (/where "id" = /.test(sql) || /^\s*update\b/i.test(sql));
}

async function measure(caller: TestRole, query: string): Promise<Measured> {
  t.resetSql();
  const res = await t.as(caller).gql<Record<string, unknown>>(query);
  const statements = t.sql.statements.filter((q) => !isAuthStatement(q));
  return { status: res.status, errors: res.body.errors, data: res.body.data, statements };
}

/** A statement with its values taken out, so that repeats of one statement show as one template. */
function template(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\((\s*\?\s*,?)+\)/g, '(…)')
    .replace(/\s+/g, ' ')
    .slice(0, 160);
}

/** Templates issued more often in the large run: where the N+1 is. */
function growth(small: readonly string[], large: readonly string[]): string[] {
  const tally = (list: readonly string[]) => list.reduce((m, q) => m.set(template(q), (m.get(template(q)) ?? 0) + 1), new Map<string, number>());
  const a = tally(small);
  const b = tally(large);
  return [...b].filter(([k, n]) => n > (a.get(k) ?? 0)).map(([k, n]) => `${a.get(k) ?? 0}→${n}× ${k}`);
}

function costOf(query: string): number {
  const c = operationCost({ schema, document: parse(query) });
  return c.ok ? c.cost : NaN;
}

// ------------------------------------------------------------------ plans

interface Plan {
  readonly root: string;
  /** Who runs it: the OFFICER, unless only the ADMIN may (see `callerFor`). */
  readonly caller?: TestRole;
  readonly node: SelectionNode;
  /** The query for a selection of the items (the full one, or a pruned one) and an argument text. */
  readonly render: (node: SelectionNode, args: string) => string;
  /** The root's items in the response data. */
  readonly items: (data: unknown) => unknown[];
  readonly smallArgs: string;
  readonly largeArgs: string;
  /** Exact item counts expected (a page), or none (more in the large run is enough). */
  readonly pages?: readonly [number, number];
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const wrap = (args: string) => (args ? `(${args})` : '');
const edgeNodes = (data: unknown) => ((data as { edges?: Array<{ node: unknown }> }).edges ?? []).map((e) => e.node);

/** Fields the walks left out, with why (printed with the table). */
const omitted = new Map<string, string>();

/** The walk of a root's items (lists, connections) or of its object (objects sized in SIZED). */
function walkOf(root: RootField): Walk | undefined {
  const sizing = SIZED[root.name];
  let w: Walk | undefined;
  if (root.kind === 'connection') w = walkType(root.item, walkOptions);
  else if (!sizing || 'fixed' in sizing) w = undefined;
  else if (root.kind === 'list') w = walkType(root.item, walkOptions);
  // an object root is a wrapper (rows): one more level, so its rows reach as deep as a list's items
  else if (root.kind === 'object') w = walkType(root.type, { ...walkOptions, maxLevels: MAX_LEVELS + 1 });
  w?.omitted.forEach((o) => omitted.set(o.edge, o.reason));
  return w;
}

function planFor(root: RootField): Plan | string {
  const w = walkOf(root);
  if (root.kind === 'connection' && w) {
    return {
      root: root.name,
      node: w.root,
      render: (node, args) => `{ ${root.name}${wrap(args)} { totalCount ${PAGE_INFO} edges { cursor node ${renderSelection(node)} } } }`,
      items: edgeNodes,
      smallArgs: `first: ${SMALL}`,
      largeArgs: `first: ${LARGE}`,
      pages: [SMALL, LARGE],
    };
  }
  if (root.kind !== 'list' && root.kind !== 'object') return `${root.kind}: not a list`;
  const sizing = SIZED[root.name];
  if (!sizing) return `no sizing: add "${root.name}" to SIZED (how to make it small and large) or to NOT_LISTS (why it is no list)`;
  if ('fixed' in sizing || !w) return 'fixed';
  const itemsField = sizing.items;
  return {
    root: root.name,
    ...(sizing.caller ? { caller: sizing.caller } : {}),
    node: w.root,
    render: (node, args) => `{ ${root.name}${wrap(args)} ${renderSelection(node)} }`,
    items: (data) => (itemsField ? ((data as Record<string, unknown[]>)[itemsField] ?? []) : (data as unknown[])),
    smallArgs: sizing.small(seeded),
    largeArgs: sizing.large(seeded),
  };
}

/** Parents per request the DEFAULT cost limit admits for a weighted field: the large page. */
function largestAdmitted(render: (n: number) => string): number {
  let n = 1;
  while (n < LARGE && costOf(render(n + 1)) <= DEFAULT_ABUSE_LIMITS.maxCost) n += 1;
  return n;
}

/**
 * A weighted field (a ranking) under the connection of its type: pages of 1 and of as many parents as
 * the default cost limit admits, the field's own list at 5, its items walked two levels down.
 */
function weightedPlan(w: WeightedField): Plan | string {
  const root = rootFields(schema).find((r) => r.kind === 'connection' && r.item === w.owner);
  if (!root) return `${w.owner.name}.${w.name}: no connection of ${w.owner.name} to run it under`;
  const field = w.owner.getFields()[w.name] as GraphQLField<unknown, unknown>;
  const inner = walkType(getNamedType(field.type) as GraphQLObjectType, { ...walkOptions, maxLevels: 2 });
  const args = field.args.some((a) => a.name === 'first') ? '(first: 5)' : '';
  const node: SelectionNode = {
    type: w.owner,
    level: 1,
    fields: [
      { name: 'id', args: '', list: false, counted: false },
      { name: w.name, args, list: isListField(field), counted: true, node: inner.root },
    ],
  };
  const render = (n: SelectionNode, a: string) => `{ ${root.name}${wrap(a)} { edges { node ${renderSelection(n)} } } }`;
  // two parents at least: leave out the values that cost most until two fit under the default limit
  const trimmed = trimToCost(node, (n) => costOf(render(n, 'first: 2')), DEFAULT_ABUSE_LIMITS.maxCost);
  const large = largestAdmitted((n) => render(trimmed.node, `first: ${n}`));
  if (large < 2) return `${w.owner.name}.${w.name}: the default cost limit admits one parent only`;
  if (trimmed.dropped.length) console.info(`${w.owner.name}.${w.name}: left out to fit ${large} parents under the default cost limit: ${trimmed.dropped.join(', ')}`);
  return { root: `${root.name} → ${w.name}`, node: trimmed.node, render, items: edgeNodes, smallArgs: 'first: 1', largeArgs: `first: ${large}`, pages: [1, large] };
}

// ------------------------------------------------------------------ checks

interface RunResult {
  readonly m: Measured;
  readonly items: unknown[];
  readonly levels: Map<string, number>;
  readonly cost: number;
}

type Ready = Plan & { readonly caller: TestRole };

/** The OFFICER, unless the schema refuses it the root (FORBIDDEN): then the ADMIN. */
async function callerFor(plan: Plan): Promise<Ready> {
  if (plan.caller) return { ...plan, caller: plan.caller };
  const probe = await t.as('officer').gql(plan.render(pruneTo(plan.node, []), plan.smallArgs));
  const forbidden = probe.body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.length === 1);
  return { ...plan, caller: forbidden ? 'admin' : 'officer' };
}

async function runPlan(plan: Ready, args: string, problems: string[]): Promise<RunResult> {
  const query = plan.render(plan.node, args);
  const m = await measure(plan.caller, query);
  if (m.status !== 200 || m.errors) problems.push(`${plan.root}(${args}): HTTP ${m.status} ${JSON.stringify(m.errors)?.slice(0, 600)}`);
  const data = m.data?.[plan.root.split(' ')[0] as string];
  const items = data ? plan.items(data) : [];
  // a list's levels are counted from its items; an object root's from the object (its rows included)
  const levels = countLevels(plan.node, plan.pages || Array.isArray(data) ? items : data);
  return { m, items, levels, cost: costOf(query) };
}

function sizeProblems(plan: Plan, small: RunResult, large: RunResult): string[] {
  const a = small.items.length;
  const b = large.items.length;
  if (plan.pages) return a === plan.pages[0] && b === plan.pages[1] ? [] : [`${plan.root}: pages of ${a} and ${b} items, expected ${plan.pages.join(' and ')}`];
  if (a >= 1 && b > a) return [];
  return [`${plan.root}: ${a} items in the small run and ${b} in the large one (needs ≥ 1, then more)`];
}

function levelProblems(plan: Plan, small: Map<string, number>, large: Map<string, number>): string[] {
  const out: string[] = [];
  for (const p of countedPaths(plan.node)) {
    const a = small.get(p) ?? 0;
    const b = large.get(p) ?? 0;
    if (a < 1 || b <= a) out.push(`${plan.root}: level ${p} has ${a} items in the small run and ${b} in the large one (needs ≥ 1, then more)`);
  }
  return out;
}

/**
 * Which edges make the query grow: each counted path alone (the chain to it), small and large; an
 * edge is named when it grows more than the chain above it.
 */
async function attribute(plan: Ready): Promise<string[]> {
  const run = async (node: SelectionNode): Promise<[number, number]> => {
    const a = await measure(plan.caller, plan.render(node, plan.smallArgs));
    const b = await measure(plan.caller, plan.render(node, plan.largeArgs));
    return [a.statements.length, b.statements.length];
  };
  const [s0, l0] = await run(pruneTo(plan.node, []));
  const out: string[] = l0 > s0 ? [`(the items alone): ${s0}→${l0}`] : [];
  const growthOf = new Map<string, number>([['', l0 - s0]]);
  for (const p of countedPaths(plan.node)) {
    const [s, l] = await run(pruneTo(plan.node, p.split('.')));
    growthOf.set(p, l - s);
    const above = growthOf.get(p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') ?? 0;
    if (l - s > above) out.push(`${p}: ${s}→${l} statements when selected alone`);
  }
  return out;
}

async function check(unready: Plan): Promise<string[]> {
  const plan = await callerFor(unready);
  const problems: string[] = [];
  const small = await runPlan(plan, plan.smallArgs, problems);
  const large = await runPlan(plan, plan.largeArgs, problems);
  problems.push(...sizeProblems(plan, small, large));
  if (problems.length === 0) problems.push(...levelProblems(plan, small.levels, large.levels));
  const [a, b] = [small.m.statements.length, large.m.statements.length];
  // A larger page may need FEWER statements, never more: a relation the small page reaches in a second
  // batch (an id its first batch did not hold) is often already in the large page's first batch.
  if (b > a) {
    const culprits = await attribute(plan);
    const grown = growth(small.m.statements, large.m.statements);
    problems.push(`${plan.root}: N+1: ${a} statements for ${small.items.length} items, ${b} for ${large.items.length}\n  at: ${culprits.join('\n      ')}\n  growing: ${grown.join('\n           ')}`);
  }
  const ok = problems.length === 0 ? 'yes' : 'NO';
  table.push({ root: plan.root, caller: plan.caller, items: `${small.items.length}→${large.items.length}`, levels: countedPaths(plan.node).length, statements: `${a}→${b}`, cost: large.cost, ok });
  return problems;
}

/** A root that is not run: a lookup of a listed type, a value, a fixed list or a calculation. */
async function accountFor(root: RootField, why: string): Promise<void> {
  const row = (statements: string | number, ok: string, items = 'n/a') => table.push({ root: root.name, caller: '-', items, levels: '-', statements, cost: '-', ok });
  if (root.kind === 'lookup') {
    const lists = rootFields(schema).filter((r) => (r.kind === 'connection' || r.kind === 'list') && r.item === root.type);
    row(`one record: see ${lists.map((l) => l.name).join(', ') || 'NO LIST'}`, lists.length ? 'n/a' : 'NO');
    expect(lists.length).toBeGreaterThan(0);
    return;
  }
  if (root.kind === 'value') return void row('value: no record below', 'n/a');
  if (root.kind === 'list' && why === 'fixed') {
    const m = await measure('officer', `{ ${root.name} ${renderSelection(walkType(root.item, walkOptions).root)} }`);
    row(m.statements.length, m.statements.length === 0 ? 'yes' : 'NO', 'fixed');
    expect(m.errors).toBeUndefined();
    expect(m.statements).toEqual([]);
    return;
  }
  const reason = NOT_LISTS[root.name];
  row(reason ? 'calculation: not a list' : why, reason ? 'n/a' : 'NO');
  if (!reason) throw new Error(`Query.${root.name}: ${why}`);
}

// ------------------------------------------------------------------ the tests

/** The Query fields of the committed schema.graphql: one test each (the live schema must match it). */
const COMMITTED_ROOTS: readonly string[] = Object.keys(
  buildSdlSchema(readFileSync(path.resolve(__dirname, '..', 'schema.graphql'), 'utf8')).getQueryType()?.getFields() ?? {},
);

it('the live schema has the Query fields of schema.graphql (else run `npm run build`), and every table entry is one', () => {
  const live = rootFields(schema);
  expect(live.map((r) => r.name).sort()).toEqual([...COMMITTED_ROOTS].sort());
  const stale = [...Object.keys(SIZED), ...Object.keys(NOT_LISTS)].filter((name) => {
    const root = live.find((r) => r.name === name);
    return !root || (name in NOT_LISTS && root.kind !== 'object') || (name in SIZED && root.kind !== 'list' && root.kind !== 'object');
  });
  expect(stale).toEqual([]);
});

describe.each(COMMITTED_ROOTS.map((name) => [name]))('Query.%s', (name) => {
  it('issues no more statements for a large page than for a small one, at every nested level', async () => {
    const root = rootFields(schema).find((r) => r.name === name);
    if (!root) throw new Error(`Query.${name} is not in the live schema`);
    const plan = planFor(root);
    if (typeof plan === 'string') return accountFor(root, plan);
    expect(await check(plan)).toEqual([]);
  });
});

it('a field with a cost weight (a ranking) issues as many statements for as many parents as the default cost limit admits as for one', async () => {
  const weighted = weightedFields(schema);
  expect(weighted.length).toBeGreaterThan(0); // JobOpening.rankedCandidates at least
  const problems: string[] = [];
  for (const w of weighted) {
    const plan = weightedPlan(w);
    problems.push(...(typeof plan === 'string' ? [plan] : await check(plan)));
  }
  expect(problems).toEqual([]);
});

it('every edge that resolves something, reachable from a list, is selected under a list (within MAX_LEVELS) or listed in NOT_REACHED', () => {
  const expanded = new Set<string>();
  const from: GraphQLObjectType[] = [];
  for (const root of rootFields(schema)) {
    const w = walkOf(root);
    if (!w) continue;
    w.expanded.forEach((e) => expanded.add(e));
    from.push(w.root.type);
  }
  for (const w of weightedFields(schema)) {
    expanded.add(`${w.owner.name}.${w.name}`);
    const named = getNamedType((w.owner.getFields()[w.name] as GraphQLField<unknown, unknown>).type) as GraphQLObjectType;
    walkType(named, { ...walkOptions, maxLevels: 2 }).expanded.forEach((e) => expanded.add(e));
  }
  expect(uncoveredEdges(from, expanded).filter((e) => !(e in NOT_REACHED))).toEqual([]);
});
