/** addMouObligation: an obligation one of the MoU's parties takes on. */
import type { Messages } from '../domain';
import type { MouRecord } from '../persistence/mou.schema';
import { lockMou } from './load-for-change';
import { saveMou } from './mou-writes';
import { inTransaction, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface AddMouObligationCommand {
  readonly mouId: string;
  readonly partyId: string;
  readonly text: Messages;
}

export function addMouObligation(command: AddMouObligationCommand, deps: UseCaseDeps): Promise<MouRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, mou } = await lockMou(em, command.mouId, ['input', 'mouId']);
    const before = mou.toSnapshot();
    unwrap(mou.addObligation(command.partyId, command.text));
    return saveMou(em, deps, rows, mou, { action: 'addMouObligation', before });
  });
}
