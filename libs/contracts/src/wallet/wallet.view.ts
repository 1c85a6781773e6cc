import type { ApiKeyMode } from '../identity/api-key-mode.js';

export interface WalletView {
  currency: string;
  mode: ApiKeyMode;
  balance_minor: string;
  /** The same balance in major units for display, e.g. "12.50"; never used for arithmetic. */
  balance: string;
  updated_at: string;
}
