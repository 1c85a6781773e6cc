import { currencyExponent } from './currency-exponent.js';
import { decimalToMinor } from './decimal-to-minor.js';

/**
 * '5.5' USD -> 550n. The way amounts enter the money path from people and provider APIs, converted
 * without floating point so that no cent is gained or lost. See `decimalToMinor` for what is accepted.
 */
export function parseMajorToMinor(amount: string | number, currency: string): bigint {
  return decimalToMinor(amount, currencyExponent(currency));
}
