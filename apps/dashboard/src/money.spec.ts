import { describe, expect, it } from '@jest/globals';
import { displayMinor, majorAmountProblem } from './money.js';

describe('displayMinor', () => {
  it('shows minor-unit strings in their currency with grouping and exact decimals', () => {
    expect(displayMinor('0', 'USD')).toBe('USD 0.00');
    expect(displayMinor('5', 'USD')).toBe('USD 0.05');
    expect(displayMinor('123456', 'USD')).toBe('USD 1,234.56');
    expect(displayMinor('-250', 'ZWG')).toBe('ZWG -2.50');
  });

  it('keeps every digit of amounts beyond a float’s precision', () => {
    expect(displayMinor('900719925474099312', 'USD')).toBe('USD 9,007,199,254,740,993.12');
  });
});

describe('majorAmountProblem', () => {
  it('accepts positive amounts in the currency\'s decimals', () => {
    expect(majorAmountProblem('10', 'USD')).toBeNull();
    expect(majorAmountProblem(' 10.50 ', 'USD')).toBeNull();
    expect(majorAmountProblem('90071992547409931.25', 'USD')).toBeNull();
  });

  it('names what is wrong: too many decimals, not a number, zero or less', () => {
    expect(majorAmountProblem('10.001', 'USD', 'a budget')).toBe('Enter a budget like 10 or 10.50 (at most 2 decimals).');
    expect(majorAmountProblem('10.5.0', 'USD')).toMatch(/^Enter an amount like 10 or 10\.50/);
    expect(majorAmountProblem('abc', 'USD')).toMatch(/^Enter an amount like/);
    expect(majorAmountProblem('0', 'USD')).toBe('Enter an amount above zero.');
  });
});
