import { MoneyError } from './money-error.js';

const INTEGER = /^-?\d+$/;

/**
 * Reads a minor-unit amount as stored or sent over the wire (a bigint column arrives as a string, JSON
 * as a number). Only whole numbers: a fraction of a minor unit means the value was never minor units.
 */
export function parseMinor(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  // Above 2^53 a number may already be another integer than the one sent, so it cannot be trusted.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value);
  throw new MoneyError(
    'INVALID_AMOUNT',
    `Not an integer minor amount: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
  );
}
