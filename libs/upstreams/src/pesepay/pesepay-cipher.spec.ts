import { createCipheriv } from 'node:crypto';
import { decryptPesepayPayload, encryptPesepayPayload } from './pesepay-cipher.js';

const KEY = 'sim-pesepay-encryption-key-00001';
// Made with `openssl enc -aes-256-cbc -K <hex of KEY> -iv <hex of its first 16 characters> -base64`:
// the cipher is checked against another implementation of it, not only against itself.
const OPENSSL = '4GLqxZN/tex8S0B/4I89mCgi8AZAIYcdcptAJLkyIcaeO3D/0kvwZPtXDgJ3LNMGSOx3UhGBPvqMEwfxxK2T7Q==';
const PLAIN = { referenceNumber: 'REF-1', transactionStatus: 'SUCCESS' };

describe('Pesepay payload cipher', () => {
  it('encrypts exactly as openssl does', () => {
    expect(encryptPesepayPayload(PLAIN, KEY)).toBe(OPENSSL);
  });

  it('decrypts what openssl encrypted', () => {
    expect(decryptPesepayPayload(OPENSSL, KEY)).toEqual(PLAIN);
  });

  it('decrypts what it encrypted, whatever JSON value it is', () => {
    for (const value of ['just a string', 0, null, [1, 'two'], { nested: { é: true } }]) {
      expect(decryptPesepayPayload(encryptPesepayPayload(value, KEY), KEY)).toEqual(value);
    }
  });

  it('gives nothing for another key, for text that is not a payload, or for a payload that is not JSON', () => {
    expect(decryptPesepayPayload(OPENSSL, 'another-32-character-key-0000000')).toBeUndefined();
    expect(decryptPesepayPayload('not base64 at all!', KEY)).toBeUndefined();
    expect(decryptPesepayPayload('', KEY)).toBeUndefined();
    const cipher = createCipheriv('aes-256-cbc', Buffer.from(KEY), Buffer.from(KEY.slice(0, 16)));
    const notJson = Buffer.concat([cipher.update('plain text, not JSON'), cipher.final()]).toString('base64');
    expect(decryptPesepayPayload(notJson, KEY)).toBeUndefined();
  });

  it('throws for a key AES-256 cannot use, whatever the payload: that is a configuration fault, not a foreign payload', () => {
    const refusal = 'A Pesepay encryption key must be 32 ASCII characters (AES-256)';
    expect(() => decryptPesepayPayload(OPENSSL, 'too-short')).toThrow(refusal);
    expect(() => decryptPesepayPayload('', 'x'.repeat(33))).toThrow(refusal);
    expect(() => decryptPesepayPayload(OPENSSL, `${'x'.repeat(31)}é`)).toThrow(refusal);
    expect(() => encryptPesepayPayload(PLAIN, 'too-short')).toThrow(refusal);
  });
});
