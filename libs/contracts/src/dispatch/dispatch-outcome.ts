/**
 * What an upstream said, reduced to what orders acts on. `unknown` means the upstream may or may not
 * have delivered (timeout, 5xx, garbage, pending): never refund it, reconcile it.
 */
export const DISPATCH_STATUSES = ['success', 'failed', 'unknown'] as const;

export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export interface DispatchOutcome {
  reference: string;
  status: DispatchStatus;
  /** The upstream's own transaction id, when it gave one. */
  provider_ref: string | null;
  /** Voucher PIN, its serial and dial string (eStoreSMS). */
  pin?: string | null;
  serial?: string | null;
  ussd?: string | null;
  /** Prepaid electricity token (ZESA) and the customer the meter belongs to. */
  token?: string | null;
  customer_name?: string | null;
  /** For failed: a platform code (e.g. INVALID_TARGET) and the upstream's own code and words. */
  error_code?: string | null;
  upstream_code?: string | null;
  message?: string | null;
}
