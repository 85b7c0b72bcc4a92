/** Party records → the GraphQL `Party`. */
import { partySnapshotOf } from '../../persistence/party.mapper';
import { PartyRecord } from '../../persistence/party.schema';
import { Party } from '../types/party.type';

export function toPartyGql(r: PartyRecord): Party {
  const s = partySnapshotOf(r);
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    shortName: s.shortName,
    nativeName: s.nativeName,
    unit: s.unit,
    country: s.country,
    regionCode: s.regionCode,
    licence: s.licence ? { ...s.licence } : null,
    representative: s.representative ? { ...s.representative } : null,
    externalRefs: s.externalRefs.map((x) => ({ ...x })),
    isExample: s.isExample,
    note: s.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
