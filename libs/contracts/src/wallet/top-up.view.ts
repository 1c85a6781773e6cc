import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { TopUpStatus } from './top-up-status.js';

export interface TopUpView {
  reference: string;
  status: TopUpStatus;
  mode: ApiKeyMode;
  currency: string;
  amount_minor: string;
  amount: string;
  provider: string;
  /** Where the payer completes the payment (Pesepay's page). */
  redirect_url: string | null;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
}
