/**
 * @jembatan/domain/regions — Kota Serang's kecamatan and kelurahan with their Kemendagri and BPS
 * codes (issue 12), for joins to maps and statistics. A separate entry point: the calculators in the
 * main entry do not carry this table. Citations: `regionSources()` in `@jembatan/domain/sources`.
 */
export * from './regions';
export * from './region-data-check';
