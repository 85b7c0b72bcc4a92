/**
 * Walk the gateway's GraphQL schema to build "select everything" queries for the N+1 suite
 * (test/n-plus-one-schema.test.ts), and count what came back at every nested level.
 *
 * Terms:
 * - a RESOLVED field has a resolver of its own (a type-graphql @FieldResolver: a MoU's parties, a
 *   candidate's eligibility); the other fields are read off their parent object (a field named apart
 *   from its property, e.g. BilingualText.idn, too: field-guards' property read);
 * - a VALUE type has no resolved field below it (BilingualText, Money, an eligibility evaluation): it
 *   comes whole with its parent and costs no object level;
 * - every other object (a MoU, a MoU party, a financing facility) is one OBJECT LEVEL.
 * A resolved field, and every field leading to an object level, is COUNTED: the suite checks that
 * each such path has items in both runs, and more in the large one.
 *
 * Each `Type.field` edge that leads to an object level is expanded once per query, at its shallowest
 * place (breadth first), so a query stays linear in the size of the schema while every edge reachable
 * within `maxLevels` is resolved under a list of parents. An edge met again deeper is left out.
 */
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { isPropertyRead } from '../../src/security/field-guards';

export interface WalkOptions {
  /** Object levels, the list's item being level 1. */
  readonly maxLevels: number;
  /** GraphQL literals for required arguments, by `Type.field.arg` or by argument name (`asOf`). */
  readonly argValues: Readonly<Record<string, string>>;
  /** `Type.field` left out, with the reason. */
  readonly skip: Readonly<Record<string, string>>;
}

export interface SelectedField {
  readonly name: string;
  /** `(a: 1)` or ''. */
  readonly args: string;
  readonly list: boolean;
  /** Counted in the response: an object level or a resolved field. */
  readonly counted: boolean;
  /** Sub-selection text for a value type; the sub-node for an object level. */
  readonly value?: string;
  readonly node?: SelectionNode;
}

export interface SelectionNode {
  readonly type: GraphQLObjectType;
  readonly level: number;
  readonly fields: SelectedField[];
}

/** A field the walk left out, with why. */
export interface Omitted {
  readonly edge: string;
  readonly reason: string;
}

export function isResolved(field: GraphQLField<unknown, unknown>): boolean {
  return typeof field.resolve === 'function' && !isPropertyRead(field.resolve);
}

const valueCache = new WeakMap<GraphQLObjectType, boolean>();

function plainBelow(type: GraphQLObjectType, seen: Set<GraphQLObjectType>): boolean {
  if (seen.has(type)) return true; // a cycle of plain fields adds nothing resolved
  seen.add(type);
  return Object.values(type.getFields()).every((f) => {
    if (isResolved(f)) return false;
    const named = getNamedType(f.type);
    return isLeafType(named) || (isObjectType(named) && plainBelow(named, seen));
  });
}

export function isValueType(type: GraphQLObjectType): boolean {
  let result = valueCache.get(type);
  if (result === undefined) valueCache.set(type, (result = plainBelow(type, new Set())));
  return result;
}

/** Whether a list of objects with something resolved (or resolved itself) lies below `type`. */
export function hasListBelow(type: GraphQLObjectType, seen: Set<GraphQLObjectType> = new Set()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  return Object.values(type.getFields()).some((f) => {
    const named = getNamedType(f.type);
    if (!isObjectType(named)) return false;
    if (isListField(f) && (isResolved(f) || !isValueType(named))) return true;
    return !isValueType(named) && hasListBelow(named, seen);
  });
}

/** The field's list-ness, looking through non-null wrappers. */
export function isListField(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

export function costWeight(field: GraphQLField<unknown, unknown>): number {
  const w = (field.extensions as { cost?: { weight?: unknown } } | undefined)?.cost?.weight;
  return typeof w === 'number' ? w : 0;
}

/** `(a: v)` for the required arguments, or a reason to leave the field out. */
function argumentsFor(owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, options: WalkOptions): { args: string } | { reason: string } {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const literal = options.argValues[`${owner.name}.${field.name}.${arg.name}`] ?? options.argValues[arg.name];
    if (literal === undefined) return { reason: `required argument ${arg.name} has no obvious value` };
    parts.push(`${arg.name}: ${literal}`);
  }
  return { args: parts.length ? `(${parts.join(', ')})` : '' };
}

/** Every leaf and value field of a value type, as selection text. */
export function valueSelection(type: GraphQLObjectType): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (isObjectType(named)) parts.push(`${f.name} ${valueSelection(named)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface Walk {
  readonly root: SelectionNode;
  readonly omitted: Omitted[];
  /** `Type.field` edges selected that resolve something: object levels and resolved fields. */
  readonly expanded: Set<string>;
}

/** Breadth-first selection of everything under `type` (see the header). */
export function walkType(type: GraphQLObjectType, options: WalkOptions): Walk {
  const root: SelectionNode = { type, level: 1, fields: [] };
  const omitted: Omitted[] = [];
  const expanded = new Set<string>();
  const queue: SelectionNode[] = [root];
  for (let node = queue.shift(); node; node = queue.shift()) {
    for (const field of Object.values(node.type.getFields())) {
      const edge = `${node.type.name}.${field.name}`;
      const named = getNamedType(field.type);
      const list = isListField(field);
      if (options.skip[edge] !== undefined) {
        omitted.push({ edge, reason: options.skip[edge] as string });
        continue;
      }
      const args = argumentsFor(node.type, field, options);
      if ('reason' in args) {
        omitted.push({ edge, reason: args.reason });
        continue;
      }
      if (isLeafType(named)) {
        node.fields.push({ name: field.name, args: args.args, list, counted: false });
      } else if (isObjectType(named) && isValueType(named)) {
        if (isResolved(field)) expanded.add(edge);
        node.fields.push({ name: field.name, args: args.args, list, counted: isResolved(field), value: valueSelection(named) });
      } else if (isObjectType(named)) {
        if (expanded.has(edge)) continue; // expanded higher up already
        if (node.level + 1 > options.maxLevels) continue; // past the depth: reported by uncoveredEdges
        expanded.add(edge);
        const child: SelectionNode = { type: named, level: node.level + 1, fields: [] };
        node.fields.push({ name: field.name, args: args.args, list, counted: true, node: child });
        queue.push(child);
      }
    }
  }
  return { root, omitted, expanded };
}

export function renderSelection(node: SelectionNode): string {
  const parts = node.fields.map((f) => {
    const head = `${f.name}${f.args}`;
    if (f.node) return `${head} ${renderSelection(f.node)}`;
    if (f.value) return `${head} ${f.value}`;
    return head;
  });
  return `{ ${parts.join(' ')} }`;
}

/**
 * Objects returned at each counted path below `node`, e.g. `mou.parties.party` → 24 (the list items
 * plus the non-null single objects, over all parents).
 */
export function countLevels(node: SelectionNode, value: unknown, prefix = '', out: Map<string, number> = new Map()): Map<string, number> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    for (const v of value) countLevels(node, v, prefix, out);
    return out;
  }
  const obj = value as Record<string, unknown>;
  for (const f of node.fields) {
    if (!f.counted) continue;
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const v = obj[f.name];
    const n = Array.isArray(v) ? v.length : v === null || v === undefined ? 0 : 1;
    out.set(path, (out.get(path) ?? 0) + n);
    if (f.node) countLevels(f.node, v, path, out);
  }
  return out;
}

/** Every counted path of a selection (so that a path that came back empty everywhere is seen too). */
export function countedPaths(node: SelectionNode, prefix = ''): string[] {
  return node.fields.flatMap((f) => {
    if (!f.counted) return [];
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...(f.node ? countedPaths(f.node, path) : [])];
  });
}

/**
 * Edges reachable from `types` that resolve something (to an object level, or resolved fields to a
 * value) and that no walk selected: past the depth, or left out.
 */
export function uncoveredEdges(types: readonly GraphQLObjectType[], expanded: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const stack = [...types];
  for (let type = stack.pop(); type; type = stack.pop()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const edge = `${type.name}.${field.name}`;
      if ((isResolved(field) || !isValueType(named)) && !expanded.has(edge)) out.push(edge);
      if (!isValueType(named)) stack.push(named);
    }
  }
  return out.sort();
}

/**
 * The selection cut down to the chain leading to `path` (e.g. `opening.mou`): the leaves of every node
 * on the chain, and of the objects below only the next one. Run small and large, it tells which edge
 * makes a query grow.
 */
export function pruneTo(node: SelectionNode, path: readonly string[]): SelectionNode {
  const [head, ...rest] = path;
  const fields = node.fields.flatMap((f): SelectedField[] => {
    if (f.name === head) return [f.node ? { ...f, node: pruneTo(f.node, rest) } : f];
    return f.counted || f.node ? [] : [f];
  });
  return { ...node, fields };
}

/** Paths of the fields that select a value type (an evaluation, a profile part, a text). */
export function valuePaths(node: SelectionNode, prefix: readonly string[] = []): string[][] {
  const out: string[][] = [];
  for (const f of node.fields) {
    const path = [...prefix, f.name];
    if (f.node) out.push(...valuePaths(f.node, path));
    else if (f.value) out.push(path);
  }
  return out;
}

/** The selection without the field at `path`. */
export function withoutField(node: SelectionNode, path: readonly string[]): SelectionNode {
  const [head, ...rest] = path;
  const fields = node.fields.flatMap((f): SelectedField[] => {
    if (f.name !== head) return [f];
    if (rest.length === 0) return [];
    return f.node ? [{ ...f, node: withoutField(f.node, rest) }] : [f];
  });
  return { ...node, fields };
}

/**
 * Leave out, one at a time, the value selection whose removal lowers the cost most, until `cost` is
 * at most `limit` (greedy). The object levels stay: they are what the N+1 check is about. Returns the
 * trimmed selection and what was left out.
 */
export function trimToCost(node: SelectionNode, cost: (n: SelectionNode) => number, limit: number): { node: SelectionNode; dropped: string[] } {
  let current = node;
  const dropped: string[] = [];
  for (let c = cost(current); c > limit; c = cost(current)) {
    let best: { node: SelectionNode; cost: number; path: string[] } | undefined;
    for (const path of valuePaths(current)) {
      const candidate = withoutField(current, path);
      const k = cost(candidate);
      if (!best || k < best.cost) best = { node: candidate, cost: k, path };
    }
    if (!best || best.cost >= c) break;
    current = best.node;
    dropped.push(best.path.join('.'));
  }
  return { node: current, dropped };
}
