/** createJobOpening: an opening in DRAFT under an MoU, for an employer party. */
import { JobOpening, type JobOpeningSnapshot } from '../domain';
import { applyOpeningSnapshot } from '../persistence/opening.mapper';
import type { JobOpeningRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { loadParty, lockMou } from './load-for-change';
import { inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

/** The opening's own terms, as the domain stores them (the MoU and the employer are loaded by id). */
export type CreateJobOpeningCommand = Pick<
  JobOpeningSnapshot,
  'mouId' | 'employerPartyId' | 'occupation' | 'route' | 'seats' | 'wage' | 'contractMonths' | 'extraRequirements' | 'plannedDeparture' | 'note'
>;

export function createJobOpening(command: CreateJobOpeningCommand, deps: UseCaseDeps): Promise<JobOpeningRecord> {
  return inTransaction(deps, async (em) => {
    const { mou } = await lockMou(em, command.mouId, ['input', 'mouId']);
    const employer = await loadParty(em, command.employerPartyId, ['input', 'employerPartyId']);
    const { mouId: _mou, employerPartyId: _employer, ...terms } = command;
    const opening = unwrap(JobOpening.create({ id: newId(), mou, employer, ...terms, at: nowTimestamp(deps), actor: deps.actor }));
    const rows = applyOpeningSnapshot(em, undefined, opening.toSnapshot(), deps.clock.now());
    await recordChange(em, deps, { action: 'createJobOpening', entityType: 'JobOpening', entityId: opening.id, before: null, after: opening.toSnapshot() });
    await em.flush();
    return rows.opening;
  });
}
