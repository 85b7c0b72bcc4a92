/** addMouParty: one more party to an MoU (the domain allows it in DRAFT or EXPLORATION). */
import type { MouPartyTerms } from '../domain';
import type { MouRecord } from '../persistence/mou.schema';
import { loadParty, lockMou } from './load-for-change';
import { saveMou } from './mou-writes';
import { inTransaction, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface AddMouPartyCommand {
  readonly mouId: string;
  readonly partyId: string;
  readonly terms: MouPartyTerms;
}

export function addMouParty(command: AddMouPartyCommand, deps: UseCaseDeps): Promise<MouRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, mou } = await lockMou(em, command.mouId, ['input', 'mouId']);
    const before = mou.toSnapshot();
    const party = await loadParty(em, command.partyId, ['input', 'partyId']);
    unwrap(mou.addParty(party, command.terms));
    return saveMou(em, deps, rows, mou, { action: 'addMouParty', before });
  });
}
