import { currencyExponent } from './currency-exponent.js';
import { MoneyError } from './money-error.js';

/**
 * 550n USD -> '5.50': the major-unit amount with exactly the currency's decimal places, no symbol or
 * grouping, which is what provider APIs and receipts expect. Negative amounts (refunds, reversals)
 * keep their sign.
 */
export function formatMinor(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  if (typeof minor !== 'bigint') {
    throw new MoneyError('INVALID_AMOUNT', `Minor amounts are bigints, got ${typeof minor} ${String(minor)}`);
  }
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  const point = digits.length - exponent;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
