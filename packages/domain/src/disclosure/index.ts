export * from './cell-suppression';
export * from './reference-date';
export * from './filter-policy';
