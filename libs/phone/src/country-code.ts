/** ISO 3166-1 alpha-2 codes of the countries whose phone numbers we can read. */
export type CountryCode = 'ZW' | 'KE' | 'NG' | 'SD';
