/** PartyRecord ⇄ domain PartySnapshot. */
import type { PartySnapshot } from '../domain';
import type { PartyRecord } from './party.schema';
import type { Columns } from './columns';

export function partySnapshotOf(r: PartyRecord): PartySnapshot {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    shortName: r.shortName,
    nativeName: r.nativeName,
    unit: r.unit,
    country: r.country,
    regionCode: r.regionCode,
    licence: r.sip3miNumber !== null && r.sip2miNumber !== null ? { sip3miNumber: r.sip3miNumber, sip2miNumber: r.sip2miNumber } : null,
    representative: r.representative ? { name: r.representative.name, title: r.representative.title } : null,
    externalRefs: (r.externalRefs ?? []).map((x) => ({ system: x.system, reference: x.reference })),
    isExample: r.isExample,
    note: r.note,
  };
}

/** Copy a snapshot onto a record (new or loaded); timestamps are the caller's. */
export function applyPartySnapshot(r: PartyRecord, s: PartySnapshot): void {
  Object.assign(r, {
    id: s.id,
    kind: s.kind,
    name: s.name,
    shortName: s.shortName,
    nativeName: s.nativeName,
    unit: s.unit,
    country: s.country,
    regionCode: s.regionCode,
    sip3miNumber: s.licence?.sip3miNumber ?? null,
    sip2miNumber: s.licence?.sip2miNumber ?? null,
    representative: s.representative ? { name: s.representative.name, title: s.representative.title } : null,
    externalRefs: s.externalRefs.map((x) => ({ system: x.system, reference: x.reference })),
    isExample: s.isExample,
    note: s.note,
  } satisfies Columns<PartyRecord, 'createdAt' | 'updatedAt'>);
}
