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
import { Kind, OperationTypeNode, getNamedType, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
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
export function variablesAsFilters(variables: unknown, prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return out;
  for (const [k, v] of Object.entries(variables as Record<string, unknown>)) {
    const key = `${prefix}${k}`;
    if (Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)));
    else if (typeof v === 'object' && v !== null) Object.assign(out, variablesAsFilters(v, `${key}.`));
    else if (v !== undefined) out[key] = [String(v)];
  }
  return out;
}

/** The most lines an aggregate download may have (an aggregate's rows are groups, not records). */
export const MAX_AGGREGATE_ROWS = 100_000;

function refuse(reason: string, id: string, en: string, field?: string[]): never {
  throw new GatewayError('BAD_USER_INPUT', { id, en }, { domainCode: `EXPORT.${reason}`, ...(field ? { field } : {}) });
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

/**
 * Check the document before it runs: one query operation (no mutation), selecting exactly one root
 * field, an aggregate. Returns the field's response key (alias or name).
 */
export function checkAggregateDocument(schema: GraphQLSchema, query: unknown, operationName?: string): { document: DocumentNode; responseKey: string; field: string } {
  if (typeof query !== 'string' || query.trim() === '') refuse('QUERY_REQUIRED', 'Isi `query` dengan query GraphQL satu agregat.', 'Give the GraphQL query of one aggregate (`query`).', ['query']);
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5000 });
  } catch {
    refuse('QUERY_INVALID', 'Query bukan GraphQL yang sah.', 'The query is not valid GraphQL.', ['query']);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
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
  return { document, responseKey: root.alias?.value ?? root.name.value, field: root.name.value };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObjList = (v: Json | undefined): v is Obj[] => Array.isArray(v) && v.length > 0 && v.every(isObj);

/** One element flattened into lines (several when it holds a list of objects). */
function flatten(value: Obj, prefix: string, path: string, notExported: Set<string>): Array<Record<string, Json>> {
  const own: Record<string, Json> = {};
  let nested: Array<Record<string, Json>> | undefined;
  const nestedParts: Array<Array<Record<string, Json>>> = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === '__typename') continue;
    const name = `${prefix}${key}`;
    if (isObjList(v)) {
      if (nested === undefined) nested = v.flatMap((el) => flatten(el, `${name}_`, `${path}.${key}`, notExported));
      else notExported.add(`${path}.${key}`);
    } else if (Array.isArray(v)) {
      own[name] = v.length === 0 ? null : v.every((x) => !isObj(x) && !Array.isArray(x)) ? v.map(String).join(', ') : null;
    } else if (isObj(v)) {
      const parts = flatten(v, `${name}_`, `${path}.${key}`, notExported);
      if (parts.length === 1) Object.assign(own, parts[0]);
      else nestedParts.push(parts);
    } else own[name] = v;
  }
  let lines: Array<Record<string, Json>> = [own];
  for (const parts of [...nestedParts, ...(nested ? [nested] : [])]) lines = lines.flatMap((l) => (parts.length ? parts.map((p) => ({ ...l, ...p })) : [l]));
  return lines;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^-?\d+$/;

function columnType(key: string, values: readonly Json[]): ColumnType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (!present.length) return 'text';
  if (/(^|_)amount$/.test(key) && present.every((v) => typeof v === 'string' && DIGITS.test(v))) return 'amount';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'integer';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) return 'date';
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

/** Lay the aggregate's result out as a table (see the module comment). */
export function tableOf(field: string, result: Json | undefined): AggregateTable {
  if (!isObj(result)) return { field, columns: [], rows: [], summary: {}, disclosure: disclosureText(undefined), notExported: [] };
  const asOf = [result.asOf, isObj(result.disclosure) ? result.disclosure.referenceDate : undefined].find((v): v is string => typeof v === 'string' && ISO_DATE.test(v));
  const summary: Record<string, string | number | boolean | null> = {};
  const notExported = new Set<string>();
  let list: Obj[] | undefined;
  let listKey = 'rows';
  if (Array.isArray(result.rows)) list = result.rows.filter(isObj);
  for (const [key, v] of Object.entries(result)) {
    if (key === 'disclosure' || key === '__typename') continue;
    if (isObjList(v) || Array.isArray(v)) {
      if (list === undefined && isObjList(v)) {
        list = v;
        listKey = key;
      } else if (key !== listKey) notExported.add(key);
    } else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) if (!isObj(x) && !Array.isArray(x)) summary[`${key}_${k}`] = x;
    } else summary[key] = v;
  }
  const lines = (list ?? []).flatMap((el) => flatten(el, '', listKey, notExported));
  if (lines.length > MAX_AGGREGATE_ROWS) refuse(
      'TOO_MANY_ROWS',
      `Agregat ini punya ${lines.length} baris; satu unduhan paling banyak ${MAX_AGGREGATE_ROWS}. Persempit filter atau periodenya.`,
      `The aggregate has ${lines.length} lines; a download holds at most ${MAX_AGGREGATE_ROWS}. Narrow the filter or the period.`,
    );
  const keys: string[] = [];
  for (const l of lines) for (const k of Object.keys(l)) if (!keys.includes(k)) keys.push(k);
  const columns: Array<ExportColumn<Row>> = keys.map((key) => {
    const type = columnType(key, lines.map((l) => l[key] ?? null));
    return { key, type, width: Math.min(40, Math.max(12, key.length + 2)), value: (r: Row) => r[key] ?? null };
  });
  const rows = lines.map((l) => Object.fromEntries(columns.map((c) => [c.key, cellOf(c.type, l[c.key])])) as Row);
  return { field, columns, rows, summary, disclosure: disclosureText(result.disclosure), notExported: [...notExported].sort(), ...(asOf ? { asOf } : {}) };
}
