/** createParty: register an organisation (its kind never changes afterwards). */
import { Party, type PartyKind, type UpdatePartyInput } from '../domain';
import { applyPartySnapshot } from '../persistence/party.mapper';
import { PartyRecord } from '../persistence/party.schema';
import { recordChange } from './audit';
import { changesOf, type Patch } from './patch';
import { inTransaction, newId, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

/** Every detail the domain lets an update change, each a value, null (cleared) or undefined (unchanged). */
export type PartyDetailsPatch = Patch<UpdatePartyInput>;

export interface CreatePartyCommand {
  readonly kind: PartyKind;
  readonly details: PartyDetailsPatch & { readonly name: string; readonly country: string };
}

export function createParty(command: CreatePartyCommand, deps: UseCaseDeps): Promise<PartyRecord> {
  return inTransaction(deps, async (em) => {
    const { details } = command;
    const party = unwrap(Party.create({ ...changesOf(details), id: newId(), kind: command.kind, name: details.name, country: details.country }));
    const record = new PartyRecord();
    applyPartySnapshot(record, party.toSnapshot());
    record.createdAt = record.updatedAt = deps.clock.now();
    em.persist(record);
    await recordChange(em, deps, { action: 'createParty', entityType: 'Party', entityId: record.id, before: null, after: party.toSnapshot() });
    await em.flush();
    return record;
  });
}
