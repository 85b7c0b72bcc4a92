/**
 * The input boundary (issue 8 §3): text that PostgreSQL cannot store, or that no client means to send,
 * is refused before any resolver runs, as `BAD_USER_INPUT` with the argument path in `extensions.field`,
 * a stable `extensions.reason` and bilingual messages. The value is never echoed.
 *
 * - `INVALID_CHARACTER`: a NUL byte (PostgreSQL text and jsonb cannot hold U+0000), another C0 control
 *   character except tab, line feed and carriage return, DEL, or a lone UTF-16 surrogate (not Unicode
 *   text: node-postgres would silently turn it into U+FFFD in text columns, and jsonb refuses its
 *   `\ud800` escape). Checked in every string of every argument, inline literal or variable, at any
 *   depth, including object keys of `JSON` arguments.
 * - `DATE_OUT_OF_RANGE`: a `Date` / `DateTime` outside years 0001–9999 (graphql/scalars.ts). For an
 *   inline literal the scalar refuses it during validation; `inputGuardPlugin` then adds the literal's
 *   argument path, which the scalar cannot know.
 *
 * The plugin runs in `didResolveOperation` (after parsing and validation, before variables are coerced
 * and before execution), so nothing with such a character reaches a resolver, the ORM or the logs.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { BOUNDARY_REASONS, boundaryMessages, GatewayError, type BoundaryReason } from '../graphql/errors';

export type { BoundaryReason } from '../graphql/errors';
export { BOUNDARY_REASONS, boundaryMessages } from '../graphql/errors';

/** C0 controls except \t \n \r, and DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type CharacterProblem = 'NUL' | 'CONTROL_CHARACTER' | 'LONE_SURROGATE';

/** What is wrong with the characters of `s`, if anything. */
export function characterProblem(s: string): CharacterProblem | undefined {
  if (s.includes('\u0000')) return 'NUL';
  if (CONTROL.test(s)) return 'CONTROL_CHARACTER';
  if (LONE_SURROGATE.test(s)) return 'LONE_SURROGATE';
  return undefined;
}

/** A boundary refusal: BAD_USER_INPUT, the path, the reason, bilingual messages, no value. */
export function boundaryError(reason: BoundaryReason, field: readonly (string | number)[], details?: Record<string, string>): GatewayError {
  const path = field.map(String);
  const error = new GatewayError('BAD_USER_INPUT', boundaryMessages(reason, path), {
    ...(path.length ? { field: path } : {}),
    ...(details ? { details } : {}),
  });
  (error.extensions as Record<string, unknown>)['reason'] = reason;
  return error;
}

export interface BadInput {
  readonly reason: BoundaryReason;
  readonly field: readonly (string | number)[];
  readonly problem: CharacterProblem;
}

type Path = ReadonlyArray<string | number>;

/** The first bad string in a plain (variable) value, with its path. */
function scanValue(value: unknown, path: Path, depth: number): BadInput | undefined {
  if (depth > 64) return undefined;
  if (typeof value === 'string') {
    const problem = characterProblem(value);
    return problem ? { reason: 'INVALID_CHARACTER', field: path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = scanValue(value[i], [...path, i], depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const keyProblem = characterProblem(key);
      if (keyProblem) return { reason: 'INVALID_CHARACTER', field: path, problem: keyProblem };
      const bad = scanValue(v, [...path, key], depth + 1);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** The first bad string in an argument's value (literal, or a variable's raw value), with its path. */
function scanNode(node: ValueNode, path: Path, variables: Readonly<Record<string, unknown>>, depth: number): BadInput | undefined {
  if (depth > 64) return undefined;
  switch (node.kind) {
    case Kind.STRING: {
      const problem = characterProblem(node.value);
      return problem ? { reason: 'INVALID_CHARACTER', field: path, problem } : undefined;
    }
    case Kind.VARIABLE:
      return scanValue(variables[node.name.value], path, depth + 1);
    case Kind.LIST:
      for (let i = 0; i < node.values.length; i++) {
        const bad = scanNode(node.values[i] as ValueNode, [...path, i], variables, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    case Kind.OBJECT:
      for (const f of node.fields) {
        const bad = scanNode(f.value, [...path, f.name.value], variables, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The first string with a refused character in the arguments of `operation` (and of the fragments it
 * can reach: every fragment of the document is scanned), literal or variable, or in a variable value.
 */
export function findBadInput(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): BadInput | undefined {
  let found: BadInput | undefined;
  const definitions = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION || d === operation);
  for (const def of definitions) {
    visit(def, {
      Argument(node) {
        if (found) return false;
        found = scanNode(node.value, [node.name.value], variables, 0);
        return false;
      },
      VariableDefinition(node) {
        if (found) return false;
        // defaults of variables are literals too
        if (node.defaultValue) found = scanNode(node.defaultValue, [node.variable.name.value], {}, 0);
        return false;
      },
    });
    if (found) return found;
  }
  // a variable the operation does not use is still input (graphql-js refuses it later, after coercion)
  for (const [name, value] of Object.entries(variables)) {
    const bad = scanValue(value, [name], 0);
    if (bad) return bad;
  }
  return undefined;
}

/** Where `target` sits in the document's arguments: `[argument, field or index, …]`. */
export function argumentPathOf(document: DocumentNode, target: ASTNode): Array<string | number> | undefined {
  let result: Array<string | number> | undefined;
  const walk = (node: ValueNode, path: Array<string | number>): boolean => {
    if (node === target) {
      result = path;
      return true;
    }
    if (node.kind === Kind.LIST) return node.values.some((v, i) => walk(v, [...path, i]));
    if (node.kind === Kind.OBJECT) return node.fields.some((f) => (f === target ? ((result = [...path, f.name.value]), true) : walk(f.value, [...path, f.name.value])));
    return false;
  };
  visit(document, {
    Argument(node) {
      if (result) return false;
      if (node === target) result = [node.name.value];
      else walk(node.value, [node.name.value]);
      return false;
    },
  });
  return result;
}

function isBoundaryReason(v: unknown): v is BoundaryReason {
  return typeof v === 'string' && (BOUNDARY_REASONS as readonly string[]).includes(v);
}

/**
 * Apollo plugin: refuse bad characters before execution; give inline literal refusals of the scalars
 * (validation errors without a path) the argument path.
 */
export function inputGuardPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc: GraphQLRequestContext<TContext>) {
          const bad = findBadInput(rc.document as DocumentNode, rc.operation as OperationDefinitionNode | undefined, rc.request.variables ?? {});
          if (!bad) return;
          rc.response.http.status = 400;
          throw boundaryError(bad.reason, bad.field, { character: bad.problem });
        },
        async didEncounterErrors(rc) {
          const document = rc.document as DocumentNode | undefined;
          if (!document) return;
          for (const error of rc.errors ?? []) {
            // only request-level errors (validation of inline literals); resolver errors have a path
            if (!(error instanceof GraphQLError) || error.path) continue;
            const ext = error.extensions as Record<string, unknown> | undefined;
            if (!ext || !isBoundaryReason(ext['reason']) || ext['field'] !== undefined) continue;
            const node = (error as GraphQLError).nodes?.[0];
            const path = node ? argumentPathOf(document, node) : undefined;
            if (path) {
              ext['field'] = path.map(String);
              ext['messages'] = boundaryMessages(ext['reason'], path);
            }
          }
        },
      };
    },
  };
}
