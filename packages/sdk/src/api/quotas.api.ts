import type { RequestOptions } from '../client/create-client.js';
import {
  ListQuotasDocument,
  SetQuotaDocument,
  type ListQuotasQuery,
  type ListQuotasQueryVariables,
  type Occupation,
  type QuotaFilter,
  type Route,
  type SetQuotaInput,
  type SetQuotaMutation,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

export type QuotaItem = ListQuotasQuery['quotas']['edges'][number]['node'];
export type QuotaListPage = ListQuotasQuery['quotas'];

/** The quota filter of the schema, plus `route` / `occupation` shorthands. */
export interface QuotaListFilter extends QuotaFilter {
  readonly route?: Route;
  readonly occupation?: Occupation;
}

export interface QuotasApi {
  list(filter?: QuotaListFilter, options?: ListOptions): AsyncGenerator<QuotaItem, void, undefined>;
  page(variables: ListQuotasQueryVariables, options?: RequestOptions): Promise<QuotaListPage>;
  /** Create the quota of an MoU × occupation × route, or change its seats (never below those allocated). */
  set(input: SetQuotaInput, options?: RequestOptions): Promise<SetQuotaMutation['setQuota']>;
}

export function toQuotaFilter(filter: QuotaListFilter | undefined): QuotaFilter | undefined {
  if (!filter) return undefined;
  const { route, occupation, routes, occupations, ...rest } = filter;
  return defined({ ...rest, routes: mergeOne(routes, route), occupations: mergeOne(occupations, occupation) });
}

export function quotasApi(send: Send): QuotasApi {
  return {
    list: (filter, options) =>
      listNodes(
        (first, after, o) => send(ListQuotasDocument, defined({ first, after, filter: toQuotaFilter(filter) }), o).then((d) => d.quotas),
        options,
      ),
    page: (variables, options) => send(ListQuotasDocument, variables, options).then((d) => d.quotas),
    set: (input, options) => send(SetQuotaDocument, { input }, options).then((d) => d.setQuota),
  };
}
