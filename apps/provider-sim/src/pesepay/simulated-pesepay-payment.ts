import type { PesepayTransactionStatus } from './pesepay-transaction-status.js';

/** A payment as the simulated Pesepay keeps it, in memory. */
export interface SimulatedPesepayPayment {
  referenceNumber: string;
  merchantReference: string;
  amountDetails: { amount: number; currencyCode: string };
  reasonForPayment: string;
  resultUrl: string;
  returnUrl: string;
  transactionStatus: PesepayTransactionStatus;
  createdAt: string;
  completedAt: string | null;
}
