import type { CountryCode } from './country-code.js';
import { parsePhone } from './parse-phone.js';

/**
 * The number as international digits without '+' ('0775265552' -> '263775265552'), the form we store
 * and send to providers; null when it is not a valid number of a supported country. Numbers without a
 * country code are read as `defaultCountry`'s.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'ZW'): string | null {
  return parsePhone(input, defaultCountry)?.msisdn ?? null;
}
