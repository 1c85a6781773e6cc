/**
 * Pesepay's merchant API (payments engine v1) as both sides of it use it: the adapter sends these
 * bodies and reads these answers, the simulator takes and gives them. Every body on the wire is one
 * of these, encrypted (pesepay-cipher.ts) and wrapped as `{"payload": "..."}`; errors are plain
 * `{"message": "..."}`.
 */

/** The transactionStatus values whose meaning we know (real Pesepay may send others). */
export const PESEPAY_TRANSACTION_STATUSES = ['PENDING', 'PROCESSING', 'SUCCESS', 'FAILED', 'CANCELLED', 'DECLINED', 'TIME_OUT'] as const;

export type PesepayTransactionStatus = (typeof PESEPAY_TRANSACTION_STATUSES)[number];

/** An amount in major units as a JSON number (10.5 is $10.50), as Pesepay takes and gives it. */
export interface PesepayAmountDetails {
  amount: number;
  currencyCode: string;
}

/** The body of `POST v1/payments/initiate`, decrypted. */
export interface PesepayPaymentRequest {
  amountDetails: PesepayAmountDetails;
  reasonForPayment: string;
  resultUrl: string;
  returnUrl: string;
  merchantReference: string;
}

/** What initiate answers, decrypted: the payment and where the payer and the poller go. */
export interface PesepayInitiatedPayment {
  referenceNumber: string;
  pollUrl: string;
  redirectUrl: string;
  transactionStatus: PesepayTransactionStatus;
  amountDetails: PesepayAmountDetails;
  merchantReference: string;
}

/** What `GET v1/payments/check-payment?referenceNumber=` answers and the result callback carries, decrypted. */
export interface PesepayTransaction {
  referenceNumber: string;
  transactionStatus: PesepayTransactionStatus;
  amountDetails: PesepayAmountDetails;
  merchantReference: string;
  paid: boolean;
}

/** Every request and success response body, and the result callback: the real JSON, encrypted. */
export interface PesepayEncryptedBody {
  payload: string;
}
