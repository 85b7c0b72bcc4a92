/**
 * Scalars from graphql-scalars: `Date` (YYYY-MM-DD; resolvers return the domain's IsoDate strings, inputs
 * arrive as JS Dates at UTC midnight and are turned back with `isoDateOf`), `DateTime` (RFC 3339), and
 * `JSON` for parameter values whose shape depends on the parameter.
 *
 * Inputs of `Date` and `DateTime` must fall in the years 0001–9999 (UTC): the range where RFC 3339's
 * four-digit year, JavaScript's `toISOString` (which writes `+010000-…` past 9999) and PostgreSQL (which
 * has no year 0: `0000-01-01` is "out of range") agree. graphql-scalars accepts year 0000, which used to
 * reach PostgreSQL and come back as INTERNAL_SERVER_ERROR. Outside the range the scalar refuses the
 * value as BAD_USER_INPUT with `extensions.reason: DATE_OUT_OF_RANGE` (never echoing it); the field path
 * comes from graphql-js (variables) or security/input-guard.ts (inline literals).
 */
import type { IsoDate } from '@jembatan/domain';
import { GraphQLScalarType, type ValueNode } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { boundaryMessages, GatewayError } from './errors';

/** The accepted years of `Date` and `DateTime` inputs (UTC), see above. */
export const MIN_INPUT_YEAR = 1;
export const MAX_INPUT_YEAR = 9999;

function outOfRange(node?: ValueNode): GatewayError {
  const error = new GatewayError('BAD_USER_INPUT', boundaryMessages('DATE_OUT_OF_RANGE', []));
  (error.extensions as Record<string, unknown>)['reason'] = 'DATE_OUT_OF_RANGE';
  // the literal's position, so that the input guard can name its argument path
  if (node) Object.defineProperty(error, 'nodes', { value: [node], enumerable: true });
  return error;
}

function inRange(value: unknown, node?: ValueNode): Date {
  const d = value as Date;
  const year = d instanceof Date ? d.getUTCFullYear() : Number.NaN;
  if (!(year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR)) throw outOfRange(node);
  return d;
}

function bounded(base: GraphQLScalarType, rangeNote: string): GraphQLScalarType {
  const config = base.toConfig();
  return new GraphQLScalarType({
    ...config,
    description: `${config.description ?? ''} ${rangeNote}`.trim(),
    parseValue: (value) => inRange(config.parseValue ? config.parseValue(value) : value),
    parseLiteral: (ast, variables) => inRange(config.parseLiteral ? config.parseLiteral(ast, variables) : undefined, ast),
  });
}

export const DateScalar = bounded(DateResolver, 'Inputs: years 0001–9999.');
export const DateTimeScalar = bounded(DateTimeResolver, 'Inputs: years 0001–9999 in UTC.');
export const JSONScalar = JSONResolver;

/** A `Date` scalar input (JS Date at UTC midnight) as the domain's 'YYYY-MM-DD'. */
export function isoDateOf(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}
