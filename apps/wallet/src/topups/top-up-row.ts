import { formatMinor } from '@airtime/money';
import type { TopUpStatus, TopUpView } from '@airtime/contracts';

export interface TopUpRow {
  id: string;
  seq: string;
  reference: string;
  owner_account_id: string;
  mode: TopUpView['mode'];
  currency: string;
  amount: string;
  provider: string;
  provider_reference: string | null;
  redirect_url: string | null;
  status: TopUpStatus;
  created_at: Date;
  expires_at: Date;
  completed_at: Date | null;
}

/** A top-up still waiting for Pesepay. */
export const OPEN: TopUpStatus[] = ['initiating', 'pending'];

export function toTopUpView(row: TopUpRow): TopUpView {
  return {
    reference: row.reference,
    status: row.status,
    mode: row.mode,
    currency: row.currency,
    amount_minor: String(row.amount),
    amount: formatMinor(BigInt(row.amount), row.currency),
    provider: row.provider,
    redirect_url: row.redirect_url,
    created_at: new Date(row.created_at).toISOString(),
    expires_at: new Date(row.expires_at).toISOString(),
    completed_at: row.completed_at ? new Date(row.completed_at).toISOString() : null,
  };
}
