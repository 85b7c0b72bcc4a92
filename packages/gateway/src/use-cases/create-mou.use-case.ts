/** createMou: an MoU in DRAFT, optionally with its parties and obligations (and the MoU it builds on). */
import { Mou, Party, type Messages, type MouPartyTerms, type MouSnapshot } from '../domain';
import { MouRecord } from '../persistence/mou.schema';
import { partySnapshotOf } from '../persistence/party.mapper';
import { PartyRecord } from '../persistence/party.schema';
import { saveMou } from './mou-writes';
import { inTransaction, newId, nowTimestamp, type UseCaseDeps } from './use-case';
import { notFound, unwrap } from './use-case-error';

export interface CreateMouCommand extends Pick<MouSnapshot, 'title' | 'reference' | 'parentMouId' | 'validFrom' | 'validUntil' | 'note'> {
  /** In order; NOT_FOUND points at `input.parties.<i>.partyId`. */
  readonly parties: ReadonlyArray<{ readonly partyId: string } & MouPartyTerms>;
  readonly obligations: ReadonlyArray<{ readonly partyId: string; readonly text: Messages }>;
}

export function createMou(command: CreateMouCommand, deps: UseCaseDeps): Promise<MouRecord> {
  return inTransaction(deps, async (em) => {
    const partyIds = command.parties.map((p) => p.partyId);
    const records = partyIds.length ? await em.find(PartyRecord, { id: { $in: partyIds } }) : [];
    const byId = new Map(records.map((r) => [r.id, Party.fromSnapshot(partySnapshotOf(r))]));
    const parties = command.parties.map(({ partyId, ...terms }, i) => {
      const party = byId.get(partyId);
      if (!party) throw notFound('Party', ['input', 'parties', String(i), 'partyId']);
      return { party, ...terms };
    });
    if (command.parentMouId && !(await em.findOne(MouRecord, { id: command.parentMouId }))) throw notFound('MoU', ['input', 'parentMouId']);
    const mou = unwrap(
      Mou.create({
        id: newId(),
        title: command.title,
        reference: command.reference,
        parentMouId: command.parentMouId,
        validFrom: command.validFrom,
        validUntil: command.validUntil,
        note: command.note,
        at: nowTimestamp(deps),
        actor: deps.actor,
        parties,
        obligations: command.obligations,
      }),
    );
    return saveMou(em, deps, undefined, mou, { action: 'createMou', before: null });
  });
}
