/**
 * The opportunities the city offers its residents (DOMAIN.md §1, §9): work in Kota Serang (LOCAL),
 * in Jabodetabek, outside Java through transmigration, or abroad (OVERSEAS: each Korea route).
 *
 * A wage opportunity at home names its place, and the place names its legal floor: the UMK of a
 * city or regency, or the UMP of DKI Jakarta (which has no UMK). Only places whose floor is a
 * sourced, dated parameter are listed; another place needs its decree recorded first.
 */
import type { Messages } from '../shared/domain-error';

export const OPPORTUNITY_KINDS = ['LOCAL', 'JABODETABEK', 'TRANSMIGRATION', 'OVERSEAS'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const OPPORTUNITY_KIND_LABELS: Readonly<Record<OpportunityKind, Messages>> = Object.freeze({
  LOCAL: { id: 'Bekerja di Kota Serang (atau sekitarnya)', en: 'Work in Kota Serang (or nearby)' },
  JABODETABEK: { id: 'Bekerja di Jabodetabek', en: 'Work in Jabodetabek' },
  TRANSMIGRATION: { id: 'Transmigrasi ke luar Jawa', en: 'Transmigration outside Java' },
  OVERSEAS: { id: 'Bekerja di luar negeri (Korea)', en: 'Work abroad (Korea)' },
});

/** Places with a recorded minimum wage. KABUPATEN_SERANG counts as LOCAL: it surrounds Kota Serang (a daily commute). */
export const WAGE_PLACES = ['KOTA_SERANG', 'KABUPATEN_SERANG', 'DKI_JAKARTA', 'KOTA_TANGERANG'] as const;
export type WagePlace = (typeof WAGE_PLACES)[number];

export type WageFloorParameterId =
  | 'wage.umk.kotaSerangIdr'
  | 'wage.umk.kabupatenSerangIdr'
  | 'wage.umk.kotaTangerangIdr'
  | 'wage.ump.dkiJakartaIdr';

export interface WagePlaceInfo {
  readonly kind: 'LOCAL' | 'JABODETABEK';
  /** The parameter holding the place's floor: the UMK, or the UMP where there is no UMK (DKI Jakarta). */
  readonly floorParameter: WageFloorParameterId;
  readonly floorKind: 'UMK' | 'UMP';
  readonly label: Messages;
}

export const WAGE_PLACE_INFO: Readonly<Record<WagePlace, WagePlaceInfo>> = Object.freeze({
  KOTA_SERANG: Object.freeze({
    kind: 'LOCAL',
    floorParameter: 'wage.umk.kotaSerangIdr',
    floorKind: 'UMK',
    label: Object.freeze({ id: 'Kota Serang', en: 'Kota Serang' }),
  }),
  KABUPATEN_SERANG: Object.freeze({
    kind: 'LOCAL',
    floorParameter: 'wage.umk.kabupatenSerangIdr',
    floorKind: 'UMK',
    label: Object.freeze({ id: 'Kabupaten Serang', en: 'Kabupaten Serang' }),
  }),
  DKI_JAKARTA: Object.freeze({
    kind: 'JABODETABEK',
    floorParameter: 'wage.ump.dkiJakartaIdr',
    floorKind: 'UMP',
    label: Object.freeze({ id: 'DKI Jakarta', en: 'DKI Jakarta' }),
  }),
  KOTA_TANGERANG: Object.freeze({
    kind: 'JABODETABEK',
    floorParameter: 'wage.umk.kotaTangerangIdr',
    floorKind: 'UMK',
    label: Object.freeze({ id: 'Kota Tangerang', en: 'Kota Tangerang' }),
  }),
});

/** The places of a kind (LOCAL: Kota and Kabupaten Serang; JABODETABEK: DKI Jakarta, Kota Tangerang). */
export function wagePlacesOf(kind: 'LOCAL' | 'JABODETABEK'): WagePlace[] {
  return WAGE_PLACES.filter((p) => WAGE_PLACE_INFO[p].kind === kind);
}
