import { formatMinor, MoneyError, parseMajorToMinor } from '@airtime/money';
import { amountNotExactForPesepay, unsupportedCurrency } from './pesepay.exceptions.js';

/**
 * Minor units as the JSON number Pesepay takes ('1050' USD -> 10.5). The number is parsed from the
 * exact decimal text and read back: an amount a double cannot carry exactly is refused, not rounded.
 */
export function toPesepayAmount(amountMinor: string, currency: string): number {
  const minor = BigInt(amountMinor);
  try {
    const amount = Number(formatMinor(minor, currency));
    if (parseMajorToMinor(amount, currency) !== minor) throw new MoneyError('INVALID_AMOUNT', 'not exact as a number');
    return amount;
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'UNSUPPORTED_CURRENCY') {
      throw unsupportedCurrency(currency);
    }
    if (error instanceof MoneyError) {
      throw amountNotExactForPesepay(amountMinor, currency);
    }
    throw error;
  }
}
