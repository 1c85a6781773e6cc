import { PlatformError } from '@airtime/platform';

/** One answer for an unknown phone, a wrong PIN and a wrong or reused operator code alike. */
export function invalidCredentials(): PlatformError {
  return new PlatformError('INVALID_CREDENTIALS', 'Invalid credentials');
}

export function pinLocked(seconds: number): PlatformError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new PlatformError(
    'PIN_LOCKED',
    `Too many failed PIN attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    undefined,
    seconds,
  );
}

export function sessionEnded(): PlatformError {
  return new PlatformError('UNAUTHENTICATED', 'Session has ended: log in again');
}

/** A PIN reset for a phone with no user (the gateway answers it like a known one: no enumeration). */
export function userNotFound(): PlatformError {
  return new PlatformError('USER_NOT_FOUND', 'User not found');
}

/** A valid token whose user has since been removed. */
export function userGone(): PlatformError {
  return new PlatformError('UNAUTHENTICATED', 'User no longer exists');
}
