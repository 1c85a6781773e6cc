import { createHmac } from 'node:crypto';

/**
 * 001's signature: `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the secret string's bytes,
 * exactly what 001's Python snippet computes with `WEBHOOK_SECRET.encode()`. Notifications signs
 * webhooks with it and orders verifies campaign payout requests with it, so a tenant signs with the
 * same few lines it verifies with.
 */
export function airtimeSignature(rawBody: string | Buffer, secret: string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex')}`;
}
