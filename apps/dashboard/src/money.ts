import { formatMinor } from '@airtime/money';

/**
 * "123456" USD -> "USD 1,234.56": a minor-unit string from the API shown in its currency, with
 * grouping, using bigint and string operations only (never floats).
 */
export function displayMinor(minor: string, currency: string): string {
  const [whole = '0', fraction] = formatMinor(BigInt(minor), currency).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
