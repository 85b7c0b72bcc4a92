/**
 * The cost of a GraphQL operation, computed AFTER its variables are coerced, and an Apollo plugin that
 * refuses an operation over the limit before anything executes (`didResolveOperation`).
 *
 * graphql-armor's cost rule runs at validation, where variables are unknown, so it multiplies only
 * literal `first:` values: `jobOpenings(first: $n) { … rankedCandidates(first: $n) … }` counted as
 * a page of one. Here every argument is read as the resolver will see it (`getArgumentValues` with the
 * coerced variables, then the argument's default), so the literal and the variable form cost the same.
 *
 * The model (every number is in `COST_MODEL` below):
 * - every selected field costs 1 (a value the server resolves); `__typename` costs nothing;
 * - a field may declare an extra weight for the work its resolver does once per parent, as field
 *   extensions `{ cost: { weight: n } }` (type-graphql `@Extensions`), e.g. `JobOpening.rankedCandidates`
 *   declares a fixed 6,000 for the ranking of its pool;
 * - a list is multiplied by its page size: the coerced value of its page argument (`first`, `last`,
 *   `pageSize`, `limit`), or, when absent or null, the server's default page size (20); negative values
 *   count 0 (the resolver refuses them before any work);
 * - a connection (a field with a page argument that returns an object) passes its page size to the
 *   lists inside it (`edges`, `nodes`); `totalCount` and `pageInfo` are not multiplied;
 * - a list without a page argument (a MoU's quotas, a candidate's history, the parameters) is bounded
 *   by the data, not by the caller, and counts `unpagedListSize` items (10);
 * - nesting multiplies: a page of 100 openings each with 100 ranked candidates is 10,000 items;
 * - fields skipped by `@skip` / `@include` (with the coerced variables) cost nothing; fragments are
 *   merged like graphql-js merges them (a field selected twice is counted once); on an abstract type
 *   the most expensive possible type counts;
 * - introspection (`__schema`, `__type`) costs nothing here (introspection.ts decides who may run it;
 *   the depth and token limits still apply).
 *
 * The refusal has the shape of the other document limits: HTTP 400, `extensions.code`
 * GRAPHQL_VALIDATION_FAILED, `reason` LIMIT_EXCEEDED, message `Query Cost limit of 20000 exceeded,
 * found 123456.` (numbers only). Variables that fail coercion are left to graphql-js (BAD_USER_INPUT,
 * nothing executes).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

export interface CostModel {
  /** Argument names that set a list's page size. */
  readonly pageArguments: readonly string[];
  /** Items counted for a paged list whose page argument is absent or null (the resolvers' default page size). */
  readonly defaultPageSize: number;
  /** Items counted for a list without a page argument (bounded by the data). */
  readonly unpagedListSize: number;
  /** Fields of a connection type whose items are the page (`edges`, `nodes`). */
  readonly connectionListFields: readonly string[];
}

/**
 * defaultPageSize = graphql/types/connection.type.ts DEFAULT_PAGE_SIZE (and rankedCandidates' default);
 * unpagedListSize = 10: the largest unpaged lists of the seed program are a MoU's 3 quotas and a
 * candidate's stage history (under 10 changes); lists larger than that are paged.
 */
export const COST_MODEL: CostModel = Object.freeze({
  pageArguments: Object.freeze(['first', 'last', 'pageSize', 'limit']),
  defaultPageSize: 20,
  unpagedListSize: 10,
  connectionListFields: Object.freeze(['edges', 'nodes']),
});

/** Field extensions read by the estimator: `@Extensions({ cost: { weight: 2000 } })` (type-graphql). */
export interface FieldCostExtension {
  /** Extra cost of the field's resolver, paid once per parent object. */
  readonly weight?: number;
}

export interface OperationCostInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** The operation to run (required when the document has several). */
  readonly operationName?: string | null;
  /** Raw variables as sent (coerced here). */
  readonly variables?: Readonly<Record<string, unknown>> | null;
  /**
   * A static estimate (tests of client documents): the variables are not coerced, and a page argument
   * given by a variable that is not in `variables` counts this many items (e.g. the SDK's largest page).
   */
  readonly unknownVariablePageSize?: number;
}

export type OperationCost =
  | { readonly ok: true; readonly cost: number }
  /** The variables do not coerce (graphql-js will refuse them) or the operation is not found. */
  | { readonly ok: false; readonly reason: 'VARIABLES_INVALID' | 'NO_OPERATION' };

function selectedOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  if (operation.operation === 'query') return schema.getQueryType();
  if (operation.operation === 'mutation') return schema.getMutationType();
  return schema.getSubscriptionType();
}

function fieldWeight(field: GraphQLField<unknown, unknown>): number {
  const ext = (field.extensions as { cost?: FieldCostExtension } | undefined)?.cost;
  const w = ext?.weight;
  return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
}

class CostWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly model: CostModel,
    private readonly unknownVariablePageSize: number | undefined,
  ) {}

  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (!node.directives?.length) return true;
    try {
      const skip = getDirectiveValues(GraphQLSkipDirective, node, this.variables);
      if (skip?.if === true) return false;
      const include = getDirectiveValues(GraphQLIncludeDirective, node, this.variables);
      return include?.if !== false;
    } catch {
      return true; // a static estimate without the variable: count the field
    }
  }

  /** graphql-js's CollectFields for one concrete type: response key → the field nodes merged under it. */
  private collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, out: Map<string, FieldNode[]>, visited: Set<string>): void {
    for (const sel of selectionSet.selections) {
      if (!this.included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const list = out.get(key);
        if (list) list.push(sel);
        else out.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (sel.typeCondition && !this.applies(sel.typeCondition.name.value, type)) continue;
        this.collect(type, sel.selectionSet, out, visited);
      } else {
        const name = sel.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = this.fragments.get(name);
        if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) continue;
        this.collect(type, fragment.selectionSet, out, visited);
      }
    }
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /**
   * Cost of the selections on a value of `type`. `pageSize` is set inside a connection: its lists
   * (`edges`, `nodes`) count that many items.
   */
  selectionCost(type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], pageSize: number | undefined): number {
    const concrete: readonly GraphQLObjectType[] = isObjectType(type) ? [type] : this.schema.getPossibleTypes(type);
    let worst = 0;
    for (const objectType of concrete) {
      const fields = new Map<string, FieldNode[]>();
      for (const set of selectionSets) this.collect(objectType, set, fields, new Set());
      let total = 0;
      for (const nodes of fields.values()) total += this.fieldCost(objectType, nodes, pageSize);
      worst = Math.max(worst, total);
    }
    return worst;
  }

  private pageSizeOf(field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
    const pageArgs = field.args.filter((a) => this.model.pageArguments.includes(a.name));
    if (pageArgs.length === 0) return undefined;
    let size: number | undefined;
    for (const arg of pageArgs) {
      const argNode = node.arguments?.find((a) => a.name.value === arg.name);
      let v: unknown;
      if (!argNode) v = arg.defaultValue;
      else if (argNode.value.kind === Kind.VARIABLE && !(argNode.value.name.value in this.variables)) {
        // not sent (or, in a static estimate, not known): the variable's default was already applied
        v = this.unknownVariablePageSize ?? arg.defaultValue;
      } else v = valueFromAST(argNode.value, arg.type, this.variables);
      if (typeof v === 'number' && Number.isFinite(v)) size = Math.max(size ?? 0, Math.max(0, Math.floor(v)));
    }
    return size ?? this.model.defaultPageSize;
  }

  private fieldCost(parent: GraphQLObjectType, nodes: readonly FieldNode[], inheritedPageSize: number | undefined): number {
    const node = nodes[0] as FieldNode;
    const name = node.name.value;
    if (name === '__typename' || name === '__schema' || name === '__type') return 0;
    const field = parent.getFields()[name];
    if (!field) return 0; // validation has refused unknown fields already
    const ownPage = this.pageSizeOf(field, node);
    const nullable = getNullableType(field.type);
    const isList = isListType(nullable);
    const named = getNamedType(field.type);
    const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    const children = subSets.length > 0 && (isObjectType(named) || isAbstractType(named)) ? named : undefined;
    let items = 1;
    let pageForChildren: number | undefined;
    if (isList) {
      items = ownPage ?? (inheritedPageSize !== undefined && this.model.connectionListFields.includes(name) ? inheritedPageSize : this.model.unpagedListSize);
    } else if (ownPage !== undefined) {
      pageForChildren = ownPage; // a connection: its edges/nodes are the page
    }
    const childCost = children ? this.selectionCost(children, subSets, pageForChildren) : 0;
    return 1 + fieldWeight(field) + items * childCost;
  }
}

/** The cost of the operation with its variables, as the resolvers will see them. */
export function operationCost(input: OperationCostInput, model: CostModel = COST_MODEL): OperationCost {
  const operation = selectedOperation(input.document, input.operationName);
  if (!operation) return { ok: false, reason: 'NO_OPERATION' };
  const root = rootType(input.schema, operation);
  if (!root) return { ok: false, reason: 'NO_OPERATION' };
  let variables: Record<string, unknown>;
  if (input.unknownVariablePageSize !== undefined) {
    variables = { ...(input.variables ?? {}) };
  } else {
    const coerced = getVariableValues(input.schema, operation.variableDefinitions ?? [], { ...(input.variables ?? {}) }, { maxErrors: 1 });
    if (coerced.errors) return { ok: false, reason: 'VARIABLES_INVALID' };
    variables = coerced.coerced;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of input.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walker = new CostWalker(input.schema, fragments, variables, model, input.unknownVariablePageSize);
  return { ok: true, cost: walker.selectionCost(root, [operation.selectionSet], undefined) };
}

/** The refusal: same message, code and HTTP status as graphql-armor's document limits. */
export function costLimitError(maxCost: number, cost: number): GraphQLError {
  return new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)}.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

export interface QueryCostPluginOptions {
  readonly maxCost: number;
  readonly model?: CostModel;
  /** Called with the cost of each refused operation (logging). */
  readonly onReject?: (cost: number) => void;
}

/**
 * Apollo plugin: after the operation is resolved (parsed, validated, operation chosen) and before
 * execution, compute its cost with the request's variables and refuse it when over `maxCost`.
 */
export function queryCostPlugin(options: QueryCostPluginOptions): ApolloServerPlugin {
  const { maxCost } = options;
  if (!Number.isSafeInteger(maxCost) || maxCost < 1) throw new RangeError('maxCost must be a positive integer');
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const result = operationCost({ schema, document, operationName, variables: request.variables ?? {} }, options.model ?? COST_MODEL);
          if (!result.ok) return; // graphql-js refuses bad variables itself, before anything runs
          if (result.cost > maxCost) {
            options.onReject?.(result.cost);
            throw costLimitError(maxCost, result.cost);
          }
        },
      };
    },
  };
}
