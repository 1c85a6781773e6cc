import { generateAccountNumber, isValidAccountNumber } from './account-number.js';

describe('account numbers', () => {
  it('look like 000 shows: 9444-5339-1364', () => {
    for (let i = 0; i < 200; i++) {
      const number = generateAccountNumber();
      expect(number).toMatch(/^[1-9]\d{3}-\d{4}-\d{4}$/);
      expect(isValidAccountNumber(number)).toBe(true);
    }
  });

  it('carry a Luhn check digit that catches a single mistyped digit', () => {
    const number = generateAccountNumber();
    const digits = number.split('');
    const i = 5; // a digit in the middle group
    digits[i] = String((Number(digits[i]) + 1) % 10);
    expect(isValidAccountNumber(digits.join(''))).toBe(false);
  });

  it('computes the check digit of a known payload', () => {
    // A fixed random source makes the number predictable: 2, then 7992739871, then the check digit.
    const fixed = [1, 7, 9, 9, 2, 7, 3, 9, 8, 7, 1];
    let n = 0;
    const number = generateAccountNumber(() => fixed[n++] ?? 0);
    expect(number.slice(0, 13)).toBe('2799-2739-871');
    expect(isValidAccountNumber(number)).toBe(true);
  });

  it('rejects garbage', () => {
    for (const bad of ['', '9444533913644', '9444-5339-136', 'abcd-efgh-ijkl', '9444 5339 1364']) {
      expect(isValidAccountNumber(bad)).toBe(false);
    }
  });

  it('spreads over the space (no two of 1000 alike)', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateAccountNumber()));
    expect(seen.size).toBe(1000);
  });
});
