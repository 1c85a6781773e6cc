import { createCipheriv } from 'node:crypto';
import { e2eState } from './e2e-state.js';

/** Encrypts a callback body as Pesepay does (AES-256-CBC, IV = the key's first 16 characters). */
export function pesepayPayload(body: object, key = e2eState().pesepayEncryptionKey): string {
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(key.slice(0, 16), 'utf8'));
  return Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]).toString('base64');
}
