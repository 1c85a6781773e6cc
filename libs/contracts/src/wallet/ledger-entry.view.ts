import type { TransferKind } from './transfer-kind.js';

/** A wallet's side of a transfer: negative takes money out, positive puts it in. */
export interface LedgerEntryView {
  id: string;
  transfer_id: string;
  kind: TransferKind;
  currency: string;
  amount_minor: string;
  balance_after_minor: string;
  order_id: string | null;
  description: string | null;
  created_at: string;
}

export interface LedgerPageView {
  entries: LedgerEntryView[];
  next_cursor: string | null;
}
