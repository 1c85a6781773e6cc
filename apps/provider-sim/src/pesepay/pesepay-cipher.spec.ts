import { decryptPesepayPayload, encryptPesepayPayload } from './pesepay-cipher.js';

const KEY = 'sim-pesepay-encryption-key-00001';
// Made with `openssl enc -aes-256-cbc -K <hex of KEY> -iv <hex of its first 16 characters> -base64`,
// so the cipher is checked against an implementation other than Node's own use of it here.
const OPENSSL = '4GLqxZN/tex8S0B/4I89mCgi8AZAIYcdcptAJLkyIcaeO3D/0kvwZPtXDgJ3LNMGSOx3UhGBPvqMEwfxxK2T7Q==';
const PLAIN = { referenceNumber: 'REF-1', transactionStatus: 'SUCCESS' };

describe('Pesepay payload cipher', () => {
  it('encrypts exactly as openssl does', () => {
    expect(encryptPesepayPayload(PLAIN, KEY)).toBe(OPENSSL);
  });

  it('decrypts what openssl encrypted', () => {
    expect(decryptPesepayPayload(OPENSSL, KEY)).toEqual(PLAIN);
  });

  it('refuses a payload under another key, or one that is not a payload at all', () => {
    expect(() => decryptPesepayPayload(OPENSSL, 'another-32-character-key-0000000')).toThrow();
    expect(() => decryptPesepayPayload('not base64 at all!', KEY)).toThrow();
    expect(() => decryptPesepayPayload('', KEY)).toThrow();
  });
});
