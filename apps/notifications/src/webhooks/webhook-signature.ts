import { createHmac, randomBytes } from 'node:crypto';

/** `whsec_` and 32 random bytes in base64, as Standard Webhooks secrets look. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Standard Webhooks' `webhook-signature`: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed
 * with the base64 part of the secret. Several secrets (during a rotation) give several signatures,
 * space-separated; a receiver accepts any.
 */
export function standardWebhookSignature(id: string, timestamp: number, rawBody: string, secrets: string[]): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`, 'utf8').digest('base64')}`;
    })
    .join(' ');
}
