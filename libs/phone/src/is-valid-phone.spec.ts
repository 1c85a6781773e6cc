import { isValidPhone } from './is-valid-phone.js';

describe('isValidPhone', () => {
  it('accepts numbers of supported countries in any written form', () => {
    expect(isValidPhone('0775265552')).toBe(true);
    expect(isValidPhone('+263 77 526 5552')).toBe(true);
    expect(isValidPhone('00254712345678')).toBe(true);
    expect(isValidPhone('0803 123 4567', 'NG')).toBe(true);
    expect(isValidPhone('0912 345 678', 'SD')).toBe(true);
  });

  it('accepts a well-formed number even if no known mobile network holds its prefix', () => {
    expect(isValidPhone('0242123456')).toBe(true);
  });

  it('reads local numbers with the default country', () => {
    expect(isValidPhone('08031234567')).toBe(false);
    expect(isValidPhone('08031234567', 'NG')).toBe(true);
  });

  it.each(['', 'abc', '0775', '+999123456789', '07752655521234', '26377526555x'])('rejects %j', (input) => {
    expect(isValidPhone(input)).toBe(false);
  });
});
