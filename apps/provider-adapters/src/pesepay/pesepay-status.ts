import type { PesepayPaymentStatus } from '@airtime/contracts';
import type { PesepayTransactionStatus } from '@airtime/upstreams';

/** Pesepay's transactionStatus values whose meaning we know, reduced to what a top-up needs. */
const STATUS_OF: Record<PesepayTransactionStatus, PesepayPaymentStatus> = {
  SUCCESS: 'paid',
  FAILED: 'failed',
  DECLINED: 'failed',
  TIME_OUT: 'failed',
  CANCELLED: 'cancelled',
  PENDING: 'pending',
  PROCESSING: 'pending',
};

export function isKnownPesepayStatus(transactionStatus: string): boolean {
  return Object.hasOwn(STATUS_OF, transactionStatus);
}

/**
 * A status we do not know concludes nothing: it stays pending, so the payment is neither credited nor
 * given up on because of a word we cannot read.
 */
export function paymentStatusOf(transactionStatus: string): PesepayPaymentStatus {
  return isKnownPesepayStatus(transactionStatus) ? STATUS_OF[transactionStatus as PesepayTransactionStatus] : 'pending';
}
