/**
 * Type-level tests: compiled by `tsc --noEmit` (npm run typecheck), never run. Each
 * `@ts-expect-error` line must be a compile error, or tsc fails with "Unused '@ts-expect-error'".
 * The documents are hand-written TypedDocumentNodes shaped like the client preset's output.
 */
import { createClient, isJembatanError, paginate, type ResultOf, type VariablesOf } from '../index.js';
import {
  CandidateDocument,
  OpeningsDocument,
  ParametersDocument,
  RegisterCandidateDocument,
  type CandidateQuery,
} from '../__tests__/documents.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

const client = createClient({ url: 'https://jembatan.example/graphql', apiKey: 'jk_live_x' });

export async function variables(): Promise<void> {
  await client.request(CandidateDocument, { id: 'c-1' });
  await client.request(CandidateDocument, { id: 'c-1' }, { signal: new AbortController().signal, timeoutMs: 1_000 });

  // @ts-expect-error a wrong variable type: id is a string (ID!), not a number
  await client.request(CandidateDocument, { id: 1 });
  // @ts-expect-error a required variable is missing
  await client.request(CandidateDocument, {});
  // @ts-expect-error variables are required when the operation has a required variable
  await client.request(CandidateDocument);
  // @ts-expect-error a variable the operation does not declare
  await client.request(CandidateDocument, { id: 'c-1', nik: '3673' });
  // @ts-expect-error a nested input field of the wrong type
  await client.request(RegisterCandidateDocument, { input: { fullName: 'Siti', nik: 3673 } });
  // @ts-expect-error an unknown request option
  await client.request(CandidateDocument, { id: 'c-1' }, { retry: 3 });

  // Variables are optional exactly when none is required.
  await client.request(ParametersDocument);
  await client.request(OpeningsDocument, { first: 10 });
  // @ts-expect-error `first` is required even though `after` is optional
  await client.request(OpeningsDocument, { after: null });
}

export async function results(): Promise<void> {
  const data = await client.request(CandidateDocument, { id: 'c-1' });
  assertType<Equal<typeof data, CandidateQuery>>();
  assertType<Equal<ResultOf<typeof CandidateDocument>, CandidateQuery>>();
  assertType<Equal<VariablesOf<typeof CandidateDocument>, { id: string }>>();
  const name: string | undefined = data.candidate?.fullName;
  void name;
  // @ts-expect-error a field the operation did not select
  void data.candidate?.nik;
  // @ts-expect-error candidate is nullable: it must be checked before use
  void data.candidate.id;
}

export async function connections(): Promise<void> {
  for await (const opening of paginate((after) => client.request(OpeningsDocument, { first: 20, after }).then((d) => d.openings))) {
    const title: string = opening.title;
    void title;
    // @ts-expect-error the node type is inferred from the connection: no `wage` was selected
    void opening.wage;
  }
}

export function errors(e: unknown): string {
  if (isJembatanError(e, 'HTTP_ERROR')) return e.status.toFixed(0);
  if (isJembatanError(e, ['FORBIDDEN', 'UNAUTHENTICATED'])) return e.graphQLErrors[0].messages.id;
  if (isJembatanError(e)) {
    // @ts-expect-error status is only guaranteed once narrowed to HTTP_ERROR
    void e.status.toFixed(0);
    switch (e.code) {
      case 'TIMEOUT':
        return String(e.timeoutMs);
      // @ts-expect-error not a code the SDK can raise
      case 'NOT_A_CODE':
        return '';
      default:
        return e.messages.en;
    }
  }
  // @ts-expect-error not a known code
  isJembatanError(e, 'NOPE');
  return '';
}
