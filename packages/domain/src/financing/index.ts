/** Financing: loan products as data, request checks, repayment schedules, effective rate, affordability, informal-lender comparison. */
export { MAX_SCHEDULE_MONTHS } from './financing-input';
export * from './annuity';
export * from './effective-rate';
export * from './repayment-schedule';
export * from './financing-product';
export * from './kur-penempatan.product';
export * from './zero-interest-facility.product';
export * from './city-grant.product';
export * from './check-loan-request';
export * from './schedule-loan';
export * from './plan-contract-months';
export * from './affordability';
export * from './informal-lender-comparison';
export * from './loan-timeline';
export * from './upfront-cash-timeline';
