import { PlatformError } from '@airtime/platform';

export const insufficientFunds = () => new PlatformError('INSUFFICIENT_FUNDS', 'Insufficient funds');
export const walletNotFound = () => new PlatformError('WALLET_NOT_FOUND', 'Wallet not found');
export const idempotencyConflict = (key: string) =>
  new PlatformError('IDEMPOTENCY_CONFLICT', `The idempotency key ${key} was already used for a different request`);
export const debitNotFound = () => new PlatformError('DEBIT_NOT_FOUND', 'No such debit to refund');
export const alreadyRefunded = () => new PlatformError('ALREADY_REFUNDED', 'This debit has already been refunded');
export const refundExceedsDebit = () => new PlatformError('REFUND_EXCEEDS_DEBIT', 'A refund cannot be larger than its debit');
export const unsupportedCurrency = (currency: string) =>
  new PlatformError('UNSUPPORTED_CURRENCY', `Wallets do not hold ${currency}`, { fields: { currency: [`currency ${currency} is not supported`] } });
export const amountTooLarge = (max: bigint) =>
  new PlatformError('AMOUNT_TOO_LARGE', `The amount exceeds the largest single transfer (${max} minor units)`, {
    fields: { amount_minor: [`amount_minor must not exceed ${max}`] },
  });

/** Thrown inside a transaction when another request already wrote this key: roll back, then replay. */
export class KeyAlreadyUsed extends Error {}
