export type MoneyErrorCode = 'INVALID_AMOUNT' | 'UNSUPPORTED_CURRENCY' | 'TOO_MANY_DECIMALS';

/** A rejected amount or currency. `code` is for callers to branch on; the message is for logs. */
export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}
