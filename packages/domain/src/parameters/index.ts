/** Dated parameters: data files, lookup as of a date, snapshots with what-if overlays (their sources: `../sources`). */
export * from './education-level';
export * from './parameter-values';
export * from './parameter-file';
export * from './parameter-value-checks';
export * from './parameter-registry';
export * from './parameter-snapshot';
export { deepFreeze as deepFreezeParameterValue } from './deep-freeze';
