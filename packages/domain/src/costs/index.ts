/** Costs: cost lines from parameters and inputs, payers decided by named cost policies and overlays, totals, up-front cash. */
export * from './cost-line';
export * from './cost-policy';
export * from './base-cost-policy';
export * from './zero-cost-policy';
export * from './cost-policy-overlays';
export * from './bpjs-contribution';
export * from './estimate-costs';
export * from './cost-line-sets';
export * from './placement-cost-shares';
