/**
 * @jembatan/domain — the pure core of Jembatan.
 * No I/O, no clock, no randomness: every date is passed in, every figure is a dated parameter.
 */
export * from './shared/domain-error';
export * from './shared/local-date';
export * from './shared/vocabulary';
export * from './money';
export * from './identity';
export * from './eligibility';
export * from './parameters';
export * from './costs';
export * from './financing';
export * from './entities';
export * from './seed';
export * from './disclosure';
