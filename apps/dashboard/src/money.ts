import { currencyExponent, formatMinor, parseMajorToMinor } from '@airtime/money';

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

/**
 * What is wrong with a major-unit amount typed by the user ("10", "10.50"), checked in minor units
 * (never floats); null when it is a positive amount in the currency's decimals. `what` names it: "an amount".
 */
export function majorAmountProblem(amount: string, currency: string, what = 'an amount'): string | null {
  try {
    if (parseMajorToMinor(amount.trim(), currency) <= 0n) return `Enter ${what} above zero.`;
  } catch {
    return `Enter ${what} like 10 or 10.50 (at most ${currencyExponent(currency)} decimals).`;
  }
  return null;
}
