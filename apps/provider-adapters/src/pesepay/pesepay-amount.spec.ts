import { PlatformError } from '@airtime/platform';
import { toPesepayAmount } from './pesepay-amount.js';

describe('amounts sent to Pesepay', () => {
  it.each<[string, number]>([
    ['1050', 10.5],
    ['1', 0.01],
    ['100', 1],
    ['115', 1.15],
    ['1999', 19.99],
    ['999999999999999', 9999999999999.99],
  ])('sends %s cents as %s', (minor, amount) => {
    expect(toPesepayAmount(minor, 'USD')).toBe(amount);
  });

  it('refuses an amount a JSON number cannot carry exactly', () => {
    expect(() => toPesepayAmount('999999999999999999', 'USD')).toThrow(expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }));
  });

  it('refuses a currency it does not know', () => {
    expect(() => toPesepayAmount('100', 'EUR')).toThrow(PlatformError);
    expect(() => toPesepayAmount('100', 'EUR')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY' }));
  });
});
