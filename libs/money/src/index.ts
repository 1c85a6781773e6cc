export * from './money-error.js';
export * from './currencies.js';
export * from './is-supported-currency.js';
export * from './currency-exponent.js';
export * from './parse-major-to-minor.js';
export * from './format-minor.js';
export * from './parse-minor.js';
export * from './assert-positive-minor.js';
