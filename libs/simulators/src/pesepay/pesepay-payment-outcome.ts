import type { PesepayTransactionStatus } from '@airtime/upstreams';

/** What `?outcome=` on the payment page does: the status the payer's attempt ends in. */
export const PESEPAY_PAYMENT_OUTCOMES = {
  success: 'SUCCESS',
  declined: 'DECLINED',
  cancelled: 'CANCELLED',
  failed: 'FAILED',
  timeout: 'TIME_OUT',
  processing: 'PROCESSING',
  pending: 'PENDING',
} as const satisfies Record<string, PesepayTransactionStatus>;

export type PesepayPaymentOutcome = keyof typeof PESEPAY_PAYMENT_OUTCOMES;

export function isPesepayPaymentOutcome(value: string): value is PesepayPaymentOutcome {
  return Object.hasOwn(PESEPAY_PAYMENT_OUTCOMES, value);
}
