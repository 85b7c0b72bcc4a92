/** addCandidateDocument: one more document record in the candidate's profile. */
import { Candidate } from '../domain';
import { candidateSnapshotOf, loadCandidateRows } from '../persistence/candidate.mapper';
import type { CandidateRecord } from '../persistence/candidate.schema';
import { saveCandidate } from './candidate-writes';
import { dateOf, inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { domainFailure, notFound } from './use-case-error';

export type CandidateDocument = Parameters<Candidate['addDocument']>[0];

export interface AddCandidateDocumentCommand {
  readonly candidateId: string;
  readonly document: CandidateDocument;
}

export function addCandidateDocument(command: AddCandidateDocumentCommand, deps: UseCaseDeps): Promise<CandidateRecord> {
  return inTransaction(deps, async (em) => {
    const rows = await loadCandidateRows(em, command.candidateId, true);
    if (!rows) throw notFound('Candidate', ['input', 'candidateId']);
    const candidate = Candidate.fromSnapshot(candidateSnapshotOf(rows));
    const before = candidate.toSnapshot();
    const at = nowTimestamp(deps);
    const r = candidate.addDocument(command.document, dateOf(at));
    if (!r.ok) {
      // the domain reports the path in the whole profile (profile.documents.N...): point at the input
      throw domainFailure({ ...r.error, path: ['document', ...(r.error.path ?? []).slice(3)] }, ['input']);
    }
    return saveCandidate(em, deps, rows, candidate, at, { action: 'addCandidateDocument', before });
  });
}
