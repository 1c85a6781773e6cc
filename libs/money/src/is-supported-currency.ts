import { CURRENCIES, type CurrencyCode } from './currencies.js';

/** Whether `code` is a currency we support. Codes are upper-case ISO 4217; 'usd' is not accepted. */
export function isSupportedCurrency(code: unknown): code is CurrencyCode {
  // hasOwn, not `in`, so that 'toString' and friends are not currencies.
  return typeof code === 'string' && Object.hasOwn(CURRENCIES, code);
}
