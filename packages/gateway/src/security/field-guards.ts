/**
 * Authorization once per object, not once per scalar (issue 9).
 *
 * The rules stay where they are declared: type-graphql's `@Authorized(...RULE)` on every field
 * (security/rules.ts; the schema walk test reads them). What changes is how they are enforced. Out of
 * the box type-graphql wraps every field that has a rule in an async middleware chain, so a page of 100
 * candidates with 8 scalars ran 800 auth checks and several thousand promises, all asking the same
 * question: does this caller hold one of these roles? The answer depends on the principal only, never
 * on the object (which objects a caller may see at all is the row scope, decided in SQL by the read
 * models and resolvers: graphql/access.ts).
 *
 * `compileFieldGuards(schema)` rewrites the built schema so that:
 * 1. A type whose fields all carry the same rule (every personal type: PERSONAL_RULE) is guarded as a
 *    type: each field that returns it (a list: once for the list) checks the rule on what it resolved,
 *    and the type's plain fields read their property with no check of their own. The refusal (an error
 *    at the field that returns the type, FORBIDDEN or UNAUTHENTICATED) is the one the fields gave.
 * 2. A plain field whose rule differs from its type's (e.g. `actor` on a public status change) keeps a
 *    check of its own, synchronous: no middleware chain, no promise.
 * 3. A plain PUBLIC field, or one without a rule, is graphql-js's property read.
 * 4. Field resolvers (type-graphql `@FieldResolver`, root queries and mutations) keep type-graphql's
 *    own wrapper with their rule when they take arguments (validated there); one that takes only the
 *    parent and the context is called directly with its rule checked synchronously; none of them starts
 *    after the request's deadline (`assertBeforeDeadline`): that replaces the per-field
 *    `willResolveField` hook, so Apollo never instruments the schema.
 * A type returned through an interface or union is never guarded as a type (rule 1 needs every path
 * to it to be a field that returns it by name); its fields keep their own checks (rule 2).
 */
import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { requireRule, type PrincipalContext } from './auth-checker';
import { assertBeforeDeadline } from './query-timeout';
import type { Role } from './role';

interface FieldMeta {
  readonly name: string;
  readonly schemaName: string;
  readonly roles?: readonly Role[];
}
interface ObjectMeta {
  readonly name: string;
  readonly target: Function;
  readonly fields?: readonly FieldMeta[];
}
interface ParamMeta {
  readonly kind: string;
  readonly index: number;
  readonly propertyName?: string;
}
interface FieldResolverMeta {
  readonly schemaName: string;
  readonly methodName: string;
  readonly target: new () => Record<string, unknown>;
  readonly roles?: readonly Role[];
  readonly middlewares?: readonly unknown[];
  readonly params?: readonly ParamMeta[];
  readonly getObjectType?: () => Function;
}

/** What the compiler decided, for tests and the README's numbers. */
export interface FieldGuardReport {
  /** Types guarded as a whole, with their rule. */
  readonly typeRules: ReadonlyMap<string, readonly Role[]>;
  /** Plain fields that kept a (synchronous) check of their own, as `Type.field`. */
  readonly fieldChecks: readonly string[];
  /** Fields that check a returned type's rule, as `Type.field`. */
  readonly typeGuards: readonly string[];
}

const ruleKey = (roles: readonly Role[] | undefined): string => (roles ? [...roles].sort().join(',') : '<none>');
const isPublic = (roles: readonly Role[] | undefined): boolean => roles === undefined || roles.includes('PUBLIC');

function metadata(): { objects: Map<string, ObjectMeta>; custom: Map<string, FieldResolverMeta> } {
  const storage = getMetadataStorage() as unknown as { objectTypes: ObjectMeta[]; fieldResolvers: FieldResolverMeta[] };
  const objects = new Map<string, ObjectMeta>();
  const byTarget = new Map<Function, string>();
  for (const t of storage.objectTypes) {
    objects.set(t.name, t);
    byTarget.set(t.target, t.name);
  }
  const custom = new Map<string, FieldResolverMeta>();
  for (const fr of storage.fieldResolvers) {
    const target = fr.getObjectType?.();
    const typeName = target ? byTarget.get(target) : undefined;
    if (typeName) custom.set(`${typeName}.${fr.schemaName}`, fr);
  }
  return { objects, custom };
}

/** Types that some field returns through an interface or union: never guarded as a type. */
function reachedAbstractly(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const f of Object.values(type.getFields())) {
      const named = getNamedType(f.type);
      if (isAbstractType(named)) for (const t of schema.getPossibleTypes(named)) out.add(t.name);
    }
  }
  return out;
}

/** A type's rule when every field of it carries the same non-public rule. */
function uniformRule(meta: ObjectMeta | undefined, type: GraphQLObjectType): readonly Role[] | undefined {
  if (!meta?.fields?.length) return undefined;
  const names = Object.keys(type.getFields());
  const rules = names.map((n) => meta.fields!.find((f) => f.schemaName === n)?.roles);
  const first = rules[0];
  if (rules.length !== names.length || !first || isPublic(first)) return undefined;
  return rules.every((r) => ruleKey(r) === ruleKey(first)) ? first : undefined;
}

const propertyReads = new WeakSet<Function>();

/**
 * Whether `resolve` is the property read of a field named apart from its property (BilingualText.idn
 * reads `id`): it resolves nothing, like graphql-js's default read (the N+1 schema walk asks).
 */
export function isPropertyRead(resolve: unknown): boolean {
  return typeof resolve === 'function' && propertyReads.has(resolve);
}

function plainRead(field: FieldMeta): GraphQLFieldResolver<unknown, unknown> | undefined {
  if (field.name === field.schemaName) return undefined;
  const name = field.name;
  const read: GraphQLFieldResolver<unknown, unknown> = (source) => (source as Record<string, unknown>)[name];
  propertyReads.add(read);
  return read;
}

function checkedRead(field: FieldMeta, roles: readonly Role[]): GraphQLFieldResolver<unknown, PrincipalContext> {
  const name = field.name;
  return (source, _args, context) => {
    requireRule(context?.principal, roles);
    return (source as Record<string, unknown>)[name];
  };
}

/** Whether a resolved value holds an object of the returned type (null and [] expose nothing). */
function exposes(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return !Array.isArray(value) || value.some((v) => v !== null && v !== undefined);
}

/**
 * The type's rule is checked on what the field resolved, and only when it resolved to an object of the
 * type: a lookup that finds nothing answers `null` to everyone, as when the fields checked themselves
 * (`candidate(id)` for an ANALYST answers like a missing id: no existence oracle).
 */
function guardedBy(roles: readonly Role[] | undefined, deadline: boolean, inner: GraphQLFieldResolver<unknown, PrincipalContext>): GraphQLFieldResolver<unknown, PrincipalContext> {
  if (!roles && !deadline) return inner;
  const check = (value: unknown, context: PrincipalContext | undefined): unknown => {
    if (roles && exposes(value)) requireRule(context?.principal, roles);
    return value;
  };
  return (source, args, context, info) => {
    if (deadline) assertBeforeDeadline();
    const value = inner(source, args, context, info);
    if (!roles) return value;
    return value instanceof Promise ? value.then((v) => check(v, context)) : check(value, context);
  };
}

const PLAIN_PARAMS = new Set(['root', 'context', 'info']);
const instances = new Map<Function, Record<string, unknown>>();

/**
 * A relation resolver that takes only `@Root()`, `@Ctx()` and `@Info()` (no arguments to validate, no
 * middleware) is called directly, with its rule checked synchronously: type-graphql's generic wrapper
 * (an async middleware chain, parameter conversion) cost more than the relation itself, twice per
 * opening on the job board. Resolver classes hold no state, so one instance per class serves all.
 */
function directResolver(meta: FieldResolverMeta): GraphQLFieldResolver<unknown, PrincipalContext> | undefined {
  const params = meta.params ?? [];
  if ((meta.middlewares?.length ?? 0) > 0 || !params.every((p) => PLAIN_PARAMS.has(p.kind) && p.propertyName === undefined)) return undefined;
  let instance = instances.get(meta.target);
  if (!instance) {
    instance = new meta.target();
    instances.set(meta.target, instance);
  }
  const method = instance[meta.methodName];
  if (typeof method !== 'function') return undefined;
  const self = instance;
  const roles = meta.roles && !meta.roles.includes('PUBLIC') ? meta.roles : undefined;
  const order = [...params].sort((a, b) => a.index - b.index).map((p) => p.kind);
  return (source, _args, context, info) => {
    if (roles) requireRule(context?.principal, roles);
    const values = order.map((kind) => (kind === 'root' ? source : kind === 'context' ? context : info));
    return (method as (...a: unknown[]) => unknown).apply(self, values);
  };
}

const compiled = new WeakMap<GraphQLSchema, FieldGuardReport>();

/** Rewrite `schema`'s resolvers in place (once: a second call returns the first report). */
export function compileFieldGuards(schema: GraphQLSchema): FieldGuardReport {
  const done = compiled.get(schema);
  if (done) return done;
  const report = compile(schema);
  compiled.set(schema, report);
  return report;
}

function compile(schema: GraphQLSchema): FieldGuardReport {
  const { objects, custom } = metadata();
  const abstract = reachedAbstractly(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => !!t).map((t) => t!.name));
  const typeRules = new Map<string, readonly Role[]>();
  const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  for (const type of objectTypes) {
    if (roots.has(type.name) || abstract.has(type.name)) continue;
    const rule = uniformRule(objects.get(type.name), type);
    if (rule) typeRules.set(type.name, rule);
  }
  const fieldChecks: string[] = [];
  const typeGuards: string[] = [];
  for (const type of objectTypes) {
    const meta = objects.get(type.name);
    for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, PrincipalContext>>) {
      const coordinate = `${type.name}.${field.name}`;
      const resolverMeta = custom.get(coordinate);
      const isCustom = roots.has(type.name) || resolverMeta !== undefined;
      const fieldMeta = meta?.fields?.find((f) => f.schemaName === field.name);
      let resolve = (resolverMeta && !roots.has(type.name) ? directResolver(resolverMeta) : undefined) ?? field.resolve;
      if (!isCustom && fieldMeta) {
        const ownRule = fieldMeta.roles;
        const coveredByType = typeRules.has(type.name);
        if (coveredByType || isPublic(ownRule)) resolve = plainRead(fieldMeta);
        else {
          resolve = checkedRead(fieldMeta, ownRule!);
          fieldChecks.push(coordinate);
        }
      }
      const returned = typeRules.get(getNamedType(field.type).name);
      if (returned) typeGuards.push(coordinate);
      if (returned || isCustom) field.resolve = guardedBy(returned, isCustom, resolve ?? defaultFieldResolver);
      else field.resolve = resolve;
    }
  }
  return { typeRules, fieldChecks, typeGuards };
}
