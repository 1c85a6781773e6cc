import { MoneyError } from './money-error.js';

/**
 * Guards amounts about to move money: zero or negative would be a no-op or a reversal in disguise, and
 * `max` (inclusive) caps what a single operation may move.
 */
export function assertPositiveMinor(value: bigint, max?: bigint): void {
  if (typeof value !== 'bigint') {
    throw new MoneyError('INVALID_AMOUNT', `Minor amounts are bigints, got ${typeof value} ${String(value)}`);
  }
  if (value <= 0n) {
    throw new MoneyError('INVALID_AMOUNT', `Amount must be positive, got ${value}`);
  }
  if (max !== undefined && value > max) {
    throw new MoneyError('INVALID_AMOUNT', `Amount ${value} exceeds the maximum of ${max}`);
  }
}
