import { formatMinor } from '@airtime/money';
import type { ApiKeyMode, OrderAttemptView, OrderStatus, OrderView, ProductKind, UpstreamId } from '@airtime/contracts';

export type InternalOrderStatus = 'created' | 'debited' | 'dispatching' | 'success' | 'failed' | 'refunded' | 'unknown' | 'rejected' | 'reversing' | 'reversed';

export interface OrderRow {
  id: string;
  seq: string;
  account_id: string;
  mode: ApiKeyMode;
  agent_reference: string;
  request_hash: string;
  product_id: number;
  kind: ProductKind;
  country: string;
  network: string;
  upstream: UpstreamId;
  upstream_product: string | null;
  target: string;
  currency: string;
  amount_minor: string;
  custom_sms: string | null;
  status: InternalOrderStatus;
  provider_ref: string | null;
  pin: string | null;
  serial: string | null;
  ussd: string | null;
  token: string | null;
  customer_name: string | null;
  error_code: string | null;
  message: string | null;
  batch_id: string | null;
  needs_attention: boolean;
  /** Every upstream the order was sent to, in order (jsonb); `upstream` is the last one's. */
  attempts: OrderAttemptView[];
  lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** States in which an order rests until something outside (a reconciler run, an operator) moves it. */
export const RESTING: InternalOrderStatus[] = ['success', 'refunded', 'rejected', 'unknown', 'failed', 'reversing', 'reversed'];

/** How the client sees an internal state: everything before an outcome is `pending`. */
export function publicStatus(status: InternalOrderStatus): OrderStatus {
  switch (status) {
    case 'created':
    case 'debited':
    case 'dispatching':
      return 'pending';
    case 'rejected':
      return 'failed';
    case 'reversing':
      return 'reversed';
    default:
      return status;
  }
}

export function toOrderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    agent_reference: row.agent_reference,
    status: publicStatus(row.status),
    mode: row.mode,
    product_id: row.product_id,
    kind: row.kind,
    country: row.country,
    network: row.network,
    target: row.target,
    currency: row.currency,
    amount: formatMinor(BigInt(row.amount_minor), row.currency),
    amount_minor: String(row.amount_minor),
    provider_ref: row.provider_ref,
    pin: row.pin,
    serial: row.serial,
    ussd: row.ussd,
    token: row.token,
    customer_name: row.customer_name,
    error_code: row.error_code,
    message: row.message,
    custom_sms: row.custom_sms,
    batch_id: row.batch_id ?? null,
    needs_attention: row.needs_attention,
    attempts: row.attempts,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}
