import type { PesepayTransactionStatus } from './pesepay-transaction-status.js';

/** What initiate answers, decrypted. */
export interface PesepayInitiatedPaymentView {
  referenceNumber: string;
  pollUrl: string;
  redirectUrl: string;
  transactionStatus: PesepayTransactionStatus;
  amountDetails: { amount: number; currencyCode: string };
  merchantReference: string;
}
