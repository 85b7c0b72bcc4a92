/**
 * updateJobOpening: change the terms of a DRAFT opening and/or record the labour attaché's
 * verification (the domain clears the verification when a material term changes).
 */
import { JobOpening, type IsoDate, type ReviseJobOpeningInput } from '../domain';
import { applyOpeningSnapshot, loadOpeningRows, openingSnapshotOf } from '../persistence/opening.mapper';
import type { JobOpeningRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { loadParty } from './load-for-change';
import { changesOf, type Patch } from './patch';
import { inTransaction, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

/** The domain's revisable terms, the employer named by its party id (loaded here). */
export type JobOpeningPatch = Patch<Omit<ReviseJobOpeningInput, 'employer'> & { readonly employerPartyId: string }>;

export interface UpdateJobOpeningCommand {
  readonly id: string;
  readonly patch: JobOpeningPatch;
  readonly attacheVerification?: { readonly verifiedOn: IsoDate; readonly reference: string | null };
}

export function updateJobOpening(command: UpdateJobOpeningCommand, deps: UseCaseDeps): Promise<JobOpeningRecord> {
  return inTransaction(deps, async (em) => {
    const rows = await loadOpeningRows(em, command.id, true);
    if (!rows) throw notFound('Job opening', ['input', 'id']);
    const opening = JobOpening.fromSnapshot(openingSnapshotOf(rows));
    const before = opening.toSnapshot();
    const { employerPartyId, ...terms } = changesOf(command.patch);
    const revision: ReviseJobOpeningInput = {
      ...(employerPartyId !== undefined ? { employer: await loadParty(em, employerPartyId, ['input', 'employerPartyId']) } : {}),
      ...terms,
    };
    // an empty revision is no revision: attaché verification alone must not be refused as an edit
    if (Object.keys(revision).length > 0) unwrap(opening.revise(revision));
    if (command.attacheVerification) unwrap(opening.recordAttacheVerification(command.attacheVerification));
    const written = applyOpeningSnapshot(em, rows, opening.toSnapshot(), deps.clock.now());
    await recordChange(em, deps, { action: 'updateJobOpening', entityType: 'JobOpening', entityId: command.id, before, after: opening.toSnapshot() });
    await em.flush();
    return written.opening;
  });
}
