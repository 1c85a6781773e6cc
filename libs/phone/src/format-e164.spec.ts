import { formatE164 } from './format-e164.js';
import { normalizePhone } from './normalize-phone.js';

describe('formatE164', () => {
  it('prefixes a normalised number with +', () => {
    expect(formatE164('263775265552')).toBe('+263775265552');
    expect(formatE164('2348031234567')).toBe('+2348031234567');
  });

  it('formats what normalizePhone produces', () => {
    expect(formatE164(normalizePhone('0803 123 4567', 'NG') ?? '')).toBe('+2348031234567');
  });

  it.each(['', '+263775265552', '0775265552', '263 775 265 552', '26377526555x', '1234567890123456'])(
    'throws on %j, which is not a normalised MSISDN',
    (input) => {
      expect(() => formatE164(input)).toThrow(RangeError);
    },
  );
});
