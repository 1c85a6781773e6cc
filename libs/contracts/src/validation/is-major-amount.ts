import { Matches, type ValidationOptions } from 'class-validator';

/** An amount in major units as a payer writes it ("5", "5.50"): up to 12 whole digits and 4 decimals. */
export function IsMajorAmount(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: '$property must be a positive number with at most 4 decimals, e.g. 5 or 5.50', ...options });
}
