/** What moved the money: an order's debit, its refund, a top-up, or an operator's adjustment. */
export const TRANSFER_KINDS = ['debit', 'refund', 'topup', 'adjustment'] as const;

export type TransferKind = (typeof TRANSFER_KINDS)[number];
