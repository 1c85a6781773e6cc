import { PlatformError } from '@airtime/platform';

export function phoneAlreadyRegistered(): PlatformError {
  return new PlatformError('PHONE_ALREADY_REGISTERED', 'A user with this phone number already exists', {
    fields: { user_phone: ['user_phone is already registered'] },
  });
}

export function accountNotFound(): PlatformError {
  return new PlatformError('NOT_FOUND', 'Account not found');
}
