import type { PesepayTransactionStatus } from './pesepay-transaction-status.js';

/** What check-payment answers and the result callback carries, decrypted. */
export interface PesepayTransactionView {
  referenceNumber: string;
  transactionStatus: PesepayTransactionStatus;
  amountDetails: { amount: number; currencyCode: string };
  merchantReference: string;
  paid: boolean;
}
