import type { ApiKeyMode } from '@airtime/contracts';

/** Where one mode's Pesepay traffic goes and the keys it carries. Never logged. */
export interface PesepayEndpoint {
  mode: ApiKeyMode;
  baseUrl: string;
  integrationKey: string;
  encryptionKey: string;
}
