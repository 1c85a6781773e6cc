import { CURRENCIES } from './currencies.js';
import { isSupportedCurrency } from './is-supported-currency.js';
import { MoneyError } from './money-error.js';

/** Decimal places of the currency's major unit; throws UNSUPPORTED_CURRENCY for unknown codes. */
export function currencyExponent(code: string): number {
  if (!isSupportedCurrency(code)) {
    throw new MoneyError('UNSUPPORTED_CURRENCY', `Unsupported currency: ${JSON.stringify(code)}`);
  }
  return CURRENCIES[code].exponent;
}
