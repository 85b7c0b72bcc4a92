import type { RequestOptions } from '../client/create-client.js';
import {
  CreateOpeningDocument,
  GetOpeningDocument,
  ListOpeningsDocument,
  RankedCandidatesDocument,
  TransitionOpeningDocument,
  UpdateOpeningDocument,
  type CreateJobOpeningInput,
  type CreateOpeningMutation,
  type GetOpeningQuery,
  type JobOpeningFilter,
  type ListOpeningsQuery,
  type ListOpeningsQueryVariables,
  type Occupation,
  type OpeningStatus,
  type RankedCandidatesQuery,
  type RankedCandidatesQueryVariables,
  type Route,
  type TransitionOpeningMutation,
  type TransitionOpeningMutationVariables,
  type UpdateJobOpeningInput,
  type UpdateOpeningMutation,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

/** A job opening as the vacancy board shows it: MoU, employer, route, seats left, wage. */
export type OpeningItem = ListOpeningsQuery['jobOpenings']['edges'][number]['node'];
/** A job opening with requirements, quota, history and the moves allowed next. */
export type OpeningDetails = NonNullable<GetOpeningQuery['jobOpening']>;
export type OpeningListPage = ListOpeningsQuery['jobOpenings'];
export type RankedCandidateItem = NonNullable<RankedCandidatesQuery['jobOpening']>['rankedCandidates'][number];

/** The opening filter of the schema, plus `route`, `occupation` and `status` shorthands. */
export interface OpeningListFilter extends JobOpeningFilter {
  readonly route?: Route;
  readonly occupation?: Occupation;
  readonly status?: OpeningStatus;
}

export interface OpeningsApi {
  /** Every opening matching the filter, oldest first: `for await (const o of client.openings.list({ route: 'E7_3' }))`. */
  list(filter?: OpeningListFilter, options?: ListOptions): AsyncGenerator<OpeningItem, void, undefined>;
  /** The public vacancy board: `list()` restricted to OPEN openings. */
  board(filter?: Omit<OpeningListFilter, 'status' | 'statuses'>, options?: ListOptions): AsyncGenerator<OpeningItem, void, undefined>;
  page(variables: ListOpeningsQueryVariables, options?: RequestOptions): Promise<OpeningListPage>;
  get(id: string, options?: RequestOptions): Promise<OpeningDetails | null>;
  /** A new opening in DRAFT. */
  create(input: CreateJobOpeningInput, options?: RequestOptions): Promise<CreateOpeningMutation['createJobOpening']>;
  /** Change a DRAFT opening's terms and/or record the labour attaché's verification (`attacheVerifiedOn`). */
  update(input: UpdateJobOpeningInput, options?: RequestOptions): Promise<UpdateOpeningMutation['updateJobOpening']>;
  /** Publish (OPEN), close, reopen or mark FILLED. */
  transition(variables: TransitionOpeningMutationVariables, options?: RequestOptions): Promise<TransitionOpeningMutation['transitionJobOpening']>;
  /** Shorthand for `transition({ id, to: 'OPEN', note })`. */
  publish(id: string, note?: string, options?: RequestOptions): Promise<TransitionOpeningMutation['transitionJobOpening']>;
  /** Registered candidates for the opening, ranked (eligible first); `null` when the opening does not exist. */
  rankedCandidates(variables: RankedCandidatesQueryVariables, options?: RequestOptions): Promise<RankedCandidateItem[] | null>;
}

export function toOpeningFilter(filter: OpeningListFilter | undefined): JobOpeningFilter | undefined {
  if (!filter) return undefined;
  const { route, occupation, status, routes, occupations, statuses, ...rest } = filter;
  return defined({
    ...rest,
    routes: mergeOne(routes, route),
    occupations: mergeOne(occupations, occupation),
    statuses: mergeOne(statuses, status),
  });
}

export function openingsApi(send: Send): OpeningsApi {
  const list: OpeningsApi['list'] = (filter, options) =>
    listNodes(
      (first, after, o) =>
        send(ListOpeningsDocument, defined({ first, after, filter: toOpeningFilter(filter) }), o).then((d) => d.jobOpenings),
      options,
    );
  const transition: OpeningsApi['transition'] = (variables, options) =>
    send(TransitionOpeningDocument, variables, options).then((d) => d.transitionJobOpening);
  return {
    list,
    board: (filter, options) => {
      const { statuses: _ignored, status: _ignoredToo, ...rest } = (filter ?? {}) as OpeningListFilter;
      return list({ ...rest, statuses: ['OPEN'] }, options);
    },
    page: (variables, options) => send(ListOpeningsDocument, variables, options).then((d) => d.jobOpenings),
    get: (id, options) => send(GetOpeningDocument, { id }, options).then((d) => d.jobOpening),
    create: (input, options) => send(CreateOpeningDocument, { input }, options).then((d) => d.createJobOpening),
    update: (input, options) => send(UpdateOpeningDocument, { input }, options).then((d) => d.updateJobOpening),
    transition,
    publish: (id, note, options) => transition(defined({ id, to: 'OPEN' as const, note }), options),
    rankedCandidates: (variables, options) =>
      send(RankedCandidatesDocument, variables, options).then((d) => d.jobOpening?.rankedCandidates ?? null),
  };
}
