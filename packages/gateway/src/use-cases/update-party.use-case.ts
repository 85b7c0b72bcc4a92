/** updateParty: change the details of an organisation (never its id or kind). */
import { LockMode } from '@mikro-orm/core';
import { Party } from '../domain';
import { applyPartySnapshot, partySnapshotOf } from '../persistence/party.mapper';
import { PartyRecord } from '../persistence/party.schema';
import { recordChange } from './audit';
import type { PartyDetailsPatch } from './create-party.use-case';
import { changesOf } from './patch';
import { inTransaction, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

export interface UpdatePartyCommand {
  readonly id: string;
  readonly patch: PartyDetailsPatch;
}

export function updateParty(command: UpdatePartyCommand, deps: UseCaseDeps): Promise<PartyRecord> {
  return inTransaction(deps, async (em) => {
    const record = await em.findOne(PartyRecord, { id: command.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!record) throw notFound('Party', ['input', 'id']);
    const party = Party.fromSnapshot(partySnapshotOf(record));
    const before = party.toSnapshot();
    unwrap(party.update(changesOf(command.patch)));
    applyPartySnapshot(record, party.toSnapshot());
    record.updatedAt = deps.clock.now();
    await recordChange(em, deps, { action: 'updateParty', entityType: 'Party', entityId: command.id, before, after: party.toSnapshot() });
    await em.flush();
    return record;
  });
}
