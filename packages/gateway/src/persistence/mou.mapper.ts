/** MoU records ⇄ domain MouSnapshot. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate, MouSnapshot, Timestamp } from '../domain';
import { MouObligationRecord, MouPartyRecord, MouRecord, MouStatusChangeRecord } from './mou.schema';
import { syncChildren } from './sync';
import type { Columns } from './columns';

export interface MouRows {
  readonly mou: MouRecord;
  readonly parties: readonly MouPartyRecord[];
  readonly obligations: readonly MouObligationRecord[];
  readonly history: readonly MouStatusChangeRecord[];
}

export function mouSnapshotOf(rows: MouRows): MouSnapshot {
  const m = rows.mou;
  return {
    id: m.id,
    title: { id: m.titleId, en: m.titleEn },
    reference: m.reference,
    status: m.status,
    parentMouId: m.parentMouId,
    renewalOfMouId: m.renewalOfMouId,
    renewedByMouId: m.renewedByMouId,
    parties: [...rows.parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        partyId: p.partyId,
        partyKind: p.partyKind,
        role: p.role,
        isSignatory: p.isSignatory,
        signatoryName: p.signatoryName,
        signatoryTitle: p.signatoryTitle,
      })),
    obligations: [...rows.obligations]
      .sort((a, b) => a.number - b.number)
      .map((o) => ({ number: o.number, partyId: o.partyId, text: { id: o.textId, en: o.textEn } })),
    signedOn: m.signedOn as IsoDate | null,
    validFrom: m.validFrom as IsoDate | null,
    validUntil: m.validUntil as IsoDate | null,
    endedOn: m.endedOn as IsoDate | null,
    note: m.note,
    history: [...rows.history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: h.at.toISOString() as Timestamp, actor: h.actor, note: h.note })),
  };
}

/** Load an MoU with its children (3 extra statements); optionally lock the MoU row for the transaction. */
export async function loadMouRows(em: EntityManager, id: string, lock = false): Promise<MouRows | undefined> {
  const mou = await em.findOne(MouRecord, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!mou) return undefined;
  // one after another: inside a transaction they share one connection
  const parties = await em.find(MouPartyRecord, { mouId: id });
  const obligations = await em.find(MouObligationRecord, { mouId: id });
  const history = await em.find(MouStatusChangeRecord, { mouId: id });
  return { mou, parties, obligations, history };
}

/** Write a snapshot onto the rows (new or loaded): the MoU row, then its children by key. */
export function applyMouSnapshot(em: EntityManager, rows: Partial<MouRows> | undefined, s: MouSnapshot, now: Date): MouRows {
  const mou = rows?.mou ?? Object.assign(new MouRecord(), { createdAt: now });
  Object.assign(mou, {
    id: s.id,
    titleId: s.title.id,
    titleEn: s.title.en,
    reference: s.reference,
    status: s.status,
    parentMouId: s.parentMouId,
    renewalOfMouId: s.renewalOfMouId,
    renewedByMouId: s.renewedByMouId,
    signedOn: s.signedOn,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    endedOn: s.endedOn,
    note: s.note,
    updatedAt: now,
  } satisfies Columns<MouRecord, 'createdAt'>);
  if (!rows?.mou) em.persist(mou);

  const parties = syncChildren(em, rows?.parties ?? [], s.parties.map((p, position) => ({ ...p, position })), (r) => r.partyId, (p) => p.partyId, (row, p) =>
    Object.assign(row ?? new MouPartyRecord(), {
      mouId: s.id,
      partyId: p.partyId,
      partyKind: p.partyKind,
      role: p.role,
      isSignatory: p.isSignatory,
      signatoryName: p.signatoryName,
      signatoryTitle: p.signatoryTitle,
      position: p.position,
    } satisfies Columns<MouPartyRecord, 'id'>),
  );
  const obligations = syncChildren(em, rows?.obligations ?? [], s.obligations, (r) => String(r.number), (o) => String(o.number), (row, o) =>
    Object.assign(row ?? new MouObligationRecord(), { mouId: s.id, number: o.number, partyId: o.partyId, textId: o.text.id, textEn: o.text.en } satisfies Columns<MouObligationRecord, 'id'>),
  );
  const history = syncChildren(em, rows?.history ?? [], s.history, (r) => String(r.sequence), (h) => String(h.sequence), (row, h) =>
    Object.assign(row ?? new MouStatusChangeRecord(), {
      mouId: s.id,
      sequence: h.sequence,
      fromStatus: h.from,
      toStatus: h.to,
      at: new Date(h.at),
      actor: h.actor,
      note: h.note,
    } satisfies Columns<MouStatusChangeRecord, 'id'>),
  );
  return { mou, parties, obligations, history };
}
