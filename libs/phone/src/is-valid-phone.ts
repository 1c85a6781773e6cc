import type { CountryCode } from './country-code.js';
import { parsePhone } from './parse-phone.js';

/**
 * Whether the number normalises, i.e. is a well-formed number of a supported country. It does not
 * require a known mobile network; use `detectNetwork` when the number must be topped up.
 */
export function isValidPhone(input: string, defaultCountry: CountryCode = 'ZW'): boolean {
  return parsePhone(input, defaultCountry) !== null;
}
