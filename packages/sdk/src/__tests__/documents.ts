/**
 * Hand-written typed documents standing in for generated ones until the gateway's schema exists.
 * They are built exactly as GraphQL Code Generator's client preset builds them: a parsed
 * DocumentNode cast to TypedDocumentNode<Result, Variables>.
 */
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };

export interface OpeningNode {
  id: string;
  title: string;
}
export interface OpeningsQuery {
  openings: {
    edges: Array<{ node: OpeningNode }>;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  };
}
export type OpeningsQueryVariables = Exact<{ first: number; after?: string | null }>;
export const OpeningsDocument = parse(`
  query Openings($first: Int!, $after: String) {
    openings(first: $first, after: $after) {
      edges { node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }
`) as unknown as TypedDocumentNode<OpeningsQuery, OpeningsQueryVariables>;

export interface CandidateQuery {
  candidate: { id: string; fullName: string } | null;
}
export type CandidateQueryVariables = Exact<{ id: string }>;
export const CandidateDocument = parse(
  'query Candidate($id: ID!) { candidate(id: $id) { id fullName } }',
) as unknown as TypedDocumentNode<CandidateQuery, CandidateQueryVariables>;

export interface ParametersQuery {
  parameters: Array<{ id: string }>;
}
export type ParametersQueryVariables = Exact<{ [key: string]: never }>;
export const ParametersDocument = parse('query Parameters { parameters { id } }') as unknown as TypedDocumentNode<
  ParametersQuery,
  ParametersQueryVariables
>;

export interface RegisterCandidateMutation {
  registerCandidate: { id: string };
}
export type RegisterCandidateMutationVariables = Exact<{ input: { fullName: string; nik: string } }>;
export const RegisterCandidateDocument = parse(
  'mutation RegisterCandidate($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }',
) as unknown as TypedDocumentNode<RegisterCandidateMutation, RegisterCandidateMutationVariables>;
