import type { ApiKeyMode, TransferView } from '@airtime/contracts';

export interface TransferRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  kind: TransferView['kind'];
  owner_account_id: string;
  mode: ApiKeyMode;
  currency: string;
  amount: string;
  order_id: string | null;
  refund_of: string | null;
  reason: string | null;
  actor: string | null;
  created_at: Date;
  balance_after: string;
}

export function toTransferView(row: TransferRow): TransferView {
  return {
    id: row.id,
    idempotency_key: row.idempotency_key,
    kind: row.kind,
    account_id: row.owner_account_id,
    mode: row.mode,
    currency: row.currency,
    amount_minor: String(row.amount),
    balance_after_minor: String(row.balance_after),
    order_id: row.order_id,
    refund_of: row.refund_of,
    reason: row.reason,
    actor: row.actor,
    created_at: new Date(row.created_at).toISOString(),
  };
}
