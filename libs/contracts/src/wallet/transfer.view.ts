import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { TransferKind } from './transfer-kind.js';

/** One money movement as written; a replay of its idempotency key returns exactly this. */
export interface TransferView {
  id: string;
  idempotency_key: string;
  kind: TransferKind;
  account_id: string;
  mode: ApiKeyMode;
  currency: string;
  amount_minor: string;
  /** The wallet's balance right after this transfer. */
  balance_after_minor: string;
  order_id: string | null;
  refund_of: string | null;
  reason: string | null;
  actor: string | null;
  created_at: string;
}
