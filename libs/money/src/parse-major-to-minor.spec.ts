import { MoneyError, type MoneyErrorCode } from './money-error.js';
import { parseMajorToMinor } from './parse-major-to-minor.js';

function errorOf(run: () => unknown): MoneyError {
  try {
    run();
  } catch (e) {
    if (e instanceof MoneyError) return e;
    throw e;
  }
  throw new Error('expected a MoneyError, nothing was thrown');
}

describe('parseMajorToMinor', () => {
  it.each<[string | number, bigint]>([
    [5, 500n],
    ['5', 500n],
    ['5.5', 550n],
    [5.5, 550n],
    ['5.50', 550n],
    ['5.500', 550n],
    ['0.01', 1n],
    [0.01, 1n],
    ['0', 0n],
    [0, 0n],
    [-0, 0n],
    ['007.10', 710n],
    [0.1, 10n],
    [0.7, 70n],
    [1.1, 110n],
    [19.99, 1999n],
    [1e3, 100000n],
    [9999999999999.99, 999999999999999n],
    ['9999999999999.99', 999999999999999n],
  ])('reads %j USD as %s cents', (amount, minor) => {
    expect(parseMajorToMinor(amount, 'USD')).toBe(minor);
  });

  it('reads amounts whose float products are off by a hair exactly', () => {
    // Naive float scaling gets each of these wrong: 1.15 * 100 === 114.99999999999999.
    expect(parseMajorToMinor(1.15, 'USD')).toBe(115n);
    expect(parseMajorToMinor(4.35, 'KES')).toBe(435n);
    expect(parseMajorToMinor(0.29, 'NGN')).toBe(29n);
  });

  it('works beyond 2^53 for string amounts', () => {
    expect(parseMajorToMinor('90071992547409.93', 'USD')).toBe(9007199254740993n);
    expect(parseMajorToMinor('123456789012345678901234567890.12', 'ZWG')).toBe(12345678901234567890123456789012n);
  });

  it.each<[string | number, MoneyErrorCode]>([
    [0.1 + 0.2, 'TOO_MANY_DECIMALS'],
    ['1.005', 'TOO_MANY_DECIMALS'],
    [1.005, 'TOO_MANY_DECIMALS'],
    ['0.001', 'TOO_MANY_DECIMALS'],
    [1e-7, 'TOO_MANY_DECIMALS'],
    ['1e3', 'INVALID_AMOUNT'],
    ['1E3', 'INVALID_AMOUNT'],
    ['5.', 'INVALID_AMOUNT'],
    ['.5', 'INVALID_AMOUNT'],
    ['-1', 'INVALID_AMOUNT'],
    [-1, 'INVALID_AMOUNT'],
    [-0.01, 'INVALID_AMOUNT'],
    ['+5', 'INVALID_AMOUNT'],
    ['', 'INVALID_AMOUNT'],
    [' 5', 'INVALID_AMOUNT'],
    ['5 ', 'INVALID_AMOUNT'],
    ['1,000.00', 'INVALID_AMOUNT'],
    ['5.5.5', 'INVALID_AMOUNT'],
    ['0x10', 'INVALID_AMOUNT'],
    ['NaN', 'INVALID_AMOUNT'],
    ['Infinity', 'INVALID_AMOUNT'],
    ['٥', 'INVALID_AMOUNT'],
    [NaN, 'INVALID_AMOUNT'],
    [Infinity, 'INVALID_AMOUNT'],
    [-Infinity, 'INVALID_AMOUNT'],
    [1e21, 'INVALID_AMOUNT'],
    [Number.MAX_SAFE_INTEGER, 'INVALID_AMOUNT'],
    [10000000000000, 'INVALID_AMOUNT'],
    // Written with 16 significant digits it no longer survives as a number: it prints as ….9.
    [90071992547409.91, 'INVALID_AMOUNT'],
  ])('rejects %j with %s', (amount, code) => {
    expect(errorOf(() => parseMajorToMinor(amount, 'USD')).code).toBe(code);
  });

  it('rejects values that are neither string nor number', () => {
    expect(errorOf(() => parseMajorToMinor(null as unknown as string, 'USD')).code).toBe('INVALID_AMOUNT');
    expect(errorOf(() => parseMajorToMinor(5n as unknown as string, 'USD')).code).toBe('INVALID_AMOUNT');
  });

  it('rejects unsupported currencies before looking at the amount', () => {
    expect(errorOf(() => parseMajorToMinor('5', 'EUR')).code).toBe('UNSUPPORTED_CURRENCY');
    expect(errorOf(() => parseMajorToMinor('garbage', 'usd')).code).toBe('UNSUPPORTED_CURRENCY');
  });

  it('says what was wrong in the message', () => {
    expect(errorOf(() => parseMajorToMinor('1.005', 'USD')).message).toBe('"1.005" has more than 2 decimal places');
    expect(errorOf(() => parseMajorToMinor(1e16, 'USD')).message).toMatch(/pass it as a string/);
  });
});
