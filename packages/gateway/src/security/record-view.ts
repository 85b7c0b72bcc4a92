/**
 * Which view of a personal record a response object was built for (auth-checker.ts `CandidateView`):
 * resolvers tag the objects they return with it, and the field resolvers below a record
 * (history, placements, financing plan) refuse an untagged root, so an object that did not come
 * through the row scope (graphql/access.ts) fails closed. Since issue 8 the only view is `FULL`
 * (there is no analyst record view).
 *
 * The tag is an enumerable symbol property: invisible to JSON, `Object.entries` and GraphQL, but
 * kept by `Object.assign` and spread, which type-graphql uses to turn roots into class instances.
 */
import type { CandidateView } from './auth-checker';

export const RECORD_VIEW: unique symbol = Symbol.for('jembatan.recordView');

type Tagged = { [RECORD_VIEW]?: Exclude<CandidateView, 'NONE'> };

/** The view an object was tagged with; undefined for untagged objects. */
export function viewOf(value: unknown): Exclude<CandidateView, 'NONE'> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return (value as Tagged)[RECORD_VIEW];
}

/** Tag one object (in place) and return it. */
export function withView<T extends object>(value: T, view: Exclude<CandidateView, 'NONE'>): T {
  // an assignment makes the same property as defineProperty({ enumerable, configurable, writable }),
  // at a fraction of its cost (a page of 100 candidates tags a few hundred objects)
  (value as Tagged)[RECORD_VIEW] = view;
  return value;
}

/** Tag an object and every object or array element below it (plain data only). */
export function withViewDeep<T>(value: T, view: Exclude<CandidateView, 'NONE'>): T {
  const walk = (v: unknown, depth: number): void => {
    if (depth > 32 || !v || typeof v !== 'object' || v instanceof Date) return;
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    withView(v as object, view);
    for (const item of Object.values(v as Record<string, unknown>)) walk(item, depth + 1);
  };
  walk(value, 0);
  return value;
}
