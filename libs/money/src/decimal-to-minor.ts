import { MoneyError } from './money-error.js';

// Plain non-negative decimal. No sign, exponent, whitespace, or bare '5.' / '.5': an amount in any
// other shape more likely comes from a bug upstream than from a person, so it is refused, not guessed.
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// Any decimal of up to 15 significant digits survives the trip into a double and back out through
// String() unchanged; beyond that it may not (90071992547409.91 prints back as 90071992547409.9).
// Keeping number-sourced minor amounts below 10^15 (inside Number.MAX_SAFE_INTEGER, with the margin
// that guarantee needs) means we only ever read a number as the decimal its author wrote.
const MAX_MINOR_FROM_NUMBER = 10n ** 15n - 1n;

/**
 * Converts a major-unit amount to integer minor units for a currency with `exponent` decimal places,
 * exactly, by string arithmetic. Strings may be arbitrarily large.
 *
 * A number is read as its shortest round-trip decimal, the one String() and JSON.stringify print
 * (0.1 is '0.1', not the binary 0.1000000000000000055…). That is what its author wrote as long as it
 * has at most 15 significant digits, which is enforced; so 0.1 + 0.2 (0.30000000000000004) is refused
 * for its decimals rather than rounded, and amounts too large for a number must come as strings.
 */
export function decimalToMinor(amount: string | number, exponent: number): bigint {
  const text = typeof amount === 'number' ? numberToDecimal(amount) : amount;
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) {
    throw new MoneyError('INVALID_AMOUNT', `Not a non-negative decimal amount: ${describe(amount)}`);
  }
  const [, whole, fraction = ''] = match;
  // Trailing zeros carry no value, so '5.500' is exactly 5.50 and refusing it would help no one.
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > exponent) {
    throw new MoneyError(
      'TOO_MANY_DECIMALS',
      `${describe(amount)} has more than ${exponent} decimal place${exponent === 1 ? '' : 's'}`,
    );
  }
  const minor = BigInt(whole + significantFraction.padEnd(exponent, '0'));
  if (typeof amount === 'number' && minor > MAX_MINOR_FROM_NUMBER) {
    throw tooLargeForNumber(amount);
  }
  return minor;
}

function numberToDecimal(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new MoneyError('INVALID_AMOUNT', `Not a non-negative finite amount: ${describe(amount)}`);
  }
  const text = String(amount); // -0 prints as '0', which is what it means
  if (!text.includes('e')) return text;
  // String() switches to exponent form only from 1e21 up, far beyond the number limit above, and below
  // 1e-6, i.e. at 7+ decimals, more than any ISO 4217 currency has.
  if (amount >= 1) throw tooLargeForNumber(amount);
  throw new MoneyError('TOO_MANY_DECIMALS', `${describe(amount)} has more decimal places than any currency`);
}

function tooLargeForNumber(amount: number): MoneyError {
  return new MoneyError('INVALID_AMOUNT', `${amount} is too large to be exact as a number; pass it as a string`);
}

function describe(amount: unknown): string {
  return typeof amount === 'string' ? JSON.stringify(amount) : String(amount);
}
