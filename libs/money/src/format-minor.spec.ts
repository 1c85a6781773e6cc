import fc from 'fast-check';
import { formatMinor } from './format-minor.js';
import { MoneyError } from './money-error.js';
import { parseMajorToMinor } from './parse-major-to-minor.js';

describe('formatMinor', () => {
  it.each<[bigint, string]>([
    [500n, '5.00'],
    [550n, '5.50'],
    [1n, '0.01'],
    [10n, '0.10'],
    [0n, '0.00'],
    [100000n, '1000.00'],
    [-1n, '-0.01'],
    [-550n, '-5.50'],
    [9007199254740993n, '90071992547409.93'],
  ])('formats %s cents as %j', (minor, text) => {
    expect(formatMinor(minor, 'USD')).toBe(text);
  });

  it('round-trips through parseMajorToMinor for any non-negative amount', () => {
    const currencies = fc.constantFrom('USD', 'ZWG', 'KES', 'NGN', 'SDG', 'ZAR');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), currencies, (minor, currency) => {
        expect(parseMajorToMinor(formatMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('rejects unsupported currencies', () => {
    expect(() => formatMinor(500n, 'EUR')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY' }));
  });

  it('refuses numbers, which would mean a float slipped onto the money path', () => {
    expect(() => formatMinor(500 as unknown as bigint, 'USD')).toThrow(MoneyError);
    expect(() => formatMinor(500 as unknown as bigint, 'USD')).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
  });
});
