/** Money: exact integer minor units with a currency, rounding, allocation, conversion, formatting. */
export * from './currency';
export * from './rounding';
export * from './ratio';
export * from './money';
export * from './multiply';
export * from './allocate';
export * from './exchange-rate';
export * from './format-money';
