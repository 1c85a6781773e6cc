import { MoneyError } from './money-error.js';

describe('MoneyError', () => {
  it('is an Error that carries a code callers can branch on', () => {
    const error = new MoneyError('TOO_MANY_DECIMALS', '"1.005" has more than 2 decimal places');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(MoneyError);
    expect(error.code).toBe('TOO_MANY_DECIMALS');
    expect(error.name).toBe('MoneyError');
    expect(String(error)).toBe('MoneyError: "1.005" has more than 2 decimal places');
  });
});
