import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a request asks for, without its idempotency key: a replay must ask for the
 * same thing, or it is a different request wrongly reusing a key.
 */
export function requestHash(request: object): string {
  const fields = Object.entries(request)
    .filter(([key, value]) => key !== 'idempotency_key' && value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
