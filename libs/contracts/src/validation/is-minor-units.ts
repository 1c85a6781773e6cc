import { IsInt, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { allOf } from './all-of.js';

/**
 * Money crosses NATS as a decimal string of minor units ("500" for $5.00): JSON numbers lose
 * precision past 2^53 and bigint has no JSON form. Positive, whole, and within PostgreSQL's bigint.
 */
export function IsMinorUnits(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMinorUnits',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a positive whole number of minor units, as a string', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value) },
    });
}

/**
 * An amount a client sends as a JSON number of minor units (000's `amount`: 500 for $5.00). Positive,
 * whole and far below 2^53, so the number is exact; it crosses NATS as IsMinorUnits' string.
 */
export function IsMinorAmount(): PropertyDecorator {
  return allOf(IsInt({ message: '$property must be an integer amount in the smallest currency unit' }), Min(1), Max(100_000_000_000));
}
