/** setMouValidity: the validity dates of an MoU before it is signed. */
import type { IsoDate } from '../domain';
import type { MouRecord } from '../persistence/mou.schema';
import { lockMou } from './load-for-change';
import { saveMou } from './mou-writes';
import { inTransaction, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface SetMouValidityCommand {
  readonly mouId: string;
  readonly validFrom: IsoDate | null;
  readonly validUntil: IsoDate | null;
}

export function setMouValidity(command: SetMouValidityCommand, deps: UseCaseDeps): Promise<MouRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, mou } = await lockMou(em, command.mouId, ['input', 'mouId']);
    const before = mou.toSnapshot();
    unwrap(mou.setValidity(command.validFrom, command.validUntil));
    return saveMou(em, deps, rows, mou, { action: 'setMouValidity', before });
  });
}
