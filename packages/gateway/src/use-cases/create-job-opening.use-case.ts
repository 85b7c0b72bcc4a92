/** createJobOpening: an opening in DRAFT under an MoU, for an employer party. */
import { JobOpening, type IsoDate, type Occupation, type OpeningRequirements, type Route, type WageTerms } from '../domain';
import { applyOpeningSnapshot } from '../persistence/opening.mapper';
import type { JobOpeningRecord } from '../persistence/opening.schema';
import { recordChange } from './audit';
import { loadParty, lockMou } from './load-for-change';
import { inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface CreateJobOpeningCommand {
  readonly mouId: string;
  readonly employerPartyId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly wage: WageTerms;
  readonly contractMonths: number | null;
  readonly extraRequirements: OpeningRequirements;
  readonly plannedDeparture: IsoDate | null;
  readonly note: string | null;
}

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
