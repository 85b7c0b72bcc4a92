/**
 * Sort every Query field for the N+1 suite: Relay connections and lists (the roots the suite pages),
 * one-record lookups, and objects, with or without a list of records below them.
 */
import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { hasListBelow } from './schema-walk';

export type RootField =
  /** `XConnection { edges { node } }` with a `first` argument. */
  | { readonly kind: 'connection'; readonly name: string; readonly item: GraphQLObjectType }
  /** A plain list of objects (records or values). */
  | { readonly kind: 'list'; readonly name: string; readonly item: GraphQLObjectType }
  /** One record by `id: ID!`. */
  | { readonly kind: 'lookup'; readonly name: string; readonly type: GraphQLObjectType }
  /** An object with a list of resolved objects below it: rows of records, or a calculation. */
  | { readonly kind: 'object'; readonly name: string; readonly type: GraphQLObjectType }
  /** A scalar, or an object with no list of resolved objects below it: nothing is read per item. */
  | { readonly kind: 'value'; readonly name: string };

/** The node type of a Relay connection type, if it is one. */
export function connectionNode(type: GraphQLObjectType): GraphQLObjectType | undefined {
  const edges = type.getFields().edges;
  if (!edges || !isListType(getNullableType(edges.type))) return undefined;
  const edge = getNamedType(edges.type);
  if (!isObjectType(edge)) return undefined;
  const node = edge.getFields().node;
  const named = node ? getNamedType(node.type) : undefined;
  return named && isObjectType(named) ? named : undefined;
}

function requiredArgs(field: GraphQLField<unknown, unknown>): string[] {
  return field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
}

export function classifyRoot(field: GraphQLField<unknown, unknown>): RootField {
  const named = getNamedType(field.type);
  const name = field.name;
  if (!isObjectType(named)) return { kind: 'value', name };
  if (isListType(getNullableType(field.type))) return { kind: 'list', name, item: named };
  const node = connectionNode(named);
  if (node && field.args.some((a) => a.name === 'first')) return { kind: 'connection', name, item: node };
  const required = requiredArgs(field);
  if (required.length === 1 && required[0] === 'id') return { kind: 'lookup', name, type: named };
  return hasListBelow(named) ? { kind: 'object', name, type: named } : { kind: 'value', name };
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  return Object.values(query.getFields()).map(classifyRoot);
}
