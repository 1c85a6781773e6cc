import fc from 'fast-check';
import { decimalToMinor } from './decimal-to-minor.js';
import { MoneyError } from './money-error.js';

describe('decimalToMinor', () => {
  it('scales by the exponent, whatever it is', () => {
    expect(decimalToMinor('5', 0)).toBe(5n);
    expect(decimalToMinor('5.000', 0)).toBe(5n);
    expect(decimalToMinor('5.5', 1)).toBe(55n);
    expect(decimalToMinor('1.005', 3)).toBe(1005n);
    expect(decimalToMinor('0.001', 3)).toBe(1n);
    expect(decimalToMinor(1.5, 3)).toBe(1500n);
  });

  it('refuses decimals a zero-exponent currency cannot hold', () => {
    expect(() => decimalToMinor('5.5', 0)).toThrow(MoneyError);
    expect(() => decimalToMinor('5.5', 0)).toThrow(expect.objectContaining({ code: 'TOO_MANY_DECIMALS' }));
    expect(() => decimalToMinor(0.5, 0)).toThrow(expect.objectContaining({ code: 'TOO_MANY_DECIMALS' }));
  });

  it('round-trips every 15-digit decimal written as a number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 4 }), (minor, exponent) => {
        const digits = minor.toString().padStart(exponent + 1, '0');
        const written = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
        expect(decimalToMinor(Number(written), exponent)).toBe(minor);
        expect(decimalToMinor(written, exponent)).toBe(minor);
      }),
    );
  });
});
