import type { RequestOptions } from '../client/create-client.js';
import {
  CreatePartyDocument,
  GetPartyDocument,
  ListPartiesDocument,
  UpdatePartyDocument,
  type CreatePartyInput,
  type CreatePartyMutation,
  type GetPartyQuery,
  type ListPartiesQuery,
  type ListPartiesQueryVariables,
  type PartyFilter,
  type PartyKind,
  type UpdatePartyInput,
  type UpdatePartyMutation,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

export type PartyItem = ListPartiesQuery['parties']['edges'][number]['node'];
export type PartyListPage = ListPartiesQuery['parties'];

/** The party filter of the schema, plus `kind` as a shorthand for `kinds: [kind]`. */
export interface PartyListFilter extends PartyFilter {
  readonly kind?: PartyKind;
}

export interface PartiesApi {
  list(filter?: PartyListFilter, options?: ListOptions): AsyncGenerator<PartyItem, void, undefined>;
  page(variables: ListPartiesQueryVariables, options?: RequestOptions): Promise<PartyListPage>;
  get(id: string, options?: RequestOptions): Promise<NonNullable<GetPartyQuery['party']> | null>;
  create(input: CreatePartyInput, options?: RequestOptions): Promise<CreatePartyMutation['createParty']>;
  update(input: UpdatePartyInput, options?: RequestOptions): Promise<UpdatePartyMutation['updateParty']>;
}

export function toPartyFilter(filter: PartyListFilter | undefined): PartyFilter | undefined {
  if (!filter) return undefined;
  const { kind, kinds, ...rest } = filter;
  return defined({ ...rest, kinds: mergeOne(kinds, kind) });
}

export function partiesApi(send: Send): PartiesApi {
  return {
    list: (filter, options) =>
      listNodes(
        (first, after, o) => send(ListPartiesDocument, defined({ first, after, filter: toPartyFilter(filter) }), o).then((d) => d.parties),
        options,
      ),
    page: (variables, options) => send(ListPartiesDocument, variables, options).then((d) => d.parties),
    get: (id, options) => send(GetPartyDocument, { id }, options).then((d) => d.party),
    create: (input, options) => send(CreatePartyDocument, { input }, options).then((d) => d.createParty),
    update: (input, options) => send(UpdatePartyDocument, { input }, options).then((d) => d.updateParty),
  };
}
