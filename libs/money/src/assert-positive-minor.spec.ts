import { assertPositiveMinor } from './assert-positive-minor.js';
import { MoneyError } from './money-error.js';

describe('assertPositiveMinor', () => {
  it('accepts positive amounts', () => {
    expect(() => assertPositiveMinor(1n)).not.toThrow();
    expect(() => assertPositiveMinor(10n ** 30n)).not.toThrow();
  });

  it.each([0n, -1n, -(10n ** 30n)])('rejects %s', (value) => {
    expect(() => assertPositiveMinor(value)).toThrow(MoneyError);
    expect(() => assertPositiveMinor(value)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('treats max as inclusive', () => {
    expect(() => assertPositiveMinor(10000n, 10000n)).not.toThrow();
    expect(() => assertPositiveMinor(10001n, 10000n)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', message: 'Amount 10001 exceeds the maximum of 10000' }),
    );
  });

  it('still rejects non-positive amounts under a max', () => {
    expect(() => assertPositiveMinor(0n, 10000n)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('refuses numbers, which would mean a float slipped onto the money path', () => {
    expect(() => assertPositiveMinor(5 as unknown as bigint)).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }),
    );
  });
});
