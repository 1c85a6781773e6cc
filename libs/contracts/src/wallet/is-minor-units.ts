import { registerDecorator, type ValidationOptions } from 'class-validator';

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
      options: { message: `${String(propertyName)} must be a positive whole number of minor units, as a string`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value) },
    });
}
