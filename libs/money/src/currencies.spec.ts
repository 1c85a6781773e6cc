import { CURRENCIES } from './currencies.js';
import { currencyExponent } from './currency-exponent.js';
import { isSupportedCurrency } from './is-supported-currency.js';
import { MoneyError } from './money-error.js';

describe('currency table', () => {
  it.each(['USD', 'ZWG', 'KES', 'NGN', 'SDG', 'ZAR'])('supports %s with 2 decimals', (code) => {
    expect(isSupportedCurrency(code)).toBe(true);
    expect(currencyExponent(code)).toBe(2);
    expect(CURRENCIES[code as keyof typeof CURRENCIES].name).toEqual(expect.any(String));
  });

  it.each(['usd', 'EUR', 'ZWL', '', ' USD', 'toString', '__proto__', 'constructor'])('does not support %j', (code) => {
    expect(isSupportedCurrency(code)).toBe(false);
  });

  it('rejects non-strings as currencies', () => {
    expect(isSupportedCurrency(undefined)).toBe(false);
    expect(isSupportedCurrency(840)).toBe(false);
  });

  it('names the unknown currency in the error', () => {
    let error: unknown;
    try {
      currencyExponent('EUR');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MoneyError);
    expect(error).toMatchObject({
      name: 'MoneyError',
      code: 'UNSUPPORTED_CURRENCY',
      message: 'Unsupported currency: "EUR"',
    });
  });

  it('keeps exponents whole and within ISO 4217 range', () => {
    for (const { exponent } of Object.values(CURRENCIES)) {
      expect(Number.isInteger(exponent) && exponent >= 0 && exponent <= 4).toBe(true);
    }
  });
});
