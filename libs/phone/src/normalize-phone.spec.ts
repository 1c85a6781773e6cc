import fc from 'fast-check';
import type { CountryCode } from './country-code.js';
import { normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    ['0775265552', '263775265552'],
    ['+263775265552', '263775265552'],
    ['+263 77 526 5552', '263775265552'],
    ['263775265552', '263775265552'],
    ['00263775265552', '263775265552'],
    ['00 263 77 526 5552', '263775265552'],
    ['077-526-5552', '263775265552'],
    ['077.526.5552', '263775265552'],
    ['(077) 526 5552', '263775265552'],
    ['  0775265552\t', '263775265552'],
    ['+263 (0) 77 526 5552', '263775265552'],
    ['775265552', '263775265552'],
  ])('reads %j as a Zimbabwean number by default', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each<[string, CountryCode, string]>([
    ['0803 123 4567', 'NG', '2348031234567'],
    ['08031234567', 'NG', '2348031234567'],
    ['+234 803 123 4567', 'NG', '2348031234567'],
    ['+234 (0)803 123 4567', 'NG', '2348031234567'],
    ['0712 345 678', 'KE', '254712345678'],
    ['0110 123 456', 'KE', '254110123456'],
    ['+254 712 345 678', 'KE', '254712345678'],
    ['0912 345 678', 'SD', '249912345678'],
    ['00249 912 345 678', 'SD', '249912345678'],
  ])('reads %j with default country %s', (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it('lets an explicit country code override the default country', () => {
    expect(normalizePhone('+254712345678', 'ZW')).toBe('254712345678');
    expect(normalizePhone('263775265552', 'NG')).toBe('263775265552');
    expect(normalizePhone('2348031234567', 'KE')).toBe('2348031234567');
  });

  it('applies the default country only to numbers without a country code', () => {
    // The same local digits are a different subscriber in each country.
    expect(normalizePhone('0712345678', 'ZW')).toBe('263712345678');
    expect(normalizePhone('0712345678', 'KE')).toBe('254712345678');
    expect(normalizePhone('0912345678', 'SD')).toBe('249912345678');
  });

  it('checks the national number length of the default country', () => {
    // 10 national digits is right for Nigeria and wrong everywhere else.
    expect(normalizePhone('08031234567', 'ZW')).toBeNull();
    expect(normalizePhone('0775265552', 'NG')).toBeNull();
  });

  it.each([
    '',
    '   ',
    'abc',
    '0775',
    '+263',
    '+999123456789',
    '+44 20 7946 0958',
    '07752655521234',
    '26377526555x',
    '0775 265 55x',
    '+263 77 526 555',
    '+263 77 526 55522',
    '+2630 0775265552',
    '+00263775265552',
    '0+263775265552',
    '263+775265552',
    '+263 07 7526 5552 1',
    '000775265552',
    '0075265552',
    '075265552',
    '0775265552/3',
    '٠٧٧٥٢٦٥٥٥٢',
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('rejects a national number that starts with the trunk digit', () => {
    expect(normalizePhone('+263 077526555')).toBeNull();
    expect(normalizePhone('0 0775265552')).toBeNull();
  });

  it('is idempotent and agrees across the ways a number can be written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('77', '78', '71', '73'),
        fc.stringMatching(/^\d{7}$/),
        (prefix, subscriber) => {
          const msisdn = `263${prefix}${subscriber}`;
          const spaced = `${prefix} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
          for (const written of [`0${prefix}${subscriber}`, `+263 ${spaced}`, `00263${spaced}`, `0${spaced}`, msisdn]) {
            expect(normalizePhone(written)).toBe(msisdn);
          }
          expect(normalizePhone(msisdn, 'NG')).toBe(msisdn);
        },
      ),
    );
  });
});
