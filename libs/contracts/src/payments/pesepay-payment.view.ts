import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { PesepayPaymentStatus } from './pesepay-payment-status.js';

export interface PesepayPaymentView {
  pesepay_reference: string;
  /** The reference we gave Pesepay (our top-up's reference). */
  merchant_reference: string | null;
  mode: ApiKeyMode;
  status: PesepayPaymentStatus;
  /** What Pesepay reports, verbatim, for the record. */
  upstream_status: string;
  currency: string;
  amount_minor: string;
  redirect_url: string | null;
  poll_url: string | null;
}
