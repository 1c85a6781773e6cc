import { PlatformError } from '@airtime/platform';

/** Why an upstream's callback is refused before anything is looked up (each refusal is also counted). */

export function noCallbacksFrom(upstream: string): PlatformError {
  return new PlatformError('NOT_FOUND', `${upstream} has no callbacks here`);
}

export function callbackSecretMissing(upstream: string): PlatformError {
  return new PlatformError('UNAUTHENTICATED', `A ${upstream} callback must carry its callback secret (token) in the URL`);
}

export function callbackSecretWrong(upstream: string): PlatformError {
  return new PlatformError('INVALID_SIGNATURE', `The callback secret (token) is not ${upstream}'s`);
}
