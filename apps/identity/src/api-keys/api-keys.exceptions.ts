import { PlatformError } from '@airtime/platform';

export function notAUserOfTheAccount(): PlatformError {
  return new PlatformError('FORBIDDEN', 'Only a user of this account can create its API keys');
}

export function apiKeyNotFound(): PlatformError {
  return new PlatformError('API_KEY_NOT_FOUND', 'API key not found');
}

/** One answer for a malformed, unknown and revoked key alike. */
export function invalidApiKey(): PlatformError {
  return new PlatformError('UNAUTHENTICATED', 'Invalid or revoked API key');
}
