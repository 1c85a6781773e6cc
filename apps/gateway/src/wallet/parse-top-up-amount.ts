import { MoneyError, parseMajorToMinor } from '@airtime/money';
import { PlatformError } from '@airtime/platform';

/** A payer's major-unit amount to minor units, with money's own refusal turned into a field error. */
export function parseTopUpAmount(amount: number | string, currency: string): string {
  try {
    const minor = parseMajorToMinor(amount, currency);
    if (minor <= 0n) throw new MoneyError('INVALID_AMOUNT', 'amount must be greater than zero');
    return minor.toString();
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const field = error.code === 'UNSUPPORTED_CURRENCY' ? 'currency' : 'amount';
    throw new PlatformError('VALIDATION_FAILED', 'Validation failed', { fields: { [field]: [error.message] } });
  }
}
