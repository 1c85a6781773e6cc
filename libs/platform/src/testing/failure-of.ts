import type { PlatformError } from '../errors/platform-error.js';

/** The error a promise is expected to fail with; a promise that succeeds fails the test instead. */
export function failureOf(promise: Promise<unknown>): Promise<PlatformError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: PlatformError) => error,
  );
}
