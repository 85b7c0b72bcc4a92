import type { RequestOptions } from '../client/create-client.js';
import {
  AddMouObligationDocument,
  AddMouPartyDocument,
  CreateMouDocument,
  GetMouDocument,
  ListMousDocument,
  SetMouValidityDocument,
  TransitionMouDocument,
  type AddMouObligationMutation,
  type AddMouObligationInput,
  type AddMouPartyInput,
  type AddMouPartyMutation,
  type CreateMouInput,
  type CreateMouMutation,
  type GetMouQuery,
  type ListMousQuery,
  type ListMousQueryVariables,
  type MouFilter,
  type MouStatus,
  type SetMouValidityInput,
  type SetMouValidityMutation,
  type TransitionMouMutation,
  type TransitionMouMutationVariables,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

/** An MoU as lists show it (parties, quotas). */
export type MouItem = ListMousQuery['mous']['edges'][number]['node'];
/** An MoU with history, obligations, children and openings. */
export type MouDetails = NonNullable<GetMouQuery['mou']>;
export type MouListPage = ListMousQuery['mous'];

/** The MoU filter of the schema, plus `status` as a shorthand for `statuses: [status]`. */
export interface MouListFilter extends MouFilter {
  readonly status?: MouStatus;
}

export interface MousApi {
  /** Every MoU matching the filter, oldest first: `for await (const mou of client.mous.list({ status: 'ACTIVE' }))`. */
  list(filter?: MouListFilter, options?: ListOptions): AsyncGenerator<MouItem, void, undefined>;
  /** One page with `totalCount` (for a paged table). */
  page(variables: ListMousQueryVariables, options?: RequestOptions): Promise<MouListPage>;
  /** One MoU, or `null` when there is none. */
  get(id: string, options?: RequestOptions): Promise<MouDetails | null>;
  /** A new MoU in DRAFT. */
  create(input: CreateMouInput, options?: RequestOptions): Promise<CreateMouMutation['createMou']>;
  addParty(input: AddMouPartyInput, options?: RequestOptions): Promise<AddMouPartyMutation['addMouParty']>;
  addObligation(input: AddMouObligationInput, options?: RequestOptions): Promise<AddMouObligationMutation['addMouObligation']>;
  setValidity(input: SetMouValidityInput, options?: RequestOptions): Promise<SetMouValidityMutation['setMouValidity']>;
  /** Move an MoU through its life cycle; refused moves reject with `MOU_INVALID_TRANSITION`. */
  transition(variables: TransitionMouMutationVariables, options?: RequestOptions): Promise<TransitionMouMutation['transitionMou']>;
}

export function toMouFilter(filter: MouListFilter | undefined): MouFilter | undefined {
  if (!filter) return undefined;
  const { status, statuses, ...rest } = filter;
  return defined({ ...rest, statuses: mergeOne(statuses, status) });
}

export function mousApi(send: Send): MousApi {
  return {
    list: (filter, options) =>
      listNodes(
        (first, after, o) => send(ListMousDocument, defined({ first, after, filter: toMouFilter(filter) }), o).then((d) => d.mous),
        options,
      ),
    page: (variables, options) => send(ListMousDocument, variables, options).then((d) => d.mous),
    get: (id, options) => send(GetMouDocument, { id }, options).then((d) => d.mou),
    create: (input, options) => send(CreateMouDocument, { input }, options).then((d) => d.createMou),
    addParty: (input, options) => send(AddMouPartyDocument, { input }, options).then((d) => d.addMouParty),
    addObligation: (input, options) => send(AddMouObligationDocument, { input }, options).then((d) => d.addMouObligation),
    setValidity: (input, options) => send(SetMouValidityDocument, { input }, options).then((d) => d.setMouValidity),
    transition: (variables, options) => send(TransitionMouDocument, variables, options).then((d) => d.transitionMou),
  };
}
