import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Pesepay's payload encryption: AES-256-CBC over the JSON text, the key being the 32-character
 * encryption key's UTF-8 bytes and the IV its first 16 characters, PKCS#7 padding, base64 out.
 * The fixed IV is Pesepay's protocol, not a choice of ours; the adapter and the simulator both speak
 * it through these two functions.
 */
export function encryptPesepayPayload(value: unknown, key: string): string {
  const cipher = createCipheriv('aes-256-cbc', ...keyAndIv(key));
  return Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]).toString('base64');
}

/**
 * The JSON value inside a payload, or undefined when it does not decrypt under `key` to JSON. A
 * payload comes from outside (a merchant's request, Pesepay's answer, a callback anyone may forge),
 * so one that is not ours is an answer every caller handles, not an exception. A key that cannot be
 * an AES-256 key still throws: that is our configuration, never the payload's fault.
 */
export function decryptPesepayPayload(payload: string, key: string): unknown {
  const decipher = createDecipheriv('aes-256-cbc', ...keyAndIv(key));
  try {
    const text = Buffer.concat([decipher.update(Buffer.from(payload, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function keyAndIv(key: string): [Buffer, Buffer] {
  // ASCII, so that its 32 characters are AES-256's 32 bytes and its first 16 the IV's 16.
  if (!/^[\x20-\x7E]{32}$/.test(key)) throw new Error('A Pesepay encryption key must be 32 ASCII characters (AES-256)');
  return [Buffer.from(key, 'utf8'), Buffer.from(key.slice(0, 16), 'utf8')];
}
