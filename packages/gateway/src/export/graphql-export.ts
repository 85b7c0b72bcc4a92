/**
 * The exports whose rows come from a GraphQL query run with the caller's context: an aggregate (the
 * caller's query), the cohort catalogue and a class list (fixed documents, export/training.ts). Shared
 * by `GET /exports/{aggregate,cohorts,class-list}.*` (http/exports-route.ts) and `npm run export`
 * (cli/export.ts), so both check, run and lay out the same query the same way. Refusals are thrown
 * before any byte: `GatewayError` (the export's own checks) or `GraphqlRefusal` (what `/graphql`
 * would have answered).
 */
import type { ApolloServer } from '@apollo/server';
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../graphql/context';
import { GatewayError, notFound } from '../graphql/errors';
import { aggregateFields, checkAggregateDocument, rootSelectionOf, tableOf, variablesAsFilters, type AggregateTable } from './aggregate';
import { classListCohort, CLASS_LIST_DOCUMENT, COHORT_FIELDS, cohortExportFilter, COHORTS_DOCUMENT } from './training';
import type { RawQuery } from './query';

/** Runs one GraphQL operation as the caller; resolves with its `data`, throws `GraphqlRefusal` on errors. */
export type ExecuteGraphql = (query: string, variables: Record<string, unknown>, operationName?: string) => Promise<Record<string, unknown>>;

/** GraphQL errors of an export's query: answered as `/graphql` would answer them, before any byte. */
export class GraphqlRefusal extends Error {
  constructor(
    readonly errors: ReadonlyArray<{ readonly message?: string; readonly extensions?: Record<string, unknown> } & Record<string, unknown>>,
    /** The answer's own headers (e.g. `Retry-After` of a 503). */
    readonly headers: ReadonlyArray<readonly [string, string]> = [],
  ) {
    super(typeof errors[0]?.message === 'string' ? errors[0].message : 'refused by GraphQL');
  }
}

/** `executeOperation` of the gateway's Apollo server with the caller's context. */
export function apolloExecutor(apollo: ApolloServer<GatewayContext>, ctx: GatewayContext): ExecuteGraphql {
  return async (query, variables, operationName) => {
    const response = await apollo.executeOperation({ query, variables, ...(operationName ? { operationName } : {}) }, { contextValue: ctx });
    if (response.body.kind !== 'single') throw new GatewayError('INTERNAL_SERVER_ERROR');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new GraphqlRefusal(errors as unknown as GraphqlRefusal['errors'], [...response.http.headers].filter(([k]) => k.toLowerCase() === 'retry-after'));
    return (data ?? {}) as Record<string, unknown>;
  };
}

export interface PreparedGraphqlExport {
  readonly table: AggregateTable;
  readonly filters: Record<string, string[]>;
  readonly kind?: 'cohorts' | 'class-list';
}

/** `variables` as sent (a JSON text or an object): an object, or EXPORT.VARIABLES_INVALID. */
export function aggregateVariables(raw: unknown): Record<string, unknown> {
  let variables = raw;
  if (typeof variables === 'string') {
    try {
      variables = variables.trim() === '' ? {} : JSON.parse(variables);
    } catch {
      throw new GatewayError('BAD_USER_INPUT', { id: '`variables` bukan JSON yang sah.', en: '`variables` is not valid JSON.' }, { domainCode: 'EXPORT.VARIABLES_INVALID', field: ['variables'] });
    }
  }
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw new GatewayError('BAD_USER_INPUT', { id: '`variables` harus objek JSON.', en: '`variables` must be a JSON object.' }, { domainCode: 'EXPORT.VARIABLES_INVALID', field: ['variables'] });
  }
  return (variables ?? {}) as Record<string, unknown>;
}

/** One aggregate's query, checked (one query, one aggregate root field, no alias, no record), run and laid out. */
export async function prepareAggregateExport(
  execute: ExecuteGraphql,
  schema: GraphQLSchema,
  request: { readonly query: unknown; readonly variables: Record<string, unknown>; readonly operationName?: string },
): Promise<PreparedGraphqlExport> {
  const checked = checkAggregateDocument(schema, request.query, request.operationName);
  const data = await execute(request.query as string, request.variables, request.operationName);
  return { table: tableOf(checked.field, data[checked.responseKey] as never, checked.selection), filters: variablesAsFilters(request.variables, checked.declaredVariables) };
}

/** The columns of an empty cohort list or class list (their fixed documents' selections). */
const COHORT_ROWS_SELECTION = rootSelectionOf(`{ x { rows { ${COHORT_FIELDS} } } }`);
const CLASS_LIST_SELECTION = rootSelectionOf(CLASS_LIST_DOCUMENT);

/** Pages of `trainingCohorts` read until the last (the catalogue is small; at most MAX_COHORT_PAGES × 100). */
export const MAX_COHORT_PAGES = 100;

/** The cohort catalogue under the route's filters (`status`, `courseKind`, `kecamatan`, `provider`, `startsFrom`, `startsUntil`), every page. */
export async function prepareCohortsExport(execute: ExecuteGraphql, query: RawQuery): Promise<PreparedGraphqlExport> {
  const { filter, filters } = cohortExportFilter(query);
  const nodes: unknown[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_COHORT_PAGES; page++) {
    const data = await execute(COHORTS_DOCUMENT, { first: 100, filter, ...(after ? { after } : {}) });
    const conn = data.trainingCohorts as { edges: Array<{ node: unknown }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    nodes.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) {
      after = undefined;
      break;
    }
    after = conn.pageInfo.endCursor;
  }
  // more cohorts than MAX_COHORT_PAGES pages: refused, never a silently cut file
  if (after !== undefined) throw new GatewayError('BAD_USER_INPUT', { id: `Lebih dari ${MAX_COHORT_PAGES * 100} kelompok; persempit filternya.`, en: `More than ${MAX_COHORT_PAGES * 100} cohorts; narrow the filter.` }, { domainCode: 'EXPORT.TOO_MANY_ROWS' });
  return { table: tableOf('trainingCohorts', { rows: nodes } as never, COHORT_ROWS_SELECTION), filters, kind: 'cohorts' };
}

/** One cohort's class list (`cohort=<id>`); NOT_FOUND when the caller sees no such cohort. */
export async function prepareClassListExport(execute: ExecuteGraphql, query: RawQuery): Promise<PreparedGraphqlExport> {
  const id = classListCohort(query);
  const data = await execute(CLASS_LIST_DOCUMENT, { id });
  if (!data.trainingCohort) throw notFound('TrainingCohort', ['cohort']);
  return { table: tableOf('classList', data.trainingCohort as never, CLASS_LIST_SELECTION), filters: { cohort: [id] }, kind: 'class-list' };
}

/** How deep the default selection of `defaultAggregateDocument` goes below the root field. */
const DEFAULT_SELECTION_DEPTH = 4;

function selectionOf(type: GraphQLNamedType, depth: number): string | undefined {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth > DEFAULT_SELECTION_DEPTH) return undefined;
  const fields = type.getFields();
  // a record (an object with an id) is never part of an aggregate's download (checkAggregateDocument)
  if (depth > 0 && 'id' in fields) return undefined;
  const parts: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (field.deprecationReason) continue;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const inner = selectionOf(getNamedType(field.type), depth + 1);
    if (inner === undefined) continue;
    parts.push(inner === '' ? name : `${name} { ${inner} }`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * A query over one aggregate by name (`candidateCounts`), for `npm run export -- aggregate <file> --query candidateCounts`:
 * every argument of the field as a variable of its own type (`$groupBy`, `$filter`, …; give them with
 * `--variables`), and every figure of its result (scalars and nested objects, no record, no deprecated
 * field, nothing that needs an argument). Undefined when `field` is not an aggregate of the schema.
 */
export function defaultAggregateDocument(schema: GraphQLSchema, field: string): string | undefined {
  if (!aggregateFields(schema).has(field)) return undefined;
  const definition = schema.getQueryType()!.getFields()[field]!;
  const selection = selectionOf(getNamedType(definition.type), 0);
  if (!selection) return undefined;
  const args = definition.args;
  // an argument with a default: a nullable variable (left out, the argument's default applies)
  const declared = args.map((a) => `$${a.name}: ${(a.defaultValue !== undefined && isNonNullType(a.type) ? a.type.ofType : a.type).toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const name = `Export${field[0]!.toUpperCase()}${field.slice(1)}`;
  return `query ${name}${declared ? `(${declared})` : ''} {\n  ${field}${passed ? `(${passed})` : ''} { ${selection} }\n}\n`;
}
