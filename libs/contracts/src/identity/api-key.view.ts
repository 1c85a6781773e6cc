import type { ApiKeyMode } from './api-key-mode.js';

/** An API key as its owner may see it later: never the secret, only its prefix. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  mode: ApiKeyMode;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
