/** transitionMou: move an MoU to another status; the domain's state machine and guards decide. */
import type { IsoDate, MouStatus } from '../domain';
import type { MouRecord } from '../persistence/mou.schema';
import { lockMou } from './load-for-change';
import { saveMou } from './mou-writes';
import { inTransaction, nowTimestamp, type UseCaseDeps } from './use-case';
import { unwrap } from './use-case-error';

export interface TransitionMouCommand {
  readonly id: string;
  readonly to: MouStatus;
  readonly note: string | null;
  /** For → SIGNED: the signing date (default: today). */
  readonly signedOn?: IsoDate;
}

export function transitionMou(command: TransitionMouCommand, deps: UseCaseDeps): Promise<MouRecord> {
  return inTransaction(deps, async (em) => {
    const { rows, mou } = await lockMou(em, command.id, ['id']);
    const before = mou.toSnapshot();
    unwrap(
      mou.transitionTo(command.to, {
        at: nowTimestamp(deps),
        actor: deps.actor,
        note: command.note,
        ...(command.signedOn ? { signedOn: command.signedOn } : {}),
      }),
      [],
    );
    return saveMou(em, deps, rows, mou, { action: 'transitionMou', before });
  });
}
