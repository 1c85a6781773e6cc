import { isValidPhone } from '@airtime/phone';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A phone number we can normalise to E.164 (local 07… numbers are read as Zimbabwean, as 000 does). */
export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPhoneNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a valid phone number', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidPhone(value) },
    });
}
