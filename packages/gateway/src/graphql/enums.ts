/**
 * GraphQL enums built from the domain's vocabulary, each value described (bilingual labels from the
 * domain; the English label is the description, the Indonesian one follows in brackets).
 */
import {
  KOTA_SERANG_KECAMATAN,
  OCCUPATIONS,
  OCCUPATION_LABELS,
  PAYER_KINDS,
  ROUTES,
  ROUTE_LABELS,
  SEXES,
  type Messages,
} from '@jembatan/domain';
import { registerEnumType } from 'type-graphql';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

function describe(m: Messages): string {
  return `${m.en} (${m.id})`;
}

export const RouteEnum = enumObject(ROUTES);
registerEnumType(RouteEnum, {
  name: 'Route',
  description: 'Visa route to Korea (DOMAIN.md §3); which rules apply depends on it.',
  valuesConfig: Object.fromEntries(ROUTES.map((r) => [r, { description: describe(ROUTE_LABELS[r]) }])),
});

export const OccupationEnum = enumObject(OCCUPATIONS);
registerEnumType(OccupationEnum, {
  name: 'Occupation',
  description:
    'Occupation of a quota, opening or candidate: the shipbuilding trades, E-9 sectors and the ten informal jobs of Perban BP2MI 9/2020.',
  valuesConfig: Object.fromEntries(OCCUPATIONS.map((o) => [o, { description: describe(OCCUPATION_LABELS[o]) }])),
});

const PAYER_DESCRIPTIONS: Record<(typeof PAYER_KINDS)[number], Messages> = {
  WORKER: { en: 'The worker (candidate) pays', id: 'Dibayar pekerja (calon PMI)' },
  EMPLOYER: { en: 'The Korean employer pays', id: 'Dibayar pemberi kerja di Korea' },
  P3MI: { en: 'The placement company (P3MI) pays', id: 'Dibayar perusahaan penempatan (P3MI)' },
  CITY_SUBSIDY: { en: 'Subsidised by Pemkot Serang', id: 'Disubsidi Pemkot Serang' },
  APJATI_FACILITY: { en: 'Covered by an APJATI facility', id: 'Ditanggung fasilitas APJATI' },
};
export const PayerKindEnum = enumObject(PAYER_KINDS);
registerEnumType(PayerKindEnum, {
  name: 'PayerKind',
  description: 'Who pays a cost line (DOMAIN.md §5), decided by a named cost policy.',
  valuesConfig: Object.fromEntries(PAYER_KINDS.map((p) => [p, { description: describe(PAYER_DESCRIPTIONS[p]) }])),
});

export const SexEnum = enumObject(SEXES);
registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Sex as recorded on the KTP (and encoded in the NIK: day of birth + 40 for women).',
  valuesConfig: { M: { description: 'Male (laki-laki)' }, F: { description: 'Female (perempuan)' } },
});

const KECAMATAN_NAMES: Record<(typeof KOTA_SERANG_KECAMATAN)[number], string> = {
  SERANG: 'Serang',
  CIPOCOK_JAYA: 'Cipocok Jaya',
  CURUG: 'Curug',
  KASEMEN: 'Kasemen',
  TAKTAKAN: 'Taktakan',
  WALANTAKA: 'Walantaka',
};
export const KecamatanEnum = enumObject(KOTA_SERANG_KECAMATAN);
registerEnumType(KecamatanEnum, {
  name: 'Kecamatan',
  description: 'Kecamatan (district) of Kota Serang; residency is decided from the KTP/KK address, never from the NIK.',
  valuesConfig: Object.fromEntries(
    KOTA_SERANG_KECAMATAN.map((k) => [k, { description: `Kecamatan ${KECAMATAN_NAMES[k]}, Kota Serang` }]),
  ),
});

// ---------------------------------------------------------------- age bands (aggregates, analyst view)

export const AGE_BANDS = ['UNDER_18', 'AGE_18_24', 'AGE_25_29', 'AGE_30_34', 'AGE_35_39', 'AGE_40_PLUS', 'UNKNOWN'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AgeBandEnum = Object.fromEntries(AGE_BANDS.map((b) => [b, b])) as { [K in AgeBand]: K };
registerEnumType(AgeBandEnum, {
  name: 'AgeBand',
  description: 'Age band from the birth date (declared, else from the NIK): on the aggregate’s date, or today for a profile.',
  valuesConfig: {
    UNDER_18: { description: 'Under 18 (below the legal minimum age).' },
    AGE_18_24: { description: '18–24.' },
    AGE_25_29: { description: '25–29.' },
    AGE_30_34: { description: '30–34.' },
    AGE_35_39: { description: '35–39 (the top of the E-9 band).' },
    AGE_40_PLUS: { description: '40 or older.' },
    UNKNOWN: { description: 'No birth date known.' },
  },
});
