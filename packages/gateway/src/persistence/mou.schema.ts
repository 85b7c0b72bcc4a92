/**
 * Tables `mou`, `mou_party`, `mou_obligation`, `mou_status_change` (domain `Mou`). Children point at
 * their MoU with a foreign key (ON DELETE CASCADE); relations are mapped to plain ids (`mapToPk`) and
 * loaded in batches by the GraphQL layer.
 */
import { MOU_PARTY_ROLES, MOU_STATUSES, PARTY_KINDS, type MouPartyRole, type MouStatus, type PartyKind } from '../domain';
import { EntitySchema } from '@mikro-orm/core';
import { foreignKey, type ForeignKeyOptions } from './foreign-key';
import { PartyRecord } from './party.schema';

export class MouRecord {
  id!: string;
  titleId!: string;
  titleEn!: string;
  reference!: string | null;
  status!: MouStatus;
  parentMouId!: string | null;
  renewalOfMouId!: string | null;
  renewedByMouId!: string | null;
  signedOn!: string | null;
  validFrom!: string | null;
  validUntil!: string | null;
  endedOn!: string | null;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export class MouPartyRecord {
  id!: number;
  mouId!: string;
  partyId!: string;
  partyKind!: PartyKind;
  role!: MouPartyRole;
  isSignatory!: boolean;
  signatoryName!: string | null;
  signatoryTitle!: string | null;
  position!: number;
}

export class MouObligationRecord {
  id!: number;
  mouId!: string;
  number!: number;
  partyId!: string;
  textId!: string;
  textEn!: string;
}

export class MouStatusChangeRecord {
  id!: number;
  mouId!: string;
  sequence!: number;
  fromStatus!: MouStatus | null;
  toStatus!: MouStatus;
  at!: Date;
  actor!: string;
  note!: string | null;
}

const mouRef = (fieldName: string, options: ForeignKeyOptions = {}) => foreignKey(() => MouRecord, fieldName, { nullable: false, deleteRule: 'cascade', ...options });

export const MouSchema = new EntitySchema<MouRecord>({
  class: MouRecord,
  tableName: 'mou',
  comment: 'Memoranda of understanding between the city and its partners (status machine in mou_status_change)',
  properties: {
    id: { type: 'uuid', primary: true },
    titleId: { type: 'string', length: 500 },
    titleEn: { type: 'string', length: 500 },
    reference: { type: 'string', length: 200, nullable: true },
    status: { enum: true, items: () => [...MOU_STATUSES], type: 'text', index: 'mou_status_idx' },
    parentMouId: mouRef('parent_mou_id', { nullable: true, deleteRule: 'restrict', index: 'mou_parent_mou_id_idx' }),
    renewalOfMouId: mouRef('renewal_of_mou_id', { nullable: true, deleteRule: 'restrict' }),
    renewedByMouId: mouRef('renewed_by_mou_id', { nullable: true, deleteRule: 'set null' }),
    signedOn: { type: 'date', nullable: true },
    validFrom: { type: 'date', nullable: true },
    validUntil: { type: 'date', nullable: true },
    endedOn: { type: 'date', nullable: true },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'mou_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    { name: 'mou_validity_order_check', expression: 'valid_until is null or valid_from is null or valid_until >= valid_from' },
    { name: 'mou_not_own_parent_check', expression: 'parent_mou_id is null or parent_mou_id <> id' },
  ],
});

export const MouPartySchema = new EntitySchema<MouPartyRecord>({
  class: MouPartyRecord,
  tableName: 'mou_party',
  comment: 'Parties of an MoU with their role and signatory',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    mouId: mouRef('mou_id'),
    partyId: foreignKey(() => PartyRecord, 'party_id', { index: 'mou_party_party_id_idx' }),
    partyKind: { enum: true, items: () => [...PARTY_KINDS], type: 'text' },
    role: { enum: true, items: () => [...MOU_PARTY_ROLES], type: 'text' },
    isSignatory: { type: 'boolean' },
    signatoryName: { type: 'string', length: 200, nullable: true },
    signatoryTitle: { type: 'string', length: 200, nullable: true },
    position: { type: 'integer' },
  },
  uniques: [{ name: 'mou_party_mou_party_unique', properties: ['mouId', 'partyId'] }],
});

export const MouObligationSchema = new EntitySchema<MouObligationRecord>({
  class: MouObligationRecord,
  tableName: 'mou_obligation',
  comment: 'Obligations of each party under an MoU',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    mouId: mouRef('mou_id'),
    number: { type: 'integer' },
    partyId: foreignKey(() => PartyRecord, 'party_id', { index: 'mou_obligation_party_id_idx' }),
    textId: { type: 'text' },
    textEn: { type: 'text' },
  },
  uniques: [{ name: 'mou_obligation_mou_number_unique', properties: ['mouId', 'number'] }],
  checks: [{ name: 'mou_obligation_number_check', expression: 'number > 0' }],
});

export const MouStatusChangeSchema = new EntitySchema<MouStatusChangeRecord>({
  class: MouStatusChangeRecord,
  tableName: 'mou_status_change',
  comment: 'History of MoU status changes (append-only through the API)',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    mouId: mouRef('mou_id'),
    sequence: { type: 'integer' },
    fromStatus: { enum: true, items: () => [...MOU_STATUSES], type: 'text', nullable: true },
    toStatus: { enum: true, items: () => [...MOU_STATUSES], type: 'text' },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actor: { type: 'string', length: 300 },
    note: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'mou_status_change_mou_sequence_unique', properties: ['mouId', 'sequence'] }],
});
