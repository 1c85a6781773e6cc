import type { CountryCode } from './country-code.js';
import { detectNetwork } from './detect-network.js';
import type { NetworkId } from './network-id.js';

describe('detectNetwork', () => {
  describe.each<[CountryCode, NetworkId, string[]]>([
    ['ZW', 'econet', ['0772 123 456', '0775265552', '+263 78 765 4321']],
    ['ZW', 'netone', ['0712 345 678', '+263 71 987 6543']],
    ['ZW', 'telecel', ['0732 123 456', '00263 73 345 6789']],

    ['KE', 'safaricom', [
      '0700 123 456', '0712 345 678', '0722 000 111', '0740 123 456', '0743 123 456', '0745 123 456',
      '0746 123 456', '0748 123 456', '0757 123 456', '0759 123 456', '0768 123 456', '0769 123 456',
      '0790 123 456', '0799 123 456', '0110 123 456', '0115 123 456', '+254 722 123 456',
    ]],
    ['KE', 'airtel', [
      '0733 123 456', '0739 123 456', '0750 123 456', '0756 123 456', '0762 123 456', '0780 123 456',
      '0789 123 456', '0100 123 456', '0102 123 456', '+254 733 123 456',
    ]],
    ['KE', 'telkom', ['0770 123 456', '0777 123 456', '+254 779 123 456']],

    ['NG', 'mtn', [
      '0803 123 4567', '0806 123 4567', '0703 123 4567', '0706 123 4567', '0813 123 4567', '0816 123 4567',
      '0810 123 4567', '0814 123 4567', '0903 123 4567', '0906 123 4567', '0913 123 4567', '0916 123 4567',
      '0702 512 3456', '0702 612 3456', '0704 123 4567', '+234 803 123 4567',
    ]],
    ['NG', 'airtel', [
      '0802 123 4567', '0808 123 4567', '0708 123 4567', '0812 123 4567', '0701 123 4567', '0902 123 4567',
      '0907 123 4567', '0901 123 4567', '0904 123 4567', '0912 123 4567', '+234 802 123 4567',
    ]],
    ['NG', 'glo', [
      '0805 123 4567', '0807 123 4567', '0705 123 4567', '0815 123 4567', '0811 123 4567', '0905 123 4567',
      '0915 123 4567', '00234 805 123 4567',
    ]],
    ['NG', '9mobile', [
      '0809 123 4567', '0818 123 4567', '0817 123 4567', '0909 123 4567', '0908 123 4567', '+2348091234567',
    ]],

    ['SD', 'zain', ['0900 123 456', '0912 345 678', '+249 91 234 5678']],
    ['SD', 'mtn', ['0921 234 567', '0991 234 567', '+249 92 123 4567']],
    ['SD', 'sudani', ['0112 345 678', '0123 456 789', '00249 12 345 6789']],
  ])('%s %s', (country, network, numbers) => {
    it.each(numbers)('recognises %j', (input) => {
      const detected = detectNetwork(input, country);
      expect(detected).toEqual({ country, network, msisdn: expect.stringMatching(/^\d+$/) });
      expect(detected?.msisdn.startsWith({ ZW: '263', KE: '254', NG: '234', SD: '249' }[country])).toBe(true);
    });
  });

  it('returns the normalised number with the network', () => {
    expect(detectNetwork('+263 77 526 5552')).toEqual({ country: 'ZW', network: 'econet', msisdn: '263775265552' });
    expect(detectNetwork('0803 123 4567', 'NG')).toEqual({ country: 'NG', network: 'mtn', msisdn: '2348031234567' });
  });

  it('takes the country from the country code, not the default', () => {
    expect(detectNetwork('+254 712 345 678', 'ZW')).toEqual({
      country: 'KE',
      network: 'safaricom',
      msisdn: '254712345678',
    });
    // '071…' is NetOne in Zimbabwe but Safaricom in Kenya.
    expect(detectNetwork('0712345678', 'ZW')?.network).toBe('netone');
    expect(detectNetwork('0712345678', 'KE')?.network).toBe('safaricom');
  });

  it('tells networks apart within a shared 3-digit block by the longer prefix', () => {
    // 0702 is split between operators: only 07025 and 07026 are MTN's.
    expect(detectNetwork('07025123456', 'NG')?.network).toBe('mtn');
    expect(detectNetwork('07027123456', 'NG')).toBeNull();
    // Kenya's 074x and 075x are split between Safaricom, Airtel and others.
    expect(detectNetwork('0744123456', 'KE')).toBeNull();
    expect(detectNetwork('0747123456', 'KE')).toBeNull();
    expect(detectNetwork('0756123456', 'KE')?.network).toBe('airtel');
    expect(detectNetwork('0757123456', 'KE')?.network).toBe('safaricom');
    expect(detectNetwork('0763123456', 'KE')).toBeNull();
  });

  it.each<[string, CountryCode]>([
    ['0242 123 456', 'ZW'], // Harare landline
    ['0792 123 456', 'ZW'],
    ['0202 123 456', 'KE'], // Nairobi landline
    ['0116 123 456', 'KE'],
    ['0103 123 456', 'KE'],
    ['0804 123 4567', 'NG'],
    ['0707 123 4567', 'NG'],
    ['0183 123 456', 'SD'], // Khartoum landline
    ['0955 123 456', 'SD'],
  ])('returns null for %j (%s), a valid number on no known mobile network', (input, country) => {
    expect(detectNetwork(input, country)).toBeNull();
  });

  it.each(['', 'abc', '0775', '+999123456789', '07752655521234', '26377526555x'])(
    'returns null for invalid %j',
    (input) => {
      expect(detectNetwork(input)).toBeNull();
    },
  );
});
