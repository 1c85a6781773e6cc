/** Pesepay's transactionStatus, reduced to what a top-up needs to know. */
export const PESEPAY_PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled'] as const;

export type PesepayPaymentStatus = (typeof PESEPAY_PAYMENT_STATUSES)[number];
