/**
 * The address written on a resident's KTP (identity card) or KK (family card).
 *
 * Residency in Kota Serang is decided from this address, never from the NIK (DOMAIN.md §4):
 * the NIK encodes the place of *first* registration and never changes.
 */
export const ADDRESS_SOURCES = ['KTP', 'KK'] as const;
export type AddressSource = (typeof ADDRESS_SOURCES)[number];

export interface ResidentialAddress {
  /** Kecamatan as written on the card, e.g. "Cipocok Jaya", "Kec. Kasemen", "KASEMEN". */
  readonly kecamatan?: string;
  /** Kelurahan / desa as written on the card (kept for the record; not used to decide residency). */
  readonly kelurahan?: string;
  /** Regency or city as written, e.g. "Kota Serang", "Kab. Serang", "Kabupaten Tangerang". */
  readonly city?: string;
  /**
   * Kemendagri code of the address's regency/city when the caller has it (e.g. from Dukcapil),
   * "36.73" or "3673". This is the code of the *address*, not the NIK prefix.
   */
  readonly cityCode?: string;
  /** Which card the address was read from. */
  readonly source?: AddressSource;
}
