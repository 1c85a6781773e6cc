import type { ApiKeyMode } from '../identity/api-key-mode.js';
import type { ProductKind } from '../dispatch/product-kind.js';
import type { OrderAttemptView } from './order-attempt.view.js';
import type { OrderStatus } from './order-status.js';

/** An order as 001's API shows it. */
export interface OrderView {
  id: string;
  agent_reference: string;
  status: OrderStatus;
  mode: ApiKeyMode;
  product_id: number;
  kind: ProductKind;
  country: string;
  network: string;
  /** The recipient in international form (or the meter number). */
  target: string;
  currency: string;
  /** Major units as 001 takes them ("5.00"), and exactly, in minor units. */
  amount: string;
  amount_minor: string;
  provider_ref: string | null;
  /** Voucher PIN (with serial and dial string) or electricity token, once delivered. */
  pin: string | null;
  serial: string | null;
  ussd: string | null;
  token: string | null;
  customer_name: string | null;
  error_code: string | null;
  message: string | null;
  custom_sms: string | null;
  /** The batch (000's batch recharge, 001's bulk CSV) the order was made by, if any. */
  batch_id: string | null;
  /** Set when the reconciler could not resolve the order in time: an operator must look. */
  needs_attention: boolean;
  /** Every upstream the order was sent to, in order, with what each said (routing with failover). */
  attempts: OrderAttemptView[];
  created_at: string;
  updated_at: string;
}
