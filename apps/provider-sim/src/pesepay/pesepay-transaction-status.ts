/** The transactionStatus values the simulator produces (real Pesepay has a few more). */
export const PESEPAY_TRANSACTION_STATUSES = ['PENDING', 'PROCESSING', 'SUCCESS', 'FAILED', 'CANCELLED', 'DECLINED', 'TIME_OUT'] as const;

export type PesepayTransactionStatus = (typeof PESEPAY_TRANSACTION_STATUSES)[number];

/** Until a payment leaves these, it may still change; after, it never does again. */
export function isOpenStatus(status: PesepayTransactionStatus): boolean {
  return status === 'PENDING' || status === 'PROCESSING';
}
