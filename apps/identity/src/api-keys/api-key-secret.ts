import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyMode } from '@airtime/contracts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 32;
const KEY_PATTERN = /^atk_(live|test)_[0-9A-Za-z]{32}$/;

/**
 * `atk_live_…` or `atk_test_…` and 32 base62 characters (about 190 bits), so a plain SHA-256 is a safe
 * way to store it: unlike a PIN it cannot be guessed, and a fast hash keeps every request's lookup cheap.
 */
export function generateApiKey(mode: ApiKeyMode): string {
  let secret = '';
  while (secret.length < SECRET_LENGTH) {
    for (const byte of randomBytes(48)) {
      // 248 is the largest multiple of 62 below 256: rejecting the rest keeps every character equally likely.
      if (byte < 248 && secret.length < SECRET_LENGTH) secret += ALPHABET[byte % 62];
    }
  }
  return `atk_${mode}_${secret}`;
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What the owner sees later to tell keys apart: the mode and the first four characters of the secret. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 13);
}
