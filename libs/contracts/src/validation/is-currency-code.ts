import { Matches, type ValidationOptions } from 'class-validator';

/** An ISO 4217 code as the platform writes it: three capital letters (USD, ZWG). */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^[A-Z]{3}$/, { message: '$property must be a three-letter ISO code, e.g. USD', ...options });
}

/** An ISO 3166 alpha-2 country code (ZW). */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO code, e.g. ZW', ...options });
}
