import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { TopUpView } from './top-up.view.js';
import type { TransferKind } from './transfer-kind.js';

export const WALLET_EVENT_TYPES = ['wallet.balance_changed', 'topup.paid', 'topup.failed', 'topup.cancelled', 'topup.expired'] as const;

export type WalletEventType = (typeof WALLET_EVENT_TYPES)[number];

/**
 * Published to JetStream on `<prefix>wallet.events.<account_id>.<type>` (stream `<prefix>WALLET`):
 * every change of a wallet's balance, and every top-up result.
 */
export interface WalletEvent {
  id: string;
  type: WalletEventType;
  occurred_at: string;
  account_id: string;
  mode: ApiKeyMode;
  /** For wallet.balance_changed. */
  balance_change?: { currency: string; balance_minor: string; amount_minor: string; kind: TransferKind; transfer_id: string };
  /** For topup.*. */
  topup?: TopUpView;
}
