import type { CountryCode } from './country-code.js';

export interface CountryNumbering {
  /** ITU country calling code, digits only. */
  readonly dialCode: string;
  /** Digits after the country code (the local number without its trunk 0). */
  readonly nationalNumberLength: number;
}

/**
 * Numbering plans of the supported countries. All four dial nationally with a trunk 0 and use a
 * fixed national number length, which is what lets us reject truncated or run-on numbers.
 */
export const COUNTRY_NUMBERING: Readonly<Record<CountryCode, CountryNumbering>> = {
  ZW: { dialCode: '263', nationalNumberLength: 9 },
  KE: { dialCode: '254', nationalNumberLength: 9 },
  NG: { dialCode: '234', nationalNumberLength: 10 },
  SD: { dialCode: '249', nationalNumberLength: 9 },
};
