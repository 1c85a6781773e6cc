import type { CountryCode } from './country-code.js';
import { COUNTRY_NUMBERING } from './country-numbering.js';

export interface ParsedPhone {
  readonly country: CountryCode;
  /** The number after the country code, without trunk 0. */
  readonly nationalNumber: string;
  /** Country code and national number: E.164 without the '+'. */
  readonly msisdn: string;
}

// Characters people and spreadsheets put inside phone numbers for readability.
const SEPARATORS = /[\s\-.()]/g;
// '+' and '00' both announce an international number; anything else is local or bare digits.
const PHONE_SHAPE = /^(\+|00)?(\d+)$/;

const COUNTRIES = Object.entries(COUNTRY_NUMBERING) as [CountryCode, (typeof COUNTRY_NUMBERING)[CountryCode]][];

/**
 * Reads a number written the ways people write them (local with trunk 0, with '+' or '00', or bare
 * digits with or without the country code) into its country and national number. Only the supported
 * countries are recognised, so a valid number elsewhere in the world is null here too.
 */
export function parsePhone(input: string, defaultCountry: CountryCode): ParsedPhone | null {
  if (typeof input !== 'string') return null;
  const match = PHONE_SHAPE.exec(input.replace(SEPARATORS, ''));
  if (!match) return null;
  const [, internationalMarker, digits] = match;

  if (internationalMarker) return fromInternational(digits);
  if (digits.startsWith('0')) return fromNational(digits.slice(1), defaultCountry);
  // Bare digits: with the country code they are 3 digits longer than any supported national number,
  // so the two readings can never both succeed.
  return fromInternational(digits) ?? fromNational(digits, defaultCountry);
}

function fromInternational(digits: string): ParsedPhone | null {
  for (const [country, { dialCode, nationalNumberLength }] of COUNTRIES) {
    if (!digits.startsWith(dialCode)) continue;
    let national = digits.slice(dialCode.length);
    // '+263 (0)77 …' keeps the trunk 0 for local readers; it is not part of the number.
    if (national.length === nationalNumberLength + 1 && national.startsWith('0')) national = national.slice(1);
    return fromNational(national, country);
  }
  return null;
}

function fromNational(nationalNumber: string, country: CountryCode): ParsedPhone | null {
  const { dialCode, nationalNumberLength } = COUNTRY_NUMBERING[country];
  // A national number never starts with 0: that digit is the trunk prefix in all supported countries.
  if (nationalNumber.length !== nationalNumberLength || nationalNumber.startsWith('0')) return null;
  return { country, nationalNumber, msisdn: dialCode + nationalNumber };
}
