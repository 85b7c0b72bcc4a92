import type { RequestOptions } from '../client/create-client.js';
import {
  AddCandidateDocumentDocument,
  AdvanceCandidateDocument,
  AllocateSeatDocument,
  CandidateCostEstimateDocument,
  CandidateEligibilityDocument,
  GetCandidateDocument,
  ListCandidatesDocument,
  RegisterCandidateDocument,
  ReleaseSeatDocument,
  UpdateCandidateProfileDocument,
  type AddCandidateDocumentMutation,
  type AdvanceCandidateMutation,
  type AdvanceCandidateMutationVariables,
  type AllocateSeatMutation,
  type AllocateSeatMutationVariables,
  type CandidateCostEstimateQuery,
  type CandidateCostEstimateQueryVariables,
  type CandidateEligibilityQuery,
  type CandidateEligibilityQueryVariables,
  type CandidateFilter,
  type CandidateStage,
  type DocumentRecordInput,
  type GetCandidateQuery,
  type Kecamatan,
  type ListCandidatesQuery,
  type ListCandidatesQueryVariables,
  type Occupation,
  type RegisterCandidateInput,
  type RegisterCandidateMutation,
  type ReleaseSeatMutation,
  type ReleaseSeatMutationVariables,
  type Route,
  type UpdateCandidateProfileInput,
  type UpdateCandidateProfileMutation,
} from '../generated/graphql.js';
import { defined, listNodes, mergeOne, type ListOptions, type Send } from './send.js';

/** A candidate in a list (stage, kecamatan, target; no profile). */
export type CandidateItem = ListCandidatesQuery['candidates']['edges'][number]['node'];
/** A candidate with the stored profile, stage history and placements (personal data). */
export type CandidateDetails = NonNullable<GetCandidateQuery['candidate']>;
export type CandidateListPage = ListCandidatesQuery['candidates'];
export type SeatAllocation = AllocateSeatMutation['allocateSeat'];

/** The candidate filter of the schema, plus singular shorthands. */
export interface CandidateListFilter extends CandidateFilter {
  readonly stage?: CandidateStage;
  readonly kecamatan?: Kecamatan;
  readonly occupation?: Occupation;
  readonly route?: Route;
}

export interface CandidatesApi {
  /**
   * Every candidate matching the filter the key may see, oldest registration first. An ANALYST-only key
   * is refused (`FORBIDDEN`, `details.reason` `ANALYST_USE_AGGREGATES`): analysts use `aggregates`.
   */
  list(filter?: CandidateListFilter, options?: ListOptions): AsyncGenerator<CandidateItem, void, undefined>;
  page(variables: ListCandidatesQueryVariables, options?: RequestOptions): Promise<CandidateListPage>;
  get(id: string, options?: RequestOptions): Promise<CandidateDetails | null>;
  /** Register a candidate (stage REGISTERED); the NIK is checked in full (`NIK_INVALID`) and must be unique (`CONFLICT`). */
  register(input: RegisterCandidateInput, options?: RequestOptions): Promise<RegisterCandidateMutation['registerCandidate']>;
  /** Replace the stored profile (and the target, while REGISTERED). */
  updateProfile(input: UpdateCandidateProfileInput, options?: RequestOptions): Promise<UpdateCandidateProfileMutation['updateCandidateProfile']>;
  addDocument(candidateId: string, document: DocumentRecordInput, options?: RequestOptions): Promise<AddCandidateDocumentMutation['addCandidateDocument']>;
  /** Move one stage on; gates use eligibility. */
  advance(variables: AdvanceCandidateMutationVariables, options?: RequestOptions): Promise<AdvanceCandidateMutation['advanceCandidate']>;
  /** Give the candidate a seat of the opening's quota (`QUOTA_EXHAUSTED`, `CANDIDATE_NOT_ELIGIBLE`). */
  allocateSeat(variables: AllocateSeatMutationVariables, options?: RequestOptions): Promise<SeatAllocation>;
  releaseSeat(variables: ReleaseSeatMutationVariables, options?: RequestOptions): Promise<ReleaseSeatMutation['releaseSeat']>;
  /** Eligibility computed now from the stored profile; `null` when the candidate does not exist. */
  eligibility(
    variables: CandidateEligibilityQueryVariables,
    options?: RequestOptions,
  ): Promise<NonNullable<CandidateEligibilityQuery['candidate']>['eligibility'] | null>;
  /** Cost estimate for the candidate's opening (else target); `null` when the candidate does not exist. */
  costEstimate(
    variables: CandidateCostEstimateQueryVariables,
    options?: RequestOptions,
  ): Promise<NonNullable<CandidateCostEstimateQuery['candidate']>['costEstimate'] | null>;
}

export function toCandidateFilter(filter: CandidateListFilter | undefined): CandidateFilter | undefined {
  if (!filter) return undefined;
  const { stage, kecamatan, occupation, route, stages, kecamatans, occupations, routes, ...rest } = filter;
  return defined({
    ...rest,
    stages: mergeOne(stages, stage),
    kecamatans: mergeOne(kecamatans, kecamatan),
    occupations: mergeOne(occupations, occupation),
    routes: mergeOne(routes, route),
  });
}

export function candidatesApi(send: Send): CandidatesApi {
  return {
    list: (filter, options) =>
      listNodes(
        (first, after, o) =>
          send(ListCandidatesDocument, defined({ first, after, filter: toCandidateFilter(filter) }), o).then((d) => d.candidates),
        options,
      ),
    page: (variables, options) => send(ListCandidatesDocument, variables, options).then((d) => d.candidates),
    get: (id, options) => send(GetCandidateDocument, { id }, options).then((d) => d.candidate),
    register: (input, options) => send(RegisterCandidateDocument, { input }, options).then((d) => d.registerCandidate),
    updateProfile: (input, options) => send(UpdateCandidateProfileDocument, { input }, options).then((d) => d.updateCandidateProfile),
    addDocument: (candidateId, document, options) =>
      send(AddCandidateDocumentDocument, { input: { candidateId, document } }, options).then((d) => d.addCandidateDocument),
    advance: (variables, options) => send(AdvanceCandidateDocument, variables, options).then((d) => d.advanceCandidate),
    allocateSeat: (variables, options) => send(AllocateSeatDocument, variables, options).then((d) => d.allocateSeat),
    releaseSeat: (variables, options) => send(ReleaseSeatDocument, variables, options).then((d) => d.releaseSeat),
    eligibility: (variables, options) =>
      send(CandidateEligibilityDocument, variables, options).then((d) => d.candidate?.eligibility ?? null),
    costEstimate: (variables, options) =>
      send(CandidateCostEstimateDocument, variables, options).then((d) => d.candidate?.costEstimate ?? null),
  };
}
