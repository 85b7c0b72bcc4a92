/**
 * Scalars from graphql-scalars: `Date` (YYYY-MM-DD; resolvers return the domain's IsoDate strings, inputs
 * arrive as JS Dates at UTC midnight and are turned back with `isoDateOf`), `DateTime` (RFC 3339), and
 * `JSON` for parameter values whose shape depends on the parameter.
 */
import type { IsoDate } from '@jembatan/domain';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';

export const DateScalar = DateResolver;
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;

/** A `Date` scalar input (JS Date at UTC midnight) as the domain's 'YYYY-MM-DD'. */
export function isoDateOf(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}
