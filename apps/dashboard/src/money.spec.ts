import { describe, expect, it } from '@jest/globals';
import { displayMinor } from './money.js';

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
