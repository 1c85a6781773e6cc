import type { ApiKeyMode } from './api-key-mode.js';

/** Who an `Authorization: Api-Key atk_…` header speaks for. */
export interface ApiKeyPrincipal {
  account_id: string;
  api_key_id: string;
  mode: ApiKeyMode;
}
