/**
 * The shared vocabulary of the program: routes, occupations, payers. Kept as `const` arrays so
 * that the gateway can build GraphQL enums from them and validators can check membership.
 */
import type { Messages } from './domain-error';

/** Visa routes to Korea (DOMAIN.md §3). E-7-4 is a career path inside Korea, not an entry route. */
export const ROUTES = ['E9', 'E7_3', 'E7_3_PILOT', 'E8'] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<Route, Messages> = {
  E9: { id: 'E-9 EPS (G-to-G, KP2MI dengan HRD Korea)', en: 'E-9 EPS (G-to-G, KP2MI with HRD Korea)' },
  E7_3: { id: 'E-7-3 tenaga terampil perkapalan (melalui P3MI)', en: 'E-7-3 skilled shipbuilding (through a P3MI)' },
  E7_3_PILOT: {
    id: 'E-7-3 program percontohan provinsi Gyeongsangnam-do',
    en: 'E-7-3 provincial pilot, Gyeongsangnam-do',
  },
  E8: { id: 'E-8 pekerja musiman (antarpemerintah daerah)', en: 'E-8 seasonal worker (local government to local government)' },
};

/** Occupations: the seed's shipbuilding trades, E-9 sectors, and the 10 informal jobs of Perban BP2MI 9/2020. */
export const OCCUPATIONS = [
  'WELDER',
  'SHIP_PAINTER',
  'SHIP_ELECTRICIAN',
  'PLANT_ENGINEER',
  'MANUFACTURING_WORKER',
  'AGRICULTURE_WORKER',
  'HOUSEKEEPER',
  'BABY_SITTER',
  'ELDERLY_CARER',
  'COOK',
  'FAMILY_DRIVER',
  'GARDENER',
  'CHILD_CARER',
  'CLEANER',
  'FARM_PLANTATION_WORKER',
  'FISHING_CREW',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const OCCUPATION_LABELS: Record<Occupation, Messages> = {
  WELDER: { id: 'Juru las', en: 'Welder' },
  SHIP_PAINTER: { id: 'Pengecat kapal', en: 'Ship painter' },
  SHIP_ELECTRICIAN: { id: 'Teknisi listrik kapal', en: 'Ship electrician' },
  PLANT_ENGINEER: { id: 'Teknisi pabrik/plant', en: 'Plant engineer' },
  MANUFACTURING_WORKER: { id: 'Pekerja manufaktur', en: 'Manufacturing worker' },
  AGRICULTURE_WORKER: { id: 'Pekerja pertanian musiman', en: 'Seasonal agriculture worker' },
  HOUSEKEEPER: { id: 'Penata laksana rumah tangga', en: 'Housekeeper' },
  BABY_SITTER: { id: 'Pengasuh bayi', en: 'Baby sitter' },
  ELDERLY_CARER: { id: 'Perawat lansia', en: 'Elderly carer' },
  COOK: { id: 'Juru masak', en: 'Cook' },
  FAMILY_DRIVER: { id: 'Sopir keluarga', en: 'Family driver' },
  GARDENER: { id: 'Tukang kebun', en: 'Gardener' },
  CHILD_CARER: { id: 'Pengasuh anak', en: 'Child carer' },
  CLEANER: { id: 'Petugas kebersihan', en: 'Cleaner' },
  FARM_PLANTATION_WORKER: { id: 'Pekerja ladang/perkebunan', en: 'Farm/plantation worker' },
  FISHING_CREW: { id: 'Awak kapal perikanan', en: 'Fishing crew' },
};

/** Who pays a cost line (DOMAIN.md §5). */
export const PAYER_KINDS = ['WORKER', 'EMPLOYER', 'P3MI', 'CITY_SUBSIDY', 'APJATI_FACILITY'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Kecamatan of Kota Serang (DOMAIN.md §4): residency is decided from the KTP/KK address, never the NIK. */
export const KOTA_SERANG_KECAMATAN = ['SERANG', 'CIPOCOK_JAYA', 'CURUG', 'KASEMEN', 'TAKTAKAN', 'WALANTAKA'] as const;
export type KotaSerangKecamatan = (typeof KOTA_SERANG_KECAMATAN)[number];

export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}
