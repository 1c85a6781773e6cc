import { encryptPesepayPayload } from '@airtime/upstreams';
import { e2eState } from './e2e-state.js';

/** Encrypts a callback body as Pesepay does, under the platform's sandbox key unless told another. */
export function pesepayPayload(body: object, key = e2eState().pesepayEncryptionKey): string {
  return encryptPesepayPayload(body, key);
}
