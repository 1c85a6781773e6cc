import { behaviourOf } from './test-number-behaviour.js';

describe('test numbers', () => {
  it('read the last four digits of any format', () => {
    expect(behaviourOf('263772220001')).toBe('reject');
    expect(behaviourOf('+263 77 222 0003')).toBe('timeout-then-success');
    expect(behaviourOf('0925340008')).toBe('garbage');
    expect(behaviourOf('37132660005')).toBe('pending-then-success');
  });

  it('succeed for anything else', () => {
    expect(behaviourOf('263772279099')).toBe('success');
    expect(behaviourOf('263772220009')).toBe('success');
  });
});
