/**
 * Table `party`: one row per organisation (domain `Party`). The P3MI licence pair is two columns with a
 * check that only a P3MI carries it and always both; the representative and the external references
 * are small JSON values (never filtered on).
 */
import { PARTY_KINDS, type PartyExternalReference, type PartyKind, type PartyRepresentative } from '../domain';
import { EntitySchema } from '@mikro-orm/core';

export class PartyRecord {
  id!: string;
  kind!: PartyKind;
  name!: string;
  shortName!: string | null;
  nativeName!: string | null;
  unit!: string | null;
  country!: string;
  regionCode!: string | null;
  sip3miNumber!: string | null;
  sip2miNumber!: string | null;
  representative!: PartyRepresentative | null;
  externalRefs!: PartyExternalReference[];
  isExample!: boolean;
  note!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const PartySchema = new EntitySchema<PartyRecord>({
  class: PartyRecord,
  tableName: 'party',
  comment: 'Organisations in the program: city, Korean counties, APJATI, P3MI, employers, trainers, certifiers, banks',
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { enum: true, items: () => [...PARTY_KINDS], type: 'text', index: 'party_kind_idx' },
    name: { type: 'string', length: 200, index: 'party_name_idx' },
    shortName: { type: 'string', length: 40, nullable: true },
    nativeName: { type: 'string', length: 200, nullable: true },
    unit: { type: 'string', length: 200, nullable: true },
    country: { type: 'string', length: 2, index: 'party_country_idx' },
    regionCode: { type: 'string', length: 20, nullable: true },
    sip3miNumber: { type: 'string', length: 100, nullable: true },
    sip2miNumber: { type: 'string', length: 100, nullable: true },
    representative: { type: 'json', nullable: true },
    externalRefs: { type: 'json' },
    isExample: { type: 'boolean', default: false },
    note: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: 'party_created_at_idx' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
  checks: [
    {
      name: 'party_licence_only_p3mi_check',
      expression: `(kind = 'P3MI') = (sip3mi_number is not null and sip2mi_number is not null) and ((sip3mi_number is null) = (sip2mi_number is null))`,
    },
    { name: 'party_country_check', expression: `country ~ '^[A-Z]{2}$'` },
  ],
});
