import { MoneyError } from './money-error.js';
import { parseMinor } from './parse-minor.js';

describe('parseMinor', () => {
  it.each<[string | number | bigint, bigint]>([
    [550n, 550n],
    [-550n, -550n],
    [550, 550n],
    [0, 0n],
    [-0, 0n],
    [-1, -1n],
    [Number.MAX_SAFE_INTEGER, 9007199254740991n],
    ['550', 550n],
    ['0', 0n],
    ['-42', -42n],
    ['007', 7n],
    ['9007199254740993', 9007199254740993n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
  ])('reads %j as %s', (value, expected) => {
    expect(parseMinor(value)).toBe(expected);
  });

  it.each<string | number>([
    5.5,
    0.1,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 1,
    2 ** 64,
    '5.5',
    '5.0',
    '1e3',
    '',
    ' 5',
    '5 ',
    '+5',
    '--5',
    '0x10',
    'abc',
    '٥',
  ])('rejects %j', (value) => {
    expect(() => parseMinor(value)).toThrow(MoneyError);
    expect(() => parseMinor(value)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('rejects values that are not strings, numbers or bigints', () => {
    for (const value of [null, undefined, {}, [5], true]) {
      expect(() => parseMinor(value as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    }
  });
});
