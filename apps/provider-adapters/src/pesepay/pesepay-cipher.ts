import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Pesepay's payload encryption: AES-256-CBC over the JSON text, the key being the 32-character
 * encryption key's UTF-8 bytes and the IV its first 16 characters, PKCS#7 padding, base64 out.
 * The fixed IV is Pesepay's protocol, not a choice of ours.
 */
export function encryptPesepayPayload(value: unknown, key: string): string {
  const cipher = createCipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(key.slice(0, 16), 'utf8'));
  return Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]).toString('base64');
}

/** The JSON value inside a payload, or undefined when it does not decrypt under `key` to JSON. */
export function decryptPesepayPayload(payload: string, key: string): unknown {
  try {
    const decipher = createDecipheriv('aes-256-cbc', Buffer.from(key, 'utf8'), Buffer.from(key.slice(0, 16), 'utf8'));
    const text = Buffer.concat([decipher.update(Buffer.from(payload, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
