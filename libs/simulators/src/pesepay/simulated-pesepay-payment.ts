import type { PesepayAmountDetails, PesepayTransactionStatus } from '@airtime/upstreams';

/** A payment as the simulated Pesepay keeps it, in memory. */
export interface SimulatedPesepayPayment {
  referenceNumber: string;
  merchantReference: string;
  amountDetails: PesepayAmountDetails;
  reasonForPayment: string;
  resultUrl: string;
  returnUrl: string;
  transactionStatus: PesepayTransactionStatus;
  createdAt: string;
  completedAt: string | null;
}

/** Until a payment leaves these, it may still change; after, it never does again. */
export function isOpenStatus(status: PesepayTransactionStatus): boolean {
  return status === 'PENDING' || status === 'PROCESSING';
}
