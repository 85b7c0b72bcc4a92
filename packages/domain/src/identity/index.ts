/** Identity: NIK parsing and validation, NIK vs declared data, residency in Kota Serang. */
export * from './residential-address';
export * from './province-codes';
export * from './nik';
export * from './nik-consistency';
export * from './residency';
