export * from './cell-suppression';
export * from './reference-date';
export * from './filter-policy';
export * from './date-range';
export * from './temporal';
export * from './contribution-series';
