import { ValidationPipe } from '@nestjs/common';
import { validationDetails } from '@airtime/contracts';
import { PlatformError } from '../errors/platform-error.js';

/**
 * Validates payloads against their contract classes: unknown fields are refused rather than ignored,
 * and every bad field is named.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The value is read to tell a missing field from a wrong one; it never leaves the pipe.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) =>
      new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: validationDetails(errors) }),
  });
}
