/**
 * Downloads of aggregates (issue 12 "Downloads", issue 11 "every aggregate"): an analyst's GraphQL
 * query over one aggregate, run through the gateway's own GraphQL execution (same roles, disclosure
 * control, cost limits and validation as `/graphql`), and its result laid out as a table.
 *
 * What counts as an aggregate: a root `Query` field whose result type has a `rows` list or a
 * `disclosure` (so every aggregate added later is exportable without a line here, and no record list
 * such as `candidates` is: records have their own exports with their own column rules).
 *
 * How a result becomes a table (`tableOf`):
 * - the exported list is the result's `rows` when it has one, otherwise its first list of objects;
 * - each element becomes one line; a nested object's scalars become columns named `parent_child`;
 *   a nested list of objects is unnested (one line per element, the parent's columns repeated), the
 *   first such list at each level (the others are named in the metadata as not exported);
 *   a list of scalars becomes one text cell joined by `, `;
 * - the result's own scalars (totals, `asOf`) and its `disclosure` go to the metadata, not the table;
 * - column types come from the values: `…amount` (money in minor units, a decimal string) → amount,
 *   whole numbers → integer, booleans → boolean, `YYYY-MM-DD` → date, anything else → text. A
 *   suppressed figure stays empty (null) beside `suppressed = true`, never 0.
 */
import {
  Kind,
  OperationTypeNode,
  TypeInfo,
  getNamedType,
  isObjectType,
  parse,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { GatewayError } from '../graphql/errors';
import type { CellValue, ColumnType, ExportColumn } from './columns';

export type Row = Readonly<Record<string, CellValue>>;

export interface AggregateTable {
  /** The root field exported (e.g. `candidateCounts`). */
  readonly field: string;
  readonly columns: ReadonlyArray<ExportColumn<Row>>;
  readonly rows: readonly Row[];
  /** The result's top-level scalars (totals, `asOf`), for the metadata. */
  readonly summary: Readonly<Record<string, string | number | boolean | null>>;
  /** The result's `disclosure`, in words. */
  readonly disclosure: string;
  /** Lists left out of the table (a second list of objects at one level). */
  readonly notExported: readonly string[];
  /** The date the figures are for (the result's `asOf` or its disclosure's reference date). */
  readonly asOf?: string;
}

/** A GraphQL variables object as the metadata's filters: dotted keys, values as text lists (no personal value can be a variable of an aggregate). */
export function variablesAsFilters(variables: unknown, declared?: readonly string[], prefix = '', depth = 0): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return out;
  const clip = (x: unknown): string => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)).slice(0, 200);
  for (const [k, v] of Object.entries(variables as Record<string, unknown>)) {
    if (depth === 0 && declared && !declared.includes(k)) continue; // undeclared: GraphQL ignores it, so does the audit
    const key = `${prefix}${k}`;
    if (Array.isArray(v)) out[key] = v.slice(0, 100).map(clip);
    else if (typeof v === 'object' && v !== null && depth < 4) Object.assign(out, variablesAsFilters(v, undefined, `${key}.`, depth + 1));
    else if (v !== undefined) out[key] = [clip(v)];
  }
  return out;
}

/** The most lines an aggregate download may have (an aggregate's rows are groups, not records). */
export const MAX_AGGREGATE_ROWS = 100_000;

function refuse(reason: string, id: string, en: string, field?: string[]): never {
  throw new GatewayError('BAD_USER_INPUT', { id, en }, { domainCode: `EXPORT.${reason}`, ...(field ? { field } : {}) });
}

/** The selection set under the first root field of a fixed document (the columns of its empty result). */
export function rootSelectionOf(documentText: string): SelectionSetNode | undefined {
  const op = parse(documentText).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const first = op?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.selectionSet : undefined;
}

/** Root fields of `Query` that are aggregates (their result has `rows` or `disclosure`). */
export function aggregateFields(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const [name, field] of Object.entries(schema.getQueryType()?.getFields() ?? {})) {
    const type = getNamedType(field.type);
    if (isObjectType(type) && ('rows' in type.getFields() || 'disclosure' in type.getFields())) out.add(name);
  }
  return out;
}

/** The checked document of an aggregate download. */
export interface AggregateDocument {
  readonly document: DocumentNode;
  readonly responseKey: string;
  readonly field: string;
  /** The selection under the root field (names the columns of an empty result). */
  readonly selection: SelectionSetNode | undefined;
  /** The variables the operation declares (only these are kept, e.g. for the audit row). */
  readonly declaredVariables: readonly string[];
}

/**
 * Check the document before it runs: one query operation (no mutation), selecting exactly one root
 * field, an aggregate, with no alias, and nothing below it that is a record (an object type with an
 * `id`: an MoU, an opening, a candidate…): an aggregate's download holds figures, never records
 * (those have their own exports, with their own column rules, masking and audit).
 */
export function checkAggregateDocument(schema: GraphQLSchema, query: unknown, operationName?: string): AggregateDocument {
  if (typeof query !== 'string' || query.trim() === '') refuse('QUERY_REQUIRED', 'Isi `query` dengan query GraphQL satu agregat.', 'Give the GraphQL query of one aggregate (`query`).', ['query']);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch {
    refuse('QUERY_INVALID', 'Query bukan GraphQL yang sah.', 'The query is not valid GraphQL.', ['query']);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) refuse('ONE_OPERATION', 'Query harus berisi satu operasi (atau sebutkan dengan `operationName`).', 'The query must hold one operation (or name it with `operationName`).', ['query']);
  if (operation.operation !== OperationTypeNode.QUERY) refuse('QUERY_ONLY', 'Hanya query yang dapat diekspor (bukan mutation atau subscription).', 'Only a query can be exported (no mutation or subscription).', ['query']);
  const roots = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const root = roots[0];
  if (roots.length !== 1 || !root || root.kind !== Kind.FIELD) refuse('ONE_AGGREGATE', 'Pilih tepat satu field agregat di akar query.', 'Select exactly one aggregate field at the root of the query.', ['query']);
  const allowed = aggregateFields(schema);
  if (!allowed.has(root.name.value)) {
    const list = [...allowed].sort().join(', ');
    refuse(
      'NOT_AN_AGGREGATE',
      `\`${root.name.value}\` bukan agregat. Yang dapat diekspor: ${list}. Data per orang punya ekspornya sendiri (/exports/candidates, /exports/openings).`,
      `\`${root.name.value}\` is not an aggregate. Exportable: ${list}. Records have their own exports (/exports/candidates, /exports/openings).`,
      ['query'],
    );
  }
  // below the root: no alias (a column is a field's name; aliases would multiply lines), no record
  // the whole document: fragments too (a record reached through a fragment is still a record)
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.alias) refuse('ALIAS_NOT_ALLOWED', `Alias \`${node.alias.value}\` tidak dapat dipakai dalam unduhan agregat.`, `An aggregate download takes no alias (\`${node.alias.value}\`).`, ['query']);
        if (node === root) return;
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : undefined;
        if (isObjectType(named) && 'id' in named.getFields()) {
          refuse(
            'RECORD_NOT_ALLOWED',
            `\`${node.name.value}\` adalah data per rekaman (${named.name}); unduhan agregat hanya berisi angka agregat.`,
            `\`${node.name.value}\` is a record (${named.name}); an aggregate download holds figures only.`,
            ['query'],
          );
        }
      },
    }),
  );
  return {
    document,
    responseKey: root.name.value,
    field: root.name.value,
    selection: root.selectionSet,
    declaredVariables: (operation.variableDefinitions ?? []).map((v) => v.variable.name.value),
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObjList = (v: Json | undefined): v is Obj[] => Array.isArray(v) && v.length > 0 && v.every(isObj);
const isScalarList = (v: Json | undefined): boolean => Array.isArray(v) && v.length > 0 && !v.some((x) => isObj(x) || Array.isArray(x));

/**
 * The layout of one level, decided over ALL its elements before any line is written (so every line
 * has the same columns, whichever element has an empty or missing list): the keys in order, the
 * nested objects' layouts, and the one key that multiplies lines (the first list of objects, or the
 * first nested object that itself multiplies); every other multiplying key is left out and named.
 */
interface Shape {
  readonly keys: ReadonlyArray<{ readonly key: string; readonly kind: 'scalar' | 'scalarList' | 'object' | 'objList' }>;
  readonly children: ReadonlyMap<string, Shape>;
  readonly unnest: string | undefined;
}

function shapeOf(objs: readonly Obj[], path: string, notExported: Set<string>): Shape {
  const order: string[] = [];
  const kinds = new Map<string, 'scalar' | 'scalarList' | 'object' | 'objList'>();
  for (const o of objs) {
    for (const [key, v] of Object.entries(o)) {
      if (key === '__typename') continue;
      if (!kinds.has(key)) order.push(key);
      const was = kinds.get(key);
      const kind = isObjList(v) ? 'objList' : isObj(v) ? 'object' : isScalarList(v) ? 'scalarList' : undefined;
      if (kind && (was === undefined || was === 'scalar')) kinds.set(key, kind);
      else if (!was) kinds.set(key, 'scalar');
    }
  }
  const children = new Map<string, Shape>();
  let unnest: string | undefined;
  const keys: Array<Shape['keys'][number]> = [];
  for (const key of order) {
    const kind = kinds.get(key)!;
    if (kind === 'objList' || kind === 'object') {
      const elements = objs.flatMap((o) => (kind === 'objList' ? (isObjList(o[key]) ? (o[key] as Obj[]) : []) : isObj(o[key]) ? [o[key] as Obj] : []));
      const child = shapeOf(elements, `${path}.${key}`, notExported);
      const multiplies = kind === 'objList' || child.unnest !== undefined;
      if (multiplies && unnest !== undefined) {
        notExported.add(`${path}.${key}`);
        continue;
      }
      if (multiplies) unnest = key;
      children.set(key, child);
    }
    keys.push({ key, kind });
  }
  return { keys, children, unnest };
}

/** One element's lines under `shape` (several when its shape unnests a list), refusing past `budget`. */
function flatten(value: Obj | undefined, shape: Shape, prefix: string, budget: { left: number }): Array<Record<string, Json>> {
  const own: Record<string, Json> = {};
  let many: Array<Record<string, Json>> | undefined;
  for (const { key, kind } of shape.keys) {
    const name = `${prefix}${key}`;
    const v = value?.[key];
    const child = shape.children.get(key);
    if (kind === 'scalar') own[name] = v === undefined || isObj(v) || Array.isArray(v) ? null : v;
    else if (kind === 'scalarList') own[name] = isScalarList(v) ? (v as Json[]).map(String).join(', ') : null;
    else if (child && key === shape.unnest) {
      const elements = kind === 'objList' ? (isObjList(v) ? v : []) : [isObj(v) ? v : undefined];
      const lines = elements.flatMap((el) => flatten(el, child, `${name}_`, budget));
      // an empty list keeps its parent's line, its own columns empty
      many = lines.length ? lines : flatten(undefined, child, `${name}_`, budget);
    } else if (child) Object.assign(own, flatten(isObj(v) ? v : undefined, child, `${name}_`, budget)[0]);
  }
  const lines = many ? many.map((l) => ({ ...own, ...l })) : [own];
  // every multiplied line counts (conservatively, at each level it passes): the work stops at the cap
  if (many) budget.left -= lines.length;
  if (budget.left < 0) tooMany();
  return lines;
}

function tooMany(): never {
  refuse(
    'TOO_MANY_ROWS',
    `Agregat ini punya lebih dari ${MAX_AGGREGATE_ROWS} baris; satu unduhan paling banyak ${MAX_AGGREGATE_ROWS}. Persempit filter atau periodenya.`,
    `The aggregate has more than ${MAX_AGGREGATE_ROWS} lines; a download holds at most ${MAX_AGGREGATE_ROWS}. Narrow the filter or the period.`,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DIGITS = /^-?\d+$/;

function columnType(key: string, values: readonly Json[]): ColumnType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (!present.length) return 'text';
  if (/(^|_)amount$/.test(key) && present.every((v) => typeof v === 'string' && DIGITS.test(v))) return 'amount';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'integer';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) return 'date';
  if (present.every((v) => typeof v === 'string' && ISO_INSTANT.test(v))) return 'datetime';
  return 'text';
}

function cellOf(type: ColumnType, v: Json | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (type === 'amount') return Number(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

function disclosureText(d: Json | undefined): string {
  if (!isObj(d)) return 'none (this aggregate counts no people: the same for every caller)';
  if (d.protectedView !== true) return `exact view (protectedView=false, referenceDate=${String(d.referenceDate ?? '')})`;
  return `protected view: cells under minCellCount=${String(d.minCellCount)} suppressed (${String(d.suppressedCells)} suppressed cells), totals over them null, referenceDate=${String(d.referenceDate ?? '')}`;
}

/** The result's own figures (totals, `asOf`, nested totals as `total_fill_rate`), for the metadata; lists in them are named as not exported. */
function summaryOf(value: Obj, prefix: string, path: string, out: Record<string, string | number | boolean | null>, notExported: Set<string>): void {
  for (const [key, v] of Object.entries(value)) {
    if (key === '__typename') continue;
    if (isObj(v)) summaryOf(v, `${prefix}${key}_`, `${path}.${key}`, out, notExported);
    else if (isScalarList(v)) out[`${prefix}${key}`] = (v as Json[]).map(String).join(', ');
    else if (Array.isArray(v)) {
      if (v.length) notExported.add(`${path}.${key}`);
    } else out[`${prefix}${key}`] = v;
  }
}

/** Column names for an empty list, from the query's own selection under it (the header is kept). */
function selectionKeys(selection: SelectionSetNode | undefined, prefix: string): string[] {
  if (!selection) return [];
  return selection.selections.flatMap((s) => {
    if (s.kind !== Kind.FIELD || s.name.value === '__typename') return [];
    const name = `${prefix}${s.name.value}`;
    return s.selectionSet ? selectionKeys(s.selectionSet, `${name}_`) : [name];
  });
}

/**
 * Lay the aggregate's result out as a table (see the module comment). `selection` is the query's
 * selection under the root field: it names the columns of an empty list.
 */
export function tableOf(field: string, result: Json | undefined, selection?: SelectionSetNode): AggregateTable {
  if (!isObj(result)) return { field, columns: [], rows: [], summary: {}, disclosure: disclosureText(undefined), notExported: [] };
  const asOf = [result.asOf, isObj(result.disclosure) ? result.disclosure.referenceDate : undefined].find((v): v is string => typeof v === 'string' && ISO_DATE.test(v));
  const summary: Record<string, string | number | boolean | null> = {};
  const notExported = new Set<string>();
  // the exported list: `rows`, else the first list of objects (an empty list counts: its header stays)
  const listKey =
    (Array.isArray(result.rows) ? 'rows' : undefined) ??
    Object.keys(result).find((k) => isObjList(result[k])) ??
    Object.keys(result).find((k) => Array.isArray(result[k]) && !isScalarList(result[k]));
  const rest: Obj = {};
  for (const [key, v] of Object.entries(result)) if (key !== listKey && key !== 'disclosure') rest[key] = v;
  summaryOf(rest, '', '', summary, notExported);
  const list = listKey ? (result[listKey] as Json[]).filter(isObj) : [];
  const shape = shapeOf(list, listKey ?? '', notExported);
  const budget = { left: MAX_AGGREGATE_ROWS };
  const lines = list.flatMap((el) => flatten(el, shape, '', budget));
  if (lines.length > MAX_AGGREGATE_ROWS) tooMany();
  let keys = [...new Set(lines.flatMap((l) => Object.keys(l)))];
  if (!lines.length && listKey) {
    const listField = selection?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === listKey);
    keys = selectionKeys(listField?.selectionSet, '');
  }
  const columns: Array<ExportColumn<Row>> = keys.map((key) => {
    const type = columnType(key, lines.map((l) => l[key] ?? null));
    return { key, type, width: Math.min(40, Math.max(12, key.length + 2)), value: (r: Row) => r[key] ?? null };
  });
  const rows = lines.map((l) => Object.fromEntries(columns.map((c) => [c.key, cellOf(c.type, l[c.key])])) as Row);
  return { field, columns, rows, summary, disclosure: disclosureText(result.disclosure), notExported: [...notExported].map((p) => p.replace(/^\./, '')).sort(), ...(asOf ? { asOf } : {}) };
}
